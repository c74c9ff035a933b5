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

/// Finds `term` (normalized, non-empty) in the index.
pub fn match_term(index: &Index, term: &[char]) -> TermMatch {
    match term {
        [] => TermMatch::default(),
        [single] => match_char(index, *single),
        _ => match_run(index, term),
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

/// Matches a term of two characters or more: walks the rarest of its
/// covering pairs' lists, checks the others at their offsets, and weighs
/// each occurrence found by its unit's field and its place in words, up to
/// [`PER_FRAGMENT`] occurrences per fragment.
fn match_run(index: &Index, term: &[char]) -> TermMatch {
    let last = term.len() - 2;
    let mut offsets: Vec<usize> = (0..=last).step_by(2).collect();
    if last % 2 == 1 {
        offsets.push(last);
    }
    let mut lists: Vec<(u32, &[u32])> =
        offsets.into_iter().map(|offset| (offset as u32, index.pairs.get(pair_key(term[offset], term[offset + 1])))).collect();
    lists.sort_by_key(|(_, list)| list.len());
    let Some(&(driver_offset, driver)) = lists.first() else { return TermMatch::default() };
    let others = &lists[1..];
    // Ideographs are words of their own: a run of them is whole words.
    let ideographs = term.iter().all(|&c| is_ideograph(c));
    let layout = &index.layout;
    let mut found = TermMatch::default();
    let mut cursors = vec![0usize; others.len()];
    let (mut unit, mut unit_end, mut boost) = (0usize, 0u32, 0f32);
    let (mut group, mut fragment_end, mut in_fragment) = (0u32, 0u32, 0usize);
    let mut next = 0;
    while let Some(&position) = driver.get(next) {
        next += 1;
        let Some(start) = position.checked_sub(driver_offset) else { continue };
        let everywhere = others.iter().zip(cursors.iter_mut()).all(|(&(offset, list), cursor)| {
            let target = start + offset;
            *cursor = gallop(list, *cursor, target);
            list.get(*cursor) == Some(&target)
        });
        if !everywhere {
            continue;
        }
        if start >= unit_end {
            unit = gallop_by(&layout.units, unit, |u| u.start <= start).saturating_sub(1);
            let Some(found_unit) = layout.units.get(unit) else { break };
            unit_end = layout.unit_range(unit).end as u32;
            boost = found_unit.source.field.boost() as f32 / BODY_BOOST as f32;
            if start >= fragment_end {
                let doc = found_unit.doc as usize;
                let Some(fragment) = layout.docs.get(doc) else { break };
                group = fragment.group;
                fragment_end = layout.doc_end(doc);
                in_fragment = 0;
            }
        }
        let weight = if ideographs { 1.0 } else { index.marks.weight(start as usize, term.len()) };
        add(&mut found.groups, group, boost * weight);
        found.starts.push(start);
        in_fragment += 1;
        if in_fragment == PER_FRAGMENT {
            next = gallop(driver, next, fragment_end.saturating_add(driver_offset));
        }
    }
    found
}

fn add(groups: &mut Vec<(u32, f32)>, group: u32, weight: f32) {
    match groups.last_mut() {
        Some((last, total)) if *last == group => *total += weight,
        _ => groups.push((group, weight)),
    }
}
