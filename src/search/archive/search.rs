//! A query over an archive's index: which files it needs, and, once they
//! are given, every matching story ranked, exactly as the single-corpus
//! engine ranks the same editions as one corpus.
//!
//! [`ArchiveSearch`] is a state machine that does no I/O, so that the CLI
//! (reading files) and the reader (fetching them) drive the same code:
//! [`ArchiveSearch::wanted`] says which files the next step needs,
//! [`ArchiveSearch::give`] hands one over, until `wanted` is empty and
//! [`ArchiveSearch::ranked`] has the answer. [`search_files`] drives it
//! with a function that reads a file.
//!
//! # What it fetches
//!
//! For each partition the date filter reaches: the shard of each of the
//! query's character pairs (a term of one character: its character's
//! shard), then the files of those lists too long to share a shard, then
//! the lengths of the stories that hold every term (their chunks when they
//! are few, or a page filter needs their pages; else the partition's
//! lengths file), and the partition's head (for the date filter, the
//! newest-first order and the results shown). The results shown then need
//! their chunks, unless ranking read them ([`ArchiveSearch::wanted_for`]). Matching is the matcher's ([`crate::search::matcher`]) over pair
//! lists with positions: a term occurs where every pair covering it does,
//! nothing is approximate.
//!
//! # A first screen before the exact total
//!
//! A common query matches stories in every partition, and its lists in
//! the old, large ones are most of what it fetches. [`ArchiveSearch::first_screen`]
//! searches only the newest partitions, those holding [`FIRST_SCREEN_SHARE`]
//! of the stories searched: its results are true matches, shown while the
//! whole search goes on, which then replaces them with the exact total
//! and ranking (its scores are those of the partitions it searched, so
//! even newest first its order within an edition may change). Files it
//! read serve the whole search ([`ArchiveSearch::take_over`]).
//!
//! # Collection statistics
//!
//! BM25's story count, average length and each term's story count are
//! those of the partitions searched: the whole archive without a date
//! filter (so ranking equals the single-corpus engine's over every
//! edition), the partitions the dates reach with one (so a search of one
//! month fetches that month's files only).

use rustc_hash::FxHashMap;

use super::build::shard_of;
use super::files::{decode_char_list, decode_groups, decode_lengths, decode_list, decode_shard, GroupEntry, Kind, ListAt, Occurrence, PairListReader, Shard};
use crate::archive::index_files::{PartitionEntry, PartitionHead, SearchIndex, GROUPS_PER_CHUNK};
use crate::search::analyzer::{is_ideograph, WordMarks};
use crate::search::collector::{collect, newest_first, top, Candidate};
use crate::search::fields::{Field, BODY_BOOST};
use crate::search::format::IndexError;
use crate::search::matcher::{add, add_weight, TermMatch, PER_FRAGMENT};
use crate::search::query::{Order, Query};
use crate::search::scorer::{Bm25, Bonuses};

/// Up to how many chunks of stories a partition's candidates may need
/// before their lengths are read from the partition's lengths file instead:
/// a rare query reads a chunk or two, a common one one file, not hundreds.
const FEW_CHUNKS: usize = 4;

/// The share of the stories searched that a first screen searches (the
/// newest partitions, at least one): a query found in one story in a
/// thousand fills a screen of ten from a hundredth of a large archive.
pub const FIRST_SCREEN_SHARE: f64 = 0.01;

/// Why a search over an archive failed: a file it needed is missing or
/// damaged. Reading the archive is not affected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchError {
    /// The archive file, relative to the archive's folder.
    pub file: String,
    pub reason: String,
}

impl std::fmt::Display for SearchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.reason)
    }
}

impl std::error::Error for SearchError {}

/// A story found and its score; its search knows where it is
/// ([`ArchiveSearch::place_of`]). Eight bytes: an archive's ranking holds
/// one for every match, maybe a million.
#[derive(Clone, Debug, PartialEq)]
pub struct Story {
    /// Its number in the archive's order (partitions, then editions, then
    /// stories in corpus order).
    pub group: u32,
    pub score: f32,
}

