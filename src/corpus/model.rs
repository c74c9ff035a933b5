//! The corpus model: plain data, one type per concept of a printed edition.
//!
//! Invariants that span fields (unique article ids, jumps that point back)
//! are not enforced by the types; [`super::validate`] checks them.

use serde::{Deserialize, Serialize};

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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

    /// The title a reader sees: the headline, or for a fragment printed
    /// without one, its first sentence, shortened to about
    /// [`TITLE_MAX_COLUMNS`] columns with an ellipsis.
    ///
    /// The first sentence comes from the first paragraph or subhead; a
    /// figure caption is used only when the fragment has no running text.
    pub fn display_title(&self) -> String {
        if let Some(headline) = self.headline.as_deref().map(str::trim).filter(|h| !h.is_empty()) {
            return headline.to_owned();
        }
        let running = self.blocks.iter().filter_map(|block| match block {
            Block::Paragraph { text } | Block::Subhead { text } => Some(text.as_str()),
            Block::Figure(_) => None,
        });
        let text = running.chain(self.texts()).map(str::trim).find(|text| !text.is_empty()).unwrap_or_default();
        shorten(first_sentence(text), TITLE_MAX_COLUMNS)
    }

    /// True when the article has neither a headline nor any text.
    pub fn is_empty(&self) -> bool {
        self.headline.as_deref().is_none_or(|h| h.trim().is_empty())
            && self.texts().all(|text| text.trim().is_empty())
    }
}

/// How wide a title made from a first sentence may be, in columns: a Latin
/// letter is one column, a CJK character two (so 28 Chinese characters).
pub const TITLE_MAX_COLUMNS: usize = 56;

/// How wide a title may be where titles are listed (the edition's contents,
/// the page's cards, search results), in columns: 60 Chinese characters,
/// three to five lines of a card on a phone. Measured 2026-11-24: no
/// headline of the generated Chinese corpus is wider than 46 columns; 3 % of
/// the 1916 pages' are wider than 120, where OCR ran several decks into one.
pub const LIST_TITLE_MAX_COLUMNS: usize = 120;

/// `title` as a list of titles shows it: cut to [`LIST_TITLE_MAX_COLUMNS`]
/// with an ellipsis, so that a huge headline (a corpus may hold one of a
/// megabyte) does not fill the list. The cut text is also the link's
/// accessible name: the whole headline as an `aria-label` would put the
/// megabyte back into the page. The article view shows the title whole.
pub fn list_title(title: &str) -> String {
    shorten(title, LIST_TITLE_MAX_COLUMNS)
}

/// The most columns of a passage a list shows under a title (a card's
/// deck or opening lines), about the five lines the reader's stylesheet
/// lets it fill on a wide screen.
pub const LIST_PASSAGE_MAX_COLUMNS: usize = 480;

/// `text` as a list shows it under a title: cut to
/// [`LIST_PASSAGE_MAX_COLUMNS`] with an ellipsis, for the reason
/// [`list_title`] gives: a paragraph may be megabytes long, and the lines
/// past the first few are never seen in a list.
pub fn list_passage(text: &str) -> String {
    shorten(text, LIST_PASSAGE_MAX_COLUMNS)
}

/// The first sentence of `text`, without a closing full stop (a title does
/// not end with one); `！` and `？` are kept because they carry meaning.
/// A text that opens with a full stop is kept whole rather than left empty.
fn first_sentence(text: &str) -> &str {
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let ends = match c {
            '。' | '！' | '？' | '!' | '?' => true,
            '.' => chars.peek().is_none_or(|&(_, next)| next.is_whitespace()) && !ends_abbreviation(&text[..at]),
            _ => false,
        };
        if ends {
            let end = if matches!(c, '。' | '.') { at } else { at + c.len_utf8() };
            if text[..end].trim().is_empty() {
                return text;
            }
            return &text[..end];
        }
    }
    text
}

/// True when the word before a full stop is an abbreviation rather than the
/// end of a sentence: a capitalised word of up to three letters (`Mr`, `Gen`)
/// or a word with dots inside (`U.S`, `p.m`).
fn ends_abbreviation(before: &str) -> bool {
    let word = before.rsplit(char::is_whitespace).next().unwrap_or_default();
    let capitalised = word.chars().next().is_some_and(char::is_uppercase) && word.chars().count() <= 3;
    capitalised || word.contains('.')
}

/// `text` cut to `max_columns` with an ellipsis, dropping a dangling comma.
fn shorten(text: &str, max_columns: usize) -> String {
    // Characters from U+2E80 up (CJK, kana, hangul, fullwidth forms) are set
    // about twice as wide as Latin letters.
    let columns = |c: char| if c >= '\u{2E80}' { 2 } else { 1 };
    // Stops counting at the limit: a megabyte headline is not walked whole.
    let mut width = 0;
    if text.chars().all(|c| {
        width += columns(c);
        width <= max_columns
    }) {
        return text.to_owned();
    }
    let mut used = columns('…');
    let kept: String = text
        .chars()
        .take_while(|&c| {
            used += columns(c);
            used <= max_columns
        })
        .collect();
    // A cut inside a Latin word goes back to the space before it, unless
    // that would throw away more than half of what fits.
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() && c < '\u{2E80}');
    let inside_a_word = latin(kept.chars().next_back()) && latin(text[kept.len()..].chars().next());
    let kept = match kept.rfind(char::is_whitespace) {
        Some(space) if inside_a_word && space >= kept.len() / 2 => &kept[..space],
        _ => &kept[..],
    };
    let kept = kept.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '，' | '、' | '；' | '：' | ',' | ';' | ':'));
    format!("{kept}…")
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

    /// The placement the format spells `name`, if any.
    pub fn named(name: &str) -> Option<Placement> {
        Placement::ALL.into_iter().find(|placement| placement.as_str() == name)
    }

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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Jump {
    /// The page number, when the printed page is a plain number.
    pub page: Option<u32>,
    /// The printed page name when it is not a plain number (`A6`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The id of the linked fragment; null while that page is not in the corpus.
    pub article: Option<String>,
    /// The column it names on that page, when printed (`Page Two, Column Four`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    /// The keyword the continuation is found by, when printed (`See BUDGET, Page A6`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keyword: Option<String>,
}

