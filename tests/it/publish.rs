//! `broadsheet publish` and `broadsheet validate SITE`, driven through the
//! real binary: what an archive holds, what a publish writes, replaces and
//! refuses, what validate finds wrong, pruning, two publishes at once and a
//! publish killed at any moment.


use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use broadsheet::archive::index_files::SearchIndex;
use broadsheet::archive::{self, Calendar, EditionFile, Root};
use broadsheet::corpus::{self, Corpus};
use broadsheet_dev::zh_corpus;

const TWO_PAGES: &str = "tests/fixtures/two-pages.json";
const TWO_PAPERS: &str = "tests/fixtures/reader.json";

fn broadsheet(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_broadsheet")).args(args).output().unwrap()
}

fn publish(site: &Path, corpora: &[&Path]) -> Output {
    let mut args = vec![Path::new("publish"), site];
    args.extend(corpora);
    broadsheet(&args)
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn succeeded(output: Output) -> String {
    assert!(output.status.success(), "{}{}", String::from_utf8_lossy(&output.stdout), stderr(&output));
    stderr(&output)
}

fn validate(site: &Path) -> Output {
    broadsheet(&[Path::new("validate"), site])
}

fn root(site: &Path) -> Root {
    Root::decode(&std::fs::read_to_string(site.join("archive.json")).unwrap()).unwrap()
}

fn read<T>(site: &Path, name: &str, decode: fn(&str) -> Result<T, archive::ArchiveError>) -> T {
    decode(&std::fs::read_to_string(site.join(name)).unwrap()).unwrap()
}

/// Every file of the folder with its bytes, the lock file aside.
fn tree(folder: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![folder.to_owned()];
    while let Some(path) = pending.pop() {
        for entry in std::fs::read_dir(&path).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if !path.ends_with(".broadsheet.lock") {
                files.insert(path.strip_prefix(folder).unwrap().to_owned(), std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

/// Writes `corpus` as a file in `dir`.
fn corpus_file(dir: &Path, name: &str, corpus: &Corpus) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, corpus::to_json(corpus)).unwrap();
    path
}

/// A generated corpus of `articles` articles, 48 an edition, one a day
/// from 2024-01-01.
fn generated(articles: usize) -> Corpus {
    zh_corpus::generate(&zh_corpus::seed_text().expect("the seed page in ../shared"), articles, 11)
}

#[test]
fn a_published_archive_names_every_file_by_its_hash_and_validates() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let summary = succeeded(publish(&site, &[Path::new(TWO_PAPERS)]));
    assert!(summary.contains("青岛日报: added 1 edition (2024-09-12)"), "{summary}");
    assert!(summary.contains("The Evening Star: added 1 edition (2024-09-12)"), "{summary}");
    assert!(summary.contains("the archive holds 2 publications, 2 editions, 8 articles"), "{summary}");

    let root = root(&site);
    assert_eq!(root.publications.iter().map(|p| p.title.as_str()).collect::<Vec<_>>(), ["青岛日报", "The Evening Star"]);
    let source = corpus::load(&std::fs::read_to_string(TWO_PAPERS).unwrap()).unwrap();
    for (entry, edition) in root.publications.iter().zip(&source.editions) {
        let calendar = read(&site, &entry.years[0].calendar, Calendar::decode);
        assert_eq!(calendar.editions, std::slice::from_ref(&entry.newest), "the root names the newest edition directly");
        let file = read(&site, &entry.newest.edition, EditionFile::decode);
        let mut whole = archive::assemble_outline(&file);
        for page in &file.pages {
            let bytes = std::fs::read(site.join(&page.text)).unwrap();
            assert!(archive::address::matches_name(&page.text, &bytes), "{}", page.text);
            let text = corpus::load(std::str::from_utf8(&bytes).unwrap()).expect("a page text is a corpus");
            archive::attach_page(&mut whole, page.page.number, text).unwrap();
        }
        assert_eq!(whole.articles, edition.articles, "the edition put back together is the one published");
    }
    let valid = succeeded(validate(&site));
    assert!(valid.contains("valid archive (2 publications, 2 editions, 8 articles"), "{valid}");
    // The root file itself names the folder too.
    succeeded(validate(&site.join("archive.json")));

    // The root carries the newest edition's outline (the first paper's, on a tie of dates)…
    let newest = read(&site, &root.publications[0].newest.edition, EditionFile::decode);
    assert_eq!(root.front.as_ref(), Some(&newest), "the front page needs the root alone");
    // …and validate says when it is not that outline.
    let text = std::fs::read_to_string(site.join("archive.json")).unwrap();
    let headline = newest.articles[0].headline.clone().unwrap();
    std::fs::write(site.join("archive.json"), text.replacen(&headline, "改过的标题", 1)).unwrap();
    let output = validate(&site);
    assert_eq!(output.status.code(), Some(1));
    let lines = String::from_utf8(output.stdout).unwrap();
    assert!(lines.contains("archive.json: front: not the outline in editions/2024/2024-09-12."), "{lines}");
}

/// Publishes the two-page fixture again with a new lead headline; publish's summary.
fn publish_a_new_headline(dir: &Path, site: &Path) -> String {
    let mut changed = corpus::load(&std::fs::read_to_string(TWO_PAGES).unwrap()).unwrap();
    changed.editions[0].articles[0].headline = Some("新的标题".to_owned());
    succeeded(publish(site, &[&corpus_file(dir, "changed.json", &changed)]))
}

#[test]
fn an_edition_published_again_is_replaced_and_the_old_files_stay_until_pruned() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    succeeded(publish(&site, &[Path::new(TWO_PAGES)]));
    let unchanged = succeeded(publish(&site, &[Path::new(TWO_PAGES)]));
    assert!(unchanged.contains("unchanged 1 edition (2024-09-12)"), "{unchanged}");
    let old_edition = root(&site).publications[0].newest.edition.clone();

    let summary = publish_a_new_headline(dir.path(), &site);
    assert!(summary.contains("青岛日报: replaced 1 edition (2024-09-12)"), "{summary}");
    let root = root(&site);
    assert_eq!(root.publications[0].years[0].editions, 1);
    let file = read(&site, &root.publications[0].newest.edition, EditionFile::decode);
    assert_eq!(file.articles[0].headline.as_deref(), Some("新的标题"));
    assert!(site.join(&old_edition).exists(), "a reader of the old root still finds its files");

    let pruned = succeeded(broadsheet(&[Path::new("publish"), &site, Path::new("--prune"), Path::new("0")]));
    assert!(!site.join(&old_edition).exists(), "{pruned}");
    assert!(pruned.contains("pruned"), "{pruned}");
    succeeded(validate(&site));
}

#[test]
fn a_prune_keeps_what_recent_roots_name() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    succeeded(publish(&site, &[Path::new(TWO_PAGES)]));
    let old_edition = root(&site).publications[0].newest.edition.clone();
    publish_a_new_headline(dir.path(), &site);
    succeeded(broadsheet(&[Path::new("publish"), &site, Path::new("--prune"), Path::new("7")]));
    assert!(site.join(&old_edition).exists(), "the root published a moment ago still names it");
    succeeded(validate(&site));
}

