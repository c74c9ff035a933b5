//! The corpus model: plain data, one type per concept of a printed edition.
//!
//! Invariants that span fields (unique article ids, jumps that point back)
//! are not enforced by the types; [`super::validate`] checks them.

use serde::Serialize;

/// A whole corpus: one or more editions of one or more publications.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Corpus {
    /// Always [`super::FORMAT`].
    pub format: String,
    /// Always [`super::VERSION`] once decoded.
    pub version: u64,
    /// The publication every edition belongs to unless it names its own.
    pub publication: Publication,
    pub editions: Vec<Edition>,
}

impl Corpus {
    /// An empty corpus of one publication.
    pub fn new(publication: Publication) -> Self {
        Corpus {
            format: super::FORMAT.to_owned(),
            version: super::VERSION,
            publication,
            editions: Vec::new(),
        }
    }

    /// The publication an edition belongs to: its own, or the corpus's.
    pub fn publication_of<'a>(&'a self, edition: &'a Edition) -> &'a Publication {
        edition.publication.as_ref().unwrap_or(&self.publication)
    }
}

/// A newspaper or magazine title and the language it is printed in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Publication {
    pub title: String,
    /// A BCP 47 language tag such as `zh-CN` or `en`.
    pub lang: String,
}

/// One day's issue of a publication, identified by publication title and date.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Edition {
    /// The date of issue, `YYYY-MM-DD`.
    pub date: String,
    /// Overrides the corpus's publication (an archive of several papers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publication: Option<Publication>,
    pub pages: Vec<Page>,
    pub articles: Vec<Article>,
}

impl Edition {
    pub fn page(&self, number: u32) -> Option<&Page> {
        self.pages.iter().find(|page| page.number == number)
    }

    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|article| article.id == id)
    }

    /// The articles printed on one page, in corpus order.
    pub fn articles_on(&self, page: u32) -> impl Iterator<Item = &Article> {
        self.articles.iter().filter(move |article| article.page == page)
    }
}

/// A printed page of an edition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Page {
    pub number: u32,
    /// The printed name of the page, such as `第二版` or `A6`.
    pub label: Option<String>,
}

/// An article, or one fragment of an article continued across pages.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Article {
    /// Unique within its edition.
    pub id: String,
    /// The page it is printed on; listed in the edition's pages.
    pub page: u32,
    /// The line above the headline (引题).
    pub kicker: Option<String>,
    pub headline: Option<String>,
    /// The line below the headline (副题).
    pub deck: Option<String>,
    pub byline: Option<String>,
    pub blocks: Vec<Block>,
    /// Where the part before this fragment is printed.
    pub continued_from: Option<Jump>,
    /// Where the part after this fragment is printed.
    pub continued_on: Option<Jump>,
}

impl Article {
    /// The article's running text: every paragraph, subhead and caption.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().filter_map(Block::text)
    }

    /// True when the article has neither a headline nor any text.
    pub fn is_empty(&self) -> bool {
        self.headline.as_deref().is_none_or(|h| h.trim().is_empty())
            && self.texts().all(|text| text.trim().is_empty())
    }
}

/// One block of an article's body, in reading order.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Block {
    Paragraph { text: String },
    Subhead { text: String },
    Figure(Figure),
}

impl Block {
    /// The block's text: a paragraph's or subhead's text, a figure's caption.
    pub fn text(&self) -> Option<&str> {
        match self {
            Block::Paragraph { text } | Block::Subhead { text } => Some(text),
            Block::Figure(figure) => figure.caption.as_deref(),
        }
    }
}

/// A photo or drawing with its caption and credit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figure {
    /// The image URL: http(s) or relative; null when the text had no image.
    pub src: Option<String>,
    pub caption: Option<String>,
    /// Who took or drew it, without the `摄` / `Photo by` wording.
    pub credit: Option<String>,
    /// Where the image stood relative to its caption on the page.
    pub placement: Option<Placement>,
}

/// Where an image stood relative to its caption, as the caption's arrow says
/// (`▲` above, `▼` below, `◀` left, `▶` right).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Placement {
    Above,
    Below,
    Left,
    Right,
}

impl Placement {
    pub const ALL: [Placement; 4] = [Placement::Above, Placement::Below, Placement::Left, Placement::Right];

    pub fn as_str(self) -> &'static str {
        match self {
            Placement::Above => "above",
            Placement::Below => "below",
            Placement::Left => "left",
            Placement::Right => "right",
        }
    }
}

/// A continuation line: "continued from page 1", "continued on page 3".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Jump {
    /// The page number, when the printed page is a plain number.
    pub page: Option<u32>,
    /// The printed page name when it is not a plain number (`A6`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The id of the linked fragment; null while that page is not in the corpus.
    pub article: Option<String>,
}
