// The report of `make bench-archive` (bench/archive/run.mjs):
// bench/results/archive.md, from bench/results/archive.json, which holds
// every archive size measured so far (a run replaces the sizes it
// measured). Every number comes from a run's results; nothing is typed
// here but the targets.
//
//   node bench/archive/report.mjs [bench/results/archive.json]   (rewrite from saved results)
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RESULTS = 'bench/results';
const COMMAND = 'make bench-archive';

// The targets, in the units the figures are kept in (bytes, milliseconds).
// Bytes count in powers of 1000, as `broadsheet publish` prints them.
export const TARGETS = {
  publishMs: 15 * 60_000,
  publishPeak: 4e9,
  dayMs: 5_000,
  dayShareOfArchive: 0.01,
  firstViewGzip: 40_000,
  firstViewRequests: 2,
  cachedMs: 1_000,
  coldMs: 1_500,
  calendarMs: 500,
  readingMemory: 150e6,
  // Saving a month: the room it takes at most this many times its page text gzipped.
  savedMonthOverGzipText: 1.5,
  // One more day for a reader keeping editions: at most its edition and this many bytes more.
  keptDayOverEdition: 100_000,
  // "The same at every size": the largest first view at most this much over the smallest.
  sameAcrossSizes: 1.1,
  // Search over the whole archive at the phone profile: the first screen of results, and bytes a query fetches.
  searchP50Ms: 1_000,
  searchP95Ms: 2_000,
  searchP50Bytes: 150_000,
  searchP95Bytes: 600_000,
  // The whole index, gzipped, at most this many times the archive's page text gzipped.
  indexOverGzipText: 2,
  searchMemory: 200e6,
};

export const median = (values) => {
  const sorted = values.filter((value) => value != null).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null;
};

/** `812 B`, `40.3 KB`, `1.2 GB`: powers of 1000, as `broadsheet publish` prints sizes. */
export function bytes(count) {
  if (count == null) return '–';
  if (count < 1000) return `${count} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = count / 1000;
  let unit = 0;
  while (value >= 1000 && unit + 1 < units.length) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

export function milliseconds(ms) {
  if (ms == null) return '–';
  if (ms < 10_000) return `${Math.round(ms).toLocaleString('en')} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds ? `${minutes} min ${seconds} s` : `${minutes} min`;
}

const percent = (share) => (share == null ? '–' : `${(100 * share).toFixed(share < 0.001 ? 3 : 2)} %`);
const count = (n) => (n == null ? '–' : n.toLocaleString('en'));

/**
 * The targets of one archive size: each with the figure measured, the
 * target and whether it is met. A figure not measured is not met.
 */
