//! Search over an archive's index equals the single-corpus engine over the
//! same editions (itself checked against brute force in search.rs):
//! the same stories, in the same order, with the same scores and hits, on
//! generated archives of several partitions; and damaged or missing index
//! files fail the query with the file's name.

use std::collections::HashMap;

use broadsheet::archive::index_files::{SearchIndex, INDEX_FORMAT};
use broadsheet::archive::{check_story, story_texts};
use broadsheet::corpus::{Corpus, Edition, Publication};
use broadsheet::search::archive::{hit, plan, search_files, story_hit, ArchiveSearch, EditionRef, PartitionBuild, Story};
use broadsheet::search::{Filter, Hit, Index, Order, Query};
use broadsheet_dev::random_corpus::*;
use proptest::prelude::*;

/// An archive's index in memory: the index file and every file it names.
struct Built {
    index: SearchIndex,
    files: HashMap<String, Vec<u8>>,
    /// The corpus of every edition, in the index's order.
    corpus: Corpus,
}

fn build(corpus: &Corpus) -> Built {
    let mut editions: Vec<(EditionRef, &Edition)> = corpus
        .editions
        .iter()
        .map(|edition| {
            let publication = corpus.publication_of(edition).title.clone();
            let file = format!("editions/{}/{}.{:016x}.json", &edition.date[..4], edition.date, publication.len());
            (EditionRef { date: edition.date.clone(), publication, file }, edition)
        })
        .collect();
    editions.sort_by(|a, b| a.0.cmp(&b.0));
    let refs: Vec<EditionRef> = editions.iter().map(|(edition, _)| edition.clone()).collect();
    let mut index = SearchIndex { format: INDEX_FORMAT.to_owned(), version: 1, partitions: Vec::new() };
    let mut files = HashMap::new();
    for planned in plan(&refs) {
        let mut build = PartitionBuild::default();
        for (edition_ref, edition) in &editions[planned.editions.clone()] {
            let stories = story_texts(edition, corpus.publication_of(edition));
            for (name, bytes) in stories.files {
                files.insert(format!("{}/{name}", stories.folder), bytes);
            }
            build.add(edition, &edition_ref.publication, &edition_ref.file, Some(stories.folder));
        }
        let built = build.finish(&planned.key, &planned.sources);
        for (name, bytes) in built.files {
            files.insert(format!("{}/{name}", built.entry.folder), bytes);
        }
        index.partitions.push(built.entry);
    }
    let ordered = Corpus { editions: editions.iter().map(|(_, edition)| (*edition).clone()).collect(), ..corpus.clone() };
    Built { index, files, corpus: ordered }
}

/// Ranks `query`, then reads what every story's hit needs.
fn run(built: &Built, query: &Query) -> ArchiveSearch {
    let mut read = |name: &str| built.files.get(name).cloned().ok_or_else(|| "missing".to_owned());
    let mut search = search_files(&built.index, query.clone(), &mut read).expect("every file is there");
    let wanted = search.wanted_for(&search.ranked().expect("ranked").stories.clone());
    search.read_files(&wanted, &mut read).expect("every file is there");
    search
}

/// The hit of an archive story, its text taken from its story text file,
/// and the same hit cut from its edition's pages (as for editions without
/// story texts): the two must agree.
fn archive_hit(built: &Built, search: &ArchiveSearch, story: &Story) -> Hit {
    let edition_ref = search.edition_of(story).expect("the head was read");
    let edition = built.corpus.editions.iter().find(|edition| edition.date == edition_ref.date).expect("the edition is there");
    let fragments = search.fragments(story).expect("its chunk was read");
    let from_pages = hit(fragments, story.score, edition, &edition_ref.publication, search.query()).expect("the story is in its edition");
    let file = search.story_file(story).expect("its edition has story texts");
    let text = std::str::from_utf8(&built.files[&file]).expect("UTF-8");
    // Decoded without validation: the generated editions may hold empty
    // articles, which a publish refuses (a story of a valid edition is valid).
    let text = broadsheet::corpus::decode(text).expect("a story text decodes as a corpus");
    check_story(edition, &fragments.articles(), &text).expect("the story text is the story's");
    let from_story = story_hit(&text, story.score, search.query()).expect("the story text holds the query");
    assert_eq!(from_story, from_pages, "a story's hit from its text file and from its pages");
    from_story
}

/// Dates over two years: a past year, a past month and days of the newest month.
const DATES: [&str; 6] = ["2023-05-01", "2023-11-30", "2024-02-03", "2024-03-01", "2024-03-02", "2024-03-05"];

