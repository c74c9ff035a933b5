//! Writes the archive of a Chinese daily, 海滨日报, as corpus files, one per
//! calendar month, for benchmarks at 10k, 100k and 1M articles:
//!
//! ```sh
//! cargo run --release --example daily_archive -- 100000 build/daily
//! cargo run --release --example daily_archive -- 10000 build/daily-10k --start 2016-01-01 --seed 1 --stats
//! ```
//!
//! `OUT_DIR/2016-01.json`, `OUT_DIR/2016-02.json`, … each hold a month of
//! editions, one a day from `--start`, until the article count is reached
//! (the last edition is then cut short: its pages after the cut are not
//! held, and a front-page story continued there names the page only). An
//! edition has 24 pages (第一版 … 第二十四版): 5 to 8 leads on the front
//! page, 3 to 5 of which continue on an inside page, and 8 to 14 articles
//! on each inside page, about 274 articles a day, 100,000 a year. Articles
//! have kickers, decks, bylines, subheads and photo captions at about a
//! daily's rates, and a few are long features. The text comes from
//! jieba's word frequencies and a grammar of news sentences, each story
//! with its own topic words (`dev/src/zh_words.rs`), so that
//! character pairs cluster in few stories as in real text; `--stats`
//! measures that against the Markov model of one page that
//! `dev/src/zh_corpus.rs` writes (both held in memory whole: meant
//! for 10k articles; the counting adds to the time printed).
//!
//! It does not draw images (figures have captions and credits, no `src`),
//! lay out advertisements, or skip Sundays and holidays: every day has the
//! same 24 pages. The files are compact JSON (members in the order the
//! format asks: `format`, `version`, `publication`, then `editions`), and
//! only one month of editions is in memory at a time, whatever the article
//! count. The output is deterministic in the seed; the archive itself is
//! never committed, this generator is.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use broadsheet::corpus::{
    Article, Block, Corpus, Edition, Figure, Jump, Page, Placement, Publication,
};
use broadsheet_dev::{zh_corpus, zh_words};
use rustc_hash::FxHashMap;
use zh_corpus::Random;
use zh_words::{Topic, Vocabulary};

const USAGE: &str =
    "usage: daily_archive ARTICLES OUT_DIR [--start YYYY-MM-DD] [--seed N] [--stats]";

const PAGES: u32 = 24;
/// Articles on an inside page, drawn uniformly from this list: 8 to 14,
/// mostly 11 to 13, which with the front page and the continued fragments
/// makes about 274 articles a day.
const INSIDE_PAGE_ARTICLES: [usize; 15] =
    [8, 9, 10, 10, 11, 11, 11, 12, 12, 12, 13, 13, 13, 14, 14];
/// In a hundred inside-page articles, how many are long features.
const FEATURE_PERCENT: u64 = 3;

struct Options {
    articles: usize,
    out: PathBuf,
    start: Date,
    seed: u64,
    stats: bool,
}

impl Options {
    fn parse(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
        let articles = args
            .next()
            .and_then(|n| n.parse().ok())
            .ok_or("ARTICLES: a number of articles")?;
        let out = args
            .next()
            .ok_or("OUT_DIR: the folder to write the archive in")?
            .into();
        let mut options = Options {
            articles,
            out,
            start: Date {
                year: 2016,
                month: 1,
                day: 1,
            },
            seed: 1,
            stats: false,
        };
        while let Some(flag) = args.next() {
            match flag.as_str() {
                "--start" => {
                    let value = args.next().unwrap_or_default();
                    options.start = Date::parse(&value)
                        .ok_or(format!("--start {value}: not a date YYYY-MM-DD"))?;
                }
                "--seed" => {
                    let value = args.next().unwrap_or_default();
                    options.seed = value
                        .parse()
                        .map_err(|_| format!("--seed {value}: not a number"))?;
                }
                "--stats" => options.stats = true,
                _ => return Err(format!("{flag}: unknown option")),
            }
        }
        Ok(options)
    }
}

/// A calendar date.
#[derive(Clone, Copy)]
struct Date {
    year: i32,
    month: u32,
    day: u32,
}

impl Date {
    fn parse(text: &str) -> Option<Date> {
        let mut fields = text.splitn(3, '-');
        let year = fields.next()?.parse().ok()?;
        let month = fields
            .next()?
            .parse()
            .ok()
            .filter(|m| (1..=12).contains(m))?;
        let day = fields
            .next()?
            .parse()
            .ok()
            .filter(|&d| d >= 1 && d <= days_in_month(year, month))?;
        Some(Date { year, month, day })
    }