export function targets(size) {
  const rows = [];
  const row = (figure, measured, target, met) => rows.push({ figure, measured, target, met: Boolean(met) });
  const { publish, day, firstView, calendar, memory } = size;
  row('whole archive published (one call)', milliseconds(publish?.ms), `≤ ${milliseconds(TARGETS.publishMs)}`,
    publish && publish.ms <= TARGETS.publishMs);
  row('its peak memory', bytes(publish?.peakBytes), `≤ ${bytes(TARGETS.publishPeak)}`,
    publish && publish.peakBytes <= TARGETS.publishPeak);
  row('one more day published (median of the days)', milliseconds(day?.ms), `≤ ${milliseconds(TARGETS.dayMs)}`,
    day && day.ms <= TARGETS.dayMs);
  const bound = (d) => d.editionBytes + TARGETS.dayShareOfArchive * d.archiveBytes;
  const worst = day?.days?.reduce((a, b) => (b.written.bytes - bound(b) > a.written.bytes - bound(a) ? b : a));
  row('bytes one more day writes (the day nearest its bound)',
    worst ? bytes(worst.written.bytes) : '–',
    worst ? `≤ its edition's ${bytes(worst.editionBytes)} + 1 % of the archive = ${bytes(bound(worst))}` : '≤ its edition + 1 % of the archive',
    day?.days?.length && day.days.every((d) => d.written.bytes <= bound(d)));
  row('archive data before the first headline, gzipped', bytes(firstView?.gzipBytes), `≤ ${bytes(TARGETS.firstViewGzip)}`,
    firstView && firstView.gzipBytes <= TARGETS.firstViewGzip);
  row('sequential requests before the first headline', count(firstView?.sequential), `≤ ${TARGETS.firstViewRequests}`,
    firstView && firstView.sequential <= TARGETS.firstViewRequests);
  row('first headline, runtime cached', milliseconds(firstView?.cached?.ms), `≤ ${milliseconds(TARGETS.cachedMs)}`,
    firstView?.cached && firstView.cached.ms <= TARGETS.cachedMs);
  row('first headline, cold', milliseconds(firstView?.cold?.ms), `≤ ${milliseconds(TARGETS.coldMs)}`,
    firstView?.cold && firstView.cold.ms <= TARGETS.coldMs);
  row('another date from the calendar: click to its first headline', milliseconds(calendar?.ms), `≤ ${milliseconds(TARGETS.calendarMs)}`,
    calendar && calendar.ms <= TARGETS.calendarMs);
  row('renderer memory while reading, over an empty page', bytes(memory?.reading), `≤ ${bytes(TARGETS.readingMemory)}`,
    memory && memory.reading <= TARGETS.readingMemory);
  const save = size.offline?.saveMonth;
  const stored = storedBytes(save);
  row('saving a month: stored bytes ≤ 1.5× its gzipped text', stored == null ? '–' : `${bytes(stored)} (${(stored / save.gzipTextBytes).toFixed(2)}×)`,
    save ? `≤ ${TARGETS.savedMonthOverGzipText}× its page text gzipped, ${bytes(save.gzipTextBytes)} = ${bytes(TARGETS.savedMonthOverGzipText * save.gzipTextBytes)}`
      : `≤ ${TARGETS.savedMonthOverGzipText}× its page text gzipped`,
    stored != null && stored <= TARGETS.savedMonthOverGzipText * save.gzipTextBytes);
  const kept = size.offline?.keepingSeven;
  row('one more day, a reader keeping 7 editions: bytes fetched ≤ its edition + 100 KB', bytes(kept?.fetchedBytes),
    kept ? `≤ its edition's ${bytes(kept.editionGzipBytes)} (gzipped) + ${bytes(TARGETS.keptDayOverEdition)} = ${bytes(kept.editionGzipBytes + TARGETS.keptDayOverEdition)}`
      : `≤ its edition + ${bytes(TARGETS.keptDayOverEdition)}`,
    kept && kept.fetchedBytes <= kept.editionGzipBytes + TARGETS.keptDayOverEdition);
  const search = size.search;
  const native = search?.native;
  row(`search: totals equal to the brute-force truth (\`broadsheet search SITE\`, ${native?.queries ?? '–'} queries)`,
    native ? `${native.exact} / ${native.queries}` : '–', 'all', native && native.exact === native.queries);
  const shown = search?.browser;
  row(`search in the reader: totals equal to the truth (${shown?.checked ?? '–'} queries)`, shown ? `${shown.exact} / ${shown.checked}` : '–', 'all',
    shown && shown.exact === shown.checked);
  row('search in the reader, phone profile: first screen of results, p50', milliseconds(shown?.ms?.p50), `≤ ${milliseconds(TARGETS.searchP50Ms)}`,
    shown && shown.ms.p50 <= TARGETS.searchP50Ms);
  row('… p95', milliseconds(shown?.ms?.p95), `≤ ${milliseconds(TARGETS.searchP95Ms)}`, shown && shown.ms.p95 <= TARGETS.searchP95Ms);
  row('… archive bytes a query fetches (gzipped) by its first screen, p50', bytes(shown?.gzipBytes?.p50), `≤ ${bytes(TARGETS.searchP50Bytes)}`,
    shown && shown.gzipBytes.p50 <= TARGETS.searchP50Bytes);
  row('… p95', bytes(shown?.gzipBytes?.p95), `≤ ${bytes(TARGETS.searchP95Bytes)}`, shown && shown.gzipBytes.p95 <= TARGETS.searchP95Bytes);
  const whole = shown?.whole;
  row('… by the exact total: archive bytes a query fetches (gzipped), p50', bytes(whole?.gzipBytes?.p50), `≤ ${bytes(TARGETS.searchP50Bytes)}`,
    whole && whole.gzipBytes.p50 <= TARGETS.searchP50Bytes);
  row('… p95', bytes(whole?.gzipBytes?.p95), `≤ ${bytes(TARGETS.searchP95Bytes)}`, whole && whole.gzipBytes.p95 <= TARGETS.searchP95Bytes);
  const ratio = search && search.indexGzip / search.textGzip;
  row('the whole search index, gzipped', search ? `${bytes(search.indexGzip)} (${ratio.toFixed(2)}× the page text gzipped)` : '–',
    search ? `≤ ${TARGETS.indexOverGzipText}× the page text gzipped, ${bytes(search.textGzip)} = ${bytes(TARGETS.indexOverGzipText * search.textGzip)}`
      : `≤ ${TARGETS.indexOverGzipText}× the page text gzipped`,
    search && ratio <= TARGETS.indexOverGzipText);
  row(`renderer memory after ${shown?.memory?.queries ?? 50} queries, over an empty page`, bytes(shown?.memory?.searching), `≤ ${bytes(TARGETS.searchMemory)}`,
    shown && shown.memory.searching <= TARGETS.searchMemory);
  return rows;
}

