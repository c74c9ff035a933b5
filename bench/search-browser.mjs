// The widget's search in headless Chromium, on the bundled corpus, the
// generated 10,000-story Chinese corpus (build/zh-10k.json) and the 1916
// pages (build/chronam.json), each when it is there, on a host with the demo
// page's policy: for each corpus, how long the engine takes to open in the
// page (on the stored index, and on one built in the browser when none is
// stored), the cold first query through `reader.search()`, the query
// latency after that (p50 / p95, top 10 with snippets), and the longest
// task the page's main thread ran meanwhile: what a reader feels as a
// freeze (0 when none reached 50 ms). A measurement, not a test: it prints
// numbers and never fails on them.
//
//   node bench/search-browser.mjs [runs]       (`make bench` runs it after `make build`)
import { existsSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, hostPage, launchBrowser, startFixtureServer } from '../tests/browser/support.mjs';
import { UNDECODED_UNDER_DEVTOOLS } from '../tools/serve.mjs';
import { indexCorpus } from '../tests/browser/main-thread.mjs';

const RUNS = Number(process.argv[2] ?? 5);
const CORPORA = [
  { name: 'bundled (青岛日报, 4 stories)', source: join(DIST, 'corpus.json'), file: 'corpus.json', queries: ['上', '上合', '上合组织', '高水平对外开放', '青岛 开放'] },
  { name: 'zh-10k (10,000 generated stories, 36 MB)', source: 'build/zh-10k.json', file: 'zh-10k.json', queries: ['上', '上合', '合作', '上合组织', '高水平对外开放', '青岛 开放', '合作 发展'] },
  { name: 'chronam (1916, 9,274 stories, 15 MB)', source: 'build/chronam.json', file: 'chronam.json', queries: ['the', 'war', 'wilson', 'president wilson', '"new york"', 'ongres', 'mexico villa', 'submarine'] },
].filter((corpus) => existsSync(corpus.source));

/** Runs in the page: opens the reader on `src`, searches, and reports timings. */
async function measure({ src, queries }) {
  const longTasks = [];
  new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((entry) => [entry.startTime, entry.duration])))
    .observe({ type: 'longtask', buffered: true });
  const reader = document.createElement('broadsheet-reader');
  reader.setAttribute('src', src);
  reader.setAttribute('routing', 'memory');
  reader.setAttribute('offline', 'off');
  document.body.append(reader);
  await reader.ready;
  await new Promise((done) => reader.addEventListener('broadsheet:navigate', done, { once: true }));
  const loaded = performance.now();
  await reader.search(queries[0]);
  const cold = performance.now() - loaded;
  // The first query may be answered before the index is done opening.
  while (performance.getEntriesByName('broadsheet:search-index').length === 0) await new Promise((done) => setTimeout(done, 10));
  const [opening] = performance.getEntriesByName('broadsheet:search-index');
  const times = [];
  for (let round = 0; round < 5; round++) {
    for (const query of queries) {
      const start = performance.now();
      await reader.search(query);
      times.push(performance.now() - start);
    }
  }
  await new Promise((done) => setTimeout(done, 100)); // let the observer deliver
  times.sort((a, b) => a - b);
  const after = (start) => longTasks.filter(([at]) => at >= start).reduce((longest, [, duration]) => Math.max(longest, duration), 0);
  return {
    source: opening.detail.source,
    open: opening.duration,
    engine: opening.detail.engineMs,
    cold,
    p50: times[Math.floor(times.length * 0.5)],
    p95: times[Math.floor(times.length * 0.95)],
    longestWhileSearching: after(loaded),
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(1)} ms`;

// The corpora as bytes, which DevTools does not decode (see tools/serve.mjs).
const server = await startFixtureServer({
  'bench.html': hostPage(''),
}, { types: UNDECODED_UNDER_DEVTOOLS });
// Each corpus with the index `broadsheet index` writes beside it, and again
// with no index beside it: the engine builds one.
for (const corpus of CORPORA) {
  const served = join(server.dir, corpus.file);
  if (corpus.source !== join(DIST, corpus.file)) {
    await copyFile(corpus.source, served);
    await indexCorpus(served);
  }
  await copyFile(served, join(server.dir, `bare-${corpus.file}`));
}
const browser = await launchBrowser();
try {
  for (const corpus of CORPORA) {
    console.log(`${corpus.name}, median of ${RUNS} cold page loads:`);
    for (const [label, src] of [
      ['stored index', corpus.file],
      ['no index: built in the browser', `bare-${corpus.file}`],
    ]) {
      const runs = [];
      for (let run = 0; run < RUNS; run++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${server.url}bench.html`);
        runs.push(await page.evaluate(measure, { src, queries: corpus.queries }));
        await context.close();
      }
      const pick = (key) => median(runs.map((run) => run[key]));
      console.log(`  ${label.padEnd(31)} index ${runs[0].source}: open ${ms(pick('open'))} (engine ${ms(pick('engine'))}),`
        + ` cold first query ${ms(pick('cold'))}, then p50 ${ms(pick('p50'))} / p95 ${ms(pick('p95'))},`
        + ` longest main-thread task ${ms(pick('longestWhileSearching'))}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
