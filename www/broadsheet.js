// The widget's ES-module loader: defines <broadsheet-reader>.
//
// A host page needs only this module and the element. The wasm and the
// stylesheet are found relative to this file (import.meta.url), so the build
// can be served from another origin; the corpus `src` is resolved against the
// host page. No inline script or style is used, so a strict
// Content-Security-Policy with 'wasm-unsafe-eval' is enough.
import init, { mount } from './broadsheet-widget.js';

const here = (file) => new URL(file, import.meta.url).href;

let wasmReady = null;
function loadWasm() {
  wasmReady ??= init({ module_or_path: here('broadsheet-widget_bg.wasm') });
  return wasmReady;
}

class BroadsheetReader extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const shadow = this.attachShadow({ mode: 'open' });
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = here('broadsheet.css');
    const root = document.createElement('div');
    root.className = 'broadsheet';
    shadow.append(style, root);
    const src = new URL(this.getAttribute('src') || 'corpus.json', document.baseURI).href;
    const attribute = (name) => this.getAttribute(name);
    this.ready = loadWasm().then(() => {
      mount(root, src, attribute('routing'), attribute('theme'), attribute('lang'));
    });
  }
}

if (!customElements.get('broadsheet-reader')) {
  customElements.define('broadsheet-reader', BroadsheetReader);
}
