//! Decoding corpus JSON into the model, reporting every structural problem.
//!
//! The decoder walks the parsed JSON by hand instead of deriving
//! `Deserialize`, because a publisher fixing a corpus wants every wrong type
//! and missing field at once, each with its JSON path, not just the first.
//! Unknown fields are ignored so that older readers accept newer additions;
//! a newer `version` is refused outright because its meaning is unknown. A
//! lone surrogate escape reads as U+FFFD ([`super::surrogates`]).
//!
//! A corpus with nothing wrong in it is read the fast way first
//! (`corpus::fast`); the walk runs when that declines, and judges.
//!
//! Rules that span fields (unique ids, jumps, pages) are [`super::validate`]'s.

use std::fmt;

use serde_json::{Map, Value};

use super::model::*;
use super::problem::{field, index, Problem};
use super::surrogates::replace_lone_surrogates;
use super::{FORMAT, VERSION};

/// Why a corpus could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The text is not JSON; `line` and `column` count from 1.
    Syntax { line: usize, column: usize, message: String },
    /// The corpus declares a version this build does not read.
    UnsupportedVersion { found: u64 },
    /// The JSON does not follow the format: every problem, with its path.
    Invalid(Vec<Problem>),
}

impl DecodeError {
    /// The problems as lines a person can act on.
    pub fn lines(&self) -> Vec<String> {
        match self {
            DecodeError::Invalid(problems) => problems.iter().map(Problem::to_string).collect(),
            other => vec![other.to_string()],
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Syntax { line, column, message } => {
                write!(f, "{line}:{column}: JSON syntax error: {message}")
            }
            DecodeError::UnsupportedVersion { found } => write!(
                f,
                "version: this corpus is format version {found}, but this build of Broadsheet reads version {VERSION}; \
                 update Broadsheet or re-export the corpus as version {VERSION}"
            ),
            DecodeError::Invalid(problems) => {
                let lines: Vec<String> = problems.iter().map(Problem::to_string).collect();
                write!(f, "{}", lines.join("\n"))
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// Parses corpus JSON text into the model, checking types and required fields.
pub fn decode(text: &str) -> Result<Corpus, DecodeError> {
    let text = replace_lone_surrogates(text);
    match super::fast::decode(&text) {
        Some(corpus) => Ok(corpus),
        None => walk(&text),
    }
}

/// Decodes `text` (its lone surrogates replaced) by walking its JSON tree,
/// reporting every problem.
pub(super) fn walk(text: &str) -> Result<Corpus, DecodeError> {
    let value = parse_replaced(text)?;
    let mut decoder = Decoder::default();
    match decoder.corpus(&value)? {
        Some(corpus) => decoder.finish(corpus),
        None => Err(DecodeError::Invalid(decoder.problems)),
    }
}

/// Parses JSON text (one part of a document, for [`super::stepwise`]),
/// lone surrogate escapes read as U+FFFD.
pub(super) fn parse(text: &str) -> Result<Value, DecodeError> {
    parse_replaced(&replace_lone_surrogates(text))
}

/// Parses JSON text whose lone surrogates are replaced.
pub(super) fn parse_replaced(text: &str) -> Result<Value, DecodeError> {
    serde_json::from_str(text).map_err(|error| DecodeError::Syntax {
        line: error.line().max(1),
        // serde_json says column 0 for an error before a line's first
        // character (an empty file); columns count from 1 here.
        column: error.column().max(1),
        message: strip_position(&error.to_string()),
    })
}

/// serde_json appends " at line L column C"; the position is reported separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

pub(super) type Object = Map<String, Value>;

/// The decoding of one document: the problems found so far.
#[derive(Default)]
pub(super) struct Decoder {
    problems: Vec<Problem>,
}

/// The document's own fields, decoded before its editions.
pub(super) struct Header {
    version: Option<u64>,
    publication: Option<Publication>,
}

impl Header {
    /// The corpus of these fields and the editions that decoded.
    pub(super) fn corpus(self, editions: Vec<Option<Edition>>) -> Corpus {
        Corpus {
            format: FORMAT.to_owned(),
            version: self.version.unwrap_or(VERSION),
            publication: self.publication.unwrap_or_else(|| Publication { title: String::new(), lang: String::new() }),
            editions: editions.into_iter().flatten().collect(),
        }
    }

    /// The corpus's publication, as far as it decoded.
    pub(super) fn publication(&self) -> Option<&Publication> {
        self.publication.as_ref()
    }
}

impl Decoder {
    /// Whether anything was wrong so far.
    pub(super) fn has_problems(&self) -> bool {
        !self.problems.is_empty()
    }

    /// `corpus` when nothing was wrong, else every problem found.
    pub(super) fn finish(self, corpus: Corpus) -> Result<Corpus, DecodeError> {
        if self.problems.is_empty() {
            Ok(corpus)
        } else {
            Err(DecodeError::Invalid(self.problems))
        }
    }

    fn problem(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }

    fn wrong_type(&mut self, path: &str, expected: &str, found: &Value) {
        self.problem(path, format!("expected {expected}, found {}", kind(found)));
    }

    fn object<'v>(&mut self, value: &'v Value, path: &str) -> Option<&'v Object> {
        match value {
            Value::Object(object) => Some(object),
            other => {
                self.wrong_type(path, "an object", other);
                None
            }
        }
    }

    /// A field that must be present and not null.
    fn required<'v>(&mut self, object: &'v Object, key: &str, path: &str) -> Option<&'v Value> {
        match object.get(key) {
            None | Some(Value::Null) => {
                self.problem(&field(path, key), "missing required field");
                None
            }
            Some(value) => Some(value),
        }
    }

