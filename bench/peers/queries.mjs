// The query set: real-looking queries drawn from a corpus, the same every
// run (a fixed seed and a fixed generator, Mulberry32, not Math.random).
//
// Chinese corpora get runs of 1, 2, 3, 4, 6 and 8 Han characters, runs that
// start inside one word and end inside the next (words as Intl.Segmenter
// sees them, as a segmenting engine would), two runs ANDed, runs written in
// Traditional characters and numbers written in full-width digits. English
// corpora get words, two words ANDed, quoted phrases, the inside of a long
// word (`ongres`), a quoted run across a word boundary (`"ess met"`),
// full-width words and full-width numbers. Every query is made from text
// that is in the corpus, so a Ctrl-F reader would find each one at least
// once. This module draws queries; it does not judge results (truth.mjs).
import { TRADITIONAL_TO_SIMPLIFIED, unitTexts } from './rule.mjs';

/** How many queries of each kind, per corpus language. */
export const PLAN = {
  zh: { 'han-1': 20, 'han-2': 20, 'han-3': 20, 'han-4': 20, 'han-6': 20, 'han-8': 20, 'across-words': 20, 'two-terms': 20, traditional: 20, 'full-width-digits': 20 },
  en: { word: 40, 'two-words': 30, phrase: 30, 'inside-word': 30, 'across-words': 30, 'full-width-word': 20, 'full-width-number': 20 },
};

/** The kind of the cold first query: a short query, as a reader's first one is. */
export const COLD_KIND = { zh: 'han-2', en: 'word' };

const HAN = /\p{Script=Han}/u;
const SIMPLIFIED_TO_TRADITIONAL = new Map([...TRADITIONAL_TO_SIMPLIFIED].map(([traditional, simplified]) => [simplified, traditional]).reverse());
const FULL_WIDTH_OFFSET = 0xff10 - 0x30;

/** Mulberry32: a tiny fixed PRNG, so the query set never changes by itself. */
function random(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
  return { below: (bound) => Math.floor(next() * bound), pick: (items) => items[Math.floor(next() * items.length)] };
}

const toFullWidth = (text) => text.replace(/[!-~]/g, (c) => String.fromCodePoint(c.codePointAt(0) + FULL_WIDTH_OFFSET));
const toTraditional = (text) => [...text].map((c) => SIMPLIFIED_TO_TRADITIONAL.get(c) ?? c).join('');

/** Start indices (in code points) of runs of `length` Han characters in `chars`. */
function hanRunStarts(chars, length) {
  const starts = [];
  let run = 0;
  chars.forEach((c, index) => {
    run = HAN.test(c) ? run + 1 : 0;
    if (run >= length) starts.push(index - length + 1);
  });
  return starts;
}

