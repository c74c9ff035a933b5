//! Small corpora made up by tests of the search layers (tests only).

use crate::corpus::{Article, Block, Corpus, Edition, Publication};

/// Text for generated articles: Latin letters in both cases (enough for
/// English suffixes such as -ing and -es), Simplified and
/// Traditional forms of the same characters, half- and full-width digits,
/// spaces and punctuation.
pub const TEXT: &str = "[a-eA-EgGiInNsS国國组織1１ 。]{1,24}";

/// The corpora of the test fixtures and the demo: every field, continued
/// articles, figures.
pub const FIXTURES: [&str; 3] = [
    include_str!("../../tests/fixtures/reader.json"),
    include_str!("../../tests/fixtures/two-pages.json"),
    include_str!("../../www/corpus.json"),
];

/// One edition of articles, each with a headline and paragraphs.
pub fn corpus_of(articles: Vec<(String, Vec<String>)>) -> Corpus {
    let mut corpus = Corpus::new(Publication { title: "测试".to_owned(), lang: "zh-CN".to_owned() });
    let articles = articles
        .into_iter()
        .enumerate()
        .map(|(i, (headline, paragraphs))| Article {
            id: format!("a{i}"),
            page: 1,
            kicker: None,
            headline: Some(headline),
            deck: None,
            byline: None,
            blocks: paragraphs.into_iter().map(|text| Block::Paragraph { text }).collect(),
            continued_from: None,
            continued_on: None,
        })
        .collect();
    corpus.editions.push(Edition { date: "2024-01-01".to_owned(), publication: None, pages: Vec::new(), articles });
    corpus
}
