//! Nothing lost: apart from the markers the ingest interprets (caption
//! arrows, jump lines, the byline box, the `摄` / `Photo by` wording) every
//! character of a page's text reaches the corpus, in order. Checked on the
//! seed page, on every 1916 page, and on generated pages; generated pages
//! also merge into a valid corpus whatever order they arrive in.


use proptest::prelude::*;

use broadsheet::corpus::{self, Block, Corpus, Publication};
use broadsheet::ingest::{merge_page, parse_page, Lang, MarkerKind, PageOptions, ParsedPage};

use crate::ingest_pages::{chronam_pages, CHRONAM};

const SEED: &str = "../shared/seed/000_866a33b537f54303.txt";

fn options(page: u32, lang: Option<Lang>) -> PageOptions {
    PageOptions { date: "2024-09-12".to_owned(), page, label: None, lang }
}

/// Text as compared: no whitespace (line breaks, spacing inside names) and
/// no hyphens (line-end hyphens are rejoined).
fn comparable(text: &str) -> Vec<char> {
    text.chars().filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{AD}')).collect()
}

/// True when a removed marker is one of the kinds the ingest may remove,
/// and looks like it.
fn is_a_marker(kind: MarkerKind, text: &str) -> bool {
    let lower = text.to_lowercase();
    match kind {
        MarkerKind::CaptionArrow => ["▲", "▼", "◀", "▶", "△", "▽", "◁", "▷", "◄", "►"].contains(&text),
        MarkerKind::BylineBox => text == "□" || text == "■",
        MarkerKind::Credit => {
            let wording = lower.trim_start_matches(['—', '–', '-']);
            text == "摄" || (wording.starts_with("photo") && wording.ends_with(" by"))
        }
        MarkerKind::Jump => {
            let chinese = text.contains('版') && text.starts_with(['（', '(']) && text.ends_with(['）', ')']);
            let letters = |word: &str| word.chars().filter(char::is_ascii_alphabetic).collect::<String>();
            // A page word, or (a garbled page word standing before the
            // number) the word continued, perhaps split by OCR (`Con tinned`).
            let words: Vec<String> = lower.split_whitespace().map(letters).collect();
            let page = words.iter().any(|word| word.starts_with('p') && strsim::levenshtein(word, "page") <= 2);
            let continued = (1..=3).any(|span| words.windows(span).any(|parts| strsim::levenshtein(&parts.concat(), "continued") <= 3));
            let english = page || continued;
            text.chars().count() <= 60 && (chinese || english)
        }
    }
}

/// The input with every recorded marker cut out where it stood.
fn input_without_markers(text: &str, page: &ParsedPage) -> Result<String, String> {
    let mut kept = String::with_capacity(text.len());
    let mut from = 0;
    for marker in &page.markers {
        if !is_a_marker(marker.kind, &marker.text) {
            return Err(format!("line {}: {:?} removed as a {:?}", marker.line, marker.text, marker.kind));
        }
        let end = marker.offset + marker.text.len();
        if marker.offset < from || text.get(marker.offset..end) != Some(marker.text.as_str()) {
            return Err(format!("line {}: marker {:?} is not at byte {}", marker.line, marker.text, marker.offset));
        }
        let line = text[..marker.offset].matches('\n').count() + 1;
        if line != marker.line {
            return Err(format!("marker {:?} is on line {line}, not {}", marker.text, marker.line));
        }
        kept.push_str(&text[from..marker.offset]);
        from = end;
    }
    kept.push_str(&text[from..]);
    Ok(kept)
}

