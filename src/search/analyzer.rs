//! The analyzer: how normalized text becomes what the index keeps.
//!
//! The index sees the corpus as one stream of normalized characters
//! ([`super::normalize`]), every unit followed by a separator
//! ([`super::vocabulary::SEPARATOR_ID`]). From it the analyzer takes
//! - single characters (all scripts) and overlapping character pairs
//!   ("bigrams") that do not cross a separator: together they find any
//!   substring exactly, CJK or not ([`super::text_index`]);
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

/// True for characters that are words on their own (CJK ideographs).
#[inline]
pub fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// True for characters that make up words with their neighbours: letters
/// and digits other than ideographs.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !is_ideograph(c) && c.is_alphanumeric()
    }
}

/// Where the words of the stream are: bit `p` of `in_word` is set when the
/// character at position `p` is a word character ([`is_word_char`]), so
/// that a word boundary lies before `p` unless the characters at `p - 1`
/// and `p` both are (separators are not); bit `p` of `stem_ends` is set
/// when an English word's stem ends just before `p`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordMarks {
    pub in_word: BitSet,
    pub stem_ends: BitSet,
}

/// How much an occurrence counts given where it sits in its words.
const WHOLE_WORD: f32 = 1.0;
const WORD_START: f32 = 0.6;
const INSIDE_WORD: f32 = 0.3;

impl WordMarks {
    pub fn new(len: usize) -> WordMarks {
        WordMarks { in_word: BitSet::new(len), stem_ends: BitSet::new(len) }
    }

    /// Makes room for positions up to `len` (exclusive) ahead, without
    /// marking any: see [`BitSet::reserve`].
    pub fn reserve(&mut self, len: usize) {
        self.in_word.reserve(len);
        self.stem_ends.reserve(len);
    }

    /// Makes room for positions up to `len` (exclusive).
    pub fn grow(&mut self, len: usize) {
        self.in_word.grow(len);
        self.stem_ends.grow(len);
    }

    /// Marks the words of one unit whose normalized characters are `chars`,
    /// starting at stream position `start`; `in_word(i)` tells whether
    /// `chars[i]` is a word character ([`is_word_char`], which the caller
    /// may have at hand for less).
    pub fn mark_unit(&mut self, start: usize, chars: &[char], in_word: impl Fn(usize) -> bool) {
        let mut word_start: Option<usize> = None;
        for index in 0..chars.len() {
            if in_word(index) {
                self.in_word.set(start + index);
                word_start.get_or_insert(index);
            } else if let Some(first) = word_start.take() {
                self.mark_stem(start + first, &chars[first..index]);
            }
        }
        if let Some(first) = word_start {
            self.mark_stem(start + first, &chars[first..]);
        }
    }

    /// Marks where the stem of the word at `start` ends, if it has a suffix.
    fn mark_stem(&mut self, start: usize, word: &[char]) {
        if let Some(stem) = stem_len(word) {
            self.stem_ends.set(start + stem);
        }
    }

    /// Whether a word boundary lies just before position `p`.
    #[inline]
    pub fn boundary(&self, p: usize) -> bool {
        p == 0 || !(self.in_word.get(p - 1) && self.in_word.get(p))
    }

    /// Whether a word, or an English word's stem, ends just before `p`.
    #[inline]
    pub fn word_end(&self, p: usize) -> bool {
        self.boundary(p) || self.stem_ends.get(p)
    }

    /// The ranking weight of an occurrence with `boundary_before` its start
    /// and `word_end` its end ([`WordMarks::weight`] from the two marks).
    pub fn weight_of(boundary_before: bool, word_end: bool) -> f32 {
        if !boundary_before {
            INSIDE_WORD
        } else if word_end {
            WHOLE_WORD
        } else {
            WORD_START
        }
    }

    /// The ranking weight of an occurrence at `start` of `len` characters.
    pub fn weight(&self, start: usize, len: usize) -> f32 {
        WordMarks::weight_of(self.boundary(start), self.word_end(start + len))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The marks of `text` as a unit at position 1, after a separator.
    fn marks(text: &str) -> WordMarks {
        let chars: Vec<char> = text.chars().collect();
        let mut marks = WordMarks::new(chars.len() + 2);
        marks.mark_unit(1, &chars, |index| is_word_char(chars[index]));
        marks
    }

    #[test]
    fn whole_words_outweigh_prefixes_outweigh_infixes() {
        let marks = marks("the congress elected");
        assert_eq!(marks.weight(5, 8), WHOLE_WORD); // congress
        assert_eq!(marks.weight(14, 5), WHOLE_WORD); // elect, the stem of elected
        assert_eq!(marks.weight(5, 4), WORD_START); // cong
        assert_eq!(marks.weight(6, 6), INSIDE_WORD); // ongres
    }

    #[test]
    fn punctuation_separates_words() {
        let marks = marks("covid-19 (voting)");
        assert_eq!(marks.weight(1, 5), WHOLE_WORD); // covid
        assert_eq!(marks.weight(7, 2), WHOLE_WORD); // 19
        assert_eq!(marks.weight(11, 3), WHOLE_WORD); // vot, the stem of voting
    }

    #[test]
    fn every_ideograph_is_a_word() {
        let marks = marks("上合组织2024年");
        assert_eq!(marks.weight(2, 2), WHOLE_WORD);
        assert_eq!(marks.weight(5, 4), WHOLE_WORD); // 2024
        assert_eq!(marks.weight(6, 2), INSIDE_WORD);
    }

    #[test]
    fn units_begin_and_end_words() {
        let mut marks = WordMarks::new(6);
        let (first, second): (Vec<char>, Vec<char>) = ("ab".chars().collect(), "cd".chars().collect());
        marks.mark_unit(0, &first, |index| is_word_char(first[index]));
        marks.mark_unit(3, &second, |index| is_word_char(second[index]));
        assert_eq!(marks.weight(0, 2), WHOLE_WORD);
        assert_eq!(marks.weight(3, 2), WHOLE_WORD);
        assert_eq!(marks.weight(4, 1), INSIDE_WORD);
    }
}
