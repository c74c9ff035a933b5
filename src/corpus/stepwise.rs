//! Loading a corpus (decode and validate, as [`super::load`]) a piece at a
//! time, so that a browser can paint and answer input between the pieces
//! of a corpus of many megabytes instead of freezing for the whole of it.
//!
//! [`super::outline`] first finds where the document's parts lie, a slice
//! of text at a time; then the document's own fields are decoded, then each
//! edition on its own: read the fast way (`corpus::fast`) or, when that
//! declines, parsed and walked, then validated. The outcome is
//! [`super::load`]'s exactly: the same corpus, the same problems in the
//! same order with the same JSON paths. A text the outline cannot follow
//! (not JSON, or not shaped like a corpus) or a part that is not JSON is
//! handed whole to [`super::load`] in one step, for its exact error with
//! its line and column in the file: a broken file costs one long step.
//!
//! How much work a step does is counted in pieces, not time: the caller
//! decides when to pause (the widget, by the clock). One edition is one
//! piece, so an edition of many megabytes is still one long step.

use std::mem;

use serde_json::Value;

use super::decode::{parse, parse_replaced, Decoder, Header, Object};
use super::fast;
use super::model::{Corpus, Edition};
use super::outline::{Outline, OutlineScan, Scan};
use super::problem::index;
use super::surrogates::replace_lone_surrogates;
use super::validate::Validator;
use super::{load, DecodeError};

/// Bytes of text the outline scans in one step.
const OUTLINE_STEP: usize = 1 << 20;

/// A load in progress over `text`.
pub struct StepwiseLoad<'t> {
    text: &'t str,
    stage: Stage<'t>,
}

enum Stage<'t> {
    Outlining(OutlineScan<'t>),
    Header(Outline),
    Editions(Editions),
    Finished,
}

/// The editions being decoded, with what was decoded before them.
struct Editions {
    ranges: Vec<std::ops::Range<usize>>,
    decoder: Decoder,
    header: Header,
    decoded: Vec<Option<Edition>>,
    validator: Validator,
}

/// Where a load stands after a step.
#[derive(Debug, PartialEq)]
pub enum Step {
    /// More to do: `done` of `total` bytes of the text are read.
    Working { done: usize, total: usize },
    /// The outcome of [`super::load`] for the whole text.
    Done(Result<Corpus, DecodeError>),
}

impl<'t> StepwiseLoad<'t> {
    pub fn new(text: &'t str) -> Self {
        StepwiseLoad { text, stage: Stage::Outlining(OutlineScan::new(text)) }
    }

    /// Does one piece of work. After [`Step::Done`] there is nothing more:
    /// a further step is a programming error and panics.
    pub fn step(&mut self) -> Step {
        match mem::replace(&mut self.stage, Stage::Finished) {
            Stage::Outlining(mut scan) => match scan.scan(OUTLINE_STEP) {
                Scan::Partial(_) => self.stage = Stage::Outlining(scan),
                Scan::Done(outline) => self.stage = Stage::Header(outline),
                Scan::Irregular => return self.whole(),
            },
            Stage::Header(outline) => match self.header(outline) {
                Some(editions) => self.stage = Stage::Editions(editions),
                None => return self.whole(),
            },
            Stage::Editions(mut editions) => {
                let Some(range) = editions.ranges.get(editions.decoded.len()).cloned() else {
                    return Step::Done(editions.finish());
                };
                let text = replace_lone_surrogates(&self.text[range]);
                match fast::decode_edition(&text) {
                    Some(edition) => editions.accept(Some(edition)),
                    None => {
                        let Ok(value) = parse_replaced(&text) else { return self.whole() };
                        editions.walk(&value);
                    }
                }
                self.stage = Stage::Editions(editions);
            }
            Stage::Finished => panic!("the load has finished"),
        }
        Step::Working { done: self.done(), total: self.text.len() }
    }

