//! Queries for the archive search benchmark, each with its truth: how many
//! stories match it by brute force, under the exactness rule of
//! `src/search/mod.rs` (every term a substring of the normalized text of
//! one field of one of a story's fragments; continued fragments are one
//! story). `bench/archive/run.mjs` checks every search against it.
//!
//! ```sh
//! cargo run --release --example archive_truth -- --queries 120 --seed 7 build/archive-10000/archive/*.json … > queries.json
//! ```
//!
//! Queries are pieces of the corpora's own text, as a reader would type
//! them: a story is drawn at random, then a field of it, then a run of
//! words or ideographs: one character (1 in 20), two (8 in 20), three (6 in
//! 20), four (3 in 20), or two terms of two characters from two fields (2
//! in 20). The corpora are read twice, one file at a time: to draw, then
//! to count. Deterministic in the seed.

use std::collections::BTreeMap;

use broadsheet::corpus::{self, Corpus};
use broadsheet::search::{fragment_groups, is_ideograph, is_word_char, normalize, units};
use broadsheet::search::Query;

/// A story's fields, normalized, all fragments together.
fn stories(corpus: &Corpus) -> impl Iterator<Item = Vec<String>> + '_ {
    corpus.editions.iter().flat_map(|edition| {
        fragment_groups(edition).into_iter().map(move |group| {
            group.iter().flat_map(|&a| units(&edition.articles[a]).into_iter().map(|(_, text)| normalize(text))).collect()
        })
    })
}

fn read(file: &str) -> Corpus {
    let text = std::fs::read_to_string(file).unwrap_or_else(|error| panic!("{file}: {error}"));
    corpus::load(&text).unwrap_or_else(|error| panic!("{file}: {error}"))
}

/// A small deterministic generator (SplitMix64).
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A run of `len` word characters or ideographs of `field`, if it has one.
fn piece(field: &str, len: usize, draw: &mut Draw) -> Option<String> {
    let chars: Vec<char> = field.chars().collect();
    let usable = |c: char| is_ideograph(c) || is_word_char(c);
    let starts: Vec<usize> = (0..chars.len().saturating_sub(len - 1)).filter(|&s| chars[s..s + len].iter().all(|&c| usable(c))).collect();
    let start = *starts.get(draw.below(starts.len()))?;
    Some(chars[start..start + len].iter().collect())
}

fn query_of(story: &[String], kind: usize, draw: &mut Draw) -> Option<String> {
    let mut field = || story.get(draw.below(story.len())).cloned().unwrap_or_default();
    match kind {
        0 => piece(&field(), 1, draw),
        1..=8 => piece(&field(), 2, draw),
        9..=14 => piece(&field(), 3, draw),
        15..=17 => piece(&field(), 4, draw),
        _ => {
            let (first, second) = (field(), field());
            Some(format!("{} {}", piece(&first, 2, draw)?, piece(&second, 2, draw)?))
        }
    }
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut option = |name: &str, default: u64| -> u64 {
        match args.iter().position(|arg| arg == name) {
            Some(at) => {
                let value = args.remove(at + 1);
                args.remove(at);
                value.parse().unwrap_or_else(|_| panic!("{name} takes a number"))
            }
            None => default,
        }
    };
    let wanted = option("--queries", 120) as usize;
    let mut draw = Draw(option("--seed", 7));
    let files = args;
    assert!(!files.is_empty(), "usage: archive_truth [--queries N] [--seed S] CORPUS.json…");

    let total: usize = files.iter().map(|file| stories(&read(file)).count()).sum();
    let mut chosen: BTreeMap<usize, usize> = BTreeMap::new();
    for kind in 0..wanted * 4 {
        chosen.insert(draw.below(total), kind % 20);
    }
    let mut queries: Vec<String> = Vec::new();
    let mut seen = 0;
    for file in &files {
        for story in stories(&read(file)) {
            if let Some(&kind) = chosen.get(&seen) {
                if let Some(query) = query_of(&story, kind, &mut draw).filter(|query| !queries.contains(query)) {
                    queries.push(query);
                }
            }
            seen += 1;
        }
    }
    queries.truncate(wanted);
    assert!(queries.len() == wanted, "only {} queries could be drawn from {total} stories", queries.len());

    let terms: Vec<Vec<String>> = queries.iter().map(|query| Query::parse(query).terms().iter().map(|term| term.text()).collect()).collect();
    let mut counts = vec![0usize; queries.len()];
    for file in &files {
        for story in stories(&read(file)) {
            for (count, terms) in counts.iter_mut().zip(&terms) {
                if terms.iter().all(|term| story.iter().any(|field| field.contains(term.as_str()))) {
                    *count += 1;
                }
            }
        }
    }
    let truth: Vec<serde_json::Value> =
        queries.iter().zip(&counts).map(|(query, total)| serde_json::json!({ "query": query, "total": total })).collect();
    println!("{}", serde_json::to_string_pretty(&truth).expect("JSON"));
    eprintln!("{} queries over {total} stories", queries.len());
}
