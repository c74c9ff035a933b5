//! Traditional to Simplified Chinese, one character at a time.
//!
//! The mapping is the per-character table of the `fast2s` crate (about 2,700
//! pairs, all in the CJK Unified Ideographs block). `fast2s` also applies a
//! few word-level exceptions (乾隆 keeps 乾); those depend on neighbouring
//! characters and would make the analyzer's folding context-sensitive, so
//! this module asks `fast2s` for every character of the block in isolation,
//! once, and keeps the answers in a dense table. It does not convert
//! Simplified to Traditional, nor words.

use std::sync::OnceLock;

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

fn table() -> &'static [char] {
    static TABLE: OnceLock<Box<[char]>> = OnceLock::new();
    TABLE.get_or_init(build_table)
}

fn build_table() -> Box<[char]> {
    let block: Vec<char> = (FIRST..=LAST).filter_map(char::from_u32).collect();
    // Spaces between the characters keep fast2s's word-level exceptions from
    // firing, so each character gets its context-free mapping.
    let spaced: String = block.iter().flat_map(|&c| [c, ' ']).collect();
    let converted: Vec<char> = fast2s::convert(&spaced).chars().step_by(2).collect();
    if converted.len() == block.len() {
        converted.into_boxed_slice()
    } else {
        // fast2s maps characters one to one; should that ever change, fold nothing.
        block.into_boxed_slice()
    }
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
