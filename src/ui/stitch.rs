//! An article continued across pages, put back together: the fragments of
//! one article in reading order, found by following its jumps, and their
//! blocks as one read ([`pieces`]).
//!
//! Jumps are followed only through fragments the corpus holds; a jump to a
//! page outside the corpus ends the thread there. The corpus rules make a
//! jump point back, but they do not rule out a loop (A on B, B on A), so the
//! walk stops at the first fragment it has already seen.

use std::collections::HashSet;

use crate::corpus::{Article, Block, Edition, Jump};

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

/// One piece of a stitched article.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece<'a> {
    /// A paragraph, possibly running on across pages: its text in parts,
    /// with the page each later part is printed on.
    Paragraph { first: &'a str, rest: Vec<(u32, &'a str)> },
    /// A subhead or figure, as printed.
    Block(&'a Block),
    /// The page changes between two blocks.
    Turn(u32),
}

/// The blocks of `fragments` as one read. A paragraph cut off mid-sentence
/// by the jump runs on into the first paragraph of the next fragment (the
/// page change is marked inside it); elsewhere a [`Piece::Turn`] stands
/// between the fragments.
pub fn pieces<'a>(fragments: &[&'a Article]) -> Vec<Piece<'a>> {
    let mut pieces: Vec<Piece<'a>> = Vec::new();
    for (index, fragment) in fragments.iter().enumerate() {
        let mut blocks = fragment.blocks.iter().peekable();
        if index > 0 {
            let runs_on = match (pieces.last_mut(), blocks.peek()) {
                (Some(Piece::Paragraph { first, rest }), Some(Block::Paragraph { text }))
                    if !ends_sentence(rest.last().map_or(*first, |&(_, part)| part)) =>
                {
                    rest.push((fragment.page, text.as_str()));
                    true
                }
                _ => false,
            };
            if runs_on {
                blocks.next();
            } else {
                pieces.push(Piece::Turn(fragment.page));
            }
        }
        pieces.extend(blocks.map(|block| match block {
            Block::Paragraph { text } => Piece::Paragraph { first: text, rest: Vec::new() },
            other => Piece::Block(other),
        }));
    }
    pieces
}

/// True when `text` ends a sentence: a full stop, question or exclamation
/// mark, an ellipsis, or a closing quote or bracket after one of them.
fn ends_sentence(text: &str) -> bool {
    let mut tail = text.trim_end().chars().rev();
    let last = tail.next();
    let is_stop = |c: char| matches!(c, '。' | '！' | '？' | '…' | '.' | '!' | '?');
    match last {
        Some(c) if is_stop(c) => true,
        Some('”' | '」' | '』' | '）' | ')' | '"' | '\'' | '’') => tail.next().is_some_and(is_stop),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::corpus::Block;

    fn jump(page: u32, article: Option<&str>) -> Option<Jump> {
        Some(Jump { article: article.map(str::to_owned), ..Jump::to_page(page) })
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

    fn with_blocks(mut article: Article, texts: &[&str]) -> Article {
        article.blocks = texts.iter().map(|text| Block::Paragraph { text: (*text).to_owned() }).collect();
        article
    }

    #[test]
    fn a_sentence_cut_by_the_jump_runs_on_into_the_next_page() {
        let one = with_blocks(fragment("p1", 1, None, None), &["第一段。", "就要从人民群众的根本利益和"]);
        let two = with_blocks(fragment("p2", 2, None, None), &["长远利益出发谋划。", "第二段。"]);
        let three = with_blocks(fragment("p3", 3, None, None), &["新的一段。"]);
        let pieces = pieces(&[&one, &two, &three]);
        let paragraph = |first, rest: Vec<(u32, &'static str)>| Piece::Paragraph { first, rest };
        assert_eq!(
            pieces,
            [
                paragraph("第一段。", vec![]),
                paragraph("就要从人民群众的根本利益和", vec![(2, "长远利益出发谋划。")]),
                paragraph("第二段。", vec![]),
                Piece::Turn(3),
                paragraph("新的一段。", vec![]),
            ]
        );
    }

    #[test]
    fn a_paragraph_may_run_on_across_several_pages() {
        let one = with_blocks(fragment("p1", 1, None, None), &["It was the"]);
        let two = with_blocks(fragment("p2", 2, None, None), &["best of"]);
        let three = with_blocks(fragment("p3", 3, None, None), &["times.\""]);
        assert_eq!(pieces(&[&one, &two, &three]), [Piece::Paragraph { first: "It was the", rest: vec![(2, "best of"), (3, "times.\"")] }]);
        assert!(ends_sentence("他说：“好。”") && ends_sentence("Done. ") && !ends_sentence("（上接第一版") && !ends_sentence(""));
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