/** What a saved month takes: the growth of the origin's storage usage, or, not measured, its kept entries summed. */
export function storedBytes(save) {
  if (!save) return null;
  return save.usageGrowth ?? save.keptBytes ?? null;
}

/** Targets across sizes: the first view the same at every size. */
export function acrossSizes(sizes) {
  const measured = sizes.filter((size) => size.firstView);
  if (measured.length < 2) return [];
  const gzips = measured.map((size) => size.firstView.gzipBytes);
  const requests = measured.map((size) => size.firstView.sequential);
  const ratio = Math.max(...gzips) / Math.min(...gzips);
  const names = measured.map((size) => sizeName(size.articles)).join(', ');
  return [
    { figure: `archive data before the first headline, gzipped (${names})`, measured: gzips.map(bytes).join(', '),
      target: `the same: largest ≤ ${TARGETS.sameAcrossSizes}× the smallest (${ratio.toFixed(2)}×)`, met: ratio <= TARGETS.sameAcrossSizes },
    { figure: `sequential requests before the first headline (${names})`, measured: requests.join(', '),
      target: 'the same', met: new Set(requests).size === 1 },
  ];
}

export function targetTable(rows) {
  return [
    '| figure | measured | target | met |',
    '| --- | ---: | --- | :---: |',
    ...rows.map((row) => `| ${row.figure} | ${row.measured} | ${row.target} | ${row.met ? 'yes' : '**no**'} |`),
  ].join('\n');
}

/** `10k`, `100k`, `1M` articles: the size asked for, which names the section. */
export function sizeName(articles) {
  if (articles >= 1e6 && articles % 1e6 === 0) return `${articles / 1e6}M`;
  if (articles >= 1e3 && articles % 1e3 === 0) return `${articles / 1e3}k`;
  return String(articles);
}

