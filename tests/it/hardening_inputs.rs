//! Odd inputs through the CLI (`validate`, `index`, `search`, `ingest`):
//! each either works or fails with a message that says where and what, and
//! none panics. The huge ones (100 MB, 50,000 articles in one edition) are
//! in `hardening_huge.rs`, run by `make hardening`.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use broadsheet::corpus::{self, Article};
use serde_json::{json, Value};

fn broadsheet(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_broadsheet")).args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs the command, asserts it did not panic, and returns exit code,
/// stdout and stderr.
fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let output = broadsheet(args);
    let (stdout, stderr) = (text(&output.stdout), text(&output.stderr));
    assert!(!stderr.contains("panicked"), "{args:?} panicked: {stderr}");
    (output.status.code(), stdout, stderr)
}

/// Writes a corpus given as JSON, as a publisher's tool would.
fn write_corpus(dir: &Path, corpus: &Value) -> PathBuf {
    let path = dir.join("corpus.json");
    std::fs::write(&path, serde_json::to_string_pretty(corpus).unwrap()).unwrap();
    path
}

fn article(id: &str, page: u32, headline: Option<&str>, blocks: Value) -> Value {
    json!({ "id": id, "page": page, "headline": headline, "blocks": blocks })
}

fn edition(date: &str, pages: u32, articles: Vec<Value>) -> Value {
    let pages: Vec<Value> = (1..=pages).map(|number| json!({ "number": number })).collect();
    json!({ "date": date, "pages": pages, "articles": articles })
}

fn qingdao(editions: Vec<Value>) -> Value {
    json!({
        "format": "broadsheet-corpus",
        "version": 1,
        "publication": { "title": "青岛日报", "lang": "zh-CN" },
        "editions": editions,
    })
}

/// `validate`, `index`, then `search QUERY`: asserts all three succeed and
/// returns the search's stdout.
fn validate_index_search(corpus: &Path, query: &str) -> String {
    let corpus = corpus.to_str().unwrap();
    for args in [["validate", corpus], ["index", corpus]] {
        let (code, _, stderr) = run(&args);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
    }
    let (code, stdout, stderr) = run(&["search", corpus, query]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stderr.contains("index built in memory"), "the index written by `index` was used: {stderr}");
    stdout
}

#[test]
fn an_empty_corpus_validates_indexes_and_finds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_corpus(dir.path(), &qingdao(Vec::new()));
    assert!(validate_index_search(&path, "青岛").starts_with("0 matching articles"));
}

