//! Jump lines: the printed notes that an article goes on, or came from,
//! another page.
//!
//! Chinese pages print `（下转第二版）` at the end of a paragraph and
//! `（上接第一版）` at the start of one, in Chinese numerals or digits.
//! English pages print `Continued on Page 12`, `(Continued from Page One.)` or
//! `See BUDGET, Page A6` on a line of their own, often garbled by OCR
//! (`i Continued on Page 3.]`, `(Continued oa Pago Two)`), so the English
//! words are matched within a small edit distance.
//!
//! This module reads one line at a time; which article a jump belongs to is
//! the page reader's business, linking fragments is [`super::link`]'s.

use crate::corpus::Jump;

use super::numerals::{parse_chinese, parse_digits, parse_english};

/// Which way a jump points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Direction {
    /// The article came from another page: `（上接第一版）`.
    From,
    /// The article goes on on another page: `（下转第二版）`.
    On,
}

/// A jump found on a line, and the text around it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct JumpLine<'a> {
    pub direction: Direction,
    /// The page it names; `article` is always `None` here.
    pub jump: Jump,
    /// The printed marker, removed from the text.
    pub marker: &'a str,
    /// Text on the same line before the marker.
    pub before: &'a str,
    /// Text on the same line after the marker.
    pub after: &'a str,
}

/// The jump on `line`, if any: a Chinese marker opening or closing it, or an
/// English jump line.
pub(super) fn find_jump(line: &str) -> Option<JumpLine<'_>> {
    chinese_at_start(line).or_else(|| chinese_at_end(line)).or_else(|| english(line))
}

fn chinese_at_start(line: &str) -> Option<JumpLine<'_>> {
    let (length, direction, jump) = chinese_marker(line)?;
    Some(JumpLine { direction, jump, marker: &line[..length], before: "", after: &line[length..] })
}

fn chinese_at_end(line: &str) -> Option<JumpLine<'_>> {
    let (start, _) = line.char_indices().rev().find(|&(_, c)| c == '（' || c == '(')?;
    let (length, direction, jump) = chinese_marker(&line[start..])?;
    let rest = &line[start + length..];
    rest.trim().is_empty().then(|| JumpLine {
        direction,
        jump,
        marker: &line[start..],
        before: &line[..start],
        after: "",
    })
}

/// Parses `（上接第一版）` at the start of `text`: its length in bytes, its
/// direction and its page.
fn chinese_marker(text: &str) -> Option<(usize, Direction, Jump)> {
    let rest = text.strip_prefix('（').or_else(|| text.strip_prefix('('))?;
    let (direction, rest) =
        [("上接", Direction::From), ("下转", Direction::On), ("接", Direction::From), ("转", Direction::On)]
            .into_iter()
            .find_map(|(verb, direction)| rest.strip_prefix(verb).map(|rest| (direction, rest)))?;
    let rest = rest.trim_start().strip_prefix('第')?;
    let (numeral, rest) = rest.split_once('版')?;
    let numeral = numeral.trim();
    if numeral.is_empty() || numeral.chars().count() > 4 {
        return None;
    }
    let rest = rest.trim_start();
    let rest = rest.strip_prefix('）').or_else(|| rest.strip_prefix(')'))?;
    let jump = match parse_chinese(numeral) {
        Some(page) => to_page(page),
        None => to_label(format!("第{numeral}版")),
    };
    Some((text.len() - rest.len(), direction, jump))
}

/// A whitespace-separated word of a line and where it ends.
#[derive(Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    end: usize,
}

fn words(line: &str) -> Vec<Word<'_>> {
    line.split_whitespace()
        .map(|text| {
            let start = text.as_ptr() as usize - line.as_ptr() as usize;
            Word { text, end: start + text.len() }
        })
        .collect()
}

/// The word's ASCII letters, lower-cased: what is left to compare after OCR.
fn letters(word: &str) -> String {
    word.chars().filter(char::is_ascii_alphabetic).map(|c| c.to_ascii_lowercase()).collect()
}

fn is_like(word: &str, target: &str, allowed: usize) -> bool {
    strsim::levenshtein(&letters(word), target) <= allowed
}

/// OCR debris around a jump line: a word with at most two letters or digits.
fn is_debris(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphanumeric()).count() <= 2
}

