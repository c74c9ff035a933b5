// How each JavaScript peer is configured, shared by its index builder
// (Node) and its adapter (browser) so that indexing and querying agree.
// Each is the library's documented setting for the language, not tuned to
// this benchmark's queries:
// - FlexSearch: a Document over the fields, `tokenize: 'forward'` (partial
//   words, as for search-as-you-type) and the CJK charset for Chinese
//   (`Charset.CJK`, one token per character), the default charset otherwise.
// - MiniSearch: all terms required (`combineWith: 'AND'`), prefix search;
//   Chinese split into words by Intl.Segmenter, since its default tokenizer
//   splits on spaces and punctuation only.
import { FIELDS } from './documents.js';

export const isChinese = (lang) => lang.toLowerCase().startsWith('zh');

export function flexsearchOptions(Charset, lang) {
  return {
    document: { id: 'id', index: FIELDS },
    tokenize: 'forward',
    encoder: isChinese(lang) ? Charset.CJK : Charset.Default,
  };
}

export function minisearchOptions(lang) {
  const options = { fields: FIELDS, searchOptions: { combineWith: 'AND', prefix: true } };
  if (isChinese(lang)) {
    const words = new Intl.Segmenter(lang, { granularity: 'word' });
    options.tokenize = (text) => [...words.segment(text)].filter((word) => word.isWordLike).map((word) => word.segment);
  }
  return options;
}
