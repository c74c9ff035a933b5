// The demo page end to end: the widget fetches the bundled corpus, parses it
// in wasm and renders its headlines inside the <broadsheet-reader> element.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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

/**
 * The commands of the README's "Publish a newspaper" block: continued lines
 * joined, comments kept apart.
 */
async function readmePublishCommands() {
  const readme = await readFile('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Publish a newspaper'));
  const block = section.slice(section.indexOf('```sh\n') + 6, section.indexOf('\n```', section.indexOf('```sh')));
  return block.replace(/\\\n\s*/g, ' ').split('\n').map((line) => {
    const [command, comment = ''] = line.split(/\s+#\s+/);
    return { words: command.trim().split(/\s+/), comment };
  });
}

test("the README's worked example publishes a page of this repository and the demo page opens it", async () => {
  const commands = await readmePublishCommands();
  const cli = commands.filter(({ words }) => words[0] === 'broadsheet');
  assert.deepEqual(cli.map(({ words }) => words[1]), ['ingest', 'publish', 'validate', 'search']);
  const served = commands.find(({ words }) => words[0] === 'make');
  assert.deepEqual(served.words, ['make', 'serve', 'SITE=site']);
  const address = new URL(served.comment.trim());

  // Run where `tests` is the repository's, then serve the build with the archive at /site/, as `make serve SITE=site` does.
  const work = await mkdtemp(join(tmpdir(), 'broadsheet-readme-'));
  let server;
  try {
    await symlink(resolve('tests'), join(work, 'tests'));
    const printed = cli.map(({ words }) =>
      execFileSync(resolve('target/release/broadsheet'), words.slice(1), { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
    assert.match(printed[3], /青岛/, 'the CLI finds the query in the published archive');
    server = await startServer(undefined, { mounts: { site: join(work, 'site') } });

    const { page, context, problems } = await openPage(browser, server.url + address.pathname.slice(1) + address.search);
    const reader = page.locator('broadsheet-reader');
    await reader.locator('.bs-headline').first().waitFor();
    assert.equal(await reader.getAttribute('src'), 'site/');
    const corpusFile = cli[0].words[cli[0].words.indexOf('-o') + 1];
    const ingested = JSON.parse(await readFile(join(work, corpusFile), 'utf8'));
    const shown = await reader.locator('.bs-headline').allInnerTexts();
    const headline = ingested.editions[0].articles.find((article) => article.headline).headline;
    assert.ok(shown.includes(headline), `"${headline}" is on the page: ${shown}`);
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await server?.close();
    await rm(work, { recursive: true, force: true });
  }
});