    /// The document's own fields decoded; `None` when a part is not JSON
    /// or the version is unsupported (which [`super::load`] reports only
    /// when the whole text is JSON).
    fn header(&self, outline: Outline) -> Option<Editions> {
        let mut object = Object::new();
        for (key, range) in outline.members {
            object.insert(key, parse(&self.text[range]).ok()?);
        }
        let mut decoder = Decoder::default();
        let header = decoder.header(&object).ok()?;
        let decoded = Vec::with_capacity(outline.editions.len());
        Some(Editions { ranges: outline.editions, decoder, header, decoded, validator: Validator::default() })
    }

    /// The outcome for the whole text in one go.
    fn whole(&mut self) -> Step {
        self.stage = Stage::Finished;
        Step::Done(load(self.text))
    }

    /// The bytes read so far: up to the end of the last edition decoded.
    fn done(&self) -> usize {
        match &self.stage {
            Stage::Outlining(_) | Stage::Header(_) => 0,
            Stage::Editions(editions) => editions.decoded.len().checked_sub(1).map_or(0, |last| editions.ranges[last].end),
            Stage::Finished => self.text.len(),
        }
    }
}

impl Editions {
    /// Decodes the next edition by walking its JSON tree, which reports its problems.
    fn walk(&mut self, value: &Value) {
        let edition = self.decoder.edition(value, &index("editions", self.decoded.len()));
        self.accept(edition);
    }

    /// Takes the next edition, as far as it decoded, and validates it while
    /// nothing was wrong.
    fn accept(&mut self, edition: Option<Edition>) {
        // Without problems so far, the publication has decoded too.
        if let (Some(edition), Some(publication), false) = (&edition, self.header.publication(), self.decoder.has_problems()) {
            self.validator.edition(edition, publication);
        }
        self.decoded.push(edition);
    }

    /// What [`super::load`] says: the decoder's problems if any, else the
    /// validator's, else the corpus.
    fn finish(self) -> Result<Corpus, DecodeError> {
        let corpus = self.decoder.finish(self.header.corpus(self.decoded))?;
        let problems = self.validator.finish();
        if problems.is_empty() {
            Ok(corpus)
        } else {
            Err(DecodeError::Invalid(problems))
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::{json, Map, Value};

    use super::*;

    /// Steps to the end, counting the steps.
    fn stepped(text: &str) -> (Result<Corpus, DecodeError>, usize) {
        let mut load = StepwiseLoad::new(text);
        let mut steps = 1;
        loop {
            match load.step() {
                Step::Working { done, total } => {
                    assert!(done <= total && total == text.len());
                    steps += 1;
                }
                Step::Done(outcome) => return (outcome, steps),
            }
        }
    }

    #[test]
    fn the_reader_fixture_loads_an_edition_a_step_as_in_one_go() {
        let text = include_str!("../../tests/fixtures/reader.json");
        let (outcome, steps) = stepped(text);
        let corpus = outcome.expect("the fixture is valid");
        assert!(steps > corpus.editions.len() + 1, "{steps} steps");
        assert_eq!(corpus, load(text).unwrap());
    }

    #[test]
    fn progress_grows_edition_by_edition_to_the_whole_text() {
        let text = include_str!("../../tests/fixtures/reader.json");
        let mut load = StepwiseLoad::new(text);
        let mut done = Vec::new();
        while let Step::Working { done: bytes, .. } = load.step() {
            done.push(bytes);
        }
        assert!(done.windows(2).all(|pair| pair[0] <= pair[1]), "{done:?}");
        assert!(done.last().is_some_and(|&last| last > text.len() / 2), "{done:?}");
    }

    #[test]
    fn a_syntax_error_in_a_late_edition_is_placed_in_the_file() {
        let text = include_str!("../../tests/fixtures/reader.json");
        let last = text.rfind("\"headline\"").expect("the fixture has headlines");
        let broken = format!("{}\"headline\" 1{}", &text[..last], &text[last + "\"headline\"".len()..]);
        let (outcome, _) = stepped(&broken);
        let error = outcome.expect_err("a colon is missing");
        assert!(matches!(error, DecodeError::Syntax { line, .. } if line > 80), "{error}");
        assert_eq!(Err(error), load(&broken));
    }

    #[test]
    fn nesting_too_deep_for_the_whole_text_is_refused_as_in_one_go() {
        // 129 deep from the top, past serde_json's limit of 128; the edition
        // alone would be 127 deep, within it.
        let deep = format!(
            r#"{{"format": "broadsheet-corpus", "version": 1, "publication": {{"title": "T", "lang": "en"}},
                 "editions": [{{"date": "2024-09-12", "articles": [], "pages": {}{}}}]}}"#,
            "[".repeat(126),
            "]".repeat(126)
        );
        let (outcome, _) = stepped(&deep);
        assert!(matches!(outcome, Err(DecodeError::Syntax { .. })), "{outcome:?}");
        assert_eq!(outcome, load(&deep));
    }

