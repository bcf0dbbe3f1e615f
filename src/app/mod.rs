//! The interactive state, its actions and the keymap (no terminal, no I/O).
//!
//! [`App::update`] carries out one [`Action`]; [`App::on_update`] takes what a running
//! load hands over. Everything the screen shows is derived here, once per change, so
//! drawing only reads.

mod action;
mod cursor;
pub mod keymap;
pub mod layout;
mod reading;
mod search;
mod update;

pub use action::Action;
pub use cursor::Cursor;
pub use layout::{Arrangement, Pane, Screen};
pub use reading::Reading;
pub use search::Search;

use ratatui::layout::Rect;

use crate::i18n::{Labels, Lang};
use crate::library::{Change, Library, Update};
use crate::model::{ArticleIx, CategoryId, CategoryTree};
use crate::rank::Total;
use crate::text::Measure;
use keymap::Scope;

/// How many entries the hot and latest panels hold.
pub const PANEL_LEN: usize = 20;
/// How many entries the related panel holds.
pub const RELATED_LEN: usize = 10;

/// Whether the screen uses colour.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Palette {
    /// Colours for emphasis and selection.
    #[default]
    Color,
    /// No colour at all (`NO_COLOR`, `--color never`): bold, underline and reverse
    /// video only, so the selection is still visible.
    Mono,
}

/// Settings that change how things are shown, fixed for a session.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ViewOptions {
    /// Colour or monochrome.
    pub palette: Palette,
    /// Language of the chrome.
    pub lang: Lang,
    /// The width function.
    pub measure: Measure,
    /// Paragraph indent in ideographic spaces.
    pub indent: u8,
}

/// How the session ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// `q`: a normal exit.
    Quit,
    /// Ctrl-C.
    Interrupted,
}

/// Rows of a list pane: the items and the selection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListView<T> {
    /// What the rows show.
    pub items: Vec<T>,
    /// Selection and scroll.
    pub cursor: Cursor,
}

impl<T> Default for ListView<T> {
    fn default() -> Self {
        ListView {
            items: Vec::new(),
            cursor: Cursor::default(),
        }
    }
}

impl<T: PartialEq + Copy> ListView<T> {
    /// The selected item.
    pub fn selected(&self) -> Option<T> {
        self.items.get(self.cursor.selected).copied()
    }

    /// Replaces the items, keeping the same item selected when it is still there. A
    /// selection on the first row stays on the first row: while a collection loads,
    /// newer articles arrive above, and the top of the list is what is being watched.
    pub fn replace(&mut self, items: Vec<T>, height: usize) {
        let keep = self.selected().filter(|_| self.cursor.selected > 0);
        self.items = items;
        match keep.and_then(|k| self.items.iter().position(|&i| i == k)) {
            Some(row) => self.cursor.selected = row,
            None if keep.is_none() => self.cursor = Cursor::default(),
            None => {}
        }
        self.cursor.keep_visible(self.items.len(), height);
    }
}

/// The whole interactive state.
#[derive(Debug)]
pub struct App {
    /// The articles and what is computed over them.
    pub library: Library,
    /// Display settings.
    pub options: ViewOptions,
    /// The pane with the keyboard.
    pub focus: Pane,
    /// In the split arrangement, whether the side column shows the panels.
    pub panels_side: bool,
    /// The current division of the screen.
    pub screen: Screen,
    /// The category tree, one row per category (depth first).
    pub tree: ListView<CategoryId>,
    /// The articles of the selected category, newest first.
    pub list: ListView<ArticleIx>,
    /// The article being read.
    pub reading: Option<Reading>,
    /// 相关阅读 for the article being read.
    pub related: ListView<ArticleIx>,
    /// 热门文章 in the selected category.
    pub hot: ListView<ArticleIx>,
    /// 最新文章 in the selected category.
    pub latest: ListView<ArticleIx>,
    /// Articles read before the current one, most recent last.
    pub history: Vec<ArticleIx>,
    /// The search being typed or shown.
    pub search: Option<Search>,
    /// The help overlay's scroll offset, when it is open.
    pub help: Option<usize>,
    /// A short message for the status line.
    pub message: Option<String>,
    /// Set when the session should end.
    pub exit: Option<Exit>,
    size: Rect,
    /// What load updates have made out of date since [`App::catch_up`] last ran.
    stale: Stale,
}

/// What a burst of load updates leaves to recompute, once for the burst.
#[derive(Clone, Copy, Debug, Default)]
struct Stale {
    /// Articles arrived: the tree, the lists and 相关阅读.
    views: bool,
    /// More is indexed: the search on show and 相关阅读.
    index: bool,
}

impl App {
    /// A new session over an empty library named `source_name`; articles arrive with
    /// [`App::on_update`].
    pub fn new(source_name: String, options: ViewOptions) -> Self {
        Self::with_library(Library::new(source_name), options)
    }

    /// A session over `library`, loaded or not.
    pub fn with_library(library: Library, options: ViewOptions) -> Self {
        let mut app = App {
            library,
            options,
            focus: Pane::List,
            panels_side: false,
            screen: Screen::compute(Rect::default(), Pane::List, false),
            tree: ListView::default(),
            list: ListView::default(),
            reading: None,
            related: ListView::default(),
            hot: ListView::default(),
            latest: ListView::default(),
            history: Vec::new(),
            search: None,
            help: None,
            message: None,
            exit: None,
            size: Rect::default(),
            stale: Stale::default(),
        };
        app.refresh_views();
        app
    }

    /// How many hits the search on show has: exact only once the search has run to the
    /// end over an index that covers every article (more may come while it does not).
    pub fn search_total(&self) -> Option<Total> {
        let results = &self.search.as_ref()?.results;
        Some(match results.total() {
            Total::Exact(n) if self.library.indexing().is_some() => Total::AtLeast(n),
            total => total,
        })
    }