/// Every matching story, ordered.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ranked {
    pub stories: Vec<Story>,
}

/// A partition the query searches.
#[derive(Clone, Debug)]
struct Searched {
    partition: usize,
    /// Its first story's number in the archive's order.
    first_group: u32,
    /// The filter may keep some of its editions, not all (its dates cut
    /// through the partition's, or it names a publication): its head decides.
    cut: bool,
}

/// A file given, decoded.
#[derive(Clone, Debug)]
enum Loaded {
    Shard(Shard),
    /// A list in a file of its own.
    List(Vec<u8>),
    Groups(Vec<GroupEntry>),
    Lengths(Vec<u32>),
    /// A head, and where each of its editions' stories start.
    Head(PartitionHead, Vec<u32>),
}

/// One occurrence of a term of two or more characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Start {
    group: u32,
    fragment: u32,
    position: u32,
    ends_unit: bool,
}

/// A term's matches in one partition: stories (local numbers) with
/// weights, and occurrences for adjacency.
#[derive(Clone, Debug, Default)]
struct PartMatch {
    groups: Vec<(u32, f32)>,
    starts: Vec<Start>,
}

/// See the module documentation.
#[derive(Debug)]
pub struct ArchiveSearch {
    index: SearchIndex,
    query: Query,
    searched: Vec<Searched>,
    files: FxHashMap<String, Loaded>,
    /// Per searched partition (by index), per term, once its lists are
    /// read; until the stories are ranked. The lists are let go once read:
    /// a common pair's are megabytes.
    matched: FxHashMap<usize, Vec<PartMatch>>,
    /// A first screen keeps its matches once ranked, to hand them on
    /// ([`ArchiveSearch::take_over`]).
    hands_on: bool,
    ranked: Option<Ranked>,
}

impl ArchiveSearch {
    pub fn new(index: &SearchIndex, query: Query) -> ArchiveSearch {
        let filter = query.filter().clone();
        let mut searched = Vec::new();
        let mut first_group = 0u32;
        for (partition, entry) in index.partitions.iter().enumerate() {
            let before = filter.to.as_deref().is_some_and(|to| entry.from.as_str() > to);
            let after = filter.from.as_deref().is_some_and(|from| entry.to.as_str() < from);
            if !(before || after || query.is_empty()) {
                let cut = !(filter.accepts_date(&entry.from) && filter.accepts_date(&entry.to)) || filter.publication.is_some();
                searched.push(Searched { partition, first_group, cut });
            }
            first_group = first_group.saturating_add(entry.groups);
        }
        ArchiveSearch { index: index.clone(), query, searched, files: FxHashMap::default(), matched: FxHashMap::default(), hands_on: false, ranked: None }
    }

    /// A search of the newest partitions `query` reaches, those holding
    /// [`FIRST_SCREEN_SHARE`] of its stories: a first screen of true matches
    /// before the exact total. `None` when they are all the partitions
    /// searched (the whole search is as quick).
    pub fn first_screen(index: &SearchIndex, query: Query) -> Option<ArchiveSearch> {
        let mut search = ArchiveSearch::new(index, query);
        let stories = |searched: &Searched| u64::from(index.partitions[searched.partition].groups);
        let total: u64 = search.searched.iter().map(stories).sum();
        let wanted = ((total as f64 * FIRST_SCREEN_SHARE).ceil() as u64).max(1);
        // The newest partitions, from the end, until they hold what is wanted.
        let (mut kept, mut held) = (0, 0);
        for searched in search.searched.iter().rev() {
            if held >= wanted {
                break;
            }
            held += stories(searched);
            kept += 1;
        }
        // All of them (or too few stories in all): the whole search is as quick.
        if kept == search.searched.len() {
            return None;
        }
        search.searched.drain(..search.searched.len() - kept);
        search.hands_on = true;
        Some(search)
    }

