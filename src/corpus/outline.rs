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
//! parts, so a long text is outlined in slices, and it can follow a text
//! still arriving: given the part received so far, it outlines the parts
//! that are whole in it and waits ([`Scan::Waiting`]) for the rest.
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
    /// The text received so far ends inside the next part (or right after
    /// it): call again once more has arrived.
    Waiting,
    /// The whole outline is found: [`OutlineScan::outline`].
    Done,
    /// The text is not a plain corpus document; decode it in one go.
    Irregular,
}

/// A scan of one text's top level that stops and resumes between parts.
/// It keeps no text: each call is given the text (as received so far),
/// which only grows from call to call.
#[derive(Debug, Default)]
pub struct OutlineScan {
    at: usize,
    expect: Expect,
    outline: Outline,
    has_editions: bool,
    /// While the text arrives: do not look again before it is this long.
    /// Waiting for twice as much as the last look read keeps a part that
    /// arrives in many pieces from being read over and over.
    wait_for: usize,
}

/// What the scan expects next.
#[derive(Clone, Copy, Debug, Default)]
enum Expect {
    #[default]
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

impl OutlineScan {
    pub fn new() -> Self {
        OutlineScan::default()
    }

    /// The parts found so far, in text order; all of them after [`Scan::Done`].
    pub fn outline(&self) -> &Outline {
        &self.outline
    }

    /// Whether the scan is inside `editions`, or past it: every member
    /// before it is found.
    pub fn in_editions(&self) -> bool {
        self.has_editions
    }

    /// Goes on for at least `budget` bytes of `text`, or to its end.
    /// `complete` says that `text` is the whole document; otherwise it is
    /// the part received so far, and a part it cuts off is left for a
    /// later call.
    pub fn scan(&mut self, text: &str, complete: bool, budget: usize) -> Scan {
        if !complete && text.len() < self.wait_for {
            return Scan::Waiting;
        }
        let stop = self.at.saturating_add(budget);
        while self.at < stop || matches!(self.expect, Expect::End) {
            let before = (self.at, self.expect, self.has_editions, self.outline.members.len(), self.outline.editions.len());
            let next = self.next(text);
            // A part that reaches the end of a text still arriving may go on
            // in the next piece (a number, the end of the document): undone.
            if !complete && (next.is_none() || self.at >= text.len()) {
                (self.at, self.expect, self.has_editions) = (before.0, before.1, before.2);
                self.outline.members.truncate(before.3);
                self.outline.editions.truncate(before.4);
                self.wait_for = text.len() + (text.len() - self.at).max(1);
                return Scan::Waiting;
            }
            match next {
                Some(true) => {}
                Some(false) => return Scan::Done,
                None => return Scan::Irregular,
            }
        }
        Scan::Partial(self.at)
    }