    fn next(self) -> Date {
        if self.day < days_in_month(self.year, self.month) {
            Date {
                day: self.day + 1,
                ..self
            }
        } else if self.month < 12 {
            Date {
                month: self.month + 1,
                day: 1,
                ..self
            }
        } else {
            Date {
                year: self.year + 1,
                month: 1,
                day: 1,
            }
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A page's printed name: 第一版, 第十版, 第二十四版.
fn page_label(number: u32) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (tens, units) = ((number / 10) as usize, (number % 10) as usize);
    let tens = match tens {
        0 => String::new(),
        1 => "十".to_owned(),
        _ => format!("{}十", DIGITS[tens]),
    };
    format!("第{tens}{}版", DIGITS[units])
}

/// What sort of story an article is, which sets its length and trimmings.
#[derive(Clone, Copy)]
enum Kind {
    /// A front-page story.
    Lead,
    Regular,
    /// A long feature of an inside page.
    Feature,
}

/// Writes the editions, drawing every choice from one random sequence.
struct Press<'v, 'd> {
    vocabulary: &'v Vocabulary<'d>,
    random: Random,
}

impl<'d> Press<'_, 'd> {
    /// The edition of `date`, cut after `budget` articles when it would
    /// have more.
    fn edition(&mut self, date: Date, budget: usize) -> Edition {
        let random = &mut self.random;
        let leads = 5 + random.below(4);
        let continued_count = 3 + random.below(3);
        let mut articles = Vec::with_capacity(300);
        // Fragments continued from the front page, not yet placed.
        let mut continuations: Vec<Article> = Vec::new();
        for position in 1..=leads {
            let mut lead = self.story(date, 1, position, Kind::Lead);
            if position <= continued_count {
                // Most go on the news pages that follow the front one.
                let inside = if self.random.chance(70) {
                    2 + self.random.below(4)
                } else {
                    2 + self.random.below(23)
                };
                continuations.push(self.continuation(&mut lead, inside as u32));
            }
            articles.push(lead);
        }
        for page in 2..=PAGES {
            let count = INSIDE_PAGE_ARTICLES[self.random.below(INSIDE_PAGE_ARTICLES.len())];
            for position in 1..=count {
                let kind = if self.random.chance(FEATURE_PERCENT) {
                    Kind::Feature
                } else {
                    Kind::Regular
                };
                articles.push(self.story(date, page, position, kind));
            }
            // A page's continued fragments follow its own articles, and
            // their front-page heads are told their ids.
            let mut position = count;
            for mut fragment in continuations.extract_if(.., |fragment| fragment.page == page) {
                position += 1;
                fragment.id = format!("p{page}-{position}");
                let head = fragment
                    .continued_from
                    .as_ref()
                    .and_then(|jump| jump.article.as_deref());
                let head = articles
                    .iter_mut()
                    .find(|article| Some(article.id.as_str()) == head);
                if let Some(Jump { article, .. }) = head.and_then(|head| head.continued_on.as_mut())
                {
                    *article = Some(fragment.id.clone());
                }
                articles.push(fragment);
            }
        }
        let mut pages = PAGES;
        if articles.len() > budget {
            articles.truncate(budget);
            pages = articles.last().map_or(1, |article| article.page);
            // A head whose fragment was cut still names its page.
            let held: Vec<String> = articles.iter().map(|article| article.id.clone()).collect();
            for jump in articles
                .iter_mut()
                .filter_map(|article| article.continued_on.as_mut())
            {
                if jump.article.as_ref().is_some_and(|id| !held.contains(id)) {
                    jump.article = None;
                }
            }
        }
        let pages = (1..=pages)
            .map(|number| Page {
                number,
                label: Some(page_label(number)),
            })
            .collect();
        Edition {
            date: date.to_string(),
            publication: None,
            pages,
            articles,
        }
    }

    /// Moves the second part of a front-page story into a fragment for page
    /// `inside` and links the two; the fragment's id, and so the head's
    /// `continued_on.article`, are set when the fragment is placed.
    fn continuation(&mut self, head: &mut Article, inside: u32) -> Article {
        let paragraphs: Vec<usize> = (0..head.blocks.len())
            .filter(|&b| matches!(head.blocks[b], Block::Paragraph { .. }))
            .collect();
        // The front page keeps a third to a half of the paragraphs; a
        // subhead after the last of them goes inside with the rest.
        let kept = paragraphs.len() / 3 + self.random.below(paragraphs.len() / 6 + 1);
        let split = paragraphs[kept.max(1) - 1] + 1;
        head.continued_on = Some(Jump::to_page(inside));
        Article {
            id: String::new(),
            page: inside,
            kicker: None,
            headline: if self.random.chance(25) {
                head.headline.clone()
            } else {
                None
            },
            deck: None,
            byline: None,
            blocks: head.blocks.split_off(split),
            continued_from: Some(Jump { article: Some(head.id.clone()), ..Jump::to_page(1) }),
            continued_on: None,
        }
    }

    /// A whole story, the `position`-th article of its page.
    fn story(&mut self, date: Date, page: u32, position: usize, kind: Kind) -> Article {
        let topic = self
            .vocabulary
            .topic(&mut self.random, date.year, date.month);
        let random = &mut self.random;
        let paragraphs = match kind {
            Kind::Lead => 6 + random.below(10),
            // The product of two uniform numbers leans to 0: most stories
            // are short, a few run to 15 paragraphs.
            Kind::Regular => 3 + random.below(13) * random.below(13) / 12,
            Kind::Feature => 12 + random.below(4),
        };
        // The median paragraph length in characters, and the chances in a
        // hundred of a photo, a kicker and a deck.
        let (median_length, figure_percent, kicker_percent, deck_percent) = match kind {
            Kind::Lead => (190, 50, 35, 40),
            Kind::Regular => (160, 12, 10, 15),
            Kind::Feature => (240, 80, 40, 60),
        };
        let mut blocks = Vec::with_capacity(paragraphs + 3);
        if random.chance(figure_percent) {
            blocks.push(self.figure(&topic));
        }
        let subheads = paragraphs >= 7 && self.random.chance(40);
        for index in 0..paragraphs {
            if subheads && index > 0 && index % 3 == 0 {
                let text = self.vocabulary.line(&topic, &mut self.random, 4, 12);
                blocks.push(Block::Subhead { text });
            }
            // A paragraph runs past its length by up to a sentence of one
            // clause: the longest come to about 300 characters.
            let chars = self.random.length(median_length).clamp(40, 270);
            let text = self.vocabulary.paragraph(&topic, &mut self.random, chars);
            blocks.push(Block::Paragraph { text });
        }
        let random = &mut self.random;
        // Headlines lean to the short end of 8 to 30 characters.
        let headline_min = 8 + random.below(23) * random.below(23) / 22;
        let kicker = random
            .chance(kicker_percent)
            .then(|| self.vocabulary.line(&topic, random, 8, 18));
        let deck = random
            .chance(deck_percent)
            .then(|| self.vocabulary.line(&topic, random, 10, 30));
        Article {
            id: format!("p{page}-{position}"),
            page,
            kicker,
            headline: Some(self.vocabulary.line(&topic, random, headline_min, 30)),
            deck,
            byline: random.chance(80).then(|| byline(random)),
            blocks,
            continued_from: None,
            continued_on: None,
        }
    }

    fn figure(&mut self, topic: &Topic<'d>) -> Block {
        let random = &mut self.random;
        let placement = match random.below(20) {
            0..=12 => Some(Placement::Above),
            13..=15 => Some(Placement::Below),
            16 => Some(Placement::Left),
            17 => Some(Placement::Right),
            _ => None,
        };
        let credit = random.chance(85).then(|| zh_words::person_name(random));
        let caption = Some(self.vocabulary.caption(topic, random));
        Block::Figure(Figure {
            src: None,
            caption,
            credit,
            placement,
        })
    }
}

/// A byline as printed: `本报记者 王建`, `记者 王建 李娜`, ….
fn byline(random: &mut Random) -> String {
    let first = zh_words::person_name(random);
    match random.below(20) {
        0..=8 => format!("本报记者 {first}"),
        9..=13 => format!("记者 {first} {}", zh_words::person_name(random)),
        14..=16 => format!("本报记者 {first} 通讯员 {}", zh_words::person_name(random)),
        17 => format!("本报通讯员 {first}"),
        _ => format!("新华社记者 {first}"),
    }
}

/// How many stories each pair of adjacent ideographs occurs in. The
/// fragments of a continued article are one story.
#[derive(Default)]
struct BigramCensus {
    stories_per_pair: FxHashMap<(char, char), u32>,
    stories: usize,
}

impl BigramCensus {
    fn add(&mut self, corpus: &Corpus) {
        for edition in &corpus.editions {
            let mut pairs_by_story: FxHashMap<&str, Vec<(char, char)>> = FxHashMap::default();
            for article in &edition.articles {
                let head = article
                    .continued_from
                    .as_ref()
                    .and_then(|jump| jump.article.as_deref());
                let pairs = pairs_by_story
                    .entry(head.unwrap_or(&article.id))
                    .or_default();
                let lines = [&article.kicker, &article.headline, &article.deck]
                    .into_iter()
                    .flatten();
                for text in lines.map(String::as_str).chain(article.texts()) {
                    let adjacent = text.chars().zip(text.chars().skip(1));
                    pairs.extend(
                        adjacent.filter(|&(a, b)| {
                            zh_words::is_ideograph(a) && zh_words::is_ideograph(b)
                        }),
                    );
                }
            }
            for mut pairs in pairs_by_story.into_values() {
                pairs.sort_unstable();
                pairs.dedup();
                for pair in pairs {
                    *self.stories_per_pair.entry(pair).or_default() += 1;
                }
                self.stories += 1;
            }
        }
    }

