// The exactness rule of Broadsheet's search, written again in JavaScript so
// that the benchmark's truth does not come from the engine it judges.
//
// A query is split on whitespace into terms; a double-quoted part is one
// term with its spaces kept, and a quote always ends the term before it.
// Query and text are normalized character by character: NFKC, lowercase,
// Traditional to Simplified Chinese (the per-character table the engine
// documents in src/search/t2s_table.rs, read from there because it is the
// rule's data, not its code), then whitespace runs become one space. A
// story matches when every term occurs as a contiguous substring of the
// normalized text of one of its units (headline, kicker, deck, byline, a
// paragraph, subhead, caption or credit) of any of its fragments.
//
// This module knows nothing about corpora or engines: see corpus.mjs and
// truth.mjs.
import { readFileSync } from 'node:fs';

const T2S_TABLE = new URL('../../src/search/t2s_table.rs', import.meta.url);
const WHITESPACE = /\p{White_Space}/u;

/** Traditional → Simplified, one code point each, from the engine's table. */
export const TRADITIONAL_TO_SIMPLIFIED = readPairs(readFileSync(T2S_TABLE, 'utf8'));

/**
 * The pairs of the engine's table: `KEYS` (the Traditional characters,
 * ascending, each the previous plus a LEB128 number) and `FORMS` (their
 * Simplified forms, each the previous plus a zigzag LEB128 number), Rust
 * byte strings both; `LEN` says how many.
 */
function readPairs(source) {
  const length = Number(/pub const LEN: usize = (\d+);/.exec(source)?.[1]);
  const keys = numbers(byteString(source, 'KEYS'));
  const forms = numbers(byteString(source, 'FORMS'));
  const pairs = new Map();
  let [traditional, simplified] = [0, 0];
  for (let i = 0; i < Math.min(keys.length, forms.length); i += 1) {
    traditional += keys[i];
    const zigzag = forms[i];
    simplified = (simplified + ((zigzag >>> 1) ^ -(zigzag & 1))) >>> 0;
    pairs.set(String.fromCodePoint(traditional), String.fromCodePoint(simplified));
  }
  if (!(pairs.size === length && length > 3000)) throw new Error(`${T2S_TABLE.pathname}: expected LEN = ${length} pairs, read ${pairs.size}`);
  return pairs;
}

/** The bytes of the Rust byte string `pub const NAME: &[u8; N] = b"…";`. */
function byteString(source, name) {
  const start = source.indexOf(`pub const ${name}: &[u8; `);
  const open = source.indexOf('b"', start) + 2;
  const bytes = [];
  for (let i = open; source[i] !== '"'; i += 1) {
    if (source[i] !== '\\') {
      bytes.push(source.charCodeAt(i));
    } else if (source[i + 1] === 'x') {
      bytes.push(parseInt(source.slice(i + 2, i + 4), 16));
      i += 3;
    } else if (source[i + 1] === '\n') {
      // A line continuation: the newline and the next line's indentation are not in the string.
      i += 1;
      while (/\s/.test(source[i + 1])) i += 1;
    } else {
      bytes.push({ n: 10, r: 13, t: 9, 0: 0, '\\': 92, '"': 34, "'": 39 }[source[i + 1]]);
      i += 1;
    }
  }
  return bytes;
}

/** The unsigned LEB128 numbers of `bytes`. */
function numbers(bytes) {
  const out = [];
  let [value, shift] = [0, 0];
  for (const byte of bytes) {
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) {
      out.push(value);
      [value, shift] = [0, 0];
    }
  }
  return out;
}

const simplify = (c) => TRADITIONAL_TO_SIMPLIFIED.get(c) ?? c;

/** One input character's normalized form (whitespace not yet collapsed). */
function foldChar(c) {
  let out = '';
  for (const compatible of c.normalize('NFKC')) {
    for (const lower of compatible.toLowerCase()) out += simplify(lower);
  }
  return out;
}

const folded = new Map();

/** The normalized form of `text`. */
export function normalize(text) {
  let out = '';
  let afterSpace = false;
  for (const c of text) {
    let fold = folded.get(c);
    if (fold === undefined) folded.set(c, (fold = foldChar(c)));
    for (const f of fold) {
      if (WHITESPACE.test(f)) {
        if (!afterSpace) out += ' ';
        afterSpace = true;
      } else {
        out += f;
        afterSpace = false;
      }
    }
  }
  return out;
}

/** The normalized, distinct, non-empty terms of a query. */
export function queryTerms(query) {
  const raw = [];
  let current = '';
  let quoted = false;
  for (const c of query) {
    if (c === '"') {
      raw.push(current);
      current = '';
      quoted = !quoted;
    } else if (WHITESPACE.test(c) && !quoted) {
      raw.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  raw.push(current);
  const terms = [];
  for (const term of raw.map((text) => normalize(text).replace(/^ +| +$/g, ''))) {
    if (term && !terms.includes(term)) terms.push(term);
  }
  return terms;
}

/** The texts of an article fragment's units, as the engine lists them. */
export function unitTexts(article) {
  const texts = [article.kicker, article.headline, article.deck, article.byline];
  for (const block of article.blocks) {
    if (block.type === 'figure') texts.push(block.caption, block.credit);
    else texts.push(block.text);
  }
  return texts.filter((text) => typeof text === 'string');
}

/** True when every term occurs inside one of the normalized `units`. */
export function matchesUnits(normalizedUnits, terms) {
  return terms.length > 0 && terms.every((term) => normalizedUnits.some((unit) => unit.includes(term)));
}
