// Embedding: the widget is style-isolated in both directions, several readers
// work side by side, and a strict Content-Security-Policy holds.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { bundledCorpus, hostPage, launchBrowser, openPage, screenshot, startFixtureServer } from './support.mjs';

let browser, server;
after(async () => { await browser?.close(); await server?.close(); });

const HOSTILE_CSS = `* { all: unset; font-size: 40px }
div { display: none !important }
p, main { display: block }`;

// A second corpus, so two readers on one page can be told apart.
async function secondCorpus() {
  const corpus = JSON.parse(await readFile('tests/fixtures/two-pages.json', 'utf8'));
  corpus.publication.title = 'The Evening Ledger';
  corpus.publication.lang = 'en';
  for (const article of corpus.editions[0].articles) article.headline &&= `Ledger: ${article.id}`;
  return corpus;
}

const hostBody = (widget) => `<main><p id="host-text">The host's own paragraph.</p>${widget}</main>`;
const hostileHead = { head: '<link rel="stylesheet" href="hostile.css">' };

// One private copy of the build serves every host page of this file.
before(async () => {
  browser = await launchBrowser();
  server = await startFixtureServer({
    'hostile.css': HOSTILE_CSS,
    'with-widget.html': hostPage(hostBody('<broadsheet-reader src="corpus.json"></broadsheet-reader>'), hostileHead),
    'without-widget.html': hostPage(hostBody(''), hostileHead),
    'ledger.json': await secondCorpus(),
    'two.html': hostPage(`<broadsheet-reader id="a" src="corpus.json"></broadsheet-reader>
<broadsheet-reader id="b" src="ledger.json" routing="memory"></broadsheet-reader>`),
  });
});

/** The host paragraph's computed style: what the host's own layout depends on. */
const hostStyle = (page) => page.evaluate(() => {
  const style = getComputedStyle(document.getElementById('host-text'));
  const box = document.getElementById('host-text').getBoundingClientRect();
  return { font: style.font, color: style.color, display: style.display, margin: style.margin, width: box.width, height: box.height };
});

test('hostile host CSS neither breaks the widget nor is changed by it', async () => {
  const corpus = await bundledCorpus();
  const alone = await openPage(browser, `${server.url}without-widget.html`);
  const expected = await hostStyle(alone.page);
  await alone.context.close();

  const { page, context, problems } = await openPage(browser, `${server.url}with-widget.html`);
  const headlines = page.locator('broadsheet-reader .bs-headline');
  await headlines.first().waitFor({ state: 'visible' });
  const wanted = corpus.editions[0].articles.map((a) => a.headline).filter(Boolean);
  const shown = await headlines.allInnerTexts();
  for (const headline of wanted) assert.ok(shown.includes(headline), `"${headline}" shown despite the host CSS`);
  const size = await headlines.first().evaluate((node) => parseFloat(getComputedStyle(node).fontSize));
  assert.ok(size < 30, `the host's 40px font size does not reach the widget (got ${size}px)`);
  const box = await headlines.first().boundingBox();
  assert.ok(box && box.width > 0 && box.height > 0, 'the headline is laid out');
  assert.deepEqual(await hostStyle(page), expected, "the host's layout is unchanged by the widget");
  await screenshot(page, 'embed-hostile-css');
  assert.deepEqual(problems, []);
  await context.close();
});

test('two readers on one page load their own corpora independently', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}two.html`);
  await page.locator('#a .bs-headline').first().waitFor();
  await page.locator('#b .bs-headline').first().waitFor();
  const titles = [await page.locator('#a .bs-title').innerText(), await page.locator('#b .bs-title').innerText()];
  assert.deepEqual(titles, [(await bundledCorpus()).publication.title, 'The Evening Ledger']);
  const b = await page.locator('#b .bs-headline').allInnerTexts();
  assert.ok(b.length > 0 && b.every((headline) => !headline.startsWith('Ledger:') || headline.length > 7));
  assert.ok(b.some((headline) => headline.startsWith('Ledger: ')), `reader b shows its own corpus: ${b}`);
  const a = await page.locator('#a .bs-headline').allInnerTexts();
  assert.ok(a.every((headline) => !headline.startsWith('Ledger: ')), 'reader a does not show reader b\'s corpus');
  assert.deepEqual(problems, []);
  await context.close();
});

test('under the strict CSP of the demo page no violation is reported', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.locator('broadsheet-reader .bs-headline').first().waitFor();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'/);
  assert.deepEqual(problems.filter((p) => p.includes('CSP')), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('ready resolves once the widget has mounted', async () => {
  const { page, context } = await openPage(browser, server.url);
  const mounted = await page.evaluate(async () => {
    const reader = document.querySelector('broadsheet-reader');
    await customElements.whenDefined('broadsheet-reader');
    await reader.ready;
    return reader.shadowRoot.querySelector('.broadsheet') !== null;
  });
  assert.equal(mounted, true);
  await context.close();
});

test('changing the src attribute loads the other corpus in place', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.locator('broadsheet-reader .bs-headline').first().waitFor();
  await page.evaluate(() => document.querySelector('broadsheet-reader').setAttribute('src', 'ledger.json'));
  await page.locator('broadsheet-reader .bs-title', { hasText: 'The Evening Ledger' }).waitFor();
  assert.equal(await page.locator('broadsheet-reader .broadsheet').count(), 1, 'one reader, remounted');
  assert.deepEqual(problems, []);
  await context.close();
});
