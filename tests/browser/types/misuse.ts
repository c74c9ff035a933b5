// Host code the declarations must refuse. Each statement below is marked
// as an expected error with its TypeScript code, so tsc fails if the types
// ever grow loose enough to accept it (an expected error that does not
// occur is itself an error), and tests/browser/types.test.mjs checks that
// each fails with that code.
import 'broadsheet-reader';
import type { BroadsheetReaderAttributes, Hit, NavigateDetail } from 'broadsheet-reader';

declare const reader: HTMLElementTagNameMap['broadsheet-reader'];
declare const hit: Hit;

// @ts-expect-error TS2345: the query is a string
void reader.search(42);
// @ts-expect-error TS2322: limit is a number
void reader.search('上合', { limit: '10' });
// @ts-expect-error TS2353: no such option
void reader.search('上合', { size: 10 });
// @ts-expect-error TS2322: the order is relevance or newest
void reader.search('上合', { order: 'oldest' });
// @ts-expect-error TS2339: search resolves to the hits themselves, not { total, hits }
void reader.search('上合').then((found) => found.hits);
// @ts-expect-error TS2345: the article id is a string
void reader.open(7);
// @ts-expect-error TS2353: no such option
void reader.open('a', { edition: 0 });
// @ts-expect-error TS2322: open resolves to a boolean
const opened: Promise<string> = reader.open('a');
// @ts-expect-error TS2353: a range has dates and a publication, no page
void reader.saveOffline({ from: '2024-09-01', page: 2 });
// @ts-expect-error TS2339: offline() lists editions, with no total count field
void reader.offline().then((report) => report.count);
// @ts-expect-error TS2339: a hit has no such field
void hit.title;
// @ts-expect-error TS18047: a hit may have no headline
void hit.headline.length;
// @ts-expect-error TS2322: highlights are [start, end] pairs of numbers
const range: [string, string] = hit.snippets[0]!.highlights[0]!;
// @ts-expect-error TS2322: the views are named
const view: NavigateDetail['view'] = 'front';
// @ts-expect-error TS2339: the navigate detail has no such field
reader.addEventListener('broadsheet:navigate', (event) => event.detail.edition);
// @ts-expect-error TS2339: the error detail is { message }
document.addEventListener('broadsheet:error', (event) => event.detail.reason);
// @ts-expect-error TS2540: ready is the element's, not the host's to set
reader.ready = Promise.resolve();
// @ts-expect-error TS2339: src is an attribute, not a property
reader.src = 'site/';
// @ts-expect-error TS2322: offline is `off` or absent
const attributes: BroadsheetReaderAttributes = { offline: 'on' };

export { attributes, opened, range, view };
