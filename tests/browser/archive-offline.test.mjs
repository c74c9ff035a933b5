// An archive read offline, in real Chromium with the network really off
// (proved by a fetch that fails): the newest edition is kept whole once the
// first view is shown, so after a reload offline every page and article of
// it opens, pages never visited included; a date that was not kept shows a
// "not saved" view, not an error; `offline-editions="2"` keeps two, and
// search offline covers exactly those.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  AXE, axeViolations, hostPage, launchBrowser, openPage, screenshot, smallTapTargets, startFixtureServer,
} from './support.mjs';

const BROADSHEET = resolve('target/release/broadsheet');
const fixture = JSON.parse(await readFile(resolve('tests/fixtures/two-pages.json'), 'utf8'));
const DATES = ['2024-09-10', '2024-09-11', '2024-09-12'];

function editionOn(date) {
  const corpus = structuredClone(fixture);
  corpus.editions[0].date = date;
  corpus.editions[0].articles[0].headline = `${date} 头条`;
  return corpus;
}

/** A site whose start page (the one the service worker keeps) reads the archive. */
async function archiveSite(attributes = '') {
  const files = { 'index.html': hostPage(`<broadsheet-reader src="site/" ${attributes}></broadsheet-reader>`) };
  for (const date of DATES) files[`${date}.json`] = editionOn(date);
  const server = await startFixtureServer(files);
  execFileSync(BROADSHEET, ['publish', join(server.dir, 'site'), ...DATES.map((date) => join(server.dir, `${date}.json`))], { stdio: 'pipe' });
  await copyFile(AXE, join(server.dir, 'axe.min.js'));
  return server;
}

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** Opens the site online and waits until the shell is cached and the newest editions are kept. */
async function openAndKeep(server, editions) {
  const opened = await openPage(browser, server.url, { viewport: { width: 360, height: 640 } });
  const { page } = opened;
  await page.locator('broadsheet-reader .bs-headline').first().waitFor();
  await page.waitForFunction(() => navigator.serviceWorker?.controller, null, { timeout: 20000 });
  const keptEditions = () => page.locator('broadsheet-reader').evaluate((element) => element.offline().then((report) => report.editions.length));
  for (const started = Date.now(); (await keptEditions()) !== editions;) {
    assert.ok(Date.now() - started < 20000, `${editions} editions were never kept`);
    await page.waitForTimeout(100);
  }
  return opened;
}

async function go(page, hash) {
  await page.evaluate((hash) => { location.hash = hash; }, hash);
}