    /// The files the next step needs that were not given yet; empty once
    /// [`ArchiveSearch::ranked`] has the answer. Does the steps whose
    /// files are all there.
    pub fn wanted(&mut self) -> Result<Vec<String>, SearchError> {
        if self.ranked.is_some() {
            return Ok(Vec::new());
        }
        for step in [Self::shard_files, Self::list_files] {
            let missing: Vec<String> = step(self).into_iter().filter(|name| !self.files.contains_key(name)).collect();
            if !missing.is_empty() {
                return Ok(missing);
            }
        }
        self.match_terms()?;
        let next = self.ranking_files();
        let missing: Vec<String> = next.into_iter().filter(|name| !self.files.contains_key(name)).collect();
        if !missing.is_empty() {
            return Ok(missing);
        }
        let matched = if self.hands_on { self.matched.clone() } else { std::mem::take(&mut self.matched) };
        self.ranked = Some(self.rank(matched)?);
        Ok(Vec::new())
    }

    /// Hands over the file `name` (one [`ArchiveSearch::wanted`] named).
    pub fn give(&mut self, name: &str, bytes: &[u8]) -> Result<(), SearchError> {
        let failed = |error: IndexError| SearchError { file: name.to_owned(), reason: error.to_string() };
        let stem = name.rsplit('/').next().unwrap_or(name);
        let loaded = if stem == "head.json" {
            let text = std::str::from_utf8(bytes).map_err(|_| SearchError { file: name.to_owned(), reason: "not UTF-8".to_owned() })?;
            let head = PartitionHead::decode(text).map_err(|error| SearchError { file: name.to_owned(), reason: error.lines().join("; ") })?;
            let starts = head.editions.iter().scan(0u32, |next, edition| {
                let start = *next;
                *next = next.saturating_add(edition.groups);
                Some(start)
            });
            let starts = starts.collect();
            Loaded::Head(head, starts)
        } else if stem.starts_with("pairs-") {
            Loaded::Shard(decode_shard(Kind::Pairs, bytes).map_err(failed)?)
        } else if stem.starts_with("chars-") {
            Loaded::Shard(decode_shard(Kind::Chars, bytes).map_err(failed)?)
        } else if stem.starts_with("pair-") {
            Loaded::List(decode_list(Kind::Pairs, bytes).map_err(failed)?.to_vec())
        } else if stem.starts_with("char-") {
            Loaded::List(decode_list(Kind::Chars, bytes).map_err(failed)?.to_vec())
        } else if stem == "lengths.bin" {
            Loaded::Lengths(decode_lengths(bytes).map_err(failed)?)
        } else {
            Loaded::Groups(decode_groups(bytes).map_err(failed)?)
        };
        self.files.insert(name.to_owned(), loaded);
        Ok(())
    }

    /// Takes over the heads and lengths files `earlier` (a search of the
    /// same index) was given: every query reads them, and they never change.
    pub fn reuse(&mut self, earlier: &ArchiveSearch) {
        for (name, loaded) in &earlier.files {
            if matches!(loaded, Loaded::Head(..) | Loaded::Lengths(_)) {
                self.files.entry(name.clone()).or_insert_with(|| loaded.clone());
            }
        }
    }

    /// Takes over what `first` (this query's first screen) read: the
    /// matches in its partitions, and the files ranking needs.
    pub fn take_over(&mut self, first: ArchiveSearch) {
        for (name, loaded) in first.files {
            self.files.entry(name).or_insert(loaded);
        }
        for (partition, terms) in first.matched {
            self.matched.entry(partition).or_insert(terms);
        }
    }

    /// Gives the files `names`, each read by `read`.
    pub fn read_files(&mut self, names: &[String], read: &mut impl FnMut(&str) -> Result<Vec<u8>, String>) -> Result<(), SearchError> {
        for name in names {
            let bytes = read(name).map_err(|reason| SearchError { file: name.clone(), reason })?;
            self.give(name, &bytes)?;
        }
        Ok(())
    }

    /// Every matching story, ordered, once [`ArchiveSearch::wanted`] is empty.
    pub fn ranked(&self) -> Option<&Ranked> {
        self.ranked.as_ref()
    }

    /// The query.
    pub fn query(&self) -> &Query {
        &self.query
    }

