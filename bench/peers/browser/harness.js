// The page side of the benchmark: loads one engine's adapter, chosen by
// `?engine=NAME&lang=TAG`, and gives the runner three timed or untimed
// calls on `window.bench`. Every adapter exports open({ lang }),
// top(query, limit) → [{ id, snippet }] and all(query) → [id]. Times are
// taken here, in the page, with performance.now() (the server sends the
// headers that make the page cross-origin isolated, so its resolution is
// fine enough for sub-millisecond queries).
const params = new URLSearchParams(location.search);
const adapter = await import(`./${params.get('engine')}.js`);
const lang = params.get('lang');
const TOP = 10;

window.bench = {
  /** Loading the engine and its index, then the first query: [ms, hits]. */
  async cold(query) {
    const start = performance.now();
    await adapter.open({ lang });
    const hits = await adapter.top(query, TOP);
    return [performance.now() - start, hits.length];
  },
  /** One query to its top ten with snippets: [ms, hits]. */
  async time(query) {
    const start = performance.now();
    const hits = await adapter.top(query, TOP);
    return [performance.now() - start, hits.length];
  },
  /** Every result's id, untimed, for recall and precision. */
  all: (query) => adapter.all(query),
};
window.benchReady = true;
