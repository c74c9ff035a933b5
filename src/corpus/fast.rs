//! The fast way to decode a corpus that has nothing wrong with it.
//!
//! [`super::decode`] walks a parsed JSON tree by hand to report every
//! problem with its path, which means a map per object and every string
//! copied twice: on the 36 MB Chinese benchmark corpus that walk is most
//! of the time a reader waits after the download. Here serde reads the
//! text straight into plain mirror types, then [`into_model`] applies the
//! same rules as the walk. Whenever anything is off (a wrong type, a
//! duplicate key, a rule broken) the answer is `None` and the caller runs
//! the walk, which finds the same corpus or reports the problems; so the
//! two ways agree on every good corpus, and problems are always reported
//! the thorough way. This module reports nothing itself.
//!
//! One difference is by design: a field Broadsheet does not read is
//! skipped as JSON, not built into a tree, so the tree's own limits do not
//! apply to it: nesting deeper than 128 or a number beyond `f64` inside
//! such a field is accepted here, where the walk refuses the document.
//! Nothing of that field is read either way, and building it to refuse it
//! would cost what this module saves.

use serde::Deserialize;

use super::model::*;
use super::{FORMAT, VERSION};

/// The corpus of `text`, or `None` when the thorough walk must judge it.
/// `text` has had its lone surrogates replaced, as for the walk.
pub fn decode(text: &str) -> Option<Corpus> {
    into_model(serde_json::from_str(text).ok()?)
}

/// The edition of `text`, one element of a corpus's `editions` (for
/// [`super::stepwise`]), or `None` when the walk must judge it.
pub fn decode_edition(text: &str) -> Option<Edition> {
    edition(serde_json::from_str(text).ok()?)
}

// Mirror types: every field the walk reads, optional, so that a missing
// field and `null` read alike, as the walk treats them; unknown fields are
// skipped, as the walk skips them.

#[derive(Deserialize)]
struct RawCorpus {
    format: Option<String>,
    version: Option<u64>,
    publication: Option<RawPublication>,
    editions: Option<Vec<RawEdition>>,
}

#[derive(Deserialize)]
struct RawPublication {
    title: Option<String>,
    lang: Option<String>,
}

#[derive(Deserialize)]
struct RawEdition {
    date: Option<String>,
    publication: Option<RawPublication>,
    pages: Option<Vec<RawPage>>,
    articles: Option<Vec<RawArticle>>,
}

#[derive(Deserialize)]
struct RawPage {
    number: Option<u32>,
    label: Option<String>,
}

#[derive(Deserialize)]
struct RawArticle {
    id: Option<String>,
    page: Option<u32>,
    kicker: Option<String>,
    headline: Option<String>,
    deck: Option<String>,
    byline: Option<String>,
    blocks: Option<Vec<RawBlock>>,
    continued_from: Option<RawJump>,
    continued_on: Option<RawJump>,
}

/// Every kind of block in one flat type: serde's tagged enums buffer each
/// block before reading it, which would cost most of what this module
/// saves.
#[derive(Deserialize)]
struct RawBlock {
    #[serde(rename = "type")]
    kind: Option<String>,
    text: Option<String>,
    src: Option<String>,
    caption: Option<String>,
    credit: Option<String>,
    placement: Option<String>,
}

#[derive(Deserialize)]
struct RawJump {
    page: Option<u32>,
    label: Option<String>,
    article: Option<String>,
    column: Option<u32>,
    keyword: Option<String>,
}

/// The model of `raw` when it keeps every rule the walk checks.
fn into_model(raw: RawCorpus) -> Option<Corpus> {
    if raw.format? != FORMAT || !(1..=VERSION).contains(&raw.version?) {
        return None;
    }
    Some(Corpus {
        format: FORMAT.to_owned(),
        version: raw.version?,
        publication: publication(raw.publication?)?,
        editions: raw.editions?.into_iter().map(edition).collect::<Option<_>>()?,
    })
}

fn publication(raw: RawPublication) -> Option<Publication> {
    let lang = raw.lang.filter(|lang| !lang.trim().is_empty())?;
    Some(Publication { title: raw.title?, lang })
}

fn edition(raw: RawEdition) -> Option<Edition> {
    Some(Edition {
        date: raw.date.filter(|date| super::decode::is_iso_date(date))?,
        publication: match raw.publication {
            Some(publication) => Some(self::publication(publication)?),
            None => None,
        },
        pages: raw.pages?.into_iter().map(page).collect::<Option<_>>()?,
        articles: raw.articles?.into_iter().map(article).collect::<Option<_>>()?,
    })
}

/// A page number as the walk accepts it: 1 or more.
fn page_number(number: Option<u32>) -> Option<u32> {
    number.filter(|&number| number > 0)
}

fn page(raw: RawPage) -> Option<Page> {
    Some(Page { number: page_number(raw.number)?, label: raw.label })
}

