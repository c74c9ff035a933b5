// The reader in real Chromium at phone size (360×640): every view, the jump
// links both ways, the stitched read, deep links, back and forward, memory
// routing, swipes, reading settings, and axe-core on every view. It reads
// tests/fixtures/reader.json: three pages of 青岛日报 whose articles jump
// between pages (both halves present, and a jump to a page outside the
// archive), figures with and without an image, and a second paper (in
// English) on the same date.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  AXE, axeViolations, horizontalOverflow, hostPage, launchBrowser, openPage, screenshot, smallTapTargets, startFixtureServer,
} from './support.mjs';

const PHONE = { width: 360, height: 640 };
const FIXTURES = resolve('tests/fixtures');
const QD = '#/2024-09-12';
const STAR = '#/2024-09-12~The Evening Star'; // as hashOf decodes it

let browser, server;
before(async () => {
  const corpus = await readFile(join(FIXTURES, 'reader.json'), 'utf8');
  browser = await launchBrowser();
  server = await startFixtureServer({
    'reader.json': corpus,
    // Nothing but the reader: its banner, navigation and main are the page's.
    'reader.html': hostPage('<broadsheet-reader src="reader.json" offline="off"></broadsheet-reader>'),
    // A host with its own <main> and a URL it keeps to itself.
    'memory.html': hostPage(
      '<main><h1>Host page</h1><broadsheet-reader src="reader.json" routing="memory" offline="off"></broadsheet-reader></main>',
    ),
  });
  await mkdir(join(server.dir, 'img'), { recursive: true });
  await copyFile(join(FIXTURES, 'img/harbour.svg'), join(server.dir, 'img/harbour.svg'));
  await copyFile(AXE, join(server.dir, 'axe.min.js'));
});
after(async () => { await browser?.close(); await server?.close(); });

/** Opens the reader at `hash` on a phone-sized page and waits for the view. */
async function openReader(hash = '', { host = 'reader.html', colorScheme } = {}) {
  const opened = await openPage(browser, `${server.url}${host}${hash}`, { viewport: PHONE });
  if (colorScheme) {
    await opened.page.emulateMedia({ colorScheme });
    await opened.page.reload();
  }
  // The search box comes with the loaded corpus (.bs-view is there while loading).
  await opened.page.locator('broadsheet-reader .bs-search-input').waitFor();
  return { ...opened, reader: opened.page.locator('broadsheet-reader') };
}

/** What a phone user needs of every view: no sideways scroll, every control
 * at least 44 px square, no CSP or console error, no axe violation. */
async function assertPhoneReady(page, problems, name) {
  assert.equal(await horizontalOverflow(page), 0, `${name}: horizontal scroll`);
  assert.deepEqual(await smallTapTargets(page.locator('broadsheet-reader')), [], `${name}: tap targets under 44 px`);
  assert.deepEqual(problems, [], `${name}: console, page errors or CSP violations`);
  assert.deepEqual(await axeViolations(page, problems), [], `${name}: axe`);
  await screenshot(page, `reader-${name}`);
}

const hashOf = (page) => page.evaluate(() => decodeURI(location.hash));

