//! A fixed-length set of bits, one per position of the index's text stream.

/// Bits `0..len`, all clear at first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BitSet {
    words: Vec<u64>,
    len: usize,
}

impl BitSet {
    pub fn new(len: usize) -> BitSet {
        BitSet { words: vec![0; len.div_ceil(64)], len }
    }

    pub fn words(&self) -> &[u64] {
        &self.words
    }

    /// Makes room for `len` bits without lengthening the set, so that
    /// growing it to them later copies nothing.
    pub fn reserve(&mut self, len: usize) {
        self.words.reserve(len.div_ceil(64).saturating_sub(self.words.len()));
    }

    /// Lengthens the set to `len` bits, the new ones clear; a shorter `len`
    /// changes nothing.
    pub fn grow(&mut self, len: usize) {
        if len > self.len {
            self.words.resize(len.div_ceil(64), 0);
            self.len = len;
        }
    }

    /// Sets bit `index`; out-of-range indices are ignored.
    #[inline]
    pub fn set(&mut self, index: usize) {
        if index < self.len {
            self.words[index / 64] |= 1 << (index % 64);
        }
    }

    /// Bit `index`; false out of range.
    #[inline]
    pub fn get(&self, index: usize) -> bool {
        index < self.len && self.words[index / 64] & (1 << (index % 64)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::BitSet;

    #[test]
    fn set_bits_read_back_and_out_of_range_is_clear() {
        let mut bits = BitSet::new(130);
        for index in [0, 63, 64, 129, 130, 1000] {
            bits.set(index);
        }
        let set: Vec<usize> = (0..200).filter(|&index| bits.get(index)).collect();
        assert_eq!(set, vec![0, 63, 64, 129]);
        bits.grow(200);
        bits.set(199);
        let set: Vec<usize> = (0..300).filter(|&index| bits.get(index)).collect();
        assert_eq!(set, vec![0, 63, 64, 129, 199]);
    }
}
