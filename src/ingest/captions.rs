//! Photo captions: a block that opens with an arrow pointing at its picture
//! (`▲` above, `▼` below, `◀` left, `▶` right), runs over a few short lines
//! and may end with the photographer's credit on a line of its own
//! (`刘 栋 摄`, `新华社记者 李 明 摄`, `Photo by JOHN SMITH`).
//!
//! A caption ends with its first line that closes a sentence (or, when a
//! credit closes its block, at that credit: a caption of two sentences), at
//! a blank line, before another arrow, at its credit, or after
//! [`MAX_CAPTION_LINES`] lines (an arrow that OCR found in running text must
//! not swallow the page). Where the figure goes in the article is the page
//! reader's business.

use crate::corpus::{Figure, Placement};

use super::columns::join_into;
use super::lang::Lang;
use super::lines::{is_closed, Line};
use super::names::tighten_names;
use super::{Marker, MarkerKind};

/// The most lines a caption runs over before its credit.
pub(super) const MAX_CAPTION_LINES: usize = 8;

/// A caption read from the page: the figure, how many lines it took, and the
/// markers removed from them.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Caption {
    pub figure: Figure,
    pub lines: usize,
    pub markers: Vec<Marker>,
}

/// Where the picture stands, as the arrow opening a caption says.
pub(super) fn placement(arrow: char) -> Option<Placement> {
    match arrow {
        '▲' | '△' => Some(Placement::Above),
        '▼' | '▽' => Some(Placement::Below),
        '◀' | '◁' | '◄' => Some(Placement::Left),
        '▶' | '▷' | '►' => Some(Placement::Right),
        _ => None,
    }
}

fn opening_arrow(text: &str) -> Option<(char, Placement)> {
    let arrow = text.chars().next()?;
    Some((arrow, placement(arrow)?))
}

