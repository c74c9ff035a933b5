// Loading and failing to load, in real Chromium at phone size: the progress
// of a slow download (bytes so far of the total), and the error panel with
// its reason for a missing corpus (HTTP 404), a truncated one (the JSON
// error's line and column) and an invalid one (each rule broken, by JSON
// path), with a retry that recovers once the corpus is there.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  AXE, axeViolations, DEMO_CSP, horizontalOverflow, hostPage, launchBrowser, openPage, screenshot, smallTapTargets,
  startFixtureServer,
} from './support.mjs';

const PHONE = { width: 360, height: 640 };
const corpusText = await readFile(resolve('tests/fixtures/reader.json'), 'utf8');

/** The fixture cut off after 40 lines, as an interrupted upload leaves it. */
const truncated = corpusText.split('\n').slice(0, 40).join('\n');

/** The fixture with an article on a page the edition does not list and an
 * image URL that is not allowed. */
function invalidCorpus() {
  const corpus = JSON.parse(corpusText);
  corpus.editions[0].articles[0].page = 7;
  corpus.editions[0].articles[3].blocks[1].src = 'javascript:alert(1)';
  return corpus;
}

const half = (length) => Math.floor(length / 2);

/** A server on another port that sends the first half of the corpus, then
 * waits for release() before sending the rest. */
function startSlowServer(body) {
  let release;
  const released = new Promise((done) => { release = done; });
  const server = createServer((request, response) => {
    response.writeHead(200, {
      'content-type': 'application/json', 'content-length': body.length, 'access-control-allow-origin': '*',
    });
    response.write(body.subarray(0, half(body.length)));
    released.then(() => response.end(body.subarray(half(body.length))));
  });
  return new Promise((ready) => server.listen(0, '127.0.0.1', () => ready({
    url: `http://127.0.0.1:${server.address().port}/slow.json`,
    release,
    close: () => { release(); return new Promise((done) => server.close(done)); },
  })));
}

let browser, server, slow;
before(async () => {
  browser = await launchBrowser();
  slow = await startSlowServer(Buffer.from(corpusText));
  const reader = (src, options) => hostPage(`<broadsheet-reader src="${src}" offline="off"></broadsheet-reader>`, options);
  server = await startFixtureServer({
    'missing.html': reader('missing.json'),
    'truncated.html': reader('truncated.json'),
    'truncated.json': truncated,
    'invalid.html': reader('invalid.json'),
    'invalid.json': invalidCorpus(),
    'slow.html': reader(slow.url, { csp: DEMO_CSP.replace("connect-src 'self'", `connect-src 'self' ${new URL(slow.url).origin}`) }),
  });
  await copyFile(AXE, join(server.dir, 'axe.min.js'));
});
after(async () => { await browser?.close(); await server?.close(); await slow?.close(); });

/** Opens a host page at phone size; `expected` console errors (the failed
 * request the test provokes) are dropped from the problems. */
async function open(name, expected = []) {
  const opened = await openPage(browser, `${server.url}${name}`, { viewport: PHONE });
  const reader = opened.page.locator('broadsheet-reader');
  const unexpected = () => opened.problems.filter((p) => !expected.some((pattern) => pattern.test(p)));
  return { ...opened, reader, unexpected };
}

async function assertPanelReady({ page, reader, problems, unexpected }, name) {
  assert.equal(await horizontalOverflow(page), 0, `${name}: horizontal scroll`);
  assert.deepEqual(await smallTapTargets(reader), [], `${name}: tap targets`);
  assert.deepEqual(unexpected(), [], `${name}: console, page errors or CSP violations`);
  assert.deepEqual(await axeViolations(page, problems), [], `${name}: axe`);
  await screenshot(page, `reader-${name}`);
}

test('a slow download shows the bytes received of the total', async () => {
  const opened = await open('slow.html');
  const { page, reader, context } = opened;
  const length = Buffer.byteLength(corpusText);
  const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
  const bytes = reader.locator('.bs-loading-bytes');
  await bytes.filter({ hasText: `of ${kb(length)}` }).waitFor();
  assert.equal(await bytes.innerText(), `${kb(half(length))} of ${kb(length)}`);
  const bar = reader.locator('progress');
  assert.equal(await bar.getAttribute('max'), String(length));
  assert.equal(await bar.getAttribute('value'), String(half(length)));
  assert.equal(await reader.locator('[role="status"]').count(), 1, 'announced politely');
  await assertPanelReady(opened, 'loading');
  slow.release();
  await reader.locator('.bs-edition-view').waitFor();
  await context.close();
});

test('a missing corpus shows the HTTP status and retry loads it once it is there', async () => {
  const opened = await open('missing.html', [/404 \(Not Found\)/]);
  const { reader, context } = opened;
  const panel = reader.locator('.bs-error[role="alert"]');
  await panel.waitFor();
  assert.match(await panel.locator('h1').innerText(), /^missing\.json answered with an error$/);
  assert.deepEqual(await panel.locator('li').allInnerTexts(), ['HTTP 404 Not Found']);
  assert.equal(await panel.locator('.bs-error-url').innerText(), `${server.url}missing.json`);
  await assertPanelReady(opened, 'error-404');
  await writeFile(join(server.dir, 'missing.json'), corpusText);
  await panel.getByRole('button', { name: 'Retry' }).click();
  await reader.locator('.bs-edition-view').waitFor();
  assert.equal(await reader.locator('.bs-error').count(), 0);
  await context.close();
});

test('a truncated corpus shows where the JSON ends', async () => {
  const opened = await open('truncated.html');
  const { reader, context } = opened;
  const panel = reader.locator('.bs-error');
  await panel.waitFor();
  assert.match(await panel.locator('h1').innerText(), /^truncated\.json is not complete JSON \(truncated or damaged\)$/);
  const [detail] = await panel.locator('li').allInnerTexts();
  const lines = truncated.split('\n');
  assert.match(detail, new RegExp(`^${lines.length}:\\d+: JSON syntax error: EOF while parsing`), detail);
  assert.ok(await panel.getByRole('button', { name: 'Retry' }).isVisible());
  await assertPanelReady(opened, 'error-truncated');
  await context.close();
});

test('an invalid corpus lists every broken rule with its JSON path', async () => {
  const opened = await open('invalid.html');
  const { reader, context } = opened;
  const panel = reader.locator('.bs-error');
  await panel.waitFor();
  assert.match(await panel.locator('h1').innerText(), /^invalid\.json is not a valid Broadsheet corpus$/);
  assert.deepEqual(await panel.locator('li').allInnerTexts(), [
    'editions[0].articles[0].page: page 7 is not listed in the pages of edition 2024-09-12',
    'editions[0].articles[2].continued_from.article: article "p1-lead" is on page 7, but the jump says page 1',
    'editions[0].articles[3].blocks[1].src: image URL "javascript:alert(1)" is neither http(s) nor relative',
  ]);
  await assertPanelReady(opened, 'error-invalid');
  await context.close();
});