/** One row of the figures table: a label and a cell per size. */
function figuresTable(sizes) {
  const rows = [
    ['editions, articles in the archive (after the five days)', (s) => s.archive && `${count(s.archive.editions)}, ${count(s.archive.articles)}`],
    ['archive bytes (every edition\'s files)', (s) => bytes(s.archive?.bytes)],
    ['**publish the whole archive** (one call): time', (s) => milliseconds(s.publish?.ms)],
    ['… peak memory (max RSS)', (s) => bytes(s.publish?.peakBytes)],
    ['… files written', (s) => count(s.publish?.files)],
    ['**one more day** (median of 5): time', (s) => milliseconds(s.day?.ms)],
    ['… peak memory', (s) => bytes(s.day?.peakBytes)],
    ['… bytes written (new files and the root)', (s) => bytes(s.day?.writtenBytes)],
    ['… of which the edition\'s own files (outline, page and story texts)', (s) => bytes(s.day?.editionBytes)],
    ['… as a share of the archive', (s) => percent(s.day?.share)],
    ['**first headline**, cold (fresh context)', (s) => milliseconds(s.firstView?.cold?.ms)],
    ['… with the runtime cached', (s) => milliseconds(s.firstView?.cached?.ms)],
    ['archive data before it: raw', (s) => bytes(s.firstView?.rawBytes)],
    ['… gzipped (level 6)', (s) => bytes(s.firstView?.gzipBytes)],
    ['… of which the edition outline, gzipped', (s) => bytes(s.firstView?.outlineGzipBytes)],
    ['… files; sequential requests', (s) => s.firstView && `${s.firstView.files}; ${s.firstView.sequential}`],
    ...['cold', 'cached'].flatMap((load) => {
      const at = (s) => s.firstView?.[load];
      return [
        [`${load}, where the time goes (from navigation start): host page fetched`, (s) => milliseconds(at(s)?.hostEnd)],
        ['… loader and glue fetched; wasm requested', (s) => at(s) && `${milliseconds(at(s).scriptsEnd)}; ${milliseconds(at(s).wasmStart)}`],
        ['… runtime fetched (bytes over the network)', (s) => at(s) && `${milliseconds(at(s).runtimeEnd)} (${bytes(at(s).runtimeTransfer)})`],
        ['… root requested; fetched', (s) => at(s) && `${milliseconds(at(s).rootStart)}; ${milliseconds(at(s).rootEnd)}`],
        ['… outline requested; fetched (none: the root carries it)', (s) => at(s) && (at(s).outlineStart === undefined ? 'none' : `${milliseconds(at(s).outlineStart)}; ${milliseconds(at(s).outlineEnd)}`)],
        ['… in the page: the last of runtime, root and outline in → first headline',
          (s) => at(s) && milliseconds(at(s).ms - Math.max(at(s).runtimeEnd, at(s).rootEnd, at(s).outlineEnd ?? 0))],
      ];
    }),
    ['**another date from the calendar**: click to first headline', (s) => milliseconds(s.calendar?.ms)],
    ['… archive data it fetched, gzipped', (s) => s.calendar && `${bytes(s.calendar.gzipBytes)} in ${s.calendar.files} file${s.calendar.files === 1 ? '' : 's'}`],
    ['a day of the oldest year: the year select to its days', (s) => (s.otherYear ? milliseconds(s.otherYear.calendarMs) : 'one year only')],
    ['… then its day\'s click to first headline', (s) => (s.otherYear ? milliseconds(s.otherYear.ms) : '–')],
    ['**renderer memory**: empty page (JS heap and DOM)', (s) => bytes(s.memory?.empty)],
    ['… after reading: JS heap and DOM', (s) => bytes(s.memory?.after)],
    ['… after reading: wasm linear memory', (s) => bytes(s.memory?.wasm)],
    ['… reading, over the empty page', (s) => bytes(s.memory?.reading)],
    ['… CDP JSHeapUsedSize after reading; DOM nodes', (s) => s.memory && `${bytes(s.memory.jsHeapUsed)}; ${count(s.memory.nodes)}`],
    ['**saving a month** offline (`saveOffline`, the month before the newest): month; editions', (s) => s.offline?.saveMonth && `${s.offline.saveMonth.month}; ${s.offline.saveMonth.editions}`],
    ['… time', (s) => milliseconds(s.offline?.saveMonth?.ms)],
    ['… raw bytes saved (what it resolves to)', (s) => bytes(s.offline?.saveMonth?.rawBytes)],
    ['… stored: growth of `storage.estimate().usage` (at once; 2 s later)', (s) => s.offline?.saveMonth && `${bytes(s.offline.saveMonth.usageGrowthAtOnce)}; ${bytes(s.offline.saveMonth.usageGrowth)}`],
    ['… stored: the month\'s kept entries summed (files)', (s) => s.offline?.saveMonth && `${bytes(s.offline.saveMonth.keptBytes)} (${count(s.offline.saveMonth.keptFiles)})`],
    ['… the month\'s page text gzipped, level 6 (raw; files)', (s) => s.offline?.saveMonth && `${bytes(s.offline.saveMonth.gzipTextBytes)} (${bytes(s.offline.saveMonth.rawTextBytes)}; ${count(s.offline.saveMonth.textFiles)})`],
    ['… stored ÷ gzipped text: usage growth; kept entries', (s) => s.offline?.saveMonth && [s.offline.saveMonth.usageGrowth, s.offline.saveMonth.keptBytes].map((b) => `${(b / s.offline.saveMonth.gzipTextBytes).toFixed(2)}×`).join('; ')],
    ['**search the whole archive** by its index: queries checked by the CLI; in the reader (timed)', (s) => s.search && `${s.search.native.queries}; ${s.search.browser.checked} (${s.search.browser.queries})`],
    ['… `broadsheet search SITE`, one process a query: median time', (s) => milliseconds(s.search?.native?.ms)],
    ['… in the reader, phone profile: first screen of results p50; p95', (s) => s.search && `${milliseconds(s.search.browser.ms.p50)}; ${milliseconds(s.search.browser.ms.p95)}`],
    ['… archive bytes a query fetches by its first screen, gzipped: p50; p95', (s) => s.search && `${bytes(s.search.browser.gzipBytes.p50)}; ${bytes(s.search.browser.gzipBytes.p95)}`],
    ['… the exact total and ranking: p50; p95', (s) => s.search?.browser.whole && `${milliseconds(s.search.browser.whole.ms.p50)}; ${milliseconds(s.search.browser.whole.ms.p95)}`],
    ['… archive bytes a query fetches by then, gzipped: p50; p95', (s) => s.search?.browser.whole && `${bytes(s.search.browser.whole.gzipBytes.p50)}; ${bytes(s.search.browser.whole.gzipBytes.p95)}`],
    ['… by the first screen, median: index files; edition outlines; page texts; story texts', (s) => s.search?.browser.runs[0]?.byKind
      && ['search', 'editions', 'pages', 'stories'].map((kind) => bytes(median(s.search.browser.runs.map((r) => r.byKind[kind] ?? 0)))).join('; ')],
    ['… files a query fetches: median; sequential requests, median', (s) => s.search && `${median(s.search.browser.runs.map((r) => r.files))}; ${median(s.search.browser.runs.map((r) => r.sequential))}`],
    ['… renderer memory after the queries, over an empty page (wasm; JS and DOM)', (s) => s.search && `${bytes(s.search.browser.memory.searching)} (${bytes(s.search.browser.memory.wasm)}; ${bytes(s.search.browser.memory.after - s.search.browser.memory.empty)})`],
    ['… the index gzipped; the page text gzipped; the story texts gzipped', (s) => s.search
      && [s.search.indexGzip, s.search.textGzip, s.search.storiesGzip].map((n) => (n === undefined ? '–' : bytes(n))).join('; ')],
    ['**one more day, a reader keeping 7 editions**: bytes fetched after the reload, as transferred (gzip)', (s) => bytes(s.offline?.keepingSeven?.fetchedBytes)],
    ['… decoded; files (any fetched twice)', (s) => s.offline?.keepingSeven && `${bytes(s.offline.keepingSeven.fetchedRawBytes)}; ${count(s.offline.keepingSeven.files)}${s.offline.keepingSeven.again ? ` (${s.offline.keepingSeven.again} a second time)` : ''}`],
    ['… the new edition\'s files gzipped, level 6 (its calendar `bytes`; files)', (s) => s.offline?.keepingSeven && `${bytes(s.offline.keepingSeven.editionGzipBytes)} (${bytes(s.offline.keepingSeven.editionBytes)}; ${count(s.offline.keepingSeven.editionFiles)})`],
  ];
  return [
    `| figure | ${sizes.map((s) => `${sizeName(s.articles)} articles`).join(' | ')} |`,
    `| --- | ${sizes.map(() => '---:').join(' | ')} |`,
    ...rows.map(([label, cell]) => `| ${label} | ${sizes.map((s) => cell(s) ?? '–').join(' | ')} |`),
  ].join('\n');
}

