// The demo page end to end: the widget fetches the bundled corpus, parses it
// in wasm and renders its headlines inside the <broadsheet-reader> element.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { bundledCorpus, launchBrowser, openPage, screenshot, startServer } from './support.mjs';

let browser, server;
before(async () => { browser = await launchBrowser(); server = await startServer(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the demo page shows the headlines of the bundled corpus', async () => {
  const corpus = await bundledCorpus();
  const expected = corpus.editions[0].articles.map((a) => a.headline).filter(Boolean);
  assert.ok(expected.length > 0, 'the bundled corpus has headlines');
  const { page, context, problems } = await openPage(browser, server.url);
  const headlines = page.locator('broadsheet-reader .bs-headline');
  await headlines.first().waitFor();
  const shown = await headlines.allInnerTexts();
  for (const headline of expected) assert.ok(shown.includes(headline), `"${headline}" is on the page: ${shown}`);
  assert.equal(await page.locator('broadsheet-reader .bs-title').innerText(), corpus.publication.title);
  await screenshot(page, 'demo');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the widget renders inside a shadow root', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.locator('broadsheet-reader .bs-headline').first().waitFor();
  const inLightDom = await page.evaluate(() => document.querySelectorAll('.bs-headline').length);
  assert.equal(inLightDom, 0, 'no widget markup in the host document');
  await context.close();
});
