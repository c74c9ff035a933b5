//! Random corpora for property tests: Chinese and English text with
//! Traditional and full-width forms, articles with every field, editions
//! whose neighbours continue on each other.

use broadsheet::corpus::{Article, Block, Corpus, Edition, Figure, Jump, Page, Publication};
use proptest::prelude::*;

pub fn article(id: &str, page: u32, headline: Option<&str>, paragraphs: &[&str]) -> Article {
    Article {
        id: id.to_owned(),
        page,
        kicker: None,
        headline: headline.map(str::to_owned),
        deck: None,
        byline: None,
        blocks: paragraphs.iter().map(|text| Block::Paragraph { text: (*text).to_owned() }).collect(),
        continued_from: None,
        continued_on: None,
    }
}

pub fn edition(date: &str, articles: Vec<Article>) -> Edition {
    let mut pages: Vec<u32> = articles.iter().map(|article| article.page).collect();
    pages.sort_unstable();
    pages.dedup();
    Edition {
        date: date.to_owned(),
        publication: None,
        pages: pages.into_iter().map(|number| Page { number, label: None }).collect(),
        articles,
    }
}

pub fn corpus_of(editions: Vec<Edition>) -> Corpus {
    let mut corpus = Corpus::new(Publication { title: "测试日报".to_owned(), lang: "zh-CN".to_owned() });
    corpus.editions = editions;
    corpus
}

/// Links `articles[from]` to continue on `articles[to]`.
pub fn link(articles: &mut [Article], from: usize, to: usize) {
    let (from_id, from_page) = (articles[from].id.clone(), articles[from].page);
    let (to_id, to_page) = (articles[to].id.clone(), articles[to].page);
    articles[from].continued_on = Some(Jump { article: Some(to_id), ..Jump::to_page(to_page) });
    articles[to].continued_from = Some(Jump { article: Some(from_id), ..Jump::to_page(from_page) });
}

/// Simplified characters with a distinct Traditional form, and that form.
pub const TRADITIONAL: [(char, char); 16] = [
    ('国', '國'), ('组', '組'), ('织', '織'), ('经', '經'), ('贸', '貿'), ('东', '東'), ('发', '發'), ('开', '開'),
    ('区', '區'), ('岛', '島'), ('会', '會'), ('议', '議'), ('长', '長'), ('门', '門'), ('们', '們'), ('时', '時'),
];

pub fn text_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(TRADITIONAL.iter().map(|&(simplified, _)| simplified).collect::<Vec<_>>()),
        4 => prop::sample::select("上合作的一是在和有青岛市新高地".chars().collect::<Vec<_>>()),
        3 => prop::sample::select("aAbBcCeEnNoOrRsStT".chars().collect::<Vec<_>>()),
        2 => prop::sample::select("0123456789".chars().collect::<Vec<_>>()),
        2 => Just(' '),
        1 => prop::sample::select("，。、“”-\u{3000}".chars().collect::<Vec<_>>()),
        1 => prop::sample::select("ＡＢａｂ１２國織".chars().collect::<Vec<_>>()),
    ]
}

pub fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(text_char(), 1..max).prop_map(|chars| chars.into_iter().collect())
}

pub fn block() -> impl Strategy<Value = Block> {
    prop_oneof![
        4 => text(40).prop_map(|text| Block::Paragraph { text }),
        1 => text(12).prop_map(|text| Block::Subhead { text }),
        1 => (prop::option::of(text(20)), prop::option::of(text(6))).prop_map(|(caption, credit)| {
            Block::Figure(Figure { src: None, caption, credit, placement: None })
        }),
    ]
}

pub fn random_article() -> impl Strategy<Value = Article> {
    (
        prop::option::of(text(8)),
        prop::option::of(text(16)),
        prop::option::of(text(12)),
        prop::option::of(text(8)),
        prop::collection::vec(block(), 0..5),
        1u32..4,
    )
        .prop_map(|(kicker, headline, deck, byline, blocks, page)| Article {
            id: String::new(),
            page,
            kicker,
            headline,
            deck,
            byline,
            blocks,
            continued_from: None,
            continued_on: None,
        })
}

pub fn random_edition(date: &str) -> impl Strategy<Value = Edition> {
    let date = date.to_owned();
    (prop::collection::vec(random_article(), 1..8), prop::collection::vec(any::<bool>(), 8)).prop_map(move |(mut articles, links)| {
        for (i, article) in articles.iter_mut().enumerate() {
            article.id = format!("{date}-{i}");
        }
        // Chain some neighbours: i continues on i + 2 when both are free.
        for i in 0..articles.len().saturating_sub(2) {
            if links[i] && articles[i].continued_on.is_none() && articles[i + 2].continued_from.is_none() {
                link(&mut articles, i, i + 2);
            }
        }
        edition(&date, articles)
    })
}

