//! Snippets: up to three short passages of a hit story, each around at least
//! one occurrence of a query term, with every occurrence inside marked.
//!
//! Passages are cut from the original text (not the normalized one) and
//! highlights point at the original characters. Body text, captions and
//! subheads are preferred over the headline, kicker and deck, which the
//! reader shows anyway; among passages, those that show terms not yet shown
//! come first. This module does not decide which stories are hits.

use super::fields::Field;
use super::layout::Layout;
use super::matcher::TermMatch;
use super::normalize::Folded;
use super::query::{find_all, insertion_sort, merge_ranges, Term};
use super::results::Snippet;
use crate::corpus::Corpus;

/// The most snippets per hit.
pub const MAX_SNIPPETS: usize = 3;
/// A snippet shows about this many characters of text.
const WINDOW: usize = 72;
/// … of which this many come before its first hit.
const LEAD: usize = 16;
/// Marks text cut off at either end of a snippet.
const ELLIPSIS: char = '…';

/// The memory snippets reuse from one unit to the next, and from one hit
/// to the next: one per search.
#[derive(Debug, Default)]
pub struct Scratch {
    folded: Folded,
    /// The byte offset of each character of the unit's text, then its
    /// length: where a window of characters starts and ends, in bytes.
    char_bytes: Vec<u32>,
    hits: Vec<([usize; 2], usize)>,
}

/// A passage found, before choosing.
struct Passage {
    snippet: Snippet,
    /// Bit `i` set when term `i` occurs in it.
    terms: u64,
    in_heading: bool,
}

/// The snippets of group `group`, in reading order. `matches` are the
/// terms' matches: units where no term of two or more characters starts are
/// skipped without reading their text, and reading stops once enough body
/// passages show every term.
pub fn snippets(
    layout: &Layout,
    corpus: &Corpus,
    group: usize,
    terms: &[Term],
    matches: &[TermMatch],
    scratch: &mut Scratch,
) -> Vec<Snippet> {
    let all_terms = if terms.len() >= 64 { u64::MAX } else { (1u64 << terms.len()) - 1 };
    let needs_reading = matches.iter().any(|found| found.starts.is_empty());
    let mut passages: Vec<Passage> = Vec::new();
    let mut body_passages = 0;
    let mut body_terms = 0u64;
    for doc in layout.group_docs(group) {
        let Some(article) = layout.article(corpus, doc) else { continue };
        for unit in layout.doc_units(doc) {
            let range = layout.unit_range(unit);
            let has_hit = |starts: &[u32]| {
                let first = starts.partition_point(|&start| (start as usize) < range.start);
                starts.get(first).is_some_and(|&start| (start as usize) < range.end)
            };
            if !needs_reading && !matches.iter().any(|found| has_hit(&found.starts)) {
                continue;
            }
            let source = layout.units[unit].source;
            let Some(text) = source.text(article) else { continue };
            let in_heading = matches!(source.field, Field::Headline | Field::Kicker | Field::Deck);
            for (snippet, shown) in unit_passages(text, terms, scratch) {
                if !in_heading {
                    body_passages += 1;
                    body_terms |= shown;
                }
                passages.push(Passage { snippet, terms: shown, in_heading });
            }
            if body_passages >= MAX_SNIPPETS && body_terms == all_terms {
                return choose(passages);
            }
        }
    }
    choose(passages)
}

/// Picks up to [`MAX_SNIPPETS`] passages: each time the one that shows the
/// most terms not yet shown, preferring body text, then reading order. A
/// passage is never shown twice (a continuation that repeats its
/// headline, a caption printed on two pages).
fn choose(passages: Vec<Passage>) -> Vec<Snippet> {
    let mut chosen: Vec<usize> = Vec::new();
    let mut shown = 0u64;
    while chosen.len() < MAX_SNIPPETS {
        let is_new = |index: &usize| chosen.iter().all(|&other| passages[other].snippet != passages[*index].snippet);
        let best = (0..passages.len())
            .filter(is_new)
            .min_by_key(|&index| {
                let passage = &passages[index];
                (std::cmp::Reverse((passage.terms & !shown).count_ones()), passage.in_heading, index)
            });
        let Some(best) = best else { break };
        shown |= passages[best].terms;
        chosen.push(best);
    }
    let in_reading_order = passages.into_iter().enumerate().filter(|(index, _)| chosen.contains(index));
    in_reading_order.map(|(_, passage)| passage.snippet).collect()
}

