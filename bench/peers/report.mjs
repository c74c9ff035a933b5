// The report of a peer benchmark run: bench/results/peers.md (tables and
// how each figure is taken), bench/results/peers.svg (a chart, plain SVG)
// and the README's copy of the targets tables between its `bench-peers` markers.
// Every number comes from the results of a run; nothing is typed here.
//
//   node bench/peers/report.mjs [build/peers/results.json]   (rewrite from saved results)
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeMarkup } from './escape.mjs';

const RESULTS = 'bench/results';
const README = 'README.md';
const START = '<!-- bench-peers:start -->';
const END = '<!-- bench-peers:end -->';
const COMMAND = 'make bench-peers';
const PENDING = 'pending';

const percent = (part, whole) => (whole ? `${((100 * part) / whole).toFixed(1)} %` : '–');

function milliseconds(ms) {
  if (ms === null || ms === undefined) return PENDING;
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms).toLocaleString('en')} ms`;
}

function bytes(count) {
  if (count === null || count === undefined) return PENDING;
  if (count < 1024 * 1024) return `${(count / 1024).toFixed(1)} KiB`;
  return `${(count / 1024 / 1024).toFixed(1)} MiB`;
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** The main table of one corpus, one row per engine. */
function table(corpus) {
  const rows = [
    '| engine | result set = Ctrl-F truth | truth fully found (recall) | precision | p50 | p95 | cold first query | downloaded by then (gzip) | offline set (gzip) | index build |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const engine of corpus.engines) {
    const { recall } = engine;
    const native = engine.resultsFrom === 'native CLI' ? ' ¹' : '';
    rows.push(`| ${engine.label} ${engine.version} | ${recall.exact} / ${recall.queries}${native} | ${percent(recall.complete, recall.queries)}${native} | ${
      recall.precision === null ? '–' : `${(100 * recall.precision).toFixed(1)} %`}${native} | ${milliseconds(engine.p50)} | ${milliseconds(engine.p95)} | ${
      milliseconds(engine.cold?.ms)} | ${bytes(engine.cold?.bytes)} | ${bytes(engine.offlineBytes)} in ${engine.offlineFiles.toLocaleString('en')} files | ${seconds(engine.buildMs)} |`);
  }
  return rows.join('\n');
}

function footnotes(corpus) {
  const pending = corpus.engines.filter((engine) => engine.pending);
  return pending.map((engine) =>
    `¹ ${engine.label} in the browser: ${PENDING} (${escapeMarkup(engine.pending)}); its result sets come from the same engine natively, \`broadsheet search --json\`.`).join('\n');
}

/** What the main table leaves out: first-asked times and downloads over the whole set. */
function details(corpus) {
  const timed = corpus.engines.filter((engine) => engine.firstRound?.p50 != null);
  if (timed.length === 0) return '';
  const first = timed.map((engine) => `${engine.label} ${milliseconds(engine.firstRound.p50)} / ${milliseconds(engine.firstRound.p95)}`);
  const downloads = timed.map((engine) => `${engine.label} ${bytes(engine.runBytes)}`);
  const colds = timed.filter((engine) => engine.cold?.runs).map((engine) => `${engine.label} ${engine.cold.runs.map(milliseconds).join(', ')}`);
  return [
    `Each query asked for the first time (round 1 of ${corpus.rounds}), p50 / p95: ${first.join(', ')}.`,
    `Downloaded by the end of the query set, gzipped: ${downloads.join(', ')}.`,
    colds.length ? `Cold first queries, in the order run: ${colds.join('; ')}.` : '',
  ].filter(Boolean).join(' ');
}

/** Broadsheet's own engines (over the corpus file, over its archive). */
const isOurs = (engine) => engine.name.startsWith('broadsheet');

/**
 * The targets Broadsheet (`oursName`: over the corpus file, or over its
 * archive) is published against, for one corpus: each with its figure,
 * the peer it is held to (the best at it) and whether it is met. Ratios
 * are the peer's figure over Broadsheet's: above 1, Broadsheet is that
 * many times faster or smaller. An archive is kept offline by chosen
 * editions, so its offline set is not held to Pagefind's.
 */
