//! A search: the query being typed, its results, and where to return on Esc.

use super::{Cursor, Pane, Reading};
use crate::rank::SearchResults;

/// Where the reader was when the search started.
#[derive(Clone, Debug)]
pub struct Saved {
    /// The focused pane.
    pub focus: Pane,
    /// The article that was open.
    pub reading: Option<Reading>,
}

/// A search in progress or on show.
#[derive(Debug)]
pub struct Search {
    /// What was typed.
    pub query: String,
    /// Whether keys go to the query (else the results stay on show while reading).
    pub editing: bool,
    /// The results for `query`, best first.
    pub results: SearchResults,
    /// Selection in the results.
    pub cursor: Cursor,
    /// Where Esc returns to.
    pub saved: Saved,
}

impl Search {
    /// A new, empty search started from `saved`.
    pub fn new(saved: Saved) -> Self {
        Search {
            query: String::new(),
            editing: true,
            results: SearchResults::default(),
            cursor: Cursor::default(),
            saved,
        }
    }
}
