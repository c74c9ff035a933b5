//! A page's text as numbered lines, and the one question asked of every line:
//! does it close a sentence?
//!
//! Blank lines are not kept as lines; the line after one knows it followed a
//! gap, which is how a printed column break or a paragraph gap shows in text.
//! This module does not decide what a line is (headline, caption, jump): the
//! other modules do, from the lines it gives them.

use super::{Marker, MarkerKind};

/// One non-blank line of the page, trimmed of surrounding whitespace
/// (including the ideographic space that indents Chinese paragraphs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Line<'a> {
    /// Counts from 1, as an editor shows it.
    pub number: usize,
    pub text: &'a str,
    /// How many blank lines came just before this one (none before the
    /// page's first line).
    pub blanks: usize,
    /// Where `text` starts in the page, in bytes.
    pub start: usize,
}

impl<'a> Line<'a> {
    /// Whether a blank line came before this one.
    pub fn after_blank(&self) -> bool {
        self.blanks > 0
    }

    /// The same line holding only `part` (a slice of its text).
    pub fn with_text(self, part: &'a str) -> Line<'a> {
        let part = part.trim();
        Line { text: part, start: self.offset_of(part), ..self }
    }

    /// Where `part`, a slice of this line's text, starts in the page.
    pub fn offset_of(&self, part: &str) -> usize {
        let within = part.as_ptr() as usize - self.text.as_ptr() as usize;
        debug_assert!(within + part.len() <= self.text.len(), "{part:?} is not part of {:?}", self.text);
        self.start + within
    }

    /// The record of `part` of this line, removed as a `kind` marker.
    pub fn marker(&self, part: &str, kind: MarkerKind) -> Marker {
        Marker { line: self.number, offset: self.offset_of(part), kind, text: part.to_owned() }
    }
}

/// The page's non-blank lines in order.
pub(super) fn page_lines(page: &str) -> Vec<Line<'_>> {
    let mut lines: Vec<Line<'_>> = Vec::new();
    let mut blanks = 0;
    for (index, raw) in page.lines().enumerate() {
        let text = raw.trim();
        if text.is_empty() {
            blanks += 1;
            continue;
        }
        let start = text.as_ptr() as usize - page.as_ptr() as usize;
        let blanks_before = if lines.is_empty() { 0 } else { blanks };
        lines.push(Line { number: index + 1, text, blanks: blanks_before, start });
        blanks = 0;
    }
    lines
}

/// True when `text` ends a sentence: its last mark, after any closing quote
/// or bracket, is a full stop, question or exclamation mark, ellipsis,
/// semicolon or colon. A line that does not is cut off (a column break) or a
/// heading.
pub(super) fn is_closed(text: &str) -> bool {
    last_mark(text).is_some_and(|c| matches!(c, '。' | '！' | '？' | '…' | '；' | '：' | '.' | '!' | '?' | ';' | ':' | '．'))
}

/// True when `text` ends with a full stop or semicolon (after any closing
/// quote or bracket), as a paragraph does and a headline does not; a
/// headline may end with `！` or `？`.
pub(super) fn ends_with_full_stop(text: &str) -> bool {
    last_mark(text).is_some_and(|c| matches!(c, '。' | '；' | '.' | ';' | '．'))
}

/// The last character of `text` before any closing quotes, brackets and
/// whitespace.
fn last_mark(text: &str) -> Option<char> {
    text.trim_end_matches(|c: char| c.is_whitespace() || is_closing_bracket(c)).chars().next_back()
}

fn is_closing_bracket(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '）' | '》' | ')' | ']' | '"' | '\'')
}

/// The length of `text` in characters (not bytes).
pub(super) fn chars(text: &str) -> usize {
    text.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_are_gaps_before_the_next_line() {
        let lines = page_lines("\n\n　　标题\r\n\n正文。\n正文二。\n  \n");
        let seen: Vec<(usize, &str, usize)> = lines.iter().map(|l| (l.number, l.text, l.blanks)).collect();
        assert_eq!(seen, [(3, "标题", 0), (5, "正文。", 1), (6, "正文二。", 0)]);
        let gaps: Vec<usize> = page_lines("标题


第一篇。

第二段。



第二篇。").iter().map(|l| l.blanks).collect();
        assert_eq!(gaps, [0, 2, 1, 3]);
        let page = "\n\n　　标题\r\n\n正文。\n";
        let lines = page_lines(page);
        assert_eq!(&page[lines[1].start..], "正文。\n");
        let marker = lines[0].marker(&lines[0].text[3..], MarkerKind::Jump);
        assert_eq!((marker.line, &page[marker.offset..marker.offset + marker.text.len()]), (3, "题"));
    }

    #[test]
    fn closing_marks_close_and_cut_lines_do_not() {
        for closed in ["再迎客来。", "“青岛贡献”。", "（完）。", "……", "He said so.\"", "Who? ", "as follows:"]
        {
            assert!(is_closed(closed), "{closed}");
        }
        for open in [
            "争取上合组织技",
            "地方经贸合作全面突破",
            "推动商旅文交流“升维”",
            "the contractor for the col-",
            "Brings Out Information,",
            "",
        ] {
            assert!(!is_closed(open), "{open}");
        }
    }
}