    /// The census in a line: distinct pairs, the median and mean stories
    /// per pair, and the shares of pairs in one story and in a tenth of the
    /// stories or more.
    fn summary(&self) -> String {
        let mut counts: Vec<u32> = self.stories_per_pair.values().copied().collect();
        counts.sort_unstable();
        let Some(&median) = counts.get(counts.len() / 2) else {
            return "no text".to_owned();
        };
        let mean = counts.iter().map(|&count| count as f64).sum::<f64>() / counts.len() as f64;
        let share = |n: usize| 100.0 * n as f64 / counts.len() as f64;
        let single = counts.iter().take_while(|&&count| count == 1).count();
        let widespread = counts
            .iter()
            .filter(|&&count| count as usize * 10 >= self.stories)
            .count();
        format!(
            "{} stories, {} distinct ideograph pairs; stories per pair: median {median}, mean {mean:.1}; \
             {:.1} % of pairs in one story only, {:.2} % in a tenth of the stories or more",
            self.stories,
            counts.len(),
            share(single),
            share(widespread),
        )
    }
}

/// Writes `corpus` as compact JSON, returning the bytes written.
fn write_corpus(path: &Path, corpus: &Corpus) -> std::io::Result<u64> {
    let mut out = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?);
    serde_json::to_writer(&mut out, corpus)?;
    out.flush()?;
    out.into_inner()
        .map_err(|error| error.into_error())?
        .metadata()
        .map(|metadata| metadata.len())
}

