//! ALTO pages: every word of the file reaches the corpus in the file's
//! order, on generated files of every version, unit and hyphenation style
//! and on real pages (ALTO 2.0 in inch1200, 3.0 in pixels from Tesseract,
//! 3.1 in mm10); articles are grouped by type size; bad files are refused
//! with their line and column.

use std::process::Command;

use broadsheet::corpus::{self, Article};
use broadsheet::ingest::{is_alto, parse_alto_page, PageOptions};
use proptest::prelude::*;

const PAGES: &str = "../shared/corpora/pages";

fn options(page: u32) -> PageOptions {
    PageOptions { date: "1878-01-03".to_owned(), page, label: None, lang: None }
}

/// Every non-blank `CONTENT` of the file's `String`s, in order.
fn words(xml: &str) -> Vec<String> {
    let document = roxmltree::Document::parse(xml).expect("well-formed");
    document
        .descendants()
        .filter(|node| node.is_element() && node.tag_name().name() == "String")
        .filter_map(|node| node.attribute("CONTENT"))
        .map(str::trim)
        .filter(|content| !content.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The articles' text in order: headline, deck, paragraphs.
fn text_of(articles: &[Article]) -> String {
    let mut text = String::new();
    for article in articles {
        for piece in [&article.headline, &article.deck].into_iter().flatten().map(String::as_str).chain(article.texts()) {
            text.push_str(piece);
            text.push('\n');
        }
    }
    text
}

/// Each word is found in `text` after the one before it; the first missing, if any.
fn first_lost(words: &[String], text: &str) -> Option<String> {
    let mut at = 0;
    for word in words {
        match text[at..].find(word.as_str()) {
            Some(found) => at += found + word.len(),
            None => return Some(format!("{word:?} after byte {at} of {text:?}")),
        }
    }
    None
}

#[test]
fn real_pages_of_three_alto_versions_lose_no_word_and_get_articles() {
    // Each with the articles its headlines start, at least: the Nordstern's
    // second page is one serial with bold chapter subheads, the
    // Tageblatt's second one report under one headline.
    let files = [
        ("loc-nordstern-1878/0011.xml", "ALTO 2.x", "inch1200", 3),
        ("loc-nordstern-1878/0012.xml", "ALTO 2.x", "inch1200", 1),
        ("sbb-tageblatt-1925/newspaper_issue_1-alto_p1.xml", "ALTO 3.x", "pixel", 3),
        ("sbb-tageblatt-1925/newspaper_issue_1-alto_p2.xml", "ALTO 3.x", "pixel", 1),
        ("bnl-luxzeit-1858/text/1858-12-07_01-00001.xml", "ALTO 3.x", "mm10", 3),
        ("bnl-luxzeit-1858/text/1858-12-07_01-00003.xml", "ALTO 3.x", "mm10", 2),
    ];
    for (file, version, unit, headed_at_least) in files {
        let xml = std::fs::read_to_string(format!("{PAGES}/{file}")).expect("the page is in ../shared");
        assert!(is_alto(xml.as_bytes()), "{file} is told by its content");
        let read = parse_alto_page(&xml, &options(1)).unwrap_or_else(|error| panic!("{file}: {error:?}"));
        assert_eq!((read.version, read.unit.as_str()), (version, unit), "{file}");
        let all = words(&xml);
        assert!(all.len() > 500, "{file}: a real page has many words");
        assert_eq!(first_lost(&all, &text_of(&read.page.articles)), None, "{file}");
        let headed = read.page.articles.iter().filter(|article| article.headline.is_some()).count();
        assert!(headed >= headed_at_least, "{file}: {} articles, {headed} with headlines", read.page.articles.len());
        assert!(!read.page.laid_out, "{file}: the grouping is a guess");
    }
}

#[test]
fn a_hyphenated_word_is_joined_across_lines_either_way_alto_marks_it() {
    let xml = alto(
        "http://www.loc.gov/standards/alto/ns-v3#",
        "pixel",
        r#"<TextBlock ID="B1"><TextLine HEIGHT="30"><String CONTENT="Der"/><SP/><String CONTENT="Jahr" SUBS_TYPE="HypPart1" SUBS_CONTENT="Jahrgang"/><HYP CONTENT="-"/></TextLine>
           <TextLine HEIGHT="30"><String CONTENT="gang" SUBS_TYPE="HypPart2" SUBS_CONTENT="Jahrgang"/><SP/><String CONTENT="der"/><SP/><String CONTENT="Zei"/><HYP CONTENT="¬"/></TextLine>
           <TextLine HEIGHT="30"><String CONTENT="tung."/></TextLine></TextBlock>"#,
    );
    let read = parse_alto_page(&xml, &options(1)).unwrap();
    assert_eq!(read.page.articles[0].texts().collect::<Vec<_>>(), ["Der Jahrgang der Zeitung."]);
}

#[test]
fn chinese_lines_join_without_spaces_and_keep_the_spaces_printed() {
    let xml = alto(
        "http://www.loc.gov/standards/alto/ns-v4#",
        "mm10",
        r#"<TextBlock ID="B1"><TextLine HEIGHT="40"><String CONTENT="上合组织"/><String CONTENT="峰会"/></TextLine>
           <TextLine HEIGHT="40"><String CONTENT="在青岛举行。"/><String CONTENT="刘"/><SP/><String CONTENT="栋"/><SP/><String CONTENT="摄"/></TextLine></TextBlock>"#,
    );
    let read = parse_alto_page(&xml, &PageOptions { lang: None, ..options(2) }).unwrap();
    assert_eq!(read.page.articles[0].texts().collect::<Vec<_>>(), ["上合组织峰会在青岛举行。刘 栋 摄"]);
    assert_eq!(read.page.page.label.as_deref(), Some("第二版"), "read as a Chinese page");
}

#[test]
fn headlines_are_told_by_their_type_size_from_styles_or_line_heights() {
    let body = r#"<TextLine HEIGHT="30"><String CONTENT="Body"/><SP/><String CONTENT="text"/><SP/><String CONTENT="that"/><SP/><String CONTENT="runs"/><SP/><String CONTENT="long."/></TextLine>"#.repeat(6);
    // Pixels: the lines' heights; styles carry no size a pixel can be told from.
    let blocks = format!(
        r#"<TextBlock ID="H1"><TextLine HEIGHT="90"><String CONTENT="Great"/><SP/><String CONTENT="Fire"/></TextLine></TextBlock>
           <TextBlock ID="B1">{body}</TextBlock>
           <TextBlock ID="H2"><TextLine HEIGHT="70"><String CONTENT="Election"/><SP/><String CONTENT="Day"/></TextLine></TextBlock>
           <TextBlock ID="B2">{body}</TextBlock>"#
    );
    let read = parse_alto_page(&alto("http://www.loc.gov/standards/alto/ns-v2#", "pixel", &blocks), &options(1)).unwrap();
    let headlines: Vec<Option<&str>> = read.page.articles.iter().map(|article| article.headline.as_deref()).collect();
    assert_eq!(headlines, [Some("Great Fire"), Some("Election Day")]);
    // mm10: the styles' font sizes.
    let styled = r#"<TextBlock ID="H1" STYLEREFS="BIG"><TextLine HEIGHT="30"><String CONTENT="Harbour"/><SP/><String CONTENT="news"/></TextLine></TextBlock>
        <TextBlock ID="B1" STYLEREFS="BODY"><TextLine HEIGHT="30"><String CONTENT="Ships"/><SP/><String CONTENT="came"/><SP/><String CONTENT="in"/><SP/><String CONTENT="today"/></TextLine></TextBlock>"#;
    let read = parse_alto_page(&alto("http://www.loc.gov/standards/alto/ns-v3#", "mm10", styled), &options(1)).unwrap();
    assert_eq!(read.page.articles.len(), 1);
    assert_eq!(read.page.articles[0].headline.as_deref(), Some("Harbour news"));
}

#[test]
fn bad_files_are_refused_with_line_and_column() {
    let broken = "<?xml version=\"1.0\"?>\n<alto>\n  <Layout><Page></Layout>\n</alto>\n";
    let error = parse_alto_page(broken, &options(1)).unwrap_err();
    assert_eq!(error.line, 3, "{error:?}");
    assert!(error.message.starts_with("not well-formed XML"), "{error:?}");
    let future = alto("http://www.loc.gov/standards/alto/ns-v9#", "pixel", "");
    let error = parse_alto_page(&future, &options(1)).unwrap_err();
    assert!(error.message.contains("ns-v9#") && error.message.contains("1.x to 4.x"), "{error:?}");
    assert_eq!(error.line, 2);
    let odd_unit = alto("http://www.loc.gov/standards/alto/ns-v3#", "furlong", "");
    let error = parse_alto_page(&odd_unit, &options(1)).unwrap_err();
    assert!(error.message.contains("\"furlong\""), "{error:?}");
    assert!(!is_alto(b"<?xml version=\"1.0\"?>\n<mets:mets xmlns:mets=\"http://www.loc.gov/METS/\"/>"));
    assert!(is_alto(b"\xef\xbb\xbf<?xml version=\"1.0\"?>\n<!-- scanned -->\n<alto:alto xmlns:alto=\"http://www.loc.gov/standards/alto/ns-v4#\"/>"));
}

#[test]
fn the_cli_takes_an_alto_file_as_a_page_and_says_the_grouping_was_guessed() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("corpus.json");
    let run = Command::new(env!("CARGO_BIN_EXE_broadsheet"))
        .args(["ingest", "--date", "1878-01-03", "--page", "1", "--publication", "Der Nordstern"])
        .arg(format!("{PAGES}/loc-nordstern-1878/0011.xml"))
        .arg("-o")
        .arg(&output)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&run.stderr).into_owned() + &String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "{said}");
    assert!(said.contains("0011.xml: ALTO 2.x in inch1200, without METS:") && said.contains("grouped by type size (a guess)"), "{said}");
    let corpus = corpus::load(&std::fs::read_to_string(&output).unwrap()).expect("a valid corpus");
    assert_eq!(corpus.publication.title, "Der Nordstern");
    assert!(corpus.editions[0].articles.len() >= 3);

    let bad = dir.path().join("bad.xml");
    std::fs::write(&bad, "<?xml version=\"1.0\"?>\n<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v3#\">\n<Layout>\n</alto>\n").unwrap();
    let run = Command::new(env!("CARGO_BIN_EXE_broadsheet"))
        .args(["ingest", "--date", "1878-01-03", "--page", "2"])
        .arg(&bad)
        .arg("-o")
        .arg(&output)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success());
    assert!(said.contains("bad.xml:4:1: not well-formed XML: expected 'Layout' tag, not 'alto'\n"), "{said}");
}

