// MiniSearch: an index over the fragments (settings.js), built in Node and
// saved with JSON.stringify as its docs show; its ES module build beside it;
// the corpus for snippets.
import MiniSearch from 'minisearch';
import { documents } from '../browser/documents.js';
import { minisearchOptions } from '../browser/settings.js';
import { buildLibrary } from './library.mjs';

export const name = 'minisearch';
export const label = 'MiniSearch';
export const npm = 'minisearch';
export const setup = 'the fragments\' fields, `combineWith: "AND"`, `prefix: true`, Chinese split into words by `Intl.Segmenter`; index saved with `JSON.stringify`, loaded with `loadJSON`; snippets cut from the corpus text';

const RUNTIME = new URL('../../../node_modules/minisearch/dist/es/index.js', import.meta.url);

export function build({ corpus, dir, corpusFile }) {
  return buildLibrary({ dir, runtime: RUNTIME, runtimeName: 'minisearch.js', corpusFile }, async () => {
    const index = new MiniSearch(minisearchOptions(corpus.lang));
    index.addAll(documents(corpus.source));
    return JSON.stringify(index);
  });
}
