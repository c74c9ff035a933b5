//! Merging a read page into a corpus, and linking the jumps between its
//! fragments and those of the pages already there.
//!
//! A jump names a page; the fragment it leads to is found on that page among
//! the fragments whose opposite jump names this page: first by the headline
//! the continuation repeats, then by the order of the markers. A fragment is
//! linked at most once, and a jump whose page is not in the corpus yet keeps
//! its page with `article: null` until that page arrives, in either order.

use std::collections::HashSet;

use crate::corpus::{Article, Corpus, Edition, Jump, Page, Publication};

use super::ParsedPage;

/// Puts `page` into the edition of `publication` on the page's date (created
/// when missing), replacing whatever an earlier ingest of the same page
/// number put there, and links jumps both ways between it and the edition's
/// other pages.
///
/// Editions stay ordered by date then title, pages by number, and articles
/// by page, so the result does not depend on the order pages arrive in.
pub fn merge_page(corpus: &mut Corpus, publication: &Publication, page: ParsedPage) {
    let new_page = page.page.clone();
    let number = new_page.number;
    let index = edition_index(corpus, publication, &page.date);
    let edition = &mut corpus.editions[index];
    remove_page(edition, number);
    let at = edition.pages.iter().position(|listed| listed.number > number).unwrap_or(edition.pages.len());
    edition.pages.insert(at, page.page);
    let at = edition.articles.iter().position(|article| article.page > number).unwrap_or(edition.articles.len());
    edition.articles.splice(at..at, page.articles);
    let others: Vec<Page> = edition.pages.iter().filter(|other| other.number != number).cloned().collect();
    for other in &others {
        link(&mut edition.articles, &new_page, other);
        link(&mut edition.articles, other, &new_page);
    }
}

/// The index of the edition of `publication` on `date`, inserting an empty
/// one in date-then-title order when there is none.
fn edition_index(corpus: &mut Corpus, publication: &Publication, date: &str) -> usize {
    let key = |corpus: &Corpus, edition: &Edition| (edition.date.clone(), corpus.publication_of(edition).title.clone());
    let wanted = (date.to_owned(), publication.title.clone());
    if let Some(found) = corpus.editions.iter().position(|edition| key(corpus, edition) == wanted) {
        return found;
    }
    let at = corpus.editions.iter().position(|edition| key(corpus, edition) > wanted).unwrap_or(corpus.editions.len());
    let own = (publication != &corpus.publication).then(|| publication.clone());
    corpus
        .editions
        .insert(at, Edition { date: date.to_owned(), publication: own, pages: Vec::new(), articles: Vec::new() });
    at
}

/// Removes page `number` and its articles, and unlinks the jumps that led to
/// them: those jumps keep their page and wait for the page to come back.
fn remove_page(edition: &mut Edition, number: u32) {
    edition.pages.retain(|page| page.number != number);
    let removed: HashSet<String> =
        edition.articles.iter().filter(|article| article.page == number).map(|article| article.id.clone()).collect();
    edition.articles.retain(|article| article.page != number);
    for article in &mut edition.articles {
        for jump in [&mut article.continued_from, &mut article.continued_on].into_iter().flatten() {
            if jump.article.as_ref().is_some_and(|id| removed.contains(id)) {
                jump.article = None;
            }
        }
    }
}

/// True when `jump` names `page`, by number or by printed label.
fn names(jump: &Jump, page: &Page) -> bool {
    match (jump.page, &jump.label) {
        (Some(number), _) => number == page.number,
        (None, Some(label)) => page.label.as_ref() == Some(label),
        (None, None) => false,
    }
}

/// Links the unlinked `continued_on` jumps of `source`'s articles that name
/// `target` with the unlinked `continued_from` jumps of `target`'s articles
/// that name `source`.
fn link(articles: &mut [Article], source: &Page, target: &Page) {
    let waiting = |page: &Page, other: &Page, jump: fn(&Article) -> Option<&Jump>| -> Vec<usize> {
        (0..articles.len())
            .filter(|&a| articles[a].page == page.number)
            .filter(|&a| jump(&articles[a]).is_some_and(|jump| jump.article.is_none() && names(jump, other)))
            .collect()
    };
    let mut sources = waiting(source, target, |article| article.continued_on.as_ref());
    let mut targets = waiting(target, source, |article| article.continued_from.as_ref());
    // Folded once: a page of thousands of jumps compares every pair.
    let mut target_headlines: Vec<Option<String>> = targets.iter().map(|&t| folded_headline(&articles[t])).collect();
    let mut pairs = Vec::new();
    sources.retain(|&s| {
        let Some(headline) = folded_headline(&articles[s]) else { return true };
        let found = target_headlines
            .iter()
            .position(|other| other.as_deref().is_some_and(|other| same_story(&headline, other)));
        match found {
            Some(found) => {
                target_headlines.remove(found);
                pairs.push((s, targets.remove(found)));
                false
            }
            None => true,
        }
    });
    pairs.extend(sources.into_iter().zip(targets));
    for (s, t) in pairs {
        let (source_id, target_id) = (articles[s].id.clone(), articles[t].id.clone());
        if let Some(jump) = articles[s].continued_on.as_mut() {
            jump.article = Some(target_id);
        }
        if let Some(jump) = articles[t].continued_from.as_mut() {
            jump.article = Some(source_id);
        }
    }
}

