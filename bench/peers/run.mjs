// `make bench-peers`: Broadsheet's search beside Pagefind, FlexSearch and
// MiniSearch, on the same corpora, in one headless Chromium session.
//
// For each corpus: draw the query set (queries.mjs), find the Ctrl-F truth
// (truth.mjs, checked against a naive scan on every tenth query), build
// every engine's index (engines/), serve it all from one loopback folder,
// open each engine in its own browser context (empty cache), time its cold
// first query, warm it up, then time the query set with the engines
// interleaved query by query, and finally collect every engine's full
// result set for recall and precision. Broadsheet runs twice: over the
// corpus file, and over the archive `broadsheet publish` makes of it.
// Writes build/peers/results.json and the report (report.mjs). A
// measurement, not a test: it fails only when something cannot run.
//
//   node bench/peers/run.mjs [--queries 200] [--rounds 3] [--cold-runs 3] [--corpora zh,en] [--corpus FILE …]
//
// --corpus adds any corpus file (repeatable) to the built-in corpora that
// --corpora names (`--corpora ''` for none).
import { execFileSync } from 'node:child_process';
import { copyFile, cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../../tests/browser/support.mjs';
import { serve, UNDECODED_UNDER_DEVTOOLS } from '../../tools/serve.mjs';
import { loadCorpus } from './corpus.mjs';
import * as broadsheet from './engines/broadsheet.mjs';
import * as broadsheetArchive from './engines/broadsheet-archive.mjs';
import * as flexsearch from './engines/flexsearch.mjs';
import * as minisearch from './engines/minisearch.mjs';
import * as pagefind from './engines/pagefind.mjs';
import { totalWireSize } from './files.mjs';
import { COLD_KIND, generateQueries } from './queries.mjs';
import { writeReport } from './report.mjs';
import { judge, median, percentile, summarize } from './score.mjs';
import { naiveTruth, Truth } from './truth.mjs';

const CORPORA = {
  zh: { file: 'build/zh-10k.json', title: 'Chinese: 10,000 generated articles after a page of 青岛日报 (`zh_corpus`)' },
  en: { file: 'build/chronam.json', title: 'English: the 1916 Chronicling America front pages (noisy OCR)' },
};
const ENGINES = [broadsheet, broadsheetArchive, pagefind, flexsearch, minisearch];
const HARNESS = new URL('./browser/', import.meta.url);
// Cross-origin isolation gives performance.now() its fine resolution.
const ISOLATED = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
const WARM_UP_QUERIES = 20;
const WARM_UP_SEED = 7;

const { values: options } = parseArgs({
  options: {
    queries: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '3' },
    'cold-runs': { type: 'string', default: '3' },
    corpora: { type: 'string', default: 'zh,en' },
    corpus: { type: 'string', multiple: true, default: [] },
    out: { type: 'string', default: 'build/peers' },
    binary: { type: 'string', default: 'target/release/broadsheet' },
    dist: { type: 'string', default: 'dist' },
  },
});

const started = performance.now();
const log = (message) => console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

/** Every `step`-th query, so that a smaller set keeps every kind. */
function subsample(queries, count) {
  if (count >= queries.length) return queries;
  const step = queries.length / count;
  return Array.from({ length: count }, (_, i) => queries[Math.floor(i * step)]);
}

function checkTruth(corpus, queries, truths) {
  queries.forEach((query, i) => {
    if (i % 10 !== 0) return;
    const naive = naiveTruth(corpus.stories, query.text);
    if (naive.join('\n') !== truths[i].join('\n')) {
      throw new Error(`the truth scan and the naive scan disagree on ${JSON.stringify(query.text)}: ${truths[i].length} against ${naive.length} stories`);
    }
  });
}

async function version(engine) {
  if (engine.npm) {
    const manifest = new URL(`../../node_modules/${engine.npm}/package.json`, import.meta.url);
    return JSON.parse(await readFile(manifest, 'utf8')).version;
  }
  const cargo = await readFile('Cargo.toml', 'utf8');
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  return `${cargo.match(/^version\s*=\s*"([^"]+)"/m)?.[1]} (${commit})`;
}

/**
 * Opens an engine's page in a fresh context and records what it downloads
 * (its workers' requests included), each file once: fetched again, it
 * would be revalidated, not downloaded, by a server that sends validators.
 */