/// Checks that the input, without its markers, is the output's running text
/// with each figure's caption and credit standing whole somewhere in it
/// (a figure moves after the paragraph it interrupted).
fn nothing_lost(text: &str, page: &ParsedPage) -> Result<(), String> {
    let input = comparable(&input_without_markers(text, page)?);
    let mut running = String::new();
    let mut figures: Vec<Vec<char>> = Vec::new();
    for article in &page.articles {
        for field in [&article.kicker, &article.headline, &article.deck, &article.byline].into_iter().flatten() {
            running.push_str(field);
        }
        for block in &article.blocks {
            match block {
                Block::Paragraph { text } | Block::Subhead { text } => running.push_str(text),
                Block::Figure(figure) => {
                    let words = [&figure.caption, &figure.credit].into_iter().flatten();
                    figures.push(comparable(&words.map(String::as_str).collect::<String>()));
                }
            }
        }
    }
    let running = comparable(&running);
    // reach[i][k]: the first i input characters are the first i - consumed(k)
    // running characters interleaved with the first k figures, whole.
    let consumed: Vec<usize> = std::iter::once(0)
        .chain(figures.iter().scan(0, |sum, figure| {
            *sum += figure.len();
            Some(*sum)
        }))
        .collect();
    let mut reach = vec![vec![false; figures.len() + 1]; input.len() + 1];
    reach[0][0] = true;
    let mut furthest = 0;
    // Through the input's end too: a figure with neither caption nor credit
    // (a bare ▲) consumes nothing and may stand last.
    for i in 0..=input.len() {
        for k in 0..=figures.len() {
            if !reach[i][k] {
                continue;
            }
            furthest = furthest.max(i);
            let j = i - consumed[k];
            if i < input.len() && running.get(j) == Some(&input[i]) {
                reach[i + 1][k] = true;
            }
            if let Some(figure) = figures.get(k) {
                if input[i..].starts_with(figure) {
                    reach[i + figure.len()][k + 1] = true;
                }
            }
        }
    }
    if reach[input.len()][figures.len()] && input.len() - consumed[figures.len()] == running.len() {
        return Ok(());
    }
    let context =
        |chars: &[char], at: usize| chars[at.saturating_sub(20)..(at + 20).min(chars.len())].iter().collect::<String>();
    Err(format!(
        "the output departs from the input after {furthest} characters: input …{}…, output near …{}…",
        context(&input, furthest),
        context(&running, furthest.min(running.len()))
    ))
}

#[test]
fn nothing_of_the_seed_page_is_lost() {
    let text = std::fs::read_to_string(SEED).unwrap();
    let page = parse_page(&text, &options(2, None)).unwrap();
    nothing_lost(&text, &page).unwrap();
    assert_eq!(page.markers.len(), 7, "3 jumps, 2 arrows, the credit's 摄 and the byline box: {:?}", page.markers);
}

#[test]
fn nothing_of_any_1916_page_is_lost() {
    let Some(pages) = chronam_pages() else { return };
    for file in &pages {
        let path = format!("{CHRONAM}/{file}");
        let text = std::fs::read_to_string(&path).unwrap();
        let page = parse_page(&text, &options(1, None)).unwrap();
        assert_eq!(page.lang, Lang::English, "{path}");
        if let Err(problem) = nothing_lost(&text, &page) {
            panic!("{path}: {problem}");
        }
    }
    assert!(pages.len() >= 400, "only {} pages", pages.len());
}

/// The cases proptest once shrank failures to (saved beside this file),
/// run by name: cargo runs integration tests from a source path proptest
/// cannot map back to its saved-cases file, so it would not replay them.
#[test]
fn nothing_is_lost_of_the_pages_that_once_lost_a_credit() {
    for text in ["▲一\n摄0摄", "▲\n一 一摄\nContinued from Page 1"] {
        let page = parse_page(text, &options(3, None)).unwrap();
        nothing_lost(text, &page).unwrap_or_else(|problem| panic!("{text:?}: {problem}"));
    }
}