/// An article's headline as headlines are compared: its letters and digits
/// without case; `None` when it has none.
fn folded_headline(article: &Article) -> Option<String> {
    let folded: String =
        article.headline.as_deref()?.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    (!folded.is_empty()).then_some(folded)
}

/// True when the continuation repeats the source's headline, or the shorter
/// of the two folded headlines is part of the longer (`BUDGET` continues
/// `COUNCIL PASSES BUDGET`).
fn same_story(source: &str, continuation: &str) -> bool {
    source.contains(continuation) || continuation.contains(source)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{parse_page, PageOptions};

    fn page(text: &str, number: u32) -> ParsedPage {
        let options = PageOptions { date: "2024-09-12".to_owned(), page: number, label: None, lang: None };
        parse_page(text, &options).unwrap()
    }

    fn qingdao() -> (Corpus, Publication) {
        let publication = Publication { title: "青岛日报".to_owned(), lang: "zh-CN".to_owned() };
        (Corpus::new(publication.clone()), publication)
    }

    fn jump_targets(corpus: &Corpus) -> Vec<(String, Option<String>)> {
        let articles = corpus.editions.iter().flat_map(|edition| &edition.articles);
        articles
            .filter_map(|article| Some((article.id.clone(), article.continued_on.as_ref()?.article.clone())))
            .collect()
    }

    #[test]
    fn a_fragment_is_linked_once_and_extra_jumps_wait() {
        let (mut corpus, publication) = qingdao();
        let one = "第一篇。（下转第二版）\n\n第二篇。（下转第二版）\n\n第三篇。（下转第二版）";
        merge_page(&mut corpus, &publication, page(one, 1));
        merge_page(&mut corpus, &publication, page("（上接第一版）续一。\n\n（上接第一版）续二。", 2));
        assert_eq!(
            jump_targets(&corpus),
            [
                ("2024-09-12-p1-1".to_owned(), Some("2024-09-12-p2-1".to_owned())),
                ("2024-09-12-p1-2".to_owned(), Some("2024-09-12-p2-2".to_owned())),
                ("2024-09-12-p1-3".to_owned(), None),
            ]
        );
    }

    #[test]
    fn a_repeated_headline_beats_the_order() {
        let (mut corpus, publication) = qingdao();
        let one = "甲事\n\n甲文。（下转第二版）\n\n乙事\n\n乙文。（下转第二版）";
        merge_page(&mut corpus, &publication, page(one, 1));
        merge_page(&mut corpus, &publication, page("乙事\n（上接第一版）乙续。\n\n甲事\n（上接第一版）甲续。", 2));
        assert_eq!(
            jump_targets(&corpus),
            [
                ("2024-09-12-p1-1".to_owned(), Some("2024-09-12-p2-2".to_owned())),
                ("2024-09-12-p1-2".to_owned(), Some("2024-09-12-p2-1".to_owned())),
            ]
        );
    }

    #[test]
    fn another_paper_on_the_same_day_is_its_own_edition() {
        let (mut corpus, publication) = qingdao();
        let evening = Publication { title: "青岛晚报".to_owned(), lang: "zh-CN".to_owned() };
        merge_page(&mut corpus, &publication, page("早报的文章。", 1));
        merge_page(&mut corpus, &evening, page("晚报的文章。", 1));
        assert_eq!(corpus.editions.len(), 2);
        assert_eq!(corpus.editions[0].publication, None, "the corpus's own paper is not repeated");
        assert_eq!(corpus.editions[1].publication.as_ref(), Some(&evening));
    }

    #[test]
    fn shortened_headlines_match() {
        let article = |headline: &str| Article {
            id: String::new(),
            page: 1,
            kicker: None,
            headline: Some(headline.to_owned()),
            deck: None,
            byline: None,
            blocks: Vec::new(),
            continued_from: None,
            continued_on: None,
        };
        let same = |source: &str, continuation: &str| {
            match (folded_headline(&article(source)), folded_headline(&article(continuation))) {
                (Some(source), Some(continuation)) => same_story(&source, &continuation),
                _ => false,
            }
        };
        assert!(same("COUNCIL PASSES BUDGET", "Budget"));
        assert!(same("探索构建新型能源体系", "探索构建新型能源体系"));
        assert!(!same("MAYOR OPENS NEW BRIDGE", "FIRE DESTROYS MILL"));
        assert!(!same("—", "—"), "headlines without letters say nothing");
    }
}
