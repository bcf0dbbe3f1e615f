//! The article being read: its layout for the pane's width, the scroll position and
//! the search matches to highlight.

use std::ops::Range;

use super::ViewOptions;
use crate::library::Library;
use crate::model::ArticleIx;
use crate::text::{Document, DocumentOptions};

/// The open article.
#[derive(Clone, Debug)]
pub struct Reading {
    /// Which article.
    pub article: ArticleIx,
    /// The first line shown.
    pub scroll: usize,
    /// The layout for the current width; `None` until the pane has a width.
    pub document: Option<Document>,
    /// Search matches as (block, byte range in the block's text), in reading order.
    pub matches: Vec<(usize, Range<usize>)>,
    /// The line each match starts on, for `n` / `N`.
    pub match_lines: Vec<usize>,
    /// The match `n` / `N` last moved to.
    pub current_match: Option<usize>,
}

impl Reading {
    /// Opens `article` at the top.
    pub fn new(article: ArticleIx) -> Self {
        Reading {
            article,
            scroll: 0,
            document: None,
            matches: Vec::new(),
            match_lines: Vec::new(),
            current_match: None,
        }
    }

    /// Lays the article out for `width` columns, unless it already is. Keeps the reader's
    /// place: the line at the top stays the same text after a width change.
    pub fn lay_out(&mut self, library: &Library, width: usize, options: ViewOptions) {
        let wanted = DocumentOptions {
            width,
            indent: usize::from(options.indent),
            measure: options.measure,
        };
        if width == 0
            || self
                .document
                .as_ref()
                .is_some_and(|d| d.options() == wanted)
        {
            return;
        }
        let c = &library.collection;
        let article = c.get(self.article);
        let anchor = self
            .document
            .as_ref()
            .filter(|d| self.scroll < d.len())
            .and_then(|d| d.line(article, self.scroll).source)
            .map(|(block, range)| (block, range.start));
        let path = c.categories().path(c.category_of(self.article));
        let document = Document::new(article, &path, options.lang.labels(), wanted);
        if let Some((block, byte)) = anchor {
            self.scroll = document.line_of(block, byte).unwrap_or(self.scroll);
        }
        self.document = Some(document);
        self.locate_matches();
    }

    /// Sets the matches to highlight and finds their lines.
    pub fn set_matches(&mut self, matches: Vec<(usize, Range<usize>)>) {
        self.matches = matches;
        self.locate_matches();
    }

    /// Finds the line each match starts on.
    fn locate_matches(&mut self) {
        self.match_lines = match &self.document {
            Some(doc) => self
                .matches
                .iter()
                .filter_map(|(block, range)| doc.line_of(*block, range.start))
                .collect(),
            None => Vec::new(),
        };
    }

    /// Moves to the next (or previous) match and scrolls it into view, with two lines
    /// of context above. Returns false when there is no match that way.
    pub fn step_match(&mut self, forward: bool, height: usize) -> bool {
        let count = self.match_lines.len();
        let next = match (self.current_match, forward) {
            (None, true) if count > 0 => 0,
            (Some(i), true) if i + 1 < count => i + 1,
            (Some(i), false) if i > 0 => i - 1,
            _ => return false,
        };
        self.current_match = Some(next);
        let line = self.match_lines[next];
        if line < self.scroll || line >= self.scroll + height {
            self.scroll = line.saturating_sub(2);
            self.clamp_scroll(height);
        }
        true
    }

    /// Lines in the layout (0 before it is laid out).
    pub fn line_count(&self) -> usize {
        self.document.as_ref().map_or(0, Document::len)
    }

    /// Scrolls by `delta` lines within the layout shown `height` lines at a time.
    pub fn scroll_by(&mut self, delta: isize, height: usize) {
        self.scroll = self.scroll.saturating_add_signed(delta);
        self.clamp_scroll(height);
    }

    /// Keeps the scroll position where the last page is still full.
    pub fn clamp_scroll(&mut self, height: usize) {
        self.scroll = self
            .scroll
            .min(self.line_count().saturating_sub(height.max(1)));
    }
}
