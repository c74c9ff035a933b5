//! The search engine against a brute-force oracle of the exactness rule, and
//! the ranking, snippet and index-file behaviour a reader relies on.

use std::collections::{BTreeSet, HashMap};

use broadsheet::corpus::{self, Article, Block, Corpus, Edition, Publication};
use broadsheet::search::normalize;
use broadsheet::search::{corpus_hash, Filter, Index, IndexError, Order, Preparation, Query, SearchResults};
use broadsheet_dev::random_corpus::*;
use proptest::prelude::*;

// ---------------------------------------------------------------------------
// The oracle: the exactness rule, by brute force.

/// Every field of an article as the rule lists them: headline, kicker, deck,
/// byline, each paragraph/subhead, each caption, each credit.
fn oracle_fields(article: &Article) -> Vec<&str> {
    let mut fields: Vec<&str> =
        [&article.headline, &article.kicker, &article.deck, &article.byline].into_iter().flatten().map(String::as_str).collect();
    for block in &article.blocks {
        match block {
            Block::Paragraph { text } | Block::Subhead { text } => fields.push(text),
            Block::Figure(figure) => fields.extend([&figure.caption, &figure.credit].into_iter().flatten().map(String::as_str)),
        }
    }
    fields
}

/// The stories of an edition: connected components of the jump links, each
/// as the sorted ids of its fragments.
fn oracle_stories(edition: &Edition) -> Vec<BTreeSet<String>> {
    let mut neighbours: HashMap<&str, Vec<&str>> = HashMap::new();
    for article in &edition.articles {
        for jump in [&article.continued_on, &article.continued_from].into_iter().flatten() {
            if let Some(target) = jump.article.as_deref().filter(|id| edition.article(id).is_some()) {
                neighbours.entry(&article.id).or_default().push(target);
                neighbours.entry(target).or_default().push(&article.id);
            }
        }
    }
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let mut stories = Vec::new();
    for article in &edition.articles {
        if !seen.insert(&article.id) {
            continue;
        }
        let mut story = BTreeSet::new();
        let mut todo = vec![article.id.as_str()];
        while let Some(id) = todo.pop() {
            story.insert(id.to_owned());
            for &next in neighbours.get(id).into_iter().flatten() {
                if seen.insert(next) {
                    todo.push(next);
                }
            }
        }
        stories.push(story);
    }
    stories
}

/// The stories matching `query`: (edition, smallest fragment id).
fn oracle(corpus: &Corpus, query: &Query) -> BTreeSet<(usize, String)> {
    let terms: Vec<String> = query.terms().iter().map(|term| term.text()).collect();
    let filter = query.filter();
    let mut found = BTreeSet::new();
    if terms.is_empty() {
        return found;
    }
    for (e, edition) in corpus.editions.iter().enumerate() {
        if !filter.accepts_edition(&edition.date, &corpus.publication_of(edition).title) {
            continue;
        }
        for story in oracle_stories(edition) {
            let articles: Vec<&Article> = story.iter().filter_map(|id| edition.article(id)).collect();
            let fields: Vec<String> = articles.iter().flat_map(|article| oracle_fields(article)).map(normalize).collect();
            let all_terms = terms.iter().all(|term| fields.iter().any(|field| field.contains(term.as_str())));
            let on_page = filter.page.is_none_or(|page| articles.iter().any(|article| article.page == page));
            if all_terms && on_page {
                found.insert((e, story.first().cloned().unwrap_or_default()));
            }
        }
    }
    found
}

/// What the index found, in the oracle's terms.
fn found(corpus: &Corpus, results: &SearchResults) -> BTreeSet<(usize, String)> {
    let stories: Vec<Vec<BTreeSet<String>>> = corpus.editions.iter().map(oracle_stories).collect();
    results
        .hits
        .iter()
        .map(|hit| {
            let story = stories[hit.edition].iter().find(|story| story.contains(&hit.article)).expect("a hit is a story");
            (hit.edition, story.first().cloned().unwrap_or_default())
        })
        .collect()
}

fn assert_exact(index: &Index, corpus: &Corpus, query: &Query) {
    let results = index.search(corpus, query, usize::MAX);
    let expected = oracle(corpus, query);
    assert_eq!(results.total, expected.len(), "total for {query:?}");
    assert_eq!(found(corpus, &results), expected, "stories for {query:?}");
    assert_snippets_show_hits(&results, query);
}

