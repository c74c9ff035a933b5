//! `broadsheet validate` on fixture corpora: every bad case is rejected with
//! a message naming the JSON path, and a good corpus passes.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::{json, Value};

fn fixture() -> Value {
    let text = std::fs::read_to_string("tests/fixtures/two-pages.json").unwrap();
    serde_json::from_str(&text).unwrap()
}

fn validate_text(text: &str) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("corpus.json");
    std::fs::write(&file, text).unwrap();
    validate_file(&file)
}

fn validate_file(file: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_broadsheet")).arg("validate").arg(file).output().unwrap()
}

/// Runs validate on `corpus` and returns its problem lines (without the file name).
fn problems(corpus: &Value) -> Vec<String> {
    let output = validate_text(&serde_json::to_string_pretty(corpus).unwrap());
    assert_eq!(output.status.code(), Some(1), "expected the corpus to be rejected: {output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    stdout.lines().map(|line| line.split_once("corpus.json").unwrap().1.trim_start_matches([':', ' ']).to_owned()).collect()
}

fn assert_problem(corpus: &Value, expected: &str) {
    let found = problems(corpus);
    assert!(found.iter().any(|line| line == expected), "expected {expected:?} among {found:#?}");
}

fn article(corpus: &mut Value, i: usize) -> &mut Value {
    &mut corpus["editions"][0]["articles"][i]
}

#[test]
fn a_good_corpus_passes() {
    let output = validate_file(Path::new("tests/fixtures/two-pages.json"));
    assert!(output.status.success(), "{output:?}");
    assert!(output.stdout.is_empty());
}

#[test]
fn the_bundled_corpus_passes() {
    let output = validate_file(Path::new("www/corpus.json"));
    assert!(output.status.success(), "{output:?}");
}

#[test]
fn a_json_syntax_error_gives_line_and_column() {
    let output = validate_text("{\n  \"format\": \"broadsheet-corpus\",\n  \"version\": 1,,\n}");
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("corpus.json:3:16: JSON syntax error"), "{stdout}");
}

#[test]
fn a_truncated_file_is_a_syntax_error() {
    let text = std::fs::read_to_string("tests/fixtures/two-pages.json").unwrap();
    let output = validate_text(&text[..text.len() / 2]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8(output.stdout).unwrap().contains("JSON syntax error: EOF while parsing"));
}

#[test]
fn wrong_types_are_reported_with_their_paths() {
    let mut corpus = fixture();
    corpus["editions"][0]["pages"][1]["number"] = json!("two");
    article(&mut corpus, 2)["headline"] = json!(42);
    article(&mut corpus, 2)["blocks"] = json!({});
    let found = problems(&corpus);
    assert!(found.contains(&"editions[0].pages[1].number: expected a page number (a positive integer), found a string".to_owned()), "{found:#?}");
    assert!(found.contains(&"editions[0].articles[2].headline: expected a string, found a number".to_owned()), "{found:#?}");
    assert!(found.contains(&"editions[0].articles[2].blocks: expected an array, found an object".to_owned()), "{found:#?}");
}

#[test]
fn missing_required_fields_are_each_reported() {
    let mut corpus = fixture();
    corpus["publication"].as_object_mut().unwrap().remove("lang");
    article(&mut corpus, 0).as_object_mut().unwrap().remove("id");
    corpus["editions"][0].as_object_mut().unwrap().remove("date");
    let found = problems(&corpus);
    for expected in ["publication.lang: missing required field", "editions[0].articles[0].id: missing required field", "editions[0].date: missing required field"] {
        assert!(found.contains(&expected.to_owned()), "{expected} not in {found:#?}");
    }
}

#[test]
fn a_newer_version_is_refused_naming_the_version_this_build_reads() {
    let mut corpus = fixture();
    corpus["version"] = json!(2);
    let found = problems(&corpus);
    assert_eq!(found.len(), 1);
    assert!(found[0].contains("format version 2") && found[0].contains("reads version 1"), "{found:?}");
}

#[test]
fn unknown_fields_are_ignored() {
    let mut corpus = fixture();
    corpus["generator"] = json!("a later tool");
    article(&mut corpus, 0)["reading_time"] = json!(3);
    let output = validate_text(&corpus.to_string());
    assert!(output.status.success(), "{output:?}");
}

#[test]
fn duplicate_article_ids_are_rejected() {
    let mut corpus = fixture();
    article(&mut corpus, 2)["id"] = json!("2024-09-12-p1-2");
    assert_problem(&corpus, "editions[0].articles[2].id: duplicate article id \"2024-09-12-p1-2\", first used by articles[1]");
}

#[test]
fn articles_on_unlisted_pages_are_rejected() {
    let mut corpus = fixture();
    article(&mut corpus, 2)["page"] = json!(7);
    assert_problem(&corpus, "editions[0].articles[2].page: page 7 is not listed in the pages of edition 2024-09-12");
}

#[test]
fn jumps_to_missing_articles_are_rejected() {
    let mut corpus = fixture();
    article(&mut corpus, 0)["continued_on"]["article"] = json!("x");
    assert_problem(&corpus, "editions[0].articles[0].continued_on.article: no article \"x\" in edition 2024-09-12");
}

#[test]
fn jumps_to_themselves_are_rejected() {
    let mut corpus = fixture();
    article(&mut corpus, 3)["continued_from"] = json!({ "page": 2, "article": "2024-09-12-p2-2" });
    assert_problem(&corpus, "editions[0].articles[3].continued_from.article: article \"2024-09-12-p2-2\" jumps to itself");
}

#[test]
fn a_jump_pair_must_point_back() {
    let mut corpus = fixture();
    article(&mut corpus, 3)["continued_from"] = json!({ "page": 1, "article": null });
    assert_problem(
        &corpus,
        "editions[0].articles[0].continued_on.article: article \"2024-09-12-p2-2\" does not point back: its continued_from names an unlinked jump, not \"2024-09-12-p1-1\"",
    );
}

#[test]
fn empty_articles_are_rejected() {
    let mut corpus = fixture();
    article(&mut corpus, 1)["headline"] = json!(null);
    article(&mut corpus, 1)["blocks"] = json!([{ "type": "paragraph", "text": "  " }]);
    assert_problem(&corpus, "editions[0].articles[1]: empty article: it has no headline and no text");
}

#[test]
fn image_sources_must_be_http_or_relative() {
    let mut corpus = fixture();
    article(&mut corpus, 2)["blocks"][2]["src"] = json!("javascript:alert(1)");
    assert_problem(&corpus, "editions[0].articles[2].blocks[2].src: image URL \"javascript:alert(1)\" is neither http(s) nor relative");
    article(&mut corpus, 2)["blocks"][2]["src"] = json!("images/expo.jpg");
    assert!(validate_text(&corpus.to_string()).status.success());
}

#[test]
fn every_problem_is_listed_not_just_the_first() {
    let mut corpus = fixture();
    article(&mut corpus, 2)["id"] = json!("2024-09-12-p1-2");
    article(&mut corpus, 0)["continued_on"]["article"] = json!("x");
    article(&mut corpus, 2)["blocks"][2]["src"] = json!("data:image/png;base64,AA");
    assert!(problems(&corpus).len() >= 3);
}

#[test]
fn an_unreadable_file_says_so() {
    let output = validate_file(Path::new("tests/fixtures/does-not-exist.json"));
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8(output.stderr).unwrap().contains("does-not-exist.json: cannot read the corpus"));
}
