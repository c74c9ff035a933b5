//! Making untrusted text inert before the CLI prints it for a person to read
//! in a terminal.
//!
//! Corpus text, page files, manifests and file names can hold characters a
//! terminal acts on instead of showing: ESC starts ANSI and OSC sequences
//! (`ESC ]52;…` writes the clipboard, `ESC ]0;…` the window title, `ESC [2J`
//! clears the screen), BEL rings, CR and BS overwrite what was printed, C1
//! characters such as U+009B (CSI) start sequences on their own, and the
//! bidi embedding, override and isolate controls reorder the rest of the
//! line so that the screen shows something other than the text. [`inert`]
//! shows each of them as an escape instead.
//!
//! Escapes, not deletion: nothing is silently lost, so what the screen shows
//! still says exactly which characters the text holds. No control character
//! is spared, newlines and tabs included: everything the CLI prints is line
//! by line (`FILE: path: problem`, one hit field per line), and a newline
//! inside a corpus value must not forge a line of its own.
//!
//! Not an encoding: a backslash is printed as it is, so a text that spells
//! `\u{1b}` literally looks like one holding an ESC. The exact text is what
//! `--json` prints. There every control character is a JSON escape
//! (`\u001b`): serde_json escapes C0, and [`json_controls_escaped`] DEL and
//! C1, which it leaves raw. Bidi controls stay as they are in JSON: the
//! string is exact either way, and a program reading JSON is not a terminal.

use std::borrow::Cow;

/// `text` with every control character (C0, DEL, C1) and every bidi
/// embedding, override or isolate control replaced by its escape as Rust
/// writes it: `\n`, `\t`, `\r`, else `\u{1b}`, `\u{202e}`. Other characters
/// are kept as they are; text with nothing to escape is not copied.
pub fn inert(text: &str) -> Cow<'_, str> {
    replace_each(text, acted_on, |c, shown| shown.extend(c.escape_default()))
}

/// JSON text as serde_json writes it, with the DEL and C1 control
/// characters it leaves raw written as JSON escapes (`\u009b`): the same
/// JSON value, with nothing a terminal acts on. A raw control character in
/// serde_json's output is always inside a string (outside, it writes only
/// ASCII punctuation, digits, letters, spaces and newlines), so only the
/// newlines it lays the text out with are kept raw.
pub fn json_controls_escaped(json: &str) -> Cow<'_, str> {
    // Every control character is in the Basic Multilingual Plane: one
    // `\uXXXX` escape each.
    replace_each(json, |c| c.is_control() && c != '\n', |c, shown| shown.push_str(&format!("\\u{:04x}", u32::from(c))))
}

/// `text` with each character `chosen` replaced by what `escape` writes;
/// borrowed when none is chosen.
fn replace_each(text: &str, chosen: impl Fn(char) -> bool, escape: impl Fn(char, &mut String)) -> Cow<'_, str> {
    if !text.chars().any(&chosen) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if chosen(c) {
            escape(c, &mut shown);
        } else {
            shown.push(c);
        }
    }
    Cow::Owned(shown)
}

/// `eprintln!` for a message that holds untrusted text: the whole line is
/// made [`inert`].
macro_rules! eprintln_inert {
    ($($message:tt)*) => {
        eprintln!("{}", $crate::cli::terminal::inert(&format!($($message)*)))
    };
}
pub(crate) use eprintln_inert;

/// Whether a terminal would act on `c` rather than show it: a control
/// character, or one of the bidi controls that reorder the text after them
/// (the set rustc's `text_direction_codepoint_in_literal` lint names).
fn acted_on(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sequences_and_overrides_are_shown_as_escapes() {
        assert_eq!(inert("a\u{1b}]52;c;cm0=\u{7}b"), "a\\u{1b}]52;c;cm0=\\u{7}b");
        assert_eq!(inert("\u{9b}31mred"), "\\u{9b}31mred");
        assert_eq!(inert("one\ntwo\tthree\r"), "one\\ntwo\\tthree\\r");
        assert_eq!(inert("\u{202E}exe.txt\u{2066}"), "\\u{202e}exe.txt\\u{2066}");
    }

    #[test]
    fn json_keeps_its_value_and_loses_its_raw_controls() {
        let text = "a\u{1b}[2J \u{7f}\u{9b}31m\n\u{202E}z";
        let json = serde_json::to_string_pretty(&serde_json::json!({ "text": text })).unwrap();
        let escaped = json_controls_escaped(&json);
        let expected = format!(r#""a\u001b[2J \u007f\u009b31m\n{}z""#, '\u{202E}');
        assert!(escaped.contains(&expected), "bidi controls stay raw: {escaped:?}");
        let back: serde_json::Value = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back["text"], text);
    }

    #[test]
    fn plain_text_is_kept_and_not_copied() {
        let text = "青岛日报 «Harbour» \u{200B}zero-width, C:\\path";
        assert!(matches!(inert(text), Cow::Borrowed(kept) if kept == text));
    }

    /// The characters the property tests draw from: every escaped kind
    /// beside letters, CJK, a backslash and marks that are kept.
    fn any_text() -> impl Strategy<Value = String> {
        let interesting = prop::sample::select(vec![
            '\u{0}', '\u{7}', '\u{8}', '\t', '\n', '\r', '\u{1b}', '\u{7f}', '\u{85}', '\u{9b}', '\u{9f}', '\u{202A}',
            '\u{202E}', '\u{2066}', '\u{2069}', '\u{200E}', '\u{200B}', '\u{FEFF}', '\\', '{', '}', 'u', '字',
        ]);
        prop::collection::vec(prop_oneof![any::<char>(), interesting], 0..40)
            .prop_map(|chars| chars.into_iter().collect())
    }

    proptest! {
        #[test]
        fn nothing_acted_on_is_left(text in any_text()) {
            // The ranges spelled out again, independently of `acted_on`.
            let controls = |c: char| matches!(c as u32, 0..=0x1F | 0x7F..=0x9F | 0x202A..=0x202E | 0x2066..=0x2069);
            let shown = inert(&text);
            prop_assert!(!shown.chars().any(controls), "{shown:?}");
        }

        /// Every character of the text is there in order, as itself or as
        /// its escape: reading the output back char by char recovers it.
        #[test]
        fn every_character_is_kept_or_shown_escaped_in_order(text in any_text()) {
            let shown = inert(&text);
            let mut rest: &str = &shown;
            for c in text.chars() {
                let expected: String = if acted_on(c) { c.escape_default().collect() } else { c.to_string() };
                prop_assert!(rest.starts_with(&expected), "{c:?} is not next in {rest:?}");
                rest = &rest[expected.len()..];
            }
            prop_assert_eq!(rest, "");
        }
    }
}
