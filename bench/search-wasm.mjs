// The search engine in wasm, timed in Node's V8 (the engine of Chromium):
// the wasm module `examples/search_wasm.rs` builds, as the widget's release
// profile does, run on the benchmark corpora. Prints, per corpus: building
// the index, opening a stored one (decode, then derive the text index),
// the cold first query (open and search), the wasm heap, and p50 / p95
// over the query sets of `bench/search.rs` (each query timed alone, the
// median of 5 runs). A measurement, not a test.
//
//   cargo run --release --example zh_corpus -- 10000 build/zh-10k.json
//   cargo build --target wasm32-unknown-unknown --profile widget --example search_wasm
//   wasm-bindgen --target web --out-dir build/search-wasm \
//     target/wasm32-unknown-unknown/widget/examples/search_wasm.wasm
//   cargo run --release --bin broadsheet -- index build/zh-10k.json   # build/zh-10k.index
//   node bench/search-wasm.mjs [build/zh-10k.json] [build/chronam.json]
//
// The cold first query is timed first, in wasm memory that has only held
// the parsed corpus, as in the widget, which opens search on the corpus it
// has just read: from the index file `broadsheet index` wrote beside the
// corpus, when there is one.
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { initSync, SearchBench } from '../build/search-wasm/search_wasm.js';

initSync({ module: readFileSync(new URL('../build/search-wasm/search_wasm_bg.wasm', import.meta.url)) });
const corpora = process.argv.length > 2 ? process.argv.slice(2) : ['build/zh-10k.json', 'build/chronam.json'];

const ms = (value) => `${value.toFixed(1)} ms`;
const us = (value) => `${(value * 1000).toFixed(0)} µs`;

function time(run) {
  const started = performance.now();
  const result = run();
  return [performance.now() - started, result];
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

for (const file of corpora.filter((file) => existsSync(file))) {
  const json = readFileSync(file, 'utf8');
  const [loading, bench] = time(() => new SearchBench(json, file.includes('chronam')));
  console.log(`${file}: corpus parsed in ${ms(loading)} (not part of the figures below)`);
  const indexFile = file.replace(/\.json$/, '.index');
  const firstQuery = bench.query_text(0, 0);
  if (existsSync(indexFile)) {
    const stored = readFileSync(indexFile);
    const [cold] = time(() => bench.open_and_search(stored, firstQuery));
    const how = bench.accepts(stored) ? `from ${indexFile}` : `built, ${indexFile} refused`;
    console.log(`  cold first query "${firstQuery}" (${how}): ${ms(cold)}`);
  }
  const builds = [];
  let stored;
  for (let run = 0; run < 5; run += 1) {
    const [took, bytes] = time(() => bench.build());
    builds.push(took);
    stored = bytes;
  }
  const opens = [];
  for (let run = 0; run < 5; run += 1) {
    opens.push(time(() => bench.open(stored))[0]);
  }
  console.log(`  build ${ms(median(builds))} (first ${ms(builds[0])}), index file ${stored.length} bytes`);
  console.log(`  open again (decode, derive) ${ms(median(opens))}`);
  console.log(`  index in wasm memory ${(bench.heap_bytes() / 1e6).toFixed(1)} MB`);
  const names = bench.set_names();
  for (let set = 0; set < names.length; set += 1) {
    const times = [];
    for (let i = 0; i < bench.set_len(set); i += 1) {
      const runs = [];
      for (let run = 0; run < 5; run += 1) runs.push(time(() => bench.search(set, i))[0]);
      times.push(median(runs));
    }
    times.sort((a, b) => a - b);
    const at = (share) => times[Math.min(times.length - 1, Math.floor(times.length * share))];
    console.log(`  query ${names[set]}: p50 ${us(at(0.5))}, p95 ${us(at(0.95))}`);
  }
}
