//! Ingest safety, driven through the real binary: concurrent ingests into
//! one corpus take turns and lose no page, and an ingest killed while it
//! writes leaves the previous corpus byte for byte, valid and unlocked.


use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use broadsheet::corpus;
use broadsheet_dev::zh_corpus;

const QINGDAO_P1: &str = "tests/fixtures/ingest/qingdao-p1.txt";
/// A date the generated corpus does not reach.
const NEW_DATE: &str = "2030-01-01";

/// Writes a generated corpus of `articles` articles to `dir/corpus.json`.
fn generated_corpus(dir: &Path, articles: usize) -> PathBuf {
    let seed = zh_corpus::seed_text().expect("the seed page in ../shared");
    let path = dir.join("corpus.json");
    std::fs::write(&path, corpus::to_json(&zh_corpus::generate(&seed, articles, 7))).unwrap();
    path
}

/// Starts `broadsheet ingest` of the Qingdao fixture as page `page` of
/// [`NEW_DATE`] into `corpus`.
fn start_ingest(corpus: &Path, page: u32) -> Child {
    Command::new(env!("CARGO_BIN_EXE_broadsheet"))
        .args(["ingest", "--date", NEW_DATE, "--page", &page.to_string(), "--publication", "青岛日报", QINGDAO_P1, "-o"])
        .arg(corpus)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn load(path: &Path) -> corpus::Corpus {
    corpus::load(&std::fs::read_to_string(path).unwrap()).expect("the corpus file is valid")
}

/// The page numbers of the [`NEW_DATE`] edition.
fn new_pages(corpus: &corpus::Corpus) -> Vec<u32> {
    let edition = corpus.editions.iter().find(|edition| edition.date == NEW_DATE);
    edition.map(|edition| edition.pages.iter().map(|page| page.number).collect()).unwrap_or_default()
}

#[test]
fn concurrent_ingests_into_one_corpus_keep_every_page() {
    let dir = tempfile::tempdir().unwrap();
    // Big enough that each ingest spends a while between reading the corpus
    // and replacing it, so that unguarded runs would overlap.
    let path = generated_corpus(dir.path(), 1500);
    let editions = load(&path).editions.len();
    let children: Vec<Child> = (1..=4).map(|page| start_ingest(&path, page)).collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    }
    let corpus = load(&path);
    assert_eq!(new_pages(&corpus), [1, 2, 3, 4], "every ingest's page is in the corpus");
    assert_eq!(corpus.editions.len(), editions + 1, "and every edition that was there before");
}

#[test]
fn an_ingest_killed_while_writing_leaves_the_previous_corpus() {
    let dir = tempfile::tempdir().unwrap();
    // About 11 MB: writing it and flushing it to disk takes long enough to
    // be caught in the act.
    let path = generated_corpus(dir.path(), 3000);
    let before = std::fs::read(&path).unwrap();
    let mut child = start_ingest(&path, 1);
    let started = Instant::now();
    let temporary = loop {
        let others: Vec<PathBuf> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|entry| *entry != path && *entry != broadsheet::cli::lock::lock_path(&path))
            .collect();
        if let Some(temporary) = others.into_iter().next() {
            child.kill().unwrap();
            break temporary;
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the ingest ended ({status}) before its write could be interrupted");
        }
        assert!(started.elapsed() < Duration::from_secs(60), "the ingest never started writing");
        std::thread::sleep(Duration::from_micros(500));
    };
    child.wait().unwrap();
    assert!(std::fs::read(&path).unwrap() == before, "the corpus file changed");
    assert!(new_pages(&load(&path)).is_empty());
    let name = temporary.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with(".corpus.json.") && name.ends_with(".tmp"), "{name}: the leftover names its corpus");

    // The killed process's lock died with it: the next ingest goes through.
    let output = start_ingest(&path, 1).wait_with_output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(new_pages(&load(&path)), [1]);
}

#[test]
fn a_folder_of_pages_named_in_chinese_ingests() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("pages");
    std::fs::create_dir(&pages).unwrap();
    std::fs::copy(QINGDAO_P1, pages.join("第1版.txt")).unwrap();
    std::fs::copy(QINGDAO_P1, pages.join("第二版.txt")).unwrap();
    let corpus = dir.path().join("corpus.json");
    let output = Command::new(env!("CARGO_BIN_EXE_broadsheet"))
        .args(["ingest", "--date", NEW_DATE, "--publication", "青岛日报"])
        .arg(&pages)
        .arg("-o")
        .arg(&corpus)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("第二版.txt: skipped, its name carries no page number"), "{stderr}");
    assert_eq!(new_pages(&load(&corpus)), [1]);
}
