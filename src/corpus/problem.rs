//! A problem found in a corpus, located by its JSON path.

use std::fmt;

/// One thing wrong with a corpus, and where: `path` is a JSON path such as
/// `editions[0].articles[3].continued_on.article` (empty for the document).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem { path: path.into(), message: message.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Builds JSON paths: `field("editions[0]", "date")` is `editions[0].date`.
pub fn field(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// Builds JSON paths: `index("editions", 0)` is `editions[0]`.
pub fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}
