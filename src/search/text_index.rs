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
use super::layout::{Extent, Layout};
use super::normalize::Folder;
use super::postings::{Placing, Postings, PostingsBuilder, UnitSpan};
use super::vocabulary::{Vocabulary, OVERFLOW, SEPARATOR_ID};
use crate::corpus::Corpus;

/// The first pass of a [`TextIndexBuild`]: the stream of ids so far, with
/// what it counted and marked.
#[derive(Debug, Default)]
struct FirstPass {
    /// The vocabulary and word marks so far; its postings stay empty until
    /// the build lists them.
    text: TextIndex,
    postings: PostingsBuilder,
    // Not sized by the layout's `end`: a stored layout may be damaged.
    stream: Vec<u16>,
    /// The folded characters of the unit at hand.
    chars: Vec<char>,
    /// Per BMP character of the text: what it folds to, when that is one
    /// BMP character other than a space, and that character's id, packed
    /// by [`remembered`]; [`NOT_REMEMBERED`] otherwise. Empty until the
    /// first unit. Nearly every character of news text folds so, and
    /// looking it up here spares folding it again (a third of the first
    /// pass in the browser).
    folds: Vec<u32>,
}

const NOT_REMEMBERED: u32 = u32::MAX;

/// A remembered fold: the folded character in the low half, its id in the high one.
fn remembered(id: u16, folded: u16) -> u32 {
    u32::from(id) << 16 | u32::from(folded)
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
        let FirstPass { text: TextIndex { vocabulary, marks, .. }, postings, stream, chars, folds } = self;
        if folds.is_empty() {
            folds.resize(0x1_0000, NOT_REMEMBERED);
        }
        chars.clear();
        let start = stream.len();
        let mut folder = Folder::default();
        for c in text.chars() {
            let fold = folds.get(c as usize).copied().unwrap_or(NOT_REMEMBERED);
            if fold != NOT_REMEMBERED {
                folder.folded_elsewhere();
                chars.push(char::from_u32(fold & 0xffff).unwrap_or(c));
                stream.push((fold >> 16) as u16);
                continue;
            }
            let before = chars.len();
            folder.fold(c, |folded| {
                chars.push(folded);
                stream.push(vocabulary.intern(folded));
            });
            if let ([folded], Some(&id), Ok(code)) = (&chars[before..], stream.last(), u16::try_from(u32::from(c))) {
                if let (false, Ok(folded)) = (*folded == ' ', u16::try_from(u32::from(*folded))) {
                    folds[usize::from(code)] = remembered(id, folded);
                }
            }
        }
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
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextIndex {
    pub vocabulary: Vocabulary,
    pub postings: Postings,
    pub marks: WordMarks,
}

/// The text index half built: every unit read, its postings not yet
/// listed. Enough to find terms by reading the stream
/// ([`super::unlisted`]), which a caller that builds in slices uses to
/// answer before the lists are done.
#[derive(Clone, Copy, Debug)]
pub struct ReadText<'a> {
    /// The vocabulary and word marks, complete; the postings, empty.
    pub text: &'a TextIndex,
    /// Every unit's ids, each followed by a separator.
    pub stream: &'a [u16],
    /// Where each unit starts in `stream`.
    pub unit_starts: &'a [u32],
}

impl ReadText<'_> {
    /// Where the units start and the stream ends.
    pub fn extent(&self) -> Extent {
        Extent { unit_starts: self.unit_starts.to_vec(), end: self.stream.len() as u32 }
    }
}

impl TextIndex {
    /// Indexes the text of `layout`'s units in `corpus` with ids from
    /// `vocabulary` (empty), and says where the units were found to start.
    /// A unit whose text the corpus lacks counts as empty.
    pub fn build(layout: &Layout, corpus: &Corpus, vocabulary: Vocabulary) -> (TextIndex, Extent) {
        let mut build = TextIndexBuild::new(vocabulary);
        build.step(layout, corpus, usize::MAX);
        build.finish()
    }

    /// The memory the text index takes, in bytes.
    pub fn heap_bytes(&self) -> usize {
        let marks = (self.marks.in_word.words().len() + self.marks.stem_ends.words().len()) * size_of::<u64>();
        self.vocabulary.heap_bytes() + self.postings.heap_bytes() + marks
    }
}

/// [`TextIndex::build`] a slice of work at a time: [`TextIndexBuild::step`]
/// until it says it is done, then [`TextIndexBuild::finish`]. For a caller
/// that must not block for the whole of a large corpus (the widget, when
/// it searches in the page); the result is the same as in one go.
#[derive(Debug)]
pub struct TextIndexBuild {
    pass: FirstPass,
    unit_starts: Vec<u32>,
    /// The next document to read.
    next_doc: usize,
    /// Once every document is read: the lists being written.
    placing: Option<Placing>,
    /// The next unit to list.
    next_unit: usize,
}

impl TextIndexBuild {
    /// A build that will number characters in `vocabulary` (empty).
    pub fn new(vocabulary: Vocabulary) -> TextIndexBuild {
        TextIndexBuild {
            pass: FirstPass { text: TextIndex { vocabulary, ..TextIndex::default() }, ..FirstPass::default() },
            unit_starts: Vec::new(),
            next_doc: 0,
            placing: None,
            next_unit: 0,
        }
    }