    /// The partitions searched (indices into the index's `partitions`), oldest first.
    pub fn partitions(&self) -> impl Iterator<Item = usize> + '_ {
        self.searched.iter().map(|searched| searched.partition)
    }

    /// How many editions the search covers.
    pub fn editions(&self) -> u32 {
        self.searched.iter().map(|searched| self.index.partitions[searched.partition].editions).sum()
    }

    /// The files `stories` need for their hits ([`ArchiveSearch::edition_of`],
    /// [`ArchiveSearch::fragments`]) that were not given yet: their
    /// partitions' heads and their chunks.
    pub fn wanted_for(&self, stories: &[Story]) -> Vec<String> {
        let names = stories.iter().filter_map(|story| self.place_of(story)).flat_map(|(partition, local)| {
            let entry = &self.index.partitions[partition];
            [entry.head(), entry.groups_file(local / GROUPS_PER_CHUNK)]
        });
        distinct(names.filter(|name| !self.files.contains_key(name)))
    }

    /// Where `story` is: its partition (index into the index's
    /// `partitions`) and its number there.
    pub fn place_of(&self, story: &Story) -> Option<(usize, u32)> {
        self.place(story.group).map(|(searched, local)| (searched.partition, local))
    }

    /// The edition of `story`, once its partition's head was given:
    /// its date, publication and file.
    pub fn edition_of(&self, story: &Story) -> Option<&crate::archive::index_files::HeadEdition> {
        let (partition, local) = self.place_of(story)?;
        let (head, at, _) = self.edition_at(partition, local)?;
        head.editions.get(at)
    }

    /// The file of `story`'s text ([`crate::archive::stories`]), once its
    /// partition's head was given; `None` when its edition has no story
    /// texts (published before they were).
    pub fn story_file(&self, story: &Story) -> Option<String> {
        let (partition, local) = self.place_of(story)?;
        let (head, at, first) = self.edition_at(partition, local)?;
        let folder = head.editions.get(at)?.stories.as_deref()?;
        Some(crate::archive::story_file(folder, local - first))
    }

    /// The story's fragments (article index in its edition, and page), once
    /// its chunk was given.
    pub fn fragments(&self, story: &Story) -> Option<&GroupEntry> {
        let (partition, local) = self.place_of(story)?;
        self.chunk_entry(partition, local)
    }

    /// The head of `partition`, once given, the index in it of the
    /// edition of its story `local`, and that edition's first story.
    fn edition_at(&self, partition: usize, local: u32) -> Option<(&PartitionHead, usize, u32)> {
        match self.files.get(&self.index.partitions.get(partition)?.head())? {
            Loaded::Head(head, starts) => {
                let at = starts.partition_point(|&start| start <= local).checked_sub(1)?;
                Some((head, at, starts[at]))
            }
            _ => None,
        }
    }

    fn chunk_entry(&self, partition: usize, local: u32) -> Option<&GroupEntry> {
        match self.files.get(&self.index.partitions.get(partition)?.groups_file(local / GROUPS_PER_CHUNK))? {
            Loaded::Groups(chunk) => chunk.get((local % GROUPS_PER_CHUNK) as usize),
            _ => None,
        }
    }

    /// Every list the query reads: per partition searched, per term, its
    /// keys, and whether each is a pair's.
    fn keys(&self) -> impl Iterator<Item = (&PartitionEntry, (u32, u32), bool)> + '_ {
        self.searched.iter().filter(|searched| !self.matched.contains_key(&searched.partition)).flat_map(move |searched| {
            let entry = &self.index.partitions[searched.partition];
            self.query.terms().iter().flat_map(move |term| term_keys(term.chars()).into_iter().map(move |(key, pair)| (entry, key, pair)))
        })
    }

    /// The shard files of every term in every partition searched.
    fn shard_files(&self) -> Vec<String> {
        distinct(self.keys().map(|(entry, key, pair)| shard_name(entry, key, pair)))
    }

    /// The files of the lists that the shards given say have files of their
    /// own; but not those of a term one of whose keys has no list in the
    /// partition: the term is nowhere there, and a common pair's long list
    /// would be read for nothing (a rare pair beside a common one is the
    /// costliest query otherwise). Each term's story count, which ranking
    /// needs, is still exact: no story there holds it.
    fn list_files(&self) -> Vec<String> {
        let mut names = Vec::new();
        for searched in self.searched.iter().filter(|searched| !self.matched.contains_key(&searched.partition)) {
            let entry = &self.index.partitions[searched.partition];
            for term in self.query.terms() {
                let keys = term_keys(term.chars());
                let at: Vec<Option<ListAt>> = keys.iter().map(|&(key, pair)| self.shard(&shard_name(entry, key, pair)).and_then(|shard| shard.list(key))).collect();
                if at.iter().any(Option::is_none) {
                    continue;
                }
                let own = keys.iter().zip(&at).filter(|(_, at)| **at == Some(ListAt::OwnFile));
                names.extend(own.map(|(&(key, pair), _)| entry.list(pair, key)));
            }
        }
        distinct(names.into_iter())
    }

    /// The bytes of the list of `key` in `entry`, wherever its shard says it
    /// is, and the file they came from; `None` when the partition has none.
    fn list_bytes(&self, entry: &PartitionEntry, key: (u32, u32), pair: bool) -> Option<(&[u8], String)> {
        let shard = shard_name(entry, key, pair);
        match self.shard(&shard)?.list(key)? {
            ListAt::Here(bytes) => Some((bytes, shard)),
            ListAt::OwnFile => {
                let name = entry.list(pair, key);
                match self.files.get(&name)? {
                    Loaded::List(bytes) => Some((bytes.as_slice(), name)),
                    _ => None,
                }
            }
        }
    }

    /// What ranking needs besides the lists, per partition where every
    /// term was found: the stories' lengths (their chunks when they are
    /// few or a page filter needs their pages, else the partition's
    /// lengths file), and its head.
    fn ranking_files(&self) -> Vec<String> {
        let mut names = Vec::new();
        for searched in &self.searched {
            let Some(terms) = self.matched.get(&searched.partition) else { return Vec::new() };
            let entry = &self.index.partitions[searched.partition];
            let mut chunks: Vec<u32> = candidates(terms).map(|group| group / GROUPS_PER_CHUNK).collect();
            chunks.dedup();
            if chunks.is_empty() {
                continue;
            }
            if self.query.filter().page.is_some() || chunks.len() <= FEW_CHUNKS {
                names.extend(chunks.into_iter().map(|chunk| entry.groups_file(chunk)));
            } else {
                names.push(entry.lengths());
            }
            // Needed where the date filter cuts through the partition or results
            // go newest first, and by every result shown: fetched now, it
            // saves the first screen a round trip (and serves later queries).
            names.push(entry.head());
        }
        names
    }

    fn shard(&self, name: &str) -> Option<&Shard> {
        match self.files.get(name)? {
            Loaded::Shard(shard) => Some(shard),
            _ => None,
        }
    }

    /// Each term's matches in each partition searched not matched yet,
    /// once their lists are given; then the lists are let go.
    fn match_terms(&mut self) -> Result<(), SearchError> {
        for searched in &self.searched {
            if self.matched.contains_key(&searched.partition) {
                continue;
            }
            let entry = &self.index.partitions[searched.partition];
            let mut terms = Vec::with_capacity(self.query.terms().len());
            for term in self.query.terms() {
                terms.push(self.match_term(entry, term.chars())?);
            }
            self.matched.insert(searched.partition, terms);
        }
        self.files.retain(|_, loaded| !matches!(loaded, Loaded::Shard(_) | Loaded::List(_)));
        Ok(())
    }

    fn match_term(&self, entry: &PartitionEntry, term: &[char]) -> Result<PartMatch, SearchError> {
        let keys = term_keys(term);
        if let [(key, false)] = keys[..] {
            let Some((list, name)) = self.list_bytes(entry, key, false) else { return Ok(PartMatch::default()) };
            let list = decode_char_list(list).map_err(|error| SearchError { file: name, reason: error.to_string() })?;
            let mut found = PartMatch::default();
            for hit in list {
                add_weight(&mut found.groups, hit.group, hit.weight);
            }
            return Ok(found);
        }
        let mut lists = Vec::with_capacity(keys.len());
        for (key, _) in keys {
            let Some(list) = self.list_bytes(entry, key, true) else { return Ok(PartMatch::default()) };
            lists.push(list);
        }
        let bytes: Vec<&[u8]> = lists.iter().map(|(bytes, _)| *bytes).collect();
        let side_by_side = self.query.terms().len() > 1;
        match_run(&bytes, term, side_by_side).map_err(|(at, error)| SearchError { file: lists[at].1.clone(), reason: error.to_string() })
    }

    /// Scores and orders the stories `matched` found, once chunks and heads
    /// are given; each partition's matches are let go as they are taken in.
    fn rank(&self, mut matched: FxHashMap<usize, Vec<PartMatch>>) -> Result<Ranked, SearchError> {
        let terms_count = self.query.terms().len();
        let mut terms: Vec<TermMatch> = vec![TermMatch::default(); terms_count];
        let mut starts: Vec<Vec<Start>> = vec![Vec::new(); terms_count];
        for (t, term) in terms.iter_mut().enumerate() {
            term.groups.reserve_exact(matched.values().map(|parts| parts.get(t).map_or(0, |part| part.groups.len())).sum());
        }
        let (mut groups, mut length) = (0usize, 0u64);
        for searched in &self.searched {
            let parts = matched.remove(&searched.partition).unwrap_or_default();
            let entry = &self.index.partitions[searched.partition];
            groups += entry.groups as usize;
            length += entry.length;
            for (t, part) in parts.into_iter().enumerate() {
                let first = searched.first_group;
                terms[t].groups.extend(part.groups.into_iter().map(|(group, weight)| (first + group, weight)));
                starts[t].extend(part.starts.into_iter().map(|start| Start { group: first + start.group, ..start }));
            }
        }
        let bm25 = Bm25::of_totals(groups, length);
        let lens: Vec<usize> = self.query.terms().iter().map(|term| term.chars().len()).collect();
        let bonuses = (1..terms_count)
            .filter(|&t| !starts[t - 1].is_empty() && !starts[t].is_empty())
            .map(|t| {
                let adjacent = adjacent_groups(&starts[t - 1], lens[t - 1], &starts[t]);
                let bonus = bm25.adjacency_bonus(bm25.idf(terms[t - 1].groups.len()), bm25.idf(terms[t].groups.len()));
                (adjacent, bonus)
            })
            .collect();
        let mut bonuses = Bonuses::new(bonuses);
        let filter = self.query.filter();
        let accept = |group: u32| {
            let Some((searched, local)) = self.place(group) else { return false };
            let edition_ok = !searched.cut
                || self.edition_at(searched.partition, local).is_some_and(|(head, at, _)| {
                    let edition = &head.editions[at];
                    filter.accepts_edition(&edition.date, &edition.publication)
                });
            let page_ok = || {
                let fragments = self.chunk_entry(searched.partition, local).map_or(&[][..], |story| &story.fragments[..]);
                filter.page.is_none_or(|page| fragments.iter().any(|&(_, on)| on == page))
            };
            edition_ok && page_ok()
        };
        let len = |group: u32| self.place(group).and_then(|(searched, local)| self.story_len(searched.partition, local)).unwrap_or(0);
        let candidates = collect(&terms, &bm25, len, accept, |group| bonuses.earned_by(group));
        // What matched is scored: its room serves the ordering.
        drop((terms, starts, bonuses));
        // Ordered as the single-corpus engine orders: partitions and their
        // heads' editions go by date, then publication title.
        let ordered = match self.query.order() {
            Order::Relevance => top(candidates, usize::MAX),
            Order::Newest => newest_first(candidates, usize::MAX, |group| {
                let (searched, local) = self.place(group)?;
                Some((searched.partition, self.edition_at(searched.partition, local).map_or(0, |(_, at, _)| at)))
            }),
        };
        // Every candidate is in a partition searched; collected where they are.
        let stories = ordered.into_iter().map(|Candidate { group, score }| Story { group, score }).collect();
        Ok(Ranked { stories })
    }

    /// The searched partition of story `group` (archive numbering), and its
    /// number there.
    fn place(&self, group: u32) -> Option<(&Searched, u32)> {
        let at = self.searched.partition_point(|searched| searched.first_group <= group).checked_sub(1)?;
        let searched = &self.searched[at];
        Some((searched, group - searched.first_group))
    }

    /// The length of story `local` of `partition`: from its lengths file or its chunk.
    fn story_len(&self, partition: usize, local: u32) -> Option<u32> {
        match self.files.get(&self.index.partitions[partition].lengths()) {
            Some(Loaded::Lengths(lengths)) => lengths.get(local as usize).copied(),
            _ => self.chunk_entry(partition, local).map(|story| story.len),
        }
    }
}

