//! Carrying out actions: selection, focus, opening and going back, search.

use std::time::{Duration, Instant};

use ratatui::layout::Rect;

use super::keymap;
use super::search::Saved;
use super::{Action, App, Exit, Pane, Reading, Search};
use crate::model::ArticleIx;
use crate::rank::{self, Budget};

/// How long one step of a search may run, so a keystroke is answered within a frame.
const SEARCH_SLICE: Duration = Duration::from_millis(12);

impl App {
    /// Carries out `action`. Does no I/O: suspending and redrawing are the terminal's
    /// part.
    pub fn update(&mut self, action: Action) {
        self.catch_up();
        if !matches!(action, Action::Tick | Action::Resize(..)) {
            self.message = None;
        }
        match action {
            Action::Resize(w, h) => {
                self.size = Rect::new(0, 0, w, h);
                self.relayout();
            }
            Action::MoveDown => self.move_by(1),
            Action::MoveUp => self.move_by(-1),
            Action::MoveTop => self.move_by(isize::MIN / 2),
            Action::MoveBottom => self.move_by(isize::MAX / 2),
            Action::PageDown => self.move_by(self.page() as isize),
            Action::PageUp => self.move_by(-(self.page() as isize)),
            Action::HalfPageDown => self.move_by(self.page().div_ceil(2) as isize),
            Action::HalfPageUp => self.move_by(-(self.page().div_ceil(2) as isize)),
            Action::FocusNext => self.cycle_focus(1),
            Action::FocusPrev => self.cycle_focus(Pane::ALL.len() - 1),
            Action::FocusLeft => self.step_focus(-1),
            Action::FocusRight => self.step_focus(1),
            Action::Open => self.open_selected(),
            Action::Back => self.go_back(),
            Action::StartSearch => self.start_search(),
            Action::NextMatch => self.next_match(true),
            Action::PrevMatch => self.next_match(false),
            Action::ToggleHelp => {
                self.help = if self.help.is_some() { None } else { Some(0) };
            }
            Action::Cancel => self.cancel(),
            Action::Quit => self.exit = Some(Exit::Quit),
            Action::Interrupt => self.exit = Some(Exit::Interrupted),
            Action::Tick => self.continue_search(),
            Action::Suspend | Action::Redraw => {}
            Action::SearchInsert(text) => self.edit_query(|q| q.push_str(&text)),
            Action::SearchDeleteChar => self.edit_query(|q| {
                q.pop();
            }),
            Action::SearchSubmit => self.submit_search(),
        }
    }

    /// Entries (or article lines) in one screenful of the focused pane.
    fn page(&self) -> usize {
        if self.help.is_some() {
            return self.size.height.saturating_sub(4).max(1).into();
        }
        match self.focus {
            Pane::Article => self.pane_height(Pane::Article).saturating_sub(1).max(1),
            pane => self.visible_entries(pane),
        }
    }

    fn move_by(&mut self, delta: isize) {
        if let Some(offset) = self.help {
            // The last offset that still fills the overlay, as it is drawn.
            let last = keymap::help_rows().saturating_sub(self.page());
            self.help = Some(offset.saturating_add_signed(delta).min(last));
            return;
        }
        let height = self.visible_entries(self.focus);
        match self.focus {
            Pane::Categories => {
                let before = self.tree.selected();
                let len = self.tree.items.len();
                self.tree.cursor.move_by(delta, len, height);
                if self.tree.selected() != before {
                    self.refresh_category();
                }
            }
            Pane::List if self.search.is_some() => {
                let list_height = self.pane_height(Pane::List);
                if let Some(search) = &mut self.search {
                    let len = search.results.hits.len();
                    search.cursor.move_by(delta, len, list_height);
                }
            }
            Pane::Article => {
                let h = self.pane_height(Pane::Article);
                if let Some(reading) = &mut self.reading {
                    reading.scroll_by(delta, h);
                }
            }
            pane => {
                if let Some(view) = self.view_mut(pane) {
                    let len = view.items.len();
                    view.cursor.move_by(delta, len, height);
                }
            }
        }
    }

    fn set_focus(&mut self, pane: Pane) {
        self.focus = pane;
        if pane.is_panel() {
            self.panels_side = true;
        } else if matches!(pane, Pane::Categories | Pane::List) {
            self.panels_side = false;
        }
        self.relayout();
    }

    fn cycle_focus(&mut self, step: usize) {
        let next = (self.focus.index() + step) % Pane::ALL.len();
        self.set_focus(Pane::ALL[next]);
    }

    fn step_focus(&mut self, step: isize) {
        let next = self
            .focus
            .index()
            .saturating_add_signed(step)
            .min(Pane::ALL.len() - 1);
        self.set_focus(Pane::ALL[next]);
    }

    fn open_selected(&mut self) {
        match self.focus {
            Pane::Categories => self.set_focus(Pane::List),
            Pane::List if self.search.is_some() => self.submit_search(),
            Pane::Article => {}
            pane => {
                if let Some(ix) = self.view(pane).and_then(|v| v.selected()) {
                    self.open_article(ix);
                }
            }
        }
    }

    /// Opens `ix` in the article pane; the article read before goes on the history.
    pub fn open_article(&mut self, ix: ArticleIx) {
        if let Some(current) = self.reading.take()
            && current.article != ix
        {
            self.history.push(current.article);
        }
        self.show_article(ix);
    }

