// Reading an archive published by `broadsheet publish`, in real Chromium at
// phone size: the first view fetches the root and the newest edition's
// outline and nothing else; a deep link fetches its year's calendar, its
// edition and its page; the stitched read fetches the other page too; a
// missing file shows the error panel for that view, with a Retry that
// recovers, while other views keep working; search covers every edition
// by the archive's index, and a missing index file fails only that search.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFile, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  AXE, axeViolations, horizontalOverflow, hostPage, launchBrowser, openPage, screenshot, smallTapTargets, startFixtureServer,
} from './support.mjs';

const PHONE = { width: 360, height: 640 };
const BROADSHEET = resolve('target/release/broadsheet');
const fixture = JSON.parse(await readFile(resolve('tests/fixtures/two-pages.json'), 'utf8'));
const DATES = ['2023-12-29', '2024-09-10', '2024-09-11', '2024-09-12'];

/** The fixture's edition as printed on `date`, its lead headline dated. */
function editionOn(date) {
  const corpus = structuredClone(fixture);
  corpus.editions[0].date = date;
  corpus.editions[0].articles[0].headline = `${date} 头条`;
  return corpus;
}

/** An edition of twelve stories on `date`, each holding 新闻 once. */
function wideEdition(date) {
  const articles = Array.from({ length: 12 }, (_, n) => ({
    id: `${date}-p1-${n + 1}`, page: 1, kicker: null, headline: `${date} 第${n + 1}篇`, deck: null, byline: null,
    blocks: [{ type: 'paragraph', text: `港口新闻第${n + 1}则。` }], continued_from: null, continued_on: null,
  }));
  return { ...fixture, editions: [{ date, pages: [{ number: 1, label: '第一版' }], articles }] };
}
const WIDE_DATES = ['2023-06-01', '2024-09-11', '2024-09-12'];

/**
 * An edition of `count` stories on `date`, one a page, each saying `text`
 * once, but the first two, which say it three times.
 */
function busyEdition(date, count, text) {
  const articles = Array.from({ length: count }, (_, n) => ({
    id: `${date}-p${n + 1}`, page: n + 1, kicker: null, headline: `${date} 第${n + 1}篇`, deck: null, byline: null,
    blocks: [{ type: 'paragraph', text: (n < 2 ? [text, text, text] : [text]).join('，') + `，第${n + 1}则。` }], continued_from: null, continued_on: null,
  }));
  const pages = articles.map((article) => ({ number: article.page, label: `第${article.page}版` }));
  return { ...fixture, editions: [{ date, pages, articles }] };
}
// A year of five editions of 250 stories holding 港口, then a newer day without it.
const BUSY_DATES = ['2023-03-01', '2023-03-02', '2023-03-03', '2023-03-04', '2023-03-05'];

let browser, server, site;
before(async () => {
  browser = await launchBrowser();
  const files = {
    'archive.html': hostPage('<broadsheet-reader src="site/" offline="off"></broadsheet-reader>'),
    'wide.html': hostPage('<broadsheet-reader src="wide/" offline="off"></broadsheet-reader>'),
    'busy.html': hostPage('<broadsheet-reader src="busy/" offline="off"></broadsheet-reader>'),
    'busy-2024-09-12.json': busyEdition('2024-09-12', 5, '天气晴'),
  };
  for (const date of BUSY_DATES) files[`busy-${date}.json`] = busyEdition(date, 250, '港口');
  for (const date of DATES) files[`${date}.json`] = editionOn(date);
  for (const date of WIDE_DATES) files[`wide-${date}.json`] = wideEdition(date);
  server = await startFixtureServer(files);
  site = join(server.dir, 'site');
  execFileSync(BROADSHEET, ['publish', site, ...DATES.map((date) => join(server.dir, `${date}.json`))], { stdio: 'pipe' });
  execFileSync(BROADSHEET, ['publish', join(server.dir, 'wide'), ...WIDE_DATES.map((date) => join(server.dir, `wide-${date}.json`))], { stdio: 'pipe' });
  const busy = [...BUSY_DATES, '2024-09-12'].map((date) => join(server.dir, `busy-${date}.json`));
  execFileSync(BROADSHEET, ['publish', join(server.dir, 'busy'), ...busy], { stdio: 'pipe' });
  await copyFile(AXE, join(server.dir, 'axe.min.js'));
});
after(async () => { await browser?.close(); await server?.close(); });

