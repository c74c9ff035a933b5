//! Lone UTF-16 surrogates in JSON string escapes (`"\ud800"` with no low
//! half after it, or a low half alone).
//!
//! JSON's grammar allows them and JavaScript's `JSON.parse` takes them, but
//! they are no characters: no Rust string can hold one, and serde_json
//! refuses the whole document over a single one. A corpus made by a tool
//! that cut a string between the halves of a pair (an emoji, a rare CJK
//! character outside the BMP) would then not load at all. Instead, each lone
//! surrogate escape is read as `\ufffd`, the replacement character, which
//! is also what a browser shows for one. The escape keeps its length, so the
//! line and column of any later syntax error stay right.
//!
//! Surrogate pairs (`\ud83d\udcf0`) and every other escape are left alone.

use std::borrow::Cow;

/// Whether a backslash is followed by `u` anywhere: a quick look for
/// `\u` escapes that may say so of text that has none, but never misses
/// one. (memchr's `memmem` would find the pair itself, at 1 KB more of the
/// widget's wasm than looking for the backslash.)
fn has_unicode_escape(bytes: &[u8]) -> bool {
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'\\', &bytes[at..]) {
        let backslash = at + found;
        if bytes.get(backslash + 1) == Some(&b'u') {
            return true;
        }
        // Past the escaped character: an escaped backslash does not begin an escape.
        at = (backslash + 2).min(bytes.len());
    }
    false
}

/// `text` with every lone surrogate escape inside a JSON string replaced by
/// `\ufffd`; borrowed when there is none.
pub fn replace_lone_surrogates(text: &str) -> Cow<'_, str> {
    if has_unicode_escape(text.as_bytes()) {
        replace_in_strings(text)
    } else {
        Cow::Borrowed(text)
    }
}

/// [`replace_lone_surrogates`], reading every byte of `text`.
fn replace_in_strings(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut lone = Vec::new();
    let mut in_string = false;
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'"' => {
                in_string = !in_string;
                at += 1;
            }
            b'\\' if in_string => match surrogate_at(bytes, at) {
                Some(Half::High) if surrogate_at(bytes, at + ESCAPE_LEN) == Some(Half::Low) => at += 2 * ESCAPE_LEN,
                Some(_) => {
                    lone.push(at);
                    at += ESCAPE_LEN;
                }
                // Any other escape, `\\` and `\"` included: the escaped
                // character is never a quote that ends the string.
                None => at += 2,
            },
            _ => at += 1,
        }
    }
    if lone.is_empty() {
        return Cow::Borrowed(text);
    }
    // Every offset is at an ASCII backslash, so the slices fall on
    // character boundaries.
    let mut replaced = String::with_capacity(text.len());
    let mut copied = 0;
    for escape in lone {
        replaced.push_str(&text[copied..escape]);
        replaced.push_str("\\ufffd");
        copied = escape + ESCAPE_LEN;
    }
    replaced.push_str(&text[copied..]);
    Cow::Owned(replaced)
}

/// `\uXXXX` is six bytes.
const ESCAPE_LEN: usize = 6;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Half {
    High,
    Low,
}

/// The surrogate half escaped at `at` (`\uD800` to `\uDFFF`, any case).
fn surrogate_at(bytes: &[u8], at: usize) -> Option<Half> {
    let escape = bytes.get(at..at + ESCAPE_LEN)?;
    let hex = escape.strip_prefix(b"\\u")?;
    let unit = u16::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
    match unit {
        0xD800..=0xDBFF => Some(Half::High),
        0xDC00..=0xDFFF => Some(Half::Low),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{replace_in_strings, replace_lone_surrogates};

    fn read(json: &str) -> String {
        serde_json::from_str(&replace_lone_surrogates(json)).unwrap()
    }

    #[test]
    fn lone_halves_become_the_replacement_character() {
        assert_eq!(read(r#""a\ud800b""#), "a\u{FFFD}b");
        assert_eq!(read(r#""\uDC00\ud800""#), "\u{FFFD}\u{FFFD}");
        assert_eq!(read(r#""\ud800\u0041""#), "\u{FFFD}A", "a high half before something else");
        assert_eq!(read(r#""\ud800\ud800\udc00""#), "\u{FFFD}\u{10000}", "the second high half has its pair");
    }

    #[test]
    fn pairs_other_escapes_and_text_outside_strings_are_left_alone() {
        let json = r#"{"\\ud800": "\ud83d\udcf0 \" \\\ud800x", "n": 1}"#;
        let replaced = replace_lone_surrogates(json);
        assert_eq!(replaced, r#"{"\\ud800": "\ud83d\udcf0 \" \\\ufffdx", "n": 1}"#);
        assert_eq!(replace_lone_surrogates(r#"["\u00e9\n"]"#), r#"["\u00e9\n"]"#);
    }

    /// A JSON string's content as tools that escape everything outside
    /// ASCII write it (Python's `ensure_ascii`): every other character as
    /// `\uXXXX`, pairs beyond the BMP.
    fn escaped(text: &str) -> String {
        let mut json = String::new();
        for unit in text.encode_utf16() {
            match char::from_u32(unit.into()) {
                Some(c) if c.is_ascii() && !c.is_ascii_control() && c != '"' && c != '\\' => json.push(c),
                _ => json.push_str(&format!("\\u{unit:04x}")),
            }
        }
        json
    }

    proptest! {
        #[test]
        fn valid_json_reads_as_before(text in "\\PC{0,40}") {
            let json = format!("\"{}\"", escaped(&text));
            prop_assert_eq!(&replace_lone_surrogates(&json), &json);
            prop_assert_eq!(read(&json), text);
        }

        /// The quick look for escapes passes over no text that has one.
        #[test]
        fn no_escape_is_passed_over(pieces in prop::collection::vec(prop::sample::select(vec!["\\", "\\\\", "u", "\\u", "\\ud800", "\\udc00", "\"", "x", "港"]), 0..12)) {
            let text = pieces.concat();
            prop_assert_eq!(replace_lone_surrogates(&text), replace_in_strings(&text));
        }

        #[test]
        fn a_cut_pair_costs_one_character_and_nothing_else(before in "\\PC{0,20}", after in "\\PC{0,20}") {
            // The high half of 📰 (U+1F4F0) without its low half.
            let cut = format!("\"{}\\ud83d{}\"", escaped(&before), escaped(&after));
            prop_assert_eq!(read(&cut), format!("{before}\u{FFFD}{after}"));
        }
    }
}
