// The archive benchmark's report: its targets say which are met, across
// sizes too, and its sizes read as `broadsheet publish` prints them.
//
//   node --test bench/archive/
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { acrossSizes, bytes, markdown, median, milliseconds, sizeName, targetTable, targets } from './report.mjs';

/** A size's results as bench/archive/run.mjs records them, with what `change` says. */
function measured(change = {}) {
  const day = (date, writtenBytes) => ({ date, ms: 40, written: { files: 27, bytes: writtenBytes }, editionBytes: 1_000_000, archiveBytes: 300_000_000 });
  return {
    articles: 100_000,
    publish: { ms: 60_000, peakBytes: 500e6, files: 9000 },
    day: { ms: 40, peakBytes: 20e6, writtenBytes: 1_050_000, editionBytes: 1_000_000, share: 0.0035,
      days: [day('2016-12-24', 1_050_000), day('2016-12-25', 1_060_000)] },
    firstView: { gzipBytes: 16_000, sequential: 2, files: 2, cold: { ms: 1400 }, cached: { ms: 900 } },
    calendar: { ms: 300 },
    memory: { reading: 20e6 },
    offline: {
      saveMonth: { month: '2016-01', editions: 31, ms: 20_000, rawBytes: 28e6, usageGrowth: 9e6, usageGrowthAtOnce: 9e6, keptBytes: 8.5e6, keptFiles: 775,
        gzipTextBytes: 8e6, rawTextBytes: 27e6, textFiles: 744 },
      keepingSeven: { date: '2016-02-10', files: 27, fetchedBytes: 320_000, fetchedRawBytes: 950_000, editionBytes: 900_000, editionFiles: 25, editionRawBytes: 900_000, editionGzipBytes: 280_000 },
    },
    search: {
      native: { queries: 120, exact: 120, wrong: [], ms: 30 },
      browser: { queries: 30, checked: 50, exact: 50, wrong: [], ms: { p50: 700, p95: 1500 }, gzipBytes: { p50: 90_000, p95: 400_000 },
        whole: { ms: { p50: 1_500, p95: 3_000 }, gzipBytes: { p50: 140_000, p95: 500_000 } },
        memory: { empty: 400_000, after: 3e6, wasm: 20e6, searching: 22.6e6, queries: 50 }, runs: [{ files: 12, sequential: 3 }] },
      indexGzip: 30e6, textGzip: 16e6,
    },
    ...change,
  };
}

/** The row whose figure starts with `start`. */
const row = (rows, start) => rows.find((r) => r.figure.startsWith(start));

test('every target is met by a size within all of them', () => {
  const rows = targets(measured());
  assert.equal(rows.length, 22);
  assert.deepEqual(rows.filter((row) => !row.met), []);
});

test('a target is missed by the figure beyond it, and by a figure not measured', () => {
  const rows = targets(measured({
    firstView: { gzipBytes: 41_000, sequential: 3, files: 3, cold: { ms: 1600 }, cached: { ms: 999 } },
    memory: undefined,
  }));
  assert.equal(row(rows, 'archive data before').met, false);
  assert.equal(row(rows, 'archive data before').measured, '41.0 KB');
  assert.equal(row(rows, 'sequential requests').met, false);
  assert.equal(row(rows, 'first headline, runtime cached').met, true);
  assert.equal(row(rows, 'first headline, cold').met, false);
  assert.equal(row(rows, 'renderer memory').met, false);
  assert.equal(row(rows, 'renderer memory').measured, '–');
  assert.equal(row(rows, 'whole archive').met, true);
});

test('search is held to every total exact, its times and bytes, and an index of at most twice the gzipped text', () => {
  const size = measured();
  size.search.browser.wrong = [{ query: '青岛', total: 3, found: 2 }];
  size.search.browser.exact = 49;
  size.search.browser.ms.p95 = 2_001;
  size.search.indexGzip = 32_000_001;
  size.search.browser.whole.gzipBytes.p50 = 150_001;
  const rows = targets(size);
  assert.equal(row(rows, 'search in the reader: totals').met, false);
  assert.equal(row(rows, 'search in the reader: totals').measured, '49 / 50');
  assert.equal(row(rows, 'search: totals').met, true);
  assert.equal(rows.filter((r) => r.figure === '… p95')[0].met, false, 'the first screen at p95');
  assert.equal(rows.filter((r) => r.figure === '… p95')[1].met, true, 'bytes at p95');
  assert.equal(row(rows, '… by the exact total').met, false, 'bytes by the exact total at p50');
  assert.equal(rows.filter((r) => r.figure === '… p95')[2].met, true, 'bytes by the exact total at p95');
  assert.equal(row(rows, 'the whole search index').met, false);
  assert.match(row(rows, 'the whole search index').measured, /\(2\.00× the page text gzipped\)$/);
  assert.equal(row(targets(measured({ search: undefined })), 'search: totals').met, false, 'not measured, not met');
});