    fn string(&mut self, value: &Value, path: &str) -> Option<String> {
        match value {
            Value::String(text) => Some(text.clone()),
            other => {
                self.wrong_type(path, "a string", other);
                None
            }
        }
    }

    fn required_string(&mut self, object: &Object, key: &str, path: &str) -> Option<String> {
        let value = self.required(object, key, path)?;
        self.string(value, &field(path, key))
    }

    /// A string field that may be missing or null.
    fn optional_string(&mut self, object: &Object, key: &str, path: &str) -> Option<String> {
        match object.get(key) {
            None | Some(Value::Null) => None,
            Some(value) => self.string(value, &field(path, key)),
        }
    }

    fn page_number(&mut self, value: &Value, path: &str) -> Option<u32> {
        self.counting_number(value, path, "page")
    }

    /// A page's or a column's number (`what`): an integer from 1.
    fn counting_number(&mut self, value: &Value, path: &str, what: &str) -> Option<u32> {
        match value.as_u64().and_then(|n| u32::try_from(n).ok()) {
            Some(0) => {
                self.problem(path, format!("{what} numbers start at 1"));
                None
            }
            Some(number) => Some(number),
            None => {
                self.wrong_type(path, &format!("a {what} number (a positive integer)"), value);
                None
            }
        }
    }

    fn required_page_number(&mut self, object: &Object, key: &str, path: &str) -> Option<u32> {
        let value = self.required(object, key, path)?;
        self.page_number(value, &field(path, key))
    }

