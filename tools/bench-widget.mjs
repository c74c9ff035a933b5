// The widget's load benchmark (`make bench`): how long a cold load of the
// demo page takes until the first headline is on screen, in Chromium at
// phone size, unthrottled and with the CPU slowed 4× (DevTools'
// Emulation.setCPUThrottlingRate) as on a mid-range phone; and how many
// bytes the wasm and JavaScript weigh gzipped. A measurement, not a test:
// it prints numbers and never fails on them.
//
//   node tools/bench-widget.mjs [runs]      (after `make build`)
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST, launchBrowser, startServer } from '../tests/browser/support.mjs';

const RUNS = Number(process.argv[2] ?? 7);
const PHONE = { width: 360, height: 640 };
const SHIPPED = ['broadsheet-widget_bg.wasm', 'broadsheet-widget.js', 'broadsheet.js'];

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

console.log('Shipped code, gzip -9:');
let total = 0;
for (const file of SHIPPED) {
  const bytes = await readFile(join(DIST, file));
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  total += gzipped;
  console.log(`  ${file.padEnd(28)} ${(bytes.length / 1024).toFixed(1).padStart(7)} KiB  → ${(gzipped / 1024).toFixed(1).padStart(6)} KiB`);
}
console.log(`  ${'wasm + JS'.padEnd(28)} ${''.padStart(7)}       → ${(total / 1024).toFixed(1).padStart(6)} KiB`);
