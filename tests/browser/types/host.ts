// A host page's script as TypeScript, against the package's declarations
// (broadsheet.d.ts): every part of the element's API used as a host would.
// tests/browser/types.test.mjs type-checks it with `tsc --noEmit --strict`;
// it is never run.
import 'broadsheet-reader';
import type {
  BroadsheetReaderAttributes,
  BroadsheetReaderElement,
  BroadsheetReaderEventMap,
  EditionRange,
  ErrorDetail,
  Highlight,
  Hit,
  NavigateDetail,
  NavigateView,
  OfflineReport,
  OpenOptions,
  SearchOptions,
  Snippet,
} from 'broadsheet-reader';

/** The marked words of a snippet: offsets count code points, not UTF-16 units. */
function marked(snippet: Snippet): string[] {
  const chars = Array.from(snippet.text);
  return snippet.highlights.map(([start, end]: Highlight) => chars.slice(start, end).join(''));
}

function describe(hit: Hit): string {
  const headline: string = hit.headline ?? '(no headline)';
  const words = hit.snippets.flatMap(marked).join(', ');
  const page: number = hit.page;
  return `${hit.publication} ${hit.date} p${page} ${hit.article}: ${headline} [${hit.score.toFixed(2)}] ${words}`;
}

/** Every view named, and no other: a new one fails to compile here. */
function label(view: NavigateView): string {
  switch (view) {
    case 'edition': return 'Edition';
    case 'page': return 'Page';
    case 'article': return 'Article';
    case 'search': return 'Search';
    case 'not-found': return 'Not found';
    default: {
      const unknown: never = view;
      return unknown;
    }
  }
}

function onNavigate(detail: NavigateDetail): void {
  const where = [detail.date, detail.publication, detail.page?.toString(), detail.article, detail.query]
    .filter((part): part is string => part !== null && part !== undefined);
  history.replaceState(null, '', `${location.pathname}${detail.hash}`);
  document.title = `${label(detail.view)} ${where.join(' · ')}`;
}

function onError(detail: ErrorDetail): void {
  const status = document.querySelector<HTMLElement>('#status');
  if (status) status.textContent = detail.message;
}

async function main(): Promise<void> {
  await customElements.whenDefined('broadsheet-reader');
  const reader = document.querySelector('broadsheet-reader');
  if (!reader) return;
  const element: BroadsheetReaderElement = reader;
  const html: HTMLElement = element;

  // Events on the element, and bubbled out of its shadow root to the page.
  reader.addEventListener('broadsheet:navigate', (event) => onNavigate(event.detail));
  reader.addEventListener('broadsheet:error', (event) => onError(event.detail));
  document.addEventListener('broadsheet:navigate', (event: CustomEvent<NavigateDetail>) => console.log(event.detail.view));
  window.addEventListener('broadsheet:error', (event) => console.warn(event.detail.message));
  html.addEventListener('broadsheet:navigate', (event) => console.log(event.detail.hash));
  const listener = (event: BroadsheetReaderEventMap['broadsheet:error']): void => onError(event.detail);
  reader.addEventListener('broadsheet:error', listener, { once: true });
  reader.removeEventListener('broadsheet:error', listener);

  await reader.ready;
  const options: SearchOptions = { limit: 5, from: '2024-09-01', to: '2024-09-30', page: 2 };
  const hits: Hit[] = await reader.search('上合组织', options);
  await reader.search('上合', { limit: null, page: undefined });
  await reader.search('上合', { publication: '青岛日报', order: 'newest' });
  await reader.search('上合');
  for (const hit of hits) console.log(describe(hit));

  const [best] = hits;
  if (best) {
    const which: OpenOptions = { date: best.date, publication: best.publication };
    const found: boolean = await reader.open(best.article, which);
    if (!found) console.warn(`${best.article} is gone`);
  }
  await reader.open('2024-09-12-p2-1');
  await reader.open('2024-09-12-p2-1', { date: '2024-09-12' });

  // An archive's editions for the train: a month saved, then listed, then let go.
  const september: EditionRange = { from: '2024-09-01', to: '2024-09-30', publication: '青岛日报' };
  try {
    const bytes: number = await reader.saveOffline(september);
    console.log(`${(bytes / 1e6).toFixed(1)} MB saved`);
  } catch (error: unknown) {
    console.warn(error instanceof Error ? error.message : error);
  }
  await reader.saveOffline();
  const report: OfflineReport = await reader.offline();
  for (const edition of report.editions) console.log(edition.date, edition.publication, edition.bytes, edition.automatic);
  const room: string = report.quota === null ? 'unknown' : `${report.quota - (report.usage ?? 0)} bytes left`;
  console.log(report.bytes, room, report.persisted ? 'persisted' : 'may be evicted');
  const freed: number = await reader.removeOffline({ from: '2024-09-01' });
  console.log(freed);

  // Two more readers made by script: an archive kept a week for offline
  // reading, and a corpus that stays online.
  const settings: BroadsheetReaderAttributes[] = [
    { src: 'site/', lang: 'zh-CN', routing: 'memory', theme: 'dark', 'offline-editions': '7' },
    { src: 'corpus.json', routing: 'hash', theme: 'light', offline: 'off' },
  ];
  for (const attributes of settings) {
    const another = document.createElement('broadsheet-reader');
    for (const [name, value] of Object.entries(attributes)) another.setAttribute(name, value);
    document.body.append(another);
    another.ready?.then(() => another.search('上合'), (error: unknown) => console.error(error));
  }
}

void main();
