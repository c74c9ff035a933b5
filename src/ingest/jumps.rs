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
        Some(page) => Jump::to_page(page),
        None => Jump::to_label(format!("第{numeral}版")),
    };
    Some((text.len() - rest.len(), direction, jump))
}

/// A word of a line and where it ends: split at white space, and at a
/// `~` or `,` that OCR left between two words (`on,Pags`, `Page~Two`).
#[derive(Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    end: usize,
}

fn words(line: &str) -> Vec<Word<'_>> {
    line.split_whitespace()
        .flat_map(|text| text.split_inclusive([',', '~']).filter(|part| part.chars().any(|c| !matches!(c, ',' | '~'))))
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
    // `i Continued`, `1 1 lontlnued`: debris may stand before it.
    if let Some(at) = words.iter().take(3).position(|word| !is_debris(word.text)) {
        if let Some((direction, jump, end)) = continued_at(line, &words, at) {
            return finish_english(line, direction, jump, end);
        }
    }
    // `dependence. (Continued from page I.)`: in brackets, closing a line
    // of text (two columns run together).
    words.iter().enumerate().skip(1).filter(|(_, word)| word.text.starts_with(['(', '[', '{'])).find_map(|(at, word)| {
        let (direction, jump, end) = continued_at(line, &words, at)?;
        let start = word.end - word.text.len();
        is_debris(&line[end..]).then(|| JumpLine { direction, jump, marker: &line[start..], before: &line[..start], after: "" })
    })
}

/// The jump whose `continued` word is `words[at]` (or it and the next one
/// or two, split by OCR: `Con tinned`): its direction and page, and where
/// it ends in `line`.
fn continued_at<'a>(line: &'a str, words: &[Word<'a>], at: usize) -> Option<(Direction, Jump, usize)> {
    let span = (1..=3).find(|&span| {
        words.get(at..at + span).is_some_and(|parts| {
            let joined: String = parts.iter().map(|word| letters(word.text)).collect();
            // Three edits when a page reference must follow anyway (`CopUnued`, `fContlnoed`).
            (span == 1 || letters(parts[0].text).len() >= 3) && joined.len() >= 7 && strsim::levenshtein(&joined, "continued") <= 3
        })
    })?;
    // `(Continued - on - page. -two)`: marks without letters go.
    let mut rest: Vec<Word<'a>> = words[at + span..].iter().copied().filter(|word| word.text.chars().any(char::is_alphanumeric)).collect();
    let mut direction = Direction::On;
    let next = rest.first()?;
    if letters(next.text).len() >= 3 && is_like(next.text, "from", 1) {
        direction = Direction::From;
        rest.remove(0);
    } else if !is_page_word(next.text) && letters(next.text).len() <= 3 && parse_english(next.text).is_none() {
        // `on`, and what OCR makes of it: `oa`, `cn`, `nn`, `oil`, `6n`.
        rest.remove(0);
    }
    let (mut jump, mut end) = page_reference(&rest)?;
    if let Some((column, column_end)) = column_reference(line, end) {
        jump.column = column;
        end = column_end;
    }
    Some((direction, jump, section_reference(line, end).unwrap_or(end)))
}

/// `, first section.)` after a page reference: where it ends. The section
/// is not kept: an edition's pages are numbered through.
fn section_reference(line: &str, from: usize) -> Option<usize> {
    let rest = words(&line[from..]);
    let section = rest.iter().take(2).find(|word| is_like(word.text, "section", 2) && letters(word.text).len() >= 5)?;
    (rest.len() == 1 || parse_english(rest[0].text).is_some() || is_like(rest[0].text, "first", 1)).then_some(from + section.end)
}

/// `, Column Four.)` after a page reference: the column it names (when
/// its number reads as one) and where the reference ends.
fn column_reference(line: &str, from: usize) -> Option<(Option<u32>, usize)> {
    let rest = words(&line[from..]);
    let column = rest.first()?;
    let spelled = letters(column.text);
    let glued = spelled.len() > "column".len() && spelled.starts_with("column");
    let misspelled = spelled == "col" || (spelled.starts_with("col") && is_like(column.text, "column", 2));
    if !glued && !misspelled {
        return None;
    }
    if glued {
        return Some((parse_english(&spelled["column".len()..]), from + column.end));
    }
    match rest.get(1) {
        Some(number) => {
            let core = number.text.trim_matches(is_bracket_or_stop);
            Some((parse_digits(core).or_else(|| parse_english(core)), from + number.end))
        }
        None => Some((None, from + column.end)),
    }
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
    let (mut jump, end) = page_reference(&words[page_at..])?;
    let keyword: Vec<&str> = keyword.iter().map(|word| word.text.trim_end_matches(',')).collect();
    jump.keyword = Some(keyword.join(" ")).filter(|keyword| !keyword.is_empty());
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
    // `I'age`, `l'ago`, `1'agc`: OCR's P.
    let head = ["I'", "l'", "1'"].iter().find_map(|p| head.strip_prefix(p)).map_or_else(|| head.to_owned(), |rest| format!("p{rest}"));
    let letters = letters(&head);
    letters.starts_with('p') && letters.len() >= 3 && strsim::levenshtein(&letters, "page") <= 2
}

