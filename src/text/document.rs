//! An article set for one width: breadcrumb, title, meta line, body and byline as lines.
//!
//! Built once per (article, width, options) and kept; drawing and scrolling only read
//! it. Lines refer to the article's text by byte range, so a search match in the source
//! maps straight onto the lines that show it.
//!
//! The page follows Chinese news typography: title and meta line centred, paragraphs
//! with a first-line indent of ideographic spaces, a blank line between blocks, image
//! captions after the image marker with their later lines hung under the caption's
//! first character, quotations set in from the left, and the byline set flush right.
//! Every line, with its lead and marker, fits the width.

use std::ops::Range;

mod set;

use super::{Measure, wrap_into};
use crate::i18n::Labels;
use crate::model::{Article, BlockKind};
use set::{Align, Set};

/// Cells a quotation is set in by, when the width allows.
const QUOTE_LEAD: usize = 2;

/// Caption lines after the first hang under the caption's first character when this
/// much room is left beside the marker; narrower, they start at the left edge.
const HANG_ROOM: usize = 12;

/// What a line is, for styling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// 当前位置 and the category path.
    Breadcrumb,
    /// The article's title.
    Title,
    /// Date, source, editor.
    Meta,
    /// Space between blocks.
    Blank,
    /// A sub-heading.
    Heading,
    /// Running text.
    Paragraph,
    /// An image caption, after the image marker on its first line.
    Caption,
    /// A quotation.
    Quote,
    /// The author's byline at the end.
    Byline,
}

/// Settings that change the layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocumentOptions {
    /// Columns available.
    pub width: usize,
    /// First-line indent of paragraphs, in ideographic spaces (two cells each).
    pub indent: usize,
    /// The width function.
    pub measure: Measure,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Origin {
    /// Text owned by the document (breadcrumb, meta line, byline).
    Own,
    /// The article's title.
    Title,
    /// Body block `n`.
    Block(u32),
}

/// One laid-out line.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Line {
    kind: LineKind,
    lead: u32,
    marker: bool,
    origin: Origin,
    range: Range<u32>,
}

/// A line ready to draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocLine<'a> {
    /// What the line is.
    pub kind: LineKind,
    /// Blank cells before the marker and text (indent, centring, quotation inset).
    pub lead: usize,
    /// The image marker to draw before the text, on a caption's first line.
    pub marker: Option<&'a str>,
    /// The text, never wider than the width less `lead` and the marker.
    pub text: &'a str,
    /// For body lines: the block and the byte range of `text` within the block's text.
    pub source: Option<(usize, Range<usize>)>,
}

/// An article laid out for one width.
#[derive(Clone, Debug)]
pub struct Document {
    options: DocumentOptions,
    own: String,
    marker: String,
    lines: Vec<Line>,
    /// Index of the first line of each body block (of the next line, for a block that
    /// sets no lines), for finding the line that shows a search match.
    block_start: Vec<u32>,
}

/// Joins `fields` with spaces into as few lines of `width` as keep each field whole
/// (`日期:… 来源:…` rather than `来源:上海普` / `陀`); a field wider than a line is
/// left for the line breaker.
fn pack_fields(fields: &[String], width: usize, measure: Measure) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for field in fields {
        match lines.last_mut() {
            Some(line) if measure.width(line) + 1 + measure.width(field) <= width => {
                line.push(' ');
                line.push_str(field);
            }
            _ => lines.push(field.clone()),
        }
    }
    lines
}

impl Document {
    /// Lays out `article`, filed under `path`, with the chrome words of `labels`.
    pub fn new(
        article: &Article,
        path: &[&str],
        labels: &Labels,
        options: DocumentOptions,
    ) -> Self {
        let width = options.width.max(1);
        let options = DocumentOptions { width, ..options };
        let measure = options.measure;
        let mut doc = Document {
            options,
            own: String::new(),
            marker: labels.image.to_owned(),
            lines: Vec::new(),
            block_start: Vec::with_capacity(article.block_count()),
        };
        // Line ranges of the text being set, reused from one text to the next.
        let ranges = &mut Vec::new();
        let mut crumb = format!("{}{}", labels.location, labels.home);
        for p in path {
            crumb.push_str(" > ");
            crumb.push_str(p);
        }
        doc.push_own(LineKind::Breadcrumb, &crumb, Align::Left, ranges);
        let title = Set::plain(LineKind::Title, Origin::Title, article.title());
        doc.push(&title.align(Align::Centre), ranges);
        let date = article.date().map(|d| d.to_string()).unwrap_or_default();
        let mut fields = vec![
            format!("{}{date}", labels.date),
            format!("{}{}", labels.source, article.source()),
        ];
        if !article.editor().is_empty() {
            fields.push(format!("{}{}", labels.editor, article.editor()));
        }
        for line in pack_fields(&fields, width, measure) {
            doc.push_own(LineKind::Meta, &line, Align::Centre, ranges);
        }

        // Leads that would leave less than one wide character of room are dropped.
        let fits = |lead: usize| lead + 2 <= width;
        let indent = 2 * options.indent;
        let indent = if fits(indent) { indent } else { 0 };
        let marker_width = measure.width(&doc.marker);
        let quote = if fits(QUOTE_LEAD) { QUOTE_LEAD } else { 0 };
        for (n, block) in article.blocks().enumerate() {
            let origin = Origin::Block(n as u32);
            let text = block.text;
            let set = match block.kind {
                _ if text.is_empty() && block.kind != BlockKind::Image => {
                    doc.block_start.push(doc.lines.len() as u32);
                    continue;
                }
                BlockKind::Paragraph => Set::plain(LineKind::Paragraph, origin, text).first(indent),
                BlockKind::Heading => Set::plain(LineKind::Heading, origin, text),
                BlockKind::Quote => Set::plain(LineKind::Quote, origin, text).lead(quote),
                BlockKind::Image if fits(marker_width) => {
                    let set = Set::plain(LineKind::Caption, origin, text);
                    let set = Set {
                        marker: true,
                        ..set
                    }
                    .first(marker_width);
                    if marker_width + HANG_ROOM <= width {
                        set.lead(marker_width)
                    } else {
                        set
                    }
                }
                BlockKind::Image => Set::plain(LineKind::Caption, origin, text),
            };
            doc.push_blank();
            doc.block_start.push(doc.lines.len() as u32);
            doc.push(&set, ranges);
        }
        if !article.author().is_empty() {
            doc.push_blank();
            doc.push_own(
                LineKind::Byline,
                &format!("（{}）", article.author()),
                Align::Right,
                ranges,
            );
        }
        doc
    }

