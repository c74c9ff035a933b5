//! ALTO: a page as OCR laid it out (blocks, lines and words with their
//! boxes and type), the format national libraries and newspaper
//! digitisation export, read into articles.
//!
//! [`parse_alto_page`] reads one page's ALTO file ([`layout`]) and, as no
//! METS says which blocks form an article, groups them by their type sizes
//! ([`articles`]): a guess, which it reports. Every word of the file reaches
//! the corpus, in the file's order. Recognised by its content
//! ([`is_alto`]), so the CLI takes an ALTO file wherever it takes a page's
//! text.
//!
//! Not here yet: page images, article zones and word boxes (the corpus has
//! no place for them), METS.

mod articles;
mod layout;

use super::{chinese_page_label, Lang, PageOptions, ParsedPage};
use crate::corpus::{Article, Page};

pub use layout::AltoError;

/// A page read from ALTO, and what the file was.
#[derive(Clone, Debug, PartialEq)]
pub struct AltoPage {
    pub page: ParsedPage,
    /// The ALTO version (`ALTO 3.x`) and the unit of its coordinates.
    pub version: &'static str,
    pub unit: String,
    /// Illustrations and graphical elements on the page (not kept yet).
    pub illustrations: usize,
}

/// Whether `bytes` hold an ALTO file: XML whose root element is `alto`.
pub fn is_alto(bytes: &[u8]) -> bool {
    let start = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).into_owned();
    let mut rest = start.trim_start_matches('\u{feff}').trim_start();
    // Past the declaration, comments and processing instructions.
    while let Some(after) = rest.strip_prefix("<?").or_else(|| rest.strip_prefix("<!--")) {
        let end = if rest.starts_with("<?") { "?>" } else { "-->" };
        let Some(at) = after.find(end) else { return false };
        rest = after[at + end.len()..].trim_start();
    }
    let Some(tag) = rest.strip_prefix('<') else { return false };
    let name: String = tag.chars().take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/').collect();
    let local = name.rsplit(':').next().unwrap_or(&name);
    local.eq_ignore_ascii_case("alto")
}

/// Reads the ALTO file `xml` as page `options.page` of the edition of
/// `options.date`. Its articles are grouped by their look (the ingest has
/// no METS): the page is not `laid_out`.
pub fn parse_alto_page(xml: &str, options: &PageOptions) -> Result<AltoPage, AltoError> {
    let read = layout::read(xml)?;
    let text: String = read.blocks.iter().map(|block| block.text.as_str()).collect::<Vec<_>>().join("\n");
    let lang = options.lang.unwrap_or_else(|| Lang::detect(&text));
    let label = options.label.clone().or_else(|| (lang == Lang::Chinese).then(|| chinese_page_label(options.page)));
    let articles = articles::group(&read.blocks)
        .into_iter()
        .enumerate()
        .map(|(n, grouped)| Article {
            id: format!("{}-p{}-{}", options.date, options.page, n + 1),
            page: options.page,
            kicker: None,
            headline: grouped.headline,
            deck: grouped.deck,
            byline: None,
            blocks: grouped.body,
            continued_from: None,
            continued_on: None,
        })
        .collect();
    let page = ParsedPage {
        date: options.date.clone(),
        page: Page { number: options.page, label },
        lang,
        articles,
        markers: Vec::new(),
        laid_out: false,
    };
    Ok(AltoPage { page, version: read.version, unit: read.unit, illustrations: read.illustrations })
}
