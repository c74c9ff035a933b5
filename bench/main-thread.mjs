// The main thread's longest task with a huge corpus (part of `make bench`):
// in Chromium at 360×640, the widget loads each huge corpus to its first
// headline, opens a page and an article, and answers a query typed into the
// search box (the engine opening in the page first). For each phase it
// prints how long it took, the longest main-thread task and the longest gap
// between frames, median of the runs. A measurement, not a test: it prints
// numbers and never fails on them.
//
//   node bench/main-thread.mjs [runs] [more corpora…]   (after `make build`)
//
// BENCH_CPU=4 slows the page's CPU that many times and BENCH_MBPS=200 its
// download to that many megabits a second (with 20 ms of latency), as
// Chromium's DevTools emulate a phone on a mobile network.
//
// More corpora are measured after the standard ones, searched for 改革: the
// 100 MB one of the hardening figures is
// `cargo run --release --example zh_corpus -- 29500 build/zh-100mb.json`.
import { copyFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { hostPage, launchBrowser, startFixtureServer } from '../tests/browser/support.mjs';
import { UNDECODED_UNDER_DEVTOOLS } from '../tools/serve.mjs';
import {
  firstHeadline, hugeCorpora, indexCorpus, longestSince, pageNow, searchFor, watchMainThread,
} from '../tests/browser/main-thread.mjs';

const RUNS = Number(process.argv[2] ?? 3);
const PHONE = { width: 360, height: 640 };
const CPU_SLOWDOWN = Number(process.env.BENCH_CPU ?? 1);
const MEGABITS = Number(process.env.BENCH_MBPS ?? 0);

const corpora = [
  ...(await hugeCorpora()),
  ...process.argv.slice(3).map((file) => ({ name: basename(file, '.json'), file, query: '改革' })),
];
const files = {};
for (const { file } of corpora) {
  const name = basename(file);
  files[`${name}.html`] = hostPage(`<broadsheet-reader src="${name}" offline="off"></broadsheet-reader>`);
}
// The corpora as bytes, which DevTools does not decode (see tools/serve.mjs).
const server = await startFixtureServer(files, { types: UNDECODED_UNDER_DEVTOOLS });
for (const { file } of corpora) {
  await copyFile(file, join(server.dir, basename(file)));
  await indexCorpus(join(server.dir, basename(file)));
}
const browser = await launchBrowser();

/** Slows the page as BENCH_CPU and BENCH_MBPS say. */
async function throttle(context, page) {
  if (CPU_SLOWDOWN === 1 && !MEGABITS) return;
  const devtools = await context.newCDPSession(page);
  await devtools.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  if (MEGABITS) {
    await devtools.send('Network.enable');
    await devtools.send('Network.emulateNetworkConditions', {
      offline: false, latency: 20, downloadThroughput: MEGABITS * 125_000, uploadThroughput: MEGABITS * 125_000,
    });
  }
}

/** One visit: each phase's duration, longest task and frame gap, in ms. */
async function visit(host, query) {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await throttle(context, page);
  await page.addInitScript(watchMainThread);
  const reader = page.locator('broadsheet-reader');
  const phases = {};
  // `took` is from the phase's start (the first keystroke, for a search:
  // two characters typed 80 ms apart, then the box's debounce) to its view.
  const phase = async (name, since, run) => {
    await run();
    const took = (await pageNow(page)) - since;
    phases[name] = { ...(await longestSince(page, since)), took };
  };
  await phase('load', 0, async () => {
    await page.goto(`${server.url}${host}`);
    await firstHeadline(page);
  });
  await phase('page', await pageNow(page), async () => {
    await reader.locator('.bs-page-link').first().click();
    await reader.locator('.bs-page-view').waitFor();
  });
  await phase('article', await pageNow(page), async () => {
    await reader.locator('.bs-card-link').first().click();
    await reader.locator('.bs-article').first().waitFor();
  });
  await phase('search', await pageNow(page), () => searchFor(reader, query));
  await context.close();
  return phases;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(0).padStart(5)} ms`;

try {
  const slowed = [CPU_SLOWDOWN !== 1 && `CPU ${CPU_SLOWDOWN}× slower`, MEGABITS && `${MEGABITS} Mbit/s`].filter(Boolean).join(', ');
  console.log(`Longest main-thread task (and frame gap) with a huge corpus, 360×640${slowed ? `, ${slowed}` : ''}, median of ${RUNS}:`);
  for (const { name, file, query } of corpora) {
    const runs = [];
    for (let run = 0; run < RUNS; run++) runs.push(await visit(`${basename(file)}.html`, query));
    for (const phase of Object.keys(runs[0])) {
      const tasks = runs.map((r) => r[phase].task);
      const gaps = runs.map((r) => r[phase].gap);
      const took = median(runs.map((r) => r[phase].took));
      const what = phase === 'search' ? `first search "${query}"` : phase === 'load' ? 'load to first headline' : `open ${phase}`;
      console.log(`  ${name.padEnd(13)} ${what.padEnd(34)} took ${ms(took)}  task ${ms(median(tasks))}  gap ${ms(median(gaps))}  (tasks: ${tasks.map((t) => t.toFixed(0)).join(', ')})`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