    fn text() -> impl Strategy<Value = Value> {
        prop::sample::select(vec!["", " ", "Harbour", "港口", "a\"b\\c", "\u{1F4F0}", "javascript:x", "img/a.png", "2024-09-12"])
            .prop_map(Value::from)
    }

    /// A field's value: right, or with odds `wrong` null or of the wrong type.
    fn either(right: impl Strategy<Value = Value> + 'static, wrong: f64) -> impl Strategy<Value = Value> {
        let bad = prop::sample::select(vec![Value::Null, json!(7), json!(["x"])]);
        (right, prop::bool::weighted(wrong), bad).prop_map(|(right, is_wrong, bad)| if is_wrong { bad } else { right })
    }

    /// One of `good`, or with odds `wrong` one of `bad`.
    fn pick(good: &[&'static str], bad: &[&'static str], wrong: f64) -> BoxedStrategy<Value> {
        let (good, bad) = (prop::sample::select(good.to_vec()), prop::sample::select(bad.to_vec()));
        (good, bad, prop::bool::weighted(wrong)).prop_map(|(good, bad, is_wrong)| Value::from(if is_wrong { bad } else { good })).boxed()
    }

    /// A page number: 1 to 3, or with odds `wrong` 0.
    fn number(wrong: f64) -> impl Strategy<Value = Value> {
        (1u32..4, prop::bool::weighted(wrong)).prop_map(|(number, is_wrong)| Value::from(if is_wrong { 0 } else { number }))
    }