/// A word OCR made of `Page` just before a page number (`I'age 5`,
/// `Tage Two`, `Pairs Eight`, `P Two`): what is read as one only there.
fn is_garbled_page_word(word: &str, next: Option<&Word<'_>>) -> bool {
    let letters = letters(word);
    let number = next.is_some_and(|next| page_jump(next.text).is_some_and(|jump| jump.page.is_some()));
    number && (letters == "p" || ((3..=6).contains(&letters.len()) && strsim::levenshtein(&letters, "page") <= 3))
}

/// Reads `Page 12`, `Page-2`, `Page Six.)`, `Second Page`, `Page A6` from the
/// start of `words`: the jump and the byte offset where the reference ends.
fn page_reference(words: &[Word<'_>]) -> Option<(Jump, usize)> {
    let first = words.first()?;
    if !is_page_word(first.text) && !is_garbled_page_word(first.text, words.get(1)) {
        // `Continued on Second Page.`
        let page = parse_english(first.text)?;
        let page_word = words.get(1).filter(|word| is_page_word(word.text))?;
        return Some((Jump::to_page(page), page_word.end));
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
    Some(match parse_digits(core).or_else(|| parse_english(core)).or_else(|| ocr_digits(core)) {
        Some(page) => Jump::to_page(page),
        None => Jump::to_label(core.to_owned()),
    })
}

/// A page number as OCR leaves it: `I`, `l` or `i` for 1; one or two
/// digits followed by a little debris that is no digit (`3J`, `2U&U`, `7.^`).
fn ocr_digits(core: &str) -> Option<u32> {
    if matches!(core, "I" | "l" | "i" | "|") {
        return Some(1);
    }
    let digits = core.chars().take_while(char::is_ascii_digit).count();
    let debris = &core[digits..];
    let short = (1..=2).contains(&digits) && debris.chars().count() <= 3 && !debris.chars().any(|c| c.is_ascii_digit());
    short.then(|| parse_digits(&core[..digits])).flatten()
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
        // Tuned on half of the 1916 pages (tests/it/chronam_jumps.rs).
        assert_eq!(page("(Continued on I'age Two, Column Three.)"), (Direction::On, Some(2), None));
        assert_eq!(page("(Continued on Tage Three.)"), (Direction::On, Some(3), None));
        assert_eq!(page("(Continue^ oa Pairs Eight)"), (Direction::On, Some(8), None));
        assert_eq!(page("(Continued on P Two.)"), (Direction::On, Some(2), None));
        assert_eq!(page("(Con tinned on page two)"), (Direction::On, Some(2), None));
        assert_eq!(page("1 1 lontlnued on Page Bight, i"), (Direction::On, Some(8), None));
        assert_eq!(page("(ContlAued - on - page. -two)"), (Direction::On, Some(2), None));
        assert_eq!(page("(Continued from Page 3J"), (Direction::From, Some(3), None));
        assert_eq!(page("(Continued on Page i)"), (Direction::On, Some(1), None));
        assert_eq!(page("(Continued on page 7, first section.)"), (Direction::On, Some(7), None));
        assert_eq!(page("(CopUnued oa Page Two)"), (Direction::On, Some(2), None));
        assert_eq!(page("(Continued, on,Pags Ten)"), (Direction::On, Some(10), None));
        let found = find_jump("dependence. (Continued from page I.)").unwrap();
        assert_eq!((found.direction, found.jump.page), (Direction::From, Some(1)));
        assert_eq!((found.before, found.marker), ("dependence. ", "(Continued from page I.)"));
    }

    #[test]
    fn english_jumps_keep_their_column_and_keyword() {
        let found = |line| find_jump(line).unwrap_or_else(|| panic!("no jump in {line:?}")).jump;
        assert_eq!(found("(Continued on Page Two, Column Four.)").column, Some(4));
        assert_eq!(found("(Continued on Page Two, ColumnFour.)").column, Some(4));
        assert_eq!(found("(Continued on Page 7, Col. 3.)").column, Some(3));
        assert_eq!(found("(Continued on Page Two, Column Pz.)").column, None, "an unreadable column is not guessed");
        assert_eq!(found("(Continued on Page Two.)").column, None);
        assert_eq!(found("See BUDGET, Page A6").keyword.as_deref(), Some("BUDGET"));
        assert_eq!(found("See CITY COUNCIL, Page 4.").keyword.as_deref(), Some("CITY COUNCIL"));
        assert_eq!(found("Continued on Page 12").keyword, None);
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
            "said he (continued on the same theme) that",
            "the hearing (continued on Tuesday) went on",
            "the storm continued (on page 3 a map)",
        ] {
            assert_eq!(find_jump(line), None, "{line}");
        }
    }
}
