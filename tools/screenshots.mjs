// The README's two screenshots, taken from the built demo (make build) in
// Chromium: the front page on a phone (360×640) and an article on a desktop
// (1280×800), both in the light theme.
//
//   node tools/screenshots.mjs        # writes docs/images/phone.png and desktop.png
import { mkdir } from 'node:fs/promises';
import { launchBrowser, startServer } from '../tests/browser/support.mjs';

const SHOTS = [
  { file: 'docs/images/phone.png', viewport: { width: 360, height: 640 }, scale: 2, hash: '' },
  { file: 'docs/images/desktop.png', viewport: { width: 1280, height: 800 }, scale: 1, hash: '#/2024-09-12/2/2024-09-12-p2-1' },
];

const browser = await launchBrowser();
const server = await startServer();
try {
  await mkdir('docs/images', { recursive: true });
  for (const { file, viewport, scale, hash } of SHOTS) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: scale, colorScheme: 'light', serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(server.url + hash);
    await page.locator('broadsheet-reader .bs-headline, broadsheet-reader h1').first().waitFor();
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: file });
    console.log(`wrote ${file}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