test('offline, the newest edition reads whole and an edition not kept says so', async () => {
  const server = await archiveSite();
  const { page, context, problems } = await openAndKeep(server, 1);
  try {
    // Kept gzipped: a page's text takes less room than its file.
    const pageFile = (await readdir(join(server.dir, 'site/pages/2024'))).find((name) => name.startsWith('2024-09-12-p02.'));
    const raw = (await readFile(join(server.dir, 'site/pages/2024', pageFile))).length;
    const stored = await page.evaluate(async (url) => {
      const kept = await (await caches.open('broadsheet-archive-files')).match(url);
      return [kept.headers.get('x-broadsheet-encoding'), (await kept.arrayBuffer()).byteLength];
    }, `${server.url}site/pages/2024/${pageFile}`);
    assert.equal(stored[0], 'gzip');
    assert.ok(stored[1] < raw * 0.8, `${stored[1]} bytes kept for a ${raw}-byte file`);

    await context.setOffline(true);
    const uncached = await page.evaluate(() => fetch(`not-cached-${Date.now()}`).then(() => 'reached', () => 'failed'));
    assert.equal(uncached, 'failed', 'the network is really off');
    await page.reload();
    const reader = page.locator('broadsheet-reader');
    await reader.locator('.bs-edition-view').getByText('2024-09-12 头条').waitFor();
    await go(page, '#/2024-09-12/2');
    await reader.locator('.bs-page-view').getByText('扛牢“国之重任”，打造高水平对外开放新高地').waitFor();
    await go(page, '#/2024-09-12/2/2024-09-12-p2-2/whole');
    await reader.locator('.bs-article').getByText('2024-09-12 头条').waitFor();

    await go(page, '#/2024-09-11');
    await reader.locator('.bs-not-saved').waitFor();
    assert.equal(await reader.locator('.bs-error').count(), 0, 'not an error panel');
    assert.match(await reader.locator('.bs-not-saved h2').innerText(), /not saved for offline reading/);
    await reader.locator('.bs-not-saved').getByRole('link').click();
    await reader.locator('.bs-edition-view').getByText('2024-09-12 头条').waitFor();
    // The requests the network refused (the proof above, the calendar asked for by date browsing).
    assert.deepEqual(problems.filter((p) => !/net::ERR_INTERNET_DISCONNECTED|net::ERR_FAILED/.test(p)), []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('offline-editions="2" keeps the two newest editions', async () => {
  const server = await archiveSite('offline-editions="2"');
  const { page, context } = await openAndKeep(server, 2);
  try {
    // The calendar marks the saved days.
    const reader = page.locator('broadsheet-reader');
    await reader.getByRole('button', { name: '往期回顾' }).click();
    await reader.locator('.bs-calendar a.bs-day-saved').nth(1).waitFor();
    assert.deepEqual(await reader.locator('.bs-calendar a.bs-day-saved [aria-hidden="true"]').allInnerTexts(), ['11', '12']);
    await reader.locator('.bs-calendar').getByRole('link', { name: '2024年9月11日 星期三 已保存' }).waitFor();
    await context.setOffline(true);
    await page.reload();
    await reader.locator('.bs-edition-view').getByText('2024-09-12 头条').waitFor();
    await go(page, '#/2024-09-11/1');
    await reader.locator('.bs-page-view').getByText('2024-09-11 头条').waitFor();
    await go(page, '#/2024-09-10');
    await reader.locator('.bs-not-saved').waitFor();

    // Offline search covers exactly the saved editions, and says so.
    await go(page, `#/search/${encodeURIComponent('头条')}`);
    await reader.locator('.bs-search-scope', { hasText: '离线搜索已保存的 2 期报纸' }).waitFor();
    await reader.locator('.bs-result-count', { hasText: '2' }).waitFor();
    const dates = await reader.locator('.bs-search-view .bs-headline, .bs-search-view a').allInnerTexts();
    assert.ok(dates.some((text) => text.includes('2024-09-12 头条')) && dates.some((text) => text.includes('2024-09-11 头条')), dates.join(' | '));
    assert.ok(!dates.some((text) => text.includes('2024-09-10')), 'the edition not saved is not searched');
  } finally {
    await context.close();
    await server.close();
  }
});

test('the host saves a range for offline reading, lists it, removes it; the quota stops a save cleanly', async () => {
  const server = await archiveSite();
  const { page, context } = await openAndKeep(server, 1);
  try {
    const reader = page.locator('broadsheet-reader');
    const saved = await reader.evaluate((element) => element.saveOffline({ from: '2024-09-10', to: '2024-09-11' }));
    assert.ok(saved > 1000, `${saved} bytes saved`);
    const report = await reader.evaluate((element) => element.offline());
    assert.deepEqual(report.editions.map((e) => [e.date, e.automatic]).sort(), [['2024-09-10', false], ['2024-09-11', false], ['2024-09-12', true]]);
    assert.equal(report.bytes, report.editions.reduce((sum, e) => sum + e.bytes, 0));
    assert.equal(typeof report.persisted, 'boolean');
    assert.ok(report.quota > 0 && report.usage > 0, JSON.stringify(report));

    await context.setOffline(true);
    await page.reload();
    await reader.locator('.bs-edition-view').getByText('2024-09-12 头条').waitFor();
    await go(page, '#/2024-09-10/1');
    await reader.locator('.bs-page-view').getByText('2024-09-10 头条').waitFor();
    await context.setOffline(false);

    const freed = await reader.evaluate((element) => element.removeOffline({ from: '2024-09-10', to: '2024-09-10' }));
    assert.ok(freed > 1000, `${freed} bytes freed`);
    const after = await reader.evaluate((element) => element.offline());
    assert.deepEqual(after.editions.map((e) => e.date).sort(), ['2024-09-11', '2024-09-12']);

    // A quota just above what the origin uses: the save keeps what it completed and says why it stopped.
    const cdp = await context.newCDPSession(page);
    const origin = new URL(server.url).origin;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: Math.round(after.usage + 500) });
    const refused = await reader.evaluate((element) => element.saveOffline({ from: '2024-09-10', to: '2024-09-10' }).then(() => 'saved', (error) => error.message));
    assert.match(refused, /^saved 0 of 1 editions \(0 bytes\), then stopped at edition 2024-09-10: .*storage is full\)$/);
    const unchanged = await reader.evaluate((element) => element.offline());
    assert.deepEqual(unchanged.editions.map((e) => e.date).sort(), ['2024-09-11', '2024-09-12'], 'nothing half-saved');
  } finally {
    await context.close();
    await server.close();
  }
});

test('a reader of a corpus file refuses to save editions, saying why', async () => {
  const server = await startFixtureServer({ 'corpus.html': hostPage('<broadsheet-reader src="corpus.json" offline="off"></broadsheet-reader>') });
  const { page, context } = await openPage(browser, `${server.url}corpus.html`);
  try {
    const reader = page.locator('broadsheet-reader');
    await reader.locator('.bs-headline').first().waitFor();
    const refused = await reader.evaluate((element) => element.saveOffline().then(() => 'saved', (error) => error.message));
    assert.match(refused, /for archives/);
  } finally {
    await context.close();
    await server.close();
  }
});

test('the reader saves the edition shown, lets it go from the storage panel, and saves a month from the calendar', async () => {
  const server = await archiveSite();
  const { page, context, problems } = await openAndKeep(server, 1);
  try {
    const reader = page.locator('broadsheet-reader');
    await go(page, '#/2024-09-11');
    await reader.locator('.bs-edition-view').getByText('2024-09-11 头条').waitFor();
    const save = reader.getByRole('button', { name: '离线保存本期' });
    await save.click();
    await reader.getByRole('button', { name: '已离线保存' }).waitFor();
    const panel = reader.locator('.bs-offline-panel');
    await panel.locator('summary').click();
    await panel.getByText('已保存 2 期', { exact: false }).waitFor();
    assert.equal(await panel.locator('.bs-offline-item').count(), 2);
    assert.match(await panel.locator('.bs-offline-persisted').innerText(), /浏览器/);
    assert.deepEqual(await axeViolations(page, problems), []);
    assert.deepEqual(await smallTapTargets(reader), []);
    await screenshot(page, 'archive-offline-panel');

    await panel.getByRole('button', { name: '删除 2024年9月11日 星期三' }).click();
    await reader.getByRole('button', { name: '离线保存本期' }).waitFor();
    assert.deepEqual((await reader.evaluate((element) => element.offline())).editions.map((e) => e.date), ['2024-09-12']);

    // A range of dates, from the panel (picked the wrong way round: the range still holds).
    await panel.getByLabel('起始日期').fill('2024-09-11');
    await panel.getByLabel('截止日期').fill('2024-09-10');
    await panel.getByRole('button', { name: '离线保存所选日期' }).click();
    await panel.getByText('已保存 3 期', { exact: false }).waitFor();
    const range = await reader.evaluate((element) => element.offline());
    assert.deepEqual(range.editions.map((e) => [e.date, e.automatic]).sort(), [['2024-09-10', false], ['2024-09-11', false], ['2024-09-12', true]]);
    await reader.evaluate((element) => element.removeOffline({ from: '2024-09-10', to: '2024-09-11' }));

    // A whole month, from the calendar.
    await reader.getByRole('button', { name: '往期回顾' }).click();
    await reader.locator('.bs-calendar').getByRole('button', { name: '离线保存本月' }).click();
    await reader.locator('.bs-calendar a.bs-day-saved').nth(2).waitFor();
    const month = await reader.evaluate((element) => element.offline());
    assert.deepEqual(month.editions.map((e) => [e.date, e.automatic]).sort(), [['2024-09-10', false], ['2024-09-11', false], ['2024-09-12', false]]);
  } finally {
    await context.close();
    await server.close();
  }
});

test('after a publish, a returning reader fetches only the new files: the root, its calendar, the new edition', async () => {
  const server = await archiveSite();
  const { page, context } = await openAndKeep(server, 1);
  try {
    await context.setOffline(true);
    const next = editionOn('2024-09-13');
    await writeFile(join(server.dir, 'next.json'), JSON.stringify(next));
    execFileSync(BROADSHEET, ['publish', join(server.dir, 'site'), join(server.dir, 'next.json')], { stdio: 'pipe' });
    await context.setOffline(false);
    const fetched = [];
    page.on('response', async (response) => {
      const path = new URL(response.url()).pathname;
      if (path.startsWith('/site/')) fetched.push([path.slice('/site/'.length), (await response.body()).length]);
    });
    await page.reload();
    const reader = page.locator('broadsheet-reader');
    await reader.locator('.bs-edition-view').getByText('2024-09-13 头条').waitFor();
    for (const started = Date.now(); !(await reader.evaluate((element) => element.offline())).editions.some((e) => e.date === '2024-09-13');) {
      assert.ok(Date.now() - started < 20000, 'the new edition was never kept');
      await page.waitForTimeout(100);
    }
    const names = fetched.map(([name]) => name.replace(/\.[0-9a-f]{16}\.json$/, '')).sort();
    assert.deepEqual(names, ['archive.json', 'calendars/2024', 'editions/2024/2024-09-13', 'pages/2024/2024-09-13-p01', 'pages/2024/2024-09-13-p02']);
    const { editions } = await reader.evaluate((element) => element.offline());
    assert.deepEqual(editions.map((e) => e.date), ['2024-09-13'], 'the new newest replaces the old one');
  } finally {
    await context.close();
    await server.close();
  }
});

test('storage cleared by the browser: the reader starts online as new and keeps the newest again', async () => {
  const server = await archiveSite();
  const { page, context } = await openAndKeep(server, 1);
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(server.url).origin, storageTypes: 'all' });
    await page.reload();
    const reader = page.locator('broadsheet-reader');
    await reader.locator('.bs-edition-view').getByText('2024-09-12 头条').waitFor();
    for (const started = Date.now(); (await reader.evaluate((element) => element.offline())).editions.length !== 1;) {
      assert.ok(Date.now() - started < 20000, 'the newest edition was never kept again');
      await page.waitForTimeout(100);
    }
    assert.ok(await reader.evaluate((element) => element.saveOffline({ from: '2024-09-10', to: '2024-09-10' })) > 0, 'and saves again');
  } finally {
    await context.close();
    await server.close();
  }
});

