//! Plain-text ingest on the realistic Chinese dailies of
//! `tests/fixtures/dailies/`, against the articles written down for them
//! (`expected.json`): each issue's pages ingested into one corpus, page 1
//! first and then page 2 first, every article compared field by field in
//! reading order, and every continued article checked for being linked
//! both ways. Pages that keep the blank-line layout must read exactly as
//! written down; the two that do not (no blank lines, hard-wrapped
//! columns) are reported, not held to it (`cargo test --test dailies --
//! --nocapture` prints every difference).
//!
//! Fields are compared as a reader sees them: without spaces (the ingest
//! closes up spaced names) and without the byline box `□` and a deck's
//! leading dash. A dateline and an inline byline are not fields of the
//! corpus yet; where the expected article has one, the first paragraph
//! is compared from its start, and the byline is only compared when it
//! stands on a line of its own.

use std::collections::BTreeMap;
use std::path::Path;

use broadsheet::corpus::{Article, Block, Corpus, Publication};
use broadsheet::ingest::{merge_page, page_text, parse_page, PageOptions};
use serde::Deserialize;

const DIR: &str = "tests/fixtures/dailies";

#[derive(Deserialize)]
struct Page {
    file: String,
    date: String,
    page: u32,
    publication: String,
    articles: Vec<Expected>,
}

#[derive(Deserialize)]
struct Expected {
    kicker: Option<String>,
    headline: Option<String>,
    deck: Option<String>,
    byline: Option<String>,
    dateline: Option<String>,
    subheads: Vec<String>,
    first_paragraph: Option<String>,
    continued_on: Option<u32>,
    continued_from: Option<u32>,
}

/// As a reader compares them: no spaces, no byline box, no leading dash.
fn seen(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace() && *c != '□').collect::<String>().trim_start_matches('—').to_owned()
}

fn same(expected: &Option<String>, found: &Option<String>) -> bool {
    expected.as_deref().map(seen) == found.as_deref().map(seen)
}

/// The fields of `expected` that `found` gets wrong, by name.
fn mismatches(expected: &Expected, found: &Article) -> Vec<&'static str> {
    let mut wrong = Vec::new();
    if !same(&expected.kicker, &found.kicker) {
        wrong.push("kicker");
    }
    if !same(&expected.headline, &found.headline) {
        wrong.push("headline");
    }
    if !same(&expected.deck, &found.deck) {
        wrong.push("deck");
    }
    if expected.dateline.is_none() && !same(&expected.byline, &found.byline) {
        wrong.push("byline");
    }
    let subheads: Vec<String> = found
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Subhead { text } => Some(seen(text)),
            _ => None,
        })
        .collect();
    if subheads != expected.subheads.iter().map(|text| seen(text)).collect::<Vec<_>>() {
        wrong.push("subheads");
    }
    let first = found.blocks.iter().find_map(|block| match block {
        Block::Paragraph { text } => Some(seen(text)),
        _ => None,
    });
    let opening = expected.first_paragraph.as_deref().map(seen);
    let first_ok = match (&opening, &first) {
        (Some(opening), Some(first)) => first.contains(opening.as_str()),
        (None, _) => true,
        (Some(_), None) => false,
    };
    if !first_ok {
        wrong.push("first paragraph");
    }
    if expected.continued_on != found.continued_on.as_ref().and_then(|jump| jump.page) {
        wrong.push("continued_on");
    }
    if expected.continued_from != found.continued_from.as_ref().and_then(|jump| jump.page) {
        wrong.push("continued_from");
    }
    wrong
}

/// What reading every issue in both page orders came to.
#[derive(Default)]
struct Score {
    articles: usize,
    right: usize,
    /// Continued articles whose other part is in the set, and those linked both ways.
    continued: usize,
    linked: usize,
    /// Each difference: page file, article, fields.
    differences: Vec<String>,
}