    fn push_blank(&mut self) {
        self.lines.push(Line {
            kind: LineKind::Blank,
            lead: 0,
            marker: false,
            origin: Origin::Own,
            range: 0..0,
        });
    }

    fn push_own(
        &mut self,
        kind: LineKind,
        text: &str,
        align: Align,
        ranges: &mut Vec<Range<usize>>,
    ) {
        let set = Set::plain(kind, Origin::Own, text).align(align);
        let set = Set {
            base: self.own.len(),
            ..set
        };
        self.push(&set, ranges);
        self.own.push_str(text);
    }

    /// Sets `set` into lines; `ranges` is scratch space.
    fn push(&mut self, set: &Set, ranges: &mut Vec<Range<usize>>) {
        let DocumentOptions { width, measure, .. } = self.options;
        ranges.clear();
        // Later lines have `rest` cells less room: wrap at the narrower measure and
        // give the first line back the difference.
        let room = width - set.rest;
        let first = set.first.saturating_sub(set.rest);
        wrap_into(set.text, room, first, measure, ranges);
        for (i, r) in ranges.iter().enumerate() {
            let inset = if i == 0 { set.first } else { set.rest };
            let lead = match set.align {
                Align::Left => inset,
                Align::Centre => (width.saturating_sub(measure.width(&set.text[r.clone()]))) / 2,
                Align::Right => width.saturating_sub(measure.width(&set.text[r.clone()])),
            };
            self.lines.push(Line {
                kind: set.kind,
                // The marker is drawn in the first line's inset; the lead is before it.
                lead: if set.marker && i == 0 { 0 } else { lead as u32 },
                marker: set.marker && i == 0,
                origin: set.origin,
                range: (set.base + r.start) as u32..(set.base + r.end) as u32,
            });
        }
    }

    /// The options it was laid out with.
    pub fn options(&self) -> DocumentOptions {
        self.options
    }

    /// How many lines there are.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// Whether there are none (never: the title is always there).
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Line `i`, with its text taken from `article` (the article it was laid out from).
    ///
    /// # Panics
    ///
    /// If `i >= self.len()`.
    pub fn line<'a>(&'a self, article: &'a Article, i: usize) -> DocLine<'a> {
        let line = &self.lines[i];
        let range = line.range.start as usize..line.range.end as usize;
        let (text, source) = match line.origin {
            Origin::Own => (self.own.get(range).unwrap_or(""), None),
            Origin::Title => (article.title().get(range).unwrap_or(""), None),
            Origin::Block(n) => {
                let block = article.block(n as usize).map_or("", |b| b.text);
                (
                    block.get(range.clone()).unwrap_or(""),
                    Some((n as usize, range)),
                )
            }
        };
        DocLine {
            kind: line.kind,
            lead: line.lead as usize,
            marker: line.marker.then_some(self.marker.as_str()),
            text,
            source,
        }
    }

    /// The line that shows byte `byte` of body block `block` (a search match, say);
    /// `None` if the block is not in the document.
    pub fn line_of(&self, block: usize, byte: usize) -> Option<usize> {
        let start = *self.block_start.get(block)? as usize;
        let end = self
            .block_start
            .get(block + 1)
            .map_or(self.lines.len(), |&e| e as usize);
        let lines = &self.lines[start..end];
        // The block's own lines come first, then the blank line before the next one.
        let ours = lines.partition_point(|l| l.origin == Origin::Block(block as u32));
        if ours == 0 {
            return None;
        }
        let i = lines[..ours].partition_point(|l| (l.range.end as usize) <= byte);
        Some(start + i.min(ours - 1))
    }
}
