//! An edition cut into its outline and its page texts, and put back
//! together.
//!
//! The outline is every article without its blocks: what the edition view
//! shows, and all that the jumps between pages need. A page text is a
//! corpus (version 1) of that one page: its articles whole, their jumps to
//! other pages kept with the page but without the other article's id
//! (which that corpus does not hold: the format's "not in the corpus"), so
//! that each page text is a valid corpus on its own and `broadsheet
//! validate` or `search` read it as one. Putting a page back checks that it
//! is the page the outline promises: same date, same articles in the same
//! order, same heads and jumps.

use super::format::{EditionFile, OutlineArticle};
use crate::corpus::problem::{field, index};
use crate::corpus::{Article, Corpus, Edition, Jump, Page, Problem, Publication};

/// An edition as the archive stores it, before its files are named.
pub struct SplitEdition {
    pub pages: Vec<Page>,
    pub articles: Vec<OutlineArticle>,
    /// One per page, in the order of `pages`.
    pub texts: Vec<PageText>,
}

/// The text of one page: a corpus of that page alone.
pub struct PageText {
    pub number: u32,
    pub corpus: Corpus,
}

/// Cuts `edition`, of `publication`, into its outline and page texts.
pub fn split_edition(edition: &Edition, publication: &Publication) -> SplitEdition {
    let articles = edition.articles.iter().map(outline_article).collect();
    let texts = edition
        .pages
        .iter()
        .map(|page| {
            let articles = edition.articles_on(page.number).map(|article| page_form(edition, article)).collect();
            let edition = Edition { date: edition.date.clone(), publication: None, pages: vec![page.clone()], articles };
            PageText { number: page.number, corpus: Corpus { editions: vec![edition], ..Corpus::new(publication.clone()) } }
        })
        .collect();
    SplitEdition { pages: edition.pages.clone(), articles, texts }
}

/// The edition an outline describes, every article without its blocks
/// until [`attach_page`] brings them.
pub fn assemble_outline(file: &EditionFile) -> Edition {
    Edition {
        date: file.date.clone(),
        publication: Some(file.publication.clone()),
        pages: file.pages.iter().map(|page| page.page.clone()).collect(),
        articles: file
            .articles
            .iter()
            .map(|article| Article {
                id: article.id.clone(),
                page: article.page,
                kicker: article.kicker.clone(),
                headline: article.headline.clone(),
                deck: article.deck.clone(),
                byline: article.byline.clone(),
                blocks: Vec::new(),
                continued_from: article.continued_from.clone(),
                continued_on: article.continued_on.clone(),
            })
            .collect(),
    }
}