    /// The elements of a required array field, each with its path.
    fn array<'v>(&mut self, object: &'v Object, key: &str, path: &str) -> Vec<(String, &'v Value)> {
        let path = field(path, key);
        match object.get(key) {
            None | Some(Value::Null) => {
                self.problem(&path, "missing required field");
                Vec::new()
            }
            Some(Value::Array(items)) => {
                items.iter().enumerate().map(|(i, item)| (index(&path, i), item)).collect()
            }
            Some(other) => {
                self.wrong_type(&path, "an array", other);
                Vec::new()
            }
        }
    }

    /// Decodes the document; an unsupported version stops decoding at once.
    fn corpus(&mut self, value: &Value) -> Result<Option<Corpus>, DecodeError> {
        let Some(object) = self.object(value, "") else { return Ok(None) };
        let header = self.header(object)?;
        let editions: Vec<Option<Edition>> =
            self.array(object, "editions", "").into_iter().map(|(path, value)| self.edition(value, &path)).collect();
        Ok(Some(header.corpus(editions)))
    }

    /// The document's fields but its editions; an unsupported version stops
    /// decoding at once.
    pub(super) fn header(&mut self, object: &Object) -> Result<Header, DecodeError> {
        if let Some(format) = self.required_string(object, "format", "") {
            if format != FORMAT {
                self.problem("format", format!("expected \"{FORMAT}\", found \"{format}\""));
            }
        }
        let version = match self.required(object, "version", "") {
            Some(value) => match value.as_u64() {
                Some(version) if version > VERSION => {
                    return Err(DecodeError::UnsupportedVersion { found: version })
                }
                Some(version @ 1..) => Some(version),
                _ => {
                    self.problem("version", format!("expected a format version from 1 to {VERSION}"));
                    None
                }
            },
            None => None,
        };
        let publication =
            self.required(object, "publication", "").and_then(|value| self.publication(value, "publication"));
        Ok(Header { version, publication })
    }

    fn publication(&mut self, value: &Value, path: &str) -> Option<Publication> {
        let object = self.object(value, path)?;
        let title = self.required_string(object, "title", path);
        let lang = self.required_string(object, "lang", path);
        if lang.as_deref().is_some_and(|lang| lang.trim().is_empty()) {
            self.problem(&field(path, "lang"), "expected a language tag such as \"zh-CN\" or \"en\"");
        }
        Some(Publication { title: title?, lang: lang? })
    }

    pub(super) fn edition(&mut self, value: &Value, path: &str) -> Option<Edition> {
        let object = self.object(value, path)?;
        let date = self.required_string(object, "date", path);
        if let Some(date) = &date {
            if !is_iso_date(date) {
                self.problem(&field(path, "date"), format!("expected a date as YYYY-MM-DD, found \"{date}\""));
            }
        }
        let publication = match object.get("publication") {
            None | Some(Value::Null) => None,
            Some(value) => self.publication(value, &field(path, "publication")),
        };
        let pages: Vec<Option<Page>> =
            self.array(object, "pages", path).into_iter().map(|(path, value)| self.page(value, &path)).collect();
        let articles: Vec<Option<Article>> =
            self.array(object, "articles", path).into_iter().map(|(path, value)| self.article(value, &path)).collect();
        Some(Edition {
            date: date?,
            publication,
            pages: pages.into_iter().flatten().collect(),
            articles: articles.into_iter().flatten().collect(),
        })
    }

    fn page(&mut self, value: &Value, path: &str) -> Option<Page> {
        let object = self.object(value, path)?;
        let number = self.required_page_number(object, "number", path);
        let label = self.optional_string(object, "label", path);
        Some(Page { number: number?, label })
    }

    fn article(&mut self, value: &Value, path: &str) -> Option<Article> {
        let object = self.object(value, path)?;
        let id = self.required_string(object, "id", path);
        if id.as_deref().is_some_and(|id| id.trim().is_empty()) {
            self.problem(&field(path, "id"), "an article id must not be empty");
        }
        let page = self.required_page_number(object, "page", path);
        let kicker = self.optional_string(object, "kicker", path);
        let headline = self.optional_string(object, "headline", path);
        let deck = self.optional_string(object, "deck", path);
        let byline = self.optional_string(object, "byline", path);
        let blocks: Vec<Option<Block>> =
            self.array(object, "blocks", path).into_iter().map(|(path, value)| self.block(value, &path)).collect();
        let continued_from = self.jump(object, "continued_from", path);
        let continued_on = self.jump(object, "continued_on", path);
        Some(Article {
            id: id?,
            page: page?,
            kicker,
            headline,
            deck,
            byline,
            blocks: blocks.into_iter().flatten().collect(),
            continued_from,
            continued_on,
        })
    }

    fn block(&mut self, value: &Value, path: &str) -> Option<Block> {
        let object = self.object(value, path)?;
        let kind = self.required_string(object, "type", path)?;
        match kind.as_str() {
            "paragraph" => Some(Block::Paragraph { text: self.required_string(object, "text", path)? }),
            "subhead" => Some(Block::Subhead { text: self.required_string(object, "text", path)? }),
            "figure" => {
                let src = self.optional_string(object, "src", path);
                let caption = self.optional_string(object, "caption", path);
                let credit = self.optional_string(object, "credit", path);
                let placement = self.optional_string(object, "placement", path).and_then(|name| {
                    let placement = Placement::named(&name);
                    if placement.is_none() {
                        self.problem(
                            &field(path, "placement"),
                            format!("expected one of above, below, left, right or null, found \"{name}\""),
                        );
                    }
                    placement
                });
                Some(Block::Figure(Figure { src, caption, credit, placement }))
            }
            other => {
                self.problem(
                    &field(path, "type"),
                    format!("expected \"paragraph\", \"subhead\" or \"figure\", found \"{other}\""),
                );
                None
            }
        }
    }

    fn jump(&mut self, object: &Object, key: &str, path: &str) -> Option<Jump> {
        let path = field(path, key);
        let object = match object.get(key) {
            None | Some(Value::Null) => return None,
            Some(value) => self.object(value, &path)?,
        };
        let page = match object.get("page") {
            None | Some(Value::Null) => None,
            Some(value) => self.page_number(value, &field(&path, "page")),
        };
        let label = self.optional_string(object, "label", &path);
        let article = self.optional_string(object, "article", &path);
        if page.is_none() && label.is_none() && object.get("page").is_none_or(Value::is_null) {
            self.problem(&field(&path, "page"), "a jump needs a page number or a page label");
        }
        let column = match object.get("column") {
            None | Some(Value::Null) => None,
            Some(value) => self.counting_number(value, &field(&path, "column"), "column"),
        };
        let keyword = self.optional_string(object, "keyword", &path);
        Some(Jump { page, label, article, column, keyword })
    }
}

/// `YYYY-MM-DD` with a plausible month and day.
pub(crate) fn is_iso_date(date: &str) -> bool {
    let bytes = date.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' || !digits(0..4) || !digits(5..7) || !digits(8..10) {
        return false;
    }
    let month: u32 = date[5..7].parse().unwrap_or(0);
    let day: u32 = date[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}
