// A hostile corpus in real Chromium at phone size (360×640): every text
// field holds markup and script (tests/browser/hostile-corpus.mjs), and the
// reader shows it as inert text on every view: the edition, a second paper's
// edition, the page, the article, its figures zoomed, the stitched article,
// a jump to a page outside the archive, the article of a 1 MB headline,
// search results with their snippets and marked hits, and an article opened
// from them. A corpus whose figures name `javascript:` and `data:` URLs is
// refused, and its problems are shown as text.
//
// A payload that ran would set `window.__pwned`, open an alert, or request
// a URL on a second loopback server, the "attacker", which records every
// request. The only requests it may get are the images the corpus's figures
// name, and those must be image loads. Each walk runs under the demo's CSP
// and on a host page with no CSP at all: the policy is not what keeps the
// corpus inert.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { copyFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { horizontalOverflow, hostPage, launchBrowser, openPage, startFixtureServer } from './support.mjs';
import {
  IDS, MARKERS, UNSAFE_SOURCES, figureSources, hostileCorpus, relativeFiles, unsafeSourceCorpus,
} from './hostile-corpus.mjs';

const run = promisify(execFile);
const BROADSHEET = resolve('target/release/broadsheet');
const HARBOUR = resolve('tests/fixtures/img/harbour.svg');
const PHONE = { width: 360, height: 640 };
const DATE = '2024-09-12';

