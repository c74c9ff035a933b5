//! The line between a host page's script and one reader: commands in (the
//! element's `open()`, `search()`, `saveOffline()`, `removeOffline()` and
//! `offline()`), notices out (the `broadsheet:navigate` and
//! `broadsheet:error` events).
//!
//! The widget's entry makes a [`Control`] for each element and passes it to
//! [`super::app::App`] as a prop. The state stays in the app: it attaches a
//! handler once its corpus is loaded and answers the commands; commands sent
//! before wait, and once the corpus has failed they are refused with its
//! error. This module neither navigates nor searches, and knows no
//! JavaScript: the entry turns notices into DOM events.

use std::cell::RefCell;
use std::rc::Rc;

use serde::Serialize;
use yew::Callback;

use super::place::Place;
use super::route::Route;
use crate::corpus::Corpus;
use crate::search::{Filter, Order};

/// Called once with the outcome of a command, or why it failed.
pub type Answer<T> = Box<dyn FnOnce(Result<T, String>)>;

/// Which editions of an archive a save or a removal for offline reading covers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EditionRange {
    /// Dates, inclusive; open when absent.
    pub from: Option<String>,
    pub to: Option<String>,
    /// The publication's title; the newest edition's when absent.
    pub publication: Option<String>,
}

/// What the host asks of the reader.
pub enum Command {
    /// Show the (stitched) article `article`, of an edition of `date` and
    /// of the publication titled `publication`, each when given, else of
    /// the newest edition that has it. Answers whether the corpus has such
    /// an article.
    Open { article: String, date: Option<String>, publication: Option<String>, answer: Answer<bool> },
    /// Search as `broadsheet search --json` does; answers with its JSON.
    Search { query: String, filter: Filter, order: Order, limit: usize, answer: Answer<String> },
    /// Save an archive's editions for offline reading (the newest when the
    /// range names no date); answers with the bytes they take.
    SaveOffline { range: EditionRange, answer: Answer<f64> },
    /// Let go of saved editions; answers with the bytes freed.
    RemoveOffline { range: EditionRange, answer: Answer<f64> },
    /// What is saved and what the browser allows, as JSON.
    Offline { answer: Answer<String> },
}

impl Command {
    /// Answers with `reason`, refusing.
    pub fn refuse(self, reason: &str) {
        match self {
            Command::Open { answer, .. } => answer(Err(reason.to_owned())),
            Command::Search { answer, .. } => answer(Err(reason.to_owned())),
            Command::SaveOffline { answer, .. } | Command::RemoveOffline { answer, .. } => answer(Err(reason.to_owned())),
            Command::Offline { answer } => answer(Err(reason.to_owned())),
        }
    }
}

/// What the reader tells the host.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Notice {
    /// A new view is shown: `broadsheet:navigate`.
    Navigate(Navigation),
    /// Something failed that the reader could not do: `broadsheet:error`.
    Error { message: String },
}

impl Notice {
    /// The DOM event's name.
    pub fn event_name(&self) -> &'static str {
        match self {
            Notice::Navigate(_) => "broadsheet:navigate",
            Notice::Error { .. } => "broadsheet:error",
        }
    }
}

/// The detail of `broadsheet:navigate`: the view's route (`#/…`, as in the
/// URL with hash routing) and what it shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Navigation {
    pub hash: String,
    /// `edition`, `page`, `article`, `search` or `not-found`.
    pub view: &'static str,
    /// The edition's date, for views inside an edition.
    pub date: Option<String>,
    /// The title of the edition's publication, for views inside an
    /// edition: an archive of several papers prints several on one date.
    pub publication: Option<String>,
    pub page: Option<u32>,
    /// The article's id, for the article view.
    pub article: Option<String>,
    /// The search text, for the search view and an article opened from it.
    pub query: Option<String>,
}

impl Navigation {
    /// What `route`, looked up as `place` in `corpus`, shows.
    pub fn new(corpus: &Corpus, route: &Route, place: &Place) -> Navigation {
        let edition = place.edition().and_then(|edition| corpus.editions.get(edition));
        let mut navigation = Navigation {
            hash: route.to_hash(),
            view: "not-found",
            date: edition.map(|edition| edition.date.clone()),
            publication: edition.map(|edition| corpus.publication_of(edition).title.clone()),
            page: None,
            article: None,
            query: None,
        };
        match place {
            Place::Edition { .. } => navigation.view = "edition",
            Place::Page { page, .. } => (navigation.view, navigation.page) = ("page", Some(*page)),
            Place::Article { edition, id, .. } => {
                navigation.view = "article";
                navigation.page = corpus.editions.get(*edition).and_then(|e| e.article(id)).map(|article| article.page);
                navigation.article = Some(id.clone());
                if let Route::Article { found_by: Some(found_by), .. } = route {
                    navigation.query = Some(found_by.query.clone());
                }
            }
            Place::Search { query, .. } => (navigation.view, navigation.query) = ("search", Some(query.clone())),
            Place::NotFound => {}
        }
        navigation
    }
}

enum Mailbox {
    /// The corpus is loading: commands wait here.
    Waiting(Vec<Command>),
    Open(Callback<Command>),
    /// The corpus failed to load, for this reason.
    Closed(String),
}

/// One reader's line to its host. Clones share it.
#[derive(Clone)]
pub struct Control(Rc<Line>);

struct Line {
    mailbox: RefCell<Mailbox>,
    notify: Box<dyn Fn(&Notice)>,
}

impl Control {
    /// A line whose notices go to `notify`.
    pub fn new(notify: impl Fn(&Notice) + 'static) -> Control {
        Control(Rc::new(Line { mailbox: RefCell::new(Mailbox::Waiting(Vec::new())), notify: Box::new(notify) }))
    }

