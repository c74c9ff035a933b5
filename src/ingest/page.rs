//! Reading a page: lines become articles with heads, paragraphs, subheads,
//! figures and jumps.
//!
//! First every line is read on its own (a caption, a jump marker, or text);
//! then the text lines are walked in order, each decided by where it stands:
//! a line that does not close its sentence continues the paragraph before it
//! across blank lines and captions (a column break); with no paragraph open,
//! an unclosed line is a head line before an article's text, a subhead inside
//! it, or the head of the next article when a byline, a second head line or a
//! `（上接第一版）` follows it. A caption met inside an open paragraph waits
//! until the paragraph ends, so it never splits one.
//!
//! A Chinese page laid out by blank lines (articles two or more blank lines
//! apart, paragraphs one: [`by_gaps`]) is read by that layout first: a wide
//! gap ends the article unless a paragraph is open across it, the lines
//! that open an article up to its first gap are its head whatever they
//! end with (`守住！（来自一线的报道）`), and inside an article short lines
//! are subheads, never the head of another article (`镜头一`).
//!
//! The rules for single lines live in [`super::head`], [`super::captions`],
//! [`super::jumps`] and [`super::columns`]; linking pages is
//! [`super::link`]'s job.

use std::mem;

use crate::corpus::{Article, Block, Figure, Jump};

use super::captions::take_caption;
use super::columns::join_into;
use super::head::{byline, is_byline, is_capitals, is_dateline, is_title_case, share_head};
use super::jumps::{find_jump, Direction};
use super::lang::Lang;
use super::lines::{chars, ends_with_full_stop, is_closed, Line};
use super::{Marker, MarkerKind};

/// A Chinese head line or subhead is at most this many characters; a longer
/// unclosed line is a paragraph cut by a column break.
const MAX_CHINESE_HEAD_CHARS: usize = 30;

/// On a page laid out by blank lines, a head line that opens an article may
/// be this long (a State Council meeting's headline lists its measures).
const MAX_LAID_OUT_HEAD_CHARS: usize = 48;

/// A deck set under a one-line headline after a blank line may run to a
/// sentence or two (unclosed: a paragraph closes its sentence).
const MAX_LAID_OUT_DECK_CHARS: usize = 100;

/// How many blank lines part two articles on a page laid out by blank lines.
const ARTICLE_GAP: usize = 2;

/// The most lines a head stack holds before further lines count as text.
fn max_head_lines(lang: Lang) -> usize {
    match lang {
        Lang::Chinese => 4,
        // 1916 front pages stack a dozen banks of headline and deck.
        Lang::English => 20,
    }
}

/// One line read on its own, before its neighbours are considered.
#[derive(Clone, Debug)]
enum Unit<'a> {
    Text(Line<'a>),
    Jump { line: Line<'a>, direction: Direction, jump: Jump, marker: &'a str },
    /// A captioned figure, where its caption starts in the page text, and
    /// the blank lines before it.
    Figure { figure: Figure, start: usize, blanks: usize },
}

impl Unit<'_> {
    /// The blank lines just before the unit.
    fn blanks(&self) -> usize {
        match self {
            Unit::Text(line) | Unit::Jump { line, .. } => line.blanks,
            Unit::Figure { blanks, .. } => *blanks,
        }
    }
}

