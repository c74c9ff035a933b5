//! The ingest parser and merge: any bytes, read as up to four pages of one
//! edition (split at form feeds), either are refused with a line number or
//! merge into a corpus that validates and survives a JSON round trip.
//!
//! The first byte chooses the convention (detected, Chinese, English) and
//! the first page number, so pages repeat and replace each other.

#![no_main]

use broadsheet::corpus::{self, validate::validate, Corpus, Publication};
use broadsheet::ingest::{merge_page, page_text, parse_page, Lang, PageOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&control, rest)) = data.split_first() else { return };
    let lang = match control % 3 {
        0 => None,
        1 => Some(Lang::Chinese),
        _ => Some(Lang::English),
    };
    let publication = Publication { title: "青岛日报".to_owned(), lang: "zh-CN".to_owned() };
    let mut corpus = Corpus::new(publication.clone());
    for (i, bytes) in rest.split(|&b| b == 0x0C).take(4).enumerate() {
        let page = 1 + (u32::from(control >> 2) + i as u32) % 3;
        let text = match page_text(bytes) {
            Ok(text) => text,
            Err(error) => {
                assert!(error.line >= 1);
                continue;
            }
        };
        let options = PageOptions { date: "2024-09-12".to_owned(), page, label: None, lang };
        let parsed = match parse_page(text, &options) {
            Ok(parsed) => parsed,
            Err(error) => {
                assert!(error.line >= 1 && error.line <= text.lines().count().max(1));
                continue;
            }
        };
        for marker in &parsed.markers {
            let end = marker.offset + marker.text.len();
            assert_eq!(text.get(marker.offset..end), Some(marker.text.as_str()), "marker at {}", marker.offset);
        }
        merge_page(&mut corpus, &publication, parsed);
    }
    let problems = validate(&corpus);
    assert!(problems.is_empty(), "the ingest made an invalid corpus: {problems:?}");
    let again = corpus::load(&corpus::to_json(&corpus)).expect("a valid corpus reads back");
    assert_eq!(again, corpus);
});
