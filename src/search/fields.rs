//! The searchable fields of an article and how much a hit in each weighs.
//!
//! An article is searched as a list of *units*: its kicker, headline, deck
//! and byline, then each block (paragraph, subhead, figure caption) and each
//! figure's credit, in reading order. A term must occur inside one unit. This
//! module only names units and finds their text; it does not normalize or
//! index them.

use crate::corpus::{Article, Block};

/// The kind of text a unit holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Kicker,
    Headline,
    Deck,
    Byline,
    Paragraph,
    Subhead,
    Caption,
    Credit,
}

impl Field {
    pub const ALL: [Field; 8] = [
        Field::Kicker,
        Field::Headline,
        Field::Deck,
        Field::Byline,
        Field::Paragraph,
        Field::Subhead,
        Field::Caption,
        Field::Credit,
    ];

    /// How much one occurrence in this field counts for ranking, in units of
    /// [`BODY_BOOST`]: headline above kicker and deck, above captions and
    /// subheads, above body text. Integers, so that weighted frequencies are
    /// exact and encode as varints.
    pub fn boost(self) -> u16 {
        match self {
            Field::Headline => 8,
            Field::Kicker | Field::Deck => 5,
            Field::Caption | Field::Subhead => 3,
            Field::Paragraph | Field::Byline => 2,
            Field::Credit => 1,
        }
    }

    /// A stable one-byte code for the index format.
    pub fn code(self) -> u8 {
        Field::ALL.iter().position(|&field| field == self).unwrap_or(0) as u8
    }

    pub fn from_code(code: u8) -> Option<Field> {
        Field::ALL.get(code as usize).copied()
    }
}

/// The boost of one body-text occurrence.
pub const BODY_BOOST: u16 = 2;

/// Where a unit's text lives in its article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnitRef {
    pub field: Field,
    /// The block index for paragraphs, subheads, captions and credits.
    pub block: u32,
}

impl UnitRef {
    /// The unit's text in `article`, or `None` when the article has no such
    /// field (a stale index used with another corpus).
    pub fn text(self, article: &Article) -> Option<&str> {
        let block = || article.blocks.get(self.block as usize);
        match self.field {
            Field::Kicker => article.kicker.as_deref(),
            Field::Headline => article.headline.as_deref(),
            Field::Deck => article.deck.as_deref(),
            Field::Byline => article.byline.as_deref(),
            Field::Paragraph | Field::Subhead | Field::Caption => block()?.text(),
            Field::Credit => match block()? {
                Block::Figure(figure) => figure.credit.as_deref(),
                _ => None,
            },
        }
    }
}

/// The article's units in reading order, with their text.
pub fn units(article: &Article) -> Vec<(UnitRef, &str)> {
    let mut units = Vec::with_capacity(article.blocks.len() + 4);
    let heads = [
        (Field::Kicker, &article.kicker),
        (Field::Headline, &article.headline),
        (Field::Deck, &article.deck),
        (Field::Byline, &article.byline),
    ];
    for (field, text) in heads {
        if let Some(text) = text {
            units.push((UnitRef { field, block: 0 }, text.as_str()));
        }
    }
    for (index, block) in article.blocks.iter().enumerate() {
        let at = |field| UnitRef { field, block: index as u32 };
        match block {
            Block::Paragraph { text } => units.push((at(Field::Paragraph), text.as_str())),
            Block::Subhead { text } => units.push((at(Field::Subhead), text.as_str())),
            Block::Figure(figure) => {
                if let Some(caption) = &figure.caption {
                    units.push((at(Field::Caption), caption.as_str()));
                }
                if let Some(credit) = &figure.credit {
                    units.push((at(Field::Credit), credit.as_str()));
                }
            }
        }
    }
    units
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for field in Field::ALL {
            assert_eq!(Field::from_code(field.code()), Some(field));
        }
        assert_eq!(Field::from_code(Field::ALL.len() as u8), None);
    }

    #[test]
    fn boosts_rank_headline_over_deck_over_captions_over_body() {
        assert!(Field::Headline.boost() > Field::Deck.boost());
        assert_eq!(Field::Deck.boost(), Field::Kicker.boost());
        assert!(Field::Deck.boost() > Field::Caption.boost());
        assert!(Field::Caption.boost() > Field::Paragraph.boost());
        assert_eq!(Field::Paragraph.boost(), BODY_BOOST);
    }
}
