//! Where the parts of a corpus document lie, found without parsing them:
//! each top-level member's value and each element of the `editions` array,
//! as byte ranges of the text, so that [`super::stepwise`] can parse and
//! decode them one at a time.
//!
//! The scan only follows strings and brackets; it checks no more of JSON's
//! grammar than the glue between the parts (the top-level braces, keys,
//! colons, commas and the `editions` brackets). Each part is then parsed on
//! its own, which checks the rest: when every part parses and the glue is
//! right, the whole text is JSON of the same value. The scan stops between
//! parts, so a long text is outlined in slices.
//!
//! It gives up ([`Scan::Irregular`]) on anything outside the plain shape of
//! a corpus (not an object at the top, a key given twice, `editions` that is
//! not an array, nesting deeper than [`MAX_DEPTH`], text cut off or after
//! the end): the caller then decodes the text in one go, which reports
//! exactly what is wrong. It is not a parser and never says why.

use std::ops::Range;

use super::surrogates::replace_lone_surrogates;

/// Nesting deeper than this inside a part is left to the one-shot parser,
/// whose depth limit (128, counted from the top) a part parsed alone would
/// not reach at the same place. A corpus nests 7 deep.
pub const MAX_DEPTH: usize = 100;

/// The top-level key whose array elements are outlined one by one.
const EDITIONS: &str = "editions";

/// The parts of a corpus document in text order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outline {
    /// Every top-level member but `editions`: its key and its value's bytes.
    pub members: Vec<(String, Range<usize>)>,
    /// The bytes of each element of `editions`, which is present and an array.
    pub editions: Vec<Range<usize>>,
}

/// How far the scan has come.
#[derive(Debug, PartialEq, Eq)]
pub enum Scan {
    /// It stopped between parts at this byte offset; call again to go on.
    Partial(usize),
    Done(Outline),
    /// The text is not a plain corpus document; decode it in one go.
    Irregular,
}

/// A scan of one text's top level that stops and resumes between parts.
pub struct OutlineScan<'t> {
    text: &'t str,
    at: usize,
    expect: Expect,
    outline: Outline,
    has_editions: bool,
}

/// What the scan expects next.
#[derive(Clone, Copy)]
enum Expect {
    Document,
    /// A key, or `}` when the object may end here (it is empty so far).
    Key { or_end: bool },
    /// An element of `editions`, or `]` when the array is empty so far.
    Edition { or_end: bool },
    /// `,` or `]` after an element of `editions`.
    AfterEdition,
    /// `,` or `}` after a member.
    AfterMember,
    End,
}

impl<'t> OutlineScan<'t> {
    pub fn new(text: &'t str) -> Self {
        OutlineScan { text, at: 0, expect: Expect::Document, outline: Outline::default(), has_editions: false }
    }

    /// Goes on for at least `budget` bytes of text, or to the end.
    pub fn scan(&mut self, budget: usize) -> Scan {
        let stop = self.at.saturating_add(budget);
        while self.at < stop || matches!(self.expect, Expect::End) {
            match self.next() {
                Some(true) => {}
                Some(false) => return Scan::Done(std::mem::take(&mut self.outline)),
                None => return Scan::Irregular,
            }
        }
        Scan::Partial(self.at)
    }

    /// One part or piece of glue: whether there is more; `None` when irregular.
    fn next(&mut self) -> Option<bool> {
        let bytes = self.text.as_bytes();
        self.skip_whitespace();
        let byte = bytes.get(self.at).copied();
        match self.expect {
            Expect::End => return (byte.is_none() && self.has_editions).then_some(false),
            Expect::Document => {
                self.expect_byte(byte?, b'{')?;
                self.expect = Expect::Key { or_end: true };
            }
            Expect::Key { or_end: true } if byte == Some(b'}') => {
                self.at += 1;
                self.expect = Expect::End;
            }
            Expect::Key { .. } => self.member()?,
            Expect::Edition { or_end: true } if byte == Some(b']') => {
                self.at += 1;
                self.expect = Expect::AfterMember;
            }
            Expect::Edition { .. } => {
                let end = value_end(bytes, self.at)?;
                self.outline.editions.push(self.at..end);
                self.at = end;
                self.expect = Expect::AfterEdition;
            }
            Expect::AfterEdition => self.separator(byte?, Expect::Edition { or_end: false }, b']', Expect::AfterMember)?,
            Expect::AfterMember => self.separator(byte?, Expect::Key { or_end: false }, b'}', Expect::End)?,
        }
        Some(true)
    }

    /// A key, its colon and its value (or the opening of `editions`).
    fn member(&mut self) -> Option<()> {
        let bytes = self.text.as_bytes();
        if bytes.get(self.at) != Some(&b'"') {
            return None;
        }
        let key_end = string_end(bytes, self.at)?;
        let key: String = serde_json::from_str(&replace_lone_surrogates(&self.text[self.at..key_end])).ok()?;
        self.at = key_end;
        self.skip_whitespace();
        self.expect_byte(*bytes.get(self.at)?, b':')?;
        self.skip_whitespace();
        let repeated = self.outline.members.iter().any(|(seen, _)| *seen == key) || (key == EDITIONS && self.has_editions);
        if repeated {
            return None;
        }
        if key == EDITIONS {
            self.expect_byte(*bytes.get(self.at)?, b'[')?;
            self.has_editions = true;
            self.expect = Expect::Edition { or_end: true };
        } else {
            let end = value_end(bytes, self.at)?;
            self.outline.members.push((key, self.at..end));
            self.at = end;
            self.expect = Expect::AfterMember;
        }
        Some(())
    }