// What the attacker serves: the images the corpus's figures may load. The
// SVG holds script and an onload, which an image must never run.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const SCRIPTED_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4" onload="top.__pwned='svg-onload';fetch('/svg-onload')">
<script>top.__pwned='svg-script';top.alert('svg');fetch('/svg-script')</script><rect width="4" height="4" fill="#333"/></svg>`;
const ATTACKER_FILES = {
  '/allowed.png': ['image/png', PNG],
  '/allowed.svg': ['image/svg+xml', SCRIPTED_SVG],
  '/protocol-relative.png': ['image/png', PNG],
};

/** The attacker origin: a loopback server that records every request. */
async function startAttacker() {
  const requests = [];
  const server = createServer((request, response) => {
    requests.push({ path: request.url, destination: request.headers['sec-fetch-dest'] });
    const [type, body] = ATTACKER_FILES[request.url] ?? ['text/plain', 'recorded'];
    response.writeHead(ATTACKER_FILES[request.url] ? 200 : 404, { 'content-type': type, 'access-control-allow-origin': '*' });
    response.end(body);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () => new Promise((done) => server.close(done)),
  };
}

const POLICIES = { 'the demo CSP': undefined, 'no CSP': null }; // undefined: hostPage's default, the demo's
const HOSTILE = { file: 'hostile.json', headlineBytes: 1_048_576 };
const hostName = (file, policy) => `${file.replace('.json', '')}-${policy === null ? 'open' : 'csp'}.html`;

let browser, server, attacker;
before(async () => {
  attacker = await startAttacker();
  const files = { 'blank.html': '<!doctype html><title>blank</title><link rel="icon" href="icon.svg">', 'unsafe.json': unsafeSourceCorpus(attacker.origin) };
  files[HOSTILE.file] = hostileCorpus(attacker.origin, { headlineBytes: HOSTILE.headlineBytes });
  for (const policy of Object.values(POLICIES)) {
    for (const file of [HOSTILE.file, 'unsafe.json']) {
      files[hostName(file, policy)] = hostPage(`<broadsheet-reader src="${file}" offline="off"></broadsheet-reader>`, { csp: policy });
    }
  }
  browser = await launchBrowser();
  server = await startFixtureServer(files);
  // The CLI itself holds the corpus valid, and indexes it.
  await run(BROADSHEET, ['validate', join(server.dir, HOSTILE.file)]);
  await run(BROADSHEET, ['index', join(server.dir, HOSTILE.file)]);
  await mkdir(join(server.dir, 'img'), { recursive: true });
  for (const path of relativeFiles(attacker.origin)) await copyFile(HARBOUR, join(server.dir, path));
});
after(async () => { await browser?.close(); await server?.close(); await attacker?.close(); });

/** Opens `host` on a phone-sized page with a record of every dialog and
 * request, listening before the reader starts. */
async function visit(host) {
  const opened = await openPage(browser, `${server.url}blank.html`, { viewport: PHONE });
  const dialogs = [];
  const requests = [];
  opened.page.on('dialog', (dialog) => { dialogs.push(`${dialog.type()}: ${dialog.message()}`); dialog.dismiss(); });
  opened.context.on('request', (request) => requests.push(request.url()));
  await opened.page.goto(`${server.url}${host}`);
  return { ...opened, dialogs, requests, reader: opened.page.locator('broadsheet-reader') };
}

/** The URLs the reader may give an <img>: the figure sources, resolved
 * against the corpus's URL as a browser resolves them. */
function allowedImages(corpusFile) {
  const base = new URL(corpusFile, server.url);
  return Object.values(figureSources(attacker.origin)).map((source) => new URL(source, base).href);
}

/**
 * Everything in the reader's shadow root (and the host page around it)
 * that corpus text must never become: elements and attributes that run
 * script or load something, links out of the reader, images other than
 * the figures', text that is not well formed. Empty when the view is inert.
 */
function foreignContent(reader, images) {
  return reader.evaluate((host, images) => {
    const root = host.shadowRoot;
    const found = [];
    const FOREIGN = 'script, svg, math, iframe, frame, object, embed, style, base, meta, b, template';
    for (const element of root.querySelectorAll(FOREIGN)) found.push(`<${element.localName}>`);
    for (const element of root.querySelectorAll('*')) {
      for (const { name, value } of element.attributes) {
        if (name.startsWith('on')) found.push(`${element.localName}[${name}]`);
        if (/^[\s\u0000-\u001f]*(javascript|data|vbscript)\s*:/i.test(value.replace(/[\t\n\r]/g, ''))) {
          found.push(`${element.localName}[${name}="${value.slice(0, 40)}"]`);
        }
        if (!value.isWellFormed()) found.push(`${element.localName}[${name}] holds a lone surrogate`);
      }
    }
    for (const link of root.querySelectorAll('a[href]')) {
      if (!link.getAttribute('href').startsWith('#/')) found.push(`a[href="${link.getAttribute('href').slice(0, 40)}"]`);
    }
    for (const image of root.querySelectorAll('img')) if (!images.includes(image.src)) found.push(`img[src="${image.src}"]`);
    for (const link of root.querySelectorAll('link')) {
      if (link.rel !== 'stylesheet' || !link.href.endsWith('/broadsheet.css')) found.push(`link[href="${link.href}"]`);
    }
    if (!root.textContent.isWellFormed()) found.push('text holds a lone surrogate');
    const page = document.querySelectorAll('img, svg, iframe, object, embed, b, style');
    if (page.length > 0 || document.scripts.length !== 1) found.push(`the host page gained ${page.length} elements, ${document.scripts.length} scripts`);
    if ('__pwned' in window) found.push(`window.__pwned = ${window.__pwned}`);
    return found;
  }, images);
}

/** The markers of MARKERS that the view's visible text lacks. */
const missingMarkers = (reader, markers = Object.values(MARKERS)) => reader.locator('.broadsheet').evaluate(
  (root, markers) => markers.filter((marker) => !root.innerText.includes(marker)), markers,
);

/** The assertions every view must pass: nothing foreign, the payloads
 * visible as text, no sideways scroll at 360 px. */
async function assertInert(session, corpusFile, view, markers) {
  const { page, reader } = session;
  assert.deepEqual(await foreignContent(reader, allowedImages(corpusFile)), [], `${view}: foreign content`);
  assert.deepEqual(await missingMarkers(reader, markers), [], `${view}: payload text not shown`);
  assert.equal(await horizontalOverflow(page), 0, `${view}: horizontal scroll`);
}

/** Types `query` and waits until the results answer it. */
async function searchFor(session, query) {
  const { page, reader } = session;
  await reader.locator('.bs-search-input').fill(query);
  await page.waitForFunction((query) => decodeURIComponent(location.hash) === `#/search/${query}`, query);
  await reader.locator('.bs-results[aria-busy="false"]').waitFor();
}