/// The evening paper that prints on the first of a month, beside the corpus's own.
const EVENING: &str = "青岛晚报";

fn random_archive() -> impl Strategy<Value = Corpus> {
    proptest::sample::subsequence(DATES.to_vec(), 1..=DATES.len())
        .prop_flat_map(|dates| dates.into_iter().map(random_edition).collect::<Vec<_>>())
        .prop_map(|mut editions| {
            for edition in editions.iter_mut().filter(|edition| edition.date.ends_with("-01")) {
                edition.publication = Some(Publication { title: EVENING.to_owned(), lang: "zh-CN".to_owned() });
            }
            corpus_of(editions)
        })
}

/// A piece of some unit of some article, chosen by the seeds.
fn excerpt(corpus: &Corpus, seeds: (usize, usize, usize, usize)) -> String {
    let texts: Vec<&str> = corpus
        .editions
        .iter()
        .flat_map(|edition| &edition.articles)
        .flat_map(|article| {
            let heads = [&article.headline, &article.kicker, &article.deck, &article.byline].into_iter().flatten().map(String::as_str);
            heads.chain(article.blocks.iter().filter_map(|block| block.text()))
        })
        .collect();
    let Some(text) = texts.get(seeds.0 % texts.len().max(1)) else { return "上".to_owned() };
    let chars: Vec<char> = text.chars().collect();
    let start = seeds.1 % chars.len().max(1);
    let len = 1 + seeds.2 % 6;
    chars[start.min(chars.len())..(start + len).min(chars.len())].iter().collect()
}

