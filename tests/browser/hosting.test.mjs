// Hosting: the built folder is a package a CDN can serve. The widget finds
// its wasm beside its own script on another origin and carries its
// stylesheet inside it, while the corpus `src` resolves against the host page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { DIST, bundledCorpus, launchBrowser, openPage } from './support.mjs';
import { serve } from '../../tools/serve.mjs';

const run = promisify(execFile);
let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('the build is an npm package holding exactly the widget', async () => {
  const { stdout } = await run('npm', ['pack', '--dry-run', '--json', DIST]);
  const [pack] = JSON.parse(stdout);
  const files = pack.files.map((file) => file.path).sort();
  // With the widget, its TypeScript declarations and the licences (and the
  // third-party notices, when the repository has them).
  const notices = existsSync('THIRD-PARTY-NOTICES.md') ? ['THIRD-PARTY-NOTICES.md'] : [];
  assert.deepEqual(files, ['LICENSE-APACHE', 'LICENSE-MIT', ...notices, 'broadsheet-widget.js', 'broadsheet-widget_bg.wasm', 'broadsheet.d.ts', 'broadsheet.js', 'corpus.schema.json', 'package.json', 'sw.js']);
  for (const licence of ['LICENSE-MIT', 'LICENSE-APACHE', ...notices]) {
    assert.equal(await readFile(`${DIST}/${licence}`, 'utf8'), await readFile(licence, 'utf8'), `${licence} is the repository's`);
  }
  const cargo = await readFile('Cargo.toml', 'utf8');
  assert.equal(pack.version, cargo.match(/^version = "(.+)"$/m)[1], 'the package version is the crate version');
});

test('served from another origin with CORS, the widget loads and reads the host page corpus', async () => {
  const cdn = await serve({ root: DIST, headers: { 'access-control-allow-origin': '*' } });
  const cdnUrl = `http://127.0.0.1:${cdn.address().port}/`;
  const corpus = await readFile(`${DIST}/corpus.json`);
  const { createServer } = await import('node:http');
  const host = createServer((request, response) => {
    if (request.url.startsWith('/corpus.json')) {
      response.writeHead(200, { 'content-type': 'application/json' });
      return response.end(corpus);
    }
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      // No style-src for the CDN: the stylesheet comes inside the script.
      'content-security-policy': `default-src 'self'; script-src ${cdnUrl} 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' ${cdnUrl}; img-src 'self'`,
    });
    response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host on another origin</title>
<script type="module" src="${cdnUrl}broadsheet.js"></script></head>
<body><broadsheet-reader src="corpus.json" offline="off"></broadsheet-reader></body></html>`);
  });
  await new Promise((ready) => host.listen(0, '127.0.0.1', ready));
  try {
    const { page, context, problems } = await openPage(browser, `http://127.0.0.1:${host.address().port}/`);
    await page.locator('broadsheet-reader .bs-title').waitFor();
    assert.equal(await page.locator('broadsheet-reader .bs-title').innerText(), (await bundledCorpus()).publication.title);
    const styled = await page.evaluate(() => {
      const shadow = document.querySelector('broadsheet-reader').shadowRoot;
      return { sheets: shadow.adoptedStyleSheets.length, elements: shadow.querySelectorAll('link, style').length, display: getComputedStyle(shadow.host).display };
    });
    assert.deepEqual(styled, { sheets: 1, elements: 0, display: 'block' }, 'the stylesheet comes inside the script and applies (:host is a block)');
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await new Promise((done) => host.close(done));
    await new Promise((done) => cdn.close(done));
  }
});
