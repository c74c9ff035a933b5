//! Chinese news text written from jieba's dictionary, for benchmarks: each
//! word is drawn by its real frequency among the words of its part of
//! speech, so the text is as Zipf-like as the language, and a small grammar
//! of news sentences puts the words together (openers, subjects, verbs,
//! objects, lists, quotations, dates and figures, with punctuation at about
//! the rates of a daily). Each story has its own topic: a few nouns, verbs,
//! a place, an organisation and people that recur in it and rarely
//! elsewhere, so that, as in real text, most character pairs occur in few
//! stories.
//!
//! The text looks like news and means nothing: the grammar knows the order
//! of a sentence's parts, not sense. Like `zh_corpus.rs`, whose random
//! numbers it uses, it is deterministic in the seed. It neither lays out
//! pages nor writes files (`examples/daily_archive.rs` does).

use std::path::PathBuf;

use crate::zh_corpus::Random;

/// The dictionary file of the `jieba-rs` dev-dependency, one
/// `word frequency tag` a line. The crate has no public API that lists its
/// words, so the file it ships is found through `cargo metadata`, which
/// knows where Cargo unpacked the crate (the registry, a vendor folder).
pub fn jieba_dictionary() -> Result<String, String> {
    // `cargo run` sets CARGO; the path Cargo had at build time serves a
    // binary started by hand.
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| env!("CARGO").into());
    let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml");
    let output = std::process::Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--manifest-path",
            manifest,
        ])
        .output()
        .map_err(|error| format!("cannot run cargo metadata: {error}"))?;
    if !output.status.success() {
        return Err(format!(
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout)
        .map_err(|error| format!("cargo metadata: {error}"))?;
    let jieba_manifest = metadata["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|package| package["name"] == "jieba-rs")
        .and_then(|package| package["manifest_path"].as_str())
        .ok_or("cargo metadata lists no jieba-rs package")?;
    let path = PathBuf::from(jieba_manifest).with_file_name("src/data/dict.txt");
    std::fs::read_to_string(&path).map_err(|error| format!("{}: {error}", path.display()))
}

/// Draws an index in constant time with probability proportional to its
/// weight (Walker's alias method): a dictionary of 350,000 words is sampled
/// millions of times a second.
struct Weighted {
    /// Out of 2³², the chance that a column keeps its own index.
    keep: Vec<u64>,
    /// The index a column gives when it does not keep its own.
    alias: Vec<u32>,
}

impl Weighted {
    fn new(weights: &[f64]) -> Weighted {
        let n = weights.len();
        assert!(
            n > 0 && n < u32::MAX as usize,
            "weights for 1 to 2³² - 1 choices"
        );
        let total: f64 = weights.iter().sum();
        let mut scaled: Vec<f64> = weights.iter().map(|w| w * n as f64 / total).collect();
        let mut keep = vec![1u64 << 32; n];
        let mut alias: Vec<u32> = (0..n as u32).collect();
        let (mut small, mut large): (Vec<usize>, Vec<usize>) =
            (0..n).partition(|&i| scaled[i] < 1.0);
        while let (Some(&under), Some(&over)) = (small.last(), large.last()) {
            small.pop();
            keep[under] = (scaled[under] * (1u64 << 32) as f64) as u64;
            alias[under] = over as u32;
            scaled[over] -= 1.0 - scaled[under];
            if scaled[over] < 1.0 {
                large.pop();
                small.push(over);
            }
        }
        Weighted { keep, alias }
    }

    fn pick(&self, random: &mut Random) -> usize {
        let bits = random.next();
        let column = (((bits >> 32) * self.keep.len() as u64) >> 32) as usize;
        if bits & 0xFFFF_FFFF < self.keep[column] {
            column
        } else {
            self.alias[column] as usize
        }
    }
}

/// The words of one part of speech, drawn by frequency.
struct Words<'d> {
    words: Vec<&'d str>,
    by_frequency: Weighted,
}

impl<'d> Words<'d> {
    /// The words of `entries` whose tag is one of `tags`, each drawn with
    /// probability proportional to `weight(frequency)`.
    fn of(
        entries: &[(&'d str, u64, &str)],
        tags: &[&str],
        weight: impl Fn(u64) -> f64,
    ) -> Words<'d> {
        let chosen: Vec<_> = entries
            .iter()
            .filter(|(_, _, tag)| tags.contains(tag))
            .collect();
        let weights: Vec<f64> = chosen
            .iter()
            .map(|&&(_, frequency, _)| weight(frequency))
            .collect();
        Words {
            words: chosen.iter().map(|&&(word, _, _)| word).collect(),
            by_frequency: Weighted::new(&weights),
        }
    }

    fn pick(&self, random: &mut Random) -> &'d str {
        self.words[self.by_frequency.pick(random)]
    }
}

/// Surnames, the commonest first (a name draws early ones more often).
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
/// Characters of given names.
const GIVEN: &str = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力永健宁欣晨浩宇轩博雪琳婷颖佳倩鑫鹏飞斌亮波峰海燕莉凤春晓丹志国庆德彬俊雯萌栋";
/// What a quoted official or expert is, before the name.
const ROLES: [&str; 12] = [
    "负责人",
    "主任",
    "副主任",
    "局长",
    "副局长",
    "处长",
    "书记",
    "董事长",
    "总经理",
    "专家",
    "教授",
    "工作人员",
];
/// How a quotation is introduced.
const SAYING: [&str; 8] = [
    "表示",
    "说",
    "介绍",
    "指出",
    "认为",
    "强调",
    "告诉记者",
    "坦言",
];
/// Places a city daily writes about at home, beside the dictionary's places.
const HOME: [&str; 8] = [
    "我市",
    "全市",
    "海滨",
    "市南区",
    "市北区",
    "西海岸新区",
    "城阳区",
    "崂山区",
];
/// Units of counted quantities.
const UNITS: [&str; 18] = [
    "名",
    "人",
    "家",
    "个",
    "项",
    "万元",
    "亿元",
    "元",
    "吨",
    "公里",
    "平方米",
    "台",
    "场",
    "次",
    "所",
    "户",
    "套",
    "件",
];

/// A person of a story: a name and what they are.
struct Person {
    name: String,
    role: &'static str,
}

/// What one story is about: the words that recur in it.
pub struct Topic<'d> {
    nouns: Vec<&'d str>,
    verbs: Vec<&'d str>,
    place: &'d str,
    organisation: &'d str,
    people: Vec<Person>,
    /// The year and month of the issue, for the dates the text mentions.
    year: i32,
    month: u32,
}

