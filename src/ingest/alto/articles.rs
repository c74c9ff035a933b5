//! An ALTO page's blocks grouped into articles by their look, for a page
//! that comes without METS (which would say which blocks form an article).
//!
//! A short block set in type well above the page's body size, or in
//! capitals at least as large, is a headline: it starts an article, and the headline-sized blocks right
//! after it are its deck. A short bold block in body type is a subhead
//! (a serial's chapter, a section's title). Every other block is a
//! paragraph of the article above it in the file's order (the OCR's reading order, column by
//! column); blocks before the first headline form an article without one.
//! The grouping is a guess, and the ingest says so; the text is all kept,
//! block by block, whatever the guess.

use super::layout::{weighted_median, TextBlock};
use crate::corpus::Block;

/// A subhead is a bold block of at most this many lines…
const SUBHEAD_LINES: usize = 2;
/// …and characters.
const SUBHEAD_CHARS: usize = 80;
/// How much larger than the body's type a headline's is, at least.
const HEADLINE_OVER_BODY: f32 = 1.35;
/// How much larger a bold block's type must be to count as a headline.
const BOLD_HEADLINE_OVER_BODY: f32 = 1.15;
/// A headline is short: at most this many lines…
const HEADLINE_LINES: usize = 4;
/// …and characters.
const HEADLINE_CHARS: usize = 160;

/// An article as blocks of the page: its headline, deck and body.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Grouped {
    pub headline: Option<String>,
    pub deck: Option<String>,
    pub body: Vec<Block>,
}

/// The articles of `blocks`, in order.
pub fn group(blocks: &[TextBlock]) -> Vec<Grouped> {
    let body = body_size(blocks);
    let mut articles: Vec<Grouped> = Vec::new();
    for block in blocks {
        let text = block.text.clone();
        if is_headline(block, body) {
            match articles.last_mut() {
                // Right after a headline: its deck.
                Some(article) if article.headline.is_some() && article.body.is_empty() => {
                    article.deck = Some(match article.deck.take() {
                        Some(deck) => format!("{deck} {text}"),
                        None => text,
                    });
                }
                _ => articles.push(Grouped { headline: Some(text), ..Grouped::default() }),
            }
        } else {
            let block = if is_subhead(block) { Block::Subhead { text } } else { Block::Paragraph { text } };
            match articles.last_mut() {
                Some(article) => article.body.push(block),
                None => articles.push(Grouped { body: vec![block], ..Grouped::default() }),
            }
        }
    }
    articles
}

/// The page's body type size: the size most of its characters are set in.
fn body_size(blocks: &[TextBlock]) -> f32 {
    let mut sizes: Vec<(f32, usize)> = blocks.iter().map(|block| (block.size, block.text.chars().count())).collect();
    weighted_median(&mut sizes).unwrap_or(0.0)
}

fn is_subhead(block: &TextBlock) -> bool {
    block.bold && block.lines <= SUBHEAD_LINES && block.text.chars().count() <= SUBHEAD_CHARS
}

fn is_headline(block: &TextBlock, body: f32) -> bool {
    let over = if block.bold { BOLD_HEADLINE_OVER_BODY } else { HEADLINE_OVER_BODY };
    let short = block.lines <= HEADLINE_LINES && block.text.chars().count() <= HEADLINE_CHARS;
    body > 0.0 && short && (block.size >= body * over || (block.size >= body && in_capitals(&block.text)))
}

/// Whether a text's letters, four or more, are all capitals.
fn in_capitals(text: &str) -> bool {
    let letters = || text.chars().filter(|c| c.is_alphabetic());
    letters().count() >= 4 && letters().all(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str, size: f32) -> TextBlock {
        TextBlock { text: text.to_owned(), lines: 1, size, bold: false }
    }

    #[test]
    fn a_large_short_block_starts_an_article_and_the_next_large_one_is_its_deck() {
        let body = "x".repeat(200);
        let blocks = [
            block("Masthead line", 10.0),
            block("War in Europe", 30.0),
            block("Armies meet at the river", 20.0),
            block(&body, 10.0),
            block(&body, 10.0),
            block("Local news", 25.0),
            block(&body, 10.0),
        ];
        let articles = group(&blocks);
        assert_eq!(articles.len(), 3);
        assert_eq!(articles[0], Grouped { body: vec![Block::Paragraph { text: "Masthead line".to_owned() }], ..Grouped::default() });
        assert_eq!(articles[1].headline.as_deref(), Some("War in Europe"));
        assert_eq!(articles[1].deck.as_deref(), Some("Armies meet at the river"));
        assert_eq!(articles[1].body.len(), 2);
        assert_eq!(articles[2].headline.as_deref(), Some("Local news"));
    }

    #[test]
    fn a_long_block_in_large_type_is_text_not_a_headline() {
        let long = "y".repeat(HEADLINE_CHARS + 1);
        let articles = group(&[block(&"x".repeat(300), 10.0), block(&long, 30.0)]);
        assert_eq!(articles.len(), 1);
        assert_eq!(articles[0].body.len(), 2);
    }

    #[test]
    fn a_short_line_in_capitals_is_a_headline_in_body_type_too() {
        let articles = group(&[block(&"x".repeat(300), 10.0), block("ASSEMBLÉE DES ÉTATS.", 11.0), block(&"y".repeat(300), 10.0)]);
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[1].headline.as_deref(), Some("ASSEMBLÉE DES ÉTATS."));
    }

    #[test]
    fn a_short_bold_block_in_body_type_is_a_subhead() {
        let chapter = TextBlock { bold: true, ..block("Eine Verlobung.", 9.0) };
        let articles = group(&[block("Dick Tarkton", 25.0), block(&"x".repeat(300), 9.0), chapter, block(&"y".repeat(300), 9.0)]);
        assert_eq!(articles.len(), 1);
        assert_eq!(articles[0].body[1], Block::Subhead { text: "Eine Verlobung.".to_owned() });
    }
}