/** The texts of the marked hits in `selector`, and whether any mark holds an element. */
const marks = (reader, selector) => reader.locator(selector).evaluateAll((hits) => ({
  texts: [...new Set(hits.map((hit) => hit.textContent))],
  withElements: hits.filter((hit) => hit.children.length > 0).length,
}));

/**
 * Whether `first` is read before `second`, two of the reader's own words
 * after a value that holds a right-to-left override: on an earlier line, or
 * left of it on the same one. The override must not reorder them.
 */
const readsInOrder = (locator, first, second) => locator.evaluate((element, words) => {
  const boxes = words.map((word) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let box = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.lastIndexOf(word);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + word.length);
      box = range.getBoundingClientRect();
    }
    return box;
  });
  const [a, b] = boxes;
  if (!a || !b) return `not found: ${words.filter((_, i) => !boxes[i])}`;
  const sameLine = Math.abs(a.top - b.top) < a.height / 2;
  return sameLine ? a.left < b.left : a.top < b.top;
}, [first, second]);

/** Sets the reader's route (hash routing) and waits for `view`. */
async function go(session, hash, view) {
  await session.page.evaluate((hash) => { location.hash = hash; }, hash);
  await session.reader.locator(view).first().waitFor();
}

const articleHash = (page, id, whole = false) => `#/${DATE}/${page}/${encodeURIComponent(id)}${whole ? '/whole' : ''}`;

/** What the attacker origin was asked for during `fn`. */
async function attackerRequestsDuring(fn) {
  const before = attacker.requests.length;
  await fn();
  return attacker.requests.slice(before);
}