/// jieba's words by part of speech, and the text written from them.
pub struct Vocabulary<'d> {
    nouns: Words<'d>,
    /// Nouns drawn by the square root of their frequency: a topic is more
    /// often a word of middling frequency than running text is.
    topic_nouns: Words<'d>,
    verbs: Words<'d>,
    /// Verbs drawn by the square root of their frequency, as topic nouns.
    topic_verbs: Words<'d>,
    adjectives: Words<'d>,
    adverbs: Words<'d>,
    prepositions: Words<'d>,
    conjunctions: Words<'d>,
    pronouns: Words<'d>,
    times: Words<'d>,
    localizers: Words<'d>,
    idioms: Words<'d>,
    places: Words<'d>,
    organisations: Words<'d>,
}

impl<'d> Vocabulary<'d> {
    /// The vocabulary of jieba's dictionary text (see [`jieba_dictionary`]);
    /// words with a character that is not a Chinese ideograph (`4S店`) are
    /// left out, the text writes its own figures.
    pub fn from_jieba(dictionary: &'d str) -> Vocabulary<'d> {
        let entries: Vec<(&str, u64, &str)> = dictionary
            .lines()
            .filter_map(|line| {
                let mut fields = line.split_ascii_whitespace();
                let (word, frequency, tag) =
                    (fields.next()?, fields.next()?.parse().ok()?, fields.next()?);
                (frequency > 0 && word.chars().all(is_ideograph)).then_some((word, frequency, tag))
            })
            .collect();
        let frequency = |f: u64| f as f64;
        Vocabulary {
            nouns: Words::of(&entries, &["n", "nz", "vn", "an"], frequency),
            topic_nouns: Words::of(&entries, &["n", "nz", "vn"], |f| (f as f64).sqrt()),
            verbs: Words::of(&entries, &["v", "vd"], frequency),
            topic_verbs: Words::of(&entries, &["v"], |f| (f as f64).sqrt()),
            adjectives: Words::of(&entries, &["a", "b"], frequency),
            adverbs: Words::of(&entries, &["d", "ad"], frequency),
            prepositions: Words::of(&entries, &["p"], frequency),
            conjunctions: Words::of(&entries, &["c"], frequency),
            pronouns: Words::of(&entries, &["r"], frequency),
            times: Words::of(&entries, &["t"], frequency),
            localizers: Words::of(&entries, &["f"], frequency),
            idioms: Words::of(&entries, &["i", "l"], frequency),
            places: Words::of(&entries, &["ns"], frequency),
            organisations: Words::of(&entries, &["nt"], frequency),
        }
    }

    /// A new story's topic, for an issue of the given year and month.
    pub fn topic(&self, random: &mut Random, year: i32, month: u32) -> Topic<'d> {
        let nouns = (0..3 + random.below(6))
            .map(|_| self.topic_nouns.pick(random))
            .collect();
        let verbs = (0..1 + random.below(3))
            .map(|_| self.topic_verbs.pick(random))
            .collect();
        let place = if random.chance(30) {
            HOME[random.below(HOME.len())]
        } else {
            self.places.pick(random)
        };
        let people = (0..1 + random.below(3))
            .map(|_| Person {
                name: person_name(random),
                role: ROLES[random.below(ROLES.len())],
            })
            .collect();
        Topic {
            nouns,
            verbs,
            place,
            organisation: self.organisations.pick(random),
            people,
            year,
            month,
        }
    }

