// The widget's runtime as the build ships it in dist/: the loader (which
// carries the stylesheet), the wasm-bindgen glue and the wasm. With a corpus and its index, these are everything a reader
// needs offline. The demo page, the service worker and the corpus schema are
// not the runtime.
export const RUNTIME = ['broadsheet.js', 'broadsheet-widget.js', 'broadsheet-widget_bg.wasm'];
