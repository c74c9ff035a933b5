//! Search benchmarks: index build time, index size against the gzipped
//! corpus, the cold start (decoding the stored index and deriving its text
//! index, then the first query), and query latency, p50 and p95, for 1-,
//! 2-, 4- and 8-character and multi-word queries, on the generated 10,000
//! article Chinese corpus and, when `build/chronam.json` exists, on the
//! English chronam pages.
//!
//! ```sh
//! cargo bench --bench search
//! ```
//!
//! Criterion measures build, decode and the mean query of each set; the
//! percentiles (each query timed alone, the median of several runs) and the
//! sizes are printed as `figure:` lines.

use std::hint::black_box;
use std::io::Write;
use std::time::{Duration, Instant};

use broadsheet::corpus::{self, Corpus};
use broadsheet::search::{corpus_hash, Index, Query};
use broadsheet_dev::{queries, zh_corpus};
use criterion::{criterion_group, criterion_main, Criterion};

const ZH_ARTICLES: usize = 10_000;
const CHRONAM: &str = "build/chronam.json";

fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).expect("gzip into memory");
    encoder.finish().expect("gzip into memory").len()
}

/// p50 and p95 over queries of each query's median time (of 5 runs).
fn percentiles(index: &Index, corpus: &Corpus, queries: &[Query]) -> (Duration, Duration, f64) {
    let mut times: Vec<Duration> = Vec::new();
    let mut found = 0usize;
    for query in queries {
        let mut runs: Vec<Duration> = (0..5)
            .map(|_| {
                let started = Instant::now();
                let results = black_box(index.search(corpus, query, 10));
                let elapsed = started.elapsed();
                found += results.total;
                elapsed
            })
            .collect();
        runs.sort_unstable();
        times.push(runs[2]);
    }
    times.sort_unstable();
    let at = |share: f64| times[((times.len() as f64 * share) as usize).min(times.len() - 1)];
    (at(0.5), at(0.95), found as f64 / 5.0 / queries.len() as f64)
}

fn figure(name: &str, value: impl std::fmt::Display) {
    println!("figure: {name}: {value}");
}

fn bench_corpus(c: &mut Criterion, name: &str, json: &str, query_sets: Vec<(String, Vec<String>)>) {
    let corpus = corpus::load(json).expect("the benchmark corpus is valid");
    let hash = corpus_hash(json.as_bytes());
    let started = Instant::now();
    let index = Index::build(&corpus);
    figure(&format!("{name} build once"), format!("{:.0} ms", started.elapsed().as_secs_f64() * 1e3));
    let bytes = index.encode(hash);
    let (corpus_gz, index_gz) = (gzip_len(json.as_bytes()), gzip_len(&bytes));
    figure(&format!("{name} articles"), corpus.editions.iter().map(|e| e.articles.len()).sum::<usize>());
    figure(&format!("{name} corpus"), format!("{} bytes, {corpus_gz} gzipped", json.len()));
    figure(&format!("{name} index"), format!("{} bytes, {index_gz} gzipped", bytes.len()));
    figure(&format!("{name} index gz / corpus gz"), format!("{:.2}", index_gz as f64 / corpus_gz as f64));
    figure(&format!("{name} index in memory"), format!("{} bytes", index.heap_bytes()));
    let first_query = Query::parse(query_sets.first().and_then(|(_, texts)| texts.first()).map_or("", String::as_str));
    let cold = (0..5)
        .map(|_| {
            let started = Instant::now();
            let opened = Index::decode(&bytes, hash).expect("fresh index");
            black_box(opened.search(&corpus, &first_query, 10));
            started.elapsed()
        })
        .min()
        .unwrap_or_default();
    figure(&format!("{name} cold first query (decode, derive, search; best of 5)"), format!("{:.0} ms", cold.as_secs_f64() * 1e3));

    let mut group = c.benchmark_group(name);
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    group.bench_function("build", |b| b.iter(|| black_box(Index::build(&corpus))));
    group.bench_function("open (decode and derive)", |b| {
        b.iter(|| {
            let opened = Index::decode(&bytes, hash).expect("fresh index");
            opened.prepare(&corpus);
            black_box(opened)
        })
    });
    for (set, texts) in &query_sets {
        let queries: Vec<Query> = texts.iter().map(|text| Query::parse(text)).collect();
        let (p50, p95, mean_total) = percentiles(&index, &corpus, &queries);
        figure(
            &format!("{name} query {set}"),
            format!("p50 {:.1} µs, p95 {:.1} µs, {mean_total:.0} matches on average", p50.as_secs_f64() * 1e6, p95.as_secs_f64() * 1e6),
        );
        let mut next = 0;
        group.bench_function(format!("query {set}"), |b| {
            b.iter(|| {
                next = (next + 1) % queries.len();
                black_box(index.search(&corpus, &queries[next], 10))
            })
        });
    }
    group.finish();
}

fn chinese(c: &mut Criterion) {
    let seed = zh_corpus::seed_text().expect("the seed page ../shared/seed is present");
    let corpus = zh_corpus::generate(&seed, ZH_ARTICLES, 1);
    let json = corpus::to_json(&corpus);
    bench_corpus(c, "zh-10k", &json, queries::chinese(&corpus));
}

fn english(c: &mut Criterion) {
    let Ok(json) = std::fs::read_to_string(CHRONAM) else {
        eprintln!("{CHRONAM} is absent: skipping the English benchmarks");
        return;
    };
    let Ok(corpus) = corpus::load(&json) else {
        eprintln!("{CHRONAM} is not a valid corpus: skipping the English benchmarks");
        return;
    };
    bench_corpus(c, "chronam", &json, queries::english(&corpus));
}

criterion_group!(benches, chinese, english);
criterion_main!(benches);