/// Archive and single corpus agree on every story, its order and score,
/// and on the first hits with their snippets.
fn assert_same(built: &Built, corpus: &Corpus, query: &Query) {
    let single = Index::build(corpus).search(corpus, query, usize::MAX);
    let search = run(built, query);
    let ranked = search.ranked().expect("ranked");
    assert_eq!(ranked.stories.len(), single.total, "total of {query:?}");
    for (story, expected) in ranked.stories.iter().zip(&single.hits).take(5) {
        let mut found = archive_hit(built, &search, story);
        found.edition = expected.edition;
        assert_eq!(&found, expected, "hit of {query:?}");
    }
    let order: Vec<(String, String, u32)> = ranked
        .stories
        .iter()
        .map(|story| {
            let edition = search.edition_of(story).expect("head");
            let date = edition.date.clone();
            let first = search.fragments(story).expect("its chunk was read").fragments[0].0;
            let article = built.corpus.editions.iter().find(|e| e.date == date).unwrap().articles[first as usize].id.clone();
            (date, article, story.score.to_bits())
        })
        .collect();
    let expected: Vec<(String, String, u32)> = single.hits.iter().map(|hit| (hit.date.clone(), hit.article.clone(), hit.score.to_bits())).collect();
    assert_eq!(order, expected, "order of {query:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 150, ..ProptestConfig::default() })]

    /// Without a filter, the archive is searched as one corpus of all its editions.
    #[test]
    fn archive_search_is_single_corpus_search(corpus in random_archive(), seeds in any::<[(usize, usize, usize, usize); 2]>(), two in any::<bool>()) {
        let built = build(&corpus);
        let mut text = excerpt(&corpus, seeds[0]);
        if two {
            text = format!("{text} {}", excerpt(&corpus, seeds[1]));
        }
        assert_same(&built, &built.corpus, &Query::parse(&text));
    }

    /// With a date filter, the archive searches the partitions the dates
    /// reach, as one corpus of their editions; with a publication or page
    /// filter, all.
    #[test]
    fn a_filtered_search_is_that_of_the_partitions_reached(
        corpus in random_archive(),
        seeds in any::<(usize, usize, usize, usize)>(),
        from in proptest::option::of(proptest::sample::select(DATES.to_vec())),
        to in proptest::option::of(proptest::sample::select(DATES.to_vec())),
        publication in proptest::option::of(proptest::sample::select(vec!["测试日报", EVENING, "另一报"])),
        page in proptest::option::of(1u32..4),
    ) {
        let built = build(&corpus);
        let filter = Filter { from: from.map(str::to_owned), to: to.map(str::to_owned), publication: publication.map(str::to_owned), page };
        let query = Query::parse(&excerpt(&corpus, seeds)).with_filter(filter.clone());
        let reached: Vec<&broadsheet::archive::index_files::PartitionEntry> = built.index.partitions.iter()
            .filter(|p| filter.from.as_deref().is_none_or(|from| p.to.as_str() >= from) && filter.to.as_deref().is_none_or(|to| p.from.as_str() <= to))
            .collect();
        let within = Corpus {
            editions: built.corpus.editions.iter().filter(|e| reached.iter().any(|p| p.from <= e.date && e.date <= p.to)).cloned().collect(),
            ..built.corpus.clone()
        };
        assert_same(&built, &within, &query);
    }

    /// Newest first: the same stories, newest edition first, best first
    /// within it, as a single corpus orders them.
    #[test]
    fn newest_first_orders_the_same_stories_by_edition(corpus in random_archive(), seeds in any::<(usize, usize, usize, usize)>()) {
        let built = build(&corpus);
        let query = Query::parse(&excerpt(&corpus, seeds));
        let best_search = run(&built, &query);
        let newest_query = query.clone().with_order(Order::Newest);
        let newest_search = run(&built, &newest_query);
        let (best, newest) = (&best_search.ranked().unwrap().stories, &newest_search.ranked().unwrap().stories);
        let mut groups: Vec<u32> = best.iter().map(|story| story.group).collect();
        let mut again: Vec<u32> = newest.iter().map(|story| story.group).collect();
        groups.sort_unstable();
        again.sort_unstable();
        prop_assert_eq!(groups, again);
        let by_edition = |story: &Story| (newest_search.place_of(story).map(|(partition, _)| partition), newest_search.edition_of(story).map(|edition| edition.date.clone()));
        for pair in newest.windows(2) {
            let (a, b) = (by_edition(&pair[0]), by_edition(&pair[1]));
            prop_assert!(a > b || (a == b && pair[0].score >= pair[1].score));
        }
        assert_same(&built, &built.corpus, &newest_query);
    }

    /// A first screen finds exactly the stories the whole search finds in
    /// the newest partitions, and hands its files on: the whole search
    /// then reads none of them again.
    #[test]
    fn a_first_screen_is_the_whole_search_in_the_newest_partitions(corpus in random_archive(), seeds in any::<(usize, usize, usize, usize)>()) {
        let built = build(&corpus);
        let query = Query::parse(&excerpt(&corpus, seeds));
        let whole = run(&built, &query);
        let Some(mut first) = ArchiveSearch::first_screen(&built.index, query.clone()) else {
            let storied = built.index.partitions.iter().filter(|partition| partition.groups > 0).count();
            prop_assert!(query.is_empty() || storied <= 1, "several partitions with stories, and no first screen");
            return Ok(());
        };
        let newest: Vec<usize> = first.partitions().collect();
        prop_assert!(!newest.is_empty() && newest.iter().all(|&p| p + newest.len() >= built.index.partitions.len()), "the newest partitions: {:?}", newest);
        let mut read = |name: &str| built.files.get(name).cloned().ok_or_else(|| "missing".to_owned());
        let mut given = Vec::new();
        loop {
            let wanted = first.wanted().unwrap();
            if wanted.is_empty() {
                break;
            }
            first.read_files(&wanted, &mut read).unwrap();
            given.extend(wanted);
        }
        let mut found: Vec<u32> = first.ranked().unwrap().stories.iter().map(|story| story.group).collect();
        let mut expected: Vec<u32> = whole.ranked().unwrap().stories.iter().filter(|story| whole.place_of(story).is_some_and(|(partition, _)| newest.contains(&partition))).map(|story| story.group).collect();
        found.sort_unstable();
        expected.sort_unstable();
        prop_assert_eq!(found, expected);
        let mut rest = ArchiveSearch::new(&built.index, query);
        rest.take_over(first);
        loop {
            let wanted = rest.wanted().unwrap();
            if wanted.is_empty() {
                break;
            }
            prop_assert!(wanted.iter().all(|name| !given.contains(name)), "read again: {:?}", wanted);
            rest.read_files(&wanted, &mut read).unwrap();
        }
        prop_assert_eq!(rest.ranked(), whole.ranked());
    }
}

#[test]
fn a_missing_or_damaged_index_file_fails_the_query_naming_it() {
    let corpus = corpus_of(vec![edition("2024-03-01", vec![article("a", 1, Some("上合组织峰会"), &["青岛新高地"])])]);
    let built = build(&corpus);
    let query = Query::parse("峰会");
    let needed = ArchiveSearch::new(&built.index, query.clone()).wanted().unwrap();
    assert_eq!(needed.len(), 1, "one pair, one partition: {needed:?}");
    let missing = search_files(&built.index, query.clone(), |name| {
        if name == needed[0] { Err("not found (HTTP 404)".to_owned()) } else { Ok(built.files[name].clone()) }
    });
    let error = missing.unwrap_err();
    assert_eq!((error.file.as_str(), error.reason.as_str()), (needed[0].as_str(), "not found (HTTP 404)"));
    let damaged = search_files(&built.index, query, |name| {
        let mut bytes = built.files[name].clone();
        if name == needed[0] {
            let last = bytes.len() - 1;
            bytes[last] ^= 0x55;
        }
        Ok(bytes)
    });
    let error = damaged.unwrap_err();
    assert_eq!(error.file, needed[0]);
    assert!(error.reason.contains("checksum"), "{}", error.reason);
}

#[test]
fn terms_side_by_side_across_two_paragraphs_are_not_adjacent() {
    let articles = vec![
        article("across", 1, None, &["上合组织", "峰会青岛"]),
        article("within", 1, None, &["上合组织 峰会", "青岛"]),
        article("apart", 2, Some("组织"), &["上合组织在", "青岛的峰会"]),
    ];
    let corpus = corpus_of(vec![edition("2024-03-01", articles)]);
    let built = build(&corpus);
    for query in ["组织 峰会", "上合组织 峰会青", "峰会 青岛"] {
        assert_same(&built, &built.corpus, &Query::parse(query));
    }
}

#[test]
fn a_common_term_is_ranked_by_the_lengths_file_as_the_single_corpus_ranks_it() {
    let articles: Vec<_> = (0..1100)
        .map(|n| {
            let filler = "新高地".repeat(n % 7);
            article(&format!("a{n}"), 1 + (n % 3) as u32, (n % 5 == 0).then_some("青岛"), &[&format!("{filler}青岛{filler}合作")])
        })
        .collect();
    let corpus = corpus_of(vec![edition("2024-03-01", articles)]);
    let built = build(&corpus);
    let mut read_names = Vec::new();
    let mut read = |name: &str| {
        read_names.push(name.to_owned());
        built.files.get(name).cloned().ok_or_else(|| "missing".to_owned())
    };
    let search = search_files(&built.index, Query::parse("青岛"), &mut read).unwrap();
    assert_eq!(search.ranked().unwrap().stories.len(), 1100);
    assert!(read_names.iter().any(|name| name.ends_with("/lengths.bin")), "{read_names:?}");
    assert!(!read_names.iter().any(|name| name.contains("/groups-")), "no chunk is read to rank: {read_names:?}");
    for query in ["青岛", "青岛 合作", "新高地青"] {
        assert_same(&built, &built.corpus, &Query::parse(query));
    }
}

#[test]
fn a_rare_pair_beside_a_common_one_reads_the_common_list_only_where_the_rare_one_is() {
    // "工作" in every story of three partitions (a list of its own in each);
    // "作愁" in one story of the newest.
    let day = |date: &str, rare: bool| {
        let articles: Vec<_> = (0..400)
            .map(|n| {
                let text = if rare && n == 7 { "工作愁人".to_owned() } else { format!("{}{}", "工作，".repeat(4), "新高地".repeat(n % 5)) };
                article(&format!("a{n}"), 1, None, &[&text])
            })
            .collect();
        edition(date, articles)
    };
    let corpus = corpus_of(vec![day("2023-05-01", false), day("2024-02-03", false), day("2024-03-05", true)]);
    let built = build(&corpus);
    let common_lists = built.files.keys().filter(|name| name.ends_with(&format!("/pair-{:x}-{:x}.bin", '工' as u32, '作' as u32))).count();
    assert_eq!(common_lists, 3, "the common pair has a list file in each partition");
    for (query, lists) in [("工作愁", 1), ("工作 愁", 3)] {
        let mut read_names = Vec::new();
        let mut read = |name: &str| {
            read_names.push(name.to_owned());
            built.files.get(name).cloned().ok_or_else(|| "missing".to_owned())
        };
        let search = search_files(&built.index, Query::parse(query), &mut read).unwrap();
        assert_eq!(search.ranked().unwrap().stories.len(), 1, "{query}");
        let read_lists = read_names.iter().filter(|name| name.contains("/pair-")).count();
        // Two terms: "工作"'s story count in every partition ranks the match, so its lists are read.
        assert_eq!(read_lists, lists, "{query}: {read_names:?}");
        assert_same(&built, &built.corpus, &Query::parse(query));
    }
}