#[test]
fn an_invalid_corpus_is_refused_whole_and_the_site_is_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    succeeded(publish(&site, &[Path::new(TWO_PAGES)]));
    let before = tree(&site);
    let bad = dir.path().join("bad.json");
    let text = std::fs::read_to_string(TWO_PAGES).unwrap().replace("\"id\": \"2024-09-12-p2-1\"", "\"id\": \"2024-09-12-p1-1\"");
    std::fs::write(&bad, text).unwrap();
    let output = publish(&site, &[Path::new(TWO_PAPERS), &bad]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains(&format!("{}: editions[0].articles[", bad.display())) && message.contains("duplicate article id"),
        "{message}"
    );
    assert!(message.contains("not changed"), "{message}");
    assert!(tree(&site) == before, "nothing was written");
}

#[test]
fn validate_names_a_missing_file_and_a_file_cut_short() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    succeeded(publish(&site, &[Path::new(TWO_PAGES)]));
    let file = read(&site, &root(&site).publications[0].newest.edition, EditionFile::decode);
    let (first, second) = (&file.pages[0].text, &file.pages[1].text);
    std::fs::remove_file(site.join(first)).unwrap();
    let cut = std::fs::read(site.join(second)).unwrap();
    std::fs::write(site.join(second), &cut[..cut.len() / 2]).unwrap();
    let output = validate(&site);
    assert_eq!(output.status.code(), Some(1));
    let lines = String::from_utf8(output.stdout).unwrap();
    assert!(lines.contains(&format!("{}: missing", site.join(first).display())), "{lines}");
    assert!(lines.contains(&format!("{}: its bytes do not match the hash in its name", site.join(second).display())), "{lines}");

    let output = validate(&dir.path().join("nowhere"));
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
}