    fn show_article(&mut self, ix: ArticleIx) {
        self.reading = Some(Reading::new(ix));
        self.refresh_matches();
        self.refresh_related();
        self.set_focus(Pane::Article);
    }

    fn go_back(&mut self) {
        if let Some(previous) = self.history.pop() {
            self.reading = None;
            self.show_article(previous);
        } else if self.focus == Pane::Article {
            self.set_focus(Pane::List);
        } else {
            self.message = Some(self.labels().no_history.to_owned());
        }
    }

    fn start_search(&mut self) {
        let saved = Saved {
            focus: self.focus,
            reading: self.reading.clone(),
        };
        self.search = Some(Search::new(saved));
        self.set_focus(Pane::List);
    }

    fn edit_query(&mut self, edit: impl FnOnce(&mut String)) {
        let Some(search) = &mut self.search else {
            return;
        };
        edit(&mut search.query);
        search.cursor = Default::default();
        self.rerun_search();
        self.refresh_matches();
    }

    /// Runs the search on show again (new query, or more of the collection indexed),
    /// for one slice of time; [`Action::Tick`] continues it.
    pub(super) fn rerun_search(&mut self) {
        let height = self.pane_height(Pane::List);
        let Some(search) = &mut self.search else {
            return;
        };
        let lib = &self.library;
        // Below the first row, the selected hit stays selected if it is found again.
        let selected = search.cursor.selected;
        let keep = search.results.hits.get(selected).filter(|_| selected > 0);
        let keep = keep.map(|hit| hit.article);
        let budget = Budget::Until(Instant::now() + SEARCH_SLICE);
        search.results = lib
            .index
            .start_search(&lib.collection, &search.query, budget);
        if let Some(row) =
            keep.and_then(|a| search.results.hits.iter().position(|h| h.article == a))
        {
            search.cursor.selected = row;
        }
        search
            .cursor
            .keep_visible(search.results.hits.len(), height);
    }

    /// Continues a search that did not finish in its slice.
    fn continue_search(&mut self) {
        let Some(search) = &mut self.search else {
            return;
        };
        if !search.results.is_complete() {
            let lib = &self.library;
            let budget = Budget::Until(Instant::now() + SEARCH_SLICE);
            search.results.resume(&lib.index, &lib.collection, budget);
        }
    }

    /// Whether work is left that [`Action::Tick`] continues (a long search).
    pub fn is_busy(&self) -> bool {
        self.search
            .as_ref()
            .is_some_and(|s| !s.results.is_complete())
    }

    fn submit_search(&mut self) {
        let Some(search) = &mut self.search else {
            return;
        };
        if search.query.is_empty() {
            self.cancel();
            return;
        }
        search.editing = false;
        if let Some(hit) = search.results.hits.get(search.cursor.selected) {
            let ix = hit.article;
            self.open_article(ix);
        }
    }

    /// Esc: closes the help, else cancels a search being typed (back to where it
    /// started), else closes the search results.
    fn cancel(&mut self) {
        if self.help.take().is_some() {
            return;
        }
        let Some(search) = self.search.take() else {
            return;
        };
        if search.editing {
            self.reading = search.saved.reading;
            self.set_focus(search.saved.focus);
        }
        self.refresh_matches();
        self.refresh_related();
        self.relayout();
    }

    /// Recomputes the highlighted matches of the open article for the current search.
    fn refresh_matches(&mut self) {
        let query = self.search.as_ref().map(|s| s.query.as_str()).unwrap_or("");
        let Some(reading) = &mut self.reading else {
            return;
        };
        let article = self.library.collection.get(reading.article);
        let matches = match rank::Matcher::new(query) {
            None => Vec::new(),
            Some(matcher) => article
                .blocks()
                .enumerate()
                .flat_map(|(n, b)| matcher.ranges(b.text).into_iter().map(move |r| (n, r)))
                .collect(),
        };
        reading.set_matches(matches);
        reading.current_match = None;
    }

    /// `n` / `N`: the next match in the article, then the next result.
    fn next_match(&mut self, forward: bool) {
        if self.search.is_none() {
            self.message = Some(self.labels().no_search.to_owned());
            return;
        }
        if self.focus == Pane::Article {
            let height = self.pane_height(Pane::Article);
            if let Some(reading) = &mut self.reading
                && reading.step_match(forward, height)
            {
                return;
            }
        }
        let Some(search) = &mut self.search else {
            return;
        };
        let len = search.results.hits.len();
        if len == 0 {
            return;
        }
        let step = if forward { 1 } else { -1 };
        let before = search.cursor.selected;
        search.cursor.move_by(
            step,
            len,
            self.screen.inner(Pane::List).map_or(1, |r| r.height.into()),
        );
        if search.cursor.selected == before
            && self
                .reading
                .as_ref()
                .is_some_and(|r| r.article == search.results.hits[before].article)
        {
            self.message = Some(self.labels().no_more_matches.to_owned());
            return;
        }
        let ix = search.results.hits[search.cursor.selected].article;
        self.open_article(ix);
        if let Some(reading) = &mut self.reading {
            let height = self
                .screen
                .inner(Pane::Article)
                .map_or(1, |r| r.height.into());
            if forward {
                reading.step_match(true, height);
            } else {
                reading.current_match = reading.match_lines.len().checked_sub(2);
                reading.step_match(true, height);
            }
        }
    }
}