/// Puts the blocks of page `number`'s text into `edition` (assembled from
/// its outline), after checking that the text is that page as the outline
/// describes it. On a mismatch, `edition` is left as it was and the
/// problems carry the page text's JSON paths.
pub fn attach_page(edition: &mut Edition, number: u32, text: Corpus) -> Result<(), Vec<Problem>> {
    let mut problems = Vec::new();
    let [page_edition] = <[Edition; 1]>::try_from(text.editions).map_err(|editions| {
        vec![Problem::new("editions", format!("a page text holds one edition, this one holds {}", editions.len()))]
    })?;
    let path = index("editions", 0);
    if page_edition.date != edition.date {
        problems.push(Problem::new(field(&path, "date"), format!("expected {}, found {}", edition.date, page_edition.date)));
    }
    if let Some(own) = &edition.publication {
        if text.publication.title != own.title {
            problems.push(Problem::new("publication.title", format!("expected \"{}\", found \"{}\"", own.title, text.publication.title)));
        }
    }
    let expected_page = edition.page(number);
    if page_edition.pages.len() != 1 || expected_page != page_edition.pages.first() {
        problems.push(Problem::new(field(&path, "pages"), format!("expected page {number} of the outline, alone")));
    }
    let expected: Vec<Article> = edition.articles_on(number).map(|article| page_form(edition, article)).collect();
    if expected.len() != page_edition.articles.len() {
        problems.push(Problem::new(
            field(&path, "articles"),
            format!("the outline has {} articles on page {number}, the page text {}", expected.len(), page_edition.articles.len()),
        ));
    }
    for (a, (want, got)) in expected.iter().zip(&page_edition.articles).enumerate() {
        let same = Article { blocks: Vec::new(), ..got.clone() } == *want;
        if !same {
            problems.push(Problem::new(
                index(&field(&path, "articles"), a),
                format!("article \"{}\" is not the outline's \"{}\" (id, heads or jumps differ)", got.id, want.id),
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut blocks = page_edition.articles.into_iter().map(|article| article.blocks);
    for article in edition.articles.iter_mut().filter(|article| article.page == number) {
        article.blocks = blocks.next().unwrap_or_default();
    }
    Ok(())
}

fn outline_article(article: &Article) -> OutlineArticle {
    OutlineArticle {
        id: article.id.clone(),
        page: article.page,
        kicker: article.kicker.clone(),
        headline: article.headline.clone(),
        deck: article.deck.clone(),
        byline: article.byline.clone(),
        continued_from: article.continued_from.clone(),
        continued_on: article.continued_on.clone(),
    }
}

/// `article` as its page text holds it; without its blocks when it comes
/// from an outline. A jump to another page keeps that page, not the id of
/// the article there.
fn page_form(edition: &Edition, article: &Article) -> Article {
    let on_this_page = |jump: &Option<Jump>| {
        jump.clone().map(|jump| {
            let target_here = jump.article.as_deref().and_then(|id| edition.article(id)).is_some_and(|target| target.page == article.page);
            if target_here {
                jump
            } else {
                Jump { article: None, ..jump }
            }
        })
    };
    Article {
        continued_from: on_this_page(&article.continued_from),
        continued_on: on_this_page(&article.continued_on),
        ..article.clone()
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::archive::format::{OutlinePage, EDITION_FORMAT};

    /// An edition of two pages: a lead continued on page 2, a brief, and
    /// the lead's continuation (the story texts' tests use it too).
    pub(in crate::archive) const TWO_PAGES: &str = r#"{ "format": "broadsheet-corpus", "version": 1, "publication": { "title": "青岛日报", "lang": "zh-CN" },
        "editions": [ { "date": "2024-09-12", "pages": [ { "number": 1, "label": "第一版" }, { "number": 2, "label": "第二版" } ],
          "articles": [
            { "id": "a", "page": 1, "headline": "头条", "blocks": [ { "type": "paragraph", "text": "上半" } ],
              "continued_on": { "page": 2, "article": "b" } },
            { "id": "c", "page": 1, "headline": "简讯", "blocks": [ { "type": "paragraph", "text": "全文" } ] },
            { "id": "b", "page": 2, "headline": null, "blocks": [ { "type": "paragraph", "text": "下半" } ],
              "continued_from": { "page": 1, "article": "a" } } ] } ] }"#;

    fn outline_of(split: &SplitEdition, edition: &Edition) -> EditionFile {
        EditionFile {
            format: EDITION_FORMAT.to_owned(),
            version: crate::archive::VERSION,
            publication: Publication { title: "青岛日报".to_owned(), lang: "zh-CN".to_owned() },
            date: edition.date.clone(),
            pages: split.pages.iter().map(|page| OutlinePage { page: page.clone(), text: "p.json".to_owned(), bytes: 0 }).collect(),
            articles: split.articles.clone(),
            stories: None,
        }
    }

    #[test]
    fn each_page_text_is_a_valid_corpus_and_the_pages_put_back_make_the_edition() {
        let corpus = crate::corpus::load(TWO_PAGES).unwrap();
        let edition = &corpus.editions[0];
        let split = split_edition(edition, &corpus.publication);
        let mut assembled = assemble_outline(&outline_of(&split, edition));
        for text in split.texts {
            let reread = crate::corpus::load(&crate::corpus::to_json(&text.corpus)).expect("a page text is a valid corpus");
            attach_page(&mut assembled, text.number, reread).unwrap();
        }
        assert_eq!(Edition { publication: None, ..assembled }, *edition);
    }

    #[test]
    fn a_page_text_that_is_not_the_outlines_page_is_refused_and_changes_nothing() {
        let corpus = crate::corpus::load(TWO_PAGES).unwrap();
        let edition = &corpus.editions[0];
        let split = split_edition(edition, &corpus.publication);
        let mut assembled = assemble_outline(&outline_of(&split, edition));
        let before = assembled.clone();
        let page_one = split.texts.into_iter().next().unwrap().corpus;
        let problems = attach_page(&mut assembled, 2, page_one).unwrap_err();
        assert_eq!(problems[0].to_string(), "editions[0].pages: expected page 2 of the outline, alone");
        assert_eq!(assembled, before);
    }
}