#[test]
fn an_empty_or_cut_short_file_is_refused_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.json");
    std::fs::write(&empty, "").unwrap();
    let (code, stdout, _) = run(&["validate", empty.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert!(stdout.contains("empty.json:1:1: JSON syntax error: EOF while parsing"), "{stdout}");

    // A download interrupted in the middle of a character.
    let fixture = std::fs::read("tests/fixtures/two-pages.json").unwrap();
    let cut = dir.path().join("cut.json");
    let inside_a_character = fixture.iter().position(|&byte| byte >= 0x80).unwrap() + 1;
    std::fs::write(&cut, &fixture[..inside_a_character]).unwrap();
    for command in ["validate", "index", "search"] {
        let mut args = vec![command, cut.to_str().unwrap()];
        if command == "search" {
            args.push("青岛");
        }
        let (code, _, stderr) = run(&args);
        assert_eq!(code, Some(1), "{command}: {stderr}");
        assert!(stderr.contains("cut.json:4:") && stderr.contains("not UTF-8 (byte 0xE9)"), "{command}: {stderr}");
    }
    let page = dir.path().join("page.txt");
    std::fs::write(&page, "青岛港。").unwrap();
    let (code, _, stderr) =
        run(&["ingest", "--date", "2024-09-12", "--page", "1", page.to_str().unwrap(), "-o", cut.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("not UTF-8") && stderr.contains("not written"), "{stderr}");
}

#[test]
fn a_corpus_of_only_figures_is_searched_by_its_captions() {
    let dir = tempfile::tempdir().unwrap();
    let figure = |caption: Option<&str>| {
        json!({ "type": "figure", "src": "img/harbour.jpg", "caption": caption, "credit": "刘栋" })
    };
    let mut corpus = qingdao(vec![edition(
        "2024-09-12",
        2,
        vec![
            article("a", 1, None, json!([figure(Some("国际友人参访青岛。"))])),
            article("b", 2, None, json!([figure(Some("港口夜景。")), figure(None)])),
        ],
    )]);
    let path = write_corpus(dir.path(), &corpus);
    let stdout = validate_index_search(&path, "参访");
    assert!(stdout.starts_with("1 matching articles") && stdout.contains("«参访»"), "{stdout}");

    // A figure with neither caption nor headline is an empty article: the
    // reader would show nothing to click.
    let articles = corpus["editions"][0]["articles"].as_array_mut().unwrap();
    articles.push(article("c", 2, None, json!([figure(None)])));
    let path = write_corpus(dir.path(), &corpus);
    let (code, stdout, _) = run(&["validate", path.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert!(stdout.contains("editions[0].articles[2]: empty article: it has no headline and no text"), "{stdout}");
}

#[test]
fn pages_and_editions_without_articles_are_valid_and_searchable() {
    let dir = tempfile::tempdir().unwrap();
    let text = json!([{ "type": "paragraph", "text": "青岛港吞吐量创新高。" }]);
    let corpus = qingdao(vec![
        edition("2024-09-12", 4, vec![article("a", 1, Some("港口"), text)]),
        edition("2024-09-13", 3, Vec::new()),
    ]);
    let path = write_corpus(dir.path(), &corpus);
    assert!(validate_index_search(&path, "吞吐量").starts_with("1 matching articles"));
    let (code, stdout, _) = run(&["search", path.to_str().unwrap(), "吞吐量", "--page", "3"]);
    assert_eq!((code, stdout.trim()), (Some(0), "0 matching articles"));
}

#[test]
fn long_punctuation_and_empty_queries_are_answered() {
    let corpus = "tests/fixtures/two-pages.json";
    let search = |query: &str| {
        let (code, stdout, stderr) = run(&["search", corpus, query, "--json"]);
        assert_eq!(code, Some(0), "{stderr}");
        let hits: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        (hits.as_array().unwrap().len(), stderr)
    };
    // Ten thousand characters: one long term, and 2,500 short ones.
    let long: String = "青岛港口".chars().cycle().take(10_000).collect();
    assert_eq!(search(&long).0, 0);
    let words: String = "青岛 ".chars().cycle().take(10_000).collect();
    assert_eq!(search(&words).0, search("青岛").0, "a repeated term counts once");
    let many: String = (0..2_500).map(|n| format!("{n:03} ")).collect();
    assert_eq!(search(&many).0, 0);
    // Punctuation is text: Ctrl-F finds it, so search does.
    assert_eq!(search("“国之重任”").0, 1);
    assert_eq!(search("!?!?…").0, 0);
    for nothing in ["", "   ", "\"", "\"\"", "\u{3000}\u{200B}"] {
        let (hits, stderr) = search(nothing);
        assert_eq!((hits, stderr.trim().lines().last()), (0, Some("0 matching articles")), "{nothing:?}");
    }
}

#[test]
fn odd_pages_are_ingested_or_refused_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.json");
    let ingest = |name: &str, bytes: &[u8]| {
        let page = dir.path().join(name);
        std::fs::write(&page, bytes).unwrap();
        let args = ["ingest", "--date", "2024-09-12", "--page", "1", "--publication", "青岛日报"];
        let mut args: Vec<&str> = args.to_vec();
        args.extend([page.to_str().unwrap(), "-o", corpus.to_str().unwrap()]);
        run(&args)
    };
    let (code, _, stderr) = ingest("empty.txt", b"");
    assert_eq!(code, Some(1));
    assert!(stderr.contains("empty.txt:1: the page has no text"), "{stderr}");
    let (code, _, stderr) = ingest("blank.txt", b"\n \n\t\n\x0c\n");
    assert_eq!(code, Some(1));
    assert!(stderr.contains("blank.txt:1: the page has no text"), "{stderr}");
    let (code, _, stderr) = ingest("binary.bin", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert_eq!(code, Some(1));
    assert!(stderr.contains("binary.bin:1: not UTF-8 text (byte 0x89)"), "{stderr}");
    assert!(!corpus.exists(), "nothing was written");

    let (code, _, stderr) = ingest("punctuation.txt", "。。。\n！？……\n——\n".as_bytes());
    assert_eq!(code, Some(0), "{stderr}");
    let loaded = corpus::load(&std::fs::read_to_string(&corpus).unwrap()).unwrap();
    let texts: String = loaded.editions[0]
        .articles
        .iter()
        .flat_map(|article| {
            let head = [&article.kicker, &article.headline, &article.deck, &article.byline];
            head.into_iter().flatten().map(String::as_str).chain(article.texts())
        })
        .collect();
    assert_eq!(texts.chars().filter(|c| !c.is_whitespace()).collect::<String>(), "。。。！？……——");
}

#[test]
fn a_page_of_one_two_megabyte_paragraph_is_ingested_indexed_and_searched() {
    let dir = tempfile::tempdir().unwrap();
    let sentence = "上合示范区建设六年多来，已搭建十大平台载体，";
    let mut paragraph: String = sentence.repeat(2 * 1024 * 1024 / sentence.len() + 1);
    paragraph.push_str("青岛港吞吐量创新高。");
    assert!(paragraph.len() > 2 * 1024 * 1024);
    let page = dir.path().join("page.txt");
    std::fs::write(&page, &paragraph).unwrap();
    let corpus = dir.path().join("corpus.json");
    let (code, _, stderr) = run(&[
        "ingest",
        "--date",
        "2024-09-12",
        "--page",
        "1",
        "--publication",
        "青岛日报",
        page.to_str().unwrap(),
        "-o",
        corpus.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    let loaded = corpus::load(&std::fs::read_to_string(&corpus).unwrap()).unwrap();
    let stored: usize = loaded.editions[0].articles.iter().flat_map(Article::texts).map(str::len).sum();
    assert!(stored >= paragraph.len() - 64, "the paragraph is kept whole ({stored} bytes)");
    let stdout = validate_index_search(&corpus, "吞吐量");
    assert!(stdout.starts_with("1 matching articles"), "{stdout}");
    let snippet = stdout.lines().find(|line| line.contains("«吞吐量»")).unwrap();
    assert!(snippet.chars().count() < 200, "a snippet is a passage, not the paragraph: {} chars", snippet.chars().count());
}

#[test]
fn output_cut_short_by_its_reader_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let empty = article("x", 1, None, json!([]));
    // Thousands of problems: more than a pipe holds before its reader stops.
    let path = write_corpus(dir.path(), &qingdao(vec![edition("2024-09-12", 1, vec![empty; 5_000])]));
    let mut child = Command::new(env!("CARGO_BIN_EXE_broadsheet"))
        .args(["validate", path.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    assert!(first.contains("editions[0].articles[1].id: duplicate article id"), "{first}");
    let output = child.wait_with_output().unwrap();
    let stderr = text(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.code(), Some(1), "still the exit code of an invalid corpus: {stderr}");
}

#[test]
fn nesting_no_corpus_needs_is_refused_and_a_lone_surrogate_is_read_as_a_replacement() {
    let dir = tempfile::tempdir().unwrap();
    // Nesting deeper than any corpus: refused before it can exhaust the stack.
    let deep = dir.path().join("deep.json");
    std::fs::write(&deep, "[".repeat(100_000)).unwrap();
    let (code, stdout, _) = run(&["validate", deep.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert!(stdout.contains("deep.json:1:") && stdout.contains("recursion limit exceeded"), "{stdout}");

    // Half of a surrogate pair, as a tool that cut a string between the
    // halves of an emoji leaves it: one character is lost, not the corpus.
    let fixture = std::fs::read_to_string("tests/fixtures/two-pages.json").unwrap();
    let lone = fixture.replacen("探索构建", "探索\\ud83d构建", 1);
    let path = dir.path().join("corpus.json");
    std::fs::write(&path, &lone).unwrap();
    let stdout = validate_index_search(&path, "探索\u{FFFD}构建");
    assert!(stdout.starts_with("1 matching articles") && stdout.contains("«探索\u{FFFD}构建»"), "{stdout}");
}
