//! An article continued across pages, put back together: the fragments of
//! one article in reading order, found by following its jumps.
//!
//! Jumps are followed only through fragments the corpus holds; a jump to a
//! page outside the corpus ends the thread there. The corpus rules make a
//! jump point back, but they do not rule out a loop (A on B, B on A), so the
//! walk stops at the first fragment it has already seen.

use std::collections::HashSet;

use crate::corpus::{Article, Edition, Jump};

/// The fragments of the article that `id` belongs to, first to last;
/// empty when the edition has no article `id`.
pub fn thread<'e>(edition: &'e Edition, id: &str) -> Vec<&'e Article> {
    let Some(start) = edition.article(id) else { return Vec::new() };
    let linked = |jump: Option<&Jump>| jump.and_then(|jump| edition.article(jump.article.as_deref()?));

    let mut seen: HashSet<&str> = HashSet::from([start.id.as_str()]);
    let mut fragments = Vec::new();
    let mut cursor = start;
    while let Some(before) = linked(cursor.continued_from.as_ref()).filter(|a| seen.insert(a.id.as_str())) {
        fragments.push(before);
        cursor = before;
    }
    fragments.reverse();
    fragments.push(start);
    cursor = start;
    while let Some(after) = linked(cursor.continued_on.as_ref()).filter(|a| seen.insert(a.id.as_str())) {
        fragments.push(after);
        cursor = after;
    }
    fragments
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::corpus::Block;

    fn jump(page: u32, article: Option<&str>) -> Option<Jump> {
        Some(Jump { page: Some(page), label: None, article: article.map(str::to_owned) })
    }

    fn fragment(id: &str, page: u32, from: Option<Jump>, on: Option<Jump>) -> Article {
        Article {
            id: id.to_owned(),
            page,
            kicker: None,
            headline: None,
            deck: None,
            byline: None,
            blocks: vec![Block::Paragraph { text: id.to_owned() }],
            continued_from: from,
            continued_on: on,
        }
    }

    fn edition(articles: Vec<Article>) -> Edition {
        Edition { date: "2024-09-12".to_owned(), publication: None, pages: Vec::new(), articles }
    }

    fn ids(fragments: &[&Article]) -> Vec<String> {
        fragments.iter().map(|a| a.id.clone()).collect()
    }

    #[test]
    fn any_fragment_gives_the_whole_article_in_order() {
        let edition = edition(vec![
            fragment("p1", 1, None, jump(2, Some("p2"))),
            fragment("p2", 2, jump(1, Some("p1")), jump(3, Some("p3"))),
            fragment("p3", 3, jump(2, Some("p2")), None),
            fragment("other", 1, None, None),
        ]);
        for id in ["p1", "p2", "p3"] {
            assert_eq!(ids(&thread(&edition, id)), ["p1", "p2", "p3"], "from {id}");
        }
        assert_eq!(ids(&thread(&edition, "other")), ["other"]);
        assert!(thread(&edition, "missing").is_empty());
    }

    #[test]
    fn a_jump_outside_the_corpus_ends_the_thread() {
        let edition = edition(vec![
            fragment("p2", 2, jump(1, None), jump(3, Some("p3"))),
            fragment("p3", 3, jump(2, Some("p2")), jump(4, None)),
        ]);
        assert_eq!(ids(&thread(&edition, "p3")), ["p2", "p3"]);
    }

    proptest! {
        /// Whatever the jumps say (loops, dangling ids), the walk ends and
        /// yields each fragment once, including the one asked for.
        #[test]
        fn any_jumps_give_a_finite_thread_without_repeats(links in proptest::collection::vec((0usize..6, 0usize..6), 1..6)) {
            let name = |i: usize| format!("a{i}");
            let articles = links
                .iter()
                .enumerate()
                .map(|(i, &(from, on))| {
                    fragment(&name(i), 1, jump(1, Some(&name(from))), jump(1, Some(&name(on))))
                })
                .collect();
            let edition = edition(articles);
            for i in 0..links.len() {
                let fragments = ids(&thread(&edition, &name(i)));
                let unique: HashSet<&String> = fragments.iter().collect();
                prop_assert_eq!(unique.len(), fragments.len(), "{:?}", fragments);
                prop_assert!(fragments.contains(&name(i)));
            }
        }
    }
}
