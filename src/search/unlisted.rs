//! Finding a term by reading the stream of character ids, before the
//! postings that list it are built: a slice-by-slice build
//! ([`super::preparation`]) has the stream half-way, and this answers from
//! it while the lists are still being placed.
//!
//! The answers are the postings' own ([`super::matcher`]): the same
//! groups and weights, the same starts, the same cap per fragment, so a
//! query gives the same results before and after the lists are done. It
//! is slower per query (it reads the whole stream) but needs no lists.
//! This module only finds; it neither builds nor scores.

use super::layout::Layout;
use super::matcher::{weigh_char, Occurrences, Recorded, TermMatch};
use super::places::Places;
use super::text_index::TextIndex;

/// The ids of unit `u` in `stream`, separator excluded; empty when the
/// stream is shorter than the layout says.
fn unit_ids<'s>(layout: &Layout, stream: &'s [u16], u: usize) -> &'s [u16] {
    stream.get(layout.unit_range(u)).unwrap_or_default()
}

/// The documents that hold the character `id`, as its postings list them:
/// each with the summed field boosts of its occurrences.
pub fn match_char(layout: &Layout, stream: &[u16], id: u16) -> TermMatch {
    weigh_char(layout, |_, u| unit_ids(layout, stream, u).iter().filter(|&&other| other == id).count())
}

/// The occurrences of the run of ids `ids` (two or more, none a
/// separator), the characters of `term`, in stream order.
pub fn match_run(layout: &Layout, places: &Places, text: &TextIndex, stream: &[u16], ids: &[u16], term: &[char]) -> TermMatch {
    let mut occurrences = Occurrences::new(layout, places, text, term);
    let Some((&first, rest)) = ids.split_first() else { return occurrences.found };
    let mut from = 0;
    while let Some(offset) = stream.get(from..).and_then(|tail| tail.iter().position(|&id| id == first)) {
        let start = from + offset;
        let Some(after) = stream.get(start + 1..start + ids.len()) else { break };
        from = start + 1;
        if after != rest {
            continue;
        }
        match occurrences.record(start as u32) {
            Recorded::Counted => {}
            Recorded::FragmentFull { end } => from = from.max(end as usize),
            Recorded::Outside => break,
        }
    }
    occurrences.found
}
