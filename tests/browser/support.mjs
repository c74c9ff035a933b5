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

/**
 * Headless Chromium. With `trustKey` (a base64 SHA-256 of a public key), it
 * trusts the certificate of that key: the benchmarks' own for 127.0.0.1
 * (tools/loopback-tls.mjs).
 */
export function launchBrowser({ trustKey = null } = {}) {
  const args = trustKey ? [...CHROMIUM_ARGS, `--ignore-certificate-errors-spki-list=${trustKey}`] : CHROMIUM_ARGS;
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args });
}

/**
 * Serves `root` on a free loopback port; returns its base URL and a close().
 * `types` overrides content types by extension, `mounts` serves other
 * folders under a path of their own (tools/serve.mjs).
 */
export async function startServer(root = DIST, { types, mounts } = {}) {
  const server = await serve({ root, types, mounts });
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((done) => server.close(done)) };
}

/**
 * Serves a private copy of the build with extra files laid over it
 * (`{ 'host.html': '<!doctype html>…', 'fixture.json': {…} }`; objects are
 * written as JSON), so a test can use its own host pages and corpora;
 * `types` as for startServer. close() also removes the copy.
 */
export async function startFixtureServer(files = {}, { types } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'broadsheet-fixture-'));
  await cp(DIST, dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    await writeFile(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  const server = await startServer(dir, { types });
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
 * `initScripts` run in the page before any of its own.
 */
export async function openPage(browser, url, { viewport = { width: 1280, height: 800 }, initScripts = [] } = {}) {
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
  for (const script of initScripts) await page.addInitScript(script);
  await page.goto(url);
  return { page, context, problems };
}

export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: resolve(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** axe-core's build, for a fixture site to serve as `axe.min.js` (so the
 * page's strict CSP, which refuses inline scripts, can stay on). */
export const AXE = resolve('node_modules/axe-core/axe.min.js');

/**
 * axe-core's violations on the whole page, open shadow roots included; the
 * site must serve AXE as `axe.min.js`. axe adds a <style> element, which a
 * strict CSP refuses: the console error that causes is not recorded.
 */
export async function axeViolations(page, problems = []) {
  const before = problems.length;
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: 'axe.min.js' });
  const violations = await page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
    return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
  problems.splice(before);
  return violations;
}

/** Pixels the page scrolls sideways (0 when it fits its viewport). */
export function horizontalOverflow(page) {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}

/** Visible links, buttons and selects inside `host`'s shadow root that are
 * smaller than `minimum` px either way, as `"text" W×H`. */
export function smallTapTargets(host, minimum = 44) {
  return host.evaluate((element, minimum) =>
    [...element.shadowRoot.querySelectorAll('a[href], button, select')]
      .filter((el) => el.getClientRects().length > 0 && !el.closest('dialog:not([open])'))
      .map((el) => ({ text: el.textContent.trim(), box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width < minimum || box.height < minimum)
      .map(({ text, box }) => `"${text}" ${Math.round(box.width)}×${Math.round(box.height)}`), minimum);
}