/// An ALTO file in namespace `ns` (none when empty) and `unit`, its page holding `blocks`.
fn alto(ns: &str, unit: &str, blocks: &str) -> String {
    let xmlns = if ns.is_empty() { String::new() } else { format!(" xmlns=\"{ns}\"") };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alto{xmlns}>\n<Description><MeasurementUnit>{unit}</MeasurementUnit></Description>\n\
         <Styles><TextStyle ID=\"BODY\" FONTSIZE=\"9\"/><TextStyle ID=\"BIG\" FONTSIZE=\"22\" FONTSTYLE=\"bold\"/></Styles>\n\
         <Layout><Page ID=\"P1\" WIDTH=\"2000\" HEIGHT=\"3000\"><PrintSpace>{blocks}</PrintSpace></Page></Layout>\n</alto>\n"
    )
}

/// A word: Latin, ideographs, digits and the characters XML escapes.
fn word() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[A-Za-zäöü0-9.,;&<>\"'上合组织峰会青岛，。-]{1,8}").unwrap()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// How a line ends.
#[derive(Clone, Copy, Debug)]
enum LineEnd {
    Plain,
    /// A `HYP` element after its last word.
    Hyp,
    /// Its last word `HypPart1`, the next line's first `HypPart2`.
    Subs,
}

