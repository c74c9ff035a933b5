//! Finding a term by reading the text, for the rare term whose characters
//! the postings cannot tell apart: one the vocabulary had no room for
//! ([`super::vocabulary::OVERFLOW`]), in a corpus of more distinct
//! characters than it holds. Every unit is normalized again and searched;
//! slow, but exact, and the matches are the ones the postings would give:
//! the same groups and weights, the same starts, the same cap per fragment.

use super::layout::Layout;
use super::matcher::{add_weight, Occurrences, Recorded, TermMatch};
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

/// The normalized characters of every unit of document `d`, with the
/// unit's index.
fn doc_units<'a>(layout: &'a Layout, corpus: &'a Corpus, d: usize) -> impl Iterator<Item = (usize, Vec<char>)> + 'a {
    let article = layout.article(corpus, d);
    layout.doc_units(d).filter_map(move |u| {
        let text = layout.units[u].source.text(article?)?;
        let mut chars = Vec::with_capacity(text.len());
        fold_with(text, |c, _| chars.push(c));
        Some((u, chars))
    })
}

fn scan_char(layout: &Layout, corpus: &Corpus, c: char) -> TermMatch {
    let mut found = TermMatch::default();
    for (d, doc) in layout.docs.iter().enumerate() {
        let boosts: u32 = doc_units(layout, corpus, d)
            .map(|(u, chars)| layout.field(u).boost() as u32 * chars.iter().filter(|&&other| other == c).count() as u32)
            .sum();
        if boosts > 0 {
            add_weight(&mut found.groups, doc.group, boosts);
        }
    }
    found
}

fn scan_run(layout: &Layout, places: &Places, text: &TextIndex, corpus: &Corpus, term: &[char]) -> TermMatch {
    let mut occurrences = Occurrences::new(layout, places, text, term);
    'docs: for d in 0..layout.docs.len() {
        for (u, chars) in doc_units(layout, corpus, d) {
            for offset in find_all(&chars, term) {
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
