//! Huge inputs through the CLI, each within a stated bound of peak memory
//! (max RSS, measured by GNU time) and time: a 100 MB corpus and an edition
//! of 50,000 articles are validated, indexed, searched (also with a
//! 10,000-character query and with one of punctuation) and ingested into;
//! a 100 MB corpus cut in half is refused with its position; two pages of
//! 5,000 jumps each link. The bounds are those docs/security.md states, as a
//! multiple of the corpus file's size.
//!
//! Minutes of work and gigabytes of memory, so ignored by `cargo test`;
//! `make hardening` runs them on the release build, one at a time, and
//! prints every measurement.


use std::ffi::OsStr;
use std::path::Path;
use std::process::Command;

use broadsheet::corpus::{self, Corpus, Edition};
use broadsheet_dev::zh_corpus;

/// What a run of the CLI took.
struct Measured {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    seconds: f64,
    peak_mb: f64,
}

/// Runs `broadsheet ARGS` under `/usr/bin/time` and prints what it took.
fn measured<S: AsRef<OsStr>>(args: &[S]) -> Measured {
    let report = tempfile::NamedTempFile::new().unwrap();
    let output = Command::new("/usr/bin/time")
        .args([OsStr::new("-f"), OsStr::new("%e %M"), OsStr::new("-o"), report.path().as_os_str()])
        .arg(env!("CARGO_BIN_EXE_broadsheet"))
        .args(args)
        .output()
        .expect("GNU time at /usr/bin/time (`make hardening` installs it)");
    let report = std::fs::read_to_string(report.path()).unwrap();
    let mut fields = report.split_whitespace().rev().take(2);
    let peak_kb: f64 = fields.next().and_then(|kb| kb.parse().ok()).expect("max RSS in the report");
    let seconds: f64 = fields.next().and_then(|s| s.parse().ok()).expect("seconds in the report");
    let run = Measured {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        seconds,
        peak_mb: peak_kb / 1024.0,
    };
    let shown: Vec<String> =
        args.iter().map(|arg| arg.as_ref().to_string_lossy().chars().take(40).collect()).collect();
    eprintln!("broadsheet {}: exit {:?}, {:.2} s, peak {:.0} MB", shown.join(" "), run.code, run.seconds, run.peak_mb);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}

/// Asserts a successful run within `factor` × the corpus size (+ 32 MB for
/// the program itself) and `seconds`.
fn within(run: &Measured, corpus_mb: f64, factor: f64, seconds: f64) {
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let bound = factor * corpus_mb + 32.0;
    assert!(run.peak_mb <= bound, "peak {:.0} MB over the bound of {bound:.0} MB ({factor}× the corpus)", run.peak_mb);
    assert!(run.seconds <= seconds, "{:.1} s, over {seconds} s", run.seconds);
}

fn write(path: &Path, corpus: &Corpus) -> f64 {
    let json = corpus::to_json(corpus);
    std::fs::write(path, &json).unwrap();
    let mb = json.len() as f64 / (1024.0 * 1024.0);
    eprintln!("{}: {mb:.0} MB, {} editions", path.display(), corpus.editions.len());
    mb
}

fn generated(articles: usize) -> Corpus {
    let seed = zh_corpus::seed_text().expect("the seed page in ../shared");
    zh_corpus::generate(&seed, articles, 1)
}

