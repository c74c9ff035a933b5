//! Which printing convention a page follows, Chinese or English, and how to
//! tell them apart from the text alone.
//!
//! The convention decides how lines are read (a Chinese export holds one
//! paragraph per line, an English OCR one printed line per line) and how they
//! are joined. This module does not know any other language: a page in
//! another script is read with the English convention.

/// A printing convention the ingest knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// Simplified or traditional Chinese: one paragraph per line, no spaces
    /// between words.
    Chinese,
    /// English: one printed column line per line, words between spaces.
    English,
}

impl Lang {
    /// The BCP 47 tag the corpus records for a page detected in this
    /// convention.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Chinese => "zh-CN",
            Lang::English => "en",
        }
    }

    /// The convention of a BCP 47 tag (`zh`, `zh-CN`, `zh-Hant-TW`, `en`,
    /// `en-US`), or `None` for a language the ingest does not know.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Lang::Chinese),
            "en" => Some(Lang::English),
            _ => None,
        }
    }

    /// The convention the text is written in: Chinese when Han characters
    /// carry at least a quarter as much as Latin letters do. A Han character
    /// is a word or half of one, so a Chinese page that quotes English names
    /// still counts as Chinese.
    pub fn detect(text: &str) -> Lang {
        let (mut han, mut latin) = (0usize, 0usize);
        for c in text.chars() {
            if is_han(c) {
                han += 1;
            } else if c.is_ascii_alphabetic() {
                latin += 1;
            }
        }
        if han > 0 && han * 4 >= latin {
            Lang::Chinese
        } else {
            Lang::English
        }
    }
}

/// True for the CJK ideographs (the unified block and its first extension).
pub(super) fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_name_their_convention() {
        assert_eq!(Lang::from_tag("zh-CN"), Some(Lang::Chinese));
        assert_eq!(Lang::from_tag("zh_Hant_TW"), Some(Lang::Chinese));
        assert_eq!(Lang::from_tag("EN-us"), Some(Lang::English));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn detection_follows_the_script() {
        assert_eq!(Lang::detect("初秋时节，万物竞秀。青青之岛，再迎客来。"), Lang::Chinese);
        assert_eq!(Lang::detect("上合组织 SCO 在 Qingdao 举办 forum，共商合作。"), Lang::Chinese);
        assert_eq!(Lang::detect("Senator Gore's resolution has little support."), Lang::English);
        assert_eq!(Lang::detect("A page about 青岛 in English with many more words than the name."), Lang::English);
        assert_eq!(Lang::detect(""), Lang::English);
    }
}
