// The benchmark's own rules, checked: the JavaScript exactness rule folds and
// splits as Broadsheet documents it, continued fragments form one story, the
// fast truth scan agrees with the naive one, and judging counts stories.
//
//   node --test bench/peers/
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fragmentGroups, loadCorpus } from './corpus.mjs';
import { generateQueries } from './queries.mjs';
import { normalize, queryTerms } from './rule.mjs';
import { targets } from './report.mjs';
import { judge, percentile } from './score.mjs';
import { naiveTruth, Truth } from './truth.mjs';

const FIXTURE = new URL('../../tests/fixtures/two-pages.json', import.meta.url).pathname;
// What the four short articles of the fixture can give.
const SMALL_PLAN = { 'han-1': 5, 'han-2': 5, 'han-4': 5, 'han-8': 5, 'across-words': 5, 'two-terms': 5, traditional: 5 };

test('text folds full-width, case, Traditional and whitespace as the engine does', () => {
  assert.equal(normalize('ＣＯＶＩＤ－１９，２０２４年'), 'covid-19,2024年');
  assert.equal(normalize('上海合作組織 Summit'), '上海合作组织 summit');
  assert.equal(normalize('王\u3000\u3000萌 \t\n記者'), '王 萌 记者');
});

test('queries split on whitespace, quotes keep spaces, terms are distinct and never empty', () => {
  assert.deepEqual(queryTerms('上合  组织\u3000"New  York" times'), ['上合', '组织', 'new york', 'times']);
  assert.deepEqual(queryTerms('ab"c d"e "f g'), ['ab', 'c d', 'e', 'f g']);
  assert.deepEqual(queryTerms('組織 组织 ＯＫ ok "  " ""'), ['组织', 'ok']);
});

test('a continued article is one story headed by its first fragment, from either end', () => {
  const articles = [
    { id: 'tail', continued_from: { article: 'head' } },
    { id: 'alone' },
    { id: 'head', continued_on: { article: 'tail' } },
    { id: 'missing', continued_on: { article: null } },
  ];
  assert.deepEqual(fragmentGroups(articles), [[2, 0], [1], [3]]);
});

test('the truth finds terms in different fragments of one story, and never across units', () => {
  const corpus = loadCorpus(FIXTURE);
  const truth = new Truth(corpus.stories);
  // 张三 signs the page-1 fragment; 青岛力量 is in its continuation on page 2.
  assert.deepEqual(truth.find('張三 青島力量'), ['0/2024-09-12-p1-1']);
  // 实干家 ends a headline and 发展 opens the paragraph after it: no unit holds both.
  assert.deepEqual(truth.find('实干家发展'), []);
  for (const query of generateQueries(corpus, { seed: 1, plan: SMALL_PLAN })) {
    assert.deepEqual(truth.find(query.text), naiveTruth(corpus.stories, query.text), query.text);
  }
});

test('queries are the same every time, and each is found in the corpus', () => {
  const corpus = loadCorpus(FIXTURE);
  const first = generateQueries(corpus, { seed: 3, plan: SMALL_PLAN });
  assert.deepEqual(generateQueries(corpus, { seed: 3, plan: SMALL_PLAN }), first);
  assert.equal(first.length, 35);
  const truth = new Truth(corpus.stories);
  for (const query of first) assert.ok(truth.find(query.text).length > 0, query.text);
});

test('judging counts each true story, even when two share a label', () => {
  assert.deepEqual(judge(['a', 'b'], ['b', 'a']), { complete: true, exact: true, precision: 1 });
  assert.deepEqual(judge(['a', 'a'], ['a', 'x']), { complete: false, exact: false, precision: 0.5 });
  assert.deepEqual(judge(['a'], ['a', 'x']), { complete: true, exact: false, precision: 0.5 });
  assert.deepEqual(judge(['a'], []), { complete: false, exact: false, precision: null });
});

test('percentiles by nearest rank', () => {
  const values = Array.from({ length: 100 }, (_, i) => 100 - i);
  assert.equal(percentile(values, 50), 50);
  assert.equal(percentile(values, 95), 95);
  assert.equal(percentile([], 50), null);
});

test('targets hold Broadsheet to the best peer at each, and say which are met', () => {
  const engine = (name, p50, p95, cold, offlineBytes, exact) => ({
    name, label: name, p50, p95, cold: { ms: cold, bytes: cold * 1000 }, offlineBytes, recall: { exact, queries: 10 },
  });
  const corpus = { engines: [
    engine('broadsheet', 0.2, 1, 300, 100, 10),
    engine('broadsheet-archive', 0.4, 2, 150, 900, 10),
    engine('pagefind', 3, 30, 200, 400, 4),
    engine('flexsearch', 0.5, 1.5, 900, 300, 7),
    { ...engine('minisearch', null, null, null, 50, 0), pending: 'not in the browser' },
  ] };
  const byTarget = Object.fromEntries(targets(corpus).map((row) => [row.target.split(' ')[0], row]));
  assert.deepEqual(Object.keys(byTarget), ['every', 'p50', 'p95', 'cold', 'downloaded', 'offline']);
  assert.equal(byTarget.every.met, true);
  assert.equal(byTarget.every.peer, 'flexsearch 7 / 10');
  assert.deepEqual([byTarget.p50.peer, byTarget.p50.ratio, byTarget.p50.met], ['flexsearch 0.50 ms', 2.5, true]);
  assert.deepEqual([byTarget.p95.peer, byTarget.p95.met], ['flexsearch 1.5 ms', false]);
  assert.deepEqual([byTarget.cold.peer, byTarget.cold.met], ['pagefind 200 ms', false]);
  assert.deepEqual([byTarget.downloaded.peer, byTarget.downloaded.met], ['pagefind 195.3 KiB', false]);
  assert.deepEqual([byTarget.offline.ratio, byTarget.offline.met], [4, true]);
  // The archive is held to the peers, not to Broadsheet over the corpus file, and keeps no offline set of its own.
  const archive = Object.fromEntries(targets(corpus, 'broadsheet-archive').map((row) => [row.target.split(' ')[0], row]));
  assert.deepEqual(Object.keys(archive), ['every', 'p50', 'p95', 'cold', 'downloaded']);
  assert.deepEqual([archive.cold.peer, archive.cold.ratio, archive.cold.met], ['pagefind 200 ms', 200 / 150, false]);
});
