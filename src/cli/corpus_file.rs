//! Reading a corpus file as text: its bytes must be UTF-8, as JSON is.
//!
//! A file cut short in the middle of a character (an interrupted download
//! or copy) or saved in a legacy encoding is reported with the line and
//! column of its first bad byte, like a JSON syntax error, instead of as an
//! unreadable file. Decoding the JSON is [`crate::corpus`]'s job.

use std::fmt;
use std::path::Path;

/// Why a corpus file gave no text.
#[derive(Debug)]
pub enum ReadError {
    /// The file could not be read at all.
    Io(std::io::Error),
    /// Byte `byte` at `line`:`column` (from 1, columns in characters) is
    /// not UTF-8.
    NotUtf8 { line: usize, column: usize, byte: u8 },
}

impl ReadError {
    /// The exit code it calls for: a broken file is invalid input, a file
    /// that cannot be read is an I/O failure.
    pub fn exit_code(&self) -> u8 {
        match self {
            ReadError::Io(_) => super::EXIT_IO,
            ReadError::NotUtf8 { .. } => super::EXIT_INVALID,
        }
    }
}

impl fmt::Display for ReadError {
    /// The message after the file name: `: cannot read …` or `:3:7: not …`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(error) => write!(f, ": cannot read the corpus: {error}"),
            ReadError::NotUtf8 { line, column, byte } => write!(
                f,
                ":{line}:{column}: not UTF-8 (byte 0x{byte:02X}); a corpus is JSON in UTF-8: \
                 the file is cut short or in another encoding"
            ),
        }
    }
}

/// The text of the corpus file at `path`.
pub fn read(path: &Path) -> Result<String, ReadError> {
    let bytes = std::fs::read(path).map_err(ReadError::Io)?;
    String::from_utf8(bytes).map_err(|error| {
        let bytes = error.as_bytes();
        let at = error.utf8_error().valid_up_to();
        // Everything before the first bad byte is valid UTF-8.
        let before = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
        let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
        ReadError::NotUtf8 {
            line: 1 + before.matches('\n').count(),
            column: 1 + before[line_start..].chars().count(),
            byte: bytes[at],
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_character_cut_short_is_located() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("corpus.json");
        let text = "{\n  \"title\": \"青岛日报\"\n}";
        let cut = text.find('日').unwrap() + 1;
        std::fs::write(&path, &text.as_bytes()[..cut]).unwrap();
        let error = read(&path).unwrap_err();
        assert_eq!(
            error.to_string(),
            ":2:15: not UTF-8 (byte 0xE6); a corpus is JSON in UTF-8: the file is cut short or in another encoding"
        );
        assert_eq!(error.exit_code(), super::super::EXIT_INVALID);
    }

    #[test]
    fn a_missing_file_is_an_io_failure() {
        let error = read(Path::new("/nonexistent-folder/corpus.json")).unwrap_err();
        assert!(error.to_string().starts_with(": cannot read the corpus: "), "{error}");
        assert_eq!(error.exit_code(), super::super::EXIT_IO);
    }
}
