//! Why a page could not be ingested, and on which line.
//!
//! The ingest reads noisy text leniently: whatever it cannot recognise stays
//! as running text. It refuses only input that is not a page of text at all,
//! so that a publisher fixes the file instead of publishing garbage.

use std::fmt;

/// A page the ingest refuses; `line` counts from 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IngestError {
    pub line: usize,
    pub problem: Problem,
}

/// What is wrong with the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The bytes are not UTF-8; `byte` is the first one that is not.
    NotUtf8 { byte: u8 },
    /// A NUL byte: the file is binary, not text.
    NulByte,
    /// The page holds nothing but blank lines.
    NoText,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NotUtf8 { byte } => write!(
                f,
                "not UTF-8 text (byte 0x{byte:02X}); convert the file to UTF-8 first, \
                 e.g. `iconv -f GB18030 -t UTF-8` for a Chinese export"
            ),
            Problem::NulByte => write!(f, "a NUL byte: this is a binary file, not a page of text"),
            Problem::NoText => write!(f, "the page has no text"),
        }
    }
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.problem)
    }
}

impl std::error::Error for IngestError {}

/// The text of a page file: its bytes as UTF-8 without a byte-order mark.
pub fn page_text(bytes: &[u8]) -> Result<&str, IngestError> {
    let text = std::str::from_utf8(bytes).map_err(|error| {
        // The first byte that is not UTF-8: always inside `bytes`.
        let at = error.valid_up_to();
        IngestError { line: line_at(bytes, at), problem: Problem::NotUtf8 { byte: bytes[at] } }
    })?;
    Ok(text.strip_prefix('\u{FEFF}').unwrap_or(text))
}

/// The line (from 1) that holds byte `at`.
pub(super) fn line_at(bytes: &[u8], at: usize) -> usize {
    1 + bytes[..at].iter().filter(|&&b| b == b'\n').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gbk_file_is_refused_at_its_first_chinese_line() {
        let bytes = b"2024\n\nGBK: \xC7\xE0\xB5\xBA\n";
        let error = page_text(bytes).unwrap_err();
        assert_eq!(error.line, 3);
        assert_eq!(error.problem, Problem::NotUtf8 { byte: 0xC7 });
        assert!(error.to_string().starts_with("line 3: not UTF-8 text (byte 0xC7); convert"), "{error}");
    }

    #[test]
    fn a_byte_order_mark_is_not_text() {
        assert_eq!(page_text("\u{FEFF}青岛".as_bytes()).unwrap(), "青岛");
    }
}