    /// Makes room ahead for a stream of `positions` ids, so that reading
    /// the corpus does not copy it again and again as it grows (on the
    /// 36 MB benchmark corpus that copying was a sixth of deriving the
    /// index in the browser). Only room: the result is the same.
    pub fn reserve(&mut self, positions: usize) {
        self.pass.stream.reserve(positions);
        self.pass.text.marks.reserve(positions + 2);
    }

    /// Once every unit is read, until [`TextIndexBuild::finish`]: what
    /// the build knows of the text so far.
    pub fn read(&self) -> Option<ReadText<'_>> {
        self.placing.as_ref()?;
        Some(ReadText { text: &self.pass.text, stream: &self.pass.stream, unit_starts: &self.unit_starts })
    }

    /// Does about `budget` characters' worth of the work of indexing
    /// `layout`'s units in `corpus` (the same layout and corpus at every
    /// step), at least one piece of it; true once all of it is done.
    pub fn step(&mut self, layout: &Layout, corpus: &Corpus, budget: usize) -> bool {
        let budget = budget.max(1);
        let mut done = 0;
        let placing = loop {
            if let Some(placing) = &mut self.placing {
                break placing;
            }
            if self.next_doc == layout.docs.len() {
                self.placing = Some(std::mem::take(&mut self.pass.postings).placing());
                continue;
            }
            if done >= budget {
                return false;
            }
            let d = self.next_doc;
            self.next_doc += 1;
            let article = layout.article(corpus, d);
            let before = self.pass.stream.len();
            for u in layout.doc_units(d) {
                self.unit_starts.push(self.pass.stream.len() as u32);
                let text = article.and_then(|article| layout.units[u].source.text(article));
                self.pass.unit(text.unwrap_or_default(), d as u32);
            }
            done += self.pass.stream.len() - before + 1;
        };
        if !placing.make_room(budget.saturating_sub(done)) {
            return false;
        }
        let (stream, unit_starts) = (&self.pass.stream, &self.unit_starts);
        while let Some(unit) = layout.units.get(self.next_unit) {
            if done >= budget {
                return false;
            }
            let start = unit_starts[self.next_unit] as usize;
            let next = unit_starts.get(self.next_unit + 1).map_or(stream.len(), |&next| next as usize);
            self.next_unit += 1;
            let span = UnitSpan { positions: start..next - 1, doc: unit.doc, boost: u32::from(unit.source.field.boost()) };
            done += span.positions.len() + 1;
            placing.unit(stream, &span);
        }
        placing.group(budget.saturating_sub(done))
    }

    /// The text index, and where its units were found to start, once
    /// [`TextIndexBuild::step`] has said it is done (before that, the
    /// index has no postings).
    pub fn finish(self) -> (TextIndex, Extent) {
        let FirstPass { mut text, stream, .. } = self.pass;
        text.postings = self.placing.map(Placing::finish).unwrap_or_default();
        let extent = Extent { unit_starts: self.unit_starts, end: stream.len() as u32 };
        (text, extent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus;
    use crate::search::normalize::normalize;
    use crate::search::test_corpus::{corpus_of, FIXTURES, TEXT};
    use proptest::prelude::*;

    proptest! {
        /// The stream holds the ids of each unit's normalized text, and the
        /// word marks are those of that text, whatever folds were
        /// remembered on the way.
        #[test]
        fn the_stream_is_the_normalized_text(articles in prop::collection::vec((TEXT, prop::collection::vec(TEXT, 1..4)), 1..6)) {
            let corpus = corpus_of(articles);
            let layout = Layout::of(&corpus);
            let mut build = TextIndexBuild::new(Vocabulary::default());
            while !build.step(&layout, &corpus, usize::MAX) {}
            let read = build.read().expect("every unit is read");
            let mut marks = WordMarks::default();
            for (u, &start) in read.unit_starts.iter().enumerate() {
                let article = layout.article(&corpus, layout.units[u].doc as usize).expect("the corpus has it");
                let chars: Vec<char> = normalize(layout.units[u].source.text(article).unwrap_or_default()).chars().collect();
                let ids: Vec<u16> = chars.iter().map(|&c| read.text.vocabulary.id(c).expect("every character has an id")).collect();
                let start = start as usize;
                prop_assert_eq!(&read.stream[start..start + ids.len()], &ids[..]);
                prop_assert_eq!(read.stream.get(start + ids.len()), Some(&SEPARATOR_ID));
                marks.grow(start + ids.len() + 2);
                marks.mark_unit(start, &chars, |index| is_word_char(chars[index]));
            }
            prop_assert_eq!(&marks, &read.text.marks);
        }

        /// However the work is sliced, the result is the one of one go.
        #[test]
        fn a_build_in_steps_is_the_build_in_one_go(fixture in 0..FIXTURES.len(), budgets in prop::collection::vec(0usize..400, 1..20)) {
            let corpus = corpus::load(FIXTURES[fixture]).expect("a valid fixture");
            let layout = Layout::of(&corpus);
            let whole = TextIndex::build(&layout, &corpus, Vocabulary::default());
            let mut build = TextIndexBuild::new(Vocabulary::default());
            let mut steps = 0;
            while !build.step(&layout, &corpus, budgets[steps % budgets.len()]) {
                steps += 1;
                prop_assert!(steps < 1_000_000, "the build makes progress");
            }
            prop_assert_eq!(build.finish(), whole);
        }
    }
}