/// Lines a page is made of, in either convention, with every construct the
/// ingest recognises and some debris.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        // Head lines, subheads, cut-off paragraph ends.
        "[一-龥]{2,16}",
        // Paragraphs.
        "([一-龥]{1,12}[，、]){0,3}[一-龥]{1,12}[。！？]",
        "[A-Z][a-z]{1,8}( [a-z]{1,9}){0,6}[.?!]?",
        "[A-Z]{2,9}( [A-Z]{2,9}){0,3}",
        "[a-z]{2,9}-",
        // Captions and credits.
        "[▲▼◀▶][一-龥]{1,10}[。]?",
        "[一-龥] [一-龥] ?摄",
        "—?Photos? by [A-Z][a-z]{2,8}\\.?",
        // Bylines and datelines.
        "□[一-龥]{2,6}记者 [一-龥] [一-龥]",
        "By [A-Z]{2,8} [A-Z]{2,8}\\.?",
        "本报北京[1-9]月[1-9]日电[一-龥]{0,8}",
        "[A-Z]{4,10}, Jan\\. [1-9]\\.—[A-Z][a-z]{2,6}",
        // Jump lines, whole or inside a paragraph.
        "[（(](上接|下转|接|转)第[一二三十1-9A]{1,2}版[）)]",
        "（上接第[一二]版）[一-龥]{1,10}[。]?",
        "[一-龥]{1,10}。?（下转第[一二]版）",
        "[(\\[]?Continued (on|from|oa) Pa(ge|go) ([1-9]|One|Two|A6)[.)\\]]{0,2}",
        "See [A-Z]{3,8}, Page (A6|[1-9])",
        // Debris.
        "[▲□（）()第版接转摄a-zA-Z0-9 .,—-]{0,12}",
        "",
    ]
}

fn page_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(line(), 1..40).prop_map(|lines| lines.join("\n"))
}

fn lang() -> impl Strategy<Value = Option<Lang>> {
    prop_oneof![Just(None), Just(Some(Lang::Chinese)), Just(Some(Lang::English))]
}

fn merged(pages: &[&ParsedPage]) -> Corpus {
    let publication = Publication { title: "青岛日报".to_owned(), lang: "zh-CN".to_owned() };
    let mut corpus = Corpus::new(publication.clone());
    for page in pages {
        merge_page(&mut corpus, &publication, (*page).clone());
    }
    corpus
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn nothing_of_a_generated_page_is_lost(text in page_text(), lang in lang()) {
        prop_assume!(!text.trim().is_empty());
        let page = parse_page(&text, &options(3, lang)).unwrap();
        if let Err(problem) = nothing_lost(&text, &page) {
            return Err(TestCaseError::fail(problem));
        }
        for (n, article) in page.articles.iter().enumerate() {
            prop_assert_eq!(&article.id, &format!("2024-09-12-p3-{}", n + 1));
            prop_assert!(!article.is_empty(), "empty article {:?}", article);
        }
    }

    #[test]
    fn any_text_is_read_without_panic(text in "(\\PC{0,30}\n){0,12}") {
        if let Ok(page) = parse_page(&text, &options(1, None)) {
            if let Err(problem) = nothing_lost(&text, &page) {
                return Err(TestCaseError::fail(problem));
            }
        }
    }

    #[test]
    fn generated_pages_merge_into_a_valid_corpus_in_any_order(one in page_text(), two in page_text(), lang in lang()) {
        prop_assume!(!one.trim().is_empty() && !two.trim().is_empty());
        let one = parse_page(&one, &options(1, lang)).unwrap();
        let two = parse_page(&two, &options(2, lang)).unwrap();
        let forward = merged(&[&one, &two]);
        let json = corpus::to_json(&forward);
        if let Err(error) = corpus::load(&json) {
            return Err(TestCaseError::fail(format!("invalid corpus: {error}")));
        }
        prop_assert_eq!(&json, &corpus::to_json(&merged(&[&two, &one])), "the order changed the corpus");
        prop_assert_eq!(&json, &corpus::to_json(&merged(&[&one, &two, &two, &one])), "re-ingesting changed the corpus");
    }
}