for (const [policyName, policy] of Object.entries(POLICIES)) {
  describe(`under ${policyName}`, () => {
    test('every view of a hostile corpus shows its markup as text and runs none of it', async () => {
      const { file, headlineBytes } = HOSTILE;
      const session = await visit(hostName(file, policy));
      const { page, context, reader, problems, dialogs, requests } = session;
      const check = (view, markers) => assertInert(session, file, view, markers);
      const heard = await attackerRequestsDuring(async () => {
        await reader.locator('.bs-edition-view').waitFor();
        await check('edition');

        // The second paper of the day, chosen in the calendar of past editions.
        await reader.locator('.bs-calendar-toggle').click();
        await reader.locator('.bs-calendar select.bs-select').first().selectOption({ index: 1 });
        await reader.locator('.bs-calendar .bs-day-with-edition a').first().click();
        await page.waitForFunction(() => location.hash.includes('~'));
        await reader.locator('.bs-edition-view').waitFor();
        await check('edition of the second paper');
        assert.match(await reader.locator('.bs-title').innerText(), /edition-title/);

        await go(session, `#/${DATE}/1`, '.bs-page-view');
        await check('page');

        await reader.locator('.bs-card-link').first().click();
        await reader.locator('.bs-article').waitFor();
        assert.equal(decodeURIComponent(await page.evaluate(() => location.hash)), `#/${DATE}/1/${IDS.lead}`, 'the id survives its route');
        await check('article');
        assert.equal(await reader.locator('.bs-figure').count(), 7);
        assert.equal(await reader.locator('.bs-image-missing').count(), 1, 'the figure without a source');

        // Figure zoom: the allowed image, loaded, in a modal dialog.
        await reader.locator('.bs-zoom').first().click();
        const zoomed = reader.locator('dialog.bs-lightbox[open] img');
        await zoomed.waitFor();
        await page.waitForFunction((image) => image.complete && image.naturalWidth > 0, await zoomed.elementHandle());
        assert.equal(await zoomed.evaluate((image) => image.src), figureSources(attacker.origin).allowed);
        await check('zoomed figure');
        await page.keyboard.press('Escape');
        await reader.locator('dialog.bs-lightbox[open]').waitFor({ state: 'detached' });

        // The article stitched across its pages.
        await reader.locator('.bs-read-link').click();
        await page.waitForFunction(() => location.hash.endsWith('/whole'));
        await reader.locator('.bs-page-turn, .bs-page-turn-inline').first().waitFor();
        await check('stitched article');

        // The continued fragment (markup in its id, its title taken from its text).
        await go(session, articleHash(2, IDS.continued), '.bs-jump-from');
        await check('continued fragment', [MARKERS.onerror, MARKERS.svg]);

        // A jump to a page outside the archive: its label, shown as text.
        await go(session, articleHash(3, IDS.toMissingPage), '.bs-jump-note');
        await check('jump to a missing page');
        const note = await reader.locator('.bs-jump-on').innerText();
        assert.ok(note.includes('jump-missing-label') && note.includes(MARKERS.onerror), note.slice(0, 200));
        assert.equal(await readsInOrder(reader.locator('.bs-jump-note'), 'this', 'archive'), true, 'the label\'s override stays in the label');

        // The 1 MB headline: wrapped, and the reader still answers.
        await go(session, articleHash(1, IDS.huge), '.bs-article');
        await check('article of the huge headline');
        const title = await reader.locator('.bs-article-title').evaluate((h2) => h2.textContent.length);
        assert.ok(title > headlineBytes * 0.9, `the whole headline is shown (${title} characters)`);

        for (const query of ['onerror', '<script>', MARKERS.closeMark, MARKERS.rtl, 'zero\u200Bwidth']) {
          await searchFor(session, query);
          await check(`results for ${JSON.stringify(query)}`);
          assert.ok(await reader.locator('.bs-result').count() >= 4, `${query}: every story holds it`);
          const hits = await marks(reader, '.bs-snippet mark.bs-hit');
          assert.deepEqual(hits, { texts: [query], withElements: 0 }, `${query}: hits marked as text`);
          const snippets = await reader.locator('.bs-snippet').allInnerTexts();
          assert.ok(snippets.every((snippet) => snippet.includes(query)), `${query}: every snippet shows its hit as text`);
          const otherPaper = reader.locator('.bs-result-meta', { hasText: 'edition-title' });
          assert.equal(await readsInOrder(otherPaper, 'Thursday', 'September'), true, `${query}: the paper's override stays in its title`);
          if (['onerror', '<script>'].includes(query)) {
            assert.ok(snippets.some((snippet) => snippet.includes("window.__pwned='")), `${query}: the script around it shows as text`);
          }
        }

        // Opening a result: the article with its hits marked.
        await searchFor(session, '<script>');
        await reader.locator('.bs-result-link').first().click();
        await reader.locator('.bs-article .bs-hit').first().waitFor();
        await check('article opened from a result');
        assert.deepEqual(await marks(reader, '.bs-article mark.bs-hit'), { texts: ['<script>'], withElements: 0 });
      });
      const index = await page.evaluate(() => performance.getEntriesByName('broadsheet:search-index')[0]?.detail);
      assert.deepEqual([index.runs, index.source], ['page', 'stored'], 'where search ran, on which index');

      // The attacker heard only image loads of the figures' own images
      // (the zoom dialogs load them eagerly, so each was asked for).
      assert.deepEqual(heard.filter((request) => request.destination !== 'image'), [], 'requests that are not image loads');
      assert.deepEqual([...new Set(heard.map((request) => request.path))].sort(), Object.keys(ATTACKER_FILES).sort());
      const origins = new Set(requests.map((url) => new URL(url).origin));
      assert.deepEqual([...origins].sort(), [attacker.origin, new URL(server.url).origin].sort());
      assert.deepEqual(requests.filter((url) => /\/x$/.test(url)), [], 'no <img src=x> was parsed');
      assert.deepEqual(dialogs, []);
      assert.deepEqual(problems, []);
      await context.close();
    });

    test('a corpus whose figures name javascript: and data: URLs is refused, its problems shown as text', async () => {
      const session = await visit(hostName('unsafe.json', policy));
      const { reader, problems, dialogs, context } = session;
      const heard = await attackerRequestsDuring(async () => {
        await reader.locator('.bs-error-details').waitFor();
        const details = await reader.locator('.bs-error-details').innerText();
        for (const source of UNSAFE_SOURCES) {
          assert.ok(details.includes(`image URL "${source}" is neither http(s) nor relative`), `${JSON.stringify(source)} in\n${details}`);
        }
        assert.deepEqual(await foreignContent(reader, []), []);
      });
      assert.deepEqual(heard, [], 'a refused corpus loads nothing');
      assert.deepEqual(dialogs, []);
      assert.deepEqual(problems, []);
      await context.close();
    });
  });
}
