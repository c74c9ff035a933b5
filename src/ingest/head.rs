//! What stands above an article's text: kicker (引题), headline, deck
//! (副题) and byline, and the dateline that opens the text.
//!
//! These are questions about one line's text (is it a byline? a dateline?
//! set in capitals?) and the rule that shares a stack of head lines out
//! between kicker, headline and deck. Which lines form a stack depends on
//! their neighbours, and that is the page reader's business.

use super::columns::join_into;
use super::lang::Lang;
use super::lines::{chars, is_closed};
use super::names::tighten_names;

/// The box some papers print before a byline: `□青岛日报/观海新闻记者 王 萌`.
const BYLINE_BOXES: [char; 2] = ['□', '■'];

/// The longest line taken for a byline, in characters.
const MAX_BYLINE_CHARS: usize = 40;

/// A byline as printed: `□青岛日报/观海新闻记者 王 萌`, `本报记者 王萌`,
/// `本报评论员`, `By JOHN SMITH`, `By WILLIAM PHILIP SIMMS.` A dateline that names its reporter
/// (`本报北京1月9日电（记者 王萌）`) is text, not a byline.
pub(super) fn is_byline(text: &str) -> bool {
    if let Some(rest) = text.strip_prefix(BYLINE_BOXES) {
        return !rest.trim().is_empty();
    }
    if chars(text) > MAX_BYLINE_CHARS || is_dateline(text) {
        return false;
    }
    let reporter = ["记者", "通讯员", "评论员", "评论部", "文/", "文／"].iter().any(|word| text.contains(word));
    // `记者手记` (a reporter's notes) heads a section; it names nobody.
    let notes = text.ends_with("手记");
    if reporter && !notes && !is_closed(text) && !text.contains('，') {
        return true;
    }
    // `By WILLIAM PHILIP SIMMS.`: English bylines may end with a full stop.
    let mut words = text.trim_end_matches('.').split_whitespace();
    let names: Vec<&str> = if words.next() == Some("By") { words.collect() } else { Vec::new() };
    let capitalised = |word: &&str| word.chars().next().is_some_and(char::is_uppercase) || ["and", "of"].contains(word);
    !names.is_empty() && names.len() <= 6 && names.iter().all(capitalised)
}

/// The byline to record, and the box removed from its front, if any.
pub(super) fn byline(text: &str) -> (String, Option<char>) {
    match text.strip_prefix(BYLINE_BOXES) {
        Some(rest) => (tighten_names(rest), text.chars().next()),
        None => (tighten_names(text), None),
    }
}

/// A dateline opening a report: `本报北京1月9日电`, `本报讯`,
/// `WASHINGTON, Jan. 3.—`, `TOKIO, February 7`. A dateline belongs to the
/// text even when it stands on a line of its own.
pub(super) fn is_dateline(text: &str) -> bool {
    chinese_dateline(text) || english_dateline(text)
}

fn chinese_dateline(text: &str) -> bool {
    let opening: String = text.chars().take(24).collect();
    let dated = opening.find('月').zip(opening.find("日电")).is_some_and(|(month, day)| month < day);
    dated || text.starts_with("本报讯")
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn english_dateline(text: &str) -> bool {
    let Some((place, rest)) = text.split_once(", ") else {
        return false;
    };
    let place_words: Vec<&str> = place.split_whitespace().collect();
    let is_place = (1..=4).contains(&place_words.len())
        && place_words.iter().all(|word| word.chars().next().is_some_and(|c| c.is_ascii_uppercase()));
    let mut rest = rest.split_whitespace();
    let month = rest.next().unwrap_or_default().trim_end_matches('.');
    let is_month = month.len() >= 3 && MONTHS.iter().any(|name| name.starts_with(month));
    let day = rest.next().is_some_and(|word| word.starts_with(|c: char| c.is_ascii_digit()));
    is_place && is_month && day
}

/// A line set in capitals, as English headlines are: at least four letters,
/// four in five of them capitals.
pub(super) fn is_capitals(text: &str) -> bool {
    let (mut letters, mut capitals) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        capitals += usize::from(c.is_uppercase());
    }
    letters >= 4 && capitals * 5 >= letters * 4
}