    /// One part or piece of glue: whether there is more; `None` when irregular.
    fn next(&mut self, text: &str) -> Option<bool> {
        let bytes = text.as_bytes();
        self.skip_whitespace(bytes);
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
            Expect::Key { .. } => self.member(text)?,
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
    fn member(&mut self, text: &str) -> Option<()> {
        let bytes = text.as_bytes();
        if bytes.get(self.at) != Some(&b'"') {
            return None;
        }
        let key_end = string_end(bytes, self.at)?;
        let key: String = serde_json::from_str(&replace_lone_surrogates(&text[self.at..key_end])).ok()?;
        self.at = key_end;
        self.skip_whitespace(bytes);
        self.expect_byte(*bytes.get(self.at)?, b':')?;
        self.skip_whitespace(bytes);
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

    fn skip_whitespace(&mut self, bytes: &[u8]) {
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
        at += memchr::memchr2(b'"', b'\\', bytes.get(at..)?)?;
        if bytes[at] == b'"' {
            return Some(at + 1);
        }
        // An escape: the escaped character is never the closing quote.
        at += 2;
    }
}

/// Random `cuts` as ascending character boundaries of `text`: where a text
/// arriving in pieces is cut, for the tests of this module and of
/// [`super::stepwise`].
#[cfg(test)]
pub(super) fn arrival_cuts(text: &str, cuts: &[proptest::sample::Index]) -> Vec<usize> {
    let mut cuts: Vec<usize> = cuts.iter().map(|cut| cut.index(text.len() + 1)).filter(|&cut| text.is_char_boundary(cut)).collect();
    cuts.sort();
    cuts
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The outline of the whole `text`, or how the scan ended.
    fn outline(text: &str) -> Result<Outline, Scan> {
        let mut scan = OutlineScan::new();
        match scan.scan(text, true, usize::MAX) {
            Scan::Done => Ok(scan.outline().clone()),
            other => Err(other),
        }
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
        let found = outline(text).expect("a plain document");
        let (members, editions) = parts(text, &found);
        let expected = [("format", r#""broadsheet-corpus""#), ("n", "-1.5e3"), ("publication", r#"{"title": "{"}"#)];
        assert_eq!(members, expected.map(|(key, value)| (key.to_owned(), value)));
        assert_eq!(editions, [r#"{"a": "]}\"" }"#, "[1, [2]]", r#""x""#, "null"]);
    }

    #[test]
    fn the_scan_stops_between_parts_and_resumes() {
        let text = r#"{"editions": [{"a": 1}, {"b": 2}, {"c": 3}], "version": 1}"#;
        let mut scan = OutlineScan::new();
        let mut stops = Vec::new();
        loop {
            match scan.scan(text, true, 1) {
                Scan::Partial(at) => stops.push(at),
                Scan::Done => break,
                other => panic!("a plain document: {other:?}"),
            }
        }
        assert!(stops.windows(2).all(|pair| pair[0] < pair[1]) && stops.len() > 5, "{stops:?}");
        assert_eq!(scan.outline(), &outline_of(text));
    }

    fn outline_of(text: &str) -> Outline {
        outline(text).unwrap_or_else(|other| panic!("{other:?}"))
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
            assert_eq!(outline(text), Err(Scan::Irregular), "{text}");
        }
        let deep = format!(r#"{{"editions": [{}{}]}}"#, "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(outline(&deep), Err(Scan::Irregular));
        let deep_enough = format!(r#"{{"editions": [{}{}]}}"#, "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(outline(&deep_enough).is_ok());
    }

    #[test]
    fn keys_are_compared_as_decoded() {
        let found = outline_of(r#"{"edit\u0069ons": [1], "\ud800": 2}"#);
        assert_eq!(found.editions, vec![19..20]);
        assert_eq!(found.members, [("\u{FFFD}".to_owned(), 33..34)]);
    }

    /// The scan of `text` given as the prefixes ending at `cuts` (sorted
    /// byte offsets at character boundaries), then whole: the outline, or
    /// how it ended, and whether it ever claimed to be done early.
    fn outline_arriving(text: &str, cuts: &[usize]) -> (Result<Outline, Scan>, bool) {
        let mut scan = OutlineScan::new();
        let mut early = false;
        for &cut in cuts {
            loop {
                match scan.scan(&text[..cut], false, 7) {
                    Scan::Partial(_) => {}
                    Scan::Waiting => break,
                    Scan::Done | Scan::Irregular => {
                        early = true;
                        break;
                    }
                }
            }
        }
        loop {
            match scan.scan(text, true, 7) {
                Scan::Partial(_) => {}
                Scan::Done => return (Ok(scan.outline().clone()), early),
                other => return (Err(other), early),
            }
        }
    }

    #[test]
    fn a_part_cut_by_the_text_received_so_far_waits_for_the_rest() {
        let text = r#"{"version": 12, "editions": [{"a": "x"}, 345], "n": 6}"#;
        let mut scan = OutlineScan::new();
        assert_eq!(scan.scan(&text[..13], false, usize::MAX), Scan::Waiting, "the number may go on");
        assert!(scan.outline().members.is_empty());
        assert_eq!(scan.scan(&text[..44], false, usize::MAX), Scan::Waiting);
        assert_eq!(scan.outline().editions, vec![29..39], "345 may go on");
        assert_eq!(scan.scan(&text[..text.len() - 1], false, usize::MAX), Scan::Waiting);
        assert_eq!(scan.scan(text, false, usize::MAX), Scan::Waiting, "more may follow the end");
        assert_eq!(scan.scan(text, true, usize::MAX), Scan::Done);
        assert_eq!(scan.outline(), &outline_of(text));
    }

    proptest! {
        /// However the text arrives, the scan ends as a scan of the whole
        /// text does, and says nothing final before the text is complete.
        #[test]
        fn a_text_scanned_as_it_arrives_is_outlined_as_in_one_go(
            parts in prop::collection::vec(prop::sample::select(vec![
                "{", "}", "[", "]", ",", ":", " ", "\"", "\\", "1", "-2.5", "null", "港", "\"editions\"", "\"version\"", "\"x\": ",
            ]), 0..40),
            cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..8),
        ) {
            let text: String = parts.concat();
            let cuts = arrival_cuts(&text, &cuts);
            let (arriving, early) = outline_arriving(&text, &cuts);
            prop_assert!(!early);
            prop_assert_eq!(arriving, outline(&text));
        }

        #[test]
        fn a_corpus_scanned_as_it_arrives_is_outlined_as_in_one_go(cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..30)) {
            let text = include_str!("../../tests/fixtures/reader.json");
            let cuts = arrival_cuts(text, &cuts);
            let (arriving, early) = outline_arriving(text, &cuts);
            prop_assert!(!early);
            prop_assert_eq!(arriving, Ok(outline_of(text)));
        }
    }
}
