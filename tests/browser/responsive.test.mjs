// The reader stays responsive with a huge corpus, in real Chromium at phone
// size (360×640): while it downloads and reads the corpus to its first
// headline (showing how much it has read), opens a page and an article,
// and answers a query typed into the search box (the engine opening in the
// page, its index derived between frames), no task blocks the main thread
// for more than BUDGET_MS. The corpora: the 36 MB generated Chinese one (`make
// build/zh-10k.json`) and, when ../shared holds the pages, the 15 MB
// archive of 1916 front pages (`make build/chronam.json`); `make test`
// builds both before the browser tests.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { UNDECODED_UNDER_DEVTOOLS } from '../../tools/serve.mjs';
import { DEMO_CSP, hostPage, launchBrowser, openPage, startFixtureServer } from './support.mjs';
import {
  firstHeadline, hugeCorpora, indexCorpus, longestSince, pageNow, searchFor, watchMainThread,
} from './main-thread.mjs';

const PHONE = { width: 360, height: 640 };
// The demo's policy, refusing workers as well: search needs none, so the
// reader starts none and the policy reports nothing.
const HOST_CSP = `${DEMO_CSP}; worker-src 'none'`;

// The bound: no frame blocked longer than 200 ms, as Chromium's
// long-task entries measure it. The reader works in slices of 30 ms; the
// longest tasks left are the wasm's start and the first view's render,
// 50-90 ms on a shared 2-core machine. With builds running beside it, that
// machine stretches a task of 70 ms to 250 ms now and then, so the bound
// is asserted as it stands, with this margin for noise: a visit with a
// phase over it is repeated, and a phase fails only when it is over the
// bound both times. Reading the corpus in one go, as the reader did, took
// 250-360 ms on that machine by walking a JSON tree and 145-220 ms read
// straight into the model. The reading now runs while the file downloads,
// in slices between its chunks; that the page paints in between shows in
// the progress, which only changes between slices.
const BUDGET_MS = 200;

/** Runs in the page: every text the loading view shows, in order. */
function watchLoadingText() {
  window.loadingTexts = [];
  const look = () => {
    const text = document.querySelector('broadsheet-reader')?.shadowRoot?.querySelector('.bs-loading-bytes')?.textContent;
    if (text && window.loadingTexts.at(-1) !== text) window.loadingTexts.push(text);
    if (!document.querySelector('broadsheet-reader')?.shadowRoot?.querySelector('.bs-headline')) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

let browser, server, corpora;
before(async () => {
  corpora = await hugeCorpora();
  const files = {};
  for (const { file } of corpora) {
    files[`${basename(file)}.html`] = hostPage(`<broadsheet-reader src="${basename(file)}" offline="off"></broadsheet-reader>`, { csp: HOST_CSP });
  }
  // What the widget does, not DevTools: see UNDECODED_UNDER_DEVTOOLS.
  server = await startFixtureServer(files, { types: UNDECODED_UNDER_DEVTOOLS });
  for (const { file } of corpora) {
    await copyFile(file, join(server.dir, basename(file)));
    await indexCorpus(join(server.dir, basename(file)));
  }
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

const describeTasks = (tasks) => tasks.map((task) => `${task.duration.toFixed(0)} ms at ${task.start.toFixed(0)} ms`).join(', ');

/** Loads `file`, opens a page and an article, searches `query`: each phase's longest task. */
async function visit({ file, query }) {
  const { page, context, problems } = await openPage(browser, `${server.url}${basename(file)}.html`, {
    viewport: PHONE, initScripts: [watchMainThread, watchLoadingText],
  });
  const reader = page.locator('broadsheet-reader');
  const phases = {};
  await firstHeadline(page);
  phases.loading = await longestSince(page, 0);
  const loadingTexts = await page.evaluate(() => window.loadingTexts);

  let since = await pageNow(page);
  await reader.locator('.bs-page-link').first().click();
  await reader.locator('.bs-card-link').first().click();
  await reader.locator('.bs-article').first().waitFor();
  phases['opening a page and an article'] = await longestSince(page, since);

  since = await pageNow(page);
  await searchFor(reader, query);
  phases.searching = await longestSince(page, since);
  const results = await reader.locator('.bs-result-title').count();
  const [opening] = await page.evaluate(() => performance.getEntriesByName('broadsheet:search-index').map((entry) => entry.detail.runs));
  await context.close();
  return { phases, loadingTexts, results, problems, opening };
}

const overBudget = ({ phases }) => Object.values(phases).some((phase) => phase.task > BUDGET_MS);

test('loading, reading and searching a huge corpus block no frame for long', async (t) => {
  assert.ok(corpora.length >= 1);
  for (const corpus of corpora) {
    await t.test(corpus.name, async () => {
      const first = await visit(corpus);
      const second = overBudget(first) ? await visit(corpus) : first;
      for (const [phase, { task, tasks }] of Object.entries(first.phases)) {
        const again = second.phases[phase];
        assert.ok(Math.min(task, again.task) <= BUDGET_MS,
          `${corpus.name}: ${phase}: long tasks ${describeTasks(tasks)}; again: ${describeTasks(again.tasks)}`);
      }
      assert.ok(first.loadingTexts.length >= 3,
        `${corpus.name}: the progress is shown as it grows: ${first.loadingTexts.join(' | ')}`);
      assert.ok(first.results > 0, `${corpus.name}: "${corpus.query}" is found`);
      assert.equal(first.opening, 'page', 'where the search ran');
      assert.deepEqual(first.problems, [], 'no worker asked for, no error');
    });
  }
});