fn article(raw: RawArticle) -> Option<Article> {
    Some(Article {
        id: raw.id.filter(|id| !id.trim().is_empty())?,
        page: page_number(raw.page)?,
        kicker: raw.kicker,
        headline: raw.headline,
        deck: raw.deck,
        byline: raw.byline,
        blocks: raw.blocks?.into_iter().map(block).collect::<Option<_>>()?,
        continued_from: jump(raw.continued_from)?,
        continued_on: jump(raw.continued_on)?,
    })
}

fn block(raw: RawBlock) -> Option<Block> {
    match raw.kind?.as_str() {
        "paragraph" => Some(Block::Paragraph { text: raw.text? }),
        "subhead" => Some(Block::Subhead { text: raw.text? }),
        "figure" => Some(Block::Figure(Figure {
            src: raw.src,
            caption: raw.caption,
            credit: raw.credit,
            placement: match raw.placement {
                Some(name) => Some(Placement::named(&name)?),
                None => None,
            },
        })),
        _ => None,
    }
}

/// `Some(None)` for no jump, `None` for one the walk refuses (neither a
/// page nor a label, or page or column 0).
fn jump(raw: Option<RawJump>) -> Option<Option<Jump>> {
    let Some(raw) = raw else { return Some(None) };
    if raw.page == Some(0) || raw.column == Some(0) || (raw.page.is_none() && raw.label.is_none()) {
        return None;
    }
    Some(Some(Jump { page: raw.page, label: raw.label, article: raw.article, column: raw.column, keyword: raw.keyword }))
}

#[cfg(test)]
mod tests {
    use super::super::decode::walk;
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value;

    /// Corpora the reader is tested on, every kind of block and jump in them.
    const GOOD: [&str; 3] = [
        include_str!("../../tests/fixtures/reader.json"),
        include_str!("../../tests/fixtures/two-pages.json"),
        include_str!("../../www/corpus.json"),
    ];

    #[test]
    fn a_good_corpus_is_read_the_fast_way_into_what_the_walk_finds() {
        for text in GOOD {
            let fast = decode(text).expect("the fast way takes a good corpus");
            assert_eq!(Ok(fast), walk(text));
        }
    }

    /// Every place in `value` a mutation can hit: (path of keys and
    /// indexes).
    fn places(value: &Value, path: &mut Vec<Value>, out: &mut Vec<Vec<Value>>) {
        out.push(path.clone());
        match value {
            Value::Object(map) => map.iter().for_each(|(key, child)| {
                path.push(Value::from(key.as_str()));
                places(child, path, out);
                path.pop();
            }),
            Value::Array(items) => items.iter().enumerate().for_each(|(i, child)| {
                path.push(Value::from(i));
                places(child, path, out);
                path.pop();
            }),
            _ => {}
        }
    }

    fn at<'v>(value: &'v mut Value, path: &[Value]) -> &'v mut Value {
        path.iter().fold(value, |value, step| match step {
            Value::String(key) => &mut value[key.as_str()],
            step => &mut value[step.as_u64().expect("an index") as usize],
        })
    }

    /// What a mutation puts in place of a value, or beside it.
    fn replacements() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(Value::Null),
            Just(Value::from(0)),
            Just(Value::from(2)),
            Just(Value::from(-1)),
            Just(Value::from(1.5)),
            Just(Value::from(u64::from(u32::MAX) + 1)),
            Just(Value::from("")),
            Just(Value::from(" ")),
            Just(Value::from("2024-13-01")),
            Just(Value::from("figure")),
            Just(Value::from("paragraph")),
            Just(Value::from("left")),
            Just(Value::from("sideways")),
            Just(Value::from(true)),
            Just(serde_json::json!([])),
            Just(serde_json::json!({})),
            Just(serde_json::json!({"page": 0})),
            Just(serde_json::json!({"label": "A6"})),
        ]
    }

    proptest! {
        /// Whatever the mutation, the fast way either declines or finds
        /// exactly what the walk finds: never a corpus the walk refuses,
        /// never a different one.
        #[test]
        fn the_fast_way_never_disagrees_with_the_walk(
            fixture in 0..GOOD.len(),
            mutations in prop::collection::vec((any::<prop::sample::Index>(), replacements(), any::<bool>()), 1..4),
        ) {
            let mut value: Value = serde_json::from_str(GOOD[fixture]).expect("fixture JSON");
            for (place, replacement, remove) in mutations {
                let mut all = Vec::new();
                places(&value, &mut Vec::new(), &mut all);
                let path = place.get(&all).clone();
                match (path.split_last(), remove) {
                    (Some((Value::String(key), parent)), true) => {
                        if let Value::Object(map) = at(&mut value, parent) {
                            map.remove(key);
                        }
                    }
                    _ => *at(&mut value, &path) = replacement,
                }
            }
            let text = serde_json::to_string(&value).expect("JSON");
            if let Some(fast) = decode(&text) {
                prop_assert_eq!(Ok(fast), walk(&text));
            }
        }
    }

    #[test]
    fn a_duplicate_key_is_left_to_the_walk() {
        let text = GOOD[0].replacen("\"version\": 1", "\"version\": 1, \"version\": 1", 1);
        assert!(text != GOOD[0], "the fixture spells its version so");
        assert_eq!(decode(&text), None);
        assert!(walk(&text).is_ok());
    }
}
