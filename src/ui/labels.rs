//! How the reader names pages, jumps and dates in the interface language.
//!
//! A printed label (`第二版`, `A6`) wins over a name made from the page
//! number, because that is what the paper itself says.

use super::strings::{Numerals, Strings};
use crate::corpus::{Edition, Jump};

/// The name of page `number` of `edition`: its printed label, else `第二版` / `Page 2`.
pub fn page_name(strings: &Strings, edition: &Edition, number: u32) -> String {
    let label = edition.page(number).and_then(|page| page.label.as_deref());
    match label {
        Some(label) => printed_label(strings, label),
        None => strings.page_name(number),
    }
}

/// The name of the page a jump points to, and of its column when printed.
pub fn jump_page_name(strings: &Strings, edition: &Edition, jump: &Jump) -> String {
    let page = match (jump.label.as_deref(), jump.page) {
        (Some(label), _) => printed_label(strings, label),
        (None, Some(number)) => page_name(strings, edition, number),
        // The decoder requires a page or a label; say something sensible anyway.
        (None, None) => strings.page_name(0),
    };
    match jump.column {
        Some(column) => page + &Strings::fill(strings.jump_column, &column.to_string()),
        None => page,
    }
}

/// `上接第一版` / `Continued from Page 1`.
pub fn continued_from(strings: &Strings, edition: &Edition, jump: &Jump) -> String {
    Strings::fill(strings.continued_from, &jump_page_name(strings, edition, jump))
}

/// `下转第三版` / `Continued on Page 3`; `See BUDGET, Page A6` when the jump
/// names a keyword.
pub fn continued_on(strings: &Strings, edition: &Edition, jump: &Jump) -> String {
    let page = jump_page_name(strings, edition, jump);
    match &jump.keyword {
        Some(keyword) => Strings::fill(strings.see_keyword, keyword) + &page,
        None => Strings::fill(strings.continued_on, &page),
    }
}

/// A printed label as a name: a bare code such as `A6` reads as `Page A6`.
fn printed_label(strings: &Strings, label: &str) -> String {
    let label = label.trim();
    if !label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric()) {
        Strings::fill(strings.page_name, label)
    } else {
        label.to_owned()
    }
}

/// An edition date as the masthead prints it: `2024年9月12日 星期四`,
/// `Thursday, 12 September 2024`. A date that is not `YYYY-MM-DD` is shown as given.
pub fn long_date(strings: &Strings, date: &str) -> String {
    let Some((year, month, day)) = parse_date(date) else { return date.to_owned() };
    let weekday = weekday(year, month, day);
    match strings.numerals {
        Numerals::Chinese => {
            const DAYS: [&str; 7] = ["日", "一", "二", "三", "四", "五", "六"];
            format!("{year}年{month}月{day}日 星期{}", DAYS[weekday])
        }
        Numerals::Arabic => {
            const DAYS: [&str; 7] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
            format!("{}, {day} {} {year}", DAYS[weekday], MONTHS[month as usize - 1])
        }
    }
}

const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// A month as a calendar's title: `2024年9月`, `September 2024`.
pub fn month_title(strings: &Strings, year: u32, month: u32) -> String {
    match strings.numerals {
        Numerals::Chinese => format!("{year}年{month}月"),
        Numerals::Arabic => format!("{} {year}", MONTHS[(month.clamp(1, 12) - 1) as usize]),
    }
}

/// The number of days of `month` (1–12) of `year`.
pub fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The weekday of the first day of a month, 0 = Sunday.
pub fn first_weekday(year: u32, month: u32) -> usize {
    weekday(year as i32, month, 1)
}

fn parse_date(date: &str) -> Option<(i32, u32, u32)> {
    let mut parts = date.splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok().filter(|m| (1..=12).contains(m))?;
    let day = parts.next()?.parse().ok().filter(|d| (1..=31).contains(d))?;
    Some((year, month, day))
}

/// Day of the week, 0 = Sunday (Sakamoto's method, proleptic Gregorian).
fn weekday(year: i32, month: u32, day: u32) -> usize {
    const OFFSETS: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let year = if month < 3 { year - 1 } else { year };
    let sum = year + year.div_euclid(4) - year.div_euclid(100) + year.div_euclid(400) + OFFSETS[month as usize - 1] + day as i32;
    sum.rem_euclid(7) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Page;
    use crate::ui::strings::{EN, ZH};

    fn edition(pages: &[(u32, Option<&str>)]) -> Edition {
        Edition {
            date: "2024-09-12".to_owned(),
            publication: None,
            pages: pages.iter().map(|&(number, label)| Page { number, label: label.map(str::to_owned) }).collect(),
            articles: Vec::new(),
        }
    }

    #[test]
    fn pages_are_named_by_their_printed_label_else_their_number() {
        let edition = edition(&[(1, Some("要闻")), (2, None), (6, Some("A6"))]);
        assert_eq!(page_name(&ZH, &edition, 1), "要闻");
        assert_eq!(page_name(&ZH, &edition, 2), "第二版");
        assert_eq!(page_name(&EN, &edition, 2), "Page 2");
        assert_eq!(page_name(&EN, &edition, 6), "Page A6");
        assert_eq!(page_name(&ZH, &edition, 3), "第三版", "a page outside the corpus still has a name");
    }

    #[test]
    fn jumps_name_their_page() {
        let edition = edition(&[(1, Some("第一版"))]);
        let jump = |page, label: Option<&str>| Jump { page, label: label.map(str::to_owned), article: None, column: None, keyword: None };
        assert_eq!(jump_page_name(&ZH, &edition, &jump(Some(1), None)), "第一版");
        assert_eq!(jump_page_name(&ZH, &edition, &jump(Some(3), None)), "第三版");
        assert_eq!(jump_page_name(&EN, &edition, &jump(None, Some("A6"))), "Page A6");
        let column = Jump { column: Some(4), ..Jump::to_page(2) };
        assert_eq!(continued_on(&EN, &edition, &column), "Continued on Page 2, column 4");
        assert_eq!(continued_on(&ZH, &edition, &column), "下转第二版第4栏");
        let see = Jump { keyword: Some("BUDGET".to_owned()), ..Jump::to_label("A6".to_owned()) };
        assert_eq!(continued_on(&EN, &edition, &see), "See BUDGET, Page A6");
    }

    #[test]
    fn dates_read_as_the_masthead_prints_them() {
        assert_eq!(long_date(&ZH, "2024-09-12"), "2024年9月12日 星期四");
        assert_eq!(long_date(&EN, "1916-03-04"), "Saturday, 4 March 1916");
        assert_eq!(long_date(&EN, "2000-02-29"), "Tuesday, 29 February 2000");
        assert_eq!(long_date(&EN, "2024-13-01"), "2024-13-01");
    }

    #[test]
    fn months_have_their_days_and_start_on_their_weekday() {
        assert_eq!(month_title(&ZH, 2024, 9), "2024年9月");
        assert_eq!(month_title(&EN, 1916, 3), "March 1916");
        assert_eq!([days_in_month(2024, 2), days_in_month(1900, 2), days_in_month(2000, 2), days_in_month(2023, 11)], [29, 28, 29, 30]);
        assert_eq!(first_weekday(2024, 9), 0, "1 September 2024 was a Sunday");
    }
}
