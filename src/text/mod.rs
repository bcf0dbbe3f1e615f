//! Typesetting: grapheme widths, line breaking with Chinese rules, paragraph layout.
//!
//! No ratatui or crossterm in here: the article pane, `--print` and the lists all call
//! the same functions, so what is measured is what is drawn.

mod cluster;
mod document;
mod layout;
mod rules;
mod width;

pub use document::{DocLine, Document, DocumentOptions, LineKind};
pub use layout::wrap;
pub use width::{AmbiguousWidth, Measure};
