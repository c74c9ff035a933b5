// Shared set-up for the browser tests: real headless Chromium (Debian's
// package) driven by playwright-core, against the release build in dist/
// served on loopback.
import { chromium } from 'playwright-core';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from '../../tools/serve.mjs';

export const DIST = resolve('dist');
export const ARTIFACTS = resolve('test-artifacts');

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

export function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Serves `root` on a free loopback port; returns its base URL and a close(). */
export async function startServer(root = DIST) {
  const server = await serve({ root });
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((done) => server.close(done)) };
}

/**
 * Serves a private copy of the build with extra files laid over it
 * (`{ 'host.html': '<!doctype html>…', 'fixture.json': {…} }`; objects are
 * written as JSON), so a test can use its own host pages and corpora.
 * close() also removes the copy.
 */
export async function startFixtureServer(files = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'broadsheet-fixture-'));
  await cp(DIST, dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    await writeFile(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  const server = await startServer(dir);
  return { ...server, dir, close: async () => { await server.close(); await rm(dir, { recursive: true, force: true }); } };
}

/** A host page that loads the widget and holds `body` (CSP of the demo unless `csp` is given). */
export function hostPage(body, { head = '', csp = DEMO_CSP } = {}) {
  const policy = csp ? `<meta http-equiv="Content-Security-Policy" content="${csp}">` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">${policy}
<title>Host</title><link rel="icon" href="icon.svg"><script type="module" src="broadsheet.js"></script>${head}</head>
<body>${body}</body></html>`;
}

export const DEMO_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: http:; connect-src 'self'; object-src 'none'; base-uri 'self'";

/** The bundled corpus as the build ships it. */
export async function bundledCorpus() {
  return JSON.parse(await readFile(resolve(DIST, 'corpus.json'), 'utf8'));
}

/**
 * Opens `url` in a fresh page, recording console errors, page errors and
 * Content-Security-Policy violations so a test can assert there were none.
 */
export async function openPage(browser, url, { viewport = { width: 1280, height: 800 } } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(url);
  return { page, context, problems };
}

export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: resolve(ARTIFACTS, `${name}.png`), fullPage: true });
}
