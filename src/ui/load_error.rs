//! Why the widget could not show a corpus, in words a reader can act on.

use std::fmt;

use super::strings::{Strings, EN};
use crate::archive::ArchiveError;
use crate::corpus::DecodeError;

/// A failed corpus load: the network, the HTTP status, or the content.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The request never got an answer (offline, DNS, CORS), or the
    /// download broke off.
    Network { url: String, detail: String },
    /// The server answered with an error status.
    Status { url: String, status: u16, status_text: String },
    /// The body is not UTF-8; `valid_up_to` is the byte offset of the first bad byte.
    Encoding { url: String, valid_up_to: usize },
    /// The corpus (or an archive's page text) arrived but could not be read.
    Corpus { url: String, error: DecodeError },
    /// An archive's root, calendar or edition file arrived but could not be
    /// read, or a page text is not the page its edition describes.
    Archive { url: String, error: ArchiveError },
    /// An archive file's bytes are not what the hash in its name promises.
    Damaged { url: String },
    /// Offline, an archive file that was not kept for offline reading: not
    /// a failure, a view of its own ([`super::not_saved`]).
    NotSaved { url: String },
}

impl LoadError {
    /// The corpus URL that failed.
    pub fn url(&self) -> &str {
        match self {
            LoadError::Network { url, .. }
            | LoadError::Status { url, .. }
            | LoadError::Encoding { url, .. }
            | LoadError::Corpus { url, .. }
            | LoadError::Archive { url, .. }
            | LoadError::Damaged { url }
            | LoadError::NotSaved { url } => url,
        }
    }

    /// A one-line summary for the panel's heading, naming the corpus by its
    /// file name (the panel shows the whole URL below it).
    pub fn summary(&self, strings: &Strings) -> String {
        let (template, url) = match self {
            LoadError::Network { url, .. } => (strings.unreachable, url),
            LoadError::Status { url, .. } => (strings.http_status, url),
            LoadError::Encoding { url, .. } => (strings.not_utf8, url),
            LoadError::Corpus { url, error: DecodeError::Syntax { .. } } => (strings.not_json, url),
            LoadError::Corpus { url, error: DecodeError::UnsupportedVersion { .. } } => (strings.newer_format, url),
            LoadError::Corpus { url, .. } => (strings.invalid_corpus, url),
            LoadError::Archive { url, error: ArchiveError::Syntax { .. } } => (strings.not_json, url),
            LoadError::Archive { url, error: ArchiveError::UnsupportedVersion { .. } } => (strings.newer_format, url),
            LoadError::Archive { url, .. } => (strings.invalid_archive, url),
            LoadError::Damaged { url } => (strings.damaged_file, url),
            LoadError::NotSaved { url } => (strings.not_saved, url),
        };
        Strings::fill(template, file_name(url))
    }

    /// The details, one line each: the HTTP status, the JSON error with its
    /// line and column, every validation problem with its JSON path.
    pub fn details(&self) -> Vec<String> {
        match self {
            LoadError::Network { detail, .. } => vec![detail.clone()],
            LoadError::Status { status, status_text, .. } => {
                vec![format!("HTTP {status} {status_text}").trim_end().to_owned()]
            }
            LoadError::Encoding { valid_up_to, .. } => vec![format!("byte {valid_up_to}: invalid UTF-8")],
            LoadError::Corpus { error, .. } => error.lines(),
            LoadError::Archive { error, .. } => error.lines(),
            LoadError::Damaged { .. } => vec!["its bytes do not match the hash in its name".to_owned()],
            LoadError::NotSaved { .. } => vec!["offline, and not saved for offline reading".to_owned()],
        }
    }
}

/// The last path segment of a URL (`corpus.json`), or the URL when it has none.
fn file_name(url: &str) -> &str {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    path.rsplit('/').next().filter(|name| !name.is_empty()).unwrap_or(url)
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.summary(&EN), self.url())?;
        for line in self.details() {
            write!(f, "\n{line}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus;
    use crate::ui::strings::ZH;

    #[test]
    fn each_failure_says_what_went_wrong_and_where() {
        let url = "https://example.com/corpus.json".to_owned();
        let missing = LoadError::Status { url: url.clone(), status: 404, status_text: "Not Found".to_owned() };
        assert_eq!(
            missing.to_string(),
            "corpus.json answered with an error (https://example.com/corpus.json)\nHTTP 404 Not Found"
        );
        let folder = LoadError::Network { url: "https://example.com/".to_owned(), detail: "offline".to_owned() };
        assert_eq!(folder.summary(&EN), "Could not reach https://example.com/", "no file name: the whole URL");
        let truncated = corpus::load("{\n  \"format\": \"broadsheet-corpus\",\n  \"ver").expect_err("truncated");
        let truncated = LoadError::Corpus { url: url.clone(), error: truncated };
        assert_eq!(truncated.summary(&ZH), "corpus.json 不是完整的 JSON（可能被截断或损坏）");
        assert!(truncated.details()[0].starts_with("3:6: JSON syntax error: EOF while parsing"), "{:?}", truncated.details());
        let invalid = corpus::load(r#"{"format": "broadsheet-corpus", "version": 1, "publication": {"title": "T", "lang": "en"},
            "editions": [{"date": "2024-09-12", "pages": [], "articles": [{"id": "a", "page": 1, "headline": "H", "blocks": []}]}]}"#)
            .expect_err("invalid");
        let invalid = LoadError::Corpus { url, error: invalid };
        assert_eq!(invalid.details(), ["editions[0].articles[0].page: page 1 is not listed in the pages of edition 2024-09-12"]);
    }
}
