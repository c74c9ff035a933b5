//! Which dates have an edition, per publication and year: what date
//! browsing (the previous and next edition, the calendar) shows.
//!
//! A corpus knows all its dates; an archive knows its years from the root
//! and a year's dates once that year's calendar has been fetched, so a
//! year's dates may be unknown yet ([`YearDates::dates`] is `None`) and the
//! views ask for them. Plain data: nothing here fetches.

use std::collections::BTreeSet;

use crate::archive::{Calendar, Root};
use crate::corpus::Corpus;

/// Every publication's years and, where known, dates.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DateIndex {
    pub publications: Vec<PaperDates>,
    /// (publication title, date) of the editions saved for offline reading.
    pub saved: BTreeSet<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaperDates {
    pub title: String,
    /// Oldest first.
    pub years: Vec<YearDates>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearDates {
    pub year: u32,
    /// The year's edition dates (`YYYY-MM-DD`), oldest first; `None` until known.
    pub dates: Option<Vec<String>>,
}

/// The editions before and after one, as far as the known dates tell.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Neighbours {
    pub previous: Option<String>,
    pub next: Option<String>,
    /// A year whose dates would tell more (the edition's own, or the one
    /// before or after it when the edition is its year's first or last).
    pub unknown_year: Option<u32>,
}

impl DateIndex {
    /// The dates of a corpus, all known.
    pub fn of_corpus(corpus: &Corpus) -> DateIndex {
        let mut index = DateIndex::default();
        for edition in &corpus.editions {
            let title = &corpus.publication_of(edition).title;
            let Some(year) = year_of(&edition.date) else { continue };
            let paper = match index.publications.iter().position(|paper| paper.title == *title) {
                Some(at) => &mut index.publications[at],
                None => {
                    index.publications.push(PaperDates { title: title.clone(), years: Vec::new() });
                    index.publications.last_mut().expect("just pushed")
                }
            };
            let at = match paper.years.binary_search_by_key(&year, |entry| entry.year) {
                Ok(at) => at,
                Err(at) => {
                    paper.years.insert(at, YearDates { year, dates: Some(Vec::new()) });
                    at
                }
            };
            let dates = paper.years[at].dates.get_or_insert_with(Vec::new);
            if let Err(at) = dates.binary_search(&edition.date) {
                dates.insert(at, edition.date.clone());
            }
        }
        index
    }

    /// The dates of an archive: its years from the root, and the dates of
    /// each year whose calendar `calendar` gives.
    pub fn of_archive<'a>(root: &Root, calendar: impl Fn(&str) -> Option<&'a Calendar>) -> DateIndex {
        let publications = root
            .publications
            .iter()
            .map(|entry| PaperDates {
                title: entry.title.clone(),
                years: entry
                    .years
                    .iter()
                    .map(|year| YearDates {
                        year: year.year,
                        dates: calendar(&year.calendar).map(|c| c.editions.iter().map(|day| day.date.clone()).collect()),
                    })
                    .collect(),
            })
            .collect();
        DateIndex { publications, saved: BTreeSet::new() }
    }

    /// Whether `title`'s edition of `date` is saved for offline reading.
    pub fn is_saved(&self, title: &str, date: &str) -> bool {
        self.saved.iter().any(|(saved_title, saved_date)| saved_title == title && saved_date == date)
    }

    pub fn paper(&self, title: &str) -> Option<&PaperDates> {
        self.publications.iter().find(|paper| paper.title == title)
    }
}

impl PaperDates {
    pub fn year(&self, year: u32) -> Option<&YearDates> {
        self.years.iter().find(|entry| entry.year == year)
    }

    /// The editions before and after `date`.
    pub fn neighbours(&self, date: &str) -> Neighbours {
        let mut neighbours = Neighbours::default();
        let Some(year) = year_of(date) else { return neighbours };
        let Some(at) = self.years.iter().position(|entry| entry.year == year) else { return neighbours };
        let Some(dates) = &self.years[at].dates else {
            neighbours.unknown_year = Some(year);
            return neighbours;
        };
        let position = dates.partition_point(|other| other.as_str() < date);
        let after = dates[position..].iter().find(|other| other.as_str() > date);
        neighbours.previous = position.checked_sub(1).map(|before| dates[before].clone());
        neighbours.next = after.cloned();
        // At the year's edge, the neighbouring year's calendar tells.
        if neighbours.previous.is_none() && at > 0 {
            match &self.years[at - 1].dates {
                Some(dates) => neighbours.previous = dates.last().cloned(),
                None => neighbours.unknown_year = Some(self.years[at - 1].year),
            }
        }
        if neighbours.next.is_none() && at + 1 < self.years.len() {
            match &self.years[at + 1].dates {
                Some(dates) => neighbours.next = dates.first().cloned(),
                None => neighbours.unknown_year = neighbours.unknown_year.or(Some(self.years[at + 1].year)),
            }
        }
        neighbours
    }
}

/// The year of a `YYYY-MM-DD` date.
pub fn year_of(date: &str) -> Option<u32> {
    date.get(..4)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paper(years: &[(u32, Option<&[&str]>)]) -> PaperDates {
        PaperDates {
            title: "T".to_owned(),
            years: years
                .iter()
                .map(|(year, dates)| YearDates { year: *year, dates: dates.map(|d| d.iter().map(|s| s.to_string()).collect()) })
                .collect(),
        }
    }

    #[test]
    fn neighbours_cross_years_once_the_next_years_dates_are_known() {
        let known = paper(&[(2023, Some(&["2023-12-30", "2023-12-31"])), (2024, Some(&["2024-01-02", "2024-01-03"]))]);
        let at_edge = known.neighbours("2024-01-02");
        assert_eq!((at_edge.previous.as_deref(), at_edge.next.as_deref()), (Some("2023-12-31"), Some("2024-01-03")));
        assert_eq!(known.neighbours("2023-12-31").next.as_deref(), Some("2024-01-02"));
        let last = known.neighbours("2024-01-03");
        assert_eq!((last.next, last.unknown_year), (None, None), "the newest edition has no next");

        let partly = paper(&[(2023, None), (2024, Some(&["2024-01-02", "2024-01-03"]))]);
        let edge = partly.neighbours("2024-01-02");
        assert_eq!((edge.previous, edge.unknown_year), (None, Some(2023)), "the year before must be fetched");
        assert_eq!(partly.neighbours("2023-05-01").unknown_year, Some(2023));
        assert_eq!(paper(&[(2024, Some(&["2024-01-03"]))]).neighbours("2024-01-02").next.as_deref(), Some("2024-01-03"), "a date between editions");
    }

    #[test]
    fn a_corpus_knows_every_date_of_every_paper() {
        let corpus = crate::corpus::load(include_str!("../../tests/fixtures/reader.json")).unwrap();
        let index = DateIndex::of_corpus(&corpus);
        assert_eq!(index.publications.iter().map(|p| p.title.as_str()).collect::<Vec<_>>(), ["青岛日报", "The Evening Star"]);
        assert_eq!(index.paper("青岛日报").unwrap().years[0].dates.as_deref(), Some(&["2024-09-12".to_owned()][..]));
    }
}
