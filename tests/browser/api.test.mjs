// The element's public surface, as a host page uses it: `await
// reader.ready`, `reader.search()` answering exactly what `broadsheet search
// --json` prints, `reader.open()`, the `broadsheet:navigate` and
// `broadsheet:error` events reaching the host, the theme's custom
// properties, and the error panel a panic leaves in every reader.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { hostPage, launchBrowser, openPage, startFixtureServer } from './support.mjs';

const run = promisify(execFile);
const BROADSHEET = resolve('target/release/broadsheet');
const FIXTURES = resolve('tests/fixtures');
/** The publication of reader.json's first edition. */
const PUBLICATION = '青岛日报';

let browser, server;
before(async () => {
  browser = await launchBrowser();
  server = await startFixtureServer({
    'reader.json': await readFile(join(FIXTURES, 'reader.json'), 'utf8'),
    'api.html': hostPage('<broadsheet-reader src="reader.json" offline="off"></broadsheet-reader>'),
    'memory.html': hostPage('<broadsheet-reader src="reader.json" routing="memory" offline="off"></broadsheet-reader>'),
    'missing.html': hostPage('<broadsheet-reader src="missing.json" offline="off"></broadsheet-reader>'),
    'two.html': hostPage(`<broadsheet-reader id="a" src="reader.json" offline="off"></broadsheet-reader>
<broadsheet-reader id="b" src="reader.json" routing="memory" offline="off"></broadsheet-reader>`),
    'themed.css': 'broadsheet-reader { --broadsheet-accent: rgb(0, 90, 60); --broadsheet-paper: rgb(240, 244, 250); --broadsheet-ink: rgb(10, 20, 80); --broadsheet-mark: rgb(255, 230, 0); }',
    'themed.html': hostPage('<broadsheet-reader src="reader.json" offline="off"></broadsheet-reader>', { head: '<link rel="stylesheet" href="themed.css">' }),
  });
  await run(BROADSHEET, ['index', join(server.dir, 'reader.json')]);
  await mkdir(join(server.dir, 'img'), { recursive: true });
  await copyFile(join(FIXTURES, 'img/harbour.svg'), join(server.dir, 'img/harbour.svg'));
});
after(async () => { await browser?.close(); await server?.close(); });

/** What the CLI prints for `query` on `corpus` (a file of the fixture site). */
async function cli(corpus, query, ...options) {
  const { stdout } = await run(BROADSHEET, ['search', '--json', ...options, '--', join(server.dir, corpus), query]);
  return JSON.parse(stdout);
}

const search = (page, query, options) => page.evaluate(async ([query, options]) => {
  const reader = document.querySelector('broadsheet-reader');
  await reader.ready;
  return reader.search(query, options);
}, [query, options]);