    /// Hands `command` to the reader, now or once it has loaded.
    pub fn send(&self, command: Command) {
        let mut mailbox = self.0.mailbox.borrow_mut();
        match &mut *mailbox {
            Mailbox::Waiting(waiting) => waiting.push(command),
            Mailbox::Open(handler) => {
                let handler = handler.clone();
                drop(mailbox);
                handler.emit(command);
            }
            Mailbox::Closed(reason) => {
                let reason = reason.clone();
                drop(mailbox);
                command.refuse(&reason);
            }
        }
    }

    /// The reader is ready: `handler` takes the waiting commands and the later ones.
    pub fn attach(&self, handler: Callback<Command>) {
        let previous = self.0.mailbox.replace(Mailbox::Open(handler.clone()));
        if let Mailbox::Waiting(waiting) = previous {
            for command in waiting {
                handler.emit(command);
            }
        }
    }

    /// The reader is loading (again): commands wait.
    pub fn hold(&self) {
        let mut mailbox = self.0.mailbox.borrow_mut();
        if !matches!(*mailbox, Mailbox::Waiting(_)) {
            *mailbox = Mailbox::Waiting(Vec::new());
        }
    }

    /// The reader cannot answer: waiting and later commands are refused with `reason`.
    pub fn close(&self, reason: String) {
        let previous = self.0.mailbox.replace(Mailbox::Closed(reason.clone()));
        if let Mailbox::Waiting(waiting) = previous {
            for command in waiting {
                command.refuse(&reason);
            }
        }
    }

    pub fn notify(&self, notice: &Notice) {
        (self.0.notify)(notice)
    }
}

/// A line to no host (server rendering, tests): notices go nowhere.
impl Default for Control {
    fn default() -> Self {
        Control::new(|_| {})
    }
}

/// Two handles are equal when they are the same line.
impl PartialEq for Control {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;
    use crate::corpus;
    use crate::ui::place::resolve;

    fn open(article: &str, outcome: Rc<RefCell<Vec<Result<bool, String>>>>) -> Command {
        Command::Open { article: article.to_owned(), date: None, publication: None, answer: Box::new(move |result| outcome.borrow_mut().push(result)) }
    }

    #[test]
    fn commands_wait_for_the_reader_and_then_reach_it_in_order() {
        let control = Control::default();
        let outcome = Rc::new(RefCell::new(Vec::new()));
        control.send(open("a", outcome.clone()));
        control.send(open("b", outcome.clone()));
        assert!(outcome.borrow().is_empty(), "nothing answers before the reader is ready");
        control.attach(Callback::from(|command: Command| match command {
            Command::Open { article, answer, .. } => answer(Ok(article == "a")),
            Command::Search { answer, .. } => answer(Ok("[]".to_owned())),
            other => other.refuse("not asked in this test"),
        }));
        assert_eq!(*outcome.borrow(), [Ok(true), Ok(false)]);
        control.send(open("a", outcome.clone()));
        assert_eq!(outcome.borrow().len(), 3, "later commands are answered at once");
    }

    #[test]
    fn a_reader_that_failed_refuses_with_the_reason_and_a_retry_waits_again() {
        let control = Control::default();
        let outcome = Rc::new(RefCell::new(Vec::new()));
        control.send(open("a", outcome.clone()));
        control.close("corpus.json answered with an error".to_owned());
        control.send(open("b", outcome.clone()));
        let refused = Err("corpus.json answered with an error".to_owned());
        assert_eq!(*outcome.borrow(), [refused.clone(), refused]);
        control.hold();
        control.send(open("c", outcome.clone()));
        assert_eq!(outcome.borrow().len(), 2, "after a retry, commands wait for the new load");
    }

    #[test]
    fn notices_reach_the_host_as_named_events_with_json_details() {
        let heard = Rc::new(Cell::new(0));
        let control = Control::new({
            let heard = heard.clone();
            move |notice| {
                assert_eq!(notice.event_name(), "broadsheet:error");
                heard.set(heard.get() + 1);
            }
        });
        let notice = Notice::Error { message: "offline".to_owned() };
        control.clone().notify(&notice);
        assert_eq!(heard.get(), 1);
        assert_eq!(serde_json::to_string(&notice).expect("json"), r#"{"message":"offline"}"#);
    }

    #[test]
    fn navigation_names_the_view_and_what_it_shows() {
        let corpus = corpus::load(include_str!("../../tests/fixtures/reader.json")).expect("valid");
        let detail = |hash: &str| {
            let route = Route::parse(hash).expect("a route");
            serde_json::to_value(Navigation::new(&corpus, &route, &resolve(&corpus, &route))).expect("json")
        };
        assert_eq!(
            detail("#/2024-09-12/2/p2-lead/whole"),
            serde_json::json!({ "hash": "#/2024-09-12/2/p2-lead/whole", "view": "article", "date": "2024-09-12",
                                "publication": "青岛日报", "page": 2, "article": "p2-lead", "query": null })
        );
        assert_eq!(detail("#/2024-09-12~The%20Evening%20Star/1")["publication"], "The Evening Star", "the other paper of that date");
        assert_eq!(detail("#/search/%E4%B8%8A%E5%90%88")["query"], "上合");
        assert_eq!(detail("#/2024-09-12/2/p2-lead/whole?q=%E4%B8%8A%E5%90%88")["query"], "上合", "an article opened from search");
        assert_eq!(detail("#/2024-09-12/3")["view"], "page");
        assert_eq!(detail("#/2024-09-12/9")["view"], "not-found");
    }
}