describe('views', () => {
  test('the edition view lists each page with its headlines, lead first', async () => {
    const { page, context, problems, reader } = await openReader();
    assert.equal(await reader.locator('.bs-title').innerText(), '青岛日报');
    assert.equal(await reader.locator('.bs-date').innerText(), '2024年9月12日 星期四');
    const pages = await reader.locator('.bs-contents-title').allInnerTexts();
    assert.deepEqual(pages.map((t) => t.trim()), ['第一版', '第二版', '第三版']);
    const pageTwo = reader.locator('.bs-contents-page').nth(1).locator('.bs-headline');
    assert.deepEqual(await pageTwo.allInnerTexts(), [
      '扛牢“国之重任”，打造高水平对外开放新高地', '当好全面深化改革的促进派实干家', '为国家能源安全贡献青岛力量',
    ]);
    for (const [role, name] of [['banner'], ['navigation', '版面'], ['main']]) {
      assert.equal(await page.getByRole(role, { name }).count(), 1, `on a bare host the reader's ${role} is the page's`);
    }
    assert.equal(await reader.locator('.bs-app').getAttribute('lang'), 'zh-CN');
    await assertPhoneReady(page, problems, 'edition');
    await context.close();
  });

  test('the page view shows the lead first, thumbnails, and turns by buttons', async () => {
    const { page, context, problems, reader } = await openReader();
    await reader.locator('.bs-strip-link', { hasText: '第二版' }).click();
    await reader.locator('.bs-page-view').waitFor();
    assert.equal(await hashOf(page), `${QD}/2`);
    assert.equal(await reader.locator('.bs-strip-link[aria-current="page"]').innerText(), '第二版');
    const cards = await reader.locator('.bs-card-title').allInnerTexts();
    assert.equal(cards[0], '扛牢“国之重任”，打造高水平对外开放新高地');
    assert.equal(cards.length, 3);
    const thumbnail = reader.locator('.bs-card-lead .bs-thumb');
    assert.match(await thumbnail.getAttribute('src'), /\/img\/harbour\.svg$/);
    assert.ok(await thumbnail.evaluate((img) => img.complete && img.naturalWidth > 0), 'the image loads');
    await assertPhoneReady(page, problems, 'page');
    await reader.locator('.bs-turn-next').click();
    await reader.locator('.bs-view-title', { hasText: '第三版' }).waitFor();
    assert.equal(await hashOf(page), `${QD}/3`);
    assert.equal(await reader.locator('.bs-turn-next').count(), 0, 'no page after the last');
    await reader.locator('.bs-turn-prev').click();
    await reader.locator('.bs-view-title', { hasText: '第二版' }).waitFor();
    await context.close();
  });

  test('the article view shows kicker, headline, deck, byline, body and figures', async () => {
    const { page, context, problems, reader } = await openReader(`${QD}/2`);
    await reader.locator('.bs-card-link', { hasText: '扛牢' }).click();
    await reader.locator('.bs-article').waitFor();
    assert.equal(await hashOf(page), `${QD}/2/p2-lead`);
    const article = reader.locator('.bs-article');
    assert.equal(await article.getAttribute('lang'), 'zh-CN');
    assert.equal(await article.locator('.bs-kicker').innerText(), '上合示范区');
    assert.equal(await article.locator('h2').innerText(), '扛牢“国之重任”，打造高水平对外开放新高地');
    assert.equal(await article.locator('.bs-deck').innerText(), '青岛加速成为上合组织元素集中展示区');
    assert.equal(await article.locator('.bs-byline').innerText(), '青岛日报/观海新闻记者 王萌');
    assert.equal(await article.locator('.bs-subhead').innerText(), '地方经贸合作全面突破');
    const figures = article.locator('figure');
    assert.equal(await figures.count(), 2);
    assert.equal(await figures.nth(0).locator('figcaption').innerText(), '上合示范区多式联运中心一角。 刘栋 摄');
    assert.equal(await figures.nth(1).locator('.bs-image-missing').innerText(), '图片未收录');
    assert.equal(await figures.nth(1).locator('img').count(), 0);
    assert.equal(await article.locator('.bs-read-switch').count(), 0, 'a whole article has nothing to stitch');
    await assertPhoneReady(page, problems, 'article');

    await figures.nth(0).locator('.bs-zoom').click();
    const dialog = reader.locator('dialog.bs-lightbox');
    await dialog.waitFor({ state: 'visible' });
    await screenshot(page, 'reader-zoom');
    assert.deepEqual(await axeViolations(page, problems), [], 'zoomed image: axe');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await figures.nth(0).locator('.bs-zoom').click();
    await dialog.getByRole('button', { name: '关闭' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await context.close();
  });

  test('a fragment without headline is titled from its first sentence', async () => {
    const { context, reader } = await openReader(`${QD}/2/p2-headless`);
    assert.equal(await reader.locator('.bs-article-title').innerText(), '为国家能源安全贡献青岛力量');
    await context.close();
  });

  test('a route the archive cannot answer says so and leads to the latest edition', async () => {
    const { page, context, problems, reader } = await openReader(`${QD}/9`);
    assert.equal(await reader.locator('.bs-view-title').innerText(), '找不到这一页');
    await assertPhoneReady(page, problems, 'not-found');
    await reader.getByRole('link', { name: '回到最新一期' }).click();
    await reader.locator('.bs-edition-view').waitFor();
    await context.close();
  });
});

describe('continuations', () => {
  test('jump links lead both ways between the halves of an article', async () => {
    const { page, context, reader } = await openReader(`${QD}/1/p1-lead`);
    const jumpOn = reader.locator('.bs-jump-on .bs-jump-link');
    assert.equal(await jumpOn.innerText(), '下转第二版');
    await jumpOn.click();
    await reader.locator('.bs-jump-from').waitFor();
    assert.equal(await hashOf(page), `${QD}/2/p2-from-p1`);
    assert.match(await reader.locator('.bs-body').innerText(), /^长远利益出发/);
    const jumpFrom = reader.locator('.bs-jump-from .bs-jump-link');
    assert.equal(await jumpFrom.innerText(), '上接第一版');
    await jumpFrom.click();
    await reader.locator('.bs-jump-on').waitFor();
    assert.equal(await hashOf(page), `${QD}/1/p1-lead`);
    await context.close();
  });

  test('the whole article reads on across its pages with quiet markers', async () => {
    const { page, context, problems, reader } = await openReader(`${QD}/2/p2-from-p1`);
    await reader.getByRole('link', { name: '阅读全文' }).click();
    await reader.locator('.bs-page-turn-inline').first().waitFor();
    assert.equal(await hashOf(page), `${QD}/2/p2-from-p1/whole`);
    const text = await reader.locator('.bs-body').innerText();
    const order = ['发展永无止境', '根本利益和', '以下刊于第二版', '长远利益出发', '以下刊于第三版', '前进道路上'];
    const at = order.map((part) => text.indexOf(part));
    assert.ok(at.every((i, n) => i >= 0 && (n === 0 || i > at[n - 1])), `in order: ${at} in ${text}`);
    assert.equal(await reader.locator('.bs-jump').count(), 0, 'no jump lines inside a whole article');
    await assertPhoneReady(page, problems, 'whole');
    await reader.getByRole('link', { name: '只看本版部分' }).click();
    await reader.locator('.bs-jump-from').waitFor();
    assert.equal(await hashOf(page), `${QD}/2/p2-from-p1`);
    await context.close();
  });

  test('a jump to a page outside the archive is labelled, not linked', async () => {
    const { context, reader } = await openReader(`${QD}/3/p3-culture`);
    const jump = reader.locator('.bs-jump-on');
    assert.equal(await jump.locator('.bs-jump-label').innerText(), '下转第四版');
    assert.equal(await jump.locator('.bs-jump-note').innerText(), '第四版未收入本数据库');
    assert.equal(await jump.locator('a').count(), 0);
    await context.close();
  });
});

describe('navigation', () => {
  test('a deep link opens its view and survives a reload', async () => {
    const { page, context, reader } = await openReader(`${QD}/2/p2-lead`);
    const title = '扛牢“国之重任”，打造高水平对外开放新高地';
    assert.equal(await reader.locator('.bs-article-title').innerText(), title);
    await page.reload();
    await reader.locator('.bs-article-title').waitFor();
    assert.equal(await reader.locator('.bs-article-title').innerText(), title);
    await context.close();
  });

  test('back and forward walk the views', async () => {
    const { page, context, reader } = await openReader();
    await reader.locator('.bs-page-link', { hasText: '第二版' }).click();
    await reader.locator('.bs-page-view').waitFor();
    await reader.locator('.bs-card-link').first().click();
    await reader.locator('.bs-article').waitFor();
    await page.goBack();
    await reader.locator('.bs-page-view').waitFor();
    assert.equal(await hashOf(page), `${QD}/2`);
    await page.goBack();
    await reader.locator('.bs-edition-view').waitFor();
    await page.goForward();
    await reader.locator('.bs-page-view').waitFor();
    assert.equal(await hashOf(page), `${QD}/2`);
    await context.close();
  });

  test('keyboard: links and buttons in order, arrow keys turn pages, focus follows navigation', async () => {
    const { page, context, reader } = await openReader(`${QD}/1`);
    await page.keyboard.press('Tab');
    const first = await reader.evaluate((host) => host.shadowRoot.activeElement?.textContent);
    assert.match(first, /A−|缩小字号/, 'the first stop is the first control');
    await reader.locator('.bs-card-link').first().focus();
    await page.keyboard.press('ArrowRight');
    await reader.locator('.bs-view-title', { hasText: '第二版' }).waitFor();
    const focused = await reader.evaluate((host) => host.shadowRoot.activeElement?.className);
    assert.equal(focused, 'bs-view', 'focus moves to the new view');
    await reader.locator('.bs-card-link').first().focus();
    await page.keyboard.press('Enter');
    await reader.locator('.bs-article').waitFor();
    assert.equal(await hashOf(page), `${QD}/2/p2-lead`);
    await context.close();
  });

  test('a navigation draws no frame around the view it focuses; Tab draws one around the control it reaches', async () => {
    const { page, context, reader } = await openReader(`${QD}/1`);
    const focused = () => reader.evaluate((host) => {
      const element = host.shadowRoot.activeElement;
      return element && { className: element.className, outline: getComputedStyle(element).outlineStyle };
    });
    await reader.locator('.bs-card-link').first().click();
    await reader.locator('.bs-article').waitFor();
    await page.waitForFunction(() => document.querySelector('broadsheet-reader').shadowRoot.activeElement?.classList.contains('bs-view'));
    assert.deepEqual(await focused(), { className: 'bs-view', outline: 'none' }, 'focus follows the navigation, drawn by no frame');
    // Also after the arrow keys turned the page (a navigation by keyboard).
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('broadsheet-reader').shadowRoot.activeElement?.classList.contains('bs-view'));
    assert.equal((await focused()).outline, 'none');
    await page.keyboard.press('Tab');
    const reached = await focused();
    assert.notEqual(reached.className, 'bs-view');
    assert.equal(reached.outline, 'solid', `the control Tab reaches (${reached.className}) shows its focus`);
    await context.close();
  });

  test('a swipe turns the page', async () => {
    const { page, context, reader } = await openReader(`${QD}/2`);
    const cdp = await context.newCDPSession(page);
    const swipe = async (fromX, toX) => {
      const y = 400;
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: fromX, y }] });
      for (let step = 1; step <= 5; step++) {
        const x = fromX + ((toX - fromX) * step) / 5;
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    await swipe(300, 60);
    await reader.locator('.bs-view-title', { hasText: '第三版' }).waitFor();
    assert.equal(await hashOf(page), `${QD}/3`);
    await swipe(60, 300);
    await reader.locator('.bs-view-title', { hasText: '第二版' }).waitFor();
    assert.equal(await hashOf(page), `${QD}/2`);
    await context.close();
  });

  test('memory routing never touches the host URL and keeps its own back', async () => {
    const { page, context, problems, reader } = await openReader('', { host: 'memory.html' });
    const start = page.url();
    const entries = await page.evaluate(() => history.length);
    assert.equal(await page.getByRole('region', { name: '青岛日报' }).count(), 1, 'inside a host <main> the reader is a region');
    assert.equal(await page.getByRole('main').count(), 1, "only the host's main");
    assert.equal(await page.getByRole('banner').count(), 0, 'no banner inside the main');
    assert.equal(await reader.locator('.bs-back').count(), 0, 'nothing to go back to yet');
    await reader.locator('.bs-page-link', { hasText: '第二版' }).click();
    await reader.locator('.bs-page-view').waitFor();
    await reader.locator('.bs-card-link').first().click();
    await reader.locator('.bs-article').waitFor();
    assert.equal(page.url(), start);
    assert.equal(await page.evaluate(() => history.length), entries, 'no history entries for the host');
    await assertPhoneReady(page, problems, 'memory');
    await reader.locator('.bs-back').click();
    await reader.locator('.bs-page-view').waitFor();
    await reader.locator('.bs-back').click();
    await reader.locator('.bs-edition-view').waitFor();
    assert.equal(await reader.locator('.bs-back').count(), 0);
    await context.close();
  });
});

