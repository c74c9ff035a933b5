//! `broadsheet index` and `broadsheet search` driven as a user runs them.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn broadsheet(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_broadsheet")).args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A temporary directory holding a copy of the two-page fixture.
fn corpus_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.json");
    std::fs::copy("tests/fixtures/two-pages.json", &corpus).unwrap();
    (dir, corpus)
}

fn search_json(corpus: &Path, args: &[&str]) -> (Vec<Value>, String) {
    let mut all = vec!["search", corpus.to_str().unwrap()];
    all.extend_from_slice(args);
    all.push("--json");
    let output = broadsheet(&all);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    (serde_json::from_slice(&output.stdout).unwrap(), text(&output.stderr))
}

fn articles(hits: &[Value]) -> Vec<&str> {
    hits.iter().map(|hit| hit["article"].as_str().unwrap()).collect()
}

#[test]
fn index_writes_the_index_beside_the_corpus_and_search_uses_it() {
    let (_dir, corpus) = corpus_copy();
    let output = broadsheet(&["index", corpus.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let index = corpus.with_extension("index");
    assert!(std::fs::read(&index).unwrap().starts_with(b"BRDSIDX\0"));
    let (hits, stderr) = search_json(&corpus, &["上合組織"]);
    assert_eq!(articles(&hits), ["2024-09-12-p2-1"]);
    assert_eq!(stderr.trim(), "1 matching articles");
}

#[test]
fn a_stale_index_is_reported_and_ignored() {
    let (_dir, corpus) = corpus_copy();
    assert_eq!(broadsheet(&["index", corpus.to_str().unwrap()]).status.code(), Some(0));
    let changed = std::fs::read_to_string(&corpus).unwrap().replace("万物竞秀", "万物新生");
    std::fs::write(&corpus, changed).unwrap();
    let (hits, stderr) = search_json(&corpus, &["万物新生"]);
    assert_eq!(articles(&hits), ["2024-09-12-p2-1"]);
    assert!(stderr.contains("built from another corpus"), "{stderr}");
}

#[test]
fn json_hits_have_the_documented_shape() {
    let (_dir, corpus) = corpus_copy();
    let (hits, _) = search_json(&corpus, &["能源"]);
    assert_eq!(articles(&hits), ["2024-09-12-p1-1"], "continued fragments are one hit");
    let hit = hits[0].as_object().unwrap();
    let mut keys: Vec<&str> = hit.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["article", "date", "headline", "page", "publication", "score", "snippets"]);
    assert!(hit["publication"].as_str().is_some_and(|title| !title.is_empty()), "{hit:?}");
    let snippet = &hit["snippets"][0];
    assert!(snippet["text"].is_string() && snippet["highlights"][0].as_array().unwrap().len() == 2);
}

#[test]
fn limit_and_filters_narrow_the_hits() {
    let (_dir, corpus) = corpus_copy();
    let (all, _) = search_json(&corpus, &["青岛"]);
    assert!(all.len() >= 2, "{all:?}");
    let (limited, stderr) = search_json(&corpus, &["青岛", "--limit", "1"]);
    assert_eq!((limited.len(), stderr.trim().to_owned()), (1, format!("{} matching articles", all.len())));
    let (on_page_one, _) = search_json(&corpus, &["能源", "--page", "2"]);
    assert_eq!(articles(&on_page_one), ["2024-09-12-p1-1"]);
    let (later, _) = search_json(&corpus, &["青岛", "--from", "2024-09-13"]);
    assert!(later.is_empty());
    let (in_range, _) = search_json(&corpus, &["青岛", "--from", "2024-09-12", "--to", "2024-09-12"]);
    assert_eq!(in_range.len(), all.len());
}

#[test]
fn plain_output_marks_hits() {
    let (_dir, corpus) = corpus_copy();
    let output = broadsheet(&["search", corpus.to_str().unwrap(), "国之重任"]);
    let stdout = text(&output.stdout);
    assert!(stdout.starts_with("1 matching articles"), "{stdout}");
    assert!(stdout.contains("«国之重任»"), "{stdout}");
}

#[test]
fn bad_dates_and_bad_corpora_are_refused() {
    let (dir, corpus) = corpus_copy();
    let output = broadsheet(&["search", corpus.to_str().unwrap(), "青岛", "--from", "12.9.2024"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("YYYY-MM-DD"));
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{\"format\": \"broadsheet-corpus\"}").unwrap();
    let output = broadsheet(&["index", broken.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("broadsheet validate"), "{}", text(&output.stderr));
    assert!(!broken.with_extension("index").exists());
    let output = broadsheet(&["search", dir.path().join("missing.json").to_str().unwrap(), "x"]);
    assert_eq!(output.status.code(), Some(2));
}