fn english(line: &str) -> Option<JumpLine<'_>> {
    let words = words(line);
    let first = words.first()?;
    if letters(first.text) == "see" {
        return see_page(line, &words);
    }
    // `i Continued`, `4 Continued`: one word of debris may stand before it.
    let at = words.iter().take(2).position(|word| is_like(word.text, "continued", 2))?;
    if words[..at].iter().any(|word| !is_debris(word.text)) {
        return None;
    }
    let mut rest = &words[at + 1..];
    let mut direction = Direction::On;
    let next = rest.first()?;
    if letters(next.text).len() >= 3 && is_like(next.text, "from", 1) {
        direction = Direction::From;
        rest = &rest[1..];
    } else if !is_page_word(next.text) && letters(next.text).len() <= 3 && parse_english(next.text).is_none() {
        // `on`, and what OCR makes of it: `oa`, `cn`, `nn`, `oil`, `6n`.
        rest = &rest[1..];
    }
    let (jump, end) = page_reference(rest)?;
    let end = column_reference(line, end).unwrap_or(end);
    finish_english(line, direction, jump, end)
}

/// `, Column Four.)` after a page reference: where it ends. The column is
/// not kept; the corpus locates articles by page only.
fn column_reference(line: &str, from: usize) -> Option<usize> {
    let rest = words(&line[from..]);
    let column = rest.first()?;
    let spelled = letters(column.text);
    let glued = spelled.len() > "column".len() && spelled.starts_with("column");
    let misspelled = spelled.starts_with("col") && is_like(column.text, "column", 2);
    if !glued && !misspelled {
        return None;
    }
    let end = if glued { column.end } else { rest.get(1).map_or(column.end, |number| number.end) };
    Some(from + end)
}

/// `See BUDGET, Page A6`: a keyword (the headline the continuation carries)
/// and the page.
fn see_page<'a>(line: &'a str, words: &[Word<'a>]) -> Option<JumpLine<'a>> {
    let page_at = words.iter().position(|word| is_page_word(word.text))?;
    // At most four keyword words, all capitals, the last one ending in a comma.
    if page_at > 5 {
        return None;
    }
    let keyword = &words[1..page_at];
    let shouting = keyword.iter().all(|word| !word.text.chars().any(char::is_lowercase));
    let punctuated = keyword.last().is_none_or(|word| word.text.ends_with(','));
    if !shouting || !punctuated {
        return None;
    }
    let (jump, end) = page_reference(&words[page_at..])?;
    finish_english(line, Direction::On, jump, end)
}

/// A marker that fills its line, or one followed by running text after a
/// closing bracket (two OCR columns run together).
fn finish_english(line: &str, direction: Direction, jump: Jump, end: usize) -> Option<JumpLine<'_>> {
    let rest = &line[end..];
    if is_debris(rest) {
        return Some(JumpLine { direction, jump, marker: line, before: "", after: "" });
    }
    let marker = &line[..end];
    marker.trim_end().ends_with([')', ']']).then_some(JumpLine { direction, jump, marker, before: "", after: rest })
}

fn is_page_word(word: &str) -> bool {
    let head = word.split('-').next().unwrap_or_default();
    let letters = letters(head);
    letters.starts_with('p') && letters.len() >= 3 && strsim::levenshtein(&letters, "page") <= 2
}