    /// A paragraph of about `chars` characters: whole sentences, the last
    /// one of a single clause when few characters are left to write.
    pub fn paragraph(&self, topic: &Topic<'d>, random: &mut Random, chars: usize) -> String {
        let mut writer = Writer::new(self, topic, random, chars * 3);
        while writer.chars < chars {
            let clauses = if chars - writer.chars < 40 {
                1
            } else {
                1 + writer.random.below(3)
            };
            writer.sentence(clauses);
        }
        writer.text
    }

    /// A headline-like line of `min` to `max` characters: phrases without
    /// sentence punctuation, sometimes two joined by a comma or a space,
    /// the last one cut at `max`.
    pub fn line(&self, topic: &Topic<'d>, random: &mut Random, min: usize, max: usize) -> String {
        let mut writer = Writer::new(self, topic, random, max * 3 + 12);
        while writer.chars < min {
            if writer.chars > 0 {
                match writer.random.below(10) {
                    0..=2 => writer.push("，"),
                    3..=4 => writer.push(" "),
                    _ => {}
                }
            }
            writer.phrase();
        }
        let mut line: String = writer.text.chars().take(max).collect();
        line.truncate(line.trim_end_matches(['，', ' ', '、']).len());
        line
    }

    /// A photo caption: a sentence or two, often opening with a date.
    pub fn caption(&self, topic: &Topic<'d>, random: &mut Random) -> String {
        let mut writer = Writer::new(self, topic, random, 120);
        if writer.random.chance(40) {
            writer.date();
            writer.push("，");
        }
        let clauses = 1 + writer.random.below(2);
        writer.sentence(clauses);
        writer.text
    }
}

/// A Chinese name: a surname and one or two given-name characters.
pub fn person_name(random: &mut Random) -> String {
    let surnames: Vec<char> = SURNAMES.chars().collect();
    let given: Vec<char> = GIVEN.chars().collect();
    // The product of two uniform numbers leans to 0: common surnames first.
    let common = (random.below(surnames.len()) * random.below(surnames.len())) / surnames.len();
    let mut name = String::from(surnames[common]);
    for _ in 0..1 + usize::from(random.chance(70)) {
        name.push(given[random.below(given.len())]);
    }
    name
}