    /// An object of the given fields, each left out with odds `wrong`, with an unknown one at times.
    fn object(fields: Vec<(&'static str, BoxedStrategy<Value>)>, wrong: f64) -> impl Strategy<Value = Value> {
        let fields: Vec<_> = fields.into_iter().map(|(key, value)| (Just(key), value, prop::bool::weighted(1.0 - wrong))).collect();
        (fields, prop::bool::weighted(0.1)).prop_map(|(fields, unknown)| {
            let mut object: Map<String, Value> =
                fields.into_iter().filter(|(_, _, kept)| *kept).map(|(key, value, _)| (key.to_owned(), value)).collect();
            if unknown {
                object.insert("later".to_owned(), json!({"nested": [1, {"deep": null}]}));
            }
            Value::Object(object)
        })
    }

    fn block(wrong: f64) -> impl Strategy<Value = Value> {
        let kind = pick(&["paragraph", "subhead", "figure"], &["table"], wrong);
        object(vec![
            ("type", either(kind, wrong).boxed()),
            ("text", either(text(), wrong).boxed()),
            ("src", either(text(), wrong).boxed()),
            ("placement", either(pick(&["above", "left"], &["middle"], wrong), wrong).boxed()),
        ], wrong)
    }

    fn jump(wrong: f64) -> impl Strategy<Value = Value> {
        let id = prop::sample::select(vec!["a", "b", "c"]).prop_map(Value::from);
        object(vec![("page", either(number(wrong), wrong).boxed()), ("article", either(id, wrong).boxed()), ("label", either(text(), wrong).boxed())], wrong)
    }

    fn article(wrong: f64) -> impl Strategy<Value = Value> {
        let id = pick(&["a", "b", "c"], &[""], wrong);
        object(vec![
            ("id", either(id, wrong).boxed()),
            ("page", either(number(wrong), wrong).boxed()),
            ("headline", either(text(), wrong).boxed()),
            ("blocks", either(prop::collection::vec(block(wrong), 0..3).prop_map(Value::from), wrong).boxed()),
            ("continued_on", prop::option::of(jump(wrong)).prop_map(|jump| jump.unwrap_or(Value::Null)).boxed()),
            ("continued_from", prop::option::of(jump(wrong)).prop_map(|jump| jump.unwrap_or(Value::Null)).boxed()),
        ], wrong)
    }

    fn publication(wrong: f64) -> impl Strategy<Value = Value> {
        let lang = pick(&["en", "zh-CN"], &["", " "], wrong);
        object(vec![("title", either(pick(&["The Sun", "青岛日报"], &[""], wrong), wrong).boxed()), ("lang", either(lang, wrong).boxed())], wrong)
    }

    fn edition(wrong: f64) -> impl Strategy<Value = Value> {
        let date = pick(&["2024-09-12", "2024-09-13"], &["2024-13-01"], wrong);
        let page = object(vec![("number", either(number(wrong), wrong).boxed()), ("label", either(text(), wrong).boxed())], wrong);
        object(vec![
            ("date", either(date, wrong).boxed()),
            ("publication", prop::option::of(publication(wrong)).prop_map(|p| p.unwrap_or(Value::Null)).boxed()),
            ("pages", either(prop::collection::vec(page, 0..3).prop_map(Value::from), wrong).boxed()),
            ("articles", either(prop::collection::vec(article(wrong), 0..4).prop_map(Value::from), wrong).boxed()),
        ], wrong)
    }

    fn corpus(wrong: f64) -> impl Strategy<Value = Value> {
        let format = pick(&["broadsheet-corpus"], &["other"], wrong);
        let version = (prop::bool::weighted(wrong), prop::sample::select(vec![json!(2), json!(0), json!("1")]))
            .prop_map(|(is_wrong, bad)| if is_wrong { bad } else { json!(1) });
        object(vec![
            ("format", either(format, wrong).boxed()),
            ("version", version.boxed()),
            ("publication", either(publication(wrong), wrong).boxed()),
            ("editions", either(prop::collection::vec(edition(wrong), 0..4).prop_map(Value::from), wrong).boxed()),
        ], wrong)
    }

    /// Damage at a character boundary near `at` (a fraction of the text).
    #[derive(Clone, Debug)]
    enum Damage {
        Cut,
        Insert(&'static str),
        Remove,
    }

    fn damage() -> impl Strategy<Value = Option<(Damage, f64)>> {
        let insert = prop::sample::select(vec!["{", "}", "[", "]", ",", ":", "\"", "\\", "\\ud800", "x", "\n", "\u{1}", "1e999"]);
        let damage = prop_oneof![Just(Damage::Cut), insert.prop_map(Damage::Insert), Just(Damage::Remove)];
        prop::option::weighted(0.6, (damage, 0.0..1.0))
    }

    fn damaged(text: &str, damage: Option<(Damage, f64)>) -> String {
        let Some((damage, at)) = damage else { return text.to_owned() };
        let mut at = (text.len() as f64 * at) as usize;
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let next = text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
        match damage {
            Damage::Cut => text[..at].to_owned(),
            Damage::Insert(inserted) => format!("{}{inserted}{}", &text[..at], &text[at..]),
            Damage::Remove => format!("{}{}", &text[..at], &text[next..]),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn a_stepwise_load_says_what_a_load_in_one_go_says(
            // Mostly right (the rules that span fields are checked), or often wrong.
            document in prop_oneof![corpus(0.01), corpus(0.15)],
            pretty in any::<bool>(),
            // A key given twice: JSON lets the last one count.
            twice in prop::option::weighted(0.1, prop::sample::select(vec![r#""editions": [{}]"#, r#""version": 2"#, r#""format": 1"#])),
            damage in damage(),
        ) {
            let text = if pretty { serde_json::to_string_pretty(&document) } else { serde_json::to_string(&document) };
            let mut text = text.expect("a value serializes");
            if let Some(member) = twice.filter(|_| text.starts_with("{\"")) {
                text.insert_str(1, &format!("{member}, "));
            }
            let text = damaged(&text, damage);
            prop_assert_eq!(stepped(&text).0, load(&text));
        }
    }
}
