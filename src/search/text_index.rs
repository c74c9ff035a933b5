//! What the index knows of the text: character ids, postings, word marks.
//! Never stored: it is derived from the corpus text whenever an index is
//! built or opened, since it would take as many bytes as the text itself
//! (the positions of every character pair say which characters are where),
//! while deriving it costs one pass that normalizes the text.
//!
//! The first pass goes through every unit in the layout's order, numbers
//! its normalized characters ([`Vocabulary`]) into a stream of ids with a
//! separator after each unit, marks its words ([`WordMarks`]) and counts
//! its characters; the second lists them ([`PostingsBuilder`]). This
//! module builds; [`super::matcher`] reads.

use super::analyzer::{is_word_char, WordMarks};
use super::layout::Layout;
use super::normalize::fold_with;
use super::postings::{Postings, PostingsBuilder, UnitSpan};
use super::vocabulary::{Vocabulary, OVERFLOW, SEPARATOR_ID};
use crate::corpus::Corpus;

/// The first pass of [`TextIndex::build`]: the stream of ids so far, with
/// what it counted and marked.
#[derive(Default)]
struct FirstPass {
    vocabulary: Vocabulary,
    postings: PostingsBuilder,
    marks: WordMarks,
    // Not sized by the layout's `end`: a stored layout may be damaged.
    stream: Vec<u16>,
    /// The folded characters of the unit at hand.
    chars: Vec<char>,
}

impl FirstPass {
    /// Adds the unit of `text` in document `doc`, and a separator after it.
    ///
    /// Never inlined: a browser first runs wasm in a quickly compiled form
    /// and swaps in the optimized one only at a function's next call, so
    /// the work of a corpus must come as many calls of a function, not one
    /// long call of a loop (on the 36 MB benchmark corpus the first open
    /// took half again as long as later ones).
    #[inline(never)]
    fn unit(&mut self, text: &str, doc: u32) {
        let FirstPass { vocabulary, postings, marks, stream, chars } = self;
        chars.clear();
        fold_with(text, |c, _| chars.push(c));
        let start = stream.len();
        stream.extend(chars.iter().map(|&c| vocabulary.intern(c)));
        let ids = &stream[start..];
        postings.count_unit(ids, doc);
        let in_word = |index: usize| match ids[index] {
            OVERFLOW => is_word_char(chars[index]),
            id => vocabulary.in_word(id),
        };
        marks.grow(stream.len() + 2);
        marks.mark_unit(start, chars, in_word);
        stream.push(SEPARATOR_ID);
    }
}

/// See the module documentation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextIndex {
    pub vocabulary: Vocabulary,
    pub postings: Postings,
    pub marks: WordMarks,
}

/// Where the units of a corpus start in its stream, and where the stream
/// ends, as [`TextIndex::build`] found them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Extent {
    pub unit_starts: Vec<u32>,
    pub end: u32,
}

impl TextIndex {
    /// Indexes the text of `layout`'s units in `corpus` with ids from
    /// `vocabulary` (empty), and says where the units were found to start.
    /// A unit whose text the corpus lacks counts as empty.
    pub fn build(layout: &Layout, corpus: &Corpus, vocabulary: Vocabulary) -> (TextIndex, Extent) {
        let mut pass = FirstPass { vocabulary, ..FirstPass::default() };
        let mut unit_starts = Vec::with_capacity(layout.units.len());
        for d in 0..layout.docs.len() {
            let article = layout.article(corpus, d);
            for u in layout.doc_units(d) {
                unit_starts.push(pass.stream.len() as u32);
                let text = article.and_then(|article| layout.units[u].source.text(article));
                pass.unit(text.unwrap_or_default(), d as u32);
            }
        }
        let FirstPass { vocabulary, postings, marks, stream, .. } = pass;
        let end = stream.len() as u32;
        let ends = unit_starts.iter().skip(1).copied().chain([end]);
        let spans = layout.units.iter().zip(unit_starts.iter().copied().zip(ends)).map(|(unit, (start, next))| UnitSpan {
            positions: start as usize..next as usize - 1,
            doc: unit.doc,
            boost: u32::from(unit.source.field.boost()),
        });
        let postings = postings.place(&stream, spans);
        let extent = Extent { unit_starts, end };
        (TextIndex { vocabulary, postings, marks }, extent)
    }

    /// The memory the text index takes, in bytes.
    pub fn heap_bytes(&self) -> usize {
        let marks = (self.marks.in_word.words().len() + self.marks.stem_ends.words().len()) * size_of::<u64>();
        self.vocabulary.heap_bytes() + self.postings.heap_bytes() + marks
    }
}