export function targets(corpus, oursName = 'broadsheet') {
  const ours = corpus.engines.find((engine) => engine.name === oursName);
  const peers = corpus.engines.filter((engine) => !isOurs(engine) && !engine.pending);
  if (!ours || peers.length === 0) return [];
  const best = (value, better) => {
    const measured = peers.filter((peer) => value(peer) != null);
    return measured.length ? measured.reduce((a, b) => (better(value(b), value(a)) ? b : a)) : null;
  };
  const lowest = (value) => best(value, (a, b) => a < b);
  const rows = [];
  const exact = best((engine) => engine.recall.exact, (a, b) => a > b);
  rows.push({
    target: 'every result set equal to the Ctrl-F truth',
    ours: `${ours.recall.exact} / ${ours.recall.queries}`,
    peer: exact && `${exact.label} ${exact.recall.exact} / ${exact.recall.queries}`,
    met: ours.recall.exact === ours.recall.queries,
  });
  const twice = (target, value, format) => {
    const peer = lowest(value);
    if (value(ours) == null || !peer) return;
    const ratio = value(peer) / value(ours);
    rows.push({ target, ours: format(value(ours)), peer: `${peer.label} ${format(value(peer))}`, ratio, met: ratio >= 2 });
  };
  twice('p50 at most half the fastest peer\'s', (engine) => engine.p50, milliseconds);
  twice('p95 at most half the fastest peer\'s', (engine) => engine.p95, milliseconds);
  twice('cold first query at most half the best peer\'s', (engine) => engine.cold?.ms, milliseconds);
  const pagefind = peers.find((engine) => engine.name === 'pagefind');
  if (pagefind?.cold && ours.cold) {
    const ratio = pagefind.cold.bytes / ours.cold.bytes;
    rows.push({ target: 'downloaded by the first answer at most Pagefind\'s', ours: bytes(ours.cold.bytes), peer: `${pagefind.label} ${bytes(pagefind.cold.bytes)}`, ratio, met: ratio >= 1 });
  }
  if (pagefind && oursName === 'broadsheet') {
    const ratio = pagefind.offlineBytes / ours.offlineBytes;
    rows.push({ target: 'offline set smaller than Pagefind\'s bundle', ours: bytes(ours.offlineBytes), peer: `${pagefind.label} ${bytes(pagefind.offlineBytes)}`, ratio, met: ratio > 1 });
  }
  return rows;
}

/** The targets of each of Broadsheet's engines measured on `corpus`, a column each. */
function targetTable(corpus) {
  const ours = corpus.engines.filter(isOurs);
  const tables = ours.map((engine) => [engine, targets(corpus, engine.name)]).filter(([, rows]) => rows.length);
  if (tables.length === 0) return '';
  return tables.map(([engine, rows]) => [
    `| target | ${engine.label} | held to | ratio | met |`,
    '| --- | ---: | ---: | ---: | :---: |',
    ...rows.map((row) => `| ${row.target} | ${row.ours} | ${row.peer ?? '–'} | ${row.ratio === undefined ? '–' : `${row.ratio.toFixed(2)}×`} | ${row.met ? 'yes' : '**no**'} |`),
  ].join('\n')).join('\n\n');
}

/** A row per engine, a column per kind of query, each cell `cell(engine, kind)`. */
function kindTable(corpus, cell) {
  const kinds = Object.keys(corpus.kinds);
  const rows = [
    `| engine | ${kinds.map((kind) => `${kind} (${corpus.kinds[kind]})`).join(' | ')} |`,
    `| --- | ${kinds.map(() => '---:').join(' | ')} |`,
  ];
  for (const engine of corpus.engines) {
    rows.push(`| ${engine.label} | ${kinds.map((kind) => cell(engine, kind)).join(' | ')} |`);
  }
  return rows.join('\n');
}

function corpusHeading(corpus) {
  return `${corpus.title}: ${corpus.stories.toLocaleString('en')} stories in ${corpus.fragments.toLocaleString('en')} fragments (${corpus.continued} continued across pages), ${corpus.queries} queries`;
}

function machineLine({ machine, seconds: took }) {
  return `Measured ${machine.date} on ${machine.cpu} × ${machine.cores} cores (load ${machine.load.toFixed(1)} at the start, a shared build machine), headless Chromium ${machine.chromium}, Node ${machine.node}; the run took ${Math.round(took / 60)} min.`;
}

