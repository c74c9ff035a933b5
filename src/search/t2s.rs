//! Traditional to Simplified Chinese, one character at a time.
//!
//! The mapping is [`super::t2s_table`], the per-character table of the
//! `fast2s` crate (about 2,700 pairs, all in the CJK Unified Ideographs
//! block), without its few word-level exceptions (乾隆 keeps 乾): those
//! depend on neighbouring characters and would make the analyzer's folding
//! context-sensitive. On first use the pairs are spread into a dense table
//! over the block, so that folding a character is one lookup. It does not
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
    if (FIRST..=LAST).contains(&code) {
        table()[(code - FIRST) as usize]
    } else {
        c
    }
}

#[inline]
fn table() -> &'static [char] {
    static TABLE: OnceLock<Box<[char]>> = OnceLock::new();
    TABLE.get_or_init(build_table)
}

fn build_table() -> Box<[char]> {
    let mut table: Vec<char> = (FIRST..=LAST).map(|code| char::from_u32(code).unwrap_or('\u{FFFD}')).collect();
    for (traditional, simplified) in PAIRS {
        let slot = (traditional as u32).checked_sub(FIRST).and_then(|index| table.get_mut(index as usize));
        if let (Some(slot), Some(simplified)) = (slot, char::from_u32(simplified.into())) {
            *slot = simplified;
        }
    }
    table.into_boxed_slice()
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
    fn leaves_simplified_and_other_text_alone() {
        for text in ["国际经贸学院", "Congress 2024", "ｆｕｌｌ"] {
            assert_eq!(text.chars().map(simplify).collect::<String>(), text);
        }
    }
}