test('search() answers exactly what `broadsheet search --json` prints', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}api.html`);
  for (const [query, options, flags] of [
    ['上合', undefined, []],
    ['上合組織', { limit: 1 }, ['--limit', '1']],
    ['"Harbour Trade" east', undefined, []],
    ['改革', { page: 3 }, ['--page', '3']],
    ['改革', { from: '2024-09-13' }, ['--from', '2024-09-13']],
    ['无此内容', undefined, []],
  ]) {
    const expected = await cli('reader.json', query, ...flags);
    assert.deepEqual(await search(page, query, options), expected, `${query} ${JSON.stringify(options)}`);
  }
  assert.ok((await search(page, '上合')).length > 1, 'the fixture has several hits to order');
  assert.deepEqual(problems, []);
  await context.close();
});

test('search() called before the corpus has loaded waits for it', async () => {
  const { page, context } = await openPage(browser, `${server.url}api.html`);
  const hits = await page.evaluate(async () => {
    await customElements.whenDefined('broadsheet-reader');
    return document.querySelector('broadsheet-reader').search('青岛', { limit: 100 });
  });
  assert.deepEqual(hits, await cli('reader.json', '青岛', '--limit', '100'));
  await context.close();
});

test('search() of a reader whose corpus failed rejects with the reason', async () => {
  const { page, context } = await openPage(browser, `${server.url}missing.html`);
  const outcome = await page.evaluate(async () => {
    const reader = document.querySelector('broadsheet-reader');
    await reader.ready;
    return reader.search('上合').then(() => 'resolved', (error) => error.message);
  });
  assert.match(outcome, /missing\.json answered with an error/);
  await context.close();
});

/** A page that records every broadsheet event the document hears, with where it came from. */
async function recordingPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.heard = [];
    for (const name of ['broadsheet:navigate', 'broadsheet:error']) {
      document.addEventListener(name, (event) => window.heard.push({
        name, detail: event.detail, target: event.target.id || event.target.tagName.toLowerCase(), composed: event.composed, bubbles: event.bubbles,
      }));
    }
  });
  return { context, page };
}

test('open() shows the whole story, of the newest or the named edition, and says when there is none', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}api.html`);
  const reader = page.locator('broadsheet-reader');
  const open = (id, options) => page.evaluate(([id, options]) => document.querySelector('broadsheet-reader').open(id, options), [id, options]);
  assert.equal(await open('p3-end'), true);
  await reader.locator('.bs-article').waitFor();
  assert.equal(await page.evaluate(() => location.hash), '#/2024-09-12/3/p3-end/whole');
  assert.equal(await reader.locator('.bs-article-title').innerText(), '当好全面深化改革的促进派实干家', 'the story from its start');
  assert.equal(await open('a1-harbour', { date: '2024-09-12' }), true);
  await reader.locator('.bs-article[lang="en"]').waitFor();
  assert.equal(await open('no-such-article'), false);
  assert.equal(await open('p3-end', { date: '1999-01-01' }), false);
  assert.equal(await open('p3-end', { date: '2024-09-12', publication: 'The Evening Star' }), false, 'the other paper of that date has no such article');
  assert.match(await page.evaluate(() => decodeURIComponent(location.hash)), /^#\/2024-09-12~The Evening Star\/1\/a1-harbour/);
  assert.equal(await open('p3-end', { date: '2024-09-12', publication: PUBLICATION }), true);
  await page.waitForFunction(() => location.hash.startsWith('#/2024-09-12/3/p3-end'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('broadsheet:navigate tells the host each view, from the element, bubbling out of its shadow root', async () => {
  const { context, page } = await recordingPage();
  await page.goto(`${server.url}two.html`);
  await page.locator('#a .bs-edition-view').waitFor();
  await page.locator('#b .bs-edition-view').waitFor();
  await page.locator('#b .bs-page-link', { hasText: '第二版' }).click();
  await page.locator('#b .bs-page-view').waitFor();
  await page.evaluate(() => document.getElementById('a').open('p2-lead'));
  await page.locator('#a .bs-article').waitFor();
  const heard = await page.evaluate(() => window.heard);
  const of = (id) => heard.filter((event) => event.target === id).map((event) => event.detail);
  assert.deepEqual(of('a'), [
    { hash: '#/', view: 'edition', date: '2024-09-12', publication: PUBLICATION, page: null, article: null, query: null },
    { hash: '#/2024-09-12/2/p2-lead/whole', view: 'article', date: '2024-09-12', publication: PUBLICATION, page: 2, article: 'p2-lead', query: null },
  ]);
  assert.deepEqual(of('b').map((detail) => [detail.view, detail.hash]), [['edition', '#/'], ['page', '#/2024-09-12/2']],
    'memory routing tells the host too');
  assert.ok(heard.every((event) => event.name === 'broadsheet:navigate' && event.bubbles && event.composed));
  await context.close();
});

test('broadsheet:error tells the host why the corpus could not be shown', async () => {
  const { context, page } = await recordingPage();
  await page.goto(`${server.url}missing.html`);
  await page.locator('broadsheet-reader .bs-error').waitFor();
  const heard = await page.evaluate(() => window.heard);
  assert.equal(heard.length, 1);
  assert.equal(heard[0].name, 'broadsheet:error');
  assert.equal(heard[0].target, 'broadsheet-reader');
  assert.match(heard[0].detail.message, /missing\.json answered with an error .*\nHTTP 404/s);
  await context.close();
});

test('a host themes the reader through its custom properties', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}themed.html#/2024-09-12/2/p2-lead`);
  const reader = page.locator('broadsheet-reader');
  await reader.locator('.bs-kicker').waitFor();
  const style = (selector, property) => reader.locator(selector).first().evaluate((node, property) => getComputedStyle(node)[property], property);
  assert.equal(await style('.bs-kicker', 'color'), 'rgb(0, 90, 60)', '--broadsheet-accent');
  assert.equal(await style('.bs-app', 'backgroundColor'), 'rgb(240, 244, 250)', '--broadsheet-paper');
  assert.equal(await style('.bs-article-title', 'color'), 'rgb(10, 20, 80)', '--broadsheet-ink');
  const mark = await reader.locator('.bs-app').evaluate((node) => getComputedStyle(node).getPropertyValue('--bs-mark').trim());
  assert.equal(mark, 'rgb(255, 230, 0)', '--broadsheet-mark colours the search hits');
  const plain = await openPage(browser, `${server.url}api.html#/2024-09-12/2/p2-lead`);
  await plain.page.locator('broadsheet-reader .bs-kicker').waitFor();
  const kicker = await plain.page.locator('broadsheet-reader .bs-kicker').evaluate((node) => getComputedStyle(node).color);
  assert.notEqual(kicker, 'rgb(0, 90, 60)', 'unset, the reader keeps its own palette');
  assert.deepEqual(problems, []);
  await plain.context.close();
  await context.close();
});

test('a panic leaves the error panel in every reader and tells the host', async () => {
  const { context, page } = await recordingPage();
  // The glue, wrapped so the test can reach the handler the loader gives
  // the panic hook (nothing in the widget panics on purpose).
  const glue = await readFile(join(server.dir, 'broadsheet-widget.js'), 'utf8');
  await page.route('**/broadsheet-widget.js', (route) => route.fulfill({ contentType: 'text/javascript', body: `
    export * from './broadsheet-widget-glue.js';
    export { default } from './broadsheet-widget-glue.js';
    import { set_panic_handler as install } from './broadsheet-widget-glue.js';
    export function set_panic_handler(handler) { window.panicHandler = handler; install(handler); }` }));
  await page.route('**/broadsheet-widget-glue.js', (route) => route.fulfill({ contentType: 'text/javascript', body: glue }));
  await page.goto(`${server.url}two.html`);
  await page.locator('#b .bs-edition-view').waitFor();
  await page.evaluate(() => window.panicHandler('panicked at src/ui/app.rs:1:1:\nsomething impossible'));
  for (const id of ['a', 'b']) {
    const panel = page.locator(`#${id} .bs-error[role="alert"]`);
    assert.equal(await panel.locator('h2').innerText(), 'The reader stopped after an internal error');
    assert.match(await panel.innerText(), /something impossible/);
    assert.equal(await page.locator(`#${id} .bs-edition-view`).count(), 0, 'the stopped view is gone');
  }
  const errors = (await page.evaluate(() => window.heard)).filter((event) => event.name === 'broadsheet:error');
  assert.deepEqual(errors.map((event) => event.target), ['a', 'b']);
  assert.ok(errors.every((event) => event.detail.message.includes('something impossible')));
  await context.close();
});
