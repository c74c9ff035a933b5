// The widget's ES-module loader: defines <broadsheet-reader>.
//
// A host page needs only this module and the element. The wasm and the
// stylesheet are found relative to this file (import.meta.url), so the build
// can be served from another origin; the corpus `src` is resolved against the
// host page. No inline script or style is used, so a strict
// Content-Security-Policy with 'wasm-unsafe-eval' is enough.
//
// Attributes: src, lang (UI language), routing (hash | memory),
// theme (auto | light | dark), offline ("off" opts out of the service worker).
import init, { mount } from './broadsheet-widget.js';

const here = (file) => new URL(file, import.meta.url).href;

let wasmReady = null;
function loadWasm() {
  wasmReady ??= init({ module_or_path: here('broadsheet-widget_bg.wasm') });
  return wasmReady;
}

const UPDATE_TEXT = {
  zh: { notice: '有新版本可用', reload: '重新载入' },
  en: { notice: 'New edition available', reload: 'Reload' },
};

class BroadsheetReader extends HTMLElement {
  static observedAttributes = ['src', 'routing', 'theme', 'lang'];
  #handle = null;
  #generation = 0;

  connectedCallback() {
    if (!this.shadowRoot) {
      const shadow = this.attachShadow({ mode: 'open' });
      const style = document.createElement('link');
      style.rel = 'stylesheet';
      style.href = here('broadsheet.css');
      shadow.append(style);
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
    this.ready = loadWasm().then(
      () => {
        if (generation !== this.#generation) return; // replaced before the wasm arrived
        this.#handle = mount(root, src, attribute('routing'), attribute('theme'), attribute('lang'));
      },
      (error) => { this.#showStartFailure(root, error); throw error; },
    );
    this.ready.catch(() => {});
  }

  #unmount() {
    this.#generation++;
    this.#handle?.destroy();
    this.#handle = null;
  }

  /** Shows the "new edition available: reload" notice above the reader. */
  showUpdateNotice(onReload) {
    if (!this.shadowRoot || this.shadowRoot.querySelector('.bs-update')) return;
    const lang = (this.getAttribute('lang') || document.documentElement.lang || 'en').startsWith('zh') ? 'zh' : 'en';
    const notice = document.createElement('div');
    notice.className = 'bs-update';
    notice.setAttribute('role', 'status');
    const text = document.createElement('span');
    text.textContent = UPDATE_TEXT[lang].notice;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'bs-button';
    button.textContent = UPDATE_TEXT[lang].reload;
    button.addEventListener('click', onReload);
    notice.append(text, button);
    this.shadowRoot.insertBefore(notice, this.shadowRoot.querySelector('.broadsheet'));
  }

  // The wasm itself could not load: Yew is not there to show its error panel.
  #showStartFailure(root, error) {
    const panel = document.createElement('section');
    panel.className = 'bs-error';
    panel.setAttribute('role', 'alert');
    const title = document.createElement('h2');
    title.className = 'bs-error-title';
    title.textContent = 'The reader could not start';
    const detail = document.createElement('p');
    detail.textContent = String(error?.message ?? error);
    panel.append(title, detail);
    root.replaceChildren(panel);
    this.dispatchEvent(new CustomEvent('broadsheet:error', { bubbles: true, composed: true, detail: { message: detail.textContent } }));
  }
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
    if (registration.waiting) announce(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => { if (worker.state === 'installed') announce(worker); });
    });
    return registration;
  },
};

if (!customElements.get('broadsheet-reader')) {
  customElements.define('broadsheet-reader', BroadsheetReader);
}
