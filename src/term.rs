//! The one place that touches the terminal: raw mode, alternate screen, signals.
