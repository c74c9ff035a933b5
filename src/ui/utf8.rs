//! Checking that the corpus bytes are UTF-8 a slice at a time, so that the
//! check of a corpus of many megabytes (about 2 ms per MB of Chinese text
//! in the browser) does not freeze the page. The outcome is
//! `std::str::from_utf8`'s, the first invalid byte included. It only
//! checks: reading the text is [`crate::corpus::stepwise`]'s.

/// A check in progress over `bytes`, `step` bytes at a time.
pub struct Utf8Check<'b> {
    bytes: &'b [u8],
    step: usize,
    /// The bytes before this offset are UTF-8, and it is a character boundary.
    checked: usize,
}

/// Where a check stands after a step.
#[derive(Debug, PartialEq, Eq)]
pub enum Checked<'b> {
    /// More to check.
    Partial,
    /// All of it is UTF-8.
    Text(&'b str),
    /// It is not: the bytes before `valid_up_to` are.
    Invalid { valid_up_to: usize },
}

impl<'b> Utf8Check<'b> {
    pub fn new(bytes: &'b [u8], step: usize) -> Self {
        Utf8Check { bytes, step: step.max(4), checked: 0 }
    }

    /// Checks the next `step` bytes.
    pub fn step(&mut self) -> Checked<'b> {
        let end = self.checked.saturating_add(self.step).min(self.bytes.len());
        match std::str::from_utf8(&self.bytes[self.checked..end]) {
            Ok(_) => self.checked = end,
            // A character cut by the end of the slice: the next slice starts with it.
            Err(error) if error.error_len().is_none() && end < self.bytes.len() => self.checked += error.valid_up_to(),
            Err(error) => return Checked::Invalid { valid_up_to: self.checked + error.valid_up_to() },
        }
        if self.checked < self.bytes.len() {
            return Checked::Partial;
        }
        // SAFETY: every byte is checked above, in slices that meet at
        // character boundaries (a slice ends before a cut character, and the
        // next one starts with it), which is what `from_utf8` would check.
        Checked::Text(unsafe { std::str::from_utf8_unchecked(self.bytes) })
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn check(bytes: &[u8], step: usize) -> Result<&str, usize> {
        let mut check = Utf8Check::new(bytes, step);
        loop {
            match check.step() {
                Checked::Partial => {}
                Checked::Text(text) => return Ok(text),
                Checked::Invalid { valid_up_to } => return Err(valid_up_to),
            }
        }
    }

    #[test]
    fn a_character_cut_by_a_slice_is_checked_whole() {
        assert_eq!(check("港口 harbour 📰".as_bytes(), 4), Ok("港口 harbour 📰"));
        assert_eq!(check(b"", 4), Ok(""));
        assert_eq!(check(&"港口".as_bytes()[..5], 4), Err(3), "cut at the very end");
    }

    proptest! {
        #[test]
        fn the_outcome_is_from_utf8s(text in "\\PC{0,40}", damage in prop::option::of((any::<prop::sample::Index>(), any::<u8>())), step in 4usize..12) {
            let mut bytes = text.into_bytes();
            if let Some((at, byte)) = damage.filter(|_| !bytes.is_empty()) {
                let at = at.index(bytes.len());
                bytes[at] = byte;
            }
            let expected = std::str::from_utf8(&bytes).map_err(|error| error.valid_up_to());
            prop_assert_eq!(check(&bytes, step), expected);
        }
    }
}
