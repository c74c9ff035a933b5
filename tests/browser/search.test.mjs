// Search in the reader, in real Chromium at phone size (360×640): the box
// and its `/` key, results as you type with hits marked, the keyboard
// through results, opening a story at its first hit, the query in the URL
// (and in the reader's own history with memory routing), filters, the
// empty and no-result states, and the index rules: a stale or missing
// index is never trusted, the results stay those of the CLI. It reads
// tests/fixtures/reader.json (three pages of 青岛日报 whose stories run on
// across pages, and an English paper of the same day) and a corpus of its
// editions repeated over 260 days; both are searched in the page, where
// the reader already has the corpus loaded.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import {
  AXE, axeViolations, horizontalOverflow, hostPage, launchBrowser, openPage, screenshot, smallTapTargets, startFixtureServer, startServer,
} from './support.mjs';

const run = promisify(execFile);
const BROADSHEET = resolve('target/release/broadsheet');
const FIXTURES = resolve('tests/fixtures');
const PHONE = { width: 360, height: 640 };

const DAYS = 260;
const dayOf = (day) => new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

/** reader.json's editions on each of DAYS days from 2024-01-01. */
function manyDays(corpus) {
  const editions = [];
  for (let day = 0; day < DAYS; day++) editions.push(...corpus.editions.map((edition) => ({ ...edition, date: dayOf(day) })));
  return JSON.stringify({ ...corpus, editions });
}

let browser, server;
before(async () => {
  const corpus = await readFile(join(FIXTURES, 'reader.json'), 'utf8');
  const big = manyDays(JSON.parse(corpus));
  browser = await launchBrowser();
  const reader = (src) => hostPage(`<broadsheet-reader src="${src}" offline="off"></broadsheet-reader>`);
  server = await startFixtureServer({
    'reader.json': corpus,
    'reader.html': reader('reader.json'),
    'memory.html': hostPage('<main><h1>Host page</h1><broadsheet-reader src="reader.json" routing="memory" offline="off"></broadsheet-reader></main>'),
    'big.json': big,
    'big.html': reader('big.json'),
    // A host whose policy refuses workers: search needs none.
    'no-worker.html': hostPage('<broadsheet-reader src="big.json" offline="off"></broadsheet-reader>', {
      csp: "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'none'; style-src 'self'; img-src 'self'",
    }),
    // The large corpus beside the index of another one, and with no index at all.
    'stale.json': big,
    'stale.html': reader('stale.json'),
    'other.json': await readFile(join(FIXTURES, 'two-pages.json'), 'utf8'),
    'bare.json': big,
    'bare.html': reader('bare.json'),
  });
  await run(BROADSHEET, ['index', join(server.dir, 'reader.json')]);
  await run(BROADSHEET, ['index', join(server.dir, 'big.json')]);
  await run(BROADSHEET, ['index', join(server.dir, 'other.json')]);
  await copyFile(join(server.dir, 'other.index'), join(server.dir, 'stale.index'));
  await mkdir(join(server.dir, 'img'), { recursive: true });
  await copyFile(join(FIXTURES, 'img/harbour.svg'), join(server.dir, 'img/harbour.svg'));
  await copyFile(AXE, join(server.dir, 'axe.min.js'));
});
after(async () => { await browser?.close(); await server?.close(); });

/** Opens a host page of the fixture site at `hash` and waits until the corpus is shown. */
async function openReader(host = 'reader.html', hash = '') {
  const opened = await openPage(browser, `${server.url}${host}${hash}`, { viewport: PHONE });
  await opened.page.locator('broadsheet-reader .bs-search-input').waitFor();
  return { ...opened, reader: opened.page.locator('broadsheet-reader') };
}

/** The CLI's hits for `query` on `corpus` of the fixture site. */
async function cli(query, corpus = 'reader.json', ...flags) {
  const { stdout } = await run(BROADSHEET, ['search', '--json', '--limit', '1000', ...flags, '--', join(server.dir, corpus), query]);
  return JSON.parse(stdout);
}

/** Types `text` into the search box and waits until the results answer it. */
async function searchFor(reader, text) {
  await reader.locator('.bs-search-input').fill(text);
  await reader.locator(`.bs-results[aria-busy="false"], .bs-no-results`).first().waitFor();
}