function drawers(lang) {
  const segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
  const hanRun = (rng, text, length) => {
    const chars = [...text];
    const starts = hanRunStarts(chars, length);
    if (starts.length === 0) return null;
    const start = rng.pick(starts);
    return chars.slice(start, start + length).join('');
  };
  const words = (text) => [...segmenter.segment(text)].filter((segment) => segment.isWordLike);
  const latinWords = (text) => words(text).map((word) => word.segment).filter((word) => /^[A-Za-z]{3,}$/.test(word));
  const consecutiveWords = (rng, text, count) => {
    const runs = [...text.matchAll(new RegExp(`[A-Za-z]{3,}(?: [A-Za-z]{2,}){${count - 1}}`, 'g'))].map((m) => m[0]);
    return runs.length ? rng.pick(runs).split(' ').slice(0, count).join(' ') : null;
  };
  const han = {};
  for (const length of [1, 2, 3, 4, 6, 8]) han[`han-${length}`] = (rng, text) => hanRun(rng, text, length);
  return {
    ...han,
    'across-words': lang === 'zh'
      ? (rng, text) => {
          // The tail of one word and the head of the next, all Han.
          const list = words(text);
          const pairs = list.slice(1).map((next, i) => [list[i], next])
            .filter(([a, b]) => a.index + a.segment.length === b.index && a.segment.length >= 2 && b.segment.length >= 2)
            .filter(([a, b]) => [...a.segment + b.segment].every((c) => HAN.test(c)));
          if (pairs.length === 0) return null;
          const [a, b] = rng.pick(pairs);
          const tail = [...a.segment].slice(-1 - rng.below(a.segment.length - 1)).join('');
          const head = [...b.segment].slice(0, 1 + rng.below(b.segment.length - 1)).join('');
          return tail + head;
        }
      : (rng, text) => {
          const pair = consecutiveWords(rng, text, 2);
          if (!pair) return null;
          const [a, b] = pair.split(' ');
          return `"${a.slice(-2 - rng.below(a.length - 2))} ${b.slice(0, 2 + rng.below(b.length - 1))}"`;
        },
    'two-terms': (rng, text) => {
      const [a, b] = [hanRun(rng, text, 2 + rng.below(2)), hanRun(rng, text, 2 + rng.below(2))];
      return a && b && a !== b ? `${a} ${b}` : null;
    },
    traditional: (rng, text) => {
      const run = hanRun(rng, text, 2 + rng.below(5));
      return run && toTraditional(run) !== run ? toTraditional(run) : null;
    },
    'full-width-digits': (rng, text) => {
      const numbers = [...text.matchAll(/[0-9]{2,}\p{Script=Han}{1,2}/gu)].map((m) => m[0]);
      return numbers.length ? toFullWidth(rng.pick(numbers)) : null;
    },
    word: (rng, text) => {
      const list = latinWords(text);
      return list.length ? rng.pick(list) : null;
    },
    'two-words': (rng, text) => {
      const list = latinWords(text);
      const [a, b] = [rng.pick(list), rng.pick(list)];
      return a && b && a.toLowerCase() !== b.toLowerCase() ? `${a} ${b}` : null;
    },
    phrase: (rng, text) => {
      const phrase = consecutiveWords(rng, text, 2 + rng.below(2));
      return phrase ? `"${phrase}"` : null;
    },
    'inside-word': (rng, text) => {
      const long = latinWords(text).filter((word) => word.length >= 7);
      if (long.length === 0) return null;
      const word = rng.pick(long);
      return word.slice(1 + rng.below(2), word.length - 1 - rng.below(2));
    },
    'full-width-word': (rng, text) => {
      const list = latinWords(text);
      return list.length ? toFullWidth(rng.pick(list)) : null;
    },
    'full-width-number': (rng, text) => {
      const numbers = [...text.matchAll(/\b[0-9]{2,}\b/g)].map((m) => m[0]);
      return numbers.length ? toFullWidth(rng.pick(numbers)) : null;
    },
  };
}

/**
 * The query set of a corpus (see loadCorpus): `[{ kind, text }]`, kinds in
 * plan order, no query twice. `seed` picks another, equally fixed, set;
 * `plan` (kind → count) another mix than the language's PLAN.
 */
export function generateQueries(corpus, { seed = 2024, plan } = {}) {
  const lang = corpus.lang.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  const draw = drawers(lang);
  const rng = random(seed);
  const units = corpus.fragments.map((fragment) => unitTexts(fragment.article).filter((text) => text.trim()));
  const queries = [];
  const seen = new Set();
  for (const [kind, count] of Object.entries(plan ?? PLAN[lang])) {
    let made = 0;
    for (let attempt = 0; made < count && attempt < count * 200; attempt++) {
      const texts = rng.pick(units);
      if (!texts.length) continue;
      const text = draw[kind](rng, rng.pick(texts));
      if (text && !seen.has(text)) {
        seen.add(text);
        queries.push({ kind, text });
        made++;
      }
    }
    if (made < count) throw new Error(`the corpus yields only ${made} of ${count} "${kind}" queries`);
  }
  return queries;
}
