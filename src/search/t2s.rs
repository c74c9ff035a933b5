//! Traditional to Simplified Chinese, one character at a time.
//!
//! The mapping is [`super::t2s_table`], the per-character table of the
//! `fast2s` crate (about 2,700 pairs, all in the CJK Unified Ideographs
//! block), without its few word-level exceptions (乾隆 keeps 乾): those
//! depend on neighbouring characters and would make the analyzer's folding
//! context-sensitive. On first use the pairs are spread into a dense table
//! over the block, with a bit per character that says whether it has a
//! form, so that folding a character is a lookup or two. It does not
//! convert Simplified to Traditional, nor words.

use std::sync::OnceLock;

use super::t2s_table::PAIRS;

/// The block every Traditional character of the table lives in.
const FIRST: u32 = 0x4E00;
const LAST: u32 = 0x9FFF;

/// The Simplified form of `c`, or `c` itself when it has none.
#[inline]
pub fn simplify(c: char) -> char {
    let code = c as u32;
    if !(FIRST..=LAST).contains(&code) {
        return c;
    }
    let index = (code - FIRST) as usize;
    let table = table();
    if table.has_form[index / 64] >> (index % 64) & 1 == 1 {
        table.forms[index]
    } else {
        c
    }
}

/// The pairs spread over the block.
struct Table {
    /// Bit `i` set when the character `FIRST + i` has a Simplified form: a
    /// few kilobytes, where `forms` takes 84. Simplified text, nearly all
    /// the text there is, only reads these bits, which stay in the
    /// processor's cache between queries; the snippets of a query read
    /// `forms` cold otherwise.
    has_form: Box<[u64]>,
    /// The Simplified form of each character of the block, itself when none.
    forms: Box<[char]>,
}

#[inline]
fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(build_table)
}

fn build_table() -> Table {
    let mut forms: Vec<char> = (FIRST..=LAST).map(|code| char::from_u32(code).unwrap_or('\u{FFFD}')).collect();
    let mut has_form = vec![0u64; forms.len().div_ceil(64)];
    for (traditional, simplified) in PAIRS {
        let Some(index) = (traditional as u32).checked_sub(FIRST).map(|index| index as usize) else { continue };
        if let (Some(slot), Some(simplified)) = (forms.get_mut(index), char::from_u32(simplified.into())) {
            *slot = simplified;
            has_form[index / 64] |= 1 << (index % 64);
        }
    }
    Table { has_form: has_form.into_boxed_slice(), forms: forms.into_boxed_slice() }
}

#[cfg(test)]
mod tests {
    use super::simplify;

    #[test]
    fn folds_traditional_characters_of_news_text() {
        let traditional = "國際經貿學院與東亞開發區";
        let simplified: String = traditional.chars().map(simplify).collect();
        assert_eq!(simplified, "国际经贸学院与东亚开发区");
    }

    #[test]
    fn every_pair_of_the_table_folds_and_nothing_else_in_the_block_does() {
        let traditional: std::collections::HashMap<u32, u32> =
            super::PAIRS.iter().map(|&(from, to)| (from as u32, to as u32)).collect();
        for code in super::FIRST..=super::LAST {
            let c = char::from_u32(code).expect("the block is all characters");
            let expected = traditional.get(&code).and_then(|&to| char::from_u32(to)).unwrap_or(c);
            assert_eq!(simplify(c), expected, "U+{code:04X}");
        }
    }

    #[test]
    fn leaves_simplified_and_other_text_alone() {
        for text in ["国际经贸学院", "Congress 2024", "ｆｕｌｌ"] {
            assert_eq!(text.chars().map(simplify).collect::<String>(), text);
        }
    }
}
