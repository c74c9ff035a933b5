//! A hit of an archive search: the story's headline, page and snippets,
//! cut from its text as the single-corpus engine cuts them.
//!
//! The index says which story matched and how well ([`super::Story`]);
//! the text is in the archive's files, which the caller reads: the story's
//! own text file ([`story_hit`], [`crate::archive::stories`]), or the
//! pages of its fragments ([`hit`]; for editions published before story
//! texts, or whose pages a reader holds already). The snippets are those of
//! the story searched alone: snippets depend only on the story's own text
//! and the query, so they are the single-corpus engine's. This module does
//! not fetch.

use super::files::GroupEntry;
use crate::corpus::{Corpus, Edition, Publication};
use crate::search::{Filter, Hit, Index, Query};

/// The hit of the story `story` (its fragments, [`super::ArchiveSearch::fragments`])
/// of score `score`, found by `query`, in `edition` (its articles with the
/// text of the story's pages) of the publication titled `publication`;
/// `None` when the edition lacks the story's text.
pub fn hit(story: &GroupEntry, score: f32, edition: &Edition, publication: &str, query: &Query) -> Option<Hit> {
    let mut articles = story.articles();
    articles.sort_unstable();
    let alone = Edition {
        date: edition.date.clone(),
        publication: None,
        pages: edition.pages.clone(),
        articles: articles.iter().filter_map(|&a| edition.articles.get(a as usize).cloned()).collect(),
    };
    let corpus = Corpus { editions: vec![alone], ..Corpus::new(Publication { title: publication.to_owned(), lang: String::new() }) };
    story_hit(&corpus, score, query)
}

/// The hit of the story whose text is `text` (a corpus of that story
/// alone, checked against its outline: [`crate::archive::check_story`]),
/// of score `score`, found by `query`; `None` when the text does not hold
/// the query.
pub fn story_hit(text: &Corpus, score: f32, query: &Query) -> Option<Hit> {
    let index = Index::build(text);
    // The story was found and filtered already; alone, it must pass.
    let query = query.clone().with_filter(Filter::default());
    let mut found = index.search(text, &query, 1).hits.pop()?;
    found.score = score;
    Some(found)
}
