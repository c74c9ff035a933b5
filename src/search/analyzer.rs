//! The analyzer: how normalized text becomes what the index stores.
//!
//! The index sees the corpus as one stream of normalized characters
//! ([`super::normalize`]), every unit followed by [`SEPARATOR`]. From it the
//! analyzer takes
//! - single characters (all scripts) and overlapping character pairs
//!   ("bigrams") that do not cross a separator: together they find any
//!   substring exactly, CJK or not;
//! - word boundaries: a CJK ideograph is a word of its own, a run of other
//!   letters and digits is a word, every other character stands alone, and
//!   English words also mark where their stem ends ([`super::stem`]). These
//!   only rank: a hit that is a whole word weighs more than one inside a
//!   word (`ongres` in `Congress`), which is still found. (Full UAX #29
//!   segmentation would add 13 KB of gzipped tables to the wasm for a
//!   ranking nuance: `don't` is two words here, one there.)
//!
//! The analyzer does not store or look anything up: see
//! [`super::postings`] and [`super::matcher`].

use super::bits::BitSet;
use super::stem::stem_len;

/// Ends every unit in the stream. Normalization turns all whitespace into
/// plain spaces, so no normalized text or query term contains it, and no
/// match can run from one unit into the next.
pub const SEPARATOR: char = '\n';

/// The key of the character pair `a b`.
#[inline]
pub fn pair_key(a: char, b: char) -> u64 {
    (a as u64) << 32 | b as u64
}

/// True for characters that are words on their own (CJK ideographs).
#[inline]
pub fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// Word boundaries and stem ends over the stream: bit `p` of `boundaries` is
/// set when a word boundary lies just before position `p`; bit `p` of
/// `stem_ends` when an English word's stem ends just before `p`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordMarks {
    pub boundaries: BitSet,
    pub stem_ends: BitSet,
}

/// How much an occurrence counts given where it sits in its words.
const WHOLE_WORD: f32 = 1.0;
const WORD_START: f32 = 0.6;
const INSIDE_WORD: f32 = 0.3;

impl WordMarks {
    pub fn new(len: usize) -> WordMarks {
        WordMarks { boundaries: BitSet::new(len), stem_ends: BitSet::new(len) }
    }

    /// Marks the words of one unit whose normalized characters are `chars`,
    /// starting at stream position `start`.
    pub fn mark_unit(&mut self, start: usize, chars: &[char]) {
        let in_word = |c: char| c.is_alphanumeric() && !is_ideograph(c);
        let mut word_start: Option<usize> = None;
        for (index, &c) in chars.iter().enumerate() {
            if in_word(c) {
                if word_start.is_none() {
                    self.boundaries.set(start + index);
                    word_start = Some(index);
                }
            } else {
                if let Some(first) = word_start.take() {
                    self.mark_stem(start + first, &chars[first..index]);
                }
                self.boundaries.set(start + index);
                self.boundaries.set(start + index + 1);
            }
        }
        if let Some(first) = word_start {
            self.mark_stem(start + first, &chars[first..]);
        }
        self.boundaries.set(start);
        self.boundaries.set(start + chars.len());
    }

    /// Marks where the stem of the word at `start` ends, if it has a suffix.
    fn mark_stem(&mut self, start: usize, word: &[char]) {
        if let Some(stem) = stem_len(word) {
            self.stem_ends.set(start + stem);
        }
    }

    /// The ranking weight of an occurrence at `start` of `len` characters.
    pub fn weight(&self, start: usize, len: usize) -> f32 {
        let end = start + len;
        if !self.boundaries.get(start) {
            INSIDE_WORD
        } else if self.boundaries.get(end) || self.stem_ends.get(end) {
            WHOLE_WORD
        } else {
            WORD_START
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(text: &str) -> WordMarks {
        let chars: Vec<char> = text.chars().collect();
        let mut marks = WordMarks::new(chars.len() + 1);
        marks.mark_unit(0, &chars);
        marks
    }

    #[test]
    fn whole_words_outweigh_prefixes_outweigh_infixes() {
        let marks = marks("the congress elected");
        assert_eq!(marks.weight(4, 8), WHOLE_WORD); // congress
        assert_eq!(marks.weight(13, 5), WHOLE_WORD); // elect, the stem of elected
        assert_eq!(marks.weight(4, 4), WORD_START); // cong
        assert_eq!(marks.weight(5, 6), INSIDE_WORD); // ongres
    }

    #[test]
    fn punctuation_separates_words() {
        let marks = marks("covid-19 (voting)");
        assert_eq!(marks.weight(0, 5), WHOLE_WORD); // covid
        assert_eq!(marks.weight(6, 2), WHOLE_WORD); // 19
        assert_eq!(marks.weight(10, 3), WHOLE_WORD); // vot, the stem of voting
    }

    #[test]
    fn every_ideograph_is_a_word() {
        let marks = marks("上合组织2024年");
        assert_eq!(marks.weight(1, 2), WHOLE_WORD);
        assert_eq!(marks.weight(4, 4), WHOLE_WORD); // 2024
        assert_eq!(marks.weight(5, 2), INSIDE_WORD);
    }
}