test('the browser takes the saved editions back: the reader says which, saves them again or lets them go', async () => {
  const server = await archiveSite();
  const { page, context } = await openAndKeep(server, 1);
  try {
    const reader = page.locator('broadsheet-reader');
    await reader.evaluate((element) => element.saveOffline({ from: '2024-09-10', to: '2024-09-11' }));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(server.url).origin, storageTypes: 'cache_storage' });
    await page.reload();
    await reader.locator('.bs-edition-view').getByText('2024-09-12 头条').waitFor();
    const lost = reader.locator('.bs-offline-lost');
    await lost.getByText('浏览器已清除 2 期离线保存的报纸').waitFor();
    const report = await reader.evaluate((element) => element.offline());
    assert.deepEqual(report.lost.map((edition) => edition.date), ['2024-09-10', '2024-09-11']);
    assert.ok(!report.editions.some((edition) => !edition.automatic), 'none of them is saved any more');
    await lost.getByRole('button', { name: '重新保存 2024年9月10日 星期二' }).click();
    await lost.getByText('浏览器已清除 1 期离线保存的报纸').waitFor();
    await lost.getByRole('button', { name: '忽略 2024年9月11日 星期三' }).click();
    await lost.waitFor({ state: 'detached' });
    const after = await reader.evaluate((element) => element.offline());
    assert.deepEqual([after.lost, after.editions.filter((edition) => !edition.automatic).map((edition) => edition.date)], [[], ['2024-09-10']]);
  } finally {
    await context.close();
    await server.close();
  }
});

