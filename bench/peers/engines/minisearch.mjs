// MiniSearch: an index over the fragments (settings.js), built in Node and
// saved with JSON.stringify as its docs show; its ES module build beside it;
// the corpus for snippets.
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { documents } from '../browser/documents.js';
import { minisearchOptions } from '../browser/settings.js';

export const name = 'minisearch';
export const label = 'MiniSearch';
export const npm = 'minisearch';
export const setup = 'the fragments\' fields, `combineWith: "AND"`, `prefix: true`, Chinese split into words by `Intl.Segmenter`; index saved with `JSON.stringify`, loaded with `loadJSON`; snippets cut from the corpus text';

const RUNTIME = new URL('../../../node_modules/minisearch/dist/es/index.js', import.meta.url);

export async function build({ corpus, dir, corpusFile }) {
  await mkdir(dir, { recursive: true });
  const start = performance.now();
  const index = new MiniSearch(minisearchOptions(corpus.lang));
  index.addAll(documents(corpus.source));
  const saved = JSON.stringify(index);
  const buildMs = performance.now() - start;
  await writeFile(join(dir, 'index.json'), saved);
  await copyFile(RUNTIME, join(dir, 'minisearch.js'));
  return { buildMs, offline: [join(dir, 'minisearch.js'), join(dir, 'index.json'), corpusFile], fragmentOf: (id) => id };
}