function machineLine(size) {
  const { machine } = size;
  return `**${sizeName(size.articles)}**: measured ${machine.date} on ${machine.cpu} × ${machine.cores} cores (load average ${machine.load.map((l) => l.toFixed(2)).join(', ')} at the start${machine.loadAtEnd ? `, ${machine.loadAtEnd.map((l) => l.toFixed(2)).join(', ')} at the end` : ''}: a shared build machine), headless Chromium ${machine.chromium}, Node ${machine.node}, Broadsheet ${machine.commit}, served ${size.served ?? 'over HTTP/1.1'}, ${size.runs} run${size.runs === 1 ? '' : 's'}; the size took ${milliseconds(size.ms)}. Command: \`${size.command}\`.`;
}

/** The runs behind each median, for the reader who doubts one. */
function runsLine(size) {
  const parts = [];
  const list = (values) => values.map((v) => Math.round(v).toLocaleString('en')).join(', ');
  if (size.day?.days) parts.push(`one more day ${list(size.day.days.map((d) => d.ms))} ms (${size.day.days.map((d) => d.date).join(', ')})`);
  if (size.firstView?.cold?.runs) parts.push(`first headline cold ${list(size.firstView.cold.runs)} ms, cached ${list(size.firstView.cached.runs)} ms`);
  if (size.calendar?.runs) parts.push(`calendar ${list(size.calendar.runs)} ms (${size.calendar.dates.join(', ')}, from ${size.firstView?.newest})`);
  if (size.otherYear) parts.push(`the oldest year: select ${list(size.otherYear.calendarRuns)} ms, day ${list(size.otherYear.runs)} ms`);
  return parts.length ? `${sizeName(size.articles)}: ${parts.join('; ')}.` : '';
}

