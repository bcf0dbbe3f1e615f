//! The one theme: every style the screen uses. No colour literal appears anywhere else.

use ratatui::style::{Color, Modifier, Style};

use crate::app::Palette;

/// Styles for every part of the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    /// Frame of a pane without focus.
    pub border: Style,
    /// Frame and title of the focused pane.
    pub border_focused: Style,
    /// Title of a pane without focus.
    pub title: Style,
    /// The selected row of the focused pane.
    pub selected: Style,
    /// The selected row of other panes.
    pub selected_idle: Style,
    /// Secondary text: dates, counts, excerpts.
    pub dim: Style,
    /// The article's title.
    pub article_title: Style,
    /// The breadcrumb and meta line.
    pub meta: Style,
    /// Sub-headings.
    pub heading: Style,
    /// Image captions and their marker.
    pub caption: Style,
    /// Quotations.
    pub quote: Style,
    /// The byline.
    pub byline: Style,
    /// Search matches.
    pub highlight: Style,
    /// The match `n` / `N` moved to.
    pub highlight_current: Style,
    /// The status line.
    pub status: Style,
    /// Problems in the status line.
    pub warning: Style,
    /// The active tab in the tab bar.
    pub tab_active: Style,
}

impl Theme {
    /// The theme for `palette`.
    pub fn new(palette: Palette) -> Theme {
        match palette {
            Palette::Color => Self::color(),
            Palette::Mono => Self::mono(),
        }
    }

    fn color() -> Theme {
        let plain = Style::new();
        Theme {
            border: plain.fg(Color::DarkGray),
            border_focused: plain.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            title: plain.fg(Color::Gray),
            selected: plain.fg(Color::Black).bg(Color::Cyan),
            selected_idle: plain.add_modifier(Modifier::REVERSED),
            dim: plain.fg(Color::DarkGray),
            article_title: plain.add_modifier(Modifier::BOLD),
            meta: plain.fg(Color::DarkGray),
            heading: plain.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            caption: plain.fg(Color::Green),
            quote: plain.fg(Color::Magenta),
            byline: plain.fg(Color::DarkGray),
            highlight: plain.fg(Color::Black).bg(Color::Yellow),
            highlight_current: plain.fg(Color::Black).bg(Color::LightRed),
            status: plain,
            warning: plain.fg(Color::Red),
            tab_active: plain.fg(Color::Black).bg(Color::Cyan),
        }
    }

    /// Modifiers only: with colours gone, reverse video still marks the selection.
    fn mono() -> Theme {
        let plain = Style::new();
        let bold = plain.add_modifier(Modifier::BOLD);
        let reverse = plain.add_modifier(Modifier::REVERSED);
        let underline = plain.add_modifier(Modifier::UNDERLINED);
        Theme {
            border: plain,
            border_focused: bold,
            title: plain,
            selected: reverse,
            selected_idle: underline,
            dim: plain,
            article_title: bold,
            meta: plain,
            heading: bold,
            caption: underline,
            quote: plain,
            byline: plain,
            highlight: underline.add_modifier(Modifier::BOLD),
            highlight_current: reverse,
            status: plain,
            warning: bold,
            tab_active: reverse,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mono_uses_no_colour_and_still_shows_selection() {
        let t = Theme::new(Palette::Mono);
        for style in [
            t.border,
            t.border_focused,
            t.title,
            t.selected,
            t.selected_idle,
            t.dim,
            t.article_title,
            t.meta,
            t.heading,
            t.caption,
            t.quote,
            t.byline,
            t.highlight,
            t.highlight_current,
            t.status,
            t.warning,
            t.tab_active,
        ] {
            assert_eq!(style.fg, None);
            assert_eq!(style.bg, None);
        }
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
    }
}