/// The shard of `entry` that holds the list of `key`, a pair's or a character's.
fn shard_name(entry: &PartitionEntry, key: (u32, u32), pair: bool) -> String {
    if pair {
        entry.pairs(shard_of(key, entry.pair_shards))
    } else {
        entry.chars(shard_of(key, entry.char_shards))
    }
}

/// `names` without repeats, in their first order.
fn distinct(names: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen = Vec::new();
    for name in names {
        if !seen.contains(&name) {
            seen.push(name);
        }
    }
    seen
}

/// The keys a term's lists are under: its one character (`false`), or
/// the pairs that cover it (`true`), at [`covering`] offsets.
fn term_keys(term: &[char]) -> Vec<((u32, u32), bool)> {
    match term {
        [] => Vec::new(),
        [single] => vec![((*single as u32, 0), false)],
        _ => covering(term.len()).map(|offset| ((term[offset] as u32, term[offset + 1] as u32), true)).collect(),
    }
}

/// The offsets of the pairs that cover a term of `len` (two or more)
/// characters: 0, 2, 4… and the last pair's, `len - 2`. A term occurs at
/// `p` exactly when each of them occurs at `p` plus its offset.
fn covering(len: usize) -> impl Iterator<Item = usize> {
    let last = len - 2;
    (0..=last).step_by(2).chain((last % 2 == 1).then_some(last))
}