export function markdown(results) {
  const sizes = [...results.sizes].sort((a, b) => a.articles - b.articles);
  const parts = [
    '# A daily\'s archive: publishing it, and reading it on a phone',
    '',
    `Generated by \`${COMMAND}\` (bench/archive/run.mjs, bench/archive/report.mjs); do not edit. A run measures the sizes it is asked for (\`BENCH_ARCHIVE_SIZES=10000,100000,1000000 ${COMMAND}\`) and keeps the others from earlier runs, so each size says when and how it was measured:`,
    '',
    ...sizes.map((size) => `- ${machineLine(size)}`),
    '',
    'Archives of 海滨日报, a generated Chinese daily (examples/daily_archive.rs: 24 pages, about 275 articles a day). Bytes are counted in powers of 1000 (1 KB = 1000 B), as `broadsheet publish` prints them. The phone profile: CPU 4× slower, 10 Mbit/s down and up, 100 ms latency (Chromium DevTools emulation), a 360×640 viewport. The archive is served as CDNs serve static files (HTTPS with HTTP/2, gzip level 6) since the run that says so: over HTTP/1.1 a browser fetches six files at a time from a host, which made a query\'s dozens of small index files arrive in waves.',
    '',
    '## Figures',
    '',
    figuresTable(sizes),
    '',
    'The runs behind the medians: ' + sizes.map(runsLine).filter(Boolean).join(' '),
    '',
    '## Targets',
  ];
  for (const size of sizes) {
    parts.push('', `### ${sizeName(size.articles)} articles`, '', targetTable(targets(size)));
  }
  const across = acrossSizes(sizes);
  if (across.length) parts.push('', '### Across sizes', '', targetTable(across));
  parts.push('', '## How the figures are taken', '',
    '- **The archive**: `daily_archive` generates the asked number of articles plus 1,500, a month to a corpus file. Its last day, which the generator may cut short, is dropped; the five days before it are held back, each cut out of its month file into a corpus of its own (a small Node step). The whole archive is every other edition: about the asked number of articles.',
    '- **Publish the whole archive**: one `broadsheet publish build/site-N MONTH.json…` into an empty folder, its wall time from Node and its peak memory from GNU time (`/usr/bin/time -v`, maximum resident set size). **One more day**: then each held-back day published alone, in date order, the same way; the median of the five. Bytes written: the files the publish added, summed on disk, and the new `archive.json`; the edition\'s own files are what its calendar entry counts (`bytes`: its outline and page texts) and its story texts (the folder its outline names); the share is of every edition\'s files after that day. `broadsheet validate` checks the archive at the end.',
    `- **First headline**: headless Chromium at the phone profile opens a page holding \`<broadsheet-reader src="site/" offline="off">\` (no service worker: only the HTTP cache). The time is from navigation start to the first \`.bs-headline\` with a box on screen (a requestAnimationFrame check in the page). **Cold**: the first page of a fresh browser context. **Cached**: a second page in that context: the runtime (loader, glue, wasm) comes from the HTTP cache (served with \`max-age=3600\`), while the archive is served with \`Cache-Control: no-cache\` and no validators, so its files are fetched again, whole. The median of the runs.`,
    '- **Archive data before the first headline**: every `site/…` resource (Resource Timing) that ended before the first headline, its file raw and gzipped with Node\'s zlib at level 6, as a static host serves it. The test server gzips every response at level 6 too (runtime included), so the times are those of a host that compresses. JSON is served as `application/octet-stream`, which DevTools does not decode on the main thread (tools/serve.mjs). **Sequential requests**: the longest chain of those files each requested after the one before it had arrived (root, then outline: 2). **Where the time goes**: Navigation and Resource Timing: when the host page, the runtime\'s files (loader, glue, wasm), the root and the outline were requested and had arrived, from navigation start, in the median run; the runtime\'s bytes over the network (transferSize: 0 when all of it came from the HTTP cache).',
    '- **Another date from the calendar**: in the cached page, after its first headline: 往期回顾 opens the calendar, 上个月 shows the previous month, and the time is from the click on its middle day (the click event\'s time stamp) to that edition\'s first headline on screen. With more than one year, the year select\'s 年份 before is timed too: the change to its month\'s days, then a day\'s click to its headline.',
    '- **Saving a month**: one run in a fresh context at the phone profile, service workers blocked (the reader keeps archive files itself, in Cache Storage, gzipped by the browser\'s CompressionStream), on a page holding `<broadsheet-reader src="site/">` (offline on, the newest edition kept): after the first headline and that edition kept, `reader.saveOffline({ from, to })` for the whole month before the newest one, timed in the page; the raw bytes it resolves to; the growth of `navigator.storage.estimate().usage` across it, read at once and 2 s later (the later one is the stored figure); and the sum of the month\'s entries in the cache `broadsheet-archive-files` (its editions\' outlines and page texts, as stored). Against the month\'s page text: every `pages/YYYY/YYYY-MM-…` file gzipped with Node\'s zlib at level 6.',
    '- **One more day, a reader keeping 7 editions**: before the last held-back day is published, the site is copied (hard links, the root copied) and served from a folder of its own; a fresh context at the phone profile, service workers blocked, opens `<broadsheet-reader src="site/" offline-editions="7">` and waits until `offline()` lists 7 editions; the last day is then published into the copy, the page reloaded in the same context, and once `offline()` lists the new date every `site/` response of the reloaded page is summed (Resource Timing `encodedBodySize`: the body as transferred, gzipped at level 6 by the test server; `decodedBodySize` beside it). Against the new edition\'s files (its outline and page texts, which its calendar `bytes` counts raw) gzipped at level 6, as the server sends them. One run.',
    '- **Search the whole archive**: `examples/archive_truth.rs` draws 120 queries from the archive\'s own text (a story at random, a field of it, a run of one to four ideographs or word characters, or two terms of two; deterministic in its seed) and counts, by brute force over every story\'s normalized fields, how many stories match each. Every query is run by `broadsheet search build/site-N QUERY --limit 0` (a process each, reading the index files it needs) and its total compared. In the reader: one fresh cross-origin isolated context at the phone profile opens the archive, waits for its first headline, then types the queries one after another by the URL (`#/search/QUERY`); each is timed from the change to its **first screen** (the results view showing ten results of this query, or all there are: a first screen of the newest editions\' matches before the exact total, or the settled results) and to its **exact total** (the settled count), checked each animation frame; the `site/…` resources requested since the change and fetched by then are counted, each as its file gzipped at level 6. The first query also fetches the index file. The first 30 are timed at the phone profile, the rest run unthrottled; after the 50, renderer memory is measured as for reading. **Index size**: every file under `site/search/`, under `site/pages/` and under `site/stories/`, each gzipped at level 6.',
    '- **Renderer memory while reading**: one run in a fresh, cross-origin isolated context (COOP same-origin, COEP require-corp), not throttled: Chromium\'s `performance.measureUserAgentSpecificMemory()` on an empty page of the same origin, then the reader opens the newest edition, its first page, two articles on it and ten editions back by 上一期, and it is measured again. That figure (JS heaps and DOM) does not count a `WebAssembly.Memory` (checked: a 100 MB one added nothing, a 100 MB ArrayBuffer 100 MB), so the wasm linear memory\'s size is added, read from the instance the page created (a hook of `WebAssembly.instantiate*`): wasm memory never shrinks, so this is its high-water mark. Reading = after (JS, DOM and wasm) − empty. CDP\'s `Performance.getMetrics` JSHeapUsedSize and `Memory.getDOMCounters` nodes after reading are shown beside it.',
    '');
  return `${parts.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

async function writeAtomically(path, text) {
  const partial = `${path}.partial`;
  await writeFile(partial, text);
  await rename(partial, path);
}

/** Writes archive.json and archive.md from the results; returns the report. */
export async function writeReport(results, dir = RESULTS) {
  await mkdir(dir, { recursive: true });
  const text = markdown(results);
  await writeAtomically(join(dir, 'archive.json'), `${JSON.stringify(results, null, 2)}\n`);
  await writeAtomically(join(dir, 'archive.md'), text);
  return text;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] ?? join(RESULTS, 'archive.json');
  process.stdout.write(await writeReport(JSON.parse(await readFile(file, 'utf8'))));
  console.error(`rewrote ${join(RESULTS, 'archive.md')} from ${file}`);
}
