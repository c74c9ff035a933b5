// `make bench-archive`: a daily's archive published and read at the phone
// profile, for generated archives of 10k and 100k articles (1M when asked:
// `BENCH_ARCHIVE_SIZES=10000,100000,1000000 make bench-archive`). For each
// size:
//
// 1. Publish: the whole archive in one `broadsheet publish` into
//    build/site-N, timed with its peak memory (GNU time); then five more
//    days one at a time, each's time, peak memory and bytes written.
// 2. First headline in Chromium at the phone profile (CPU 4× slower,
//    10 Mbit/s, 100 ms latency), cold (a fresh context) and with the
//    runtime cached (a second page in that context); the archive data
//    fetched before it, raw and gzipped, and how many requests in a row.
// 3. Another date from the calendar: from the click on a day of the
//    previous month to that edition's first headline.
// 4. Renderer memory while reading (an edition, a page, two articles, ten
//    editions back) over an empty page.
// 5. Offline, at the phone profile: saving a whole month (saveOffline), its
//    time and the room it takes against the month's gzipped page text; and
//    a reader keeping 7 editions coming back after one more day is
//    published (a copy of the site taken before the last day), the bytes
//    it fetches against that edition's.
// 6. Search over the whole archive by its index: QUERIES queries drawn from
//    the archive's text with their brute-force truth
//    (examples/archive_truth.rs); every one run by `broadsheet search SITE`
//    and its total checked; the first BROWSER_QUERIES typed in the reader
//    at the phone profile, one after another in one page (the runtime and
//    the index file fetched once): the time to the first screen of
//    results, the archive files and gzipped bytes it fetched, its total
//    checked; then renderer memory over an empty page after 50 queries.
//    And the index's size against the archive's page text, gzipped.
//
// Writes bench/results/archive.json (every size measured so far: a run
// replaces the sizes it measures) and bench/results/archive.md, with a
// table of the targets, met or not (bench/archive/report.mjs), and prints
// the report. A measurement, not a test: it fails only when something
// cannot run.
//
//   node bench/archive/run.mjs [--sizes 10000,100000] [--runs 3]
//
// The generated corpora stay in build/archive-N/ and are made again only
// when missing; the site build/site-N is published afresh every run.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { acrossSizes, median, RESULTS, sizeName, targets, writeReport } from './report.mjs';
import { hostPage, launchBrowser } from '../../tests/browser/support.mjs';
import { RUNTIME } from '../../tools/runtime-files.mjs';
import { loopbackTls } from '../../tools/loopback-tls.mjs';
import { serve, UNDECODED_UNDER_DEVTOOLS } from '../../tools/serve.mjs';

const run = promisify(execFile);

const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: process.env.BENCH_ARCHIVE_SIZES || '10000,100000' },
    runs: { type: 'string', default: '3' },
    binary: { type: 'string', default: 'target/release/broadsheet' },
    dist: { type: 'string', default: 'dist' },
  },
});
const SIZES = options.sizes.split(',').map(Number);
const RUNS = Math.max(1, Number(options.runs));
const BROADSHEET = resolve(options.binary);
const GNU_TIME = '/usr/bin/time';
// Held back from the generated archive, then published one at a time.
const MORE_DAYS = 5;
// Generated beyond the size asked, so that the days held back (and the
// last day, which the generator may cut short) leave about that size.
const EXTRA_ARTICLES = 1500;

const PHONE = { width: 360, height: 640 };
const PHONE_CPU = 4;
const PHONE_BITS_PER_SECOND = 10e6;
const PHONE_LATENCY_MS = 100;
// Cross-origin isolation, which performance.measureUserAgentSpecificMemory() needs.
const ISOLATED = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
const EDITIONS_BACK = 10;
const QUERIES = 120;
const BROWSER_QUERIES = 30;
/** Results on the reader's first screen of an archive search (its page of results). */
const SCREEN = 10;
const QUERIES_FOR_MEMORY = 50;

const started = performance.now();
const log = (message) => console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s] ${message}`);

for (const size of SIZES) {
  if (!Number.isInteger(size) || size < 3000) throw new Error(`--sizes: ${size} is not a size; give article counts of at least 3000, as 10000,100000`);
}
for (const file of [BROADSHEET, GNU_TIME, join(options.dist, '.built')]) {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`make bench-archive\`, which builds and installs what this needs`);
}

// ---- the corpora --------------------------------------------------------

/** The generator's output for `articles` articles, made once (the folder appears whole). */
async function generated(articles, dir) {
  if (existsSync(dir)) return dir;
  const partial = `${dir}.partial`;
  await rm(partial, { recursive: true, force: true });
  log(`generating ${articles.toLocaleString('en')} articles into ${dir}`);
  await new Promise((done, fail) => {
    const child = spawn('cargo', ['run', '--release', '--example', 'daily_archive', '--', String(articles), partial], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`daily_archive exited with ${code}`))));
  });
  await rename(partial, dir);
  return dir;
}

/**
 * Splits the generated months into the archive's corpus files and the
 * days held back: the last day is dropped (the generator may have cut it
 * short), the MORE_DAYS before it each become a corpus of one edition,
 * and the months they came from are written again without them. Made
 * once; `inputs.json`, written last, lists the result.
 */
