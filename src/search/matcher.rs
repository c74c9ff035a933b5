//! Finding one term: every group (story) that contains it, how strongly,
//! and, for terms of two or more characters, every position it starts at.
//!
//! A one-character term is answered from its documents list. A longer
//! term is an exact substring match on the stream: it occurs at `p` exactly
//! when its character pairs occur at `p`, `p+2`, `p+4`, … (and at `p+len-2`
//! for odd lengths). Pairs never contain a separator, so consecutive
//! positions covered by pairs lie in one unit and the match never crosses
//! units. No text is scanned and nothing is approximate, except for terms
//! with a character the vocabulary had no room for ([`super::scan`]), which
//! reads the text and finds the same matches.

use super::analyzer::is_ideograph;
use super::fields::BODY_BOOST;
use super::layout::Layout;
use super::places::{Place, Places};
use super::postings::skip_to;
use super::scan::scan_term;
use super::text_index::TextIndex;
use super::unlisted;
use super::vocabulary::Ids;
use crate::corpus::Corpus;

/// How many occurrences of a term are collected per fragment. One decides
/// the match; the first few carry the headline and other heading fields
/// (units come in reading order); past a few, BM25 barely moves. The rest of
/// the fragment is skipped, which keeps frequent terms fast.
pub const PER_FRAGMENT: usize = 4;

/// The matches of one term.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TermMatch {
    /// Groups containing the term, ascending, each with its weighted
    /// frequency: occurrences times field boost (a body hit counts 1) times
    /// the word-position weight.
    pub groups: Vec<(u32, f32)>,
    /// Start positions of occurrences, ascending: the first
    /// [`PER_FRAGMENT`] of each fragment. Empty for one-character terms.
    pub starts: Vec<u32>,
}

/// Finds `term` (normalized, non-empty) in the index of `corpus`: in its
/// postings, or, when they are not listed yet, by reading `unlisted`, the
/// stream they would list ([`super::unlisted`]).
pub fn match_term(
    layout: &Layout,
    places: &Places,
    text: &TextIndex,
    unlisted: Option<&[u16]>,
    corpus: &Corpus,
    term: &[char],
) -> TermMatch {
    match text.vocabulary.ids(term) {
        Ids::Absent => TermMatch::default(),
        Ids::Overflowed => scan_term(layout, places, text, corpus, term),
        Ids::Known(ids) => match (&ids[..], unlisted) {
            ([], _) => TermMatch::default(),
            (&[single], None) => match_char(layout, text, single),
            (&[single], Some(stream)) => unlisted::match_char(layout, stream, single),
            (_, None) => match_run(layout, places, text, &ids, term),
            (_, Some(stream)) => unlisted::match_run(layout, places, text, stream, &ids, term),
        },
    }
}

fn match_char(layout: &Layout, text: &TextIndex, id: u16) -> TermMatch {
    let mut groups = Vec::new();
    for hit in text.postings.docs(id) {
        if let Some(doc) = layout.docs.get(hit.doc as usize) {
            add_weight(&mut groups, doc.group, hit.weight);
        }
    }
    TermMatch { groups, starts: Vec::new() }
}

/// Adds a document's summed boosts for a one-character term to its group.
pub(crate) fn add_weight(groups: &mut Vec<(u32, f32)>, group: u32, boosts: u32) {
    add(groups, group, boosts as f32 / BODY_BOOST as f32);
}

/// The documents that hold a character, each with the summed field boosts
/// of its occurrences, as the character's postings list them, for the
/// finders that read text instead ([`super::scan`], [`super::unlisted`]):
/// `count(d, u)` says how often unit `u` of document `d` holds it.
pub fn weigh_char(layout: &Layout, mut count: impl FnMut(usize, usize) -> usize) -> TermMatch {
    let mut found = TermMatch::default();
    for (d, doc) in layout.docs.iter().enumerate() {
        let boosts: u32 = layout.doc_units(d).map(|u| u32::from(layout.field(u).boost()) * count(d, u) as u32).sum();
        if boosts > 0 {
            add_weight(&mut found.groups, doc.group, boosts);
        }
    }
    found
}

