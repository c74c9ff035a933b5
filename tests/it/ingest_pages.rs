//! What the ingest recognises on real pages: the seed page of 青岛日报 (head,
//! byline, subheads, captions, column breaks, fragments continued from the
//! front page) and the 1916 front pages (jump lines through OCR noise,
//! hyphenated line ends, bylines and datelines).

use std::path::Path;

use broadsheet::corpus::{Article, Block, Figure, Jump, Placement};
use broadsheet::ingest::{page_text, parse_page, Lang, MarkerKind, PageOptions, ParsedPage};

const SEED: &str = "../shared/seed/000_866a33b537f54303.txt";
pub(crate) const CHRONAM: &str = "../shared/corpora/chronam-1916/dates";

fn read(path: &str, page: u32) -> ParsedPage {
    let bytes = std::fs::read(path).unwrap_or_else(|error| panic!("{path}: {error}"));
    let text = page_text(&bytes).unwrap();
    parse_page(text, &PageOptions { date: "2024-09-12".to_owned(), page, label: None, lang: None }).unwrap()
}

fn seed() -> ParsedPage {
    read(SEED, 2)
}

/// A 1916 page, or `None` (with a note) when the archive is not there.
pub(crate) fn chronam(file: &str) -> Option<ParsedPage> {
    let path = format!("{CHRONAM}/{file}");
    if !Path::new(&path).is_file() {
        eprintln!("skipped: {path} is not there");
        return None;
    }
    Some(read(&path, 1))
}