/// The stories (local numbers, ascending) that every term was found in.
fn candidates(terms: &[PartMatch]) -> impl Iterator<Item = u32> + '_ {
    let rarest = terms.iter().min_by_key(|term| term.groups.len());
    rarest.into_iter().flat_map(|rarest| rarest.groups.iter().map(|&(group, _)| group)).filter(move |&group| {
        terms.iter().all(|term| term.groups.binary_search_by_key(&group, |&(other, _)| other).is_ok())
    })
}

/// The occurrences of a term of two or more characters, given the lists
/// of its [`covering`] pairs in order: where they all occur, the first
/// [`PER_FRAGMENT`] of each fragment, weighed as the single-corpus matcher
/// weighs them; their places only when `starts` (the bonus for terms side
/// by side needs them, a query of one term does not). The lists are read
/// through once, never held decoded: a common pair's is millions of
/// occurrences. A damaged list fails it, with the list's index.
fn match_run(lists: &[&[u8]], term: &[char], starts: bool) -> Result<PartMatch, (usize, IndexError)> {
    let covering: Vec<usize> = covering(term.len()).collect();
    let last = term.len() - 2;
    // The shortest list (by its bytes) leads; the others are read along.
    let driver = (0..covering.len()).min_by_key(|&at| lists[at].len()).unwrap_or(0);
    let driver_offset = covering[driver];
    let ideographs = term.iter().all(|&c| is_ideograph(c));
    let mut seekers: Vec<Seeker> = lists.iter().map(|bytes| Seeker::new(bytes)).collect();
    let mut found = PartMatch::default();
    let mut fragment: Option<(u32, u32)> = None;
    let mut in_fragment = 0usize;
    for occurrence in PairListReader::new(lists[driver]) {
        let occurrence = occurrence.map_err(|error| (driver, error))?;
        let Some(position) = occurrence.position.checked_sub(driver_offset as u32) else { continue };
        let at = (occurrence.group, occurrence.fragment);
        if fragment == Some(at) && in_fragment == PER_FRAGMENT {
            continue;
        }
        let mut metas = [None, None];
        let mut everywhere = true;
        for (list, &offset) in covering.iter().enumerate() {
            let goal = (occurrence.group, occurrence.fragment, position + offset as u32);
            let Some(hit) = seekers[list].seek(goal).map_err(|error| (list, error))? else {
                everywhere = false;
                break;
            };
            if offset == 0 {
                metas[0] = Some(hit.meta);
            }
            if offset == last {
                metas[1] = Some(hit.meta);
            }
        }
        let (true, Some(first), Some(end)) = (everywhere, metas[0], metas[1]) else { continue };
        if fragment != Some(at) {
            fragment = Some(at);
            in_fragment = 0;
        }
        in_fragment += 1;
        let boost = Field::from_code(first.field()).map_or(BODY_BOOST, Field::boost);
        let weight = if ideographs { 1.0 } else { WordMarks::weight_of(first.boundary_before(), end.word_end_after()) };
        add(&mut found.groups, occurrence.group, f32::from(boost) / f32::from(BODY_BOOST) * weight);
        if starts {
            found.starts.push(Start { group: occurrence.group, fragment: occurrence.fragment, position, ends_unit: end.ends_unit() });
        }
    }
    Ok(found)
}