/// Words that stay in lower case inside an English title.
const MINOR_WORDS: [&str; 18] = [
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "is", "of", "on", "or", "the", "to", "with", "into",
];

/// A line in title case, as English decks and small headlines are: most of
/// its words that are not minor words or initials start with a capital.
pub(super) fn is_title_case(text: &str) -> bool {
    let (mut counted, mut capitalised) = (0usize, 0usize);
    for word in text.split_whitespace() {
        let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.chars().count() < 2 || MINOR_WORDS.contains(&letters.to_lowercase().as_str()) {
            continue;
        }
        counted += 1;
        capitalised += usize::from(letters.starts_with(char::is_uppercase));
    }
    counted > 0 && capitalised * 2 > counted
}

/// An article's head, shared out from the lines above its text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Head {
    pub kicker: Option<String>,
    pub headline: Option<String>,
    pub deck: Option<String>,
}

/// Shares head lines out. Chinese: one line is the headline; two are
/// headline and deck, or a column's label (`社论`, `短评`: a few characters)
/// and the headline; three or more are kicker, headline and deck (the rest).
/// English: the opening lines in capitals are the headline and the rest the
/// deck; a head with no capitals is all headline.
pub(super) fn share_head(lines: &[&str], lang: Lang) -> Head {
    let joined = |lines: &[&str]| {
        let mut text = String::new();
        for line in lines {
            join_into(&mut text, line, lang);
        }
        (!text.is_empty()).then_some(text)
    };
    match (lang, lines) {
        (_, []) => Head::default(),
        (Lang::Chinese, [headline]) => Head { headline: joined(&[headline]), ..Head::default() },
        (Lang::Chinese, [label, headline]) if is_column_label(label, headline) => {
            Head { kicker: joined(&[label]), headline: joined(&[headline]), deck: None }
        }
        (Lang::Chinese, [headline, deck]) => {
            Head { kicker: None, headline: joined(&[headline]), deck: joined(&[deck]) }
        }
        (Lang::Chinese, [kicker, headline, deck @ ..]) => {
            Head { kicker: joined(&[kicker]), headline: joined(&[headline]), deck: joined(deck) }
        }
        (Lang::English, _) => {
            let capitals = lines.iter().take_while(|line| is_capitals(line)).count();
            let split = if capitals == 0 { lines.len() } else { capitals };
            Head { kicker: None, headline: joined(&lines[..split]), deck: joined(&lines[split..]) }
        }
    }
}

/// The most characters of a column's label over a headline (`社论`,
/// `评论员文章`).
const MAX_COLUMN_LABEL_CHARS: usize = 5;