test('two readers of two archives on one page keep their own editions', async () => {
  const server = await archiveSite();
  try {
    const other = join(server.dir, 'other');
    const paper = structuredClone(editionOn('2020-01-01'));
    paper.publication = { title: 'The Sun', lang: 'en' };
    await writeFile(join(server.dir, 'sun.json'), JSON.stringify(paper));
    execFileSync(BROADSHEET, ['publish', other, join(server.dir, 'sun.json')], { stdio: 'pipe' });
    await writeFile(join(server.dir, 'two.html'), hostPage(
      '<broadsheet-reader id="a" src="site/" routing="memory"></broadsheet-reader><broadsheet-reader id="b" src="other/" routing="memory"></broadsheet-reader>',
    ));
    const { page, context } = await openPage(browser, `${server.url}two.html`);
    try {
      const kept = (id) => page.locator(`#${id}`).evaluate((element) => element.offline().then((report) => report.editions.map((e) => `${e.publication} ${e.date}`)));
      for (const started = Date.now(); (await kept('a')).length + (await kept('b')).length !== 2;) {
        assert.ok(Date.now() - started < 20000, 'both newest editions kept');
        await page.waitForTimeout(100);
      }
      assert.deepEqual(await kept('a'), ['青岛日报 2024-09-12']);
      assert.deepEqual(await kept('b'), ['The Sun 2020-01-01']);
      await page.locator('#b').evaluate((element) => element.removeOffline());
      assert.deepEqual(await kept('b'), []);
      assert.deepEqual(await kept('a'), ['青岛日报 2024-09-12'], 'the other archive keeps its own');
    } finally {
      await context.close();
    }
  } finally {
    await server.close();
  }
});
