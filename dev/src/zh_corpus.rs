//! A deterministic, realistic Chinese newspaper corpus for benchmarks and
//! tests: a character-level Markov model of a real page of 青岛日报 writes
//! articles of news-like lengths, laid out in editions of eight pages, some
//! continued from the front page to an inside page.
//!
//! The generator is code, not data: the same arguments always give the same
//! corpus (its random numbers come from a fixed SplitMix64, not from a crate
//! whose algorithm may change between versions). It does not write files;
//! `examples/zh_corpus.rs` does.

use std::collections::HashMap;

use broadsheet::corpus::{Article, Block, Corpus, Edition, Figure, Jump, Page, Publication};

/// The page of 青岛日报 the model learns from, relative to the repository.
pub const SEED_PAGE: &str = "../shared/seed/000_866a33b537f54303.txt";

/// Reads the seed page, relative to the repository (this crate's parent).
pub fn seed_text() -> std::io::Result<String> {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(SEED_PAGE))
}

/// SplitMix64: small, fast, and fixed forever.
pub struct Random(u64);

impl Random {
    pub fn new(seed: u64) -> Random {
        Random(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` (`bound > 0`).
    pub fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    /// A log-normal-ish length: the median times a factor between 1/4 and
    /// 4, skewed like real article lengths (many short, a few long).
    pub fn length(&mut self, median: usize) -> usize {
        let spread: f64 = (0..4).map(|_| self.next() as f64 / u64::MAX as f64).sum::<f64>() - 2.0;
        (median as f64 * 2f64.powf(spread * 1.2)).round().max(4.0) as usize
    }
}

/// An order-2 character Markov model.
pub struct Markov {
    successors: HashMap<[char; 2], Vec<char>>,
    states: Vec<[char; 2]>,
}

impl Markov {
    /// Learns from the non-empty lines of `text`, each a run of its own.
    pub fn train(text: &str) -> Markov {
        let mut successors: HashMap<[char; 2], Vec<char>> = HashMap::new();
        for line in text.lines().map(str::trim).filter(|line| !line.is_empty()) {
            let chars: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
            for window in chars.windows(3) {
                successors.entry([window[0], window[1]]).or_default().push(window[2]);
            }
        }
        let mut states: Vec<[char; 2]> = successors.keys().copied().collect();
        states.sort_unstable();
        Markov { successors, states }
    }

    /// About `len` characters of text, ending after a sentence end when one
    /// comes within a few characters.
    pub fn text(&mut self, random: &mut Random, len: usize) -> String {
        let mut state = self.states[random.below(self.states.len())];
        let mut out: String = state.iter().collect();
        let mut count = 2;
        while count < len || (count < len + 24 && !out.ends_with('。')) {
            let next = match self.successors.get(&state) {
                Some(choices) => choices[random.below(choices.len())],
                None => {
                    state = self.states[random.below(self.states.len())];
                    continue;
                }
            };
            out.push(next);
            state = [state[1], next];
            count += 1;
        }
        out
    }

    /// A headline-like line: no sentence punctuation.
    pub fn line(&mut self, random: &mut Random, len: usize) -> String {
        self.text(random, len).chars().filter(|c| !"。，、；：“”".contains(*c)).take(len).collect()
    }

    /// A line of `min` to `min + spread - 1` characters.
    pub fn line_between(&mut self, random: &mut Random, min: usize, spread: usize) -> String {
        let len = min + random.below(spread);
        self.line(random, len)
    }
}

const PAGES: u32 = 8;
const ARTICLES_PER_EDITION: usize = 48;
/// Median article length in characters, about that of the seed page's.
const MEDIAN_ARTICLE: usize = 700;
const SURNAMES: &str = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
const GIVEN: &str = "萌栋伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚";

/// A corpus of `articles` articles written by a model of `seed_text`,
/// deterministic in `seed`.
pub fn generate(seed_text: &str, articles: usize, seed: u64) -> Corpus {
    let mut model = Markov::train(seed_text);
    let mut random = Random::new(seed);
    let mut corpus = Corpus::new(Publication { title: "青岛日报".to_owned(), lang: "zh-CN".to_owned() });
    let mut written = 0;
    let mut day = 0;
    while written < articles {
        let count = ARTICLES_PER_EDITION.min(articles - written);
        corpus.editions.push(edition(&mut model, &mut random, day, count));
        written += count;
        day += 1;
    }
    corpus
}

fn edition(model: &mut Markov, random: &mut Random, day: usize, count: usize) -> Edition {
    let date = date_after(2024, 1, 1, day);
    let mut articles: Vec<Article> = (0..count)
        .map(|i| {
            let page = 1 + (i * PAGES as usize / count.max(1)) as u32;
            article(model, random, format!("{date}-{i}"), page)
        })
        .collect();
    // About one front-page article in four continues on an inside page.
    let front: Vec<usize> = (0..articles.len()).filter(|&i| articles[i].page == 1).collect();
    for &i in &front {
        if random.chance(25) && articles[i].blocks.len() >= 2 {
            let continued = continuation(&mut articles[i], random, format!("{date}-{i}-cont"));
            articles.push(continued);
        }
    }
    let pages = (1..=PAGES).map(|number| Page { number, label: Some(format!("第{}版", chinese_number(number))) }).collect();
    Edition { date, publication: None, pages, articles }
}

fn article(model: &mut Markov, random: &mut Random, id: String, page: u32) -> Article {
    let length = random.length(MEDIAN_ARTICLE).min(6000);
    let mut blocks = Vec::new();
    let mut written = 0;
    while written < length {
        let len = random.length(120).clamp(30, 400);
        let paragraph = model.text(random, len);
        written += paragraph.chars().count();
        blocks.push(Block::Paragraph { text: paragraph });
        if random.chance(6) {
            let len = 6 + random.below(8);
            blocks.push(Block::Subhead { text: model.line(random, len) });
        }
        if random.chance(5) {
            let credit = random.chance(70).then(|| name(random));
            let len = 20 + random.below(30);
            let caption = Some(model.text(random, len));
            blocks.push(Block::Figure(Figure { src: None, caption, credit, placement: None }));
        }
    }
    Article {
        id,
        page,
        kicker: random.chance(15).then(|| model.line_between(random, 6, 10)),
        headline: Some(model.line_between(random, 8, 16)),
        deck: random.chance(20).then(|| model.line_between(random, 12, 16)),
        byline: random.chance(70).then(|| format!("本报记者 {}", name(random))),
        blocks,
        continued_from: None,
        continued_on: None,
    }
}

/// Moves the second half of `head`'s blocks into a new fragment on an
/// inside page and links the two.
fn continuation(head: &mut Article, random: &mut Random, id: String) -> Article {
    let split = head.blocks.len() / 2;
    let page = 2 + random.below(PAGES as usize - 1) as u32;
    head.continued_on = Some(Jump { article: Some(id.clone()), ..Jump::to_page(page) });
    Article {
        id,
        page,
        kicker: None,
        headline: head.headline.clone(),
        deck: None,
        byline: None,
        blocks: head.blocks.split_off(split),
        continued_from: Some(Jump { article: Some(head.id.clone()), ..Jump::to_page(head.page) }),
        continued_on: None,
    }
}

fn name(random: &mut Random) -> String {
    let pick = |random: &mut Random, from: &str| from.chars().nth(random.below(from.chars().count())).unwrap_or('王');
    let mut name = String::new();
    name.push(pick(random, SURNAMES));
    for _ in 0..1 + random.below(2) {
        name.push(pick(random, GIVEN));
    }
    name
}

fn chinese_number(n: u32) -> &'static str {
    ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"][n as usize % 10]
}

/// `YYYY-MM-DD` of the day `days` after the given date (days of 28–31
/// according to the month; leap years honoured).
fn date_after(year: i32, month: u32, day: u32, days: usize) -> String {
    let (mut y, mut m, mut d) = (year, month, day);
    for _ in 0..days {
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        let month_len = match m {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        d += 1;
        if d > month_len {
            d = 1;
            m += 1;
            if m > 12 {
                m = 1;
                y += 1;
            }
        }
    }
    format!("{y:04}-{m:02}-{d:02}")
}