const hashOf = (page) => page.evaluate(() => decodeURIComponent(location.hash));
const resultTitles = (reader) => reader.locator('.bs-result-title').allInnerTexts();
const focused = (reader) => reader.evaluate((host) => {
  const active = host.shadowRoot.activeElement;
  return active ? `${active.className}:${active.textContent || active.value}` : null;
});

/** The article each result opens, in order (`#/date/page/id/whole`). */
const resultArticles = (reader) => reader.locator('.bs-result-link').evaluateAll(
  (links) => links.map((link) => decodeURIComponent(link.getAttribute('href').split('/')[3])),
);
/** The articles the results open, as routes without the search they carry
 * (`?q=…`), and those of the CLI's first hits (of the first paper). */
const resultRoutes = (reader) => reader.locator('.bs-result-link').evaluateAll((links) => links.map((link) => link.getAttribute('href').split('?')[0]));
const routesOf = (hits) => hits.slice(0, 20).map((hit) => `#/${hit.date}/${hit.page}/${hit.article}/whole`);

/** Waits until the first search hit of the article shown is on screen. */
const firstHitOnScreen = (page) => page.waitForFunction(() => {
  const hit = document.querySelector('broadsheet-reader').shadowRoot.querySelector('.bs-article .bs-hit');
  const box = hit?.getBoundingClientRect();
  return box && box.top >= 0 && box.bottom <= innerHeight;
}, null, { timeout: 5000 });

