//! Loading a corpus (decode and validate, as [`super::load`]) a piece at a
//! time, so that a browser can paint and answer input between the pieces
//! of a corpus of many megabytes instead of freezing for the whole of it,
//! and can read the text while it still downloads.
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
//! The text may be given as it arrives, each step with what has arrived so
//! far. Editions are then decoded as soon as they are whole and the
//! members before `editions` are known (a corpus names its format,
//! version and publication first). Should a member follow the editions,
//! they are decoded again once it is known. Nothing is concluded before
//! the text is complete: an error waits for the end, as the first error
//! of the whole file may lie in what has not arrived.
//!
//! How much work a step does is counted in pieces, not time: the caller
//! decides when to pause (the widget, by the clock). One edition is one
//! piece, so an edition of many megabytes is still one long step.

use serde_json::Value;

use super::decode::{parse, parse_replaced, Decoder, Header, Object};
use super::fast;
use super::model::{Corpus, Edition};
use super::outline::{OutlineScan, Scan};
use super::problem::index;
use super::surrogates::replace_lone_surrogates;
use super::validate::Validator;
use super::{load, DecodeError};

/// Bytes of text the outline scans in one step.
const OUTLINE_STEP: usize = 1 << 20;

/// A load in progress. It keeps no text: each step is given the text as
/// received so far, which only grows from step to step.
#[derive(Default)]
pub struct StepwiseLoad {
    scan: OutlineScan,
    outlined: bool,
    /// Decoding the editions, once the members before them are decoded.
    editions: Option<Editions>,
    /// The members before `editions` cannot be decoded alone: decode
    /// nothing before the outline is whole.
    header_waits: bool,
    /// Decoding in one go is due, once the text is complete.
    whole: bool,
    finished: bool,
}

/// The editions being decoded, with what was decoded before them.
struct Editions {
    /// How many members the header was decoded from.
    members: usize,
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
    /// Everything in the text so far is read: step again once more of it
    /// has arrived, or with the whole of it.
    Waiting,
    /// The outcome of [`super::load`] for the whole text.
    Done(Result<Corpus, DecodeError>),
}

impl StepwiseLoad {
    pub fn new() -> Self {
        StepwiseLoad::default()
    }

    /// Does one piece of work on `text`, the whole document when
    /// `complete`, else what has arrived of it. After [`Step::Done`] there
    /// is nothing more: a further step is a programming error and panics.
    pub fn step(&mut self, text: &str, complete: bool) -> Step {
        assert!(!self.finished, "the load has finished");
        if self.whole {
            return if complete { self.decode_whole(text) } else { Step::Waiting };
        }
        if let Some(range) = self.next_edition() {
            self.decode_edition(&text[range]);
        } else if self.outlined {
            self.finished = true;
            let editions = self.editions.take().expect("a whole outline has its editions decoded");
            return Step::Done(editions.finish());
        } else {
            let scan = self.scan.scan(text, complete, OUTLINE_STEP);
            match scan {
                Scan::Partial(_) | Scan::Waiting => {}
                Scan::Done => {
                    self.outlined = true;
                    let members = self.scan.outline().members.len();
                    if self.editions.as_ref().is_some_and(|editions| editions.members != members) {
                        self.editions = None;
                    }
                    self.header_waits = false;
                }
                Scan::Irregular => return self.decode_whole(text),
            }
            self.start_editions(text);
            if scan == Scan::Waiting && self.next_edition().is_none() {
                return Step::Waiting;
            }
        }
        Step::Working { done: self.done(), total: text.len() }
    }

    /// Starts decoding editions once the members before them are known.
    /// When they do not decode, [`super::load`] has the say, once the text
    /// is whole; until the outline is, a member after the editions may
    /// still make them decode.
    fn start_editions(&mut self, text: &str) {
        if self.editions.is_some() || self.header_waits || !self.scan.in_editions() {
            return;
        }
        let mut object = Object::new();
        let members = &self.scan.outline().members;
        let parsed = members.iter().try_for_each(|(key, range)| {
            object.insert(key.clone(), parse(&text[range.clone()]).ok()?);
            Some(())
        });
        let mut decoder = Decoder::default();
        match parsed.and_then(|()| decoder.header(&object).ok()) {
            Some(header) => {
                let decoded = Vec::with_capacity(self.scan.outline().editions.len());
                self.editions = Some(Editions { members: members.len(), decoder, header, decoded, validator: Validator::default() });
            }
            None if self.outlined => self.whole = true,
            None => self.header_waits = true,
        }
    }

    /// The next edition to decode, when its text is known.
    fn next_edition(&self) -> Option<std::ops::Range<usize>> {
        let editions = self.editions.as_ref()?;
        self.scan.outline().editions.get(editions.decoded.len()).cloned()
    }

    fn decode_edition(&mut self, text: &str) {
        let editions = self.editions.as_mut().expect("an edition is decoded after the header");
        let text = replace_lone_surrogates(text);
        match fast::decode_edition(&text) {
            Some(edition) => editions.accept(Some(edition)),
            None => match parse_replaced(&text) {
                Ok(value) => editions.walk(&value),
                Err(_) => self.whole = true,
            },
        }
    }

