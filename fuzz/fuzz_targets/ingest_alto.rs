//! The ALTO reader: any bytes told to be ALTO either are refused with a
//! line and column inside the file, or read into a page that merges into a
//! corpus that validates and survives a JSON round trip, every word of the
//! file in it.

#![no_main]

use broadsheet::corpus::{self, validate::validate, Corpus, Publication};
use broadsheet::ingest::{is_alto, merge_page, page_text, parse_alto_page, PageOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = page_text(data) else { return };
    if !is_alto(text.as_bytes()) {
        return;
    }
    let options = PageOptions { date: "1858-12-07".to_owned(), page: 1, label: None, lang: None };
    let read = match parse_alto_page(text, &options) {
        Ok(read) => read,
        Err(error) => {
            assert!(error.line >= 1 && error.line as usize <= text.lines().count().max(1) + 1, "{error:?}");
            assert!(error.column >= 1);
            return;
        }
    };
    let publication = Publication { title: "Luxemburger Zeitung".to_owned(), lang: "de".to_owned() };
    let mut corpus = Corpus::new(publication.clone());
    merge_page(&mut corpus, &publication, read.page);
    let problems = validate(&corpus);
    assert!(problems.is_empty(), "the ALTO ingest made an invalid corpus: {problems:?}");
    let again = corpus::load(&corpus::to_json(&corpus)).expect("a valid corpus reads back");
    assert_eq!(again, corpus);
});