async function split(size) {
  const dir = resolve(`build/archive-${size}`);
  const list = join(dir, 'inputs.json');
  if (existsSync(list)) return JSON.parse(await readFile(list, 'utf8'));
  const source = await generated(size + EXTRA_ARTICLES, join(dir, 'generated'));
  const months = (await readdir(source)).filter((name) => /^\d{4}-\d{2}\.json$/.test(name)).sort();
  const touched = [];
  let editions = 0;
  while (editions < MORE_DAYS + 1) {
    const name = months[months.length - 1 - touched.length];
    if (!name) throw new Error(`${source}: fewer than ${MORE_DAYS + 1} editions`);
    const corpus = JSON.parse(await readFile(join(source, name), 'utf8'));
    touched.unshift({ name, corpus });
    editions += corpus.editions.length;
  }
  const all = touched.flatMap(({ corpus }) => corpus.editions);
  const dropped = all.pop();
  const held = all.splice(all.length - MORE_DAYS);
  const heldDates = new Set(held.map((edition) => edition.date));
  await rm(join(dir, 'archive'), { recursive: true, force: true });
  await rm(join(dir, 'days'), { recursive: true, force: true });
  await mkdir(join(dir, 'archive'), { recursive: true });
  await mkdir(join(dir, 'days'), { recursive: true });
  const inputs = months.slice(0, months.length - touched.length).map((name) => join(source, name));
  for (const { name, corpus } of touched) {
    const kept = corpus.editions.filter((edition) => edition.date !== dropped.date && !heldDates.has(edition.date));
    if (kept.length === 0) continue;
    const file = join(dir, 'archive', name);
    await writeFile(file, JSON.stringify({ ...corpus, editions: kept }));
    inputs.push(file);
  }
  const days = [];
  const top = touched[0].corpus;
  for (const edition of held) {
    const file = join(dir, 'days', `${edition.date}.json`);
    await writeFile(file, JSON.stringify({ ...top, editions: [edition] }));
    days.push(file);
  }
  const result = { generated: size + EXTRA_ARTICLES, dropped: dropped.date, archive: inputs, days };
  await writeFile(list, JSON.stringify(result, null, 2));
  return result;
}

// ---- publishing ---------------------------------------------------------

/** Seconds in GNU time's `h:mm:ss` or `m:ss.ss`. */
const clock = (text) => text.split(':').reduce((total, part) => total * 60 + Number(part), 0);

/** Runs `broadsheet ARGS…` under GNU time: its output lines, wall time and peak memory. */
async function timed(args) {
  const start = performance.now();
  const { stderr } = await run(GNU_TIME, ['-v', BROADSHEET, ...args], { maxBuffer: 1 << 26 });
  const ms = performance.now() - start;
  const lines = stderr.split('\n');
  const timing = lines.findIndex((line) => line.includes('Command being timed'));
  const field = (name) => lines.find((line) => line.trim().startsWith(name))?.split(/\):\s*|:\s+/).pop();
  return {
    lines: lines.slice(0, timing).filter(Boolean),
    // GNU time's wall clock counts hundredths of a second; Node's, the
    // same span to the microsecond (and GNU time's own start, about a millisecond).
    ms,
    gnuMs: 1000 * clock(field('Elapsed (wall clock) time')),
    peakBytes: 1024 * Number(field('Maximum resident set size (kbytes)')),
  };
}

/** `37.1 MB` → bytes, as `broadsheet publish` prints sizes (powers of 1000). */
function sizeBytes(text) {
  const [, value, unit] = text.match(/^([\d.]+) (B|KB|MB|GB|TB)$/) ?? [];
  return Math.round(Number(value) * 1000 ** ['B', 'KB', 'MB', 'GB', 'TB'].indexOf(unit));
}

/** publish's summary: files written and their size, files already there. */
function summary(lines) {
  const line = lines.find((text) => /: wrote \d+ files/.test(text));
  const [, files, size, there] = line?.match(/: wrote (\d+) files \(([^)]+)\) and the root; (\d+) already there/) ?? [];
  if (!files) throw new Error(`publish printed no summary:\n${lines.join('\n')}`);
  return { line: line.replace(/^.*?: wrote/, 'wrote'), files: Number(files), bytes: sizeBytes(size), alreadyThere: Number(there) };
}

/** Every file under `dir` with its size. */
async function sizes(dir, into = new Map()) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await sizes(path, into);
    else into.set(path, (await stat(path)).size);
  }
  return into;
}

async function root(site) {
  const archive = JSON.parse(await readFile(join(site, 'archive.json'), 'utf8'));
  const years = archive.publications.flatMap((publication) => publication.years);
  return {
    newest: archive.publications[0].newest,
    years: years.map((year) => year.year),
    editions: years.reduce((sum, year) => sum + year.editions, 0),
    articles: years.reduce((sum, year) => sum + year.articles, 0),
    bytes: years.reduce((sum, year) => sum + year.bytes, 0),
  };
}

/**
 * A copy of `site` as it is now, in `SITE-before-last`, for a reader who
 * comes back after one more publish: hard links (publish writes every file
 * anew, by rename), but the root copied.
 */
async function snapshot(site) {
  const copy = `${site}-before-last`;
  await rm(copy, { recursive: true, force: true });
  await run('cp', ['-al', site, copy]);
  await rm(join(copy, 'archive.json'));
  await cp(join(site, 'archive.json'), join(copy, 'archive.json'));
  return copy;
}

