//! Page numbers as newspapers print them: Chinese numerals (`第十二版`),
//! digits of either width, and English number words, read leniently because
//! OCR garbles them (`TTiree`, `Pive`).
//!
//! Only the range a newspaper's pages use is read (1 to 999); anything else
//! is not a page number.

/// The Chinese page label of page `number`: `第二版`, `第十二版`; beyond
/// the numerals' range, in digits (`第1000版`).
pub fn chinese_page_label(number: u32) -> String {
    if (1..=999).contains(&number) {
        format!("第{}版", chinese_numeral(number))
    } else {
        format!("第{number}版")
    }
}

/// `number` (1..=999) in Chinese numerals: `十二`, `二十`, `一百零五`.
fn chinese_numeral(number: u32) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let (hundreds, tens, ones) = (number / 100 % 10, number / 10 % 10, number % 10);
    let mut text = String::new();
    if hundreds > 0 {
        text.push(DIGITS[hundreds as usize]);
        text.push('百');
    }
    if tens > 0 {
        // 十二, not 一十二, when nothing stands before it.
        if tens > 1 || hundreds > 0 {
            text.push(DIGITS[tens as usize]);
        }
        text.push('十');
    } else if hundreds > 0 && ones > 0 {
        text.push('零');
    }
    if ones > 0 || text.is_empty() {
        text.push(DIGITS[ones as usize]);
    }
    text
}

/// A page number written in digits (ASCII or full-width) or in Chinese
/// numerals (`一`, `十二`, `二十`, `一百零五`, `两`).
pub(super) fn parse_chinese(text: &str) -> Option<u32> {
    if let Some(number) = parse_digits(text) {
        return Some(number);
    }
    let mut total = 0u32;
    let mut pending: Option<u32> = None;
    let mut seen = false;
    for c in text.chars() {
        seen = true;
        match c {
            '十' => {
                total += pending.take().unwrap_or(1) * 10;
            }
            '百' => {
                total += pending.take()? * 100;
            }
            '零' | '〇' => pending = None,
            _ => pending = Some(chinese_digit(c)?),
        }
    }
    let number = total + pending.unwrap_or(0);
    (seen && (1..=999).contains(&number)).then_some(number)
}

fn chinese_digit(c: char) -> Option<u32> {
    let digit = match c {
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    };
    Some(digit)
}

/// Digits only, ASCII or full-width, 1..=999.
pub(super) fn parse_digits(text: &str) -> Option<u32> {
    if text.is_empty() || text.chars().count() > 3 {
        return None;
    }
    let mut number = 0;
    for c in text.chars() {
        let digit = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => return None,
        };
        number = number * 10 + digit;
    }
    (number >= 1).then_some(number)
}

const ENGLISH: [&str; 20] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

const ORDINALS: [&str; 20] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

/// An English number word (`Six`) or ordinal (`Second`) from one to twenty,
/// tolerating OCR slips: the letters must be within one edit of the word
/// (two for words of five letters or more), and no other word as close.
pub(super) fn parse_english(word: &str) -> Option<u32> {
    let letters: String = word.chars().filter(char::is_ascii_alphabetic).map(|c| c.to_ascii_lowercase()).collect();
    if letters.len() < 3 {
        return None;
    }
    let allowed = if letters.len() >= 5 { 2 } else { 1 };
    let mut best: Option<(usize, u32)> = None;
    let mut tied = false;
    for (index, candidate) in ENGLISH.iter().chain(ORDINALS.iter()).enumerate() {
        let distance = strsim::levenshtein(&letters, candidate);
        let number = index as u32 % 20 + 1;
        match best {
            Some((closest, _)) if distance > closest => {}
            Some((closest, other)) if distance == closest => tied |= other != number,
            _ => {
                best = Some((distance, number));
                tied = false;
            }
        }
    }
    match best {
        Some((distance, number)) if distance <= allowed && !tied => Some(number),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn chinese_labels_read_as_printed() {
        assert_eq!(chinese_page_label(1), "第一版");
        assert_eq!(chinese_page_label(2), "第二版");
        assert_eq!(chinese_page_label(10), "第十版");
        assert_eq!(chinese_page_label(12), "第十二版");
        assert_eq!(chinese_page_label(20), "第二十版");
        assert_eq!(chinese_page_label(105), "第一百零五版");
        assert_eq!(chinese_page_label(110), "第一百一十版");
        assert_eq!(chinese_page_label(1000), "第1000版", "not 第零版");
        assert_eq!(chinese_page_label(4_294_967_295), "第4294967295版");
    }

    #[test]
    fn chinese_numerals_and_digits_read_alike() {
        for (text, number) in
            [("一", 1), ("1", 1), ("１２", 12), ("十二", 12), ("两", 2), ("二十四", 24), ("一百零五", 105)]
        {
            assert_eq!(parse_chinese(text), Some(number), "{text}");
        }
        for text in ["", "零", "0", "版", "一千", "1000", "百"] {
            assert_eq!(parse_chinese(text), None, "{text}");
        }
    }

    #[test]
    fn english_words_survive_ocr_slips() {
        for (word, number) in [
            ("One", 1),
            ("Six.", 6),
            ("Twelve", 12),
            ("Second", 2),
            ("TTiree", 3),
            ("Pive", 5),
            ("Thre'e", 3),
            ("Fourl", 4),
            ("Elsht", 8),
            ("KighO", 8),
        ] {
            assert_eq!(parse_english(word), Some(number), "{word}");
        }
        for word in ["Tirol", "later", "Column", "X", "Page", "on", ""] {
            assert_eq!(parse_english(word), None, "{word}");
        }
    }

    proptest! {
        #[test]
        fn every_label_reads_back_as_its_number(number in 1u32..=999) {
            let label = chinese_page_label(number);
            let numeral = label.trim_start_matches('第').trim_end_matches('版');
            prop_assert_eq!(parse_chinese(numeral), Some(number));
        }
    }
}