impl Jump {
    /// An unlinked jump to the page numbered `page`.
    pub fn to_page(page: u32) -> Jump {
        Jump { page: Some(page), label: None, article: None, column: None, keyword: None }
    }

    /// An unlinked jump to a page known only by its printed name.
    pub fn to_label(label: String) -> Jump {
        Jump { page: None, label: Some(label), article: None, column: None, keyword: None }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn fragment(headline: Option<&str>, blocks: Vec<Block>) -> Article {
        Article {
            id: "a".to_owned(),
            page: 2,
            kicker: None,
            headline: headline.map(str::to_owned),
            deck: None,
            byline: None,
            blocks,
            continued_from: None,
            continued_on: None,
        }
    }

    fn paragraph(text: &str) -> Block {
        Block::Paragraph { text: text.to_owned() }
    }

    fn caption(text: &str) -> Block {
        Block::Figure(Figure { src: None, caption: Some(text.to_owned()), credit: None, placement: None })
    }

    #[test]
    fn the_headline_is_the_title() {
        let article = fragment(Some(" 当好促进派实干家 "), vec![paragraph("发展永无止境。")]);
        assert_eq!(article.display_title(), "当好促进派实干家");
    }

    #[test]
    fn a_fragment_without_headline_is_titled_from_its_first_sentence() {
        let article = fragment(Some("  "), vec![caption("图片说明。"), paragraph("发展永无止境，改革永不止步。前进道路上。")]);
        assert_eq!(article.display_title(), "发展永无止境，改革永不止步");
        let english = fragment(None, vec![paragraph("Mr. Smith spoke at 3.5 p.m. in the U.S. Senate. Then he left.")]);
        assert_eq!(english.display_title(), "Mr. Smith spoke at 3.5 p.m. in the U.S. Senate");
        let question = fragment(None, vec![paragraph("Who pays? Nobody knows.")]);
        assert_eq!(question.display_title(), "Who pays?");
    }

    #[test]
    fn a_caption_titles_a_fragment_that_has_no_running_text() {
        assert_eq!(fragment(None, vec![caption("国际友人参访青岛。")]).display_title(), "国际友人参访青岛");
    }

    #[test]
    fn a_long_first_sentence_is_shortened_with_an_ellipsis() {
        let text = "长远利益出发谋划和推进改革，注重在就业、增收、入学、就医、住房、办事、托幼、养老等老百姓急难愁盼中找准改革的发力点。";
        let title = fragment(None, vec![paragraph(text)]).display_title();
        assert_eq!(title, "长远利益出发谋划和推进改革，注重在就业、增收、入学、就…", "27 characters and the ellipsis fill 56 columns");
        assert_eq!(shorten("发展永无止境，改革永不止步", 15), "发展永无止境…", "no dangling comma");
        let latin = "The board of aldermen met last night in the council chamber to hear the budget";
        assert_eq!(shorten(latin, 20), "The board of…", "a Latin word is not cut");
    }

    #[test]
    fn a_list_cuts_only_titles_wider_than_its_limit() {
        let real = "FRENCH SHELLS BATTERING LENS; NO REPLY TO PENFIELD WHEN HE ASKS FOR FACTS";
        assert_eq!(list_title(real), real);
        let huge = format!("Harbour reopens {}", "and the ships come in ".repeat(50_000));
        let cut = list_title(&huge);
        let kept = cut.strip_suffix('…').expect("an ellipsis ends it");
        assert!((LIST_TITLE_MAX_COLUMNS / 2..LIST_TITLE_MAX_COLUMNS).contains(&kept.chars().count()), "{cut}");
        assert!(kept.starts_with("Harbour reopens and the ships") && huge[kept.len()..].starts_with(' '), "cut between words: {cut}");
        assert_eq!(list_title(&"字".repeat(61)), format!("{}…", "字".repeat(59)), "Chinese characters are two columns");
    }

    proptest! {
        #[test]
        fn titles_are_never_empty_or_wider_than_the_limit(text in "\\PC{1,200}") {
            prop_assume!(!text.trim().is_empty());
            let title = fragment(None, vec![paragraph(&text)]).display_title();
            let columns: usize = title.chars().map(|c| if c >= '\u{2E80}' { 2 } else { 1 }).sum();
            prop_assert!(!title.is_empty());
            prop_assert!(columns <= TITLE_MAX_COLUMNS, "{title:?} is {columns} columns");
            prop_assert!(text.trim().starts_with(title.trim_end_matches('…')), "{title:?} starts {text:?}");
        }
    }
}
