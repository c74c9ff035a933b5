//! `broadsheet ingest` driven as a publisher drives it: the bundled corpus is
//! the seed page regenerated, pages link in whichever order they arrive,
//! re-ingesting replaces, a failure leaves the corpus untouched and names
//! the file and line, and the 1916 archive loads from a manifest in seconds.

use std::path::Path;
use std::process::{Command, Output};
use std::time::Instant;

use broadsheet::corpus::{self, Corpus, Edition};

const SEED: &str = "../shared/seed/000_866a33b537f54303.txt";
const CHRONAM: &str = "../shared/corpora/chronam-1916";
const QINGDAO_P1: &str = "tests/fixtures/ingest/qingdao-p1.txt";

/// The arguments that make `www/corpus.json` from the seed page.
const BUNDLED: [&str; 9] =
    ["--date", "2024-09-12", "--page", "2", "--publication", "青岛日报", "--lang", "zh-CN", SEED];

fn ingest(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_broadsheet")).arg("ingest").args(args).output().unwrap()
}

fn ingest_ok(args: &[&str]) {
    let output = ingest(args);
    assert!(output.status.success(), "ingest {args:?} failed: {}", String::from_utf8_lossy(&output.stderr));
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn load(path: &Path) -> Corpus {
    corpus::load(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn edition(corpus: &Corpus) -> &Edition {
    assert_eq!(corpus.editions.len(), 1);
    &corpus.editions[0]
}

/// `(from, to)` article ids of every linked `continued_on` jump.
fn links(edition: &Edition) -> Vec<(String, String)> {
    edition
        .articles
        .iter()
        .filter_map(|article| {
            let to = article.continued_on.as_ref()?.article.clone()?;
            Some((article.id.clone(), to))
        })
        .collect()
}

/// Ingests `file` as page `page` of the 2024-09-12 edition of 青岛日报.
fn ingest_qingdao(out: &str, page: &str, file: &str) {
    ingest_ok(&["--date", "2024-09-12", "--page", page, "--publication", "青岛日报", file, "-o", out]);
}

fn path(dir: &Path, name: &str) -> String {
    dir.join(name).to_str().unwrap().to_owned()
}

#[test]
fn the_bundled_corpus_is_the_seed_page_ingested() {
    let dir = tempfile::tempdir().unwrap();
    let out = path(dir.path(), "corpus.json");
    ingest_ok(&[BUNDLED.as_slice(), &["-o", &out]].concat());
    let fresh = std::fs::read_to_string(&out).unwrap();
    let committed = std::fs::read_to_string("www/corpus.json").unwrap();
    assert!(
        fresh == committed,
        "www/corpus.json is not what the ingest makes of the seed page; regenerate it with:\n  \
         rm -f www/corpus.json && cargo run --bin broadsheet -- ingest {} -o www/corpus.json",
        BUNDLED.join(" ")
    );
}

#[test]
fn chinese_pages_link_by_headline_then_order_whichever_comes_first() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (path(dir.path(), "p1-first.json"), path(dir.path(), "p2-first.json"));
    for (out, pages) in [(&first, [("1", QINGDAO_P1), ("2", SEED)]), (&second, [("2", SEED), ("1", QINGDAO_P1)])] {
        for (page, file) in pages {
            ingest_qingdao(out, page, file);
        }
    }
    let text = std::fs::read_to_string(&first).unwrap();
    assert_eq!(text, std::fs::read_to_string(&second).unwrap(), "the ingest order changed the corpus");
    let corpus = load(Path::new(&first));
    let edition = edition(&corpus);
    // Page 1 prints 探索构建… first, but its continuation is the second
    // fragment on page 2: the repeated headline links them, the order the rest.
    assert_eq!(
        links(edition),
        [
            ("2024-09-12-p1-1".to_owned(), "2024-09-12-p2-3".to_owned()),
            ("2024-09-12-p1-2".to_owned(), "2024-09-12-p2-2".to_owned()),
            ("2024-09-12-p1-4".to_owned(), "2024-09-12-p2-4".to_owned()),
        ]
    );
    let labels: Vec<Option<&str>> = edition.pages.iter().map(|page| page.label.as_deref()).collect();
    assert_eq!(labels, [Some("第一版"), Some("第二版")]);
}

#[test]
fn english_jumps_link_to_labelled_pages_in_any_order() {
    let dir = tempfile::tempdir().unwrap();
    let page = |name: &str| format!("tests/fixtures/ingest/evening-star-{name}.txt");
    let pages = [("1", None, page("p1")), ("2", None, page("p2")), ("6", Some("A6"), page("a6"))];
    let mut outputs = Vec::new();
    for order in [[0, 1, 2], [2, 1, 0], [1, 2, 0]] {
        let out = path(dir.path(), &format!("{order:?}.json"));
        for index in order {
            let (number, label, file) = &pages[index];
            let mut args = vec!["--date", "1916-01-04", "--page", number, "--publication", "The Evening Star"];
            if let Some(label) = label {
                args.extend(["--label", label]);
            }
            args.extend([file.as_str(), "-o", &out]);
            ingest_ok(&args);
        }
        outputs.push(std::fs::read_to_string(&out).unwrap());
    }
    assert!(outputs.iter().all(|text| text == &outputs[0]), "the ingest order changed the corpus");
    let corpus = corpus::load(&outputs[0]).unwrap();
    let edition = edition(&corpus);
    assert_eq!(corpus.publication.lang, "en");
    let budget = edition.article("1916-01-04-p1-1").unwrap();
    let jump = budget.continued_on.as_ref().unwrap();
    assert_eq!(
        (jump.page, jump.label.as_deref(), jump.article.as_deref()),
        (None, Some("A6"), Some("1916-01-04-p6-1"))
    );
    assert_eq!(
        links(edition),
        [
            ("1916-01-04-p1-1".to_owned(), "1916-01-04-p6-1".to_owned()),
            ("1916-01-04-p1-2".to_owned(), "1916-01-04-p2-2".to_owned()),
        ]
    );
}

#[test]
fn re_ingesting_a_page_replaces_it_and_relinks() {
    let dir = tempfile::tempdir().unwrap();
    let out = path(dir.path(), "corpus.json");
    ingest_qingdao(&out, "1", QINGDAO_P1);
    ingest_qingdao(&out, "2", SEED);
    let original = std::fs::read_to_string(&out).unwrap();

    // A corrected page 2 that lost its last fragment.
    let seed = std::fs::read_to_string(SEED).unwrap();
    let cut = seed.rfind("（上接第一版）长远利益").unwrap();
    let shorter = path(dir.path(), "page-2.txt");
    std::fs::write(&shorter, &seed[..cut]).unwrap();
    // The corpus's publication is the default.
    ingest_ok(&["--date", "2024-09-12", "--page", "2", &shorter, "-o", &out]);
    let corpus = load(Path::new(&out));
    let edition = edition(&corpus);
    assert_eq!(edition.articles_on(2).count(), 3, "page 2 was added again instead of replaced");
    assert_eq!(edition.pages.len(), 2);
    let commentary = edition.article("2024-09-12-p1-4").unwrap();
    let jump = commentary.continued_on.as_ref().unwrap();
    assert_eq!((jump.page, jump.article.as_deref()), (Some(2), None), "a jump to a replaced fragment must wait again");

    ingest_qingdao(&out, "2", SEED);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), original);
}

