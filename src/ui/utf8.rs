//! The corpus bytes as text while they arrive: each piece is checked for
//! UTF-8 as it comes (about 2 ms per MB of Chinese text in the browser, a
//! piece at a time, so the page never freezes for the whole file), and the
//! text up to the last whole character can be read at any time. The
//! outcome is `std::str::from_utf8`'s over all the bytes, the first invalid
//! byte included. It only checks: reading the text is
//! [`crate::corpus::stepwise`]'s.

/// The bytes received so far, and how many of them are checked text.
#[derive(Debug, Default)]
pub struct ArrivingText {
    bytes: Vec<u8>,
    /// The bytes before this offset are UTF-8, and it is a character
    /// boundary; the (at most three) bytes after it begin a character cut
    /// by the end of the last piece.
    checked: usize,
}

impl ArrivingText {
    /// Makes room for `more` bytes at once, when it can be had: growing by
    /// doubling would copy a large corpus several times over.
    pub fn reserve(&mut self, more: usize) {
        let _ = self.bytes.try_reserve_exact(more);
    }

    /// Takes the next `piece`. `Err(valid_up_to)` when the bytes are not
    /// UTF-8: the ones before that offset (of all the bytes) are.
    pub fn push(&mut self, piece: &[u8]) -> Result<(), usize> {
        self.bytes.extend_from_slice(piece);
        match std::str::from_utf8(&self.bytes[self.checked..]) {
            Ok(_) => self.checked = self.bytes.len(),
            // A character cut by the end of the piece: checked whole with the next one.
            Err(error) if error.error_len().is_none() => self.checked += error.valid_up_to(),
            Err(error) => return Err(self.checked + error.valid_up_to()),
        }
        Ok(())
    }

    /// The text so far, up to the last whole character.
    pub fn text(&self) -> &str {
        // SAFETY: every byte before `checked` is checked by `push`, in
        // pieces that meet at character boundaries (a cut character is
        // checked again, whole, with the next piece), which is what
        // `from_utf8` would check.
        unsafe { std::str::from_utf8_unchecked(&self.bytes[..self.checked]) }
    }

    /// The whole text, once every piece is in. `Err(valid_up_to)` when it
    /// ends inside a character.
    pub fn finish(&self) -> Result<&str, usize> {
        if self.checked == self.bytes.len() {
            Ok(self.text())
        } else {
            Err(self.checked)
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The text of `bytes` received in pieces of `size`.
    fn arriving(bytes: &[u8], size: usize) -> Result<String, usize> {
        let mut text = ArrivingText::default();
        for piece in bytes.chunks(size) {
            text.push(piece)?;
            assert!(std::str::from_utf8(&bytes[..text.text().len()]).is_ok());
        }
        text.finish().map(str::to_owned)
    }

    #[test]
    fn a_character_cut_by_a_piece_is_checked_whole() {
        assert_eq!(arriving("港口 harbour 📰".as_bytes(), 1).as_deref(), Ok("港口 harbour 📰"));
        assert_eq!(arriving(b"", 4).as_deref(), Ok(""));
        assert_eq!(arriving(&"港口".as_bytes()[..5], 4), Err(3), "cut at the very end");
        let mut text = ArrivingText::default();
        text.push(&"港口".as_bytes()[..4]).expect("a cut character is not an error yet");
        assert_eq!(text.text(), "港");
    }

    proptest! {
        #[test]
        fn the_outcome_is_from_utf8s(text in "\\PC{0,40}", damage in prop::option::of((any::<prop::sample::Index>(), any::<u8>())), size in 1usize..9) {
            let mut bytes = text.into_bytes();
            if let Some((at, byte)) = damage.filter(|_| !bytes.is_empty()) {
                let at = at.index(bytes.len());
                bytes[at] = byte;
            }
            let expected = std::str::from_utf8(&bytes).map(str::to_owned).map_err(|error| error.valid_up_to());
            prop_assert_eq!(arriving(&bytes, size), expected);
        }
    }
}