#[test]
fn one_more_day_writes_that_edition_and_a_few_small_files() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let mut days = generated(48 * 41);
    let last = Corpus { editions: days.editions.split_off(40), ..days.clone() };
    succeeded(publish(&site, &[&corpus_file(dir.path(), "forty.json", &days)]));
    let archive_bytes = root(&site).publications[0].years[0].bytes;
    let summary = succeeded(publish(&site, &[&corpus_file(dir.path(), "one.json", &last)]));
    let root = root(&site);
    let day_bytes = root.publications[0].newest.bytes;
    // "wrote N files (X KB) and the root": the edition, its pages, its
    // story texts, the year's calendar, the dated copy of the root, the
    // day's search partition and the search index file.
    let written = summary.lines().find(|line| line.contains(" wrote ")).unwrap();
    let files: usize = written.split(" wrote ").nth(1).unwrap().split(' ').next().unwrap().parse().unwrap();
    let search: SearchIndex = read(&site, root.search.as_ref().unwrap(), SearchIndex::decode);
    let day = search.partitions.iter().find(|partition| partition.key == root.publications[0].newest.date).expect("the day is a partition");
    let outline: EditionFile = read(&site, &root.publications[0].newest.edition, EditionFile::decode);
    let stories = std::fs::read_dir(site.join(outline.stories.as_ref().expect("an edition names its story texts"))).unwrap().count();
    assert_eq!(stories, broadsheet::search::fragment_groups(&last.editions[0]).len());
    assert_eq!(files, 1 + 8 + stories + 1 + 1 + day.files().len() + 1, "{summary}");
    assert!(summary.contains(&format!("search index: indexed {}, kept {} partitions", day.key, search.partitions.len() - 1)), "{summary}");
    let calendar = std::fs::metadata(site.join(&root.publications[0].years[0].calendar)).unwrap().len();
    let root_bytes = std::fs::metadata(site.join("archive.json")).unwrap().len();
    assert!(calendar + 2 * root_bytes < archive_bytes / 100, "{calendar} + 2 × {root_bytes} of {archive_bytes}");
    assert!(day_bytes > 0 && root.publications[0].years[0].editions == 41);
    succeeded(validate(&site));
}

#[test]
fn concurrent_publishes_into_one_site_keep_every_edition() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let corpus = generated(48 * 6);
    let files: Vec<PathBuf> = corpus
        .editions
        .iter()
        .enumerate()
        .map(|(i, edition)| corpus_file(dir.path(), &format!("{i}.json"), &Corpus { editions: vec![edition.clone()], ..corpus.clone() }))
        .collect();
    let children: Vec<_> = files
        .iter()
        .map(|file| {
            Command::new(env!("CARGO_BIN_EXE_broadsheet")).arg("publish").arg(&site).arg(file).stderr(Stdio::piped()).spawn().unwrap()
        })
        .collect();
    for child in children {
        succeeded(child.wait_with_output().unwrap());
    }
    assert_eq!(root(&site).publications[0].years[0].editions, 6, "every publish's edition is in the archive");
    succeeded(validate(&site));
}