/** Opens the host page at `hash`, recording the archive files it fetches. */
async function open(hash = '', expected = []) {
  const opened = await openPage(browser, 'about:blank', { viewport: PHONE });
  const fetched = [];
  const requested = [];
  opened.page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    requested.push(path);
    if (path.startsWith('/site/')) fetched.push(path.slice('/site/'.length));
  });
  await opened.page.goto(`${server.url}archive.html${hash}`);
  const reader = opened.page.locator('broadsheet-reader');
  const unexpected = () => opened.problems.filter((p) => !expected.some((pattern) => pattern.test(p)));
  return { ...opened, reader, fetched, requested, unexpected };
}

/**
 * Holds back every request of `context` whose URL matches `pattern` until
 * `release()`: `asked` lists their paths as they are asked for.
 */
async function holdBack(context, pattern) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const asked = [];
  await context.route(pattern, async (route) => {
    asked.push(new URL(route.request().url()).pathname);
    await held;
    await route.continue();
  });
  return { asked, release };
}

/** `editions/2024/2024-09-12.HASH.json` → `editions/2024-09-12`. */
const kinds = (fetched) => fetched.map((name) => name.replace(/\/\d{4}\//, '/').replace(/\.[0-9a-f]{16}\.json$/, ''));

test('the first view fetches the root alone (it carries the newest outline), then its year for date browsing', async () => {
  const { page, reader, fetched, requested, problems, context } = await open();
  await reader.locator('.bs-edition-view').getByText('2024-09-12 头条').waitFor();
  assert.deepEqual(kinds(fetched).slice(0, 1), ['archive.json']);
  const order = (end) => requested.findIndex((path) => path.endsWith(end));
  assert.ok(order('/site/archive.json') < order('/broadsheet-widget_bg.wasm'), 'the loader asks for the root while the wasm downloads');
  await reader.getByRole('link', { name: /^上一期/ }).waitFor();
  assert.deepEqual(kinds(fetched), ['archive.json', 'calendars/2024'], 'the calendar comes after the first view');
  assert.equal(await horizontalOverflow(page), 0);
  assert.deepEqual(await axeViolations(page, problems), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a deep link fetches its calendar, its edition and its page; the whole article the other page', async () => {
  const { reader, fetched, problems, context } = await open('#/2024-09-10/2/2024-09-12-p2-1');
  await reader.locator('.bs-article').getByText('扛牢“国之重任”，打造高水平对外开放新高地').waitFor();
  assert.deepEqual(kinds(fetched), ['archive.json', 'calendars/2024', 'editions/2024-09-10', 'pages/2024-09-10-p02']);

  fetched.length = 0;
  await reader.page().evaluate(() => { location.hash = '#/2024-09-10/2/2024-09-12-p2-2/whole'; });
  await reader.locator('.bs-article').getByText('2024-09-10 头条').waitFor();
  assert.deepEqual(kinds(fetched), ['pages/2024-09-10-p01'], 'the page the article starts on, and nothing else');

  fetched.length = 0;
  await reader.page().evaluate(() => { location.hash = '#/2023-12-29'; });
  await reader.locator('.bs-edition-view').getByText('2023-12-29 头条').waitFor();
  assert.deepEqual(kinds(fetched), ['calendars/2023', 'editions/2023-12-29'], 'another year: its calendar');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a missing page file shows the error panel for that view; other views work; Retry recovers', async () => {
  const pages = await readdir(join(site, 'pages/2024'));
  const missing = pages.find((name) => name.startsWith('2024-09-11-p01.'));
  await rename(join(site, 'pages/2024', missing), join(server.dir, 'kept.json'));
  const { reader, context, unexpected } = await open('#/2024-09-11/1', [/404 \(Not Found\)/]);
  const panel = reader.locator('.bs-error[role="alert"]');
  await panel.waitFor();
  assert.equal(await panel.locator('h1').innerText(), `${missing} answered with an error`);
  assert.deepEqual(await panel.locator('li').allInnerTexts(), ['HTTP 404 Not Found']);

  await reader.page().evaluate(() => { location.hash = '#/2024-09-11'; });
  await reader.locator('.bs-edition-view').getByText('2024-09-11 头条').waitFor();
  await reader.page().evaluate(() => { location.hash = '#/2024-09-11/1'; });
  await panel.waitFor();

  await rename(join(server.dir, 'kept.json'), join(site, 'pages/2024', missing));
  await panel.getByRole('button', { name: 'Retry' }).click();
  await reader.locator('.bs-page-view').getByText('2024-09-11 头条').waitFor();
  assert.deepEqual(unexpected(), []);
  await context.close();
});

test('a file changed after publishing is named as damaged, not read', async () => {
  const editions = await readdir(join(site, 'editions/2024'));
  const name = editions.find((file) => file.startsWith('2024-09-11.'));
  const path = join(site, 'editions/2024', name);
  const original = await readFile(path, 'utf8');
  await writeFile(path, original.replace('2024-09-11 头条', '2024-09-12 假的'));
  try {
    const { reader, context } = await open('#/2024-09-11', [/damaged/]);
    const panel = reader.locator('.bs-error[role="alert"]');
    await panel.waitFor();
    assert.match(await panel.locator('h1').innerText(), new RegExp(`^${name.replaceAll('.', '\\.')} is damaged or does not belong to this archive`));
    assert.equal(await reader.getByText('2024-09-12 假的').count(), 0);
    await context.close();
  } finally {
    await writeFile(path, original);
  }
});

test('search covers the whole archive by its index: every edition found, a hit opens its edition, search() agrees', async () => {
  // A story continued on page 2, found by its page-2 text: its story text holds both fragments.
  const { reader, fetched, context, problems } = await open('#/search/' + encodeURIComponent('国家能源安全'));
  await reader.locator('.bs-search-scope', { hasText: '在全部 4 期报纸中搜索' }).waitFor();
  await reader.locator('.bs-search-view[aria-busy="false"] .bs-result-count', { hasText: '4' }).waitFor();
  assert.equal(await reader.locator('.bs-snippet mark', { hasText: '国家能源安全' }).count(), 4);
  // The index file, then shards, chunks and heads of the partitions, then
  // the hits' story texts (one file a story) beside their outlines: no page.
  assert.ok(fetched.some((name) => /^search\/index\.[0-9a-f]{16}\.json$/.test(name)), fetched.join(' '));
  assert.ok(fetched.some((name) => /^search\/.+\/pairs-\d+\.bin$/.test(name)), fetched.join(' '));
  const stories = fetched.filter((name) => name.startsWith('stories/'));
  assert.equal(stories.length, DATES.length, `one story text a hit: ${stories.join(' ')}`);
  assert.ok(stories.every((name) => /^stories\/\d{4}\/\d{4}-\d\d-\d\d\.[0-9a-f]{16}\/\d+\.json$/.test(name)), stories.join(' '));
  assert.deepEqual(fetched.filter((name) => name.startsWith('pages/')), [], 'no page text is fetched for a hit');

  await reader.page().evaluate(() => { location.hash = '#/search/' + encodeURIComponent('头条'); });
  await reader.locator('.bs-search-view[aria-busy="false"] .bs-result-count', { hasText: '4' }).waitFor();
  const titles = await reader.locator('.bs-result-title').allInnerTexts();
  assert.deepEqual([...titles].sort(), DATES.map((date) => `${date} 头条`).sort());
  assert.ok(await reader.locator('.bs-result-title mark').count() > 0, 'hits are highlighted');
  await reader.locator('.bs-result-link', { hasText: '2023-12-29 头条' }).click();
  await reader.locator('.bs-article').getByText('2023-12-29 头条').waitFor();

  const answer = await reader.evaluate((element) => element.search('头条'));
  assert.deepEqual(answer.map((hit) => hit.date).sort(), [...DATES].sort());
  // A query asked again after another reads its index files from memory.
  await reader.evaluate((element) => element.search('能源'));
  const before = fetched.filter((name) => name.startsWith('search/')).length;
  assert.deepEqual((await reader.evaluate((element) => element.search('头条'))).map((hit) => hit.date).sort(), [...DATES].sort());
  assert.equal(fetched.filter((name) => name.startsWith('search/')).length, before, 'no index file fetched again');
  const many = await reader.evaluate((element) => element.search('的', { limit: 1000 }));
  const expected = JSON.parse(execFileSync(BROADSHEET, ['search', site, '的', '--json', '--limit', '1000'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  assert.deepEqual(many, expected, 'search() answers what `broadsheet search SITE --json` prints');
  const cli = (...options) => JSON.parse(execFileSync(BROADSHEET, ['search', site, '的', '--json', '--limit', '1000', ...options], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  const newest = await reader.evaluate((element) => element.search('的', { limit: 1000, order: 'newest' }));
  assert.deepEqual(newest, cli('--newest'), "search({ order: 'newest' }) answers what --newest prints");
  const title = newest[0].publication;
  assert.deepEqual(await reader.evaluate((element, title) => element.search('的', { limit: 1000, publication: title }), title), cli('--publication', title));
  await assert.rejects(reader.evaluate((element) => element.search('的', { order: 'oldest' })), /order must be "relevance" or "newest"/);

  // Newest first from the results' own control: the route keeps it.
  await reader.page().evaluate(() => { location.hash = '#/search/' + encodeURIComponent('头条'); });
  await reader.locator('.bs-search-view[aria-busy="false"] .bs-result-count', { hasText: '4' }).waitFor();
  await reader.locator('select.bs-filter-order').selectOption('newest');
  await reader.page().waitForFunction(() => location.hash.endsWith('order=newest'));
  await reader.locator('.bs-search-view[aria-busy="false"] .bs-result-count', { hasText: '4' }).waitFor();
  const newestTitles = await reader.locator('.bs-result-title').allInnerTexts();
  assert.deepEqual(newestTitles, [...DATES].sort().reverse().map((date) => `${date} 头条`));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a common query shows the newest editions\' matches first, then the exact total and ranking', async () => {
  const { page, context, problems } = await openPage(browser, 'about:blank', { viewport: PHONE });
  // The older partitions' index files are held back until the first screen is seen.
  const { asked: older, release } = await holdBack(context, /\/wide\/search\/(2023|2024-09-11)\./);
  await page.goto(`${server.url}wide.html#/search/${encodeURIComponent('新闻')}`);
  const reader = page.locator('broadsheet-reader');
  await reader.locator('.bs-result-count', { hasText: '最近几期找到 12 篇，正在搜索更早的报纸…' }).waitFor();
  assert.equal(await reader.locator('.bs-search-view').getAttribute('aria-busy'), 'true');
  const first = await reader.locator('.bs-result-meta').allInnerTexts();
  assert.equal(first.length, 10, 'a full screen');
  assert.ok(first.every((meta) => meta.includes('2024年9月12日')), first.join(' | '));
  assert.equal(await reader.locator('.bs-snippet mark', { hasText: '新闻' }).count(), 10, 'snippets marked');
  assert.equal(await reader.locator('.bs-more').count(), 0, 'no "more" before the exact total');
  assert.ok(older.length > 0, 'the older partitions were asked for');
  release();
  await reader.locator('.bs-search-view[aria-busy="false"] .bs-result-count', { hasText: '找到 36 篇报道' }).waitFor();
  await reader.locator('.bs-more button').click();
  await reader.locator('.bs-result').nth(19).waitFor();
  // search() answers with the exact set only.
  const answer = await reader.evaluate((element) => element.search('新闻', { limit: 100 }));
  assert.equal(answer.length, 36);
  assert.deepEqual(problems, []);
  await context.close();
});

test('search() asking for every hit of a query found many times on few pages reads those pages, not each story\'s text', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}wide.html`, { viewport: PHONE });
  const reader = page.locator('broadsheet-reader');
  await reader.locator('.bs-edition-view').waitFor();
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  // Twelve hits on the one page of each of the three editions.
  const answer = await reader.evaluate((element) => element.search('新闻', { limit: 1000 }));
  assert.equal(answer.length, 36);
  assert.equal(fetched.filter((path) => path.includes('/wide/stories/')).length, 0, fetched.join(' '));
  assert.equal(fetched.filter((path) => path.includes('/wide/pages/')).length, 3, fetched.join(' '));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the texts and outlines of the stories shown are fetched with their chunks, not after them', async () => {
  const { page, context, problems } = await openPage(browser, 'about:blank', { viewport: PHONE });
  // 1,250 stories match in the year's partition: ranking reads its lengths
  // file, and the ten shown (two an edition) need their chunks after it.
  const { asked: chunks, release } = await holdBack(context, /\/busy\/search\/2023\.[0-9a-f]{16}\/groups-\d+\.bin$/);
  const early = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (/^\/busy\/(stories|editions)\/2023\//.test(path)) early.push(path);
  });
  await page.goto(`${server.url}busy.html#/search/${encodeURIComponent('港口')}`);
  const reader = page.locator('broadsheet-reader');
  // Every text and outline asked for while the chunks are held back.
  for (let waited = 0; early.length < 15 && waited < 15_000; waited += 50) await page.waitForTimeout(50);
  assert.ok(chunks.length > 0, 'the chunks of the stories shown were asked for');
  assert.equal(early.filter((path) => path.includes('/stories/')).length, 10, early.join(' '));
  assert.equal(early.filter((path) => path.includes('/editions/')).length, 5, early.join(' '));
  release();
  await reader.locator('.bs-search-view[aria-busy="false"] .bs-result-count', { hasText: '找到 1250 篇报道' }).waitFor();
  const titles = await reader.locator('.bs-result-title').allInnerTexts();
  assert.deepEqual(titles, BUSY_DATES.flatMap((date) => [`${date} 第1篇`, `${date} 第2篇`]));
  assert.equal(await reader.locator('.bs-snippet mark', { hasText: '港口' }).count(), 30, 'each snippet marks its three');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a missing index file fails that search with its name; reading goes on', async () => {
  const { reader, context, unexpected } = await open('', [/404 \(Not Found\)/]);
  await reader.locator('.bs-edition-view').getByText('2024-09-12 头条').waitFor();
  const index = (await readdir(join(site, 'search'))).find((name) => name.startsWith('index.'));
  const { partitions } = JSON.parse(await readFile(join(site, 'search', index), 'utf8'));
  const shards = partitions.map((partition) => partition.folder);
  const moved = [];
  for (const folder of shards) {
    for (const name of (await readdir(join(site, folder))).filter((file) => file.startsWith('pairs-'))) {
      await rename(join(site, folder, name), join(site, folder, `${name}.away`));
      moved.push(join(site, folder, name));
    }
  }
  try {
    await reader.page().evaluate(() => { location.hash = '#/search/' + encodeURIComponent('头条'); });
    await reader.locator('.bs-search-view .bs-error-url', { hasText: /pairs-\d+\.bin/ }).waitFor();
    await assert.rejects(reader.evaluate((element) => element.search('头条')), /pairs-\d+\.bin/);
    await reader.page().evaluate(() => { location.hash = '#/2024-09-11'; });
    await reader.locator('.bs-edition-view').getByText('2024-09-11 头条').waitFor();
  } finally {
    for (const path of moved) await rename(`${path}.away`, path);
  }
  assert.deepEqual(unexpected(), []);
  await context.close();
});

test('a story text that is another story\'s fails that search with its name; the search works once it is whole', async () => {
  const { reader, context, unexpected } = await open('');
  await reader.locator('.bs-edition-view').getByText('2024-09-12 头条').waitFor();
  const folders = await readdir(join(site, 'stories', '2024'));
  const [stale, other] = ['2024-09-11.', '2024-09-12.'].map((date) => join(site, 'stories', '2024', folders.find((name) => name.startsWith(date))));
  const originals = [];
  for (const name of await readdir(stale)) {
    originals.push([join(stale, name), await readFile(join(stale, name))]);
    await writeFile(join(stale, name), await readFile(join(other, '0.json')));
  }
  try {
    await reader.page().evaluate(() => { location.hash = '#/search/' + encodeURIComponent('09-11 头条'); });
    await reader.locator('.bs-search-view .bs-error-url', { hasText: /stories\/2024\/2024-09-11\.[0-9a-f]{16}\/\d+\.json/ }).waitFor();
    await assert.rejects(reader.evaluate((element) => element.search('09-11 头条')), /2024-09-11\.[0-9a-f]{16}\/\d+\.json: not the story its edition holds/);
  } finally {
    for (const [path, bytes] of originals) await writeFile(path, bytes);
  }
  assert.deepEqual((await reader.evaluate((element) => element.search('头条'))).length, 4, 'the search works again once the files are whole');
  assert.deepEqual(unexpected(), []);
  await context.close();
});

test('date browsing: the previous and next edition, and the calendar across years', async () => {
  const { page, reader, fetched, problems, context } = await open();
  await reader.getByRole('link', { name: /^上一期/ }).click();
  await reader.locator('.bs-edition-view').getByText('2024-09-11 头条').waitFor();
  await reader.getByRole('link', { name: /^下一期/ }).waitFor();
  await reader.getByRole('link', { name: /^上一期/ }).click();
  await reader.locator('.bs-edition-view').getByText('2024-09-10 头条').waitFor();
  // The year's first edition: the one before is in the year before, whose calendar is fetched for it.
  await reader.getByRole('link', { name: '上一期: 2023年12月29日 星期五' }).click();
  await reader.locator('.bs-edition-view').getByText('2023-12-29 头条').waitFor();
  assert.equal(await reader.getByRole('link', { name: /^上一期/ }).count(), 0, 'the oldest edition');

  await reader.getByRole('button', { name: '往期回顾' }).click();
  const calendar = reader.locator('.bs-calendar');
  assert.equal(await calendar.locator('caption').innerText(), '2023年12月');
  assert.deepEqual(await calendar.locator('a.bs-day [aria-hidden="true"]').allInnerTexts(), ['29']);
  assert.equal(await calendar.locator('a.bs-day[aria-current="page"]').count(), 1);
  assert.deepEqual(await axeViolations(page, problems), []);
  assert.equal(await horizontalOverflow(page), 0);
  assert.deepEqual(await smallTapTargets(reader), []);
  await screenshot(page, 'archive-calendar');
  await calendar.getByRole('combobox', { name: '年份' }).selectOption('2024');
  await calendar.locator('caption', { hasText: '2024年9月' }).waitFor();
  assert.deepEqual(await calendar.locator('a.bs-day [aria-hidden="true"]').allInnerTexts(), ['10', '11', '12']);
  await calendar.getByRole('link', { name: '2024年9月11日 星期三' }).click();
  await reader.locator('.bs-edition-view').getByText('2024-09-11 头条').waitFor();
  assert.equal(new URL(page.url()).hash, '#/2024-09-11');
  assert.equal(fetched.filter((name) => name.startsWith('calendars/')).length, 2, 'each year once');
  assert.deepEqual(problems, []);
  await context.close();
});
