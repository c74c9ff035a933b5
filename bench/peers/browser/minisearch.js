// MiniSearch in the page: its ES module, the index built ahead of time in
// Node and loaded with loadJSON, the corpus for snippets.
import { documents, snippet } from './documents.js';
import { minisearchOptions } from './settings.js';

let index;
let byId;

export async function open({ lang }) {
  const [{ default: MiniSearch }, json, corpus] = await Promise.all([
    import('../minisearch/minisearch.js'),
    fetch('../minisearch/index.json').then((response) => response.text()),
    fetch('../corpus.json').then((response) => response.json()),
  ]);
  index = MiniSearch.loadJSON(json, minisearchOptions(lang));
  byId = new Map(documents(corpus).map((document) => [document.id, document]));
}

export async function top(query, limit) {
  return index.search(query).slice(0, limit).map(({ id }) => ({ id, snippet: snippet(byId.get(id), query) }));
}

export async function all(query) {
  return index.search(query).map(({ id }) => id);
}
