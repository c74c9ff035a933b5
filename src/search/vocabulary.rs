//! Character ids: every distinct normalized character of a corpus gets a
//! 16-bit id, in the order the characters first occur, so that postings
//! can be kept in dense tables and a character pair fits 32 bits.
//!
//! Id 0 is the unit separator. A corpus has a few thousand distinct
//! characters; should one have more than the vocabulary holds, the rest
//! share [`OVERFLOW`], and terms with such characters are found by reading
//! the text instead ([`super::scan`]). This module only numbers characters
//! (and remembers which are word characters, so that the analyzer need not
//! look that up for every occurrence).

use super::analyzer::is_word_char;

/// The id of the separator that ends every unit of text.
pub const SEPARATOR_ID: u16 = 0;
/// The id shared by characters beyond the vocabulary's capacity.
pub const OVERFLOW: u16 = u16::MAX;
/// The most characters a vocabulary numbers: every id but the separator's
/// and [`OVERFLOW`].
pub const CAPACITY: usize = u16::MAX as usize - 1;

/// The characters of one corpus and their ids.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Vocabulary {
    /// `bmp[c]` is the id of the Basic Multilingual Plane character `c`, or
    /// 0 when it has none.
    bmp: Box<[u16]>,
    /// Characters beyond the BMP with their ids, sorted by character.
    astral: Vec<(char, u16)>,
    /// `in_word[id]`: whether the character is a word character
    /// ([`is_word_char`]), computed once per character.
    in_word: Vec<bool>,
    /// The number of ids given, the separator's included.
    len: usize,
    capacity: usize,
    overflowed: bool,
}

/// How a term's characters map to ids.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ids {
    /// Every character has an id of its own.
    Known(Vec<u16>),
    /// Some character never occurs in the corpus: nothing can match.
    Absent,
    /// Some character has no id of its own because the vocabulary is full:
    /// only the text can tell where the term occurs.
    Overflowed,
}

impl Default for Vocabulary {
    fn default() -> Vocabulary {
        Vocabulary::with_capacity(CAPACITY)
    }
}

impl Vocabulary {
    /// An empty vocabulary that numbers at most `capacity` characters
    /// (at most [`CAPACITY`]).
    pub fn with_capacity(capacity: usize) -> Vocabulary {
        Vocabulary {
            bmp: vec![0; 0x1_0000].into_boxed_slice(),
            astral: Vec::new(),
            in_word: vec![false],
            len: 1,
            capacity: capacity.min(CAPACITY),
            overflowed: false,
        }
    }

    /// The number of ids given, the separator's included; ids are below it
    /// (or [`OVERFLOW`]).
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn heap_bytes(&self) -> usize {
        self.bmp.len() * size_of::<u16>() + self.astral.len() * size_of::<(char, u16)>() + self.in_word.len()
    }

    /// The id of `c`, giving it the next one when it has none.
    #[inline]
    pub fn intern(&mut self, c: char) -> u16 {
        if let Some(id) = self.id(c) {
            return id;
        }
        let id = if self.len <= self.capacity {
            self.len += 1;
            self.in_word.push(is_word_char(c));
            (self.len - 1) as u16
        } else {
            self.overflowed = true;
            OVERFLOW
        };
        match u16::try_from(c as u32) {
            Ok(code) => self.bmp[usize::from(code)] = id,
            Err(_) => {
                let at = self.astral.partition_point(|&(other, _)| other < c);
                self.astral.insert(at, (c, id));
            }
        }
        id
    }

    /// The id of `c`, when it occurs.
    #[inline]
    pub fn id(&self, c: char) -> Option<u16> {
        match u16::try_from(c as u32) {
            Ok(code) => Some(self.bmp[usize::from(code)]).filter(|&id| id != 0),
            Err(_) => self.astral.binary_search_by_key(&c, |&(other, _)| other).ok().map(|at| self.astral[at].1),
        }
    }

    /// Whether the character of `id` is a word character; false for the
    /// separator and for [`OVERFLOW`], which stands for many characters.
    #[inline]
    pub fn in_word(&self, id: u16) -> bool {
        self.in_word.get(usize::from(id)).copied().unwrap_or(false)
    }

    /// The ids of `term`'s characters.
    pub fn ids(&self, term: &[char]) -> Ids {
        let mut ids = Vec::with_capacity(term.len());
        for &c in term {
            match self.id(c) {
                Some(OVERFLOW) => return Ids::Overflowed,
                Some(id) => ids.push(id),
                None if self.overflowed => return Ids::Overflowed,
                None => return Ids::Absent,
            }
        }
        Ids::Known(ids)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_are_numbered_in_order_of_first_occurrence() {
        let mut vocabulary = Vocabulary::default();
        let ids: Vec<u16> = "上合a上𠀀a".chars().map(|c| vocabulary.intern(c)).collect();
        assert_eq!(ids, [1, 2, 3, 1, 4, 3]);
        assert_eq!(vocabulary.len(), 5);
        assert_eq!(vocabulary.ids(&['合', '𠀀']), Ids::Known(vec![2, 4]));
        assert_eq!(vocabulary.ids(&['合', '作']), Ids::Absent);
        assert!(vocabulary.in_word(3) && !vocabulary.in_word(1) && !vocabulary.in_word(0));
    }

    #[test]
    fn characters_beyond_the_capacity_share_the_overflow_id() {
        let mut vocabulary = Vocabulary::with_capacity(2);
        let ids: Vec<u16> = "abcda".chars().map(|c| vocabulary.intern(c)).collect();
        assert_eq!(ids, [1, 2, OVERFLOW, OVERFLOW, 1]);
        assert_eq!(vocabulary.ids(&['a', 'b']), Ids::Known(vec![1, 2]));
        assert_eq!(vocabulary.ids(&['a', 'c']), Ids::Overflowed);
        // A character never seen may be one of those that overflowed.
        assert_eq!(vocabulary.ids(&['z']), Ids::Overflowed);
    }
}