/// A pair's list read along a leading list's occurrences, to the place
/// each asks for: places never go back, so it is read once.
struct Seeker<'a> {
    list: PairListReader<'a>,
    /// The first occurrence not passed yet.
    head: Option<Occurrence>,
}

impl<'a> Seeker<'a> {
    fn new(bytes: &'a [u8]) -> Seeker<'a> {
        Seeker { list: PairListReader::new(bytes), head: None }
    }

    /// The occurrence at `goal` (story, fragment, position), if the list has one.
    fn seek(&mut self, goal: (u32, u32, u32)) -> Result<Option<Occurrence>, IndexError> {
        loop {
            if let Some(head) = self.head.filter(|head| (head.group, head.fragment, head.position) >= goal) {
                return Ok(Some(head).filter(|head| (head.group, head.fragment, head.position) == goal));
            }
            match self.list.next() {
                Some(next) => self.head = Some(next?),
                None => return Ok(None),
            }
        }
    }
}

/// The stories (ascending, without repeats) where an occurrence of the
/// second term starts right after one of the first ends, or one character
/// later, in the same unit.
fn adjacent_groups(first: &[Start], first_len: usize, second: &[Start]) -> Vec<u32> {
    let mut groups: Vec<u32> = Vec::new();
    let mut next = 0;
    for start in first {
        let end = start.position + first_len as u32;
        let key = (start.group, start.fragment, end);
        next += second[next..].partition_point(|s| (s.group, s.fragment, s.position) < key);
        let Some(follower) = second.get(next) else { break };
        let same_fragment = (follower.group, follower.fragment) == (start.group, start.fragment);
        if same_fragment && follower.position <= end + 1 && !start.ends_unit && groups.last() != Some(&start.group) {
            groups.push(start.group);
        }
    }
    groups
}

/// Ranks `query` over the archive index `index`, reading each file it
/// needs with `read` (a name relative to the archive's folder). The hits
/// shown then need [`ArchiveSearch::wanted_for`] ([`ArchiveSearch::read_files`]).
pub fn search_files(
    index: &SearchIndex,
    query: Query,
    mut read: impl FnMut(&str) -> Result<Vec<u8>, String>,
) -> Result<ArchiveSearch, SearchError> {
    let mut search = ArchiveSearch::new(index, query);
    loop {
        let wanted = search.wanted()?;
        if wanted.is_empty() {
            return Ok(search);
        }
        search.read_files(&wanted, &mut read)?;
    }
}
