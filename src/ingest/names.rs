//! Chinese personal names as printed in bylines and credits: typesetters
//! space out two-character names to the width of three (`王 萌`, `刘 栋`).
//! A reader and a search want the name itself (`王萌`).
//!
//! Only runs of single Han characters are closed up; the space between a
//! title and a name (`观海新闻记者 王萌`) and between two names stays.

use super::lang::is_han;

/// `text` with the spaces inside spaced-out Chinese names removed.
pub(super) fn tighten_names(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let is_single_han = |word: &str| {
        let mut chars = word.chars();
        chars.next().is_some_and(is_han) && chars.next().is_none()
    };
    let mut tightened = String::with_capacity(text.len());
    for (index, word) in words.iter().enumerate() {
        if index > 0 && !(is_single_han(words[index - 1]) && is_single_han(word)) {
            tightened.push(' ');
        }
        tightened.push_str(word);
    }
    tightened
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaced_names_close_up() {
        assert_eq!(tighten_names("青岛日报/观海新闻记者 王 萌"), "青岛日报/观海新闻记者 王萌");
        assert_eq!(tighten_names("刘 栋"), "刘栋");
        assert_eq!(tighten_names("本报记者 张三 李四"), "本报记者 张三 李四");
        assert_eq!(tighten_names("新华社记者 李 小 明"), "新华社记者 李小明");
        assert_eq!(tighten_names("  By JOHN  SMITH "), "By JOHN SMITH");
    }
}