    /// The chrome's words.
    pub fn labels(&self) -> &'static Labels {
        self.options.lang.labels()
    }

    /// Which keymap scope applies now.
    pub fn scope(&self) -> Scope {
        if self.help.is_some() {
            Scope::Help
        } else if self.search.as_ref().is_some_and(|s| s.editing) {
            Scope::Search
        } else {
            Scope::Browse
        }
    }

    /// The selected category (the root when nothing is selected).
    pub fn category(&self) -> CategoryId {
        self.tree.selected().unwrap_or(CategoryTree::ROOT)
    }

    /// Takes one step of a running load. What it makes out of date is recomputed by
    /// [`App::catch_up`], once for all the updates that came together.
    pub fn on_update(&mut self, update: Update) {
        match self.library.apply(update) {
            Change::Status => {}
            Change::Articles => self.stale.views = true,
            Change::Index => self.stale.index = true,
        }
    }

    /// Recomputes what the updates taken since the last call made out of date. The
    /// session calls it before drawing; [`App::update`] calls it before acting.
    pub fn catch_up(&mut self) {
        let stale = std::mem::take(&mut self.stale);
        if stale.views {
            self.refresh_views();
        }
        if stale.index {
            // More is searchable: a search on show and 相关阅读 may have more to say.
            self.rerun_search();
            if !stale.views {
                self.refresh_related();
            }
        }
    }

    /// Rows the content of `pane` has on screen now (0 when hidden).
    pub fn pane_height(&self, pane: Pane) -> usize {
        self.screen.inner(pane).map_or(0, |r| usize::from(r.height))
    }

    /// Columns the content of `pane` has on screen now (0 when hidden).
    pub fn pane_width(&self, pane: Pane) -> usize {
        self.screen.inner(pane).map_or(0, |r| usize::from(r.width))
    }

    /// Rows one entry of `pane` takes (the related panel shows an excerpt line).
    pub fn entry_height(pane: Pane) -> usize {
        if pane == Pane::Related { 2 } else { 1 }
    }

    /// Entries of `pane` that fit on screen.
    pub fn visible_entries(&self, pane: Pane) -> usize {
        (self.pane_height(pane) / Self::entry_height(pane)).max(1)
    }

    /// Recomputes the screen division for the current size and focus, and everything
    /// that depends on it (page sizes, the article layout).
    fn relayout(&mut self) {
        self.screen = Screen::compute(self.size, self.focus, self.panels_side);
        for pane in [
            Pane::Categories,
            Pane::List,
            Pane::Related,
            Pane::Hot,
            Pane::Latest,
        ] {
            let h = self.visible_entries(pane);
            if let Some(view) = self.view_mut(pane) {
                let len = view.items.len();
                view.cursor.keep_visible(len, h);
            }
        }
        if let Some(search) = &mut self.search {
            let h = self
                .screen
                .inner(Pane::List)
                .map_or(1, |r| usize::from(r.height));
            search.cursor.keep_visible(search.results.hits.len(), h);
        }
        let width = self.pane_width(Pane::Article);
        let height = self.pane_height(Pane::Article);
        if let Some(reading) = &mut self.reading {
            reading.lay_out(&self.library, width, self.options);
            reading.clamp_scroll(height);
        }
    }

    /// The list behind an article-list pane.
    fn view_mut(&mut self, pane: Pane) -> Option<&mut ListView<ArticleIx>> {
        match pane {
            Pane::List => Some(&mut self.list),
            Pane::Related => Some(&mut self.related),
            Pane::Hot => Some(&mut self.hot),
            Pane::Latest => Some(&mut self.latest),
            Pane::Categories | Pane::Article => None,
        }
    }

    /// The list behind an article-list pane.
    pub fn view(&self, pane: Pane) -> Option<&ListView<ArticleIx>> {
        match pane {
            Pane::List => Some(&self.list),
            Pane::Related => Some(&self.related),
            Pane::Hot => Some(&self.hot),
            Pane::Latest => Some(&self.latest),
            Pane::Categories | Pane::Article => None,
        }
    }

    /// Rebuilds the tree rows, the list and the panels from the library, keeping the
    /// selections on the same things.
    fn refresh_views(&mut self) {
        let tree = self.library.collection.categories().preorder();
        let h = self.visible_entries(Pane::Categories);
        self.tree.replace(tree, h);
        self.refresh_category();
        self.refresh_related();
    }

    /// Rebuilds what depends on the selected category: the list and hot / latest.
    fn refresh_category(&mut self) {
        let category = self.category();
        let lib = &self.library;
        let list: Vec<_> = lib.ranks.latest(&lib.collection, category).collect();
        let hot: Vec<_> = lib
            .ranks
            .hot(&lib.collection, category)
            .take(PANEL_LEN)
            .collect();
        let latest: Vec<_> = list.iter().copied().take(PANEL_LEN).collect();
        let (hl, hh, hn) = (
            self.visible_entries(Pane::List),
            self.visible_entries(Pane::Hot),
            self.visible_entries(Pane::Latest),
        );
        self.list.replace(list, hl);
        self.hot.replace(hot, hh);
        self.latest.replace(latest, hn);
    }

    /// Rebuilds 相关阅读 for the article being read.
    fn refresh_related(&mut self) {
        let items = match &self.reading {
            Some(r) => {
                let lib = &self.library;
                lib.index.related(&lib.collection, r.article, RELATED_LEN)
            }
            None => Vec::new(),
        };
        let h = self.visible_entries(Pane::Related);
        self.related.replace(items, h);
    }
}
