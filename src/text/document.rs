//! An article set for one width: breadcrumb, title, meta line, body and byline as lines.
//!
//! Built once per (article, width, options) and kept; drawing and scrolling only read
//! it. Lines refer to the article's text by byte range, so a search match in the source
//! maps straight onto the lines that show it.

use std::ops::Range;

use super::{Measure, wrap};
use crate::i18n::Labels;
use crate::model::{Article, BlockKind};

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
    /// Text owned by the document (breadcrumb, meta line, byline, image marker).
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
    lead: u16,
    marker: bool,
    origin: Origin,
    range: Range<u32>,
}

/// A line ready to draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocLine<'a> {
    /// What the line is.
    pub kind: LineKind,
    /// Blank cells before the text (paragraph indent).
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
    marker: Range<u32>,
    lines: Vec<Line>,
}

impl Document {
    /// Lays out `article`, filed under `path`, with the chrome words of `labels`.
    pub fn new(
        article: &Article,
        path: &[&str],
        labels: &Labels,
        options: DocumentOptions,
    ) -> Self {
        let mut doc = Document {
            options,
            own: String::new(),
            marker: 0..0,
            lines: Vec::new(),
        };
        let mut crumb = format!("{}{}", labels.location, labels.home);
        for p in path {
            crumb.push_str(" > ");
            crumb.push_str(p);
        }
        doc.push_own(LineKind::Breadcrumb, &crumb);
        doc.push_wrapped(LineKind::Title, Origin::Title, article.title(), 0, false);
        let date = article.date().map(|d| d.to_string()).unwrap_or_default();
        let mut meta = format!(
            "{}{} {}{}",
            labels.date,
            date,
            labels.source,
            article.source()
        );
        if !article.editor().is_empty() {
            meta.push_str(&format!(" {}{}", labels.editor, article.editor()));
        }
        doc.push_own(LineKind::Meta, &meta);
        let start = doc.own.len() as u32;
        doc.own.push_str(labels.image);
        doc.marker = start..doc.own.len() as u32;
        for (n, block) in article.blocks().enumerate() {
            doc.push_blank();
            let (kind, lead, marker) = match block.kind {
                BlockKind::Paragraph => (LineKind::Paragraph, 2 * options.indent, false),
                BlockKind::Heading => (LineKind::Heading, 0, false),
                BlockKind::Image => (LineKind::Caption, 0, true),
                BlockKind::Quote => (LineKind::Quote, 0, false),
            };
            doc.push_wrapped(kind, Origin::Block(n as u32), block.text, lead, marker);
        }
        if !article.author().is_empty() {
            doc.push_blank();
            doc.push_own(LineKind::Byline, &format!("（{}）", article.author()));
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

    fn push_own(&mut self, kind: LineKind, text: &str) {
        let base = self.own.len();
        self.own.push_str(text);
        let measure = self.options.measure;
        for r in wrap(text, self.options.width, 0, measure) {
            self.lines.push(Line {
                kind,
                lead: 0,
                marker: false,
                origin: Origin::Own,
                range: (base + r.start) as u32..(base + r.end) as u32,
            });
        }
    }

    fn push_wrapped(
        &mut self,
        kind: LineKind,
        origin: Origin,
        text: &str,
        lead: usize,
        marker: bool,
    ) {
        let marker_width = if marker {
            let m = &self.own[self.marker.start as usize..self.marker.end as usize];
            self.options.measure.width(m)
        } else {
            0
        };
        let first = (lead + marker_width).min(self.options.width.saturating_sub(1));
        for (i, r) in wrap(text, self.options.width, first, self.options.measure)
            .into_iter()
            .enumerate()
        {
            self.lines.push(Line {
                kind,
                lead: if i == 0 { lead as u16 } else { 0 },
                marker: marker && i == 0,
                origin,
                range: r.start as u32..r.end as u32,
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
    pub fn line<'a>(&'a self, article: &'a Article, i: usize) -> DocLine<'a> {
        let line = &self.lines[i];
        let range = line.range.start as usize..line.range.end as usize;
        let (text, source) = match line.origin {
            Origin::Own => (&self.own[range], None),
            Origin::Title => (&article.title()[range], None),
            Origin::Block(n) => {
                let block = article.block(n as usize).map_or("", |b| b.text);
                (&block[range.clone()], Some((n as usize, range)))
            }
        };
        DocLine {
            kind: line.kind,
            lead: usize::from(line.lead),
            marker: line
                .marker
                .then(|| &self.own[self.marker.start as usize..self.marker.end as usize]),
            text,
            source,
        }
    }
}