/// Every hit has one to three snippets, and every snippet marks at least one
/// hit, each mark being text in which a term occurs.
fn assert_snippets_show_hits(results: &SearchResults, query: &Query) {
    let terms: Vec<String> = query.terms().iter().map(|term| term.text()).collect();
    for hit in &results.hits {
        assert!((1..=3).contains(&hit.snippets.len()), "{} snippets in {hit:?}", hit.snippets.len());
        for snippet in &hit.snippets {
            assert!(!snippet.highlights.is_empty(), "a snippet without a hit: {snippet:?}");
            let chars: Vec<char> = snippet.text.chars().collect();
            for &[start, end] in &snippet.highlights {
                let marked: String = chars[start..end].iter().collect();
                let marked = normalize(&marked);
                assert!(terms.iter().any(|term| marked.contains(term.as_str())), "{marked:?} shows no term of {terms:?}");
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Building corpora.

fn fixture(path: &str) -> Corpus {
    corpus::load(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Two editions; the second, now and then, of another paper.
fn random_corpus() -> impl Strategy<Value = Corpus> {
    (random_edition("2024-01-01"), random_edition("2024-01-02"), any::<bool>()).prop_map(|(a, mut b, other)| {
        if other {
            b.publication = Some(Publication { title: "另一报".to_owned(), lang: "zh-CN".to_owned() });
        }
        corpus_of(vec![a, b])
    })
}

/// How a query copied from the text may be retyped.
#[derive(Clone, Copy, Debug)]
enum Retype {
    AsIs,
    FullWidth,
    Traditional,
    Upper,
}

fn retype(text: &str, how: Retype) -> String {
    text.chars()
        .map(|c| match how {
            Retype::AsIs => c,
            Retype::FullWidth if c.is_ascii_graphic() => char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap_or(c),
            Retype::FullWidth => c,
            Retype::Traditional => TRADITIONAL.iter().find(|(simplified, _)| *simplified == c).map_or(c, |&(_, traditional)| traditional),
            Retype::Upper => c.to_ascii_uppercase(),
        })
        .collect()
}

/// A piece of some field of some article of `corpus`, chosen by the seeds.
fn excerpt(corpus: &Corpus, seeds: (usize, usize, usize, usize)) -> String {
    let articles: Vec<&Article> = corpus.editions.iter().flat_map(|edition| &edition.articles).collect();
    let article = articles[seeds.0 % articles.len()];
    let fields = oracle_fields(article);
    let Some(field) = fields.get(seeds.1 % fields.len().max(1)) else { return String::new() };
    let chars: Vec<char> = field.chars().collect();
    let start = seeds.2 % chars.len().max(1);
    let len = 1 + seeds.3 % 8;
    chars[start.min(chars.len())..(start + len).min(chars.len())].iter().collect()
}

fn seeds() -> impl Strategy<Value = (usize, usize, usize, usize)> {
    (any::<usize>(), any::<usize>(), any::<usize>(), any::<usize>())
}

fn retyping() -> impl Strategy<Value = Retype> {
    prop::sample::select(vec![Retype::AsIs, Retype::FullWidth, Retype::Traditional, Retype::Upper])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// One piece of an article, typed as it is printed, full-width,
    /// Traditional or in capitals, finds exactly what the oracle finds.
    #[test]
    fn one_excerpt_finds_what_the_oracle_finds(corpus in random_corpus(), at in seeds(), how in retyping()) {
        let index = Index::build(&corpus);
        let query = Query::parse(&retype(&excerpt(&corpus, at), how));
        assert_exact(&index, &corpus, &query);
    }

    /// Several pieces, maybe quoted, ANDed, with filters.
    #[test]
    fn several_excerpts_with_filters_find_what_the_oracle_finds(
        corpus in random_corpus(),
        first in seeds(),
        second in seeds(),
        quoted in any::<bool>(),
        how in retyping(),
        page in prop::option::of(1u32..4),
        to_first_day in any::<bool>(),
        publication in prop::option::of(prop::sample::select(vec!["测试日报", "另一报"])),
    ) {
        let index = Index::build(&corpus);
        let (a, b) = (excerpt(&corpus, first), excerpt(&corpus, second));
        let text = if quoted { format!("\"{a}\" {b}") } else { format!("{a} {b}") };
        let filter = Filter { to: to_first_day.then(|| "2024-01-01".to_owned()), publication: publication.map(str::to_owned), page, ..Filter::default() };
        let query = Query::parse(&retype(&text, how)).with_filter(filter);
        assert_exact(&index, &corpus, &query);
    }

    /// Random text, mostly absent from the corpus, finds exactly the oracle's
    /// stories too (usually none).
    #[test]
    fn arbitrary_text_finds_what_the_oracle_finds(corpus in random_corpus(), query in text(6)) {
        let index = Index::build(&corpus);
        assert_exact(&index, &corpus, &Query::parse(&query));
    }

    /// A decoded index answers exactly as the built one, whether its text
    /// index is derived at the first search or prepared before.
    #[test]
    fn a_decoded_index_searches_like_the_built_one(corpus in random_corpus(), at in seeds(), prepared in any::<bool>()) {
        let index = Index::build(&corpus);
        let decoded = Index::decode(&index.encode(7), 7).unwrap();
        prop_assert_eq!(&decoded, &index);
        if prepared {
            decoded.prepare(&corpus);
        }
        let query = Query::parse(&excerpt(&corpus, at));
        prop_assert_eq!(decoded.search(&corpus, &query, 10), index.search(&corpus, &query, 10));
    }

    /// An index made ready in slices answers as soon as its units are read,
    /// before its postings are listed, exactly as the finished index: the
    /// same hits, scores and snippets, for one term or two.
    #[test]
    fn an_index_half_made_answers_as_the_finished_one(
        corpus in random_corpus(),
        at in seeds(),
        also in prop::option::of(seeds()),
        budget in 1usize..200,
        stored in any::<bool>(),
    ) {
        let index = Index::build(&corpus);
        let text = match also {
            Some(also) => format!("{} {}", excerpt(&corpus, at), excerpt(&corpus, also)),
            None => excerpt(&corpus, at),
        };
        let query = Query::parse(&text);
        let mut preparation = if stored {
            Preparation::of_stored(Index::decode(&index.encode(7), 7).unwrap())
        } else {
            Preparation::of_corpus(&corpus)
        };
        let early = loop {
            let done = preparation.step(&corpus, budget);
            if let Some(early) = preparation.search(&corpus, &query, 10) {
                break early;
            }
            prop_assert!(!done, "a finished preparation answers");
        };
        prop_assert_eq!(early, index.search(&corpus, &query, 10));
    }

    /// Damaged bytes (whose checksum was then fixed, so that the decoder
    /// must catch the damage itself) never make decoding panic, and what
    /// decodes still searches without panicking.
    #[test]
    fn damaged_payloads_are_refused_or_harmless(corpus in random_corpus(), damage in prop::collection::vec((any::<usize>(), any::<u8>()), 1..4)) {
        let index = Index::build(&corpus);
        let mut bytes = index.encode(7);
        for (at, byte) in damage {
            let at = 36 + at % (bytes.len() - 36);
            bytes[at] = byte;
        }
        let checksum = xxhash_rust::xxh3::xxh3_64(&bytes[36..]);
        bytes[28..36].copy_from_slice(&checksum.to_le_bytes());
        if let Ok(decoded) = Index::decode(&bytes, 7) {
            decoded.search(&corpus, &Query::parse("国 a"), 10);
        }
    }
}

// ---------------------------------------------------------------------------
// Fixtures: every substring of every field.

fn every_substring_is_exact(corpus: &Corpus) {
    let index = Index::build(corpus);
    let mut queries = BTreeSet::new();
    for article in corpus.editions.iter().flat_map(|edition| &edition.articles) {
        for field in oracle_fields(article) {
            let chars: Vec<char> = field.chars().collect();
            for start in 0..chars.len() {
                for end in start + 1..=(start + 6).min(chars.len()) {
                    queries.insert(chars[start..end].iter().collect::<String>());
                }
            }
        }
    }
    for query in queries {
        assert_exact(&index, corpus, &Query::parse(&query));
    }
}

#[test]
fn every_substring_of_the_test_fixture_is_found_exactly() {
    every_substring_is_exact(&fixture("tests/fixtures/two-pages.json"));
}

#[test]
fn every_substring_of_the_bundled_corpus_is_found_exactly() {
    every_substring_is_exact(&fixture("www/corpus.json"));
}

#[test]
fn a_substring_split_between_words_is_found_where_word_segmenters_fail() {
    let corpus = corpus_of(vec![edition("2024-01-01", vec![
        article("a", 1, Some("测试"), &["这是一段简单的测试文本"]),
        article("b", 1, Some("Congress"), &["The CONGRESS met."]),
    ])]);
    let index = Index::build(&corpus);
    for (query, expected) in [("段简", "a"), ("ongres", "b"), ("ＣＯＮＧＲＥＳＳ met", "b")] {
        let results = index.search(&corpus, &Query::parse(query), 10);
        assert_eq!(results.total, 1, "{query}");
        assert_eq!(results.hits[0].article, expected, "{query}");
    }
    // A term never spans two fields.
    assert_eq!(index.search(&corpus, &Query::parse("测试这是"), 10).total, 0);
}

// ---------------------------------------------------------------------------
// Ranking.

fn ranked(corpus: &Corpus, query: &str) -> Vec<String> {
    Index::build(corpus).search(corpus, &Query::parse(query), 10).hits.into_iter().map(|hit| hit.article).collect()
}

#[test]
fn a_headline_hit_outranks_a_body_hit() {
    let corpus = corpus_of(vec![edition("2024-01-01", vec![
        article("body", 1, Some("市政协召开专题协商会"), &["围绕上合组织建言献策。"]),
        article("headline", 1, Some("上合组织经贸学院揭牌"), &["学院位于胶州，今年秋季开始招生，首批学员来自多个国家，课程覆盖经贸、物流与法律。"]),
    ])]);
    assert_eq!(ranked(&corpus, "上合组织"), ["headline", "body"]);
}

#[test]
fn adjacent_terms_outrank_scattered_ones() {
    let corpus = corpus_of(vec![edition("2024-01-01", vec![
        article("scattered", 1, None, &["青岛的港口很繁忙。", "另一方面，经贸往来增加。"]),
        article("adjacent", 1, None, &["青岛经贸往来增加。", "港口很繁忙。另一方面的消息。"]),
    ])]);
    assert_eq!(ranked(&corpus, "青岛 经贸"), ["adjacent", "scattered"]);
    let corpus = corpus_of(vec![edition("1916-01-01", vec![
        article("scattered", 1, None, &["The new mayor of York spoke.", "A long report followed."]),
        article("adjacent", 1, None, &["The New York mayor spoke.", "A long report followed."]),
    ])]);
    assert_eq!(ranked(&corpus, "new york"), ["adjacent", "scattered"]);
}

#[test]
fn in_a_query_of_two_terms_more_occurrences_rank_higher() {
    // "often" has 合作 three times beside 青岛港 and outranks "once", which
    // comes first in the corpus; "elsewhere" lacks 青岛港. The order of the
    // terms does not matter.
    let corpus = corpus_of(vec![edition("2024-01-01", vec![
        article("once", 1, None, &["青岛港开展合作，码头更忙。", "今年的吞吐量再创新高，航线持续增加。"]),
        article("often", 1, None, &["青岛港合作伙伴增加，合作领域扩大，合作更加深入。", "今年的吞吐量再创新高，航线持续增加。"]),
        article("elsewhere", 1, None, &["合作合作合作。"]),
    ])]);
    assert_eq!(ranked(&corpus, "青岛港 合作"), ["often", "once"]);
    assert_eq!(ranked(&corpus, "合作 青岛港"), ["often", "once"]);
}

#[test]
fn whole_words_outrank_pieces_of_words() {
    let corpus = corpus_of(vec![edition("1916-01-01", vec![
        article("inside", 1, None, &["Congressional hearings resumed today."]),
        article("word", 1, None, &["The congress resumed hearings today."]),
    ])]);
    assert_eq!(ranked(&corpus, "congress"), ["word", "inside"]);
}

#[test]
fn continued_fragments_are_one_result_counted_once() {
    let mut articles = vec![
        article("p1-1", 1, Some("能源体系建设"), &["新型能源体系建设加快，"]),
        article("p1-2", 1, Some("别的新闻"), &["与此无关。"]),
        article("p2-1", 2, Some("能源体系建设"), &["为国家能源安全贡献力量。"]),
    ];
    link(&mut articles, 0, 2);
    let corpus = corpus_of(vec![edition("2024-01-01", articles)]);
    let index = Index::build(&corpus);
    let results = index.search(&corpus, &Query::parse("能源"), 10);
    assert_eq!(results.total, 1);
    assert_eq!(results.hits[0].article, "p1-1");
    assert_eq!(results.hits[0].page, 1);
    // Terms found in different fragments of one story match it together.
    let results = index.search(&corpus, &Query::parse("加快 贡献"), 10);
    assert_eq!(results.hits.iter().map(|hit| hit.article.as_str()).collect::<Vec<_>>(), ["p1-1"]);
    // The page filter keeps a story printed in part on that page.
    let on_page_two = Query::parse("加快").with_filter(Filter { page: Some(2), ..Filter::default() });
    assert_eq!(index.search(&corpus, &on_page_two, 10).total, 1);
}

#[test]
fn results_carry_the_json_shape_the_reader_and_cli_use() {
    let corpus = fixture("tests/fixtures/two-pages.json");
    let results = Index::build(&corpus).search(&corpus, &Query::parse("上合"), 10);
    let json = serde_json::to_value(&results.hits).unwrap();
    let hit = &json[0];
    let mut keys: Vec<&str> = hit.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["article", "date", "headline", "page", "publication", "score", "snippets"]);
    assert_eq!(hit["article"], "2024-09-12-p2-1");
    assert_eq!(hit["date"], "2024-09-12");
    assert_eq!(hit["publication"], corpus.publication.title.as_str());
    let snippet = &hit["snippets"][0];
    let text: Vec<char> = snippet["text"].as_str().unwrap().chars().collect();
    let [start, end] = [0, 1].map(|i| snippet["highlights"][0][i].as_u64().unwrap() as usize);
    assert_eq!(text[start..end].iter().collect::<String>(), "上合");
}

/// An archive of several papers prints several editions on one date, and
/// their article ids may repeat: a hit names its publication, so that
/// date, publication and article name one story.
#[test]
fn hits_of_two_papers_of_one_date_name_their_publications() {
    let paper = |title: &str, text: &str| Edition {
        publication: Some(Publication { title: title.to_owned(), lang: "en".to_owned() }),
        ..edition("1916-03-04", vec![article("p1-1", 1, None, &[text])])
    };
    let corpus = corpus_of(vec![paper("The Sun", "Villa crosses the border"), paper("The Evening Star", "Villa raid reported")]);
    let results = Index::build(&corpus).search(&corpus, &Query::parse("villa"), 10);
    let mut named: Vec<(&str, &str, &str)> =
        results.hits.iter().map(|hit| (hit.date.as_str(), hit.publication.as_str(), hit.article.as_str())).collect();
    named.sort_unstable();
    assert_eq!(named, [("1916-03-04", "The Evening Star", "p1-1"), ("1916-03-04", "The Sun", "p1-1")]);
    let of_the_sun = Query::parse("villa").with_filter(Filter { publication: Some("The Sun".to_owned()), ..Filter::default() });
    let sun = Index::build(&corpus).search(&corpus, &of_the_sun, 10);
    assert_eq!(sun.hits.iter().map(|hit| hit.publication.as_str()).collect::<Vec<_>>(), ["The Sun"]);
}

/// Newest first: the same stories as best first, newest edition first,
/// best first within an edition, and the limit cuts that order.
#[test]
fn newest_first_orders_the_same_stories_by_edition_date() {
    let day = |date: &str, texts: &[&str]| {
        let articles = texts.iter().enumerate().map(|(i, text)| article(&format!("{date}-{i}"), 1, None, &[text])).collect();
        edition(date, articles)
    };
    let corpus = corpus_of(vec![
        day("2024-01-02", &["改革改革改革", "改革"]),
        day("2024-01-03", &["改革"]),
        day("2024-01-01", &["改革改革", "没有"]),
    ]);
    let index = Index::build(&corpus);
    let best = index.search(&corpus, &Query::parse("改革"), usize::MAX);
    let newest = index.search(&corpus, &Query::parse("改革").with_order(Order::Newest), usize::MAX);
    let ids = |results: &SearchResults| results.hits.iter().map(|hit| hit.article.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&newest), ["2024-01-03-0", "2024-01-02-0", "2024-01-02-1", "2024-01-01-0"]);
    let (mut a, mut b) = (ids(&best), ids(&newest));
    a.sort();
    b.sort();
    assert_eq!((a, best.total), (b, newest.total));
    let two = index.search(&corpus, &Query::parse("改革").with_order(Order::Newest), 2);
    assert_eq!((ids(&two), two.total), (ids(&newest)[..2].to_vec(), 4));
}

#[test]
fn limit_keeps_the_best_and_total_counts_all() {
    let articles = (0..30).map(|i| article(&format!("a{i}"), 1, None, &[&"改革".repeat(i % 5 + 1)])).collect();
    let corpus = corpus_of(vec![edition("2024-01-01", articles)]);
    let index = Index::build(&corpus);
    let all = index.search(&corpus, &Query::parse("改革"), usize::MAX);
    let top = index.search(&corpus, &Query::parse("改革"), 5);
    assert_eq!((all.total, top.total, top.hits.len()), (30, 30, 5));
    assert_eq!(top.hits, all.hits[..5]);
    assert!(all.hits.windows(2).all(|pair| pair[0].score >= pair[1].score));
}

// ---------------------------------------------------------------------------
// The index file.

#[test]
fn the_index_file_is_refused_when_stale_truncated_corrupt_or_foreign() {
    let corpus = fixture("tests/fixtures/two-pages.json");
    let index = Index::build(&corpus);
    let hash = corpus_hash(b"{}");
    let bytes = index.encode(hash);
    assert_eq!(Index::decode(&bytes, hash).unwrap(), index);
    assert!(matches!(Index::decode(&bytes, hash ^ 1), Err(IndexError::Stale { .. })));
    for len in 0..bytes.len() {
        assert!(matches!(Index::decode(&bytes[..len], hash), Err(IndexError::Truncated { .. })), "prefix of {len} bytes");
    }
    let mut flipped = bytes.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 0x10;
    assert_eq!(Index::decode(&flipped, hash), Err(IndexError::Corrupt { what: "checksum mismatch" }));
    let mut newer = bytes.clone();
    newer[8] = 99;
    assert!(matches!(Index::decode(&newer, hash), Err(IndexError::Version { found: 99, .. })));
    assert_eq!(Index::decode(&corpus::to_json(&corpus).into_bytes(), hash), Err(IndexError::NotAnIndex));
    let message = IndexError::Stale { index: 1, corpus: 2 }.to_string();
    assert!(message.contains("another corpus") && message.contains("rebuild"), "{message}");
}

#[test]
fn the_index_file_holds_the_layout_only_a_small_share_of_the_corpus() {
    let text = std::fs::read_to_string("www/corpus.json").unwrap();
    let bytes = Index::build(&corpus::load(&text).unwrap()).encode(corpus_hash(text.as_bytes()));
    assert!(bytes.len() * 20 < text.len(), "{} bytes of index for {} of corpus", bytes.len(), text.len());
}

#[test]
fn an_index_searched_with_a_corpus_it_was_not_built_from_finds_nothing() {
    // The hash check is the caller's (`Index::decode`); past it, a corpus
    // whose text does not fit the stored layout finds nothing rather than
    // wrong stories.
    let built_from = corpus_of(vec![edition("2024-01-01", vec![article("a", 1, Some("青岛港"), &["上合组织经贸学院"])])]);
    let other = corpus_of(vec![edition("2024-01-01", vec![article("a", 1, Some("青岛港口"), &["上合组织经贸学院"])])]);
    let stored = Index::build(&built_from).encode(7);
    let decoded = Index::decode(&stored, 7).unwrap();
    assert_eq!(decoded.search(&other, &Query::parse("上合"), 10), SearchResults::default());
    let decoded = Index::decode(&stored, 7).unwrap();
    assert_eq!(decoded.search(&built_from, &Query::parse("上合"), 10).total, 1);
}
