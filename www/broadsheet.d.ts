// Types of the <broadsheet-reader> element that broadsheet.js defines.
//
// Importing the package (`import 'broadsheet-reader'`) defines the element
// and, for TypeScript, adds it to `HTMLElementTagNameMap` and its two events
// to the event maps, so that `document.querySelector('broadsheet-reader')`
// is a `BroadsheetReaderElement` and `event.detail` is typed:
//
//   import 'broadsheet-reader';
//   const reader = document.querySelector('broadsheet-reader');
//   await reader?.ready;
//   const hits = await reader?.search('上合组织', { limit: 5 });
//   reader?.addEventListener('broadsheet:navigate', (event) => console.log(event.detail.view));

/**
 * The element's attributes, as a host sets them in HTML or with
 * `setAttribute`. The element reads them as attributes only: it defines no
 * properties for them (`lang` is HTMLElement's own). Changing any of them
 * starts the reader over with the new value.
 */
export interface BroadsheetReaderAttributes {
  /**
   * What to read, resolved against the host page (default `corpus.json`):
   * - a corpus file (`corpus.json`, with its search index `corpus.index`
   *   beside it when there is one), or
   * - an archive folder: a URL ending in `/` (`site/`) or naming its root
   *   file (`site/archive.json`), read an edition and a page at a time.
   */
  src?: string;
  /** The interface language (`zh`, `zh-CN`, `en`, …); by default the publication's. */
  lang?: string;
  /** `hash` (the default) keeps the view in the page URL; `memory` never touches it. */
  routing?: BroadsheetRouting;
  /** `auto` (the default) follows `prefers-color-scheme`. */
  theme?: BroadsheetTheme;
  /** `off` opts out of the offline service worker and of keeping an archive's editions. */
  offline?: 'off';
  /**
   * How many of an archive's newest editions are kept whole for offline
   * reading (default 1; `0` keeps none). Only for an archive `src`.
   */
  'offline-editions'?: `${number}`;
}

/** The `routing` attribute's values; anything else means `hash`. */
export type BroadsheetRouting = 'hash' | 'memory';

/** The `theme` attribute's values; anything else means `auto`. */
export type BroadsheetTheme = 'auto' | 'light' | 'dark';

/** `open()`'s second argument: which edition's article, when an id is in several (`null` and `undefined` mean absent). */
export interface OpenOptions {
  /** The edition's date, `YYYY-MM-DD`; when absent, the newest edition that has the article. */
  date?: string | null | undefined;
  /** The title of the edition's publication (an archive of several papers prints several on one date). */
  publication?: string | null | undefined;
}

/** `search()`'s second argument; each field optional (`null` and `undefined` mean absent). */
export interface SearchOptions {
  /** How many hits at most (default 10). */
  limit?: number | null | undefined;
  /** The first edition date included, `YYYY-MM-DD`. */
  from?: string | null | undefined;
  /** The last edition date included, `YYYY-MM-DD`. */
  to?: string | null | undefined;
  /** Only editions of the publication of this title, exactly as the corpus or archive names it. */
  publication?: string | null | undefined;
  /** Only stories with a fragment printed on this page (a page number). */
  page?: number | null | undefined;
  /**
   * `"relevance"` (the default): best first. `"newest"`: newest edition
   * first, best first within an edition. The same stories either way; any
   * other value rejects.
   */
  order?: 'relevance' | 'newest' | null | undefined;
}

/**
 * A `[start, end)` range of a snippet's `text`, counted in Unicode code
 * points (not UTF-16 code units): slice with
 * `Array.from(text).slice(start, end).join('')`.
 */
export type Highlight = [start: number, end: number];

/** A passage of a story's text with the query's hits in it marked. */
export interface Snippet {
  text: string;
  /** Sorted, non-overlapping ranges of `text`. */
  highlights: Highlight[];
}

/**
 * One matching story: an article with its continuations merged in, exactly
 * as `broadsheet search CORPUS QUERY --json` prints it. An article id is
 * unique only within its edition: `date`, `publication` and `article`
 * together name one story (pass them to `open()`).
 */
export interface Hit {
  /** The id of the story's first fragment. */
  article: string;
  /** The page of the story's first fragment. */
  page: number;
  /** The edition's date, `YYYY-MM-DD`. */
  date: string;
  /** The title of the edition's publication. */
  publication: string;
  /** The story's headline, `null` when it has none. */
  headline: string | null;
  /** The relevance score: higher is better (hits come best first). */
  score: number;
  /** One to three passages, each with at least one hit. */
  snippets: Snippet[];
}

/** What a `broadsheet:navigate` view shows. */
export type NavigateView = 'edition' | 'page' | 'article' | 'search' | 'not-found';

