// The widget's ES-module loader: defines <broadsheet-reader> on a page. The
// runtime is this file, the wasm-bindgen glue and the wasm, search included:
// it runs in the page; the one worker is the offline service worker below.
//
// A host page needs only this module and the element. The wasm is found
// relative to this file (import.meta.url), so the build can be served from
// another origin; the corpus `src` is resolved against the host page. The
// stylesheet (www/broadsheet.css) is built into this file (tools/build-loader.mjs)
// and given to each shadow root as a constructed stylesheet: no inline
// script or style is used, so a strict Content-Security-Policy with
// 'wasm-unsafe-eval' is enough.
//
// Attributes: src (a corpus file, or an archive folder `site/`), lang (UI
// language), routing (hash | memory), theme (auto | light | dark), offline
// ("off" opts out of the service worker and of keeping an archive's
// editions), offline-editions (how many of an archive's newest editions
// are kept whole for offline reading; 1 by default).
//
// Script API: `await reader.ready` (the widget has started), then
// `reader.open(articleId, { date, publication })` and `await
// reader.search(query, { limit, from, to, publication, page, order })`, which resolves to the
// hits exactly as `broadsheet search --json` prints them; for an archive,
// `await reader.saveOffline({ from, to, publication })`,
// `await reader.removeOffline({ from, to, publication })` and
// `await reader.offline()`. Events, dispatched
// on the element, bubbling and composed: `broadsheet:navigate` (detail:
// hash, view, date, publication, page, article, query) and
// `broadsheet:error` (detail: message).
//
// This source is not served as it is: tools/build-loader.mjs bundles it with
// the stylesheet into dist/broadsheet.js.
import init, { mount, set_panic_handler } from './broadsheet-widget.js';
import STYLESHEET from './broadsheet.css';

const here = (file) => new URL(file, import.meta.url).href;

let wasmReady = null;
let stopAll = null; // set by the element class: a panic stops every reader
function loadWasm() {
  wasmReady ??= init({ module_or_path: here('broadsheet-widget_bg.wasm') })
    .then(() => set_panic_handler((message) => stopAll(message)));
  return wasmReady;
}

// One constructed stylesheet shared by every reader's shadow root. CSSOM is
// not subject to the page's style-src, unlike a <style> element.
let styles = null;
function readerStyles() {
  if (!styles) {
    styles = new CSSStyleSheet();
    styles.replaceSync(STYLESHEET);
  }
  return styles;
}

