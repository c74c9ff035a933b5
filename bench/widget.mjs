// The widget's load benchmark (`make bench`): how long a cold load of the
// demo page takes until the first headline is on screen, in Chromium at
// phone size, unthrottled and with the CPU slowed 4× (DevTools'
// Emulation.setCPUThrottlingRate) as on a mid-range phone; how many bytes
// the wasm and JavaScript weigh gzipped; and the offline set (everything a
// reader caches: the runtime, a corpus and its index) of the benchmark
// corpora, gzipped and as a share of the gzipped corpus. A measurement, not
// a test: it prints numbers and never fails on them.
//
//   node bench/widget.mjs [runs]      (after `make build`; `make bench`
//                                            also makes the corpora below)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST, launchBrowser, startServer } from '../tests/browser/support.mjs';
import { RUNTIME } from '../tools/runtime-files.mjs';

const RUNS = Number(process.argv[2] ?? 7);
const PHONE = { width: 360, height: 640 };
// The generated Chinese corpus and the 1916 pages (`make bench` writes them;
// the second only when ../shared holds the pages).
const CORPORA = ['build/zh-10k.json', 'build/chronam.json'];
const BROADSHEET = 'target/release/broadsheet';

/** Records, from the very start of the document, when the first headline
 * inside the reader's shadow root has a box on screen. */
function watchForFirstHeadline() {
  const check = () => {
    const headline = document.querySelector('broadsheet-reader')?.shadowRoot?.querySelector('.bs-headline');
    if (headline && headline.getBoundingClientRect().height > 0) window.firstHeadline = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** One cold load (a fresh browser context: no cache, no service worker). */
async function coldLoad(browser, url, throttle) {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.addInitScript(watchForFirstHeadline);
  await page.goto(url);
  const ms = await (await page.waitForFunction(() => window.firstHeadline, null, { timeout: 30_000 })).jsonValue();
  await context.close();
  return ms;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const server = await startServer();
const browser = await launchBrowser();
try {
  console.log(`Cold load of the demo to the first headline, 360×640, median of ${RUNS}:`);
  for (const throttle of [1, 4]) {
    await coldLoad(browser, server.url, throttle); // warm the server and the disk cache
    const times = [];
    for (let run = 0; run < RUNS; run++) times.push(await coldLoad(browser, server.url, throttle));
    const label = throttle === 1 ? 'unthrottled' : `CPU ${throttle}× slower`;
    console.log(`  ${label.padEnd(16)} ${median(times).toFixed(0)} ms  (runs: ${times.map((t) => t.toFixed(0)).join(', ')})`);
  }
} finally {
  await browser.close();
  await server.close();
}

const gzipped = async (path) => gzipSync(await readFile(path), { level: 9 }).length;
const kib = (bytes) => `${(bytes / 1024).toFixed(1).padStart(8)} KiB`;

console.log('Shipped code (the runtime), gzip -9:');
let runtime = 0;
for (const file of RUNTIME) {
  const bytes = (await readFile(join(DIST, file))).length;
  const packed = await gzipped(join(DIST, file));
  runtime += packed;
  console.log(`  ${file.padEnd(28)} ${kib(bytes)}  → ${kib(packed)}`);
}
console.log(`  ${'wasm + JS'.padEnd(28)} ${''.padStart(12)}  → ${kib(runtime)}`);

// The goal: the offline set at most 1.5× the gzipped corpus, in at most 5 files.
console.log('Offline set (runtime + corpus + index), gzip -9:');
for (const corpus of CORPORA) {
  if (!existsSync(corpus)) {
    console.log(`  ${basename(corpus)}: absent (make ${corpus})`);
    continue;
  }
  execFileSync(BROADSHEET, ['index', corpus], { stdio: 'ignore' });
  const index = corpus.replace(/\.json$/, '.index');
  const corpusBytes = await gzipped(corpus);
  const total = runtime + corpusBytes + (await gzipped(index));
  const files = RUNTIME.length + 2;
  console.log(`  ${basename(corpus).padEnd(16)} ${files} files ${kib(total)}  corpus ${kib(corpusBytes)}  ratio ${(total / corpusBytes).toFixed(3)}`);
}