function markdown(results) {
  const parts = [
    '# Search beside the field',
    '',
    `Generated by \`${COMMAND}\` (bench/peers/); do not edit. ${machineLine(results)}`,
    '',
    '![Queries answered exactly and query latency per engine](peers.svg)',
  ];
  for (const corpus of results.corpora) {
    parts.push('', `## ${corpusHeading(corpus)}`, '', table(corpus), '', footnotes(corpus), '', details(corpus), '',
      'The targets Broadsheet is published against (ratio: the peer\'s figure over Broadsheet\'s):', '', targetTable(corpus), '',
      'Queries whose true result set each engine found in full, by kind of query:', '',
      kindTable(corpus, (engine, kind) => engine.byKind[kind].complete), '',
      'p50 latency by kind of query:', '',
      kindTable(corpus, (engine, kind) => milliseconds(engine.p50ByKind?.[kind])));
  }
  const engines = results.corpora[0]?.engines ?? [];
  parts.push('', '## How the figures are taken', '',
    '- **Truth**: the stories a reader finds with Ctrl-F: every term of the query (split on spaces, a quoted part is one term) occurs in one field of the story after the same folding Broadsheet documents (NFKC, case, Traditional → Simplified, whitespace). A JavaScript scan finds it (bench/peers/truth.mjs), checked against a naive scan on every tenth query; it shares no code with Broadsheet.',
    '- **Stories, not fragments**: an article continued across pages is one story. Broadsheet merges the fragments itself; the peers index one document per fragment, and their hits are mapped to stories, each story counted once.',
    '- **Result set = truth**: the stories returned are exactly the true ones. **Recall**: the share of queries whose true stories were all returned. **Precision**: the share of returned stories that are true, averaged over the queries that returned any.',
    `- **p50 / p95**: from query to the top ten with snippets, timed in the page with \`performance.now()\` (cross-origin isolated); each query's time is the median of ${results.corpora[0]?.rounds} rounds, the engines interleaved query by query in one Chromium, after ${results.corpora[0]?.warmUps} warm-up queries.`,
    `- **Cold first query**: the median of ${results.corpora[0]?.coldRuns ?? 1} fresh browser contexts (empty cache), the engines taking turns: from loading the engine (its script, index and the text it needs) to the first query's top ten with snippets. **Downloaded by then**: what the page fetched for it, each file gzipped (-9; an already compressed file as it is). JSON files are served to every engine as \`application/octet-stream\`: under DevTools, which drives the browser here, Chromium would decode each large text response in one task on the page's main thread, as no reader's browser does.`,
    '- **Offline set**: what a reader must cache to search offline: runtime, index and the text results are shown from, gzipped. Pagefind\'s HTML pages are not counted (its fragments hold the text).',
    '- **Index build**: Broadsheet and Pagefind: the wall time of their index command; FlexSearch and MiniSearch: adding the documents in Node and serializing the index.',
    '',
    '**Engines:**',
    '',
    ...engines.map((engine) => `- ${engine.label} ${engine.version}: ${engine.setup}.`));
  return `${parts.join('\n')}\n`;
}

// ---- the chart -----------------------------------------------------------

const COLOURS = { broadsheet: '#b3261e', 'broadsheet-archive': '#e8710a', pagefind: '#1f5fa8', flexsearch: '#2e7d32', minisearch: '#8a5a00' };