async function publish(size, inputs) {
  const site = resolve(`build/site-${size}`);
  await rm(site, { recursive: true, force: true });
  log(`${sizeName(size)}: publishing ${inputs.archive.length} corpus files into ${site}`);
  const whole = await timed(['publish', site, ...inputs.archive]);
  const wrote = summary(whole.lines);
  const before = await root(site);
  log(`${sizeName(size)}: ${wrote.line} in ${(whole.ms / 1000).toFixed(1)} s, peak ${(whole.peakBytes / 1e6).toFixed(0)} MB`);
  const days = [];
  let beforeLast = null;
  for (const file of inputs.days) {
    if (file === inputs.days.at(-1)) beforeLast = { site: await snapshot(site), day: file };
    const was = await sizes(site);
    const day = await timed(['publish', site, file]);
    const now = await sizes(site);
    const added = [...now].filter(([path, bytes]) => was.get(path) !== bytes);
    const after = await root(site);
    // The edition's own files: its outline and page texts (its calendar `bytes`) and its story texts.
    const outline = JSON.parse(await readFile(join(site, after.newest.edition), 'utf8'));
    const storyBytes = outline.stories ? [...(await sizes(join(site, outline.stories))).values()].reduce((a, b) => a + b, 0) : 0;
    days.push({
      date: basename(file, '.json'),
      ms: day.ms,
      peakBytes: day.peakBytes,
      summary: summary(day.lines),
      written: { files: added.length, bytes: added.reduce((sum, [, bytes]) => sum + bytes, 0) },
      editionBytes: after.newest.bytes + storyBytes,
      storyBytes,
      archiveBytes: after.bytes,
    });
    log(`${sizeName(size)}: one more day ${days.at(-1).date}: ${days.at(-1).summary.line} in ${day.ms.toFixed(0)} ms`);
  }
  const validation = await timed(['validate', site]);
  log(`${sizeName(size)}: validate: ${validation.lines.at(-1) ?? 'ok'} (${(validation.ms / 1000).toFixed(1)} s)`);
  const archive = await root(site);
  return {
    site,
    beforeLast,
    archive,
    publish: {
      ms: whole.ms, peakBytes: whole.peakBytes, files: wrote.files, summary: wrote.line,
      editions: before.editions, articles: before.articles, bytes: before.bytes,
    },
    day: {
      ms: median(days.map((day) => day.ms)),
      peakBytes: median(days.map((day) => day.peakBytes)),
      writtenBytes: median(days.map((day) => day.written.bytes)),
      editionBytes: median(days.map((day) => day.editionBytes)),
      share: median(days.map((day) => day.written.bytes / day.archiveBytes)),
      days,
    },
    validate: { ms: validation.ms },
  };
}

// ---- the browser --------------------------------------------------------

