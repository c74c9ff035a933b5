//! An ALTO file's page as blocks of lines of words, in the order the file
//! gives them (the OCR's reading order), each block with its box and the
//! size of its type.
//!
//! Reads every ALTO version in use: 1.x without a namespace or in the
//! vendor namespace some libraries used (`http://schema.ccs-gmbh.com/ALTO`),
//! and 2.x, 3.x and 4.x in the Library of Congress namespaces. A word split
//! by hyphenation across lines is joined into one (its parts' `CONTENT`
//! run together, the hyphen dropped), whether the file marks it with `HYP`
//! or with `SUBS_TYPE`. Words keep their `CONTENT` exactly: nothing of the
//! text is corrected or dropped.
//!
//! What it does not do: group blocks into articles ([`super::articles`]),
//! or read METS.

use roxmltree::{Document, Node};

use crate::search::is_ideograph;

/// The namespaces of the ALTO versions read, with their names.
const NAMESPACES: [(&str, &str); 5] = [
    ("http://schema.ccs-gmbh.com/ALTO", "ALTO 1.x"),
    ("http://www.loc.gov/standards/alto/ns-v1#", "ALTO 1.x"),
    ("http://www.loc.gov/standards/alto/ns-v2#", "ALTO 2.x"),
    ("http://www.loc.gov/standards/alto/ns-v3#", "ALTO 3.x"),
    ("http://www.loc.gov/standards/alto/ns-v4#", "ALTO 4.x"),
];

/// Why a file could not be read as ALTO, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AltoError {
    /// Line and column in the file, from 1.
    pub line: u32,
    pub column: u32,
    pub message: String,
}

/// A page of an ALTO file.
#[derive(Clone, Debug, PartialEq)]
pub struct PageLayout {
    /// The version, as its namespace names it (`ALTO 3.x`).
    pub version: &'static str,
    /// The unit of every coordinate: `pixel`, `mm10` or `inch1200`.
    pub unit: String,
    /// The text blocks, in the file's order.
    pub blocks: Vec<TextBlock>,
    /// How many illustrations and graphical elements the page has.
    pub illustrations: usize,
}

/// A text block: its lines, joined, and the size of its type.
#[derive(Clone, Debug, PartialEq)]
pub struct TextBlock {
    /// The block's text: its lines joined (a space between words and
    /// between lines, none between two ideographs; a hyphenated word whole).
    pub text: String,
    /// How many lines it has.
    pub lines: usize,
    /// The size of its type, in the file's unit: the font size its styles
    /// give (points, scaled to the unit), else its lines' median height.
    pub size: f32,
    /// Whether its styles make it bold.
    pub bold: bool,
}

/// Reads the ALTO file `xml`.
pub fn read(xml: &str) -> Result<PageLayout, AltoError> {
    let document = Document::parse(xml).map_err(|error| {
        let at = error.pos();
        // Its message ends with the place, which the error carries apart.
        let message = error.to_string();
        let message = message.strip_suffix(&format!(" at {at}")).unwrap_or(&message);
        AltoError { line: at.row, column: at.col, message: format!("not well-formed XML: {message}") }
    })?;
    let root = document.root_element();
    let fail = |node: Node, message: String| {
        let at = document.text_pos_at(node.range().start);
        AltoError { line: at.row, column: at.col, message }
    };
    if !root.tag_name().name().eq_ignore_ascii_case("alto") {
        return Err(fail(root, format!("not an ALTO file: its root element is <{}>", root.tag_name().name())));
    }
    let namespace = root.tag_name().namespace();
    let version = match namespace {
        None => "ALTO 1.x",
        Some(namespace) => NAMESPACES.iter().find(|(known, _)| *known == namespace).map(|(_, name)| *name).ok_or_else(|| {
            fail(root, format!("an ALTO version Broadsheet does not read: namespace {namespace} (it reads ALTO 1.x to 4.x)"))
        })?,
    };
    let unit_node = child(root, "Description").and_then(|description| child(description, "MeasurementUnit"));
    let unit = unit_node.and_then(|unit| unit.text()).map_or("mm10", str::trim).to_owned();
    // Type sizes are in points; the blocks' boxes in the unit.
    let per_point = match unit.as_str() {
        "pixel" => None,
        "mm10" => Some(254.0 / 72.0),
        "inch1200" => Some(1200.0 / 72.0),
        other => return Err(fail(unit_node.unwrap_or(root), format!("unknown MeasurementUnit \"{other}\" (ALTO has pixel, mm10 and inch1200)"))),
    };
    let styles = Styles::of(root);
    let layout = child(root, "Layout").ok_or_else(|| fail(root, "no <Layout> element: an ALTO file describes a page in one".to_owned()))?;
    let pages: Vec<Node> = layout.children().filter(|child| child.is_element() && child.tag_name().name() == "Page").collect();
    let page = match pages[..] {
        [page] => page,
        [] => return Err(fail(layout, "no <Page> in <Layout>".to_owned())),
        [_, second, ..] => return Err(fail(second, format!("{} pages in one file: give Broadsheet one page a file", pages.len()))),
    };
    let mut blocks = Vec::new();
    let mut illustrations = 0;
    for node in page.descendants().filter(Node::is_element) {
        match node.tag_name().name() {
            "TextBlock" => {
                if let Some(block) = text_block(node, &styles, per_point) {
                    blocks.push(block);
                }
            }
            "Illustration" | "GraphicalElement" => illustrations += 1,
            _ => {}
        }
    }
    Ok(PageLayout { version, unit, blocks, illustrations })
}