#[test]
fn a_publish_killed_at_any_moment_leaves_the_old_archive_or_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let mut corpus = generated(48 * 30);
    let first = Corpus { editions: corpus.editions.split_off(25), ..corpus.clone() };
    succeeded(publish(&site, &[&corpus_file(dir.path(), "first.json", &first)]));
    let rest = corpus_file(dir.path(), "rest.json", &corpus);
    let old_root = std::fs::read(site.join("archive.json")).unwrap();
    let mut new_root = None;
    // Kill it later and later until a publish finishes.
    for delay in (0..).map(|step| Duration::from_millis(step * 7)) {
        let mut child = Command::new(env!("CARGO_BIN_EXE_broadsheet"))
            .arg("publish")
            .arg(&site)
            .arg(&rest)
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let finished = child.try_wait().unwrap().is_some();
        child.kill().ok();
        child.wait().unwrap();
        succeeded(validate(&site));
        let root = std::fs::read(site.join("archive.json")).unwrap();
        if finished {
            new_root = Some(root);
            break;
        }
        assert!(root == old_root || Root::decode(std::str::from_utf8(&root).unwrap()).unwrap().publications[0].years[0].editions == 30);
        assert!(delay < Duration::from_secs(30), "the publish never finished");
    }
    let new_root = Root::decode(std::str::from_utf8(&new_root.unwrap()).unwrap()).unwrap();
    assert_eq!(new_root.publications[0].years[0].editions, 30);
    // What the killed publishes left (temporary files, files no root names) goes with a prune.
    succeeded(broadsheet(&[Path::new("publish"), &site, Path::new("--prune"), Path::new("0")]));
    let left: Vec<_> = tree(&site).into_keys().filter(|path| path.to_string_lossy().ends_with(".tmp")).collect();
    assert!(left.is_empty(), "{left:?}");
    succeeded(validate(&site));
}

fn search(target: &Path, query: &str, options: &[&str]) -> (String, String) {
    let mut args = vec![Path::new("search"), target, Path::new(query), Path::new("--json")];
    args.extend(options.iter().map(Path::new));
    let output = broadsheet(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    (String::from_utf8(output.stdout.clone()).unwrap(), stderr(&output))
}

/// The (date, article) of each hit of `--json` output, in order.
fn found(json: &str) -> Vec<(String, String)> {
    let hits: Vec<serde_json::Value> = serde_json::from_str(json).unwrap();
    hits.iter().map(|hit| (hit["date"].as_str().unwrap().to_owned(), hit["article"].as_str().unwrap().to_owned())).collect()
}

#[test]
fn searching_an_archive_finds_what_searching_its_corpus_finds() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let corpus = generated(48 * 8);
    let file = corpus_file(dir.path(), "days.json", &corpus);
    succeeded(publish(&site, &[&file]));
    let headline = corpus.editions[3].articles[5].headline.clone().unwrap();
    let paragraph = corpus.editions[6].articles[2].blocks.iter().find_map(|block| block.text()).unwrap().to_owned();
    let pieces = [headline.chars().take(2).collect::<String>(), paragraph.chars().skip(3).take(3).collect(), "的".to_owned()];
    let two_terms = format!("{} {}", pieces[0], pieces[1]);
    // Common pairs and characters have list files of their own: searched too.
    let own_files = tree(&site).keys().filter(|path| path.file_name().is_some_and(|name| { let name = name.to_string_lossy(); name.starts_with("char-") || name.starts_with("pair-") })).count();
    assert!(own_files > 0, "a common pair's or character's list has a file of its own");
    for query in pieces.iter().chain([&two_terms]) {
        let (archive, archive_total) = search(&site, query, &["--limit", "1000"]);
        let (single, single_total) = search(&file, query, &["--limit", "1000"]);
        assert_eq!(archive, single, "{query}");
        assert_eq!(archive_total, single_total, "{query}");
        assert!(!found(&archive).is_empty(), "{query} is found");
        // The folder's root names the same archive.
        assert_eq!(search(&site.join("archive.json"), query, &["--limit", "1000"]).0, archive);
    }
    // Filtered: the same stories (ranked on the partitions the dates reach).
    let (from, to) = (corpus.editions[2].date.as_str(), corpus.editions[5].date.as_str());
    for options in [vec!["--from", from, "--to", to], vec!["--page", "2"]] {
        let mut options = options;
        options.extend(["--limit", "1000"]);
        let (mut archive, mut single) = (found(&search(&site, &pieces[2], &options).0), found(&search(&file, &pieces[2], &options).0));
        archive.sort();
        single.sort();
        assert_eq!(archive, single, "{options:?}");
    }
    let (newest, _) = search(&site, &pieces[2], &["--newest", "--limit", "1000"]);
    let dates: Vec<String> = found(&newest).into_iter().map(|(date, _)| date).collect();
    assert!(dates.windows(2).all(|pair| pair[0] >= pair[1]), "newest first: {dates:?}");
    assert_eq!(newest, search(&file, &pieces[2], &["--newest", "--limit", "1000"]).0, "a corpus orders newest first alike");
    // A publication filter keeps that paper's stories, and no other's.
    let title = corpus.publication.title.as_str();
    assert_eq!(search(&site, &pieces[2], &["--publication", title, "--limit", "1000"]).0, search(&site, &pieces[2], &["--limit", "1000"]).0);
    assert!(found(&search(&site, &pieces[2], &["--publication", "另一报", "--limit", "1000"]).0).is_empty());
}

