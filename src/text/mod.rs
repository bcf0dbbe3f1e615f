//! Typesetting: grapheme widths, line breaking with Chinese rules, paragraph layout.
//!
//! No ratatui or crossterm in here: the article pane, `--print` and the lists all call
//! the same functions, so what is measured is what is drawn. The rules are written up
//! with examples in `docs/typesetting.md`.

mod breaks;
mod cluster;
mod document;
mod layout;
mod opportunities;
mod rules;
mod width;

pub use breaks::break_opportunities;
pub use document::{DocLine, Document, DocumentOptions, LineKind};
pub use layout::{wrap, wrap_into};
pub use width::{AmbiguousWidth, Measure};

/// The typographic character classes the line breaker applies, for tests and tools
/// that check a layout independently.
pub mod classes {
    pub use super::rules::{inseparable, is_forced_break, is_space, no_end, no_start};
}
