//! Light English stemming, used only to rank whole-word matches higher.
//!
//! It never decides what matches (that is exact substring search); it only
//! tells where the stem of a word ends, so that `elect` found at the start
//! of `elected` counts as a whole word. Not a full Porter stemmer: news
//! queries need plurals and the common verb endings, nothing more.

/// Suffixes removed, longest first; only one is removed.
const SUFFIXES: [&str; 6] = ["ing", "ies", "ed", "es", "ly", "s"];
/// A stem keeps at least this many characters.
const MIN_STEM: usize = 3;

/// The length in chars of the stem of `word` (lowercase), or `None` when no
/// suffix applies. `stem_len("elections") == Some(8)`.
pub fn stem_len(word: &[char]) -> Option<usize> {
    SUFFIXES.iter().find_map(|suffix| {
        let suffix_len = suffix.chars().count();
        let stem = word.len().checked_sub(suffix_len)?;
        let matches = word[stem..].iter().copied().eq(suffix.chars());
        (matches && stem >= MIN_STEM && !word[stem - 1..].starts_with(&['s', 's'])).then_some(stem)
    })
}

#[cfg(test)]
mod tests {
    use super::stem_len;

    fn stem(word: &str) -> String {
        let chars: Vec<char> = word.chars().collect();
        chars[..stem_len(&chars).unwrap_or(chars.len())].iter().collect()
    }

    #[test]
    fn strips_plurals_and_verb_endings_but_keeps_short_words_and_double_s() {
        let cases = [
            ("elections", "election"),
            ("elected", "elect"),
            ("voting", "vot"),
            ("parties", "part"),
            ("quickly", "quick"),
            ("is", "is"),
            ("bus", "bus"),
            ("congress", "congress"),
            ("war", "war"),
        ];
        for (word, expected) in cases {
            assert_eq!(stem(word), expected, "{word}");
        }
    }
}