#[test]
fn a_failed_ingest_leaves_the_corpus_untouched_and_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = path(dir.path(), "corpus.json");
    ingest_qingdao(&out, "2", SEED);
    let before = std::fs::read(&out).unwrap();

    let pages = dir.path().join("pages");
    std::fs::create_dir(&pages).unwrap();
    std::fs::copy(QINGDAO_P1, pages.join("01.txt")).unwrap();
    // A page exported as GBK: 青岛 in its third line.
    std::fs::write(pages.join("02.txt"), [b"2024\n\nGBK ".as_slice(), b"\xC7\xE0\xB5\xBA\n"].concat()).unwrap();
    let output = ingest(&["--date", "2024-09-12", pages.to_str().unwrap(), "-o", &out]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    let expected = format!("{}:3: not UTF-8 text (byte 0xC7)", pages.join("02.txt").display());
    assert!(message.contains(&expected), "expected {expected:?} in {message}");
    assert!(message.contains("not written"), "{message}");
    assert_eq!(std::fs::read(&out).unwrap(), before, "the corpus changed although the ingest failed");
    let mut left: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned()).collect();
    left.sort();
    assert_eq!(left, ["corpus.json", "corpus.json.lock", "pages"], "temporary files left behind");

    std::fs::write(pages.join("02.txt"), "第一行\n第二行\0\n").unwrap();
    let message = stderr(&ingest(&["--date", "2024-09-12", pages.to_str().unwrap(), "-o", &out]));
    assert!(message.contains("02.txt:2: a NUL byte"), "{message}");
    assert_eq!(std::fs::read(&out).unwrap(), before);
}

#[test]
fn an_invalid_existing_corpus_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let out = path(dir.path(), "corpus.json");
    std::fs::write(&out, "{ \"format\": \"broadsheet-corpus\" }").unwrap();
    let output = ingest(&["--date", "2024-09-12", "--page", "2", SEED, "-o", &out]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("the existing corpus is not valid"), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "{ \"format\": \"broadsheet-corpus\" }");
}

#[test]
fn a_folder_is_read_page_by_page_from_the_file_names() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("2024-09-12");
    std::fs::create_dir(&pages).unwrap();
    std::fs::copy(QINGDAO_P1, pages.join("page-1.txt")).unwrap();
    std::fs::copy(SEED, pages.join("page-2.txt")).unwrap();
    std::fs::write(pages.join("notes.txt"), "校对：张三\n").unwrap();
    let out = path(dir.path(), "corpus.json");
    let output = ingest(&["--date", "2024-09-12", "--publication", "青岛日报", pages.to_str().unwrap(), "-o", &out]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("notes.txt: skipped, its name carries no page number"), "{}", stderr(&output));
    let corpus = load(Path::new(&out));
    let edition = edition(&corpus);
    assert_eq!(edition.pages.iter().map(|page| page.number).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(links(edition).len(), 3);
    assert_eq!(corpus.publication.lang, "zh-CN", "the language is detected from the text");
}

