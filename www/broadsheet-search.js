// The reader's search worker: the module Web Worker that loads the widget's
// wasm and runs its search engine off the page's main thread, so that
// reading a large corpus's index, or building one, never freezes the page.
// The reader (src/ui/search/service.rs) starts it from broadsheet.js, which
// calls serveSearch() when it finds itself in a worker scope (the build
// bundles this file into it), and describes the messages; they are handled
// one at a time, in order, so a search posted while the index opens is
// answered once it is open.
import init, { SearchEngine, set_panic_handler } from './broadsheet-widget.js';

/** Answers the reader's messages in this worker. */
export function serveSearch() {
  let engine = null;
  let queue = init().then(() => set_panic_handler((message) => self.postMessage({ type: 'panic', message })));

  self.addEventListener('message', (event) => {
    queue = queue.then(() => handle(event.data), (error) => fail(event.data, error));
  });

  function handle(message) {
    try {
      if (message.type === 'open') {
        const started = performance.now();
        engine = new SearchEngine(message.corpus, message.index && new Uint8Array(message.index));
        self.postMessage({ type: 'opened', source: engine.source, reason: engine.reason ?? null, ms: performance.now() - started });
      } else if (message.type === 'search') {
        if (!engine) throw new Error('the search index is not open');
        const answer = engine.search(message.query, message.from, message.to, message.page, message.limit);
        self.postMessage({ type: 'answer', id: message.id, total: answer.total, editions: answer.editions, hits: answer.hits });
      }
    } catch (error) {
      fail(message, error);
    }
  }
}

function fail(message, error) {
  self.postMessage({ type: 'failed', id: message.type === 'search' ? message.id : null, message: String(error?.message ?? error) });
}