test('one more day is held to its own edition plus 1 % of the archive, on every day', () => {
  const within = measured();
  // 1,000,000 + 1 % of 300,000,000 = 4,000,000 bytes.
  within.day.days[1].written.bytes = 4_000_000;
  const bound = row(targets(within), 'bytes one more day');
  assert.equal(bound.met, true);
  assert.match(bound.target, /= 4\.0 MB$/);
  within.day.days[1].written.bytes = 4_000_001;
  assert.equal(row(targets(within), 'bytes one more day').met, false);
});

test('a saved month takes at most 1.5× its page text gzipped, as the storage usage grew (else its kept entries)', () => {
  const size = measured();
  const save = size.offline.saveMonth;
  save.usageGrowth = 12e6;
  let saved = row(targets(size), 'saving a month');
  assert.equal(saved.met, true);
  assert.equal(saved.measured, '12.0 MB (1.50×)');
  assert.match(saved.target, /8\.0 MB = 12\.0 MB$/);
  save.usageGrowth = 12e6 + 1;
  assert.equal(row(targets(size), 'saving a month').met, false);
  save.usageGrowth = undefined;
  saved = row(targets(size), 'saving a month');
  assert.equal(saved.measured, '8.5 MB (1.06×)', 'the kept entries when usage was not read');
  assert.equal(saved.met, true);
  const unmeasured = row(targets(measured({ offline: undefined })), 'saving a month');
  assert.deepEqual([unmeasured.measured, unmeasured.met], ['–', false]);
});

test('one more day for a reader keeping 7 editions fetches at most its edition gzipped + 100 KB', () => {
  const size = measured();
  size.offline.keepingSeven.fetchedBytes = 380_000;
  const day = row(targets(size), 'one more day, a reader keeping 7');
  assert.equal(day.met, true);
  assert.match(day.target, /280\.0 KB \(gzipped\) \+ 100\.0 KB = 380\.0 KB$/);
  size.offline.keepingSeven.fetchedBytes = 380_001;
  assert.equal(row(targets(size), 'one more day, a reader keeping 7').met, false);
  assert.equal(row(targets(measured({ offline: {} })), 'one more day, a reader keeping 7').met, false);
});

test('the first view must be the same at every size', () => {
  const size = (articles, gzipBytes, sequential) => measured({ articles, firstView: { gzipBytes, sequential, cold: { ms: 1 }, cached: { ms: 1 } } });
  assert.deepEqual(acrossSizes([size(10_000, 15_000, 2)]), []);
  const same = acrossSizes([size(10_000, 15_000, 2), size(1_000_000, 16_000, 2)]);
  assert.deepEqual(same.map((row) => row.met), [true, true]);
  assert.match(same[0].figure, /\(10k, 1M\)/);
  const grown = acrossSizes([size(10_000, 15_000, 2), size(1_000_000, 17_000, 3)]);
  assert.deepEqual(grown.map((row) => row.met), [false, false]);
});

test('the table marks a missed target in bold', () => {
  const table = targetTable([{ figure: 'a', measured: '1 ms', target: '≤ 2 ms', met: true }, { figure: 'b', measured: '3 ms', target: '≤ 2 ms', met: false }]);
  assert.deepEqual(table.split('\n').slice(2), ['| a | 1 ms | ≤ 2 ms | yes |', '| b | 3 ms | ≤ 2 ms | **no** |']);
});

test('sizes, times and medians read as the CLI and the other reports write them', () => {
  assert.deepEqual([bytes(812), bytes(40_300), bytes(349_500_000), bytes(4e9)], ['812 B', '40.3 KB', '349.5 MB', '4.0 GB']);
  assert.deepEqual([milliseconds(14.2), milliseconds(12_345), milliseconds(900_000), milliseconds(200_000)], ['14 ms', '12.3 s', '15 min', '3 min 20 s']);
  assert.deepEqual([sizeName(10_000), sizeName(100_000), sizeName(1_000_000), sizeName(12_345)], ['10k', '100k', '1M', '12345']);
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2);
  assert.equal(median([]), null);
});

test('the report holds a targets table per size', () => {
  const machine = { date: '2026-12-07', cpu: 'cpu', cores: 2, load: [1, 1, 1], chromium: '1', node: 'v20', commit: 'abc' };
  const text = markdown({ sizes: [
    { ...measured({ articles: 100_000 }), machine, command: 'make bench-archive', runs: 3, ms: 1000 },
    { ...measured({ articles: 10_000 }), machine, command: 'make bench-archive', runs: 3, ms: 1000 },
  ] });
  assert.ok(text.indexOf('### 10k articles') < text.indexOf('### 100k articles'), 'smallest first');
  assert.match(text, /### Across sizes/);
  assert.match(text, /\| figure \| 10k articles \| 100k articles \|/);
  assert.match(text, /\| … stored ÷ gzipped text: usage growth; kept entries \| 1\.13×; 1\.06× \| 1\.13×; 1\.06× \|/);
});