#[test]
fn a_new_corpus_needs_its_publication() {
    let dir = tempfile::tempdir().unwrap();
    let out = path(dir.path(), "corpus.json");
    let output = ingest(&["--date", "2024-09-12", "--page", "2", SEED, "-o", &out]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("give --publication"), "{}", stderr(&output));
    assert!(!Path::new(&out).exists());
}

#[test]
fn the_1916_archive_loads_from_one_manifest_in_seconds() {
    if !Path::new(CHRONAM).is_dir() {
        eprintln!("skipped: {CHRONAM} is not there, so the 1916 archive cannot be ingested");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let manifest = dir.path().join("chronam.tsv");
    let status = Command::new("tests/support/chronam-manifest.sh").arg(CHRONAM).arg(&manifest).status().unwrap();
    assert!(status.success());
    let out = path(dir.path(), "chronam.json");
    let started = Instant::now();
    let manifest = manifest.to_str().unwrap();
    let args =
        ["--manifest", manifest, "--corpus-title", "Chronicling America, 1916", "--corpus-lang", "en", "-o", &out];
    ingest_ok(&args);
    let elapsed = started.elapsed();
    eprintln!("ingested the 1916 archive in {elapsed:.2?}");
    assert!(elapsed.as_secs() < 60, "ingesting the archive took {elapsed:.2?}");

    let corpus = load(Path::new(&out));
    assert_eq!(
        (corpus.publication.title.as_str(), corpus.publication.lang.as_str()),
        ("Chronicling America, 1916", "en")
    );
    let files = std::fs::read_dir(format!("{CHRONAM}/dates"))
        .unwrap()
        .map(|day| std::fs::read_dir(day.unwrap().path()).unwrap().count())
        .sum::<usize>();
    assert_eq!(corpus.editions.len(), files, "one edition per paper and day");
    let titles = std::fs::read_to_string(format!("{CHRONAM}/titles.tsv")).unwrap();
    let omaha = corpus
        .editions
        .iter()
        .find(|edition| edition.date == "1916-01-01" && corpus.publication_of(edition).title == "Omaha daily bee.");
    assert!(
        titles.contains("\tOmaha daily bee.\t") && omaha.is_some(),
        "editions carry their paper's title from titles.tsv"
    );
    assert!(corpus
        .editions
        .iter()
        .all(|edition| edition.publication.as_ref().is_some_and(|publication| publication.lang == "en")));

    // Ingesting the same manifest again replaces every page: nothing doubles.
    ingest_ok(&args);
    assert_eq!(load(Path::new(&out)), corpus);
}

#[test]
fn the_corpus_publication_names_a_new_corpus_and_must_match_an_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = path(dir.path(), "corpus.json");
    let corpus_flags = ["--corpus-title", "青岛日报", "--corpus-lang", "zh-CN"];
    ingest_ok(&[["--date", "2024-09-12", "--page", "2", SEED, "-o", &out].as_slice(), &corpus_flags].concat());
    let corpus = load(Path::new(&out));
    assert_eq!(corpus.publication.title, "青岛日报");
    assert_eq!(edition(&corpus).publication, None, "a page of the corpus's own paper does not repeat it");

    let before = std::fs::read(&out).unwrap();
    let other = ["--corpus-title", "Chronicling America, 1916", "--corpus-lang", "en"];
    let output = ingest(&[["--date", "2024-09-12", "--page", "1", QINGDAO_P1, "-o", &out].as_slice(), &other].concat());
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("the corpus is already \"青岛日报\" (zh-CN)"), "{}", stderr(&output));
    assert_eq!(std::fs::read(&out).unwrap(), before);
}

/// The summary says which Chinese pages lacked the blank-line layout, so
/// that their article boundaries were guessed, and names no other.
#[test]
fn the_summary_names_the_pages_whose_boundaries_were_guessed() {
    let dir = tempfile::tempdir().unwrap();
    let out = path(dir.path(), "corpus.json");
    let laid_out = "tests/fixtures/dailies/renmin-2024-01-31-p1.txt";
    let unbroken = "tests/fixtures/dailies/renmin-2024-06-03-p1-no-blank-lines.txt";
    let read = ingest(&["--date", "2024-01-31", "--page", "1", "--publication", "人民日报", laid_out, "-o", &out]);
    assert!(read.status.success(), "{}", stderr(&read));
    assert!(!stderr(&read).contains("guessed"), "{}", stderr(&read));
    let guessed = ingest(&["--date", "2024-06-03", "--page", "1", unbroken, "-o", &out]);
    assert!(guessed.status.success(), "{}", stderr(&guessed));
    let said = stderr(&guessed);
    assert!(said.contains(&format!("{unbroken}: no blank-line layout")) && said.contains("guessed"), "{said}");
    assert!(said.contains("ingested 1 page"), "{said}");
}