    /// A comma, after which `next` comes, or the `close` bracket, after which `after` does.
    fn separator(&mut self, found: u8, next: Expect, close: u8, after: Expect) -> Option<()> {
        self.expect = match found {
            b',' => next,
            _ if found == close => after,
            _ => return None,
        };
        self.at += 1;
        Some(())
    }

    fn expect_byte(&mut self, found: u8, expected: u8) -> Option<()> {
        (found == expected).then(|| self.at += 1)
    }

    fn skip_whitespace(&mut self) {
        let bytes = self.text.as_bytes();
        while bytes.get(self.at).is_some_and(|byte| is_whitespace(*byte)) {
            self.at += 1;
        }
    }
}

/// JSON's four whitespace characters.
fn is_whitespace(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r')
}

/// The end of the value that starts at `start`: past its closing bracket or
/// quote, or at the first delimiter after a scalar. `None` when the text
/// ends first, a bracket closes nothing, or it nests deeper than [`MAX_DEPTH`].
fn value_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut at = start;
    let mut depth = 0usize;
    loop {
        match *bytes.get(at)? {
            b'"' => at = string_end(bytes, at)?,
            b'{' | b'[' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return None;
                }
                at += 1;
            }
            b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                at += 1;
            }
            _ if depth == 0 => {
                let length = bytes[at..].iter().position(|&byte| matches!(byte, b',' | b']' | b'}') || is_whitespace(byte));
                return Some(at + length.unwrap_or(bytes.len() - at));
            }
            _ => at += 1,
        }
        if depth == 0 {
            return Some(at);
        }
    }
}

/// Past the closing quote of the string whose opening quote is at `start`.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut at = start + 1;
    loop {
        at += bytes.get(at..)?.iter().position(|&byte| byte == b'"' || byte == b'\\')?;
        if bytes[at] == b'"' {
            return Some(at + 1);
        }
        // An escape: the escaped character is never the closing quote.
        at += 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(text: &str) -> Scan {
        OutlineScan::new(text).scan(usize::MAX)
    }

    /// The outline's members and editions as the text they cover.
    fn parts<'t>(text: &'t str, outline: &Outline) -> (Vec<(String, &'t str)>, Vec<&'t str>) {
        let members = outline.members.iter().map(|(key, range)| (key.clone(), &text[range.clone()])).collect();
        (members, outline.editions.iter().map(|range| &text[range.clone()]).collect())
    }

    #[test]
    fn members_and_editions_are_found_in_text_order() {
        let text = r#" { "format" : "broadsheet-corpus", "n": -1.5e3 ,"editions":[ {"a": "]}\"" }, [1, [2]], "x" , null],
                        "publication": {"title": "{"} } "#;
        let Scan::Done(found) = outline(text) else { panic!("a plain document") };
        let (members, editions) = parts(text, &found);
        let expected = [("format", r#""broadsheet-corpus""#), ("n", "-1.5e3"), ("publication", r#"{"title": "{"}"#)];
        assert_eq!(members, expected.map(|(key, value)| (key.to_owned(), value)));
        assert_eq!(editions, [r#"{"a": "]}\"" }"#, "[1, [2]]", r#""x""#, "null"]);
    }

    #[test]
    fn the_scan_stops_between_parts_and_resumes() {
        let text = r#"{"editions": [{"a": 1}, {"b": 2}, {"c": 3}], "version": 1}"#;
        let mut scan = OutlineScan::new(text);
        let mut stops = Vec::new();
        let found = loop {
            match scan.scan(1) {
                Scan::Partial(at) => stops.push(at),
                Scan::Done(found) => break found,
                Scan::Irregular => panic!("a plain document"),
            }
        };
        assert!(stops.windows(2).all(|pair| pair[0] < pair[1]) && stops.len() > 5, "{stops:?}");
        assert_eq!(found, outline_of(text));
    }

    fn outline_of(text: &str) -> Outline {
        match outline(text) {
            Scan::Done(found) => found,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn anything_but_the_plain_shape_is_irregular() {
        for text in [
            "",
            "[]",
            r#"{"version": 1}"#,
            r#"{"editions": {}}"#,
            r#"{"editions": [], "editions": []}"#,
            r#"{"a": 1, "a": 2, "editions": []}"#,
            r#"{"editions": [{"a": 1}"#,
            r#"{"editions": [1 2]}"#,
            r#"{"editions": []} x"#,
            r#"{"editions": [], }"#,
            r#"{"editions": [{"a": "cut]}"#,
            "\u{feff}{\"editions\": []}",
        ] {
            assert_eq!(outline(text), Scan::Irregular, "{text}");
        }
        let deep = format!(r#"{{"editions": [{}{}]}}"#, "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(outline(&deep), Scan::Irregular);
        let deep_enough = format!(r#"{{"editions": [{}{}]}}"#, "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(matches!(outline(&deep_enough), Scan::Done(_)));
    }

    #[test]
    fn keys_are_compared_as_decoded() {
        let found = outline_of(r#"{"edit\u0069ons": [1], "\ud800": 2}"#);
        assert_eq!(found.editions, vec![19..20]);
        assert_eq!(found.members, [("\u{FFFD}".to_owned(), 33..34)]);
    }
}
