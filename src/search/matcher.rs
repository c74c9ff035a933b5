//! Finding one term: every group (story) that contains it, how strongly,
//! and, for terms of two or more characters, every position it starts at.
//!
//! A one-character term is answered from the character postings. A longer
//! term is an exact substring match on the stream: it occurs at `p` exactly
//! when its character pairs occur at `p`, `p+2`, `p+4`, … (and at `p+len-2`
//! for odd lengths). Pairs never contain a separator, so consecutive
//! positions covered by pairs lie in one unit and the match never crosses
//! units. No text is scanned and nothing is approximate.

use super::analyzer::{is_ideograph, pair_key};
use super::fields::BODY_BOOST;
use super::index::Index;
use super::postings::{gallop, gallop_by};

/// The matches of one term.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TermMatch {
    /// Groups containing the term, ascending, each with its weighted
    /// frequency: occurrences times field boost (a body hit counts 1) times
    /// the word-position weight.
    pub groups: Vec<(u32, f32)>,
    /// The start position of every occurrence, ascending; empty for
    /// one-character terms.
    pub starts: Vec<u32>,
}

/// Finds `term` (normalized, non-empty) in the index.
pub fn match_term(index: &Index, term: &[char]) -> TermMatch {
    match term {
        [] => TermMatch::default(),
        [single] => match_char(index, *single),
        _ => {
            let starts = occurrences(index, term);
            let groups = weigh(index, &starts, term.len(), term.iter().all(|&c| is_ideograph(c)));
            TermMatch { groups, starts }
        }
    }
}

fn match_char(index: &Index, c: char) -> TermMatch {
    let mut groups = Vec::new();
    for hit in index.chars.get(c as u32) {
        if let Some(doc) = index.layout.docs.get(hit.doc as usize) {
            add(&mut groups, doc.group, hit.weight as f32 / BODY_BOOST as f32);
        }
    }
    TermMatch { groups, starts: Vec::new() }
}

/// Every start position of `term` (two characters or more), ascending.
fn occurrences(index: &Index, term: &[char]) -> Vec<u32> {
    let last = term.len() - 2;
    let mut offsets: Vec<usize> = (0..=last).step_by(2).collect();
    if last % 2 == 1 {
        offsets.push(last);
    }
    let mut lists: Vec<(u32, &[u32])> =
        offsets.into_iter().map(|offset| (offset as u32, index.pairs.get(pair_key(term[offset], term[offset + 1])))).collect();
    lists.sort_by_key(|(_, list)| list.len());
    let Some(&(driver_offset, driver)) = lists.first() else { return Vec::new() };
    let others = &lists[1..];
    let mut cursors = vec![0usize; others.len()];
    let mut starts = Vec::new();
    for &position in driver {
        let Some(start) = position.checked_sub(driver_offset) else { continue };
        let everywhere = others.iter().zip(cursors.iter_mut()).all(|(&(offset, list), cursor)| {
            let target = start + offset;
            *cursor = gallop(list, *cursor, target);
            list.get(*cursor) == Some(&target)
        });
        if everywhere {
            starts.push(start);
        }
    }
    starts
}

/// Sums the weighted frequency of each group from occurrence starts.
fn weigh(index: &Index, starts: &[u32], len: usize, ideographs: bool) -> Vec<(u32, f32)> {
    let layout = &index.layout;
    let mut groups = Vec::new();
    let (mut unit, mut unit_end) = (0usize, 0u32);
    let (mut group, mut boost) = (0u32, 0f32);
    for &start in starts {
        if start >= unit_end {
            unit = gallop_by(&layout.units, unit, |u| u.start <= start).saturating_sub(1);
            let Some(found) = layout.units.get(unit) else { break };
            let Some(doc) = layout.docs.get(found.doc as usize) else { break };
            unit_end = layout.unit_range(unit).end as u32;
            group = doc.group;
            boost = found.source.field.boost() as f32 / BODY_BOOST as f32;
        }
        // Ideographs are words of their own: a run of them is whole words.
        let weight = if ideographs { 1.0 } else { index.marks.weight(start as usize, len) };
        add(&mut groups, group, boost * weight);
    }
    groups
}

fn add(groups: &mut Vec<(u32, f32)>, group: u32, weight: f32) {
    match groups.last_mut() {
        Some((last, total)) if *last == group => *total += weight,
        _ => groups.push((group, weight)),
    }
}