/** The detail of `broadsheet:navigate`, dispatched whenever a new view is shown. */
export interface NavigateDetail {
  /** The view's route, `#/…`, as in the page URL with hash routing. */
  hash: string;
  view: NavigateView;
  /** The edition's date, for views inside an edition; else `null`. */
  date: string | null;
  /** The title of the edition's publication, for views inside an edition; else `null`. */
  publication: string | null;
  /** The page shown, or the article's page; else `null`. */
  page: number | null;
  /** The article's id, for the article view; else `null`. */
  article: string | null;
  /** The search text, for the search view and an article opened from it; else `null`. */
  query: string | null;
}

/** The detail of `broadsheet:error`: something the reader could not do (a corpus that failed to load, a stopped reader). */
export interface ErrorDetail {
  message: string;
}

/**
 * The reader's events. They are dispatched on the element, bubble and are
 * composed, so a listener on any ancestor, `document` or `window` hears
 * every reader's.
 */
export interface BroadsheetReaderEventMap {
  'broadsheet:navigate': CustomEvent<NavigateDetail>;
  'broadsheet:error': CustomEvent<ErrorDetail>;
}

/**
 * `<broadsheet-reader>`: attributes in {@link BroadsheetReaderAttributes},
 * events in {@link BroadsheetReaderEventMap}. A script that may run before
 * broadsheet.js has defined the element awaits
 * `customElements.whenDefined('broadsheet-reader')` first.
 */
export interface BroadsheetReaderElement extends HTMLElement {
  /**
   * Resolves once the widget has started (its wasm is loaded and the reader
   * mounted); rejects when the wasm could not load. Set when the element is
   * connected to a document, and replaced when it starts over (a changed
   * attribute); `undefined` on an element never connected.
   */
  readonly ready: Promise<void> | undefined;
  /**
   * Shows the article `id` (continued across pages, stitched into one read)
   * of an edition of `date` and of the publication titled `publication`,
   * each when given, else of the newest edition that has it. Waits for the
   * corpus to load. Resolves to whether the reader has the article (over an
   * archive: among the editions it has opened so far); rejects when the
   * corpus failed to load or the element is not connected.
   */
  open(id: string, options?: OpenOptions): Promise<boolean>;
  /**
   * Searches the corpus once it has loaded; over an archive, every edition
   * by its search index (offline: the editions saved for offline reading).
   * Resolves to the hits in the order asked (best first by default), as
   * `broadsheet search CORPUS QUERY --json` prints them; rejects when the
   * corpus failed to load, an index file is missing or damaged (naming
   * it), or the element is not connected.
   */
  search(query: string, options?: SearchOptions): Promise<Hit[]>;
  /**
   * Over an archive: saves its editions of `range` for offline reading,
   * each whole (without dates, the newest edition), and asks the browser to
   * keep them under storage pressure. Resolves to the bytes they take;
   * rejects with how far it came and why it stopped (offline, or the
   * browser's storage is full), keeping the editions it completed; rejects
   * for a corpus file (the service worker keeps one whole).
   */
  saveOffline(range?: EditionRange): Promise<number>;
  /** Lets go of saved editions of `range` (all without one); resolves to the bytes freed. */
  removeOffline(range?: EditionRange): Promise<number>;
  /** What is saved for offline reading, and what the browser allows. */
  offline(): Promise<OfflineReport>;
}

/** `saveOffline()`'s and `removeOffline()`'s argument: dates inclusive, each field optional. */
export interface EditionRange {
  from?: string | null;
  to?: string | null;
  /** The publication's title; by default the newest edition's. */
  publication?: string | null;
}

/** One edition saved for offline reading. */
export interface SavedEdition {
  date: string;
  publication: string;
  bytes: number;
  /** Kept as one of the newest editions (`offline-editions`), not saved by choice. */
  automatic: boolean;
}

/** `offline()`'s answer. */
export interface OfflineReport {
  editions: SavedEdition[];
  /**
   * Editions saved by choice that the browser has since taken back (its
   * cache cleared while the reader's localStorage stayed); each stays listed
   * until it is saved again or let go with `removeOffline()`.
   */
  lost: { date: string; publication: string }[];
  /** The bytes of all saved editions. */
  bytes: number;
  /** The origin's storage quota and usage as the browser estimates them; `null` when it does not say. */
  quota: number | null;
  usage: number | null;
  /** Whether the browser agreed not to evict the saved editions under storage pressure. */
  persisted: boolean;
}

declare global {
  interface HTMLElementTagNameMap {
    'broadsheet-reader': BroadsheetReaderElement;
  }
  // HTMLElementEventMap, DocumentEventMap and WindowEventMap all extend
  // this map: the events bubble out of the shadow root to all of them.
  interface GlobalEventHandlersEventMap extends BroadsheetReaderEventMap {}
}