describe('the box and the results', () => {
  test('a Chinese substring across a word boundary is found as you type, hits marked', async () => {
    const { page, context, problems, reader } = await openReader();
    await reader.locator('.bs-search-input').pressSequentially('化改', { delay: 30 });
    await reader.locator('.bs-results[aria-busy="false"]').waitFor();
    assert.equal(await hashOf(page), '#/search/化改');
    const expected = await cli('化改');
    assert.ok(expected.length >= 1, 'the fixture has the phrase 深化改革');
    assert.deepEqual(await resultArticles(reader), expected.map((hit) => hit.article));
    assert.equal(await reader.locator('.bs-result-count').innerText(), `找到 ${expected.length} 篇报道`);
    const marks = await reader.locator('.bs-snippet mark.bs-hit').allInnerTexts();
    assert.ok(marks.length > 0 && marks.every((mark) => mark === '化改'), `marks: ${marks}`);
    assert.equal(await reader.locator('.bs-snippet img, .bs-snippet script').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('Traditional and full-width forms find the same stories', async () => {
    const { context, reader } = await openReader();
    await searchFor(reader, '上合組織');
    const traditional = await resultTitles(reader);
    await searchFor(reader, '上合组织');
    assert.deepEqual(traditional, await resultTitles(reader));
    assert.ok(traditional.length > 0);
    await context.close();
  });

  test('the / key focuses the box from anywhere, and types a slash inside it', async () => {
    const { page, context, reader } = await openReader('reader.html', '#/2024-09-12/2/p2-lead');
    await page.keyboard.press('/');
    assert.match(await focused(reader), /^bs-search-input:/);
    await page.keyboard.type('1/2');
    assert.equal(await reader.locator('.bs-search-input').inputValue(), '1/2', 'inside the box / is a character');
    await context.close();
  });

  test('the keyboard walks the results and Enter opens one', async () => {
    const { page, context, reader } = await openReader();
    await searchFor(reader, '上合');
    const titles = await resultTitles(reader);
    assert.ok(titles.length >= 2, `several results: ${titles}`);
    await reader.locator('.bs-search-input').focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(reader), `bs-result-link:${titles[0]}`);
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(reader), `bs-result-link:${titles[1]}`);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    assert.match(await focused(reader), /^bs-search-input:/, 'up from the first result returns to the box');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await reader.locator('.bs-article').waitFor();
    assert.equal(await reader.locator('.bs-article-title').innerText(), titles[0]);
    await context.close();
  });

  test('opening a result shows the whole story scrolled to its first hit, hits marked', async () => {
    const { page, context, reader } = await openReader();
    // 前进道路 is printed on page three, at the end of a story that starts on page one.
    await searchFor(reader, '前进道路');
    await reader.locator('.bs-result-link').first().click();
    await reader.locator('.bs-article .bs-hit').first().waitFor();
    assert.equal(await hashOf(page), '#/2024-09-12/1/p1-lead/whole?q=前进道路');
    assert.ok((await reader.locator('.bs-page-turn-inline').count()) >= 2, 'stitched across its pages');
    assert.deepEqual(await reader.locator('.bs-article .bs-hit').allInnerTexts(), ['前进道路']);
    await firstHitOnScreen(page);
    assert.ok(await page.evaluate(() => scrollY) > 0, 'the page scrolled down to the hit');
    await screenshot(page, 'search-opened-hit');
    await page.goBack();
    await reader.locator('.bs-result').first().waitFor();
    assert.equal(await reader.locator('.bs-search-input').inputValue(), '前进道路');
    await context.close();
  });

  test('nothing found, and an empty box, say so', async () => {
    const { page, context, problems, reader } = await openReader();
    await searchFor(reader, '无此内容');
    assert.equal(await reader.locator('.bs-no-results p').first().innerText(), '没有找到含有“无此内容”的报道。');
    assert.equal(await reader.locator('.bs-result').count(), 0);
    await reader.locator('.bs-search-input').fill('');
    await reader.locator('.bs-search-view .bs-notice', { hasText: '按 / 键' }).waitFor();
    assert.equal(await hashOf(page), '#/search/');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the search view is ready for a phone: axe, tap targets, no sideways scroll', async () => {
    const { page, context, problems, reader } = await openReader();
    await searchFor(reader, '青岛');
    assert.equal(await horizontalOverflow(page), 0);
    assert.deepEqual(await smallTapTargets(reader), []);
    assert.deepEqual(await axeViolations(page, problems), []);
    assert.equal(await page.getByRole('search').count(), 1);
    assert.equal(await reader.getByRole('searchbox', { name: '搜索本报' }).count(), 1);
    await screenshot(page, 'search-results');
    await searchFor(reader, '无此内容');
    assert.deepEqual(await axeViolations(page, problems), [], 'no results: axe');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('the query in the URL and in history', () => {
  test('a search deep link, filtered, survives a reload', async () => {
    const { page, context, reader } = await openReader('reader.html', '#/search/%E6%94%B9%E9%9D%A9?page=3');
    await reader.locator('.bs-results[aria-busy="false"]').waitFor();
    assert.equal(await reader.locator('.bs-search-input').inputValue(), '改革');
    assert.equal(await reader.locator('select.bs-filter-page').inputValue(), '3');
    const expected = await cli('改革', 'reader.json', '--page', '3');
    assert.equal(await reader.locator('.bs-result').count(), expected.length);
    await page.reload();
    await reader.locator('.bs-results[aria-busy="false"]').waitFor();
    assert.equal(await reader.locator('.bs-result').count(), expected.length);
    assert.equal(await hashOf(page), '#/search/改革?page=3');
    await context.close();
  });

  test('choosing a page filters the results and is kept in the URL', async () => {
    const { page, context, reader } = await openReader();
    await searchFor(reader, '上合');
    const all = await resultArticles(reader);
    assert.equal(await reader.locator('input[type="date"]').count(), 0, 'one day: no date range to choose');
    await reader.locator('select.bs-filter-page').selectOption('3');
    await page.waitForFunction(() => location.hash.endsWith('?page=3'));
    await reader.locator('.bs-results[aria-busy="false"]').waitFor();
    const expected = (await cli('上合', 'reader.json', '--page', '3')).map((hit) => hit.article);
    assert.deepEqual(await resultArticles(reader), expected);
    assert.ok(expected.length < all.length, `${expected} of ${all} are on page 3`);

    // Two papers print on this date: the paper's menu keeps one of them.
    await reader.locator('select.bs-filter-page').selectOption('');
    await reader.locator('select.bs-filter-publication').selectOption('The Evening Star');
    await page.waitForFunction(() => location.hash.endsWith('?publication=The%20Evening%20Star'));
    await reader.locator('.bs-no-results').waitFor();
    await reader.locator('select.bs-filter-publication').selectOption('青岛日报');
    await page.waitForFunction(() => location.hash.includes('publication=%E9%9D%92'));
    await reader.locator('.bs-results[aria-busy="false"]').waitFor();
    const ofOnePaper = (await cli('上合', 'reader.json', '--publication', '青岛日报')).map((hit) => hit.article);
    assert.deepEqual(await resultArticles(reader), ofOnePaper);
    assert.deepEqual(ofOnePaper, all, 'all of them are that paper\'s');
    await context.close();
  });

  test('a date range filters the results of an archive of many days', async () => {
    const { page, context, reader } = await openReader('big.html');
    await searchFor(reader, '上合');
    const [from, to] = await reader.locator('input[type="date"]').all();
    assert.equal(await from.getAttribute('min'), '2024-01-01');
    assert.equal(await to.getAttribute('max'), dayOf(DAYS - 1));
    await from.fill('2024-02-03');
    await page.waitForFunction(() => location.hash.endsWith('?from=2024-02-03'));
    await to.fill('2024-02-04');
    await page.waitForFunction(() => location.hash.endsWith('?from=2024-02-03&to=2024-02-04'));
    await reader.locator('.bs-results[aria-busy="false"]').waitFor();
    const expected = await cli('上合', 'big.json', '--from', '2024-02-03', '--to', '2024-02-04');
    assert.deepEqual(await resultRoutes(reader), routesOf(expected));
    assert.equal(await reader.locator('.bs-result-count').innerText(), `找到 ${expected.length} 篇报道`);
    await context.close();
  });

  test('an article opened from results keeps its hits through a reload, and leads back to the results', async () => {
    // 前进道路 is printed on page three, at the end of a story that starts on page one.
    const { page, context, problems, reader } = await openReader('reader.html', '#/search/%E5%89%8D%E8%BF%9B%E9%81%93%E8%B7%AF?page=3');
    await reader.locator('.bs-results[aria-busy="false"]').waitFor();
    await reader.locator('.bs-result-link').first().click();
    await reader.locator('.bs-article .bs-hit').first().waitFor();
    assert.equal(await hashOf(page), '#/2024-09-12/1/p1-lead/whole?q=前进道路&page=3');
    await page.reload();
    await reader.locator('.bs-article .bs-hit').first().waitFor();
    assert.deepEqual(await reader.locator('.bs-article .bs-hit').allInnerTexts(), ['前进道路'], 'the hits are marked again');
    await firstHitOnScreen(page);
    assert.ok(await page.evaluate(() => scrollY) > 0, 'the page scrolled down to the hit');
    await reader.locator('.bs-back-link').click();
    await reader.locator('.bs-results[aria-busy="false"]').waitFor();
    assert.equal(await hashOf(page), '#/search/前进道路?page=3');
    assert.equal(await reader.locator('.bs-search-input').inputValue(), '前进道路');
    assert.equal(await reader.locator('select.bs-filter-page').inputValue(), '3', 'with its filter');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('back and forward return to the results and to the article with its hits marked', async () => {
    const { page, context, reader } = await openReader();
    await searchFor(reader, '前进道路');
    await reader.locator('.bs-result-link').first().click();
    await reader.locator('.bs-article .bs-hit').first().waitFor();
    await page.goBack();
    await reader.locator('.bs-results[aria-busy="false"]').waitFor();
    assert.equal(await hashOf(page), '#/search/前进道路');
    await page.goForward();
    await reader.locator('.bs-article .bs-hit').first().waitFor();
    assert.deepEqual(await reader.locator('.bs-article .bs-hit').allInnerTexts(), ['前进道路']);
    await firstHitOnScreen(page);
    await context.close();
  });

  test('refining a search as you type leaves one history entry', async () => {
    const { page, context, reader } = await openReader();
    await searchFor(reader, '上');
    await searchFor(reader, '上合');
    await searchFor(reader, '上合组织');
    await page.goBack();
    await reader.locator('.bs-edition-view').waitFor();
    await context.close();
  });

  test('with memory routing the search lives in the reader\'s own history', async () => {
    const { page, context, reader } = await openReader('memory.html');
    const start = page.url();
    // The story of 前进道路 runs from page one to page three: it reads whole or in part.
    await searchFor(reader, '前进道路');
    await reader.locator('.bs-result-link').first().click();
    await reader.locator('.bs-article .bs-hit').first().waitFor();
    const marked = await reader.locator('.bs-article .bs-hit').allInnerTexts();
    assert.equal(page.url(), start, 'the host URL is untouched');
    // Reading on and coming back finds the article still marked.
    await reader.locator('.bs-read-link').click();
    await reader.locator('.bs-page-turn-inline').first().waitFor({ state: 'detached' });
    await reader.locator('.bs-back').click();
    await reader.locator('.bs-article .bs-hit').first().waitFor();
    assert.deepEqual(await reader.locator('.bs-article .bs-hit').allInnerTexts(), marked);
    await reader.locator('.bs-back-link').click();
    await reader.locator('.bs-result').first().waitFor();
    assert.equal(await reader.locator('.bs-search-input').inputValue(), '前进道路');
    await reader.locator('.bs-back').click();
    await reader.locator('.bs-article').waitFor();
    await reader.locator('.bs-back').click();
    await reader.locator('.bs-result').first().waitFor();
    assert.equal(await reader.locator('.bs-search-input').inputValue(), '前进道路');
    await reader.locator('.bs-back').click();
    await reader.locator('.bs-edition-view').waitFor();
    await context.close();
  });
});

describe('the index', () => {
  const indexMeasure = (page) => page.evaluate(async () => {
    for (let i = 0; i < 200 && performance.getEntriesByName('broadsheet:search-index').length === 0; i++) {
      await new Promise((done) => setTimeout(done, 50));
    }
    return performance.getEntriesByName('broadsheet:search-index')[0]?.detail;
  });

  /** Opens `host`, searches `query`, checks the count and the first page
   * of results against the CLI; returns how the index was opened and the
   * page's console problems. */
  async function searchAsCli(host, query) {
    const { page, context, problems, reader } = await openReader(host);
    try {
      await searchFor(reader, query);
      const expected = await cli(query, 'big.json');
      assert.equal(await reader.locator('.bs-result-count').innerText(), `找到 ${expected.length} 篇报道`);
      assert.deepEqual(await resultRoutes(reader), routesOf(expected));
      return { ...(await indexMeasure(page)), problems };
    } finally {
      await context.close();
    }
  }

  test('a small corpus is searched in the page with its stored index', async () => {
    const { page, context, problems, reader } = await openReader();
    await searchFor(reader, '上合');
    const detail = await indexMeasure(page);
    assert.deepEqual([detail.runs, detail.source, detail.reason], ['page', 'stored', null]);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a large corpus is searched in the page with its stored index', async () => {
    const { runs, source, problems } = await searchAsCli('big.html', '上合');
    assert.deepEqual([runs, source, problems], ['page', 'stored', []]);
  });

  test('a stale index (built from another corpus) is ignored and the results are still right', async () => {
    const { runs, source, reason, problems } = await searchAsCli('stale.html', '上合');
    assert.deepEqual([runs, source, problems], ['page', 'built', []]);
    assert.match(reason, /another corpus/);
  });

  test('with no index beside the corpus one is built', async () => {
    const { source, problems } = await searchAsCli('bare.html', '改革');
    assert.equal(source, 'built');
    assert.deepEqual(problems, ['console: Failed to load resource: the server responded with a status of 404 (Not Found)'], 'only the index lookup failed');
  });

  test('a host that refuses workers searches as well: no worker is asked for, nothing is reported', async () => {
    const { runs, source, problems } = await searchAsCli('no-worker.html', '上合');
    assert.deepEqual([runs, source, problems], ['page', 'stored', []]);
  });
});

test('offline, a reload still searches the bundled corpus with its stored index', async () => {
  const demo = await startServer();
  const { page, context, problems } = await openPage(browser, demo.url, { viewport: PHONE });
  try {
    const reader = page.locator('broadsheet-reader');
    await reader.locator('.bs-search-input').waitFor();
    await page.waitForFunction(() => navigator.serviceWorker?.controller, null, { timeout: 20000 });
    await context.setOffline(true);
    await page.reload();
    await searchFor(reader, '上合组织');
    const { stdout } = await run(BROADSHEET, ['search', '--json', '--', 'dist/corpus.json', '上合组织']);
    assert.deepEqual(await resultArticles(reader), JSON.parse(stdout).map((hit) => hit.article));
    const detail = await page.evaluate(() => performance.getEntriesByName('broadsheet:search-index')[0]?.detail);
    assert.equal(detail.source, 'stored', 'the index came from the cache');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await demo.close();
  }
});