/// Whether a Chinese page is laid out by blank lines: articles two or more
/// blank lines apart, paragraphs one. Wide gaps inside a paragraph (a column
/// break around a photo) do not count: a page is taken to follow the layout
/// when at least two wide gaps follow a closed sentence, a figure or a jump.
fn by_gaps(units: &[Unit<'_>], lang: Lang) -> bool {
    lang == Lang::Chinese
        && units
            .windows(2)
            .filter(|pair| {
                let closed = match &pair[0] {
                    Unit::Text(line) => is_closed(line.text),
                    Unit::Jump { .. } | Unit::Figure { .. } => true,
                };
                closed && pair[1].blanks() >= ARTICLE_GAP
            })
            .count()
            >= 2
}

/// The articles of a page's lines, with ids `{date}-p{page}-{n}`, the
/// markers the reading removed, and whether the page was read by its
/// blank-line layout ([`by_gaps`]).
pub(super) fn read_articles(lines: &[Line<'_>], lang: Lang, date: &str, page: u32) -> (Vec<Article>, Vec<Marker>, bool) {
    let mut markers = Vec::new();
    let units = units(lines, lang, &mut markers);
    let mut reader = Reader {
        lang,
        by_gaps: by_gaps(&units, lang),
        date,
        page,
        short: short_line_chars(&units),
        units: &units,
        draft: Draft::default(),
        articles: Vec::new(),
        markers,
    };
    for index in 0..units.len() {
        reader.read(index);
    }
    reader.finish_article();
    reader.markers.sort_by_key(|marker| marker.offset);
    (reader.articles, reader.markers, reader.by_gaps)
}

fn units<'a>(lines: &[Line<'a>], lang: Lang, markers: &mut Vec<Marker>) -> Vec<Unit<'a>> {
    let mut units = Vec::with_capacity(lines.len());
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index];
        if let Some(caption) = take_caption(&lines[index..], lang) {
            markers.extend(caption.markers);
            units.push(Unit::Figure { figure: caption.figure, start: line.start, blanks: line.blanks });
            index += caption.lines;
            continue;
        }
        // What follows a jump may be another one: two columns' jump lines
        // run together (`(Continued on Page Two) (Continued on Page Three)`).
        let mut rest = Some(line);
        while let Some((part, found)) = rest.and_then(|part| find_jump(part.text).map(|found| (part, found))) {
            if !found.before.trim().is_empty() {
                units.push(Unit::Text(part.with_text(found.before)));
            }
            units.push(Unit::Jump { line: part, direction: found.direction, jump: found.jump, marker: found.marker });
            rest = (!found.after.trim().is_empty()).then(|| Line { blanks: 0, ..part.with_text(found.after) });
        }
        units.extend(rest.map(Unit::Text));
        index += 1;
    }
    units
}

/// English columns: a line shorter than this that closes a sentence ends its
/// paragraph (the last line of a paragraph rarely fills the column), and only
/// a line this short can be a deck or subhead. Most lines of a page fill
/// their column, so the upper quartile of line lengths is the column width,
/// even on a short page whose head lines are many.
fn short_line_chars(units: &[Unit<'_>]) -> usize {
    let mut lengths: Vec<usize> = units
        .iter()
        .filter_map(|unit| match unit {
            Unit::Text(line) => Some(chars(line.text)),
            _ => None,
        })
        .collect();
    if lengths.is_empty() {
        return 0;
    }
    let upper_quartile = lengths.len() * 3 / 4;
    let (_, column, _) = lengths.select_nth_unstable(upper_quartile);
    *column * 4 / 5
}

/// The article being read.
#[derive(Default)]
struct Draft<'a> {
    head: Vec<&'a str>,
    byline: Option<Line<'a>>,
    blocks: Vec<Block>,
    /// A paragraph whose last piece did not close a sentence: the next text
    /// continues it.
    open: Option<String>,
    /// Captions met while a paragraph was open; they follow it.
    deferred: Vec<Figure>,
    /// Where each figure's caption starts in the page text, in arrival order.
    figure_starts: Vec<usize>,
    continued_from: Option<Jump>,
    continued_on: Option<Jump>,
    /// Jump markers and byline boxes taken from this article's lines.
    markers: Vec<Marker>,
}

impl Draft<'_> {
    /// Nothing read into it yet.
    fn is_empty(&self) -> bool {
        self.head.is_empty() && self.byline.is_none() && !self.has_text() && !self.has_jump()
    }

    fn has_text(&self) -> bool {
        !self.blocks.is_empty() || self.open.is_some() || !self.deferred.is_empty()
    }

    fn has_jump(&self) -> bool {
        self.continued_from.is_some() || self.continued_on.is_some()
    }

    fn close_paragraph(&mut self) {
        if let Some(text) = self.open.take() {
            self.blocks.push(Block::Paragraph { text });
        }
        self.blocks.extend(self.deferred.drain(..).map(Block::Figure));
    }
}

struct Reader<'a, 'u> {
    lang: Lang,
    /// The page is laid out by blank lines ([`by_gaps`]).
    by_gaps: bool,
    date: &'u str,
    page: u32,
    short: usize,
    units: &'u [Unit<'a>],
    draft: Draft<'a>,
    articles: Vec<Article>,
    markers: Vec<Marker>,
}

