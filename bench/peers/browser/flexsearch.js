// FlexSearch in the page: its module build, the index built ahead of time
// in Node and imported from JSON, the corpus for snippets.
import { documents, snippet } from './documents.js';
import { flexsearchOptions } from './settings.js';

let index;
let byId;

export async function open({ lang }) {
  const [{ Document, Charset }, parts, corpus] = await Promise.all([
    import('../flexsearch/flexsearch.js'),
    fetch('../flexsearch/index.json').then((response) => response.json()),
    fetch('../corpus.json').then((response) => response.json()),
  ]);
  index = new Document(flexsearchOptions(Charset, lang));
  for (const [key, data] of Object.entries(parts)) await index.import(key, data);
  byId = new Map(documents(corpus).map((document) => [document.id, document]));
}

export async function top(query, limit) {
  // With merge, the limit holds per field: the merged list can be longer.
  return index.search(query, { limit, merge: true }).slice(0, limit).map(({ id }) => ({ id, snippet: snippet(byId.get(id), query) }));
}

export async function all(query) {
  return index.search(query, { limit: byId.size, merge: true }).map(({ id }) => id);
}
