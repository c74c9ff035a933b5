//! The back-and-forward list of memory routing, kept in the widget's state
//! so that a host that switched URL routing off never sees its URL change.
//!
//! Hash routing does not use this: there the browser's own history holds
//! the routes.

use super::route::Route;

/// Visited routes and where the reader stands among them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemoryHistory {
    /// Never empty.
    entries: Vec<Route>,
    /// Index of the current entry in `entries`.
    at: usize,
}

impl MemoryHistory {
    pub fn new(start: Route) -> Self {
        MemoryHistory { entries: vec![start], at: 0 }
    }

    pub fn current(&self) -> &Route {
        &self.entries[self.at]
    }

    /// Goes to `route`, dropping the entries ahead as a browser does; going
    /// to the current route adds no entry.
    pub fn push(&mut self, route: Route) {
        if *self.current() == route {
            return;
        }
        self.entries.truncate(self.at + 1);
        self.entries.push(route);
        self.at += 1;
    }

    /// Puts `route` in place of the current entry, as refining a search
    /// does: no new entry, the routes ahead kept.
    pub fn replace(&mut self, route: Route) {
        self.entries[self.at] = route;
    }

    pub fn can_go_back(&self) -> bool {
        self.at > 0
    }

    /// Steps back; false when already at the first entry.
    pub fn back(&mut self) -> bool {
        let moved = self.can_go_back();
        if moved {
            self.at -= 1;
        }
        moved
    }

    /// Steps forward; false when already at the last entry.
    pub fn forward(&mut self) -> bool {
        let moved = self.at + 1 < self.entries.len();
        if moved {
            self.at += 1;
        }
        moved
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(number: u32) -> Route {
        Route::parse(&format!("#/2024-09-12/{number}")).expect("a route")
    }

    #[test]
    fn back_and_forward_walk_the_visited_routes() {
        let mut history = MemoryHistory::new(Route::Home);
        assert!(!history.can_go_back());
        history.push(page(1));
        history.push(page(2));
        assert!(history.back());
        assert_eq!(history.current(), &page(1));
        assert!(history.forward());
        assert_eq!(history.current(), &page(2));
        assert!(!history.forward());
        assert!(history.back() && history.back());
        assert_eq!(history.current(), &Route::Home);
        assert!(!history.back());
    }

    #[test]
    fn going_somewhere_new_drops_the_routes_ahead() {
        let mut history = MemoryHistory::new(Route::Home);
        history.push(page(1));
        history.push(page(2));
        history.back();
        history.push(page(3));
        assert!(!history.forward());
        history.back();
        assert_eq!(history.current(), &page(1));
    }

    #[test]
    fn replacing_changes_the_current_entry_only() {
        let mut history = MemoryHistory::new(Route::Home);
        history.push(page(1));
        history.push(page(2));
        history.back();
        history.replace(page(3));
        assert_eq!(history.current(), &page(3));
        assert!(history.forward(), "the route ahead is kept");
        assert_eq!(history.current(), &page(2));
        assert!(history.back() && history.back());
        assert_eq!(history.current(), &Route::Home);
    }

    #[test]
    fn going_to_the_current_route_adds_no_entry() {
        let mut history = MemoryHistory::new(Route::Home);
        history.push(Route::Home);
        assert!(!history.can_go_back());
    }
}
