//! Compatibility forms: what NFKC makes of one character, for the blocks
//! where news text meets compatibility characters ([`COMPATIBILITY_BLOCKS`]): full-width
//! and half-width forms, the ideographic space, CJK compatibility and Kangxi
//! radical ideographs, circled and parenthesized numbers, squared units
//! (㎡), letterlike symbols (℃, №), Roman numerals, ligatures (ﬁ),
//! super- and subscripts, typographic spaces and `…`.
//!
//! Everywhere else a character is its own form, including where NFKC would
//! change it: Arabic presentation forms, mathematical alphanumerics (𝐀),
//! the enclosed alphanumeric and ideographic supplements (🄐, 🈐), the CJK
//! compatibility ideographs supplement, and a few letters of other scripts
//! (Devanagari nukta letters, Thai and Lao vowels, Tibetan). Search folds
//! those the same way in the text and in the query, so it still finds what
//! is typed as printed; only the compatibility equivalence is not applied
//! to them. This module looks forms up; it does not lowercase or simplify.

use super::fold_table::{CODES, ENDS, FORMS};
/// The Unicode blocks whose compatibility forms search folds (NFKC).
pub use super::fold_table::COVERED as COMPATIBILITY_BLOCKS;

/// The NFKC form of `c` when it lies in a [`COMPATIBILITY_BLOCKS`] block and NFKC
/// changes it; `None` otherwise.
pub fn compatibility_form(c: char) -> Option<&'static str> {
    let code = u16::try_from(c as u32).ok()?;
    let index = CODES.binary_search(&code).ok()?;
    let start = index.checked_sub(1).map_or(0, |previous| usize::from(ENDS[previous]));
    FORMS.get(start..usize::from(ENDS[index]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn covered(c: char) -> bool {
        COMPATIBILITY_BLOCKS.iter().any(|&(first, last)| (first..=last).contains(&c))
    }

    /// In the covered blocks the table is NFKC, character by character;
    /// elsewhere every character is its own form.
    #[test]
    fn forms_are_nfkc_in_the_covered_blocks_and_identity_elsewhere() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let nfkc: String = std::iter::once(c).nfkc().collect();
            let expected = (covered(c) && nfkc.chars().ne(std::iter::once(c))).then_some(nfkc.as_str());
            assert_eq!(compatibility_form(c), expected, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn news_text_compatibility_characters_have_their_forms() {
        let cases = [('Ａ', "A"), ('\u{3000}', " "), ('①', "1"), ('㎡', "m2"), ('℃', "°C"), ('…', "..."), ('ﬁ', "fi"), ('⼈', "人")];
        for (c, form) in cases {
            assert_eq!(compatibility_form(c), Some(form), "{c}");
        }
        assert_eq!(compatibility_form('国'), None);
        assert_eq!(compatibility_form('a'), None);
    }
}