/// Reads `Page 12`, `Page-2`, `Page Six.)`, `Second Page`, `Page A6` from the
/// start of `words`: the jump and the byte offset where the reference ends.
fn page_reference(words: &[Word<'_>]) -> Option<(Jump, usize)> {
    let first = words.first()?;
    if !is_page_word(first.text) {
        // `Continued on Second Page.`
        let page = parse_english(first.text)?;
        let page_word = words.get(1).filter(|word| is_page_word(word.text))?;
        return Some((Jump { page: Some(page), label: None, article: None }, page_word.end));
    }
    // `Page-2,` holds its number; otherwise the number is the next word.
    let (number, end) = match first.text.split_once('-') {
        Some((_, number)) if !number.trim_matches(is_bracket_or_stop).is_empty() => (number, first.end),
        _ => {
            let word = words.get(1)?;
            (word.text, word.end)
        }
    };
    Some((page_jump(number)?, end))
}

fn is_bracket_or_stop(c: char) -> bool {
    matches!(c, '(' | ')' | '[' | ']' | '{' | '}' | '.' | ',' | ';' | ':' | '\'' | '"' | '!' | '|')
}

/// The page a printed page reference names: a number when it reads as one,
/// else the printed label as it stands (`A6`, or an OCR-garbled `X`).
fn page_jump(printed: &str) -> Option<Jump> {
    let core = printed.trim_matches(is_bracket_or_stop);
    if core.is_empty() || core.chars().count() > 8 || is_like(core, "column", 2) {
        return None;
    }
    Some(match parse_digits(core).or_else(|| parse_english(core)) {
        Some(page) => to_page(page),
        None => to_label(core.to_owned()),
    })
}

/// An unlinked jump to a numbered page.
fn to_page(page: u32) -> Jump {
    Jump { page: Some(page), label: None, article: None }
}

/// An unlinked jump to a page known only by its printed name.
fn to_label(label: String) -> Jump {
    Jump { page: None, label: Some(label), article: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(line: &str) -> (Direction, Option<u32>, Option<String>) {
        let found = find_jump(line).unwrap_or_else(|| panic!("no jump in {line:?}"));
        (found.direction, found.jump.page, found.jump.label)
    }

    #[test]
    fn chinese_markers_open_or_close_a_line() {
        let found = find_jump("（上接第一版）为国家能源安全贡献青岛力量。").unwrap();
        assert_eq!((found.direction, found.jump.page), (Direction::From, Some(1)));
        assert_eq!((found.marker, found.before, found.after), ("（上接第一版）", "", "为国家能源安全贡献青岛力量。"));
        let found = find_jump("坚持稳字当头。（下转第十二版）").unwrap();
        assert_eq!((found.direction, found.jump.page), (Direction::On, Some(12)));
        assert_eq!((found.marker, found.before, found.after), ("（下转第十二版）", "坚持稳字当头。", ""));
        assert_eq!(page("(上接第1版)"), (Direction::From, Some(1), None));
        assert_eq!(page("（转第３版）"), (Direction::On, Some(3), None));
        assert_eq!(page("（上接第A2版）"), (Direction::From, None, Some("第A2版".to_owned())));
    }

    #[test]
    fn chinese_markers_inside_a_paragraph_are_text() {
        assert_eq!(find_jump("会议（上接第一版）之后"), None);
        assert_eq!(find_jump("（上接第一版"), None);
        assert_eq!(find_jump("（记者 王萌）"), None);
    }

    #[test]
    fn english_jump_lines_survive_ocr_noise() {
        assert_eq!(page("Continued on Page 12"), (Direction::On, Some(12), None));
        assert_eq!(page("(Continued from Page One.)"), (Direction::From, Some(1), None));
        assert_eq!(page("i Continued on Page 3.]"), (Direction::On, Some(3), None));
        assert_eq!(page("(Continued oa Pago Two)"), (Direction::On, Some(2), None));
        assert_eq!(page("4 Continued n Page-2, '. '"), (Direction::On, Some(2), None));
        assert_eq!(page("(Continued on Second Page.)"), (Direction::On, Some(2), None));
        assert_eq!(page("( Continued from Page Thre'e)."), (Direction::From, Some(3), None));
        assert_eq!(page("fContinued oil Page 10]"), (Direction::On, Some(10), None));
        assert_eq!(page("[Continued on Page X]"), (Direction::On, None, Some("X".to_owned())));
        assert_eq!(page("See BUDGET, Page A6"), (Direction::On, None, Some("A6".to_owned())));
        assert_eq!(page("See CITY COUNCIL, Page 4."), (Direction::On, Some(4), None));
        assert_eq!(page("(Continued on Page Two, Column Four.)"), (Direction::On, Some(2), None));
        assert_eq!(page("(Continued on Page Two, ColumnFour.)"), (Direction::On, Some(2), None));
    }

    #[test]
    fn a_jump_followed_by_another_column_keeps_that_text() {
        let found = find_jump("(Continued from page two.) i estimated at J150.0OO.").unwrap();
        assert_eq!((found.marker, found.after), ("(Continued from page two.)", " i estimated at J150.0OO."));
    }

    #[test]
    fn sentences_about_continuing_are_not_jumps() {
        for line in [
            "and continued cold to-night and Sunday",
            "The case was continued until to-day",
            "continued.",
            "(Continued on Page",
            "(Continued on Page Column 3.)",
            "so diligently. See page 8.",
            "See the parade, page after page of it",
            "Continued on page 4 of the morning edition, the story",
        ] {
            assert_eq!(find_jump(line), None, "{line}");
        }
    }
}
