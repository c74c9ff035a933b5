//! Why the widget could not show a corpus, in words a reader can act on.

use std::fmt;

use crate::corpus::DecodeError;

/// A failed corpus load: the network, the HTTP status, or the content.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The request never got an answer (offline, DNS, CORS).
    Network { url: String, detail: String },
    /// The server answered with an error status.
    Status { url: String, status: u16, status_text: String },
    /// The corpus arrived but could not be read.
    Corpus { url: String, error: DecodeError },
}

impl LoadError {
    /// A one-line summary for the panel's heading.
    pub fn summary(&self) -> String {
        match self {
            LoadError::Network { url, .. } => format!("Could not reach {url}"),
            LoadError::Status { url, status, status_text } => {
                format!("{url} answered HTTP {status} {status_text}").trim_end().to_owned()
            }
            LoadError::Corpus { url, error: DecodeError::Syntax { .. } } => {
                format!("{url} is not valid JSON (truncated or damaged)")
            }
            LoadError::Corpus { url, error: DecodeError::UnsupportedVersion { .. } } => {
                format!("{url} is a newer corpus format")
            }
            LoadError::Corpus { url, .. } => format!("{url} is not a valid Broadsheet corpus"),
        }
    }

    /// The details, one line each (every validation problem with its path).
    pub fn details(&self) -> Vec<String> {
        match self {
            LoadError::Network { detail, .. } => vec![detail.clone()],
            LoadError::Status { .. } => Vec::new(),
            LoadError::Corpus { error, .. } => error.lines(),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.summary())?;
        for line in self.details() {
            write!(f, "\n{line}")?;
        }
        Ok(())
    }
}
