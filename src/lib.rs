//! `reader`: a terminal news reader that typesets Chinese text properly.
//!
//! The engine (`model`, `load`, `text`, `rank`) knows nothing of the terminal; `app`
//! holds the interactive state and its keymap, `ui` draws it with ratatui, and `term`
//! is the one place that touches the terminal itself.

pub mod app;
pub mod cli;
pub mod i18n;
pub mod library;
pub mod load;
pub mod model;
pub mod plain;
pub mod rank;
pub mod session;
pub mod term;
pub mod text;
pub mod ui;