fn main() -> ExitCode {
    let options = match Options::parse(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(error) => {
            eprintln!("{error}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let dictionary = match zh_words::jieba_dictionary() {
        Ok(dictionary) => dictionary,
        Err(error) => {
            eprintln!("jieba's dictionary: {error}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(error) = std::fs::create_dir_all(&options.out) {
        eprintln!("{}: {error}", options.out.display());
        return ExitCode::FAILURE;
    }
    let started = Instant::now();
    let vocabulary = Vocabulary::from_jieba(&dictionary);
    let mut press = Press {
        vocabulary: &vocabulary,
        random: Random::new(options.seed),
    };
    let mut census = options.stats.then(BigramCensus::default);
    let (mut files, mut editions, mut articles, mut bytes) = (0, 0, 0, 0);
    let mut date = options.start;
    while articles < options.articles {
        let month = (date.year, date.month);
        let mut corpus = Corpus::new(Publication {
            title: "海滨日报".to_owned(),
            lang: "zh-CN".to_owned(),
        });
        while articles < options.articles && (date.year, date.month) == month {
            let edition = press.edition(date, options.articles - articles);
            articles += edition.articles.len();
            editions += 1;
            corpus.editions.push(edition);
            date = date.next();
        }
        let path = options
            .out
            .join(format!("{:04}-{:02}.json", month.0, month.1));
        match write_corpus(&path, &corpus) {
            Ok(written) => bytes += written,
            Err(error) => {
                eprintln!("{}: cannot write: {error}", path.display());
                return ExitCode::FAILURE;
            }
        }
        files += 1;
        if let Some(census) = &mut census {
            census.add(&corpus);
        }
    }
    eprintln!(
        "{files} files, {editions} editions, {articles} articles, {bytes} bytes in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    if let Some(census) = census {
        eprintln!("this archive: {}", census.summary());
        match zh_corpus::seed_text() {
            Ok(seed) => {
                let mut markov = BigramCensus::default();
                markov.add(&zh_corpus::generate(&seed, options.articles, options.seed));
                eprintln!(
                    "Markov model of one page, as many articles: {}",
                    markov.summary()
                );
            }
            Err(error) => eprintln!(
                "{}: {error}: no Markov model to compare with",
                zh_corpus::SEED_PAGE
            ),
        }
    }
    ExitCode::SUCCESS
}
