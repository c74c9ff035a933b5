//! Finding a term by reading the text, for the rare term whose characters
//! the postings cannot tell apart: one the vocabulary had no room for
//! ([`super::vocabulary::OVERFLOW`]), in a corpus of more distinct
//! characters than it holds. Every unit is normalized again and searched;
//! slow, but exact, and the matches are the ones the postings would give:
//! the same groups and weights, the same starts, the same cap per fragment.

use super::layout::Layout;
use super::matcher::{weigh_char, Occurrences, Recorded, TermMatch};
use super::normalize::fold_with;
use super::places::Places;
use super::query::find_all;
use super::text_index::TextIndex;
use crate::corpus::Corpus;

/// Finds `term` (normalized, non-empty) by reading every unit of `corpus`
/// as `layout` places it.
pub fn scan_term(layout: &Layout, places: &Places, text: &TextIndex, corpus: &Corpus, term: &[char]) -> TermMatch {
    if term.len() == 1 {
        scan_char(layout, corpus, term[0])
    } else {
        scan_run(layout, places, text, corpus, term)
    }
}

/// The normalized characters of unit `u` of document `d`; none when the
/// corpus lacks its text.
fn unit_chars(layout: &Layout, corpus: &Corpus, d: usize, u: usize) -> Vec<char> {
    let Some(text) = layout.article(corpus, d).and_then(|article| layout.units[u].source.text(article)) else { return Vec::new() };
    let mut chars = Vec::with_capacity(text.len());
    fold_with(text, |c, _| chars.push(c));
    chars
}

fn scan_char(layout: &Layout, corpus: &Corpus, c: char) -> TermMatch {
    weigh_char(layout, |d, u| unit_chars(layout, corpus, d, u).iter().filter(|&&other| other == c).count())
}

fn scan_run(layout: &Layout, places: &Places, text: &TextIndex, corpus: &Corpus, term: &[char]) -> TermMatch {
    let mut occurrences = Occurrences::new(layout, places, text, term);
    'docs: for d in 0..layout.docs.len() {
        for u in layout.doc_units(d) {
            for offset in find_all(&unit_chars(layout, corpus, d, u), term) {
                match occurrences.record(layout.units[u].start + offset as u32) {
                    Recorded::Counted => {}
                    Recorded::FragmentFull { .. } => continue 'docs,
                    Recorded::Outside => break 'docs,
                }
            }
        }
    }
    occurrences.found
}