/// A CJK unified ideograph (the basic block and extension A).
pub fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// Writes one passage of text, counting its characters.
struct Writer<'a, 'd> {
    vocabulary: &'a Vocabulary<'d>,
    topic: &'a Topic<'d>,
    random: &'a mut Random,
    text: String,
    chars: usize,
    /// Whether the sentence being written is a quotation.
    quoting: bool,
}

impl<'a, 'd> Writer<'a, 'd> {
    fn new(
        vocabulary: &'a Vocabulary<'d>,
        topic: &'a Topic<'d>,
        random: &'a mut Random,
        bytes: usize,
    ) -> Self {
        Writer {
            vocabulary,
            topic,
            random,
            text: String::with_capacity(bytes),
            chars: 0,
            quoting: false,
        }
    }

    fn push(&mut self, piece: &str) {
        self.text.push_str(piece);
        self.chars += piece.chars().count();
    }

    /// One of `words`, the first ones more often (a story's main subject
    /// is named more than its side issues).
    fn favourite<'w>(&mut self, words: &[&'w str]) -> &'w str {
        words[self
            .random
            .below(words.len())
            .min(self.random.below(words.len()))]
    }

    /// A noun: one of the topic's about one time in six.
    fn noun(&mut self) {
        let topic = self.topic;
        let noun = if self.random.chance(16) {
            self.favourite(&topic.nouns)
        } else {
            self.vocabulary.nouns.pick(self.random)
        };
        self.push(noun);
    }

    fn verb(&mut self) {
        let topic = self.topic;
        let verb = if self.random.chance(10) {
            self.favourite(&topic.verbs)
        } else {
            self.vocabulary.verbs.pick(self.random)
        };
        self.push(verb);
    }

    fn noun_phrase(&mut self) {
        match self.random.below(100) {
            0..=11 => {
                let adjective = self.vocabulary.adjectives.pick(self.random);
                self.push(adjective);
                if self.random.chance(50) {
                    self.push("的");
                }
            }
            12..=19 => {
                self.noun();
                self.push("的");
            }
            20..=25 => {
                self.verb();
                self.push("的");
            }
            26..=31 => self.push(self.topic.place),
            32..=36 => {
                self.quantity();
                if self.random.chance(30) {
                    self.push("的");
                }
            }
            37..=49 => self.noun(),
            _ => {}
        }
        // A coined or quoted term is set in quotation marks.
        if self.random.chance(3) {
            let (open, close) = if self.quoting {
                ("‘", "’")
            } else {
                ("“", "”")
            };
            self.push(open);
            self.noun();
            self.push(close);
        } else {
            self.noun();
        }
    }

    /// Two to four noun phrases: `甲、乙和丙`.
    fn list(&mut self) {
        let items = 2 + self.random.below(3);
        for item in 0..items {
            if item > 0 {
                let separator = if item + 1 == items {
                    ["和", "及", "与", "、"][self.random.below(4)]
                } else {
                    "、"
                };
                self.push(separator);
            }
            self.noun_phrase();
        }
    }

    /// A figure as a daily prints it: `3000余名`, `12.5%`, `1.2亿元`,
    /// `第3届`.
    fn quantity(&mut self) {
        let figure = match self.random.below(10) {
            0..=4 => {
                // Up to 9,900: larger counts are written with 万 and 亿.
                let magnitude = [1, 1, 10, 100][self.random.below(4)];
                // `余` (odd, more than) follows round numbers only.
                let about = if magnitude > 1 && self.random.chance(25) {
                    "余"
                } else {
                    ""
                };
                let unit = UNITS[self.random.below(UNITS.len())];
                format!("{}{about}{unit}", (1 + self.random.below(99)) * magnitude)
            }
            5..=6 => format!("{}.{}%", self.random.below(100), self.random.below(10)),
            7 => format!(
                "{}.{}亿元",
                1 + self.random.below(99),
                self.random.below(10)
            ),
            8 => {
                let unit = ["人", "元", "吨", "平方米", "户", "人次"][self.random.below(6)];
                format!(
                    "{}.{}万{unit}",
                    1 + self.random.below(99),
                    self.random.below(10)
                )
            }
            _ => format!(
                "第{}{}",
                1 + self.random.below(30),
                ["届", "次", "批", "期"][self.random.below(4)]
            ),
        };
        self.push(&figure);
    }

    /// A date of the issue's year: `2016年3月5日`, or `3月5日` when the
    /// year goes without saying.
    fn date(&mut self) {
        let day = 1 + self.random.below(28);
        let month = if self.random.chance(70) {
            self.topic.month as usize
        } else {
            1 + self.random.below(12)
        };
        let date = if self.random.chance(30) {
            format!("{}年{month}月{day}日", self.topic.year)
        } else {
            format!("{month}月{day}日")
        };
        self.push(&date);
    }

    fn person(&mut self) {
        let topic = self.topic;
        let person = &topic.people[self.random.below(topic.people.len())];
        if self.random.chance(50) {
            self.push(topic.organisation);
            self.push(person.role);
        }
        self.push(&person.name);
    }

    /// A clause: an opener, a subject, a verb and an object, each but the
    /// verb sometimes left out.
    fn clause(&mut self) {
        match self.random.below(100) {
            0..=7 => {
                let time = self.vocabulary.times.pick(self.random);
                self.push(time);
                self.push("，");
            }
            8..=13 => {
                self.date();
                self.push("，");
            }
            14..=25 => {
                let preposition = self.vocabulary.prepositions.pick(self.random);
                self.push(preposition);
                self.noun_phrase();
                if self.random.chance(40) {
                    let localizer = self.vocabulary.localizers.pick(self.random);
                    self.push(localizer);
                }
                if self.random.chance(50) {
                    self.push("，");
                }
            }
            _ => {}
        }
        match self.random.below(100) {
            0..=39 => self.noun_phrase(),
            40..=53 => {
                let pronoun = self.vocabulary.pronouns.pick(self.random);
                self.push(pronoun);
            }
            54..=59 => self.person(),
            60..=67 => {
                let topic = self.topic;
                let subject = if self.random.chance(50) {
                    topic.organisation
                } else {
                    topic.place
                };
                self.push(subject);
            }
            _ => {}
        }
        if self.random.chance(35) {
            let adverb = self.vocabulary.adverbs.pick(self.random);
            self.push(adverb);
        }
        self.verb();
        if self.random.chance(8) {
            self.push("了");
        }
        match self.random.below(100) {
            0..=54 => self.noun_phrase(),
            55..=62 => self.list(),
            63..=68 => {
                let idiom = self.vocabulary.idioms.pick(self.random);
                self.push(idiom);
            }
            69..=78 => {
                self.verb();
                self.noun_phrase();
            }
            79..=84 => self.quantity(),
            _ => {}
        }
    }

    /// A sentence of `clauses` clauses; sometimes a quotation or reported
    /// speech of a person of the story.
    fn sentence(&mut self, clauses: usize) {
        let speech = self.random.below(100);
        if speech < 10 {
            self.person();
            let saying = SAYING[self.random.below(SAYING.len())];
            self.push(saying);
        }
        // Within a quotation, quoted terms take single quotation marks.
        self.quoting = speech < 5;
        self.push(if self.quoting {
            "：“"
        } else if speech < 10 {
            "，"
        } else {
            ""
        });
        for clause in 0..clauses {
            if clause > 0 {
                let separator = if self.random.chance(8) { "；" } else { "，" };
                self.push(separator);
                if self.random.chance(20) {
                    let conjunction = self.vocabulary.conjunctions.pick(self.random);
                    self.push(conjunction);
                }
            }
            self.clause();
        }
        let end = match self.random.below(100) {
            0 => "！",
            1 => "？",
            _ => "。",
        };
        self.push(end);
        if self.quoting {
            self.push("”");
            self.quoting = false;
        }
    }

    /// A headline phrase: a subject of the story sometimes, a verb and an
    /// object.
    fn phrase(&mut self) {
        match self.random.below(10) {
            0..=1 => self.push(self.topic.place),
            2 => self.push(self.topic.organisation),
            _ => {}
        }
        self.verb();
        self.noun_phrase();
    }
}
