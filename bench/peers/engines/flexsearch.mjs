// FlexSearch: a Document index over the fragments (settings.js), built and
// exported in Node, written as one JSON object of its export parts; its
// module build beside it; the corpus for snippets.
import { Charset, Document } from 'flexsearch';
import { documents } from '../browser/documents.js';
import { flexsearchOptions } from '../browser/settings.js';
import { buildLibrary } from './library.mjs';

export const name = 'flexsearch';
export const label = 'FlexSearch';
export const npm = 'flexsearch';
export const setup = 'a Document over the fragments\' fields, `tokenize: "forward"`, `Charset.CJK` for Chinese and the default charset for English; index exported in Node, imported in the page; snippets cut from the corpus text';

const RUNTIME = new URL('../../../node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs', import.meta.url);

export function build({ corpus, dir, corpusFile }) {
  return buildLibrary({ dir, runtime: RUNTIME, runtimeName: 'flexsearch.js', corpusFile }, async () => {
    const index = new Document(flexsearchOptions(Charset, corpus.lang));
    for (const document of documents(corpus.source)) index.add(document);
    const parts = {};
    await index.export((key, data) => { parts[key] = data; });
    return JSON.stringify(parts);
  });
}