/// Matches a term of two characters or more: walks the list of its rarest
/// pair, checks the pairs that cover the term at their offsets, and records
/// each occurrence found.
fn match_run(layout: &Layout, places: &Places, text: &TextIndex, ids: &[u16], term: &[char]) -> TermMatch {
    let pair = |offset: usize| text.postings.pair(ids[offset], ids[offset + 1]);
    let last = ids.len() - 2;
    let Some(driver_offset) = (0..=last).min_by_key(|&offset| pair(offset).len()) else { return TermMatch::default() };
    let driver = pair(driver_offset);
    let mut covering: Vec<usize> = (0..=last).step_by(2).collect();
    if last % 2 == 1 {
        covering.push(last);
    }
    let others: Vec<(u32, &[u32])> =
        covering.into_iter().filter(|&offset| offset != driver_offset).map(|offset| (offset as u32, pair(offset))).collect();
    let driver_offset = driver_offset as u32;
    let mut cursors = vec![0usize; others.len()];
    let mut occurrences = Occurrences::new(layout, places, text, term);
    let mut next = 0;
    while let Some(&position) = driver.get(next) {
        next += 1;
        let Some(start) = position.checked_sub(driver_offset) else { continue };
        let everywhere = others.iter().zip(cursors.iter_mut()).all(|(&(offset, list), cursor)| {
            let target = start + offset;
            *cursor = skip_to(list, *cursor, target);
            list.get(*cursor) == Some(&target)
        });
        if !everywhere {
            continue;
        }
        match occurrences.record(start) {
            Recorded::Counted => {}
            Recorded::FragmentFull { end } => next = skip_to(driver, next, end.saturating_add(driver_offset)),
            Recorded::Outside => break,
        }
    }
    occurrences.found
}

/// What became of an occurrence handed to [`Occurrences::record`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recorded {
    Counted,
    /// Counted, and its fragment has [`PER_FRAGMENT`] occurrences: the
    /// caller skips to the fragment's end, the stream position `end`.
    FragmentFull { end: u32 },
    /// It lies beyond the layout (a corpus that does not fit the index):
    /// nothing after it can be placed either.
    Outside,
}

/// The occurrences of one term of two or more characters, recorded in
/// ascending stream order: each is placed in its fragment and its run of
/// fields ([`Places`]) and weighed by its field and its place in words.
pub struct Occurrences<'a> {
    layout: &'a Layout,
    places: &'a Places,
    text: &'a TextIndex,
    len: usize,
    /// Ideographs are words of their own: a run of them is whole words.
    ideographs: bool,
    place: Place,
    /// The boost of the place's field, in body hits.
    boost: f32,
    group: u32,
    in_fragment: usize,
    pub found: TermMatch,
}

impl<'a> Occurrences<'a> {
    pub fn new(layout: &'a Layout, places: &'a Places, text: &'a TextIndex, term: &[char]) -> Occurrences<'a> {
        Occurrences {
            layout,
            places,
            text,
            len: term.len(),
            ideographs: term.iter().all(|&c| is_ideograph(c)),
            place: Place::default(),
            boost: 0.0,
            group: 0,
            in_fragment: 0,
            found: TermMatch::default(),
        }
    }

    /// Records the occurrence starting at `start`.
    #[inline(always)]
    pub fn record(&mut self, start: u32) -> Recorded {
        if (start >= self.place.run_end || start >= self.place.doc_end) && !self.move_to(start) {
            return Recorded::Outside;
        }
        let weight = if self.ideographs { 1.0 } else { self.text.marks.weight(start as usize, self.len) };
        add(&mut self.found.groups, self.group, self.boost * weight);
        self.found.starts.push(start);
        self.in_fragment += 1;
        if self.in_fragment == PER_FRAGMENT {
            Recorded::FragmentFull { end: self.place.doc_end }
        } else {
            Recorded::Counted
        }
    }

    /// Moves to the field run, and the fragment, of `start`, which lies
    /// past the current run or fragment; false when it lies beyond the
    /// layout.
    fn move_to(&mut self, start: u32) -> bool {
        let new_fragment = start >= self.place.doc_end;
        let Some(place) = self.places.find(start, self.place) else { return false };
        self.place = place;
        self.boost = place.boost as f32 / BODY_BOOST as f32;
        if new_fragment {
            let Some(fragment) = self.layout.docs.get(place.doc) else { return false };
            self.group = fragment.group;
            self.in_fragment = 0;
        }
        true
    }
}

/// Always inlined: it runs for every occurrence a query records, and the
/// widget's size-optimized wasm otherwise calls it out of line.
#[inline(always)]
pub(crate) fn add(groups: &mut Vec<(u32, f32)>, group: u32, weight: f32) {
    match groups.last_mut() {
        Some((last, total)) if *last == group => *total += weight,
        _ => groups.push((group, weight)),
    }
}
