// The element's script API and events, as a host page uses them:
// `await reader.ready`, `reader.search()` answering exactly what
// `broadsheet search --json` prints, `reader.open()`, and the
// `broadsheet:navigate` and `broadsheet:error` events reaching the host.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { hostPage, launchBrowser, openPage, startFixtureServer } from './support.mjs';

const run = promisify(execFile);
const BROADSHEET = resolve('target/release/broadsheet');
const FIXTURES = resolve('tests/fixtures');

let browser, server;
before(async () => {
  browser = await launchBrowser();
  server = await startFixtureServer({
    'reader.json': await readFile(join(FIXTURES, 'reader.json'), 'utf8'),
    'api.html': hostPage('<broadsheet-reader src="reader.json" offline="off"></broadsheet-reader>'),
    'memory.html': hostPage('<broadsheet-reader src="reader.json" routing="memory" offline="off"></broadsheet-reader>'),
    'missing.html': hostPage('<broadsheet-reader src="missing.json" offline="off"></broadsheet-reader>'),
  });
  await run(BROADSHEET, ['index', join(server.dir, 'reader.json')]);
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