function svg(results) {
  const width = 1000;
  const row = 26;
  const panel = 300;
  const left = 130;
  const right = left + panel + 165;
  const times = results.corpora.flatMap((corpus) => corpus.engines.flatMap((engine) => [engine.p50, engine.p95])).filter((ms) => ms > 0);
  const low = Math.pow(10, Math.floor(Math.log10(Math.min(...times, 1))));
  const high = Math.pow(10, Math.ceil(Math.log10(Math.max(...times, 1))));
  const scale = (ms) => (panel * Math.log10(ms / low)) / Math.log10(high / low);
  const bars = [];
  let y = 20;
  bars.push(`<text x="${left}" y="${y}" class="head">Result set equal to the Ctrl-F truth (filled),</text>`);
  bars.push(`<text x="${right}" y="${y}" class="head">Query to top 10 with snippets, log scale:</text>`);
  y += 16;
  bars.push(`<text x="${left}" y="${y}" class="head">truth fully found (outline), of all queries</text>`);
  bars.push(`<text x="${right}" y="${y}" class="head">p50 (filled), p95 (outline)</text>`);
  const top = y + 8;
  for (const corpus of results.corpora) {
    y += 24;
    bars.push(`<text x="8" y="${y}" class="corpus">${escapeMarkup(corpus.title.replace(/`/g, ''))}</text>`);
    y += 6;
    for (const engine of corpus.engines) {
      const colour = COLOURS[engine.name] ?? '#555';
      const { exact, complete, queries } = engine.recall;
      const middle = y + row / 2 + 4;
      bars.push(`<text x="${left - 8}" y="${middle}" text-anchor="end">${escapeMarkup(engine.label)}</text>`);
      bars.push(`<rect x="${left}" y="${y + 4}" width="${((panel * complete) / queries).toFixed(1)}" height="${row - 8}" fill="none" stroke="${colour}"/>`);
      bars.push(`<rect x="${left}" y="${y + 4}" width="${((panel * exact) / queries).toFixed(1)}" height="${row - 8}" fill="${colour}"/>`);
      const native = engine.resultsFrom === 'native CLI' ? ' (CLI)' : '';
      bars.push(`<text x="${left + panel + 6}" y="${middle}">${exact} / ${complete} of ${queries}${native}</text>`);
      if (engine.p50 === null) {
        bars.push(`<text x="${right + 4}" y="${middle}" class="pending">${PENDING}: no search in the widget yet</text>`);
      } else {
        bars.push(`<rect x="${right}" y="${y + 4}" width="${scale(engine.p95).toFixed(1)}" height="${row - 8}" fill="none" stroke="${colour}"/>`);
        bars.push(`<rect x="${right}" y="${y + 4}" width="${scale(engine.p50).toFixed(1)}" height="${row - 8}" fill="${colour}"/>`);
        bars.push(`<text x="${right + scale(engine.p95) + 6}" y="${middle}">${milliseconds(engine.p50)} / ${milliseconds(engine.p95)}</text>`);
      }
      y += row;
    }
  }
  y += 6;
  const grid = [];
  for (let tick = low; tick <= high; tick *= 10) {
    const x = (right + scale(tick)).toFixed(1);
    const name = tick >= 1 ? String(tick) : tick.toFixed(Math.round(-Math.log10(tick)));
    grid.push(`<line x1="${x}" y1="${top}" x2="${x}" y2="${y}" class="grid"/><text x="${x}" y="${y + 12}" text-anchor="middle" class="tick">${name} ms</text>`);
  }
  y += 34;
  const notes = [`Measured ${results.machine.date}: ${results.machine.cpu} × ${results.machine.cores} cores, headless Chromium ${results.machine.chromium}.`,
    `Generated by ${COMMAND}; definitions in bench/results/peers.md.`];
  const footer = notes.map((note, i) => `<text x="8" y="${y + 14 * i}" class="note">${escapeMarkup(note)}</text>`);
  y += 14 * notes.length;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}" font-family="system-ui, sans-serif" font-size="12">
<style>.head{font-weight:600}.corpus{font-weight:600;font-size:13px}.pending{fill:#777;font-style:italic}.grid{stroke:#ddd}.tick{fill:#777;font-size:10px}.note{fill:#555;font-size:11px}</style>
<rect width="100%" height="100%" fill="#fff"/>
${[...grid, ...bars, ...footer].join('\n')}
</svg>
`;
}

// ---- the README section ----------------------------------------------------

/** The README's copy: the targets of each corpus, the rest in peers.md. */
function readmeSection(results) {
  const parts = [START, `<!-- written by \`${COMMAND}\`; edits here are overwritten -->`, '', machineLine(results),
    'Every engine, figure and definition: [bench/results/peers.md](bench/results/peers.md).'];
  for (const corpus of results.corpora) {
    parts.push('', `**${corpusHeading(corpus)}**`, '', targetTable(corpus));
  }
  parts.push(END);
  return parts.join('\n').replace(/\n{3,}/g, '\n\n');
}

async function writeAtomically(path, text) {
  const partial = `${path}.partial`;
  await writeFile(partial, text);
  await rename(partial, path);
}

/** Writes peers.md, peers.svg and the README section from a run's results. */
export async function writeReport(results) {
  await mkdir(RESULTS, { recursive: true });
  await writeAtomically(join(RESULTS, 'peers.md'), markdown(results).replace(/\n{3,}/g, '\n\n'));
  await writeAtomically(join(RESULTS, 'peers.svg'), svg(results));
  const readme = await readFile(README, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end < start) {
    throw new Error(`${README}: no "${START}" … "${END}" section to write the figures into; put those two lines where the figures belong`);
  }
  await writeAtomically(README, readme.slice(0, start) + readmeSection(results) + readme.slice(end + END.length));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] ?? 'build/peers/results.json';
  await writeReport(JSON.parse(await readFile(file, 'utf8')));
  console.error(`rewrote ${join(RESULTS, 'peers.md')}, ${join(RESULTS, 'peers.svg')} and ${README} from ${file}`);
}
