//! How well plain-text ingest reads the realistic Chinese dailies of
//! `tests/fixtures/dailies/` against the articles written down for them
//! (`expected.json`): each issue's pages ingested into one corpus, page 1
//! first and then page 2 first, every article compared field by field in
//! reading order, and every continued article checked for being linked
//! both ways. A measurement: it prints what matched and what did not.
//!
//!   cargo run --release --example dailies_score [-- --verbose]
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

fn main() {
    let verbose = std::env::args().any(|arg| arg == "--verbose");
    let text = std::fs::read_to_string(Path::new(DIR).join("expected.json")).expect("expected.json");
    let pages: Vec<Page> = serde_json::from_str(&text).expect("expected.json parses");
    let mut issues: BTreeMap<(String, String), Vec<&Page>> = BTreeMap::new();
    for page in &pages {
        issues.entry((page.publication.clone(), page.date.clone())).or_default().push(page);
    }
    let (mut articles, mut right, mut continued, mut linked) = (0, 0, 0, 0);
    let mut wrong_fields: BTreeMap<&str, usize> = BTreeMap::new();
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
                    *wrong_fields.entry("article count").or_default() += 1;
                    if verbose {
                        println!("{} (page {} first): {} articles, {} expected", page.file, order[0].page, found.len(), page.articles.len());
                    }
                }
                for (i, expected) in page.articles.iter().enumerate() {
                    articles += 1;
                    let Some(article) = found.get(i) else { continue };
                    let wrong = mismatches(expected, article);
                    if wrong.is_empty() {
                        right += 1;
                    } else if verbose {
                        println!("{} #{} {:?}: {}", page.file, i + 1, expected.headline.as_deref().unwrap_or("-"), wrong.join(", "));
                    }
                    for field in wrong {
                        *wrong_fields.entry(field).or_default() += 1;
                    }
                    if expected.continued_on.is_some_and(|on| issue.iter().any(|other| other.page == on)) {
                        continued += 1;
                        let both_ways = article.continued_on.as_ref().and_then(|jump| jump.article.as_deref()).is_some_and(|id| {
                            edition.article(id).is_some_and(|tail| {
                                tail.continued_from.as_ref().and_then(|jump| jump.article.as_deref()) == Some(article.id.as_str())
                            })
                        });
                        linked += usize::from(both_ways);
                    }
                }
            }
        }
    }
    println!("{} pages in {} issues, each issue read in both page orders", pages.len(), issues.len());
    println!("articles read as written down: {right} of {articles}");
    println!("continued articles linked both ways: {linked} of {continued}");
    for (field, count) in wrong_fields {
        println!("  wrong {field}: {count}");
    }
}
