//! How one piece of an article page is set: its kind, where its text comes from, the
//! cells before its first and later lines, and its alignment.

use super::{LineKind, Origin};

/// How a block's lines are placed across the width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Align {
    /// From the left, after the lead.
    Left,
    /// Centred.
    Centre,
    /// Against the right edge.
    Right,
}

/// How to set one piece of text.
pub(super) struct Set<'t> {
    /// What its lines are.
    pub(super) kind: LineKind,
    /// Where its text lives.
    pub(super) origin: Origin,
    /// The text.
    pub(super) text: &'t str,
    /// Cells before the first line's text (indent, or the marker's width).
    pub(super) first: usize,
    /// Cells before every later line's text.
    pub(super) rest: usize,
    /// How its lines are placed.
    pub(super) align: Align,
    /// Whether its first line starts with the image marker.
    pub(super) marker: bool,
    /// Added to the ranges: where the text starts in the document's own buffer.
    pub(super) base: usize,
}

impl<'t> Set<'t> {
    /// Flush left, no lead, no marker.
    pub(super) fn plain(kind: LineKind, origin: Origin, text: &'t str) -> Self {
        Set {
            kind,
            origin,
            text,
            first: 0,
            rest: 0,
            align: Align::Left,
            marker: false,
            base: 0,
        }
    }

    /// With `first` cells before the first line.
    pub(super) fn first(self, first: usize) -> Self {
        Set { first, ..self }
    }

    /// With `lead` cells before every line.
    pub(super) fn lead(self, lead: usize) -> Self {
        Set {
            first: self.first.max(lead),
            rest: lead,
            ..self
        }
    }

    /// Placed by `align`.
    pub(super) fn align(self, align: Align) -> Self {
        Set { align, ..self }
    }
}
