//! The benchmark query sets, drawn deterministically from a corpus's own
//! paragraphs: 1-, 2-, 4- and 8-character substrings, two-term queries,
//! and for English single and paired words. Shared by the native benchmark
//! (`bench/search.rs`) and the wasm one (`examples/search_wasm.rs`), so
//! both time the same queries.

use broadsheet::corpus::{Block, Corpus};

use crate::zh_corpus::Random;

/// Queries per set.
pub const PER_SET: usize = 200;

/// Paragraph texts of the corpus, as chars, for sampling queries.
fn paragraphs(corpus: &Corpus) -> Vec<Vec<char>> {
    corpus
        .editions
        .iter()
        .flat_map(|edition| &edition.articles)
        .flat_map(|article| &article.blocks)
        .filter_map(|block| match block {
            Block::Paragraph { text } => Some(text.chars().collect()),
            _ => None,
        })
        .collect()
}

/// `count` substrings of `len` characters of random paragraphs, without
/// spaces or punctuation at their ends.
fn substrings(paragraphs: &[Vec<char>], len: usize, count: usize, random: &mut Random) -> Vec<String> {
    let mut queries = Vec::new();
    while queries.len() < count {
        let paragraph = &paragraphs[random.below(paragraphs.len())];
        if paragraph.len() < len {
            continue;
        }
        let start = random.below(paragraph.len() - len + 1);
        let piece = &paragraph[start..start + len];
        if piece.iter().all(|c| c.is_alphanumeric()) {
            queries.push(piece.iter().collect());
        }
    }
    queries
}

/// `count` random words of at least `min` letters.
fn words(paragraphs: &[Vec<char>], min: usize, count: usize, random: &mut Random) -> Vec<String> {
    let mut queries = Vec::new();
    while queries.len() < count {
        let paragraph: String = paragraphs[random.below(paragraphs.len())].iter().collect();
        let candidates: Vec<&str> =
            paragraph.split(|c: char| !c.is_alphabetic()).filter(|word| word.chars().count() >= min).collect();
        if !candidates.is_empty() {
            queries.push(candidates[random.below(candidates.len())].to_owned());
        }
    }
    queries
}

/// The substring sets: 1, 2, 4 and 8 characters.
fn substring_sets(paragraphs: &[Vec<char>], random: &mut Random) -> Vec<(String, Vec<String>)> {
    [1, 2, 4, 8].map(|len| (format!("{len} chars"), substrings(paragraphs, len, PER_SET, random))).into()
}

/// The Chinese sets: the substring sets, and two 2-character terms.
pub fn chinese(corpus: &Corpus) -> Vec<(String, Vec<String>)> {
    let paragraphs = paragraphs(corpus);
    let mut random = Random::new(2);
    let mut sets = substring_sets(&paragraphs, &mut random);
    let pairs = (0..PER_SET).map(|_| substrings(&paragraphs, 2, 2, &mut random).join(" ")).collect();
    sets.push(("2 words".to_owned(), pairs));
    sets
}

/// The English sets: the substring sets, one word, two words.
pub fn english(corpus: &Corpus) -> Vec<(String, Vec<String>)> {
    let paragraphs = paragraphs(corpus);
    let mut random = Random::new(3);
    let mut sets = substring_sets(&paragraphs, &mut random);
    sets.push(("1 word".to_owned(), words(&paragraphs, 4, PER_SET, &mut random)));
    let pairs = (0..PER_SET).map(|_| words(&paragraphs, 4, 2, &mut random).join(" ")).collect();
    sets.push(("2 words".to_owned(), pairs));
    sets
}
