//! The rules of the corpus format that span several fields.
//!
//! [`super::decode()`] guarantees types and required fields; this module checks
//! what a reader relies on beyond them: editions and article ids are unique,
//! every article sits on a listed page, continuation jumps land on an article
//! that points back, no article is empty, and image URLs are safe to load.

use std::collections::HashMap;

use super::model::*;
use super::problem::{field, index, Problem};
use super::url::is_safe_url;

/// Every rule violation in the corpus, in document order.
pub fn validate(corpus: &Corpus) -> Vec<Problem> {
    let mut validator = Validator::default();
    for edition in &corpus.editions {
        validator.edition(edition, &corpus.publication);
    }
    validator.finish()
}

/// The rules of the corpus's structure only (unique editions, pages and
/// ids, articles on listed pages, jumps that point back), for an outline
/// that holds every article's heads but not its text (an archive's
/// edition file): an article's emptiness and its images are its text's.
pub fn validate_structure(corpus: &Corpus) -> Vec<Problem> {
    let mut validator = Validator { text_held: false, ..Validator::default() };
    for edition in &corpus.editions {
        validator.edition(edition, &corpus.publication);
    }
    validator.finish()
}

/// The rules checked one edition at a time, in corpus order, for a corpus
/// that is still being decoded ([`super::stepwise`]).
pub struct Validator {
    problems: Vec<Problem>,
    /// The index of the first edition of each title and date.
    seen_editions: HashMap<(String, String), usize>,
    editions: usize,
    /// Whether the articles' text is there to check.
    text_held: bool,
}

impl Default for Validator {
    fn default() -> Self {
        Validator { problems: Vec::new(), seen_editions: HashMap::new(), editions: 0, text_held: true }
    }
}

impl Validator {
    /// Checks the next edition of a corpus published as `publication`.
    pub fn edition(&mut self, edition: &Edition, publication: &Publication) {
        let e = self.editions;
        self.editions += 1;
        let path = index("editions", e);
        let title = edition.publication.as_ref().unwrap_or(publication).title.as_str();
        if let Some(first) = self.seen_editions.insert((title.to_owned(), edition.date.clone()), e) {
            self.problems.push(Problem::new(
                field(&path, "date"),
                format!("{title} of {} is already editions[{first}]", edition.date),
            ));
        }
        validate_edition(edition, &path, self.text_held, &mut self.problems);
    }

    /// Every rule violation of the editions checked, in document order.
    pub fn finish(self) -> Vec<Problem> {
        self.problems
    }
}

fn validate_edition(edition: &Edition, path: &str, text_held: bool, problems: &mut Vec<Problem>) {
    let mut pages: HashMap<u32, usize> = HashMap::new();
    for (p, page) in edition.pages.iter().enumerate() {
        if let Some(first) = pages.insert(page.number, p) {
            problems.push(Problem::new(
                field(&index(&field(path, "pages"), p), "number"),
                format!("page {} is already listed as pages[{first}]", page.number),
            ));
        }
    }
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (a, article) in edition.articles.iter().enumerate() {
        if let Some(first) = ids.insert(article.id.as_str(), a) {
            problems.push(Problem::new(
                field(&article_path(path, a), "id"),
                format!("duplicate article id \"{}\", first used by articles[{first}]", article.id),
            ));
        }
    }
    for (a, article) in edition.articles.iter().enumerate() {
        let path = article_path(path, a);
        if !pages.contains_key(&article.page) {
            problems.push(Problem::new(
                field(&path, "page"),
                format!("page {} is not listed in the pages of edition {}", article.page, edition.date),
            ));
        }
        if text_held && article.is_empty() {
            problems.push(Problem::new(path.clone(), "empty article: it has no headline and no text"));
        }
        for (b, block) in article.blocks.iter().enumerate() {
            if let Block::Figure(Figure { src: Some(src), .. }) = block {
                if !is_safe_url(src) {
                    problems.push(Problem::new(
                        field(&index(&field(&path, "blocks"), b), "src"),
                        format!("image URL \"{src}\" is neither http(s) nor relative"),
                    ));
                }
            }
        }
        for direction in [Direction::On, Direction::From] {
            validate_jump(edition, article, direction, &path, problems);
        }
    }
}

fn article_path(edition_path: &str, a: usize) -> String {
    index(&field(edition_path, "articles"), a)
}

#[derive(Clone, Copy)]
enum Direction {
    On,
    From,
}

impl Direction {
    fn key(self) -> &'static str {
        match self {
            Direction::On => "continued_on",
            Direction::From => "continued_from",
        }
    }

    fn of(self, article: &Article) -> Option<&Jump> {
        match self {
            Direction::On => article.continued_on.as_ref(),
            Direction::From => article.continued_from.as_ref(),
        }
    }

    fn back(self) -> Direction {
        match self {
            Direction::On => Direction::From,
            Direction::From => Direction::On,
        }
    }
}

fn validate_jump(edition: &Edition, article: &Article, direction: Direction, path: &str, problems: &mut Vec<Problem>) {
    let Some(jump) = direction.of(article) else { return };
    let Some(target_id) = jump.article.as_deref() else { return };
    let path = field(&field(path, direction.key()), "article");
    if target_id == article.id {
        problems.push(Problem::new(path, format!("article \"{target_id}\" jumps to itself")));
        return;
    }
    let Some(target) = edition.article(target_id) else {
        problems.push(Problem::new(path, format!("no article \"{target_id}\" in edition {}", edition.date)));
        return;
    };
    if let Some(page) = jump.page {
        if page != target.page {
            problems.push(Problem::new(
                path.clone(),
                format!("article \"{target_id}\" is on page {}, but the jump says page {page}", target.page),
            ));
        }
    }
    let back = direction.back();
    let points_back = back.of(target).and_then(|jump| jump.article.as_deref()) == Some(article.id.as_str());
    if !points_back {
        let found = match back.of(target).map(|jump| jump.article.as_deref()) {
            None => "none".to_owned(),
            Some(None) => "an unlinked jump".to_owned(),
            Some(Some(other)) => format!("\"{other}\""),
        };
        problems.push(Problem::new(
            path,
            format!(
                "article \"{target_id}\" does not point back: its {} names {found}, not \"{}\"",
                back.key(),
                article.id
            ),
        ));
    }
}