/// The first child element of `parent` named `name`.
fn child<'a, 'input>(parent: Node<'a, 'input>, name: &str) -> Option<Node<'a, 'input>> {
    parent.children().find(|node| node.is_element() && node.tag_name().name() == name)
}

/// The page's text styles: font size (points) and whether bold, by ID.
struct Styles<'a> {
    text: Vec<(&'a str, Option<f32>, bool)>,
}

impl<'a> Styles<'a> {
    fn of(root: Node<'a, '_>) -> Styles<'a> {
        let text = root
            .descendants()
            .filter(|node| node.is_element() && node.tag_name().name() == "TextStyle")
            .filter_map(|style| {
                let id = style.attribute("ID")?;
                let size = style.attribute("FONTSIZE").and_then(|size| size.trim().parse::<f32>().ok()).filter(|size| *size > 0.0);
                let bold = style.attribute("FONTSTYLE").is_some_and(|style| style.contains("bold"));
                Some((id, size, bold))
            })
            .collect();
        Styles { text }
    }

    /// The size and boldness the first text style among `refs` gives.
    fn of_refs(&self, refs: Option<&str>) -> Option<(Option<f32>, bool)> {
        refs?.split_whitespace().find_map(|id| self.text.iter().find(|(known, ..)| *known == id).map(|(_, size, bold)| (*size, *bold)))
    }
}

/// A text block read: `None` when it has no words.
fn text_block(node: Node, styles: &Styles, per_point: Option<f32>) -> Option<TextBlock> {
    let mut text = String::new();
    let mut heights: Vec<f32> = Vec::new();
    let mut sizes: Vec<(f32, usize)> = Vec::new();
    let (mut bold_chars, mut chars) = (0usize, 0usize);
    let block_style = styles.of_refs(node.attribute("STYLEREFS"));
    // Whether the last word was cut by hyphenation: the next one continues it.
    let mut continues = false;
    let mut lines = 0;
    for line in node.children().filter(|child| child.is_element() && child.tag_name().name() == "TextLine") {
        // An SP since the last word of this line: a space, even between ideographs.
        let mut spaced = false;
        let mut has_words = false;
        for item in line.children().filter(Node::is_element) {
            match item.tag_name().name() {
                "String" => {
                    let Some(content) = item.attribute("CONTENT").filter(|content| !content.trim().is_empty()) else { continue };
                    let content = content.trim();
                    if !continues && !text.is_empty() && (spaced || !closes_up(&text, content)) {
                        text.push(' ');
                    }
                    text.push_str(content);
                    has_words = true;
                    continues = item.attribute("SUBS_TYPE") == Some("HypPart1");
                    spaced = false;
                    let count = content.chars().count();
                    chars += count;
                    let style = styles.of_refs(item.attribute("STYLEREFS")).or(block_style);
                    if let Some(size) = style.and_then(|(size, _)| size) {
                        sizes.push((size, count));
                    }
                    let bold = style.is_some_and(|(_, bold)| bold) || item.attribute("STYLE").is_some_and(|style| style.contains("bold"));
                    if bold {
                        bold_chars += count;
                    }
                }
                "SP" => spaced = true,
                "HYP" => continues = true,
                _ => {}
            }
        }
        if has_words {
            lines += 1;
            if let Some(height) = line.attribute("HEIGHT").and_then(|height| height.trim().parse::<f32>().ok()).filter(|h| *h > 0.0) {
                heights.push(height);
            }
        }
    }
    if text.is_empty() {
        return None;
    }
    // Pixel files give no scale from points: their lines' heights serve first.
    let size = match per_point {
        Some(per_point) => weighted_median(&mut sizes).map(|points| points * per_point).or_else(|| median(&mut heights)),
        None => median(&mut heights).or_else(|| weighted_median(&mut sizes)),
    };
    let size = size.unwrap_or(0.0);
    Some(TextBlock { text, lines, size, bold: bold_chars * 2 > chars })
}

/// Whether the text before and the word after meet between two characters
/// of text that runs without spaces (Chinese and Japanese: ideographs,
/// kana, their punctuation and full-width forms).
fn closes_up(before: &str, after: &str) -> bool {
    let unspaced = |c: char| is_ideograph(c) || matches!(c, '\u{3000}'..='\u{30FF}' | '\u{FF00}'..='\u{FFEF}');
    before.chars().next_back().is_some_and(unspaced) && after.chars().next().is_some_and(unspaced)
}

fn median(values: &mut [f32]) -> Option<f32> {
    values.sort_by(f32::total_cmp);
    values.get(values.len() / 2).copied()
}

/// The value at the middle of the weights.
pub(super) fn weighted_median(values: &mut [(f32, usize)]) -> Option<f32> {
    values.sort_by(|a, b| a.0.total_cmp(&b.0));
    let total: usize = values.iter().map(|(_, weight)| weight).sum();
    let mut seen = 0;
    values.iter().find(|(_, weight)| {
        seen += weight;
        seen * 2 >= total
    })
    .map(|(value, _)| *value)
}