/** A sixteen-page edition, one article a page: more pages than a phone's width shows. */
function sixteenPages() {
  const numbers = Array.from({ length: 16 }, (_, i) => i + 1);
  return {
    format: 'broadsheet-corpus', version: 1, publication: { title: '青岛日报', lang: 'zh-CN' },
    editions: [{
      date: '2024-09-12',
      pages: numbers.map((number) => ({ number, label: null })),
      articles: numbers.map((page) => ({ id: `a${page}`, page, headline: `第${page}条新闻`, blocks: [] })),
    }],
  };
}

test('the page strip keeps the page being read in sight', async () => {
  const site = await startFixtureServer({
    'many.json': sixteenPages(),
    'many.html': hostPage('<broadsheet-reader src="many.json" offline="off"></broadsheet-reader>'),
  });
  try {
    const { context, page, problems } = await openPage(browser, `${site.url}many.html${QD}/14`, { viewport: PHONE });
    const reader = page.locator('broadsheet-reader');
    const current = reader.locator('.bs-strip-link[aria-current="page"]');
    await current.waitFor();
    assert.equal(await current.innerText(), '第十四版');
    const strip = await reader.locator('.bs-strip').boundingBox();
    const chip = await current.boundingBox();
    assert.ok(chip.x >= strip.x && chip.x + chip.width <= strip.x + strip.width, `第十四版 at ${chip.x} is in sight`);
    assert.equal(await horizontalOverflow(page), 0, 'the strip scrolls, the page does not');
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await site.close();
  }
});