/// Whether `first`, over `second`, labels a column (`社论` over its
/// headline) rather than being a headline over its deck: a few characters
/// over a longer line that is no `——` deck.
fn is_column_label(first: &str, second: &str) -> bool {
    let first_chars = chars(first);
    first_chars <= MAX_COLUMN_LABEL_CHARS && chars(second) > first_chars && !second.starts_with(['—', '─', '-'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_column_label_over_a_headline_is_the_kicker() {
        let head = share_head(&["社论", "在新的历史起点上奋勇前进"], Lang::Chinese);
        assert_eq!((head.kicker.as_deref(), head.headline.as_deref(), head.deck), (Some("社论"), Some("在新的历史起点上奋勇前进"), None));
        let head = share_head(&["春运", "——让回家的路更顺畅"], Lang::Chinese);
        assert_eq!((head.kicker, head.headline.as_deref(), head.deck.as_deref()), (None, Some("春运"), Some("——让回家的路更顺畅")));
    }

    #[test]
    fn bylines_in_both_conventions() {
        for line in [
            "□青岛日报/观海新闻记者 王 萌",
            "本报记者 王萌",
            "本报记者 王萌 通讯员 李明",
            "本报评论部",
            "By JOHN SMITH",
            "By Staff Correspondent",
        ] {
            assert!(is_byline(line), "{line}");
        }
        for line in [
            "By the terms of the resolution, Br.",
            "本报北京1月9日电（记者 王萌）",
            "记者从市发展改革委获悉，今年以来我市经济稳中向好。",
            "记者手记",
            "□",
            "By",
        ] {
            assert!(!is_byline(line), "{line}");
        }
    }

    #[test]
    fn the_byline_box_and_name_spacing_go() {
        assert_eq!(byline("□青岛日报/观海新闻记者 王 萌"), ("青岛日报/观海新闻记者 王萌".to_owned(), Some('□')));
        assert_eq!(byline("By JOHN SMITH"), ("By JOHN SMITH".to_owned(), None));
    }

    #[test]
    fn datelines_in_both_conventions() {
        for line in [
            "本报北京1月9日电",
            "本报北京1月9日电（记者 王萌）日前，",
            "新华社北京9月11日电",
            "本报讯（记者 王萌）",
            "WASHINGTON, Jan. 3.—",
            "TOKIO, February 7 Monsignor Peorelli",
            "NEW YORK, Dec. 30.—Bank clearings",
        ] {
            assert!(is_dateline(line), "{line}");
        }
        for line in [
            "Commissioner W. H. Lynch, supported",
            "Maclay, to Third, to North",
            "9月11日，上海合作组织妇女论坛举行",
            "HONOLULU, TERRITORY OF HAWAII",
        ] {
            assert!(!is_dateline(line), "{line}");
        }
    }

    #[test]
    fn capitals_and_title_case() {
        assert!(is_capitals("EXCISE TAX OH"));
        assert!(is_capitals("FORDNEY MAkIs STAND"));
        assert!(!is_capitals("Gore Resolution, Though1"));
        assert!(!is_capitals("I -"));
        assert!(is_title_case("Gore Resolution, Though1"));
        assert!(is_title_case("Necessary to Remedy the"));
        assert!(is_title_case("8-Hour Parade Committee"));
        assert!(!is_title_case("Senator Gore's resolution foreshad"));
        assert!(!is_title_case("Harrisburg to-day took initial steps"));
    }

    #[test]
    fn chinese_heads_share_out_by_count() {
        let two = share_head(
            &["扛牢“国之重任”，打造高水平对外开放新高地", "青岛加速成为上合组织元素集中展示区"],
            Lang::Chinese,
        );
        assert_eq!(two.headline.as_deref(), Some("扛牢“国之重任”，打造高水平对外开放新高地"));
        assert_eq!((two.kicker, two.deck.as_deref()), (None, Some("青岛加速成为上合组织元素集中展示区")));
        let three = share_head(&["深化改革", "当好促进派实干家", "市委常委会召开会议"], Lang::Chinese);
        assert_eq!(three.kicker.as_deref(), Some("深化改革"));
        assert_eq!(three.headline.as_deref(), Some("当好促进派实干家"));
        assert_eq!(three.deck.as_deref(), Some("市委常委会召开会议"));
    }

    #[test]
    fn english_heads_put_capitals_in_the_headline() {
        let head = share_head(
            &["EXCISE TAX ON", "SUGAR DOES NOT", "Gore Resolution, Though It", "Has Little Support"],
            Lang::English,
        );
        assert_eq!(head.headline.as_deref(), Some("EXCISE TAX ON SUGAR DOES NOT"));
        assert_eq!(head.deck.as_deref(), Some("Gore Resolution, Though It Has Little Support"));
        let title = share_head(&["8-Hour Parade Committee", "to Complete Plans Tonight"], Lang::English);
        assert_eq!(
            (title.headline.as_deref(), title.deck),
            (Some("8-Hour Parade Committee to Complete Plans Tonight"), None)
        );
    }
}