/// Validate, index, search three ways, and ingest a page into `path`; the
/// factors are the bounds docs/security.md states. Sizes are in MiB (`MB` for short).
fn every_command_within_bounds(path: &Path, corpus_mb: f64, date: &str) {
    let corpus = path.as_os_str();
    within(&measured(&[OsStr::new("validate"), corpus]), corpus_mb, 6.0, 30.0);
    within(&measured(&[OsStr::new("index"), corpus]), corpus_mb, 10.0, 60.0);
    let long: String = "青岛港口集装箱".chars().cycle().take(10_000).collect();
    for query in ["青岛", long.as_str(), "。，、！？"] {
        let run = measured(&[OsStr::new("search"), corpus, OsStr::new(query), OsStr::new("--limit"), OsStr::new("3")]);
        within(&run, corpus_mb, 7.0, 30.0);
        assert!(!run.stderr.contains("in memory"), "the index file was used: {}", run.stderr);
        assert!(run.stdout.contains("matching articles"));
    }
    let page = "tests/fixtures/ingest/qingdao-p1.txt";
    let args = ["ingest", "--date", date, "--page", "9", "--publication", "青岛日报", page, "-o"];
    let mut args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
    args.push(corpus);
    within(&measured(&args), corpus_mb, 8.0, 60.0);
    assert_eq!(measured(&[OsStr::new("validate"), corpus]).code, Some(0));
}

#[test]
#[ignore = "minutes and gigabytes: run by `make hardening`"]
fn a_100_mb_corpus_within_bounds() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corpus.json");
    let corpus_mb = write(&path, &generated(29_500));
    assert!(corpus_mb >= 100.0, "{corpus_mb:.0} MB");
    every_command_within_bounds(&path, corpus_mb, "2030-01-01");

    // The same file cut in half, as an interrupted download leaves it.
    let bytes = std::fs::read(&path).unwrap();
    let cut = dir.path().join("cut.json");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let run = measured(&[OsStr::new("validate"), cut.as_os_str()]);
    assert_eq!(run.code, Some(1));
    let problems = format!("{}{}", run.stdout, run.stderr);
    let located = problems.contains("EOF while parsing") || problems.contains("not UTF-8");
    assert!(problems.contains("cut.json:") && located, "{problems}");
}

#[test]
#[ignore = "minutes and gigabytes: run by `make hardening`"]
fn an_edition_of_50_000_articles_within_bounds() {
    let dir = tempfile::tempdir().unwrap();
    let mut corpus = generated(50_000);
    // One edition: the generated ones, each article cut to its first block
    // (about 40 MB in all), under the first date. Ids carry their own date,
    // so they stay unique; jumps stay between the same articles.
    let editions = std::mem::take(&mut corpus.editions);
    let date = editions[0].date.clone();
    let pages = editions[0].pages.clone();
    let mut articles: Vec<_> = editions.into_iter().flat_map(|edition: Edition| edition.articles).collect();
    for article in &mut articles {
        article.blocks.truncate(1);
    }
    assert!(articles.len() >= 50_000);
    corpus.editions.push(Edition { date: date.clone(), publication: None, pages, articles });
    let path = dir.path().join("corpus.json");
    let corpus_mb = write(&path, &corpus);
    every_command_within_bounds(&path, corpus_mb, &date);
}

#[test]
#[ignore = "minutes and gigabytes: run by `make hardening`"]
fn pages_of_5000_jumps_each_link_within_bounds() {
    let dir = tempfile::tempdir().unwrap();
    let front: String = (0..5_000).map(|n| format!("标题{n}\n\n第{n}篇文章。（下转第二版）\n\n")).collect();
    let inside: String = (0..5_000).map(|n| format!("续{n}\n（上接第一版）续文{n}。\n\n")).collect();
    let corpus = dir.path().join("corpus.json");
    for (page, text) in [("1", front), ("2", inside)] {
        let file = dir.path().join(format!("{page}.txt"));
        std::fs::write(&file, text).unwrap();
        let args = ["ingest", "--date", "2024-09-12", "--page", page, "--publication", "青岛日报"];
        let mut args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
        args.extend([file.as_os_str(), OsStr::new("-o"), corpus.as_os_str()]);
        let run = measured(&args);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        // Every jump of one page is compared with every jump of the other:
        // 8.7 s when each comparison folded both headlines anew.
        assert!(run.seconds <= 3.0 && run.peak_mb <= 128.0, "{:.1} s, {:.0} MB", run.seconds, run.peak_mb);
        assert!(page == "1" || run.stderr.contains("10000 jumps linked, 0 jumps waiting"), "{}", run.stderr);
    }
}