/** In the page before its scripts: when the first headline has a box on screen. */
function watchForFirstHeadline() {
  const check = () => {
    const headline = document.querySelector('broadsheet-reader')?.shadowRoot?.querySelector('.bs-edition-view .bs-headline');
    if (headline && headline.getBoundingClientRect().height > 0) window.firstHeadline = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** In the page before its scripts: keeps every wasm instance's memory (window.wasmMemories). */
function keepWasmMemories() {
  window.wasmMemories = [];
  const keep = (result) => {
    const memory = (result.instance ?? result)?.exports?.memory;
    if (memory instanceof WebAssembly.Memory) window.wasmMemories.push(memory);
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) { return original.apply(this, args).then(keep); };
  }
}

/**
 * In the page: `window.benchNext` resolves to the ms from the next click
 * (its event's time stamp) to the first headline of the edition of `date`.
 */
function watchNextEdition(date) {
  window.benchNext = new Promise((resolve) => {
    let clicked = null;
    window.addEventListener('click', (event) => { clicked ??= event.timeStamp; }, { capture: true, once: true });
    const check = () => {
      const headline = document.querySelector('broadsheet-reader')?.shadowRoot
        ?.querySelector(`.bs-edition-view .bs-headline[href^="#/${date}/"]`);
      if (clicked !== null && headline && headline.getBoundingClientRect().height > 0) resolve(performance.now() - clicked);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/** In the page: `window.benchDays` resolves to the ms from the next change of a select to the calendar showing days of `year`. */
function watchYearDays(year) {
  const shadow = document.querySelector('broadsheet-reader').shadowRoot;
  window.benchDays = new Promise((resolve) => {
    let changed = null;
    shadow.addEventListener('change', (event) => { changed ??= event.timeStamp; }, { capture: true, once: true });
    const check = () => {
      const caption = shadow.querySelector('.bs-calendar caption');
      const day = shadow.querySelector('.bs-calendar a.bs-day');
      if (changed !== null && caption?.textContent.startsWith(`${year}年`) && day?.getBoundingClientRect().height > 0) resolve(performance.now() - changed);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/** In the page: the navigation and every resource, their start and end from navigation start and bytes over the wire. */
const resourceEntries = () => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
  .map((entry) => ({ path: new URL(entry.name).pathname, start: entry.startTime, end: entry.responseEnd, transfer: entry.transferSize }));

/** Slows the page to the phone profile through a DevTools session. */
async function phoneProfile(context, page) {
  const devtools = await context.newCDPSession(page);
  await devtools.send('Emulation.setCPUThrottlingRate', { rate: PHONE_CPU });
  await devtools.send('Network.enable');
  await devtools.send('Network.emulateNetworkConditions', {
    offline: false, latency: PHONE_LATENCY_MS,
    downloadThroughput: PHONE_BITS_PER_SECOND / 8, uploadThroughput: PHONE_BITS_PER_SECOND / 8,
  });
  return devtools;
}

/** A served archive file, raw and gzipped at level 6 (as a static host serves it). */
const fileSizes = new Map();
async function archiveFile(www, path) {
  if (!fileSizes.has(path)) {
    const body = await readFile(join(www, decodeURIComponent(path)));
    fileSizes.set(path, { raw: body.length, gzip: gzipSync(body, { level: 6 }).length });
  }
  return fileSizes.get(path);
}

/** The longest chain of requests each made after the one before it had arrived. */
function sequentialRequests(entries) {
  const sorted = [...entries].sort((a, b) => a.start - b.start);
  const depth = sorted.map(() => 1);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = 0; j < i; j++) {
      if (sorted[j].end <= sorted[i].start) depth[i] = Math.max(depth[i], depth[j] + 1);
    }
  }
  return Math.max(0, ...depth);
}

/** Archive files fetched among `entries`: how many, raw and gzipped bytes. */
async function archiveData(www, entries) {
  const files = entries.filter((entry) => entry.path.startsWith('/site/'));
  let raw = 0;
  let gzip = 0;
  for (const entry of files) {
    const sized = await archiveFile(www, entry.path);
    raw += sized.raw;
    gzip += sized.gzip;
  }
  return { files: files.length, raw, gzip, entries: files };
}

/** Opens the reader in a new page of `context` at the phone profile, up to its first headline. */
async function firstHeadline(context, url, www) {
  const page = await context.newPage();
  await phoneProfile(context, page);
  await page.addInitScript(watchForFirstHeadline);
  await page.goto(url);
  const ms = await (await page.waitForFunction(() => window.firstHeadline, null, { timeout: 120_000, polling: 50 })).jsonValue();
  const entries = await page.evaluate(resourceEntries);
  const before = await archiveData(www, entries.filter((entry) => entry.end <= ms));
  const find = (test) => entries.find((entry) => test(entry.path));
  const runtime = entries.filter((entry) => RUNTIME.includes(basename(entry.path)));
  const wasm = runtime.find((entry) => entry.path.endsWith('.wasm'));
  const rootEntry = find((path) => path === '/site/archive.json');
  const outline = find((path) => path.startsWith('/site/editions/'));
  const outlineBytes = outline && (await archiveFile(www, outline.path));
  return {
    page,
    ms,
    hostEnd: entries[0].end,
    scriptsEnd: Math.max(...runtime.filter((entry) => entry !== wasm).map((entry) => entry.end)),
    wasmStart: wasm?.start,
    runtimeEnd: Math.max(...runtime.map((entry) => entry.end)),
    runtimeTransfer: runtime.reduce((sum, entry) => sum + entry.transfer, 0),
    rootStart: rootEntry?.start,
    rootEnd: rootEntry?.end,
    outlineStart: outline?.start,
    outlineEnd: outline?.end,
    outlineGzipBytes: outlineBytes?.gzip,
    files: before.files,
    rawBytes: before.raw,
    gzipBytes: before.gzip,
    sequential: sequentialRequests(before.entries),
  };
}

const dateIn = (href) => href.match(/\d{4}-\d{2}-\d{2}/)[0];

/** Clicks the middle day the calendar shows; the ms to its first headline and the archive data it fetched. */
async function openDay(page, calendar, www) {
  const days = calendar.locator('a.bs-day');
  const hrefs = await days.evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  const middle = Math.floor(hrefs.length / 2);
  const date = dateIn(hrefs[middle]);
  const since = await page.evaluate(() => performance.now());
  await page.evaluate(watchNextEdition, date);
  await days.nth(middle).click();
  const ms = await page.evaluate(() => window.benchNext);
  const fetched = await archiveData(www, (await page.evaluate(resourceEntries)).filter((entry) => entry.start >= since));
  return { date, ms, files: fetched.files, gzipBytes: fetched.gzip };
}

/** In the cached page: the calendar, the previous month, a day of it; then (with more years) the oldest year. */
async function calendarVisit(page, www, years) {
  const reader = page.locator('broadsheet-reader');
  const calendar = reader.locator('.bs-calendar');
  await reader.locator('.bs-calendar-toggle').click();
  await calendar.locator('a.bs-day').first().waitFor({ timeout: 60_000 });
  const shown = await calendar.locator('caption').innerText();
  await calendar.getByRole('button', { name: '上个月' }).click();
  await calendar.locator('caption', { hasNotText: shown }).waitFor({ timeout: 60_000 });
  await calendar.locator('a.bs-day').first().waitFor({ timeout: 60_000 });
  const previousMonth = await openDay(page, calendar, www);
  const fetchedYears = new Set([years.at(-1), Number(previousMonth.date.slice(0, 4))]);
  const oldest = years[0];
  if (fetchedYears.has(oldest)) return { previousMonth, otherYear: null };
  await reader.locator('.bs-calendar-toggle').click();
  await calendar.locator('a.bs-day').first().waitFor({ timeout: 60_000 });
  await page.evaluate(watchYearDays, oldest);
  await calendar.getByRole('combobox', { name: '年份' }).selectOption(String(oldest));
  const calendarMs = await page.evaluate(() => window.benchDays);
  const day = await openDay(page, calendar, www);
  return { previousMonth, otherYear: { ...day, calendarMs } };
}

/** One run: a fresh context's cold first headline, then a cached one, then the calendar. */
async function readingRun(browser, base, www, years) {
  const context = await browser.newContext({ viewport: PHONE });
  try {
    const cold = await firstHeadline(context, `${base}archive.html`, www);
    await cold.page.close();
    const cached = await firstHeadline(context, `${base}archive.html`, www);
    const dates = await calendarVisit(cached.page, www, years);
    return { cold, cached, ...dates };
  } finally {
    await context.close();
  }
}

/** Renderer memory: an empty page, then the reader after a while of reading. */
async function readingMemory(browser, base, newest) {
  const context = await browser.newContext({ viewport: PHONE });
  try {
    const page = await context.newPage();
    await page.addInitScript(keepWasmMemories);
    await page.addInitScript(watchForFirstHeadline);
    const devtools = await context.newCDPSession(page);
    await devtools.send('Performance.enable');
    const measure = () => page.evaluate(async () => (await performance.measureUserAgentSpecificMemory()).bytes);
    await page.goto(`${base}empty.html`);
    if (!(await page.evaluate(() => crossOriginIsolated && 'measureUserAgentSpecificMemory' in performance))) {
      throw new Error('performance.measureUserAgentSpecificMemory() is not available: the page is not cross-origin isolated');
    }
    const empty = await measure();
    await page.goto(`${base}archive.html`);
    await page.waitForFunction(() => window.firstHeadline, null, { timeout: 120_000, polling: 50 });
    const reader = page.locator('broadsheet-reader');
    await reader.locator('.bs-page-link').first().click();
    const cards = reader.locator('.bs-page-view .bs-card-link');
    await cards.first().waitFor();
    for (const nth of [0, 1]) {
      await cards.nth(nth).click();
      await reader.locator('.bs-article').first().waitFor();
      await page.evaluate(() => history.back());
      await cards.first().waitFor();
    }
    const headlineOf = (date) => reader.locator(`.bs-edition-view .bs-headline[href^="#/${date}/"]`).first().waitFor({ timeout: 60_000 });
    await page.evaluate((date) => { location.hash = `#/${date}`; }, newest);
    await headlineOf(newest);
    const previous = reader.getByRole('link', { name: /^上一期/ });
    for (let step = 0; step < EDITIONS_BACK; step++) {
      const date = dateIn(await previous.getAttribute('href'));
      await previous.click();
      await headlineOf(date);
    }
    const after = await measure();
    const wasm = await page.evaluate(() => window.wasmMemories.reduce((sum, memory) => sum + memory.buffer.byteLength, 0));
    const metrics = Object.fromEntries((await devtools.send('Performance.getMetrics')).metrics.map(({ name, value }) => [name, value]));
    const { nodes } = await devtools.send('Memory.getDOMCounters');
    return { empty, after, wasm, reading: after + wasm - empty, jsHeapUsed: metrics.JSHeapUsedSize, nodes };
  } finally {
    await context.close();
  }
}

// ---- search -------------------------------------------------------------

/** The queries of size `size` with their truth, drawn once into build/archive-N/queries.json. */
async function truth(size, inputs) {
  const file = resolve(`build/archive-${size}/queries.json`);
  if (!existsSync(file)) {
    log(`${sizeName(size)}: drawing ${QUERIES} queries and counting their truth by brute force`);
    const { stdout } = await run('cargo', ['run', '--release', '--quiet', '--example', 'archive_truth', '--',
      '--queries', String(QUERIES), ...inputs.archive, ...inputs.days], { maxBuffer: 1 << 26 });
    await writeFile(`${file}.partial`, stdout);
    await rename(`${file}.partial`, file);
  }
  return JSON.parse(await readFile(file, 'utf8'));
}

/** Every query through `broadsheet search SITE`: how many totals equal the truth, and its times. */
async function nativeSearch(site, queries) {
  const wrong = [];
  const ms = [];
  for (const { query, total } of queries) {
    const start = performance.now();
    const { stdout } = await run(BROADSHEET, ['search', site, query, '--limit', '0'], { maxBuffer: 1 << 26 });
    ms.push(performance.now() - start);
    const found = Number(stdout.match(/^(\d+) matching articles/)?.[1]);
    if (found !== total) wrong.push({ query, total, found });
  }
  return { queries: queries.length, exact: queries.length - wrong.length, wrong, ms: median(ms) };
}

/**
 * In the page: when the results view first showed a screen of results of
 * `query` (`screen` of them, or all there are: a first screen before the
 * exact total, or the settled results), and when it showed the settled
 * results (or its failure).
 */
function resultsShown({ query, screen }) {
  return new Promise((done) => {
    let first = null;
    const check = () => {
      const root = document.querySelector('broadsheet-reader')?.shadowRoot;
      const input = root?.querySelector('.bs-search-input');
      const count = root?.querySelector('.bs-result-count')?.textContent ?? '';
      const view = root?.querySelector('.bs-search-view');
      const failed = view?.querySelector('.bs-error-url');
      const settled = input?.value === query && view?.getAttribute('aria-busy') === 'false' && (failed || /\d/.test(count));
      const shown = input?.value === query && /\d/.test(count) && root.querySelectorAll('.bs-result').length >= screen;
      if (first === null && (settled || shown)) first = performance.now();
      if (settled) {
        done({ first, at: performance.now(), count, failed: failed?.textContent ?? null });
      } else {
        requestAnimationFrame(check);
      }
    };
    check();
  });
}

/** The queries typed into one reader at the phone profile; then its memory after QUERIES_FOR_MEMORY. */
async function browserSearch(browser, base, www, queries) {
  const context = await browser.newContext({ viewport: PHONE });
  try {
    const page = await context.newPage();
    await page.addInitScript(keepWasmMemories);
    await page.addInitScript(watchForFirstHeadline);
    const measure = () => page.evaluate(async () => (await performance.measureUserAgentSpecificMemory()).bytes);
    await page.goto(`${base}empty.html`);
    const empty = await measure();
    const devtools = await phoneProfile(context, page);
    await page.goto(`${base}archive.html`);
    await page.waitForFunction(() => window.firstHeadline, null, { timeout: 120_000, polling: 50 });
    const runs = [];
    for (const [n, { query, total }] of queries.entries()) {
      const asked = await page.evaluate((q) => {
        performance.clearResourceTimings();
        const at = performance.now();
        location.hash = `#/search/${encodeURIComponent(q)}`;
        return at;
      }, query);
      const settled = await page.evaluate(resultsShown, { query, screen: Math.min(total, SCREEN) });
      const entries = (await page.evaluate(resourceEntries)).filter((entry) => entry.start >= asked - 1);
      const data = await archiveData(www, entries.filter((entry) => entry.end <= settled.first));
      const whole = await archiveData(www, entries);
      const found = Number(settled.count.replace(/[^\d]/g, ''));
      // Gzipped bytes by kind of file, by the first screen: the index's, edition outlines, page texts, story texts.
      const byKind = { search: 0, editions: 0, pages: 0, stories: 0 };
      for (const entry of data.entries) {
        const kind = entry.path.split('/')[2];
        if (kind in byKind) byKind[kind] += (await archiveFile(www, entry.path)).gzip;
      }
      runs.push({ query, total, found, failed: settled.failed, ms: settled.first - asked, files: data.files, gzipBytes: data.gzip,
        rawBytes: data.raw, byKind, sequential: sequentialRequests(data.entries),
        whole: { ms: settled.at - asked, files: whole.files, gzipBytes: whole.gzip, sequential: sequentialRequests(whole.entries) } });
      if (n + 1 === BROWSER_QUERIES) {
        // The rest at full speed, for memory only.
        await devtools.send('Emulation.setCPUThrottlingRate', { rate: 1 });
        await devtools.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      }
    }
    const after = await measure();
    const wasm = await page.evaluate(() => window.wasmMemories.reduce((sum, memory) => sum + memory.buffer.byteLength, 0));
    const timed = runs.slice(0, BROWSER_QUERIES);
    const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))];
    return {
      queries: timed.length,
      exact: runs.filter((r) => r.found === r.total && !r.failed).length,
      checked: runs.length,
      wrong: runs.filter((r) => r.found !== r.total || r.failed),
      ms: { p50: percentile(timed.map((r) => r.ms), 0.5), p95: percentile(timed.map((r) => r.ms), 0.95) },
      gzipBytes: { p50: percentile(timed.map((r) => r.gzipBytes), 0.5), p95: percentile(timed.map((r) => r.gzipBytes), 0.95) },
      whole: {
        ms: { p50: percentile(timed.map((r) => r.whole.ms), 0.5), p95: percentile(timed.map((r) => r.whole.ms), 0.95) },
        gzipBytes: { p50: percentile(timed.map((r) => r.whole.gzipBytes), 0.5), p95: percentile(timed.map((r) => r.whole.gzipBytes), 0.95) },
      },
      memory: { empty, after, wasm, searching: after + wasm - empty, queries: runs.length },
      runs: timed,
    };
  } finally {
    await context.close();
  }
}

/**
 * The files the current search index names (its file and its partitions'
 * folders: not those of partitions merged since, which stay until pruned)
 * the archive's page texts and its story texts (what search hits are cut
 * from), each file gzipped at level 6.
 */
async function indexSize(site) {
  const gzipped = async (paths) => {
    let total = 0;
    for (const path of paths) total += gzipSync(await readFile(path), { level: 6 }).length;
    return total;
  };
  const rootFile = JSON.parse(await readFile(join(site, 'archive.json'), 'utf8'));
  const index = JSON.parse(await readFile(join(site, rootFile.search), 'utf8'));
  const indexFiles = [join(site, rootFile.search)];
  for (const partition of index.partitions) indexFiles.push(...(await sizes(join(site, partition.folder))).keys());
  return {
    indexGzip: await gzipped(indexFiles),
    textGzip: await gzipped((await sizes(join(site, 'pages'))).keys()),
    storiesGzip: await gzipped((await sizes(join(site, 'stories'))).keys()),
  };
}

async function searching(browser, size, inputs, published, base, www) {
  const queries = await truth(size, inputs);
  log(`${sizeName(size)}: search: ${queries.length} queries by the CLI`);
  const native = await nativeSearch(published.site, queries);
  log(`${sizeName(size)}: search: ${native.exact} of ${native.queries} totals exact by the CLI; in the reader at the phone profile`);
  const inBrowser = await browserSearch(browser, base, www, queries.slice(0, QUERIES_FOR_MEMORY));
  log(`${sizeName(size)}: search: first screen p50 ${inBrowser.ms.p50.toFixed(0)} ms, p95 ${inBrowser.ms.p95.toFixed(0)} ms; ${
    inBrowser.gzipBytes.p50} B p50, ${inBrowser.gzipBytes.p95} B p95 gzipped; ${inBrowser.exact} of ${inBrowser.checked} exact`);
  const sized = await indexSize(published.site);
  log(`${sizeName(size)}: search index ${sized.indexGzip} B gzipped, page text ${sized.textGzip} B, story texts ${sized.storiesGzip} B`);
  return { native, browser: inBrowser, ...sized };
}

/** The served folder: the build, a host page, an empty page and the site (a link). */
async function servedFolder(size, site, name = 'www') {
  const www = resolve(`build/archive-${size}/${name}`);
  await rm(www, { recursive: true, force: true });
  await cp(resolve(options.dist), www, { recursive: true });
  await writeFile(join(www, 'archive.html'), hostPage('<broadsheet-reader src="site/" offline="off"></broadsheet-reader>'));
  await writeFile(join(www, 'offline.html'), hostPage('<broadsheet-reader src="site/"></broadsheet-reader>'));
  await writeFile(join(www, 'keep7.html'), hostPage('<broadsheet-reader src="site/" offline-editions="7"></broadsheet-reader>'));
  await writeFile(join(www, 'empty.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Empty</title></head><body></body></html>');
  await symlink(site, join(www, 'site'));
  return www;
}

// Served as a CDN serves it: HTTPS with HTTP/2 (a phone's many small
// requests at once on one connection, not six at a time), gzipped; the
// runtime cacheable, the archive and the pages fetched again on every load.
const TLS = await loopbackTls();
const serveFolder = (www) => {
  const runtime = new Set(RUNTIME.map((file) => `/${file}`));
  return serve({
    root: www, headers: ISOLATED, types: UNDECODED_UNDER_DEVTOOLS, compress: true, tls: TLS,
    headersFor: (path) => ({ 'cache-control': runtime.has(path) ? 'max-age=3600' : 'no-cache' }),
  });
};
const baseOf = (server) => `https://127.0.0.1:${server.address().port}/`;

async function reading(browser, size, published, inputs) {
  const www = await servedFolder(size, published.site);
  const server = await serveFolder(www);
  const base = baseOf(server);
  try {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await readingRun(browser, base, www, published.archive.years));
      const last = runs.at(-1);
      log(`${sizeName(size)}: first headline cold ${last.cold.ms.toFixed(0)} ms, cached ${last.cached.ms.toFixed(0)} ms, ${
        last.cold.gzipBytes} B gzipped in ${last.cold.sequential} sequential; calendar ${last.previousMonth.date} ${last.previousMonth.ms.toFixed(0)} ms (run ${i + 1} of ${RUNS})`);
    }
    const medianRun = (pick) => {
      const sorted = [...runs].sort((a, b) => pick(a).ms - pick(b).ms);
      const { page, ...figures } = pick(sorted[Math.floor((sorted.length - 1) / 2)]);
      return { ...figures, runs: runs.map((r) => pick(r).ms) };
    };
    const cold = medianRun((r) => r.cold);
    const cached = medianRun((r) => r.cached);
    log(`${sizeName(size)}: renderer memory while reading (two measurements of about 20 s each)`);
    const memory = await readingMemory(browser, base, published.archive.newest.date);
    log(`${sizeName(size)}: offline: saving a month`);
    const saveMonth = await savingAMonth(browser, base, www, published.archive.newest.date);
    log(`${sizeName(size)}: saved ${saveMonth.month} in ${saveMonth.ms.toFixed(0)} ms: ${saveMonth.rawBytes} B raw, usage +${
      saveMonth.usageGrowth} B, kept entries ${saveMonth.keptBytes} B; its page text gzipped ${saveMonth.gzipTextBytes} B`);
    log(`${sizeName(size)}: offline: one more day for a reader keeping 7 editions`);
    const keepingSeven = await oneMoreDayKept(browser, size, published.beforeLast);
    log(`${sizeName(size)}: ${keepingSeven.date}: fetched ${keepingSeven.fetchedBytes} B in ${keepingSeven.files} files; its edition ${keepingSeven.editionGzipBytes} B gzipped`);
    const search = await searching(browser, size, inputs, published, base, www);
    const years = runs.filter((r) => r.otherYear);
    return {
      search,
      firstView: {
        newest: published.archive.newest.date,
        files: cold.files, rawBytes: cold.rawBytes, gzipBytes: cold.gzipBytes,
        outlineGzipBytes: cold.outlineGzipBytes, sequential: Math.max(...runs.flatMap((r) => [r.cold.sequential, r.cached.sequential])),
        cold, cached,
      },
      calendar: {
        ms: median(runs.map((r) => r.previousMonth.ms)), runs: runs.map((r) => r.previousMonth.ms), dates: runs.map((r) => r.previousMonth.date),
        files: runs[0].previousMonth.files, gzipBytes: runs[0].previousMonth.gzipBytes,
      },
      otherYear: years.length ? {
        calendarMs: median(years.map((r) => r.otherYear.calendarMs)), calendarRuns: years.map((r) => r.otherYear.calendarMs),
        ms: median(years.map((r) => r.otherYear.ms)), runs: years.map((r) => r.otherYear.ms), date: years[0].otherYear.date,
      } : null,
      memory,
      offline: { saveMonth, keepingSeven },
    };
  } finally {
    await new Promise((done) => server.close(done));
  }
}

/** Polls `test` in the page every 200 ms until it holds (at most `seconds`). */
async function until(page, test, arg, what, seconds = 300) {
  for (const started = Date.now(); !(await page.evaluate(test, arg));) {
    if (Date.now() - started > seconds * 1000) throw new Error(`${what}: not within ${seconds} s`);
    await page.waitForTimeout(200);
  }
}

const keptCount = () => document.querySelector('broadsheet-reader').offline().then((report) => report.editions.length);
const keptDate = (date) => document.querySelector('broadsheet-reader').offline().then((report) => report.editions.some((e) => e.date === date));

/** The files of `site` under `folder` whose names start with `prefix`: raw and gzipped (level 6) bytes. */
async function filesOf(site, folder, prefix) {
  const names = (await readdir(join(site, folder))).filter((name) => name.startsWith(prefix));
  let raw = 0;
  let gzip = 0;
  for (const name of names) {
    const body = await readFile(join(site, folder, name));
    raw += body.length;
    gzip += gzipSync(body, { level: 6 }).length;
  }
  return { files: names.length, raw, gzip };
}

/**
 * Saving the month before the newest one whole, at the phone profile,
 * after the first headline and the newest edition kept (no service worker:
 * the reader keeps archive files itself): its time, the raw bytes it
 * resolves to, the growth of the origin's storage usage and the month's
 * kept entries summed, against the month's page text gzipped.
 */
async function savingAMonth(browser, base, www, newest) {
  const [year, month] = newest.split('-').map(Number);
  const before = new Date(Date.UTC(year, month - 2, 1));
  const ym = before.toISOString().slice(0, 7);
  const last = new Date(Date.UTC(before.getUTCFullYear(), before.getUTCMonth() + 1, 0)).getUTCDate();
  const context = await browser.newContext({ viewport: PHONE, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await phoneProfile(context, page);
    await page.addInitScript(watchForFirstHeadline);
    await page.goto(`${base}offline.html`);
    await page.waitForFunction(() => window.firstHeadline, null, { timeout: 120_000, polling: 50 });
    await until(page, keptCount, null, 'the newest edition kept');
    const usage = () => page.evaluate(async () => (await navigator.storage.estimate()).usage);
    const usageBefore = await usage();
    const saved = await page.evaluate(async ({ from, to }) => {
      const start = performance.now();
      const bytes = await document.querySelector('broadsheet-reader').saveOffline({ from, to });
      return { bytes, ms: performance.now() - start };
    }, { from: `${ym}-01`, to: `${ym}-${String(last).padStart(2, '0')}` });
    const usageAfter = await usage();
    await page.waitForTimeout(2000);
    const usageSettled = await usage();
    const kept = await page.evaluate(async (ym) => {
      const cache = await caches.open('broadsheet-archive-files');
      let bytes = 0;
      let files = 0;
      for (const request of await cache.keys()) {
        const path = new URL(request.url).pathname;
        if (!path.startsWith('/site/') || !path.includes(`/${ym}-`)) continue;
        bytes += (await (await cache.match(request)).arrayBuffer()).byteLength;
        files += 1;
      }
      return { bytes, files };
    }, ym);
    const report = await page.evaluate(() => document.querySelector('broadsheet-reader').offline());
    const text = await filesOf(join(www, 'site'), join('pages', ym.slice(0, 4)), `${ym}-`);
    return {
      month: ym,
      editions: report.editions.filter((e) => e.date.startsWith(ym)).length,
      ms: saved.ms,
      rawBytes: saved.bytes,
      usageGrowth: usageSettled - usageBefore,
      usageGrowthAtOnce: usageAfter - usageBefore,
      keptBytes: kept.bytes,
      keptFiles: kept.files,
      gzipTextBytes: text.gzip,
      rawTextBytes: text.raw,
      textFiles: text.files,
    };
  } finally {
    await context.close();
  }
}

/**
 * A reader keeping 7 editions, at the phone profile, on the site as it was
 * before the last held-back day; that day is published into it, the page
 * reloaded in the same context, and every `site/` response it receives
 * until the new edition is kept is summed (Resource Timing: the body as
 * transferred, gzipped by the test server, and decoded).
 */
async function oneMoreDayKept(browser, size, beforeLast) {
  const www = await servedFolder(size, beforeLast.site, 'www-before-last');
  const server = await serveFolder(www);
  const context = await browser.newContext({ viewport: PHONE, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await phoneProfile(context, page);
    await page.addInitScript(watchForFirstHeadline);
    await page.goto(`${baseOf(server)}keep7.html`);
    await page.waitForFunction(() => window.firstHeadline, null, { timeout: 120_000, polling: 50 });
    await until(page, () => document.querySelector('broadsheet-reader').offline().then((report) => report.editions.length === 7), null, '7 editions kept');
    await run(BROADSHEET, ['publish', beforeLast.site, beforeLast.day]);
    const { newest } = JSON.parse(await readFile(join(beforeLast.site, 'archive.json'), 'utf8')).publications[0];
    await page.reload();
    await page.waitForFunction(() => window.firstHeadline, null, { timeout: 120_000, polling: 50 });
    await until(page, keptDate, newest.date, `${newest.date} kept`);
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((entry) => new URL(entry.name).pathname.startsWith('/site/'))
      .map((entry) => ({ path: new URL(entry.name).pathname, encoded: entry.encodedBodySize, decoded: entry.decodedBodySize })));
    const year = newest.date.slice(0, 4);
    const pages = await filesOf(beforeLast.site, join('pages', year), `${newest.date}-p`);
    const outline = await filesOf(beforeLast.site, dirname(newest.edition), basename(newest.edition));
    return {
      date: newest.date,
      files: fetched.length,
      paths: fetched.map((entry) => entry.path),
      again: fetched.length - new Set(fetched.map((entry) => entry.path)).size,
      fetchedBytes: fetched.reduce((sum, entry) => sum + entry.encoded, 0),
      fetchedRawBytes: fetched.reduce((sum, entry) => sum + entry.decoded, 0),
      editionBytes: newest.bytes,
      editionFiles: pages.files + outline.files,
      editionRawBytes: pages.raw + outline.raw,
      editionGzipBytes: pages.gzip + outline.gzip,
    };
  } finally {
    await context.close();
    await new Promise((done) => server.close(done));
  }
}

// ---- the run ------------------------------------------------------------

/** The commit the build was made from, read once at the start (a commit made while this runs is not what it measures). */
async function built() {
  const commit = (await run('git', ['rev-parse', '--short', 'HEAD'])).stdout.trim();
  const dirty = (await run('git', ['status', '--porcelain', '--untracked-files=no', 'src', 'www'])).stdout.trim();
  return `${commit}${dirty ? ' with uncommitted changes to src/ or www/' : ''}`;
}

async function machine(browser, commit) {
  const cpuinfo = await readFile('/proc/cpuinfo', 'utf8').catch(() => '');
  return {
    cpu: cpuinfo.match(/^model name\s*:\s*(.+)$/m)?.[1] ?? 'unknown',
    cores: availableParallelism(),
    load: loadavg(),
    chromium: browser.version(),
    node: process.version,
    commit,
    date: new Date().toISOString().slice(0, 10),
  };
}

/** The command as it was given. */
function command() {
  const args = process.argv.slice(2).join(' ');
  if (process.env.MAKELEVEL) {
    const sizes = process.env.BENCH_ARCHIVE_SIZES ? `BENCH_ARCHIVE_SIZES=${process.env.BENCH_ARCHIVE_SIZES} ` : '';
    return `${sizes}make bench-archive${args ? ` (with ${args})` : ''}`;
  }
  return `node bench/archive/run.mjs${args ? ` ${args}` : ''}`;
}

const saved = join(RESULTS, 'archive.json');
const results = existsSync(saved) ? JSON.parse(await readFile(saved, 'utf8')) : { sizes: [] };
const commit = await built();
const browser = await launchBrowser({ trustKey: TLS.spki });
try {
  for (const size of SIZES) {
    const sizeStarted = performance.now();
    const measured = { articles: size, command: command(), runs: RUNS, served: 'over HTTPS with HTTP/2', machine: await machine(browser, commit) };
    const inputs = await split(size);
    const published = await publish(size, inputs);
    const { site, beforeLast, ...figures } = published;
    Object.assign(measured, { generated: inputs.generated, dropped: inputs.dropped }, figures, await reading(browser, size, published, inputs));
    measured.ms = performance.now() - sizeStarted;
    measured.machine.loadAtEnd = loadavg();
    results.sizes = [...results.sizes.filter((other) => other.articles !== size), measured];
    const text = await writeReport(results);
    const missed = targets(measured).filter((row) => !row.met).map((row) => row.figure);
    log(`${sizeName(size)}: done in ${(measured.ms / 1000).toFixed(0)} s; targets missed: ${missed.length ? missed.join('; ') : 'none'}`);
    if (size === SIZES.at(-1)) {
      process.stdout.write(text);
      const across = acrossSizes(results.sizes).filter((row) => !row.met);
      if (across.length) log(`across sizes, missed: ${across.map((row) => row.figure).join('; ')}`);
    }
  }
  log(`report in ${join(RESULTS, 'archive.md')}`);
} finally {
  await browser.close();
}