#[test]
fn validate_and_search_name_a_missing_or_damaged_index_file() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    succeeded(publish(&site, &[Path::new(TWO_PAGES)]));
    let index: SearchIndex = read(&site, root(&site).search.as_ref().unwrap(), SearchIndex::decode);
    let partition = &index.partitions[0];
    let (pairs, chars) = (partition.pairs(0), partition.chars(0));
    let mut damaged = std::fs::read(site.join(&pairs)).unwrap();
    let last = damaged.len() - 1;
    damaged[last] ^= 1;
    std::fs::write(site.join(&pairs), damaged).unwrap();
    std::fs::remove_file(site.join(&chars)).unwrap();
    let output = validate(&site);
    assert_eq!(output.status.code(), Some(1));
    let lines = String::from_utf8(output.stdout).unwrap();
    assert!(lines.contains(&format!("{}: the index is corrupt (checksum mismatch)", site.join(&pairs).display())), "{lines}");
    assert!(lines.contains(&format!("{}: missing", site.join(&chars).display())), "{lines}");
    for query in ["合作", "合"] {
        let output = broadsheet(&[Path::new("search"), &site, Path::new(query)]);
        assert_eq!(output.status.code(), Some(1), "{query}");
        let named = if query.chars().count() == 1 { &chars } else { &pairs };
        assert!(stderr(&output).contains(&site.join(named).display().to_string()), "{query}: {}", stderr(&output));
    }
}

#[test]
fn validate_and_search_name_a_missing_or_misplaced_story_text() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    succeeded(publish(&site, &[Path::new(TWO_PAGES)]));
    let outline = read(&site, &root(&site).publications[0].newest.edition, EditionFile::decode);
    let folder = outline.stories.expect("a published edition names its story texts");
    // Story 0 is the lead continued onto page 2; 1 the page 1 commentary; 2 the page 2 story.
    let (lead, commentary, other) = (format!("{folder}/0.json"), format!("{folder}/1.json"), format!("{folder}/2.json"));
    let continued = std::fs::read_to_string(site.join(&lead)).unwrap();
    assert!(continued.contains("2024-09-12-p1-1") && continued.contains("2024-09-12-p2-2"), "a story text holds its continuation");
    std::fs::remove_file(site.join(&lead)).unwrap();
    std::fs::copy(site.join(&other), site.join(&commentary)).unwrap();
    let output = validate(&site);
    assert_eq!(output.status.code(), Some(1));
    let lines = String::from_utf8(output.stdout).unwrap();
    assert!(lines.contains(&format!("{}: missing", site.join(&lead).display())), "{lines}");
    assert!(lines.contains(&format!("{}: not the story text of its edition", site.join(&commentary).display())), "{lines}");
    for (query, named, why) in [("新型能源", &lead, "No such file"), ("促进派", &commentary, "is not the outline's")] {
        let output = broadsheet(&[Path::new("search"), &site, Path::new(query)]);
        assert_eq!(output.status.code(), Some(1), "{query}");
        let message = stderr(&output);
        assert!(message.contains(&site.join(named).display().to_string()) && message.contains(why), "{query}: {message}");
    }
}