impl<'a> Reader<'a, '_> {
    fn read(&mut self, index: usize) {
        if self.by_gaps && self.units[index].blanks() >= ARTICLE_GAP && self.draft.open.is_none() && !self.draft.is_empty() {
            self.finish_article();
        }
        match &self.units[index] {
            Unit::Figure { figure, start, .. } => {
                self.draft.figure_starts.push(*start);
                let block = figure.clone();
                if self.draft.open.is_some() {
                    self.draft.deferred.push(block);
                } else {
                    self.draft.blocks.push(Block::Figure(block));
                }
            }
            Unit::Jump { line, direction, jump, marker } => {
                let marker = line.marker(marker, MarkerKind::Jump);
                match direction {
                    Direction::From => {
                        if self.draft.has_text() || self.draft.has_jump() {
                            self.finish_article();
                        }
                        self.draft.continued_from = Some(jump.clone());
                        self.draft.markers.push(marker);
                    }
                    Direction::On => {
                        if self.draft.continued_on.is_some() {
                            self.finish_article();
                        }
                        self.draft.continued_on = Some(jump.clone());
                        self.draft.markers.push(marker);
                        self.finish_article();
                    }
                }
            }
            Unit::Text(line) => self.read_text(index, *line),
        }
    }

    fn read_text(&mut self, index: usize, line: Line<'a>) {
        let text = line.text;
        if self.draft.open.is_some() {
            // OCR runs columns together: a line in capitals is a new headline
            // even where the column before it was cut off.
            if self.lang == Lang::English && is_capitals(text) && self.opens_article(index) {
                self.start_article(text);
            } else {
                self.continue_paragraph(index, text);
            }
            return;
        }
        if !self.draft.has_text() {
            if self.draft.byline.is_none() && is_byline(text) {
                let (_, boxed) = byline(text);
                if let Some(mark) = boxed {
                    self.draft.markers.push(line.marker(&text[..mark.len_utf8()], MarkerKind::BylineBox));
                }
                self.draft.byline = Some(line);
            } else if self.takes_head_line(index) {
                self.draft.head.push(text);
            } else {
                self.continue_paragraph(index, text);
            }
            return;
        }
        if self.opens_article(index) {
            self.start_article(text);
        } else if self.is_subhead(index) {
            self.draft.blocks.push(Block::Subhead { text: text.to_owned() });
        } else {
            self.continue_paragraph(index, text);
        }
    }

    fn text_at(&self, index: usize) -> Option<Line<'a>> {
        match self.units.get(index) {
            Some(Unit::Text(line)) => Some(*line),
            _ => None,
        }
    }

    /// A line that may stand above an article's text: it does not close a
    /// sentence (English capitals may: `REDUCTION CO.`), is no dateline or
    /// byline, and in English is set in capitals or title case.
    fn is_head_like(&self, text: &str) -> bool {
        if is_dateline(text) || is_byline(text) {
            return false;
        }
        match self.lang {
            Lang::Chinese => !is_closed(text),
            Lang::English => is_capitals(text) || (is_title_case(text) && !is_closed(text) && chars(text) < self.short),
        }
    }

    /// Before any text: is the line one more head line?
    fn takes_head_line(&self, index: usize) -> bool {
        let draft = &self.draft;
        let Some(line) = self.text_at(index) else { return false };
        let open =
            draft.byline.is_none() && draft.continued_from.is_none() && draft.head.len() < max_head_lines(self.lang);
        if self.by_gaps {
            return open && self.is_laid_out_head_line(index, line);
        }
        // `Not Influenced by Mis-` / `conceptions`: a word the head broke.
        let breaks_word =
            self.lang == Lang::English && draft.head.last().is_some_and(|last| last.ends_with(['-', '\u{AD}']));
        open && (breaks_word || self.is_head_like(line.text) || self.is_long_deck_line(index))
    }

    /// On a page laid out by blank lines: the lines an article opens with,
    /// up to its first blank line, are its head (a deck may follow one
    /// headline after a blank line), when more of the article follows, none
    /// is long, and none ends with a full stop (a headline may end with `！`
    /// or `？`, or with a series tag in brackets).
    fn is_laid_out_head_line(&self, index: usize, line: Line<'a>) -> bool {
        let first_block = (self.draft.head.is_empty() || line.blanks == 0) && chars(line.text) <= MAX_LAID_OUT_HEAD_CHARS;
        let deck_after_one_line = self.draft.head.len() == 1
            && line.blanks == 1
            && !is_closed(line.text)
            && chars(line.text) <= MAX_LAID_OUT_DECK_CHARS;
        let more_follows = self.units.get(index + 1).is_some_and(|next| next.blanks() < ARTICLE_GAP);
        (first_block || deck_after_one_line) && more_follows && !ends_with_full_stop(line.text) && !is_dateline(line.text)
    }

    /// English decks are often set as wide as the column: a title-case line
    /// of any length belongs to the head when, after more such lines, a
    /// byline or a short head line follows, as body text does not.
    fn is_long_deck_line(&self, index: usize) -> bool {
        let is_deck_like = |text: &str| is_title_case(text) && !is_closed(text) && !is_dateline(text);
        if self.lang != Lang::English || !self.text_at(index).is_some_and(|line| is_deck_like(line.text)) {
            return false;
        }
        for next in (index + 1..).take(max_head_lines(self.lang)) {
            match self.text_at(next) {
                Some(line) if is_byline(line.text) || self.is_head_like(line.text) => return true,
                Some(line) if is_deck_like(line.text) => continue,
                _ => return false,
            }
        }
        false
    }

    /// After some text: does the line start the next article's head?
    fn opens_article(&self, index: usize) -> bool {
        let Some(line) = self.text_at(index) else { return false };
        if !self.is_head_like(line.text) || (self.lang == Lang::Chinese && chars(line.text) > MAX_CHINESE_HEAD_CHARS) {
            return false;
        }
        match self.units.get(index + 1) {
            Some(Unit::Jump { direction: Direction::From, .. }) => true,
            Some(Unit::Text(next)) if is_byline(next.text) => true,
            // Laid out by blank lines, an article starts after a wide gap;
            // two short lines inside one are its subheads (`镜头一`).
            Some(Unit::Text(_)) if self.by_gaps => false,
            Some(Unit::Text(next)) => match self.lang {
                Lang::Chinese => self.is_head_like(next.text) && chars(next.text) <= MAX_CHINESE_HEAD_CHARS,
                Lang::English => is_capitals(line.text) || self.is_head_like(next.text),
            },
            _ => self.lang == Lang::English && is_capitals(line.text),
        }
    }

    /// A short unclosed line between paragraphs.
    fn is_subhead(&self, index: usize) -> bool {
        let Some(line) = self.text_at(index) else { return false };
        let text = line.text;
        let fits = match self.lang {
            Lang::Chinese => chars(text) <= MAX_CHINESE_HEAD_CHARS,
            Lang::English => is_title_case(text) && chars(text) < self.short,
        };
        fits && !is_closed(text) && !is_dateline(text) && !is_byline(text) && self.text_at(index + 1).is_some()
    }

    fn continue_paragraph(&mut self, index: usize, text: &str) {
        let open = self.draft.open.get_or_insert_with(String::new);
        join_into(open, text, self.lang);
        if self.ends_paragraph(index, text) {
            self.draft.close_paragraph();
        }
    }

    fn ends_paragraph(&self, index: usize, text: &str) -> bool {
        if !is_closed(text) {
            return false;
        }
        match self.lang {
            Lang::Chinese => true,
            Lang::English => self.text_at(index + 1).is_none_or(|next| next.after_blank()) || chars(text) < self.short,
        }
    }

    fn start_article(&mut self, head_line: &'a str) {
        self.finish_article();
        self.draft.head.push(head_line);
    }

    /// Ends the article being read. An article left with neither headline
    /// nor text (a jump line or byline with nothing under it) keeps those
    /// lines as its text instead, so nothing is lost and no article is empty.
    fn finish_article(&mut self) {
        let mut draft = mem::take(&mut self.draft);
        draft.close_paragraph();
        let head = share_head(&draft.head, self.lang);
        let mut article = Article {
            id: format!("{}-p{}-{}", self.date, self.page, self.articles.len() + 1),
            page: self.page,
            kicker: head.kicker,
            headline: head.headline,
            deck: head.deck,
            byline: draft.byline.map(|line| byline(line.text).0),
            blocks: draft.blocks,
            continued_from: draft.continued_from,
            continued_on: draft.continued_on,
        };
        if article.is_empty() {
            let mut leftovers: Vec<(usize, &str)> = draft
                .markers
                .iter()
                .filter(|m| m.kind == MarkerKind::Jump)
                .map(|m| (m.offset, m.text.as_str()))
                .collect();
            leftovers.extend(draft.byline.map(|line| (line.start, line.text)));
            // A photo credit with no caption beside it: its name stays as text.
            let figures = article.blocks.iter().filter_map(|block| match block {
                Block::Figure(figure) => Some(figure.credit.as_deref()),
                _ => None,
            });
            leftovers.extend(draft.figure_starts.iter().zip(figures).filter_map(|(&start, credit)| Some((start, credit?))));
            if leftovers.is_empty() {
                return;
            }
            leftovers.sort_by_key(|&(offset, _)| offset);
            let mut text = String::new();
            for (_, piece) in leftovers {
                join_into(&mut text, piece, self.lang);
            }
            article.blocks.clear();
            article.blocks.push(Block::Paragraph { text });
            article.byline = None;
            article.continued_from = None;
            article.continued_on = None;
        } else {
            self.markers.append(&mut draft.markers);
        }
        self.articles.push(article);
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines::page_lines;
    use super::*;

    fn read(text: &str, lang: Lang) -> Vec<Article> {
        read_articles(&page_lines(text), lang, "2024-09-12", 1).0
    }

    fn texts(article: &Article) -> Vec<&str> {
        article.texts().collect()
    }

    #[test]
    fn three_head_lines_are_kicker_headline_and_deck() {
        let articles = read(
            "深化改革　勇于担当\n当好促进派实干家\n——写在全会召开之际\n本报评论员\n改革开放是关键一招。",
            Lang::Chinese,
        );
        let article = &articles[0];
        assert_eq!(article.kicker.as_deref(), Some("深化改革　勇于担当"));
        assert_eq!(article.headline.as_deref(), Some("当好促进派实干家"));
        assert_eq!(article.deck.as_deref(), Some("——写在全会召开之际"));
        assert_eq!(article.byline.as_deref(), Some("本报评论员"));
    }

    #[test]
    fn a_dateline_on_its_own_line_opens_the_paragraph() {
        let articles = read("会议召开\n\n本报北京1月9日电\n\n记者从会上获悉，会议开得很好。", Lang::Chinese);
        assert_eq!(texts(&articles[0]), ["本报北京1月9日电记者从会上获悉，会议开得很好。"]);
        let articles = read("COUNCIL MEETS\nWASHINGTON, Jan. 3.—\nThe council met.", Lang::English);
        assert_eq!(texts(&articles[0]), ["WASHINGTON, Jan. 3.—The council met."]);
    }

    #[test]
    fn a_short_line_between_paragraphs_is_a_subhead_unless_a_head_follows() {
        let articles = read("标题\n\n第一段。\n\n小标题\n\n第二段。\n\n下一篇\n本报记者 王萌\n正文。", Lang::Chinese);
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[0].blocks[1], Block::Subhead { text: "小标题".to_owned() });
        assert_eq!(articles[1].headline.as_deref(), Some("下一篇"));
    }

    #[test]
    fn a_jump_line_with_nothing_under_it_stays_text() {
        let articles = read("(Continued on page 2)\n(Continued on page 2.)", Lang::English);
        assert_eq!(
            articles.iter().flat_map(texts).collect::<Vec<_>>(),
            ["(Continued on page 2)", "(Continued on page 2.)"]
        );
        assert!(articles.iter().all(|article| article.continued_on.is_none()));
    }

    #[test]
    fn an_english_paragraph_ends_at_a_short_closing_line() {
        let text = "The council met last night in the hall\nand passed the budget for the year.\nIt adjourned.\nThe mayor spoke for an hour about the\nnew bridge over the river.";
        let articles = read(text, Lang::English);
        assert_eq!(
            texts(&articles[0]),
            [
                "The council met last night in the hall and passed the budget for the year. It adjourned.",
                "The mayor spoke for an hour about the new bridge over the river.",
            ]
        );
    }
}