/// The passages of one unit's text: windows that together cover every
/// occurrence of every term, each with the set of terms it shows.
fn unit_passages(text: &str, terms: &[Term], scratch: &mut Scratch) -> Vec<(Snippet, u64)> {
    let Scratch { folded, char_bytes, hits } = scratch;
    folded.refold(text);
    hits.clear();
    for (index, term) in terms.iter().enumerate() {
        for start in find_all(&folded.chars, term.chars()) {
            hits.push((folded.source_range(start, start + term.chars().len()), index));
        }
    }
    if hits.is_empty() {
        return Vec::new();
    }
    insertion_sort(hits);
    // The text is cut where windows start and end, in characters: copied
    // as one slice of bytes each, not collected a character at a time.
    char_bytes.clear();
    char_bytes.extend(text.char_indices().map(|(byte, _)| byte as u32));
    let char_count = char_bytes.len();
    char_bytes.push(text.len() as u32);
    let byte_at = |chars: usize| char_bytes[chars.min(char_count)] as usize;
    let mut passages = Vec::new();
    let mut next = 0;
    while let Some(&([first_start, first_end], _)) = hits.get(next) {
        let mut end = (first_start.saturating_sub(LEAD) + WINDOW).min(char_count).max(first_end);
        let start = end.saturating_sub(WINDOW).min(first_start.saturating_sub(LEAD));
        let inside = &hits[next..next + hits[next..].iter().take_while(|(range, _)| range[0] < end).count()];
        end = inside.iter().map(|(range, _)| range[1]).max().unwrap_or(end).max(end);
        next += inside.len();
        let lead = usize::from(start > 0);
        let cut = &text[byte_at(start)..byte_at(end)];
        let mut snippet_text = String::with_capacity(cut.len() + 2 * ELLIPSIS.len_utf8());
        if start > 0 {
            snippet_text.push(ELLIPSIS);
        }
        snippet_text.push_str(cut);
        if end < char_count {
            snippet_text.push(ELLIPSIS);
        }
        let highlights = merge_ranges(inside.iter().map(|(range, _)| [range[0] - start + lead, range[1] - start + lead]).collect());
        let shown = inside.iter().fold(0u64, |mask, (_, term)| mask | 1u64 << (term % 64));
        passages.push((Snippet { text: snippet_text, highlights }, shown));
    }
    passages
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Query;

    fn marked(snippet: &Snippet) -> Vec<String> {
        let chars: Vec<char> = snippet.text.chars().collect();
        snippet.highlights.iter().map(|[start, end]| chars[*start..*end].iter().collect()).collect()
    }

    #[test]
    fn a_long_paragraph_is_cut_around_its_hits_with_ellipses() {
        let text = format!("{}上海合作組織{}", "前".repeat(100), "后".repeat(100));
        let query = Query::parse("上海合作组织");
        let passages = unit_passages(&text, query.terms(), &mut Scratch::default());
        assert_eq!(passages.len(), 1);
        let snippet = &passages[0].0;
        assert!(snippet.text.starts_with('…') && snippet.text.ends_with('…'));
        assert_eq!(marked(snippet), vec!["上海合作組織"]);
        assert!(snippet.text.chars().count() <= WINDOW + 2);
    }

    #[test]
    fn distant_hits_make_separate_passages_and_near_ones_share() {
        let text = format!("Congress met.{}The congress and CONGRESS.", " filler".repeat(30));
        let query = Query::parse("congress");
        let passages = unit_passages(&text, query.terms(), &mut Scratch::default());
        let marks: Vec<Vec<String>> = passages.iter().map(|(snippet, _)| marked(snippet)).collect();
        assert_eq!(marks, vec![vec!["Congress"], vec!["congress", "CONGRESS"]]);
    }

    #[test]
    fn the_same_passage_twice_in_a_story_is_shown_once() {
        let passage = |text: &str| Passage {
            snippet: Snippet { text: text.to_owned(), highlights: vec![[0, 2]] },
            terms: 1,
            in_heading: false,
        };
        let chosen = choose(vec![passage("上合峰会开幕"), passage("上合峰会开幕"), passage("上合示范区")]);
        let texts: Vec<&str> = chosen.iter().map(|snippet| snippet.text.as_str()).collect();
        assert_eq!(texts, ["上合峰会开幕", "上合示范区"]);
    }

    #[test]
    fn a_hit_longer_than_the_window_is_shown_whole() {
        let long = "长".repeat(WINDOW * 2);
        let text = format!("开头{long}结尾");
        let query = Query::parse(&long);
        let passages = unit_passages(&text, query.terms(), &mut Scratch::default());
        assert_eq!(marked(&passages[0].0), vec![long]);
    }
}