/// A generated line: its words, each with whether an `SP` follows, and its end.
type Line = (Vec<(String, bool)>, LineEnd);

/// A generated block: its lines, whether in the large style, its lines' height, whether in a `ComposedBlock`.
fn block() -> impl Strategy<Value = (Vec<Line>, bool, u32, bool)> {
    let line = (prop::collection::vec((word(), any::<bool>()), 1..6), prop_oneof![Just(LineEnd::Plain), Just(LineEnd::Hyp), Just(LineEnd::Subs)]);
    (prop::collection::vec(line, 1..5), any::<bool>(), 10u32..120, any::<bool>())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Whatever the version, unit, styles, spacing and hyphenation, every
    /// word of the file is in the corpus, in the file's order.
    #[test]
    fn no_word_of_an_alto_file_is_lost(
        blocks in prop::collection::vec(block(), 1..8),
        ns in prop::sample::select(vec!["", "http://schema.ccs-gmbh.com/ALTO", "http://www.loc.gov/standards/alto/ns-v1#",
            "http://www.loc.gov/standards/alto/ns-v2#", "http://www.loc.gov/standards/alto/ns-v3#", "http://www.loc.gov/standards/alto/ns-v4#"]),
        unit in prop::sample::select(vec!["pixel", "mm10", "inch1200"]),
    ) {
        let mut xml = String::new();
        for (n, (lines, big, height, composed)) in blocks.iter().enumerate() {
            let style = if *big { "BIG" } else { "BODY" };
            let mut block = format!("<TextBlock ID=\"B{n}\" STYLEREFS=\"{style}\">");
            let mut second_part = false;
            for (words, end) in lines {
                block.push_str(&format!("<TextLine HEIGHT=\"{height}\">"));
                for (at, (word, spaced)) in words.iter().enumerate() {
                    let last = at + 1 == words.len();
                    let subs = if second_part && at == 0 {
                        " SUBS_TYPE=\"HypPart2\""
                    } else if last && matches!(end, LineEnd::Subs) {
                        " SUBS_TYPE=\"HypPart1\""
                    } else {
                        ""
                    };
                    block.push_str(&format!("<String CONTENT=\"{}\"{subs}/>", escape(word)));
                    if *spaced && !last {
                        block.push_str("<SP/>");
                    }
                }
                if matches!(end, LineEnd::Hyp) {
                    block.push_str("<HYP CONTENT=\"-\"/>");
                }
                second_part = matches!(end, LineEnd::Subs);
                block.push_str("</TextLine>");
            }
            block.push_str("</TextBlock>");
            if *composed {
                block = format!("<ComposedBlock ID=\"C{n}\">{block}</ComposedBlock>");
            }
            xml.push_str(&block);
        }
        let file = alto(ns, unit, &xml);
        prop_assert!(is_alto(file.as_bytes()));
        let read = parse_alto_page(&file, &options(3)).map_err(|error| TestCaseError::fail(format!("{error:?}")))?;
        let lost = first_lost(&words(&file), &text_of(&read.page.articles));
        prop_assert!(lost.is_none(), "lost: {}", lost.unwrap_or_default());
    }
}
