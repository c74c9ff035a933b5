// Watching the page's main thread for long tasks, shared by the
// responsiveness test (tests/browser/responsive.test.mjs) and its benchmark
// (bench/main-thread.mjs). Two witnesses, both armed before any of the
// page's own scripts run: Chromium's `longtask` performance entries (every
// task over 50 ms, with its duration) and a requestAnimationFrame loop that
// records every gap between frames over 50 ms, which also catches a page
// that stops painting without one long task (rendering work, many short
// tasks starving the frame). Not a test by itself: it only measures.
import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs inside the page, before its scripts: starts both witnesses. */
export function watchMainThread() {
  const log = { tasks: [], gaps: [] };
  window.mainThread = log;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) log.tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  let last = performance.now();
  const frame = (now) => {
    if (now - last > 50) log.gaps.push({ start: last, duration: now - last });
    last = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** The page's clock now, to mark where a phase begins. */
export const pageNow = (page) => page.evaluate(() => performance.now());

/**
 * The longest task and frame gap since `since` (page time, ms), after two
 * more frames so that the phase's last task has been reported.
 */
export async function longestSince(page, since) {
  return page.evaluate(async (since) => {
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const { tasks, gaps } = window.mainThread;
    const longest = (entries) => entries.filter((entry) => entry.start >= since)
      .reduce((max, entry) => Math.max(max, entry.duration), 0);
    return { task: longest(tasks), gap: longest(gaps), tasks: tasks.filter((task) => task.start >= since) };
  }, since);
}

/** The reader's first headline on screen (the page was opened with `watchMainThread`). */
export async function firstHeadline(page, timeout = 60_000) {
  await page.waitForFunction(() => {
    const headline = document.querySelector('broadsheet-reader')?.shadowRoot?.querySelector('.bs-headline');
    return headline && headline.getBoundingClientRect().height > 0;
  }, null, { timeout, polling: 100 });
}

/** Types `text` into the reader's search box as a person would and waits for its results. */
export async function searchFor(reader, text, timeout = 60_000) {
  await reader.locator('.bs-search-input').pressSequentially(text, { delay: 80 });
  await reader.locator('.bs-results[aria-busy="false"], .bs-no-results').first().waitFor({ timeout });
}

const BROADSHEET = resolve('target/release/broadsheet');

/**
 * The huge corpora, built when missing (`make` rules, so a fresh clone
 * builds them too): the 15 MB archive of 1916 front pages when
 * ../shared holds them, and the 36 MB generated Chinese corpus.
 */
export async function hugeCorpora() {
  const corpora = [];
  const chronam = resolve('build/chronam.json');
  if (await exists(resolve('../shared/corpora/chronam-1916'))) {
    if (!(await exists(chronam))) await run('make', ['--no-print-directory', 'build/chronam.json'], { maxBuffer: 1 << 26 });
    corpora.push({ name: 'chronam-1916', file: chronam, query: 'german' });
  }
  const zh = resolve('build/zh-10k.json');
  if (!(await exists(zh))) await run('make', ['--no-print-directory', 'build/zh-10k.json'], { maxBuffer: 1 << 26 });
  corpora.push({ name: 'zh-10k', file: zh, query: '改革' });
  return corpora;
}

/** Writes the stored search index beside `corpus`, as a publisher would. */
export async function indexCorpus(corpus) {
  await run(BROADSHEET, ['index', corpus]);
}

async function exists(path) {
  return access(path).then(() => true, () => false);
}