async function openEngine(browser, base, site, entry, lang) {
  entry.context = await browser.newContext();
  entry.downloads = new Set();
  entry.context.on('response', (response) => {
    const path = decodeURIComponent(new URL(response.url()).pathname);
    if (response.status() === 200 && !path.startsWith('/harness/')) entry.downloads.add(join(site, path));
  });
  entry.page = await entry.context.newPage();
  entry.page.on('pageerror', (error) => log(`${entry.engine.label}: page error: ${error.message}`));
  await entry.page.goto(`${base}harness/bench.html?engine=${entry.engine.name}&lang=${encodeURIComponent(lang)}`);
  await entry.page.waitForFunction(() => window.benchReady);
}

async function benchCorpus(browser, name, { file, title }) {
  log(`${name}: reading ${file}`);
  const corpus = loadCorpus(file);
  title ??= `${basename(file)}: ${corpus.source.publication?.title ?? 'a corpus'}`;
  const lang = corpus.lang.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  const queries = subsample(generateQueries(corpus), Number(options.queries));
  const coldQuery = queries.find((query) => query.kind === COLD_KIND[lang]);
  const truth = new Truth(corpus.stories);
  const truths = queries.map((query) => truth.find(query.text));
  checkTruth(corpus, queries, truths);
  log(`${name}: ${queries.length} queries, truth found and checked`);

  const storyByKey = new Map(corpus.stories.map((story) => [story.key, story]));
  const storyOfFragment = new Map(corpus.fragments.map((fragment) => [fragment.id, fragment.story]));
  const site = resolve(options.out, name, 'site');
  await rm(site, { recursive: true, force: true });
  await mkdir(site, { recursive: true });
  await cp(HARNESS, join(site, 'harness'), { recursive: true });
  const corpusFile = join(site, 'corpus.json');
  await copyFile(file, corpusFile);

  const entries = [];
  for (const engine of ENGINES) {
    log(`${name}: building the ${engine.label} index`);
    const built = await engine.build({ corpus, dir: join(site, engine.name), corpusFile, binary: options.binary, dist: options.dist });
    entries.push({ engine, built, times: queries.map(() => []), offlineBytes: await totalWireSize(built.offline) });
  }
  // Peers find fragments; a story counts once however many of its fragments they return.
  const returnedLabels = (entry, ids) => {
    if (!entry.built.fragmentOf) return ids;
    return [...new Set(ids.map((id) => {
      const story = storyOfFragment.get(entry.built.fragmentOf(id));
      if (!story) throw new Error(`${entry.engine.label} returned ${JSON.stringify(id)}, which names no fragment`);
      return story;
    }))];
  };
  const trueLabels = (entry, keys) => (entry.engine.storyLabel ? keys.map((key) => entry.engine.storyLabel(storyByKey.get(key))) : keys);

  // JSON as bytes for every engine: DevTools would decode each large file (tools/serve.mjs).
  const server = await serve({ root: site, headers: ISOLATED, types: UNDECODED_UNDER_DEVTOOLS });
  const base = `http://127.0.0.1:${server.address().port}/`;
  try {
    // Each engine's cold first query in fresh contexts, the engines taking
    // turns; the last context stays open for the timed queries.
    const coldRuns = Math.max(1, Number(options['cold-runs']));
    for (let run = 0; run < coldRuns; run++) {
      for (const entry of entries.filter((entry) => !entry.pending)) {
        await entry.context?.close();
        await openEngine(browser, base, site, entry, corpus.lang);
        try {
          const [ms, hits] = await entry.page.evaluate((text) => window.bench.cold(text), coldQuery.text);
          entry.colds = [...(entry.colds ?? []), { ms, hits, bytes: await totalWireSize(entry.downloads) }];
          log(`${name}: ${entry.engine.label} cold first query ${ms.toFixed(0)} ms (${run + 1} of ${coldRuns})`);
        } catch (error) {
          if (!String(error.message).includes('pending:')) throw error;
          entry.pending = String(error.message).replace(/^[^]*pending: /, '').split('\n')[0];
          log(`${name}: ${entry.engine.label} in the browser is pending: ${entry.pending}`);
          await entry.context.close(); // so that it does no work beside the timed engines
          entry.context = null;
        }
      }
    }
    for (const entry of entries.filter((entry) => entry.colds)) {
      const ms = median(entry.colds.map((cold) => cold.ms));
      entry.cold = { ...entry.colds.at(-1), ms, runs: entry.colds.map((cold) => cold.ms) };
    }
    const active = entries.filter((entry) => !entry.pending);
    const hidden = await Promise.all(active.map((entry) => entry.page.evaluate(() => document.visibilityState !== 'visible')));
    const measured = new Set(queries.map((query) => query.text));
    const warmUps = subsample(generateQueries(corpus, { seed: WARM_UP_SEED }).filter((query) => !measured.has(query.text)), WARM_UP_QUERIES);
    for (const entry of active) {
      for (const query of warmUps) await entry.page.evaluate((text) => window.bench.time(text), query.text);
    }
    const rounds = Number(options.rounds);
    for (let round = 0; round < rounds; round++) {
      log(`${name}: timing round ${round + 1} of ${rounds}`);
      for (const [i, query] of queries.entries()) {
        for (let k = 0; k < active.length; k++) {
          const entry = active[(i + round + k) % active.length];
          if (hidden.some(Boolean)) await entry.page.bringToFront();
          const [ms] = await entry.page.evaluate((text) => window.bench.time(text), query.text);
          entry.times[i].push(ms);
        }
      }
    }
    for (const entry of active) entry.runBytes = await totalWireSize(entry.downloads);

    for (const entry of entries) {
      log(`${name}: ${entry.engine.label} result sets (${entry.pending ? 'native CLI' : 'browser'})`);
      entry.judgements = [];
      for (const [i, query] of queries.entries()) {
        const ids = entry.pending
          ? entry.built.native?.(query.text)
          : await entry.page.evaluate((text) => window.bench.all(text), query.text);
        if (ids) entry.judgements.push({ kind: query.kind, ...judge(trueLabels(entry, truths[i]), returnedLabels(entry, ids)) });
      }
    }
  } finally {
    for (const entry of entries) await entry.context?.close();
    await new Promise((done) => server.close(done));
  }

  const kinds = [...new Set(queries.map((query) => query.kind))];
  return {
    name,
    title,
    stories: corpus.stories.length,
    fragments: corpus.fragments.length,
    continued: corpus.stories.filter((story) => story.fragments.length > 1).length,
    queries: queries.length,
    kinds: Object.fromEntries(kinds.map((kind) => [kind, queries.filter((query) => query.kind === kind).length])),
    rounds: Number(options.rounds),
    coldRuns: Math.max(1, Number(options['cold-runs'])),
    warmUps: WARM_UP_QUERIES,
    coldQuery: coldQuery.text,
    engines: await Promise.all(entries.map(async (entry) => {
      const perQuery = entry.times.filter((times) => times.length).map(median);
      const firstAsked = entry.times.filter((times) => times.length).map((times) => times[0]);
      const ofKind = (kind) => entry.times.flatMap((times, i) => (queries[i].kind === kind && times.length ? [median(times)] : []));
      return {
        name: entry.engine.name,
        label: entry.engine.label,
        version: await version(entry.engine),
        setup: entry.engine.setup,
        pending: entry.pending ?? null,
        buildMs: entry.built.buildMs,
        offlineBytes: entry.offlineBytes,
        offlineFiles: entry.built.offline.length,
        cold: entry.cold ?? null,
        runBytes: entry.runBytes ?? null,
        p50: percentile(perQuery, 50),
        p95: percentile(perQuery, 95),
        firstRound: { p50: percentile(firstAsked, 50), p95: percentile(firstAsked, 95) },
        perQuery,
        resultsFrom: entry.pending ? 'native CLI' : 'browser',
        recall: summarize(entry.judgements),
        byKind: Object.fromEntries(kinds.map((kind) => [kind, summarize(entry.judgements.filter((j) => j.kind === kind))])),
        p50ByKind: Object.fromEntries(kinds.map((kind) => [kind, ofKind(kind).length ? percentile(ofKind(kind), 50) : null])),
      };
    })),
  };
}

async function machine(browser) {
  const cpuinfo = await readFile('/proc/cpuinfo', 'utf8').catch(() => '');
  return {
    cpu: cpuinfo.match(/^model name\s*:\s*(.+)$/m)?.[1] ?? 'unknown',
    cores: availableParallelism(),
    load: loadavg()[0],
    chromium: browser.version(),
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
  };
}

const browser = await launchBrowser();
try {
  const results = { machine: await machine(browser), corpora: [] };
  for (const name of options.corpora.split(',').filter(Boolean)) {
    if (!CORPORA[name]) throw new Error(`unknown corpus "${name}"; known: ${Object.keys(CORPORA).join(', ')}`);
    results.corpora.push(await benchCorpus(browser, name, CORPORA[name]));
  }
  for (const [i, file] of options.corpus.entries()) {
    results.corpora.push(await benchCorpus(browser, `file-${i + 1}`, { file }));
  }
  results.seconds = (performance.now() - started) / 1000;
  await mkdir(options.out, { recursive: true });
  await writeFile(join(options.out, 'results.json'), JSON.stringify(results, null, 2));
  await writeReport(results);
  log(`done; report in bench/results/peers.md and README.md`);
} finally {
  await browser.close();
}