/// The caption that starts at `lines[0]`, if that line opens with an arrow.
pub(super) fn take_caption(lines: &[Line<'_>], lang: Lang) -> Option<Caption> {
    let first = lines.first()?;
    let (arrow, placement) = opening_arrow(first.text)?;
    let mut markers = vec![first.marker(&first.text[..arrow.len_utf8()], MarkerKind::CaptionArrow)];
    let mut caption = String::new();
    join_into(&mut caption, first.text[arrow.len_utf8()..].trim(), lang);
    let mut used = 1;
    let mut closed = is_closed(&caption);
    while !closed && used < MAX_CAPTION_LINES {
        let Some(line) = lines.get(used) else { break };
        let gap = line.after_blank() && !caption.is_empty();
        if gap || opening_arrow(line.text).is_some() || credit(line.text).is_some() {
            break;
        }
        join_into(&mut caption, line.text, lang);
        closed = is_closed(line.text);
        used += 1;
    }
    // More sentences, when the block's credit line ends them.
    let rest = &lines[used..lines.len().min(MAX_CAPTION_LINES)];
    let end = rest.iter().position(|line| line.after_blank() || opening_arrow(line.text).is_some() || credit(line.text).is_some());
    if let Some(count) = end.filter(|&count| count > 0 && !rest[count].after_blank() && credit(rest[count].text).is_some()) {
        for line in &rest[..count] {
            join_into(&mut caption, line.text, lang);
        }
        used += count;
    }
    let mut figure = Figure { src: None, caption: None, credit: None, placement: Some(placement) };
    if let Some(line) = lines.get(used).filter(|line| !line.after_blank()) {
        if let Some((name, marker)) = credit(line.text) {
            markers.push(line.marker(marker, MarkerKind::Credit));
            figure.credit = Some(name);
            used += 1;
        }
    }
    figure.caption = (!caption.is_empty()).then_some(caption);
    Some(Caption { figure, lines: used, markers })
}

/// A credit line: the name it credits (spaced-out Chinese names closed up)
/// and the wording removed (`摄`, `Photo by`).
fn credit(text: &str) -> Option<(String, &str)> {
    if let Some(name) = text.strip_suffix('摄') {
        let short = name.chars().count() <= 24 && !name.contains(['。', '，', '！', '？']);
        let wording = &text[name.len()..];
        let name = tighten_names(name);
        return (short && !name.is_empty()).then_some((name, wording));
    }
    let wording = text.trim_start_matches(['—', '–', '-', ' ']);
    let phrase = ["photographs by ", "photograph by ", "photos by ", "photo by "]
        .into_iter()
        .find(|phrase| wording.get(..phrase.len()).is_some_and(|start| start.eq_ignore_ascii_case(phrase)))?;
    let marker_end = text.len() - wording.len() + phrase.len();
    let name = text.get(marker_end..)?.trim();
    (!name.is_empty()).then(|| (name.to_owned(), text[..marker_end].trim_end()))
}

#[cfg(test)]
mod tests {
    use super::super::lines::page_lines;
    use super::*;

    fn caption_of(text: &str, lang: Lang) -> Caption {
        take_caption(&page_lines(text), lang).expect("a caption")
    }

    #[test]
    fn a_chinese_caption_runs_to_its_credit() {
        let caption =
            caption_of("▲国际友人参访\n青岛·上合之珠国际\n博览中心。\n刘 栋 摄\n\n术性教研基地", Lang::Chinese);
        assert_eq!(caption.figure.caption.as_deref(), Some("国际友人参访青岛·上合之珠国际博览中心。"));
        assert_eq!(caption.figure.credit.as_deref(), Some("刘栋"));
        assert_eq!(caption.figure.placement, Some(Placement::Above));
        assert_eq!(caption.lines, 4);
        let removed: Vec<&str> = caption.markers.iter().map(|marker| marker.text.as_str()).collect();
        assert_eq!(removed, ["▲", "摄"]);
    }

    #[test]
    fn a_caption_of_two_sentences_runs_to_the_credit_that_ends_its_block() {
        let caption = caption_of("▲3月5日，市民在\n中山公园赏玉兰。\n初春时节，公园里\n玉兰花竞相绽放。\n王 雷 摄\n\n新闻速览", Lang::Chinese);
        assert_eq!(caption.figure.caption.as_deref(), Some("3月5日，市民在中山公园赏玉兰。初春时节，公园里玉兰花竞相绽放。"));
        assert_eq!((caption.figure.credit.as_deref(), caption.lines), (Some("王雷"), 5));
        // Without a credit to end the block, the caption ends at its first sentence.
        let caption = caption_of("▲3月5日，市民赏玉兰。\n初春时节，公园里玉兰花竞相绽放。", Lang::Chinese);
        assert_eq!((caption.figure.caption.as_deref(), caption.lines), (Some("3月5日，市民赏玉兰。"), 1));
    }

    #[test]
    fn a_caption_without_credit_ends_at_its_sentence() {
        let caption = caption_of("◀一列满载货物\n的中欧班列缓缓驶出\n上合示范区。\n术性教研基地等", Lang::Chinese);
        assert_eq!(caption.figure.caption.as_deref(), Some("一列满载货物的中欧班列缓缓驶出上合示范区。"));
        assert_eq!((caption.figure.credit, caption.figure.placement, caption.lines), (None, Some(Placement::Left), 3));
    }

    #[test]
    fn credits_lose_their_wording() {
        assert_eq!(credit("新华社记者 李 明 摄"), Some(("新华社记者 李明".to_owned(), "摄")));
        assert_eq!(credit("—Photos by Roshon."), Some(("Roshon.".to_owned(), "—Photos by")));
        assert_eq!(credit("Photo by JOHN SMITH"), Some(("JOHN SMITH".to_owned(), "Photo by")));
        assert_eq!(credit("摄"), None);
        assert_eq!(credit("他说，这张照片是我摄"), None);
    }

    #[test]
    fn an_english_caption_and_credit() {
        let caption = caption_of("▶ The mayor opens the new\nbridge on Tuesday.\nPhoto by JOHN SMITH", Lang::English);
        assert_eq!(caption.figure.caption.as_deref(), Some("The mayor opens the new bridge on Tuesday."));
        assert_eq!(caption.figure.credit.as_deref(), Some("JOHN SMITH"));
        assert_eq!(caption.figure.placement, Some(Placement::Right));
    }

    #[test]
    fn an_unclosed_caption_stops_after_its_limit() {
        let text = "▼ the troops\n".to_owned() + &"and more words\n".repeat(20);
        assert_eq!(caption_of(&text, Lang::English).lines, MAX_CAPTION_LINES);
    }
}
