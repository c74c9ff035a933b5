// Offline reading: the service worker precaches the app shell and corpus on
// the first visit, the reader works after a reload with the network off, and
// a new build replaces the cache as a whole behind a "reload" notice.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { hostPage, launchBrowser, openPage, startFixtureServer, startServer } from './support.mjs';

const run = promisify(execFile);
let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

async function waitForServiceWorkerControl(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined, null, { timeout: 20000 });
}

const firstHeadline = (page) => page.locator('broadsheet-reader .bs-headline').first();

test('with the network off, a reload still shows the reader', async () => {
  const server = await startServer();
  const { page, context, problems } = await openPage(browser, server.url);
  try {
    await firstHeadline(page).waitFor();
    await waitForServiceWorkerControl(page);
    const online = await page.locator('broadsheet-reader .bs-headline').allInnerTexts();
    await context.setOffline(true);
    await page.reload();
    await firstHeadline(page).waitFor();
    assert.deepEqual(await page.locator('broadsheet-reader .bs-headline').allInnerTexts(), online);
    await firstHeadline(page).click();
    const title = page.locator('broadsheet-reader .bs-article-title');
    await title.waitFor();
    assert.equal(await title.innerText(), online[0], 'the article opens offline');
    assert.ok(await page.locator('broadsheet-reader .bs-article p').count() > 0, 'with its text');
    assert.deepEqual(problems, []);
    const uncached = await page.evaluate(() => fetch(`not-cached-${Date.now()}`).then(() => 'reached', () => 'failed'));
    assert.equal(uncached, 'failed', 'the network really is off');
  } finally {
    await context.close();
    await server.close();
  }
});

// What the widget itself needs offline (the loader holds the stylesheet),
// and the demo host page's own files beside it.
const RUNTIME = ['broadsheet.js', 'broadsheet-widget.js', 'broadsheet-widget_bg.wasm'];
const DEMO_PAGE = ['./', 'corpora.json', 'demo.css', 'demo.js', 'icon.svg', 'manifest.webmanifest'];

test('the offline set is the runtime, the corpus and its index: five files', async () => {
  const server = await startServer();
  const { page, context, problems } = await openPage(browser, server.url);
  try {
    await firstHeadline(page).waitFor();
    await waitForServiceWorkerControl(page);
    const cached = await page.evaluate(async () => {
      const [name] = (await caches.keys()).filter((key) => key.startsWith('broadsheet-shell-'));
      const base = new URL('./', location.href).href;
      return (await (await caches.open(name)).keys()).map((request) => request.url.replace(base, '') || './');
    });
    const offlineSet = cached.filter((file) => !DEMO_PAGE.includes(file)).sort();
    assert.deepEqual(offlineSet, [...RUNTIME, 'corpus.index', 'corpus.json'].sort());
    assert.ok(offlineSet.length <= 5, `at most five files: ${offlineSet}`);
    assert.deepEqual(cached.filter((file) => DEMO_PAGE.includes(file)).sort(), DEMO_PAGE, 'and the demo page');

    // Those files are all it takes: offline, the reader opens and searches.
    await context.setOffline(true);
    await page.reload();
    const reader = page.locator('broadsheet-reader');
    await reader.locator('.bs-search-input').fill('上合');
    await reader.locator('.bs-results[aria-busy="false"]').waitFor();
    assert.ok(await reader.locator('.bs-result').count() > 0, 'results offline');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('a new corpus replaces the cache as a whole after the reader accepts the update', async () => {
  // A private copy of the build, so the test can change it under a live page.
  const server = await startFixtureServer();
  const dir = server.dir;
  try {
    const { page, context } = await openPage(browser, server.url);
    await firstHeadline(page).waitFor();
    await waitForServiceWorkerControl(page);
    const before = await firstHeadline(page).innerText();

    const corpusPath = join(dir, 'corpus.json');
    const corpus = JSON.parse(await readFile(corpusPath, 'utf8'));
    const changed = corpus.editions[0].articles.find((article) => article.headline);
    changed.headline = `${changed.headline}（更新）`;
    await writeFile(corpusPath, JSON.stringify(corpus));
    await run('node', ['tools/gen-sw.mjs', dir]);

    // The next visit still shows the cached edition, consistently, and offers the new one.
    await page.reload();
    await firstHeadline(page).waitFor();
    const notice = page.locator('broadsheet-reader .bs-update');
    await notice.waitFor({ timeout: 20000 });
    assert.ok((await page.locator('broadsheet-reader .bs-headline').allInnerTexts()).includes(before));

    await notice.locator('button').click();
    // A locator, which outlives the reload the button starts.
    await page.locator('broadsheet-reader .bs-headline').filter({ hasText: changed.headline }).first().waitFor({ timeout: 20000 });
    const caches = await page.evaluate(async () => (await self.caches.keys()).filter((name) => name.startsWith('broadsheet-shell-')));
    assert.equal(caches.length, 1, `one shell cache remains: ${caches}`);
    await context.close();
  } finally {
    await server.close();
  }
});

test('a host can opt out of the service worker', async () => {
  const server = await startFixtureServer({
    'no-sw.html': hostPage('<broadsheet-reader src="corpus.json" offline="off"></broadsheet-reader>'),
  });
  const { page, context, problems } = await openPage(browser, `${server.url}no-sw.html`);
  try {
    await firstHeadline(page).waitFor();
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('the demo has a web app manifest that starts the reader offline', async () => {
  const server = await startServer();
  const { page, context } = await openPage(browser, server.url);
  try {
    const href = await page.locator('link[rel=manifest]').evaluate((link) => link.href);
    const manifest = await page.evaluate(async (url) => (await fetch(url)).json(), href);
    assert.equal(manifest.display, 'standalone');
    assert.equal(new URL(manifest.start_url, href).href, server.url);
    assert.ok(manifest.icons.length > 0 && manifest.name);
    const precache = await (await fetch(`${server.url}sw.js`)).text();
    assert.match(precache, /"manifest\.webmanifest"/, 'the manifest is precached');
  } finally {
    await context.close();
    await server.close();
  }
});