    /// The outcome for the whole text in one go.
    fn decode_whole(&mut self, text: &str) -> Step {
        self.finished = true;
        Step::Done(load(text))
    }

    /// The bytes read so far: up to the end of the last edition decoded.
    fn done(&self) -> usize {
        let decoded = self.editions.as_ref().map_or(0, |editions| editions.decoded.len());
        decoded.checked_sub(1).map_or(0, |last| self.scan.outline().editions[last].end)
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

    use super::super::outline::arrival_cuts;
    use super::*;

    /// Steps to the end, counting the steps.
    fn stepped(text: &str) -> (Result<Corpus, DecodeError>, usize) {
        arriving(text, &[])
    }

    /// Steps to the end, the text given first as its prefixes ending at
    /// `cuts` (ascending character boundaries), then whole, counting the
    /// steps. Nothing is concluded before the text is whole.
    fn arriving(text: &str, cuts: &[usize]) -> (Result<Corpus, DecodeError>, usize) {
        let mut load = StepwiseLoad::new();
        let mut steps = 1;
        let mut done_before = 0;
        for &cut in cuts {
            loop {
                match load.step(&text[..cut], false) {
                    Step::Working { done, total } => {
                        assert!(done_before <= done && done <= total && total == cut, "{done_before} {done} {total} {cut}");
                        done_before = done;
                        steps += 1;
                    }
                    Step::Waiting => break,
                    Step::Done(outcome) => {
                        panic!("concluded at {cut} of {} bytes: {outcome:?}", text.len())
                    }
                }
            }
        }
        loop {
            match load.step(text, true) {
                Step::Working { done, total } => {
                    assert!(done <= total && total == text.len());
                    steps += 1;
                }
                Step::Waiting => panic!("waiting for more than the whole text"),
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
        let mut load = StepwiseLoad::new();
        let mut done = Vec::new();
        while let Step::Working { done: bytes, .. } = load.step(text, true) {
            done.push(bytes);
        }
        assert!(done.windows(2).all(|pair| pair[0] <= pair[1]), "{done:?}");
        assert!(done.last().is_some_and(|&last| last > text.len() / 2), "{done:?}");
    }

    #[test]
    fn editions_are_read_while_the_text_arrives() {
        let fixture = include_str!("../../tests/fixtures/reader.json");
        let (head, editions) = fixture.split_at(fixture.find("\"editions\"").expect("the fixture has editions"));
        let edition = editions.split_once('[').and_then(|(_, rest)| rest.rsplit_once(']')).expect("an array").0;
        let text = format!("{head}\"editions\": [{}]}}", [edition; 8].join(","));
        let text = text.as_str();
        let mut stepwise = StepwiseLoad::new();
        let half = (text.len() / 2..).find(|&at| text.is_char_boundary(at)).expect("a boundary");
        let mut read = 0;
        while let Step::Working { done, .. } = stepwise.step(&text[..half], false) {
            read = done;
        }
        assert!(read > text.len() / 4 && read <= half, "{read} of {half} bytes received");
        let outcome = loop {
            if let Step::Done(outcome) = stepwise.step(text, true) {
                break outcome;
            }
        };
        assert_eq!(outcome, load(text));
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

    /// `document` as JSON text, its members in key order (`editions` comes
    /// before the others) or with `editions` last, as corpora are written,
    /// so that a text arriving can be decoded before its end.
    fn written(document: &Value, pretty: bool, editions_last: bool) -> String {
        let write = |value: &Value| {
            if pretty { serde_json::to_string_pretty(value) } else { serde_json::to_string(value) }.expect("a value serializes")
        };
        match document.as_object() {
            Some(members) if editions_last => {
                let (editions, others): (Vec<_>, Vec<_>) = members.iter().partition(|(key, _)| *key == "editions");
                let members: Vec<String> = others
                    .into_iter()
                    .chain(editions)
                    .map(|(key, value)| format!("{}: {}", write(&Value::from(key.as_str())), write(value)))
                    .collect();
                format!("{{{}}}", members.join(",\n"))
            }
            _ => write(document),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn a_stepwise_load_says_what_a_load_in_one_go_says(
            // Mostly right (the rules that span fields are checked), or often wrong.
            document in prop_oneof![corpus(0.01), corpus(0.15)],
            pretty in any::<bool>(),
            editions_last in any::<bool>(),
            // A key given twice: JSON lets the last one count.
            twice in prop::option::weighted(0.1, prop::sample::select(vec![r#""editions": [{}]"#, r#""version": 2"#, r#""format": 1"#])),
            damage in damage(),
            cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..6),
        ) {
            let mut text = written(&document, pretty, editions_last);
            if let Some(member) = twice.filter(|_| text.starts_with("{\"")) {
                text.insert_str(1, &format!("{member}, "));
            }
            let text = damaged(&text, damage);
            let expected = load(&text);
            prop_assert_eq!(&stepped(&text).0, &expected);
            prop_assert_eq!(&arriving(&text, &arrival_cuts(&text, &cuts)).0, &expected, "arriving in pieces");
        }
    }
}
