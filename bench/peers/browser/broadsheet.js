// Broadsheet in the page: the widget as a host embeds it, searched through
// its element API (`await reader.ready; await reader.search(query, { limit })`,
// hits shaped like `broadsheet search --json`). A hit is named
// `date|publication|article`, the story's edition and first fragment, as
// the JSON has them. Until the element has search(), open() says so and the runner
// reports Broadsheet's browser figures as pending.
let reader;

/** Starts the runtime in `folder` (beside the harness) reading `src`. */
export async function openReader(folder, src) {
  await import(`../${folder}/broadsheet.js`);
  reader = document.createElement('broadsheet-reader');
  reader.setAttribute('src', src);
  reader.setAttribute('routing', 'memory');
  reader.setAttribute('offline', 'off');
  document.body.append(reader);
  await reader.ready;
  if (typeof reader.search !== 'function') throw new Error('pending: the <broadsheet-reader> element has no search() yet');
}

export const open = () => openReader('broadsheet', '../corpus.json');

const named = (hit) => `${hit.date}|${hit.publication}|${hit.article}`;

export async function top(query, limit) {
  return (await reader.search(query, { limit })).map((hit) => ({ id: named(hit), snippet: hit.snippets[0] }));
}

export async function all(query) {
  return (await reader.search(query, { limit: 1e9 })).map(named);
}