// A path inside an archive, as its files name one another.
const ARCHIVE_PATH = /^(?!(?:.*\/)?\.{1,2}(?:\/|$))[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;

// An archive's first view needs its root, then its newest edition: both are
// fetched here while the wasm downloads, and handed to the reader, which
// checks them as it checks every file (src/ui/archive/preload.rs). A corpus
// file, or a deep link to another view, gets no head start.
function preloadArchive(src, routing) {
  const [address] = src.split('#');
  const [path, query = ''] = address.split('?');
  const base = path.endsWith('/archive.json') ? path.slice(0, -'archive.json'.length) : path.endsWith('/') ? path : null;
  if (base === null) return null;
  const root = `${base}archive.json${query ? `?${query}` : ''}`;
  const response = fetch(root);
  const front = routing === 'memory' || !location.hash.startsWith('#/') || location.hash === '#/';
  const edition = !front ? Promise.resolve(null) : response
    .then((answer) => (answer.ok ? answer.clone().json() : null))
    .then((archive) => {
      // A root that carries the newest outline (`front`) needs nothing more.
      if (archive?.front) return null;
      // As the reader's Root::newest: the latest date, the first paper on a tie.
      const newest = (archive?.publications ?? []).reduce((best, paper) => (!best || paper?.newest?.date > best.newest.date ? paper : best), null);
      const name = newest?.newest?.edition;
      if (typeof name !== 'string' || !ARCHIVE_PATH.test(name)) return null;
      return fetch(base + name).then((answer) => [base + name, answer]);
    })
    .catch(() => null);
  // Unhandled here: the reader reads them, or reports the failure itself.
  response.catch(() => {});
  return { root, response, edition };
}

const TEXT = {
  zh: { notice: '有新版本可用', reload: '重新载入', stopped: '阅读器出错，已停止' },
  en: { notice: 'New edition available', reload: 'Reload', stopped: 'The reader stopped after an internal error' },
};

function defineReader() {
  if (customElements.get('broadsheet-reader')) return;
  class BroadsheetReader extends HTMLElement {
    static observedAttributes = ['src', 'routing', 'theme', 'lang', 'offline', 'offline-editions'];
    #handle = null;
    #generation = 0;

    connectedCallback() {
      if (!this.shadowRoot) {
        this.attachShadow({ mode: 'open' }).adoptedStyleSheets = [readerStyles()];
      }
      readers.add(this);
      this.#mount();
      if (this.getAttribute('offline') !== 'off') offline.register();
    }

    disconnectedCallback() {
      readers.delete(this);
      this.#unmount();
    }

    // A new corpus or setting: the reader starts over with it.
    attributeChangedCallback(name, previous, value) {
      if (previous !== value && this.isConnected && this.shadowRoot) {
        this.#unmount();
        this.#mount();
      }
    }

    #mount() {
      const generation = ++this.#generation;
      const root = document.createElement('div');
      root.className = 'broadsheet';
      this.shadowRoot.querySelector('.broadsheet')?.remove();
      this.shadowRoot.append(root);
      const attribute = (name) => this.getAttribute(name);
      const src = new URL(attribute('src') || 'corpus.json', document.baseURI).href;
      const preload = preloadArchive(src, attribute('routing'));
      this.ready = loadWasm().then(
        () => {
          if (generation !== this.#generation) return; // replaced before the wasm arrived
          const onEvent = (name, detail) => this.#dispatch(name, JSON.parse(detail));
          const keep = attribute('offline') === 'off' ? '0' : attribute('offline-editions');
          this.#handle = mount(root, src, attribute('routing'), attribute('theme'), attribute('lang'), keep, preload, onEvent);
        },
        (error) => { this.#showFailure(root, 'The reader could not start', error); throw error; },
      );
      this.ready.catch(() => {});
    }

    /** Opens the stitched article `id` (of an edition of `date` and of the
     * publication titled `publication`, each when given, else the newest
     * that has it); resolves to whether the corpus has it. A search hit's
     * `date` and `publication` name its edition. */
    async open(id, { date, publication } = {}) {
      return (await this.#mounted()).open(String(id), date ?? null, publication ?? null);
    }

    /** Searches the corpus; resolves to the hits as `broadsheet search --json` prints them. */
    async search(query, options = {}) {
      return JSON.parse(await (await this.#mounted()).search(String(query), options));
    }

    /** Saves an archive's editions for offline reading, each whole: `{ from,
     * to, publication }`, each optional (no dates: the newest edition).
     * Resolves to the bytes they take; rejects with how far it came and why
     * it stopped (offline, or the browser's storage is full). */
    async saveOffline(range = {}) {
      return (await this.#mounted()).saveOffline(range);
    }

    /** Lets go of saved editions (`{ from, to, publication }`; all without
     * any); resolves to the bytes freed. */
    async removeOffline(range = {}) {
      return (await this.#mounted()).removeOffline(range);
    }

    /** What is saved for offline reading and what the browser allows:
     * `{ editions: [{ date, publication, bytes, automatic }], bytes, quota,
     * usage, persisted }`. */
    async offline() {
      return JSON.parse(await (await this.#mounted()).offline());
    }

    async #mounted() {
      await this.ready;
      if (!this.#handle) throw new Error('the reader is not mounted');
      return this.#handle;
    }

    #dispatch(name, detail) {
      this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail }));
    }

    // A panic stopped the wasm: every reader shows why instead of a frozen view.
    static {
      stopAll = (message) => { for (const reader of readers) reader.#stop(message); };
    }

    #stop(message) {
      // The stopped wasm must not be called again, not even to unmount.
      this.#handle = null;
      this.#generation++;
      const root = document.createElement('div');
      root.className = 'broadsheet';
      this.shadowRoot?.querySelector('.broadsheet')?.remove();
      this.shadowRoot?.append(root);
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'bs-button';
      button.textContent = TEXT[this.#lang()].reload;
      button.addEventListener('click', () => location.reload());
      this.#showFailure(root, TEXT[this.#lang()].stopped, message, button);
    }

    #lang() {
      return (this.getAttribute('lang') || document.documentElement.lang || 'en').startsWith('zh') ? 'zh' : 'en';
    }

    #unmount() {
      this.#generation++;
      this.#handle?.destroy();
      this.#handle = null;
    }

    /** Shows the "new edition available: reload" notice above the reader. */
    showUpdateNotice(onReload) {
      if (!this.shadowRoot || this.shadowRoot.querySelector('.bs-update')) return;
      const lang = this.#lang();
      const notice = document.createElement('div');
      notice.className = 'bs-update';
      notice.setAttribute('role', 'status');
      const text = document.createElement('span');
      text.textContent = TEXT[lang].notice;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'bs-button';
      button.textContent = TEXT[lang].reload;
      button.addEventListener('click', onReload);
      notice.append(text, button);
      this.shadowRoot.insertBefore(notice, this.shadowRoot.querySelector('.broadsheet'));
    }

    // The wasm could not load or has stopped: Yew is not there to show its error panel.
    #showFailure(root, heading, error, ...actions) {
      const panel = document.createElement('section');
      panel.className = 'bs-error';
      panel.setAttribute('role', 'alert');
      const title = document.createElement('h2');
      title.className = 'bs-error-title';
      title.textContent = heading;
      const detail = document.createElement('p');
      detail.textContent = String(error?.message ?? error);
      panel.append(title, detail, ...actions);
      root.replaceChildren(panel);
      this.#dispatch('broadsheet:error', { message: detail.textContent });
    }
  }
  customElements.define('broadsheet-reader', BroadsheetReader);
}

const readers = new Set();

// The service worker: registered once per page, from beside this module, when
// it is on the page's origin (a worker cannot be registered cross-origin).
const offline = {
  registration: null,
  register() {
    if (this.registration || !('serviceWorker' in navigator)) return;
    const url = here('sw.js');
    if (new URL(url).origin !== location.origin) return;
    this.registration = navigator.serviceWorker.register(url, { scope: here('./') })
      .then((registration) => this.watch(registration))
      .catch((error) => console.warn(`Broadsheet: offline reading is unavailable: ${error.message}`));
  },
  watch(registration) {
    const announce = (worker) => {
      if (!navigator.serviceWorker.controller) return; // first visit: nothing older is on screen
      const reload = () => {
        navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
        worker.postMessage({ type: 'broadsheet:skip-waiting' });
      };
      for (const reader of readers) reader.showUpdateNotice(reload);
    };
    const whenInstalled = (worker) => {
      worker?.addEventListener('statechange', () => { if (worker.state === 'installed') announce(worker); });
    };
    if (registration.waiting) announce(registration.waiting);
    // An update may already be installing when this page registers: its
    // updatefound has fired before this listener existed.
    whenInstalled(registration.installing);
    registration.addEventListener('updatefound', () => whenInstalled(registration.installing));
    return registration;
  },
};

defineReader();