describe('editions and settings', () => {
  test('the calendar of past editions opens the other paper of the day, in its language', async () => {
    const { page, context, problems, reader } = await openReader();
    await reader.getByRole('button', { name: '往期回顾' }).click();
    await reader.locator('.bs-calendar').getByRole('combobox', { name: '报纸' }).selectOption({ label: 'The Evening Star' });
    await reader.locator('.bs-calendar').getByRole('link', { name: '2024年9月12日 星期四' }).click();
    await reader.locator('.bs-title', { hasText: 'The Evening Star' }).waitFor();
    assert.equal(await hashOf(page), STAR);
    assert.equal(await reader.locator('.bs-app').getAttribute('lang'), 'en');
    assert.equal(await reader.locator('.bs-page-strip').getAttribute('aria-label'), 'Pages');
    await assertPhoneReady(page, problems, 'english-edition');
    await reader.locator('.bs-headline', { hasText: 'Harbour Trade Doubles' }).click();
    await reader.locator('.bs-article[lang="en"]').waitFor();
    assert.equal(await reader.locator('.bs-jump-label').innerText(), 'Continued on Page A6');
    assert.equal(await reader.locator('.bs-caption').innerText(), 'Cranes at the east quay. Photo: Tom Ng');
    await assertPhoneReady(page, problems, 'english-article');
    await context.close();
  });

  test('the host can set the interface language', async () => {
    const site = await startFixtureServer({
      'reader.json': await readFile(join(FIXTURES, 'reader.json'), 'utf8'),
      'en.html': hostPage('<broadsheet-reader src="reader.json" lang="en" offline="off"></broadsheet-reader>'),
    });
    try {
      const { context, page } = await openPage(browser, `${site.url}en.html`, { viewport: PHONE });
      const reader = page.locator('broadsheet-reader');
      await reader.locator('.bs-edition-view').waitFor();
      assert.equal(await reader.locator('.bs-contents-title').first().innerText(), '第一版', 'printed labels stay');
      assert.equal(await reader.locator('.bs-date').innerText(), 'Thursday, 12 September 2024');
      assert.equal(await reader.locator('.bs-title').getAttribute('lang'), 'zh-CN', 'the paper keeps its language');
      await context.close();
    } finally {
      await site.close();
    }
  });

  test('text size steps up and down and is kept across visits', async () => {
    const { page, context, reader } = await openReader(`${QD}/2/p2-lead`);
    const app = reader.locator('.bs-app');
    const size = () => reader.locator('.bs-paragraph').first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    const before = await size();
    await reader.getByRole('button', { name: '放大字号' }).click();
    assert.match(await app.getAttribute('class'), /\bbs-size-4\b/);
    assert.ok((await size()) > before, 'the text grows');
    await page.reload();
    await reader.locator('.bs-article').waitFor();
    assert.match(await app.getAttribute('class'), /\bbs-size-4\b/, 'kept in localStorage');
    await reader.getByRole('button', { name: '缩小字号' }).click();
    await reader.getByRole('button', { name: '缩小字号' }).click();
    assert.ok((await size()) < before);
    await context.close();
  });

  test('dark follows the system and the reader can override it', async () => {
    const { page, context, problems, reader } = await openReader(`${QD}/2`, { colorScheme: 'dark' });
    const background = () => reader.locator('.bs-app').evaluate((el) => getComputedStyle(el).backgroundColor);
    const toggle = reader.getByRole('button', { name: '深色模式' });
    assert.equal(await background(), 'rgb(23, 23, 26)');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    await assertPhoneReady(page, problems, 'dark');
    await toggle.click();
    assert.equal(await background(), 'rgb(251, 248, 241)');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await page.reload();
    await reader.locator('.bs-page-view').waitFor();
    assert.equal(await background(), 'rgb(251, 248, 241)', 'the choice is kept');
    await context.close();
  });
});
