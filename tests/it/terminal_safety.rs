//! The CLI prints hostile corpus and input text inert for a terminal: escape
//! sequences, BEL, C1 controls and bidi overrides show as escapes in the
//! human-readable output, and `--json` keeps the exact text.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::{json, Value};

/// Clears the screen, writes the clipboard (OSC 52, ended by BEL), sets the
/// window title, starts a C1 CSI sequence and overrides the direction.
const HOSTILE: &str = "\u{1b}[2J\u{1b}]52;c;cm0gLXJmIH4=\u{7}\u{1b}]0;owned\u{1b}\\ \u{9b}31m \u{202E}txt.exe";
/// How each hostile character must appear in human-readable output.
const SHOWN: [&str; 5] = ["\\u{1b}[2J", "\\u{1b}]52;c;cm0gLXJmIH4=\\u{7}", "\\u{1b}]0;owned\\u{1b}\\", "\\u{9b}31m", "\\u{202e}txt.exe"];

fn headline() -> String {
    format!("Harbour reopens {HOSTILE}")
}

/// Short enough to be its own snippet, so that none of it is cut.
fn paragraph() -> String {
    format!("Harbour:\n{HOSTILE}")
}

fn hostile_id() -> String {
    format!("a\u{7}{}", '\u{202E}')
}

/// A valid one-article corpus whose id, headline and paragraph are hostile.
fn corpus() -> Value {
    json!({
        "format": "broadsheet-corpus", "version": 1,
        "publication": { "title": "The Evening Star", "lang": "en" },
        "editions": [{
            "date": "2024-09-12",
            "pages": [{ "number": 1, "label": null }],
            "articles": [{
                "id": hostile_id(), "page": 1, "kicker": null, "headline": headline(), "deck": null, "byline": null,
                "blocks": [{ "type": "paragraph", "text": paragraph() }],
                "continued_from": null, "continued_on": null
            }]
        }]
    })
}

fn broadsheet(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_broadsheet")).args(args).output().unwrap()
}

fn write_corpus(dir: &Path, corpus: &Value) -> String {
    let file = dir.join("corpus.json");
    std::fs::write(&file, serde_json::to_string_pretty(corpus).unwrap()).unwrap();
    file.to_str().unwrap().to_owned()
}

/// A control or bidi control character in `text` other than the line breaks
/// between printed lines.
fn raw_control(text: &str) -> Option<char> {
    text.chars().find(|&c| c != '\n' && (c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')))
}

fn assert_inert(output: &str, what: &str) {
    assert_eq!(raw_control(output), None, "{what} holds a raw control character: {output:?}");
}

#[test]
fn search_shows_hostile_headline_paragraph_and_id_as_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = write_corpus(dir.path(), &corpus());
    let output = broadsheet(&["search", &corpus, "harbour"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_inert(&stdout, "search output");
    assert!(stdout.starts_with("1 matching articles\n"), "{stdout}");
    assert!(stdout.contains("  a\\u{7}\\u{202e}  (score"), "the id: {stdout}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 6, "count, blank, hit, headline, a snippet of the headline and the paragraph: {stdout}");
    let headline = lines[3];
    assert!(headline.starts_with("  Harbour reopens "), "{stdout}");
    let snippet = lines[5];
    assert!(snippet.starts_with("    «Harbour»:\\n"), "the paragraph's newline is shown, not broken: {stdout}");
    for shown in SHOWN {
        assert!(headline.contains(shown), "the headline lacks {shown}: {headline}");
        assert!(snippet.contains(shown), "the snippet lacks {shown}: {snippet}");
    }
}

#[test]
fn search_json_keeps_the_exact_text() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = write_corpus(dir.path(), &corpus());
    let output = broadsheet(&["search", &corpus, "harbour", "--json"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(!stdout.contains('\u{1b}') && !stdout.contains('\u{7}') && !stdout.contains('\u{9b}'), "{stdout:?}");
    assert!(stdout.contains("\\u001b[2J") && stdout.contains("\\u009b31m"), "JSON escapes control characters: {stdout}");
    assert!(stdout.contains('\u{202E}'), "and keeps bidi controls: {stdout:?}");
    let hits: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(hits[0]["headline"], headline());
    assert_eq!(hits[0]["article"], hostile_id());
    let snippets: Vec<&Value> = hits[0]["snippets"].as_array().unwrap().iter().map(|snippet| &snippet["text"]).collect();
    assert_eq!(snippets, [&Value::from(headline()), &Value::from(paragraph())], "short texts are their own snippets");
}

#[test]
fn validate_quotes_a_hostile_value_as_escapes_on_one_line() {
    let mut corpus = corpus();
    // A jump to an article that does not exist, named with a sequence and
    // a newline that would forge a second problem line.
    let missing = "x\u{1b}]0;owned\u{7}\ncorpus.json: everything is fine";
    corpus["editions"][0]["articles"][0]["continued_on"] = json!({ "page": 1, "article": missing });
    let dir = tempfile::tempdir().unwrap();
    let file = write_corpus(dir.path(), &corpus);
    let output = broadsheet(&["validate", &file]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_inert(&stdout, "validate output");
    assert_eq!(stdout.lines().count(), 1, "one problem, one line: {stdout}");
    assert!(
        stdout.contains(r#"no article "x\u{1b}]0;owned\u{7}\ncorpus.json: everything is fine""#),
        "{stdout}"
    );
    // The search and index commands list the same problems on stderr.
    let stderr = String::from_utf8(broadsheet(&["index", &file]).stderr).unwrap();
    assert_inert(&stderr, "index messages");
    assert!(stderr.contains(r#"x\u{1b}]0;owned\u{7}\n"#), "{stderr}");
}

#[test]
fn ingest_quotes_a_hostile_manifest_cell_and_file_name_as_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = dir.path().join("pages.tsv");
    std::fs::write(&manifest, "file\tdate\tpage\tpublication\tlang\np.txt\t2024-09-12\t\u{1b}]52;c;eA==\u{7}\tX\ten\n")
        .unwrap();
    let output_file = dir.path().join("corpus.json");
    let output = broadsheet(&["ingest", "--manifest", manifest.to_str().unwrap(), "-o", output_file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_inert(&stderr, "ingest messages");
    assert!(stderr.contains(r#"page "\u{1b}]52;c;eA==\u{7}" is not a page number"#), "{stderr}");

    // A folder whose page file names carry a sequence: one is skipped, and
    // named as such.
    let folder = dir.path().join("pages");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("01.txt"), "Harbour reopens\n\nThe harbour reopened at dawn.\n").unwrap();
    std::fs::write(folder.join("notes\u{1b}[H\u{7}\u{202E}.txt"), "not a page").unwrap();
    let output = broadsheet(&[
        "ingest",
        folder.to_str().unwrap(),
        "--date",
        "2024-09-12",
        "--publication",
        "The Evening Star",
        "-o",
        output_file.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_inert(&stderr, "ingest messages");
    assert!(stderr.contains("notes\\u{1b}[H\\u{7}\\u{202e}.txt: skipped"), "{stderr}");
}