fn score(pages: &[&Page]) -> Score {
    let mut issues: BTreeMap<(String, String), Vec<&Page>> = BTreeMap::new();
    for page in pages {
        issues.entry((page.publication.clone(), page.date.clone())).or_default().push(page);
    }
    let mut score = Score::default();
    for ((publication, date), issue) in &issues {
        for reversed in [false, true] {
            let mut order: Vec<&&Page> = issue.iter().collect();
            if reversed {
                order.reverse();
            }
            let title = Publication { title: publication.clone(), lang: "zh-CN".to_owned() };
            let mut corpus = Corpus::new(title.clone());
            for page in &order {
                let bytes = std::fs::read(Path::new(DIR).join(&page.file)).expect("page file");
                let options = PageOptions { date: date.clone(), page: page.page, label: None, lang: None };
                let parsed = parse_page(page_text(&bytes).expect("UTF-8"), &options).expect("the page reads");
                merge_page(&mut corpus, &title, parsed);
            }
            let edition = &corpus.editions[0];
            for page in issue {
                let found: Vec<&Article> = edition.articles.iter().filter(|article| article.page == page.page).collect();
                if found.len() != page.articles.len() {
                    score.differences.push(format!("{} (page {} first): {} articles, {} expected", page.file, order[0].page, found.len(), page.articles.len()));
                }
                for (i, expected) in page.articles.iter().enumerate() {
                    score.articles += 1;
                    let Some(article) = found.get(i) else { continue };
                    let wrong = mismatches(expected, article);
                    if wrong.is_empty() {
                        score.right += 1;
                    } else {
                        let headline = expected.headline.as_deref().unwrap_or("-");
                        score.differences.push(format!("{} #{} {headline:?}: {}", page.file, i + 1, wrong.join(", ")));
                    }
                    if expected.continued_on.is_some_and(|on| issue.iter().any(|other| other.page == on)) {
                        score.continued += 1;
                        let both_ways = article.continued_on.as_ref().and_then(|jump| jump.article.as_deref()).is_some_and(|id| {
                            edition.article(id).is_some_and(|tail| {
                                tail.continued_from.as_ref().and_then(|jump| jump.article.as_deref()) == Some(article.id.as_str())
                            })
                        });
                        score.linked += usize::from(both_ways);
                    }
                }
            }
        }
    }
    score
}

fn expected_pages() -> Vec<Page> {
    let text = std::fs::read_to_string(Path::new(DIR).join("expected.json")).expect("expected.json");
    serde_json::from_str(&text).expect("expected.json parses")
}

/// The bad-input pages: no blank lines, or columns hard-wrapped.
fn keeps_the_layout(page: &Page) -> bool {
    !page.file.contains("no-blank-lines") && !page.file.contains("hard-wrapped")
}

#[test]
fn pages_laid_out_by_blank_lines_read_as_written_down_in_either_page_order() {
    let pages = expected_pages();
    let laid_out: Vec<&Page> = pages.iter().filter(|page| keeps_the_layout(page)).collect();
    assert!(laid_out.len() >= 20, "the set holds {} such pages", laid_out.len());
    let score = score(&laid_out);
    println!("{} pages read in both orders: {} of {} articles as written down, {} of {} continued articles linked both ways", laid_out.len(), score.right, score.articles, score.linked, score.continued);
    assert!(score.continued >= 40, "{} continued articles", score.continued);
    assert_eq!(score.linked, score.continued, "every continued article is linked both ways");
    assert!(score.differences.is_empty(), "{}", score.differences.join("\n"));
}

#[test]
fn pages_off_the_layout_still_read_and_are_reported() {
    let pages = expected_pages();
    let off: Vec<&Page> = pages.iter().filter(|page| !keeps_the_layout(page)).collect();
    assert_eq!(off.len(), 2);
    let score = score(&off);
    println!("{} pages off the layout: {} of {} articles as written down", off.len(), score.right, score.articles);
    for difference in &score.differences {
        println!("  {difference}");
    }
    assert!(score.right > 0, "some articles of the pages off the layout read right");
    // Whatever the grouping, every headline is in the corpus, as a head or as text.
    for page in off {
        let bytes = std::fs::read(Path::new(DIR).join(&page.file)).expect("page file");
        let options = PageOptions { date: page.date.clone(), page: page.page, label: None, lang: None };
        let parsed = parse_page(page_text(&bytes).expect("UTF-8"), &options).expect("the page reads");
        let read: String = parsed
            .articles
            .iter()
            .flat_map(|article| [&article.kicker, &article.headline, &article.deck].into_iter().flatten().map(String::as_str).chain(article.texts()))
            .map(seen)
            .collect();
        for expected in &page.articles {
            if let Some(text) = &expected.headline {
                assert!(read.contains(&seen(text)), "{}: {text:?} is read", page.file);
            }
        }
    }
}
