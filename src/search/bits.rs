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

    /// Rebuilds a set from its words, as [`BitSet::words`] gave them; `None`
    /// when the count of words does not fit `len`.
    pub fn from_words(words: Vec<u64>, len: usize) -> Option<BitSet> {
        (words.len() == len.div_ceil(64)).then_some(BitSet { words, len })
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn words(&self) -> &[u64] {
        &self.words
    }

    /// Sets bit `index`; out-of-range indices are ignored.
    pub fn set(&mut self, index: usize) {
        if index < self.len {
            self.words[index / 64] |= 1 << (index % 64);
        }
    }

    /// Bit `index`; false out of range.
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
        assert_eq!(BitSet::from_words(bits.words().to_vec(), 130), Some(bits));
        assert_eq!(BitSet::from_words(vec![0; 2], 130), None);
    }
}