/// Every 1916 page file, its path under [`CHRONAM`], in order; `None`
/// (with a note) when the archive is not there.
pub(crate) fn chronam_pages() -> Option<Vec<String>> {
    if !Path::new(CHRONAM).is_dir() {
        eprintln!("skipped: {CHRONAM} is not there");
        return None;
    }
    let mut files = Vec::new();
    for day in std::fs::read_dir(CHRONAM).expect("the 1916 pages") {
        let day = day.expect("a day's folder").path();
        for page in std::fs::read_dir(&day).expect("a day's pages") {
            let page = page.expect("a page").path();
            if page.extension().is_some_and(|extension| extension == "txt") {
                let relative = page.strip_prefix(CHRONAM).expect("under the folder");
                files.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    files.sort();
    Some(files)
}

fn paragraphs(article: &Article) -> Vec<&str> {
    article
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Paragraph { text } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

fn all_paragraphs(page: &ParsedPage) -> Vec<&str> {
    page.articles.iter().flat_map(paragraphs).collect()
}

/// Every head line and paragraph of the page.
fn all_texts(page: &ParsedPage) -> Vec<&str> {
    let heads = page.articles.iter().flat_map(|article| [&article.kicker, &article.headline, &article.deck]);
    heads.flatten().map(String::as_str).chain(all_paragraphs(page)).collect()
}

#[test]
fn the_seed_holds_the_feature_and_three_fragments_from_page_one() {
    let page = seed();
    assert_eq!(page.lang, Lang::Chinese);
    assert_eq!(page.page.label.as_deref(), Some("第二版"));
    let ids: Vec<&str> = page.articles.iter().map(|article| article.id.as_str()).collect();
    assert_eq!(ids, ["2024-09-12-p2-1", "2024-09-12-p2-2", "2024-09-12-p2-3", "2024-09-12-p2-4"]);
    let from_page_one = Some(Jump::to_page(1));
    for fragment in &page.articles[1..] {
        assert_eq!(fragment.continued_from, from_page_one, "{}", fragment.id);
        assert_eq!(
            (fragment.continued_on.as_ref(), fragment.kicker.as_ref(), fragment.byline.as_ref()),
            (None, None, None)
        );
    }
    let headlines: Vec<Option<&str>> = page.articles[1..].iter().map(|article| article.headline.as_deref()).collect();
    assert_eq!(headlines, [None, Some("探索构建清洁低碳安全高效的新型能源体系"), None]);
    let openings: Vec<&str> = page.articles[1..].iter().map(|article| paragraphs(article)[0]).collect();
    assert!(openings[0].starts_with("会议指出，要深入学习贯彻"), "{}", openings[0]);
    assert!(openings[1].starts_with("为国家能源安全贡献青岛力量。"), "{}", openings[1]);
    assert!(openings[2].starts_with("长远利益出发谋划和推进改革"), "{}", openings[2]);
    // The reader titles a fragment without headline from its first sentence.
    assert!(page.articles[1].display_title().starts_with("会议指出"));
    assert_eq!(paragraphs(&page.articles[2]).last(), Some(&"耿涛、姜巧珍、朱铁一参加。"));
}

#[test]
fn the_feature_has_headline_deck_byline_and_subheads() {
    let page = seed();
    let feature = &page.articles[0];
    assert_eq!(feature.kicker, None);
    assert_eq!(feature.headline.as_deref(), Some("扛牢“国之重任”，打造高水平对外开放新高地"));
    assert!(feature.deck.as_deref().is_some_and(|deck| deck.starts_with("自2018年被赋予建设上合示范区重任以来")));
    assert_eq!(feature.byline.as_deref(), Some("青岛日报/观海新闻记者 王萌"));
    assert_eq!((&feature.continued_from, &feature.continued_on), (&None, &None));
    let subheads: Vec<&str> = feature
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Subhead { text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(subheads, ["地方经贸合作全面突破", "推动商旅文交流“升维”", "强化公共产品属性"]);
    assert_eq!(paragraphs(feature)[0], "初秋时节，万物竞秀。青青之岛，再迎客来。");
    let markers: Vec<(usize, MarkerKind, &str)> =
        page.markers.iter().map(|marker| (marker.line, marker.kind, marker.text.as_str())).collect();
    assert!(markers.contains(&(9, MarkerKind::BylineBox, "□")), "{markers:?}");
}

#[test]
fn captions_become_figures_after_the_paragraph_they_interrupt() {
    let page = seed();
    let blocks = &page.articles[0].blocks;
    let at = blocks
        .iter()
        .position(|block| matches!(block, Block::Paragraph { text } if text.contains("争取上合组织技术性教研基地")))
        .expect("the paragraph the captions interrupt");
    let figure = |block: &Block| match block {
        Block::Figure(figure) => figure.clone(),
        other => panic!("expected a figure, found {other:?}"),
    };
    assert_eq!(
        figure(&blocks[at + 1]),
        Figure {
            src: None,
            caption: Some("国际友人参访青岛·上合之珠国际博览中心。".to_owned()),
            credit: Some("刘栋".to_owned()),
            placement: Some(Placement::Above),
        }
    );
    assert_eq!(
        figure(&blocks[at + 2]),
        Figure {
            src: None,
            caption: Some("一列满载货物的中欧班列缓缓驶出上合示范区。".to_owned()),
            credit: None,
            placement: Some(Placement::Left),
        }
    );
    let figures =
        page.articles.iter().flat_map(|article| &article.blocks).filter(|block| matches!(block, Block::Figure(_)));
    assert_eq!(figures.count(), 2);
    for text in all_paragraphs(&page) {
        assert!(!text.contains("国际友人") && !text.contains("摄") && !text.contains('▲'), "a caption polluted {text}");
    }
}

#[test]
fn column_breaks_are_rejoined_across_gaps_and_captions() {
    let page = seed();
    let texts = all_paragraphs(&page);
    let breaks = [
        ("争取上合组织技", "术性教研基地"),
        ("经贸学院国", "际交流中心"),
        ("联络中心", "等四个中心"),
        ("为基层", "减负若干规定》"),
        ("稳字当", "头"),
        ("钙钛矿太阳能电", "池产业"),
    ];
    for (before, after) in breaks {
        let joined = format!("{before}{after}");
        assert!(texts.iter().any(|text| text.contains(&joined)), "{joined} is not rejoined");
        assert!(!texts.iter().any(|text| text.ends_with(before)), "a paragraph still ends at {before}");
        assert!(!texts.iter().any(|text| text.starts_with(after)), "a paragraph still starts at {after}");
    }
    for text in texts {
        assert!(text.ends_with(['。', '！', '”', '…']), "an unfinished paragraph: {text}");
    }
}

#[test]
fn an_english_page_reads_its_byline_dateline_and_hyphens() {
    let page = read("tests/fixtures/ingest/evening-star-p1.txt", 1);
    assert_eq!((page.lang, page.page.label.as_deref()), (Lang::English, None));
    let budget = &page.articles[0];
    assert_eq!(budget.headline.as_deref(), Some("COUNCIL ADOPTS CITY BUDGET"));
    assert_eq!(budget.deck.as_deref(), Some("Tax Rate Unchanged for the Coming Year"));
    assert_eq!(budget.byline.as_deref(), Some("By JOHN SMITH"));
    assert_eq!(
        paragraphs(budget),
        [
            "WASHINGTON, Jan. 3.—The city council last night adopted the budget for the coming year after a long \
             and interrupted session that lasted until midnight.",
            "The vote was seven to two.",
        ]
    );
    assert_eq!(budget.continued_on, Some(Jump { keyword: Some("BUDGET".to_owned()), ..Jump::to_label("A6".to_owned()) }));
    let bridge = &page.articles[1];
    assert_eq!(bridge.continued_on, Some(Jump::to_page(2)));
    assert_eq!(bridge.deck.as_deref(), Some("Crowds Line the River Banks"));
}

/// A jump line of a 1916 page as OCR left it, and what it says.
struct PrintedJump {
    file: &'static str,
    line: usize,
    from: bool,
    page: Option<u32>,
    label: Option<&'static str>,
}

const fn on(file: &'static str, line: usize, page: Option<u32>, label: Option<&'static str>) -> PrintedJump {
    PrintedJump { file, line, from: false, page, label }
}

const fn from(file: &'static str, line: usize, page: u32) -> PrintedJump {
    PrintedJump { file, line, from: true, page: Some(page), label: None }
}

const HARRISBURG: &str = "19161230/sn85038411-ed-1_seq-1.txt";
const JUMPS: [PrintedJump; 8] = [
    on(HARRISBURG, 268, Some(7), None),                            // [Continued on Pago 7]
    on(HARRISBURG, 347, Some(7), None),                            // [Continued on Papre 7]
    on(HARRISBURG, 424, Some(7), None),                            // [Continued oil Page 7]
    on(HARRISBURG, 68, None, Some("X")),                           // [Continued on Page X]
    on("19161009/sn84026749-ed-1_seq-1.txt", 287, Some(12), None), // (Continued on Page Twelve.)
    on("19161009/sn84026749-ed-1_seq-1.txt", 389, Some(2), None),  // (Continued on Second Page.)
    from("19160516/sn84020558-ed-1_seq-1.txt", 223, 5),            // i Continued from Page Pive) -
    from("19160813/sn84020558-ed-1_seq-1.txt", 565, 3),            // (Continued from Page TTiree)
];

#[test]
fn english_jump_lines_are_read_through_ocr_noise() {
    for PrintedJump { file, line, from, page: page_number, label } in JUMPS {
        let Some(page) = chronam(file) else { return };
        let marker = page.markers.iter().find(|marker| marker.line == line);
        assert_eq!(marker.map(|marker| marker.kind), Some(MarkerKind::Jump), "{file}:{line} is not read as a jump");
        let expected = Jump { page: page_number, label: label.map(str::to_owned), article: None, column: None, keyword: None };
        let found = page.articles.iter().any(|article| {
            let jump = if from { &article.continued_from } else { &article.continued_on };
            jump.as_ref() == Some(&expected)
        });
        assert!(found, "{file}:{line}: no article jumps {} {expected:?}", if from { "from" } else { "on" });
        let text = std::fs::read_to_string(format!("{CHRONAM}/{file}")).unwrap();
        let printed = text.lines().nth(line - 1).unwrap().trim();
        assert!(
            !all_paragraphs(&page).iter().any(|paragraph| paragraph.contains(printed)),
            "{printed} stayed in the text"
        );
    }
}

#[test]
fn hyphenated_line_ends_rejoin_on_1916_pages() {
    let Some(page) = chronam("19161230/sn85038411-ed-1_seq-1.txt") else {
        return;
    };
    let texts = all_texts(&page);
    // Lines 410-411, a deck: `Not Influenced bv Mis-` / `conceptions`.
    assert!(texts.iter().any(|text| text.contains("Not Influenced bv Misconceptions")), "Mis- / conceptions");
    // Line 540-541: `Dec. 30.—Major-` / `General Funston`: a capital keeps the hyphen.
    assert!(texts.iter().any(|text| text.contains("Major-General Funston")), "Major- / General");
    let Some(page) = chronam("19161230/sn87057262-ed-1_seq-1.txt") else {
        return;
    };
    assert!(all_texts(&page).iter().any(|text| text.contains("various inundated districts, puts")), "dis- / tricts");
}

#[test]
fn bylines_and_datelines_on_1916_pages() {
    let Some(page) = chronam("19161121/sn85042243-ed-1_seq-1.txt") else {
        return;
    };
    let simms = page.articles.iter().find(|article| article.byline.as_deref() == Some("By WILLIAM PHILIP SIMMS."));
    let simms = simms.expect("the byline By WILLIAM PHILIP SIMMS.");
    assert!(simms
        .headline
        .as_deref()
        .is_some_and(|headline| headline.contains("\"FAIR SCRAP\" AND THE \"BEST MAN\" WON")));
    let Some(page) = chronam("19161230/sn87057262-ed-1_seq-1.txt") else {
        return;
    };
    assert!(
        all_paragraphs(&page).iter().any(|text| text.starts_with("WASHINGTON, Dec. 30.—The idea a break with Germany")),
        "the dateline opens its paragraph"
    );
}
