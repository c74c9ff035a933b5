//! Ingest: plain-text newspaper pages into the corpus.
//!
//! Publishers hold their pages as plain text, an export or an OCR of the
//! printed page. [`parse_page`] reads one page's text into articles,
//! recognising what a reader sees on paper: kicker, headline, deck, byline,
//! subheads, photo captions with their credits, paragraphs cut by column
//! breaks, and jump lines to and from other pages, in the Chinese and the
//! English conventions. [`merge_page`] then puts the page into an edition of a
//! [`Corpus`](crate::corpus::Corpus), replacing an earlier ingest of the same page and linking its
//! jumps with the pages already there.
//!
//! Reading is lenient: text it does not recognise stays running text, and
//! apart from the markers it interprets (listed in [`ParsedPage::markers`])
//! every character of the input reaches the output. It refuses only input
//! that is not a page of text ([`IngestError`], with the line).
//!
//! An OCR layout file in ALTO is read too ([`parse_alto_page`]), recognised
//! by its content ([`is_alto`]): its blocks grouped into articles by their
//! type sizes, every word kept.
//!
//! No file I/O here: the CLI (`broadsheet ingest`) reads and writes files, and
//! the same code compiles for the browser.

mod alto;
mod captions;
mod columns;
mod error;
mod head;
mod jumps;
mod lang;
mod lines;
mod link;
mod names;
mod numerals;
mod page;

use crate::corpus::{Article, Page};

pub use alto::{is_alto, parse_alto_page, AltoError, AltoPage};
pub use error::{page_text, IngestError, Problem};
pub use lang::Lang;
pub use link::merge_page;
pub use numerals::chinese_page_label;

/// Which page of which edition a text is, and how to read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageOptions {
    /// The edition's date, `YYYY-MM-DD`; it prefixes the article ids.
    pub date: String,
    /// The page number, from 1.
    pub page: u32,
    /// The printed page name; by default `第N版` for a Chinese page and none
    /// for an English one.
    pub label: Option<String>,
    /// The convention to read the text in; detected from the text when
    /// `None`.
    pub lang: Option<Lang>,
}

/// A page read from its text, ready to be merged into a corpus.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedPage {
    /// The edition's date, as the options gave it.
    pub date: String,
    pub page: Page,
    /// The convention the page was read in.
    pub lang: Lang,
    /// The page's articles in reading order, ids `{date}-p{page}-{n}` from 1;
    /// jumps are unlinked (`article: None`).
    pub articles: Vec<Article>,
    /// The printed markers that were interpreted rather than kept as text,
    /// in line order.
    pub markers: Vec<Marker>,
    /// Whether the page kept the blank-line layout (a Chinese page whose
    /// articles stand two blank lines apart) and was read by it; otherwise
    /// its article boundaries were guessed from its head lines.
    pub laid_out: bool,
}

/// A piece of printed text the ingest interpreted and removed: the record of
/// what it consumed, so that nothing else goes missing unnoticed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marker {
    /// The input line it stood on, from 1.
    pub line: usize,
    /// Where it starts in the page text, in bytes.
    pub offset: usize,
    pub kind: MarkerKind,
    /// The removed text exactly as it stood on that line.
    pub text: String,
}

/// What a removed marker meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerKind {
    /// `▲ ▼ ◀ ▶` opening a caption: the figure's placement.
    CaptionArrow,
    /// `摄`, `Photo by`: the wording around a figure's credit.
    Credit,
    /// `□` before a byline.
    BylineBox,
    /// `（上接第一版）`, `Continued on Page 12`: the article's jump.
    Jump,
}

/// Reads one page of text into articles.
///
/// Fails only when the text is not a page: a NUL byte (a binary file) or no
/// text at all.
pub fn parse_page(text: &str, options: &PageOptions) -> Result<ParsedPage, IngestError> {
    if let Some(at) = text.find('\0') {
        return Err(IngestError { line: error::line_at(text.as_bytes(), at), problem: Problem::NulByte });
    }
    let lines = lines::page_lines(text);
    if lines.is_empty() {
        return Err(IngestError { line: 1, problem: Problem::NoText });
    }
    let lang = options.lang.unwrap_or_else(|| Lang::detect(text));
    let label = options.label.clone().or_else(|| (lang == Lang::Chinese).then(|| chinese_page_label(options.page)));
    let (articles, markers, laid_out) = page::read_articles(&lines, lang, &options.date, options.page);
    Ok(ParsedPage { date: options.date.clone(), page: Page { number: options.page, label }, lang, articles, markers, laid_out })
}
