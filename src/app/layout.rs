//! Where each pane goes for a given terminal size.
//!
//! One pure function of the frame's area, used by the app (to know how many lines a
//! page is) and by the ui (to draw), so a resize is just a redraw.

use ratatui::layout::{Constraint, Layout, Rect};

/// A pane of the screen; also what has the keyboard focus.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Pane {
    /// The category tree.
    Categories,
    /// The article list of the selected category (or search results).
    #[default]
    List,
    /// The article being read.
    Article,
    /// 相关阅读.
    Related,
    /// 热门文章.
    Hot,
    /// 最新文章.
    Latest,
}

impl Pane {
    /// Every pane, in focus order (Tab).
    pub const ALL: [Pane; 6] = [
        Pane::Categories,
        Pane::List,
        Pane::Article,
        Pane::Related,
        Pane::Hot,
        Pane::Latest,
    ];

    /// Position in [`Pane::ALL`].
    pub fn index(self) -> usize {
        Pane::ALL.iter().position(|&p| p == self).unwrap_or(0)
    }

    /// Whether this pane belongs to the side group of panels (related, hot, latest).
    pub fn is_panel(self) -> bool {
        matches!(self, Pane::Related | Pane::Hot | Pane::Latest)
    }
}

/// How the screen is divided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrangement {
    /// Every pane at once.
    Wide,
    /// A side column (navigation or panels) next to the article.
    Split,
    /// One pane at a time, with a tab bar.
    Single,
    /// Too small to use: a notice only.
    TooSmall,
}

/// Smallest usable terminal, in columns and rows.
pub const MIN_SIZE: (u16, u16) = (20, 6);

/// The computed screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Screen {
    /// How it is divided.
    pub arrangement: Arrangement,
    /// Each visible pane with its outer rectangle.
    pub panes: Vec<(Pane, Rect)>,
    /// The tab bar, in the single-pane arrangement.
    pub tabs: Option<Rect>,
    /// The status line.
    pub status: Rect,
}

impl Screen {
    /// Divides `area`. `focus` is the focused pane; `panels_side` says whether the side
    /// column of the split arrangement shows the panels (else the category tree and list).
    pub fn compute(area: Rect, focus: Pane, panels_side: bool) -> Screen {
        if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
            return Screen {
                arrangement: Arrangement::TooSmall,
                panes: Vec::new(),
                tabs: None,
                status: Rect::default(),
            };
        }
        let [main, status] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
        let mut screen = Screen {
            arrangement: Arrangement::Single,
            panes: Vec::new(),
            tabs: None,
            status,
        };
        if area.width >= 100 && area.height >= 20 {
            screen.arrangement = Arrangement::Wide;
            let side = (area.width * 26 / 100).clamp(24, 40);
            let panels = (area.width * 24 / 100).clamp(24, 40);
            let [nav, article, right] = Layout::horizontal([
                Constraint::Length(side),
                Constraint::Fill(1),
                Constraint::Length(panels),
            ])
            .areas(main);
            screen.push_nav(nav);
            screen.panes.push((Pane::Article, article));
            screen.push_panels(right);
        } else if area.width >= 60 && area.height >= 12 {
            screen.arrangement = Arrangement::Split;
            let side = (area.width * 38 / 100).clamp(24, 40);
            let [left, article] =
                Layout::horizontal([Constraint::Length(side), Constraint::Fill(1)]).areas(main);
            let show_panels = if focus == Pane::Article {
                panels_side
            } else {
                focus.is_panel()
            };
            if show_panels {
                screen.push_panels(left);
            } else {
                screen.push_nav(left);
            }
            screen.panes.push((Pane::Article, article));
        } else {
            let [tabs, pane] =
                Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(main);
            screen.tabs = Some(tabs);
            screen.panes.push((focus, pane));
        }
        screen
    }

    fn push_nav(&mut self, area: Rect) {
        let [categories, list] =
            Layout::vertical([Constraint::Percentage(35), Constraint::Fill(1)]).areas(area);
        self.panes.push((Pane::Categories, categories));
        self.panes.push((Pane::List, list));
    }

    fn push_panels(&mut self, area: Rect) {
        let [related, hot, latest] = Layout::vertical([
            Constraint::Ratio(1, 3),
            Constraint::Ratio(1, 3),
            Constraint::Ratio(1, 3),
        ])
        .areas(area);
        self.panes.push((Pane::Related, related));
        self.panes.push((Pane::Hot, hot));
        self.panes.push((Pane::Latest, latest));
    }

    /// The outer rectangle of `pane`, if it is visible.
    pub fn rect(&self, pane: Pane) -> Option<Rect> {
        self.panes.iter().find(|(p, _)| *p == pane).map(|&(_, r)| r)
    }

    /// Whether panes are framed (the single-pane arrangement has no borders).
    pub fn framed(&self) -> bool {
        matches!(self.arrangement, Arrangement::Wide | Arrangement::Split)
    }

    /// The area inside `pane`'s frame, where its content goes. A framed article gets a
    /// column of margin on each side: text against the frame is hard to read.
    pub fn inner(&self, pane: Pane) -> Option<Rect> {
        let rect = self.rect(pane)?;
        if !self.framed() {
            return Some(rect);
        }
        let margin = if pane == Pane::Article && rect.width >= 40 {
            2
        } else {
            1
        };
        Some(Rect {
            x: rect.x + margin,
            y: rect.y + 1,
            width: rect.width.saturating_sub(2 * margin),
            height: rect.height.saturating_sub(2),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn screen(w: u16, h: u16, focus: Pane) -> Screen {
        Screen::compute(Rect::new(0, 0, w, h), focus, false)
    }

    #[test]
    fn wide_terminals_show_every_pane() {
        let s = screen(120, 40, Pane::List);
        assert_eq!(s.arrangement, Arrangement::Wide);
        for pane in Pane::ALL {
            assert!(s.rect(pane).is_some(), "{pane:?} missing");
        }
        let article = s.inner(Pane::Article).unwrap();
        assert!(article.width >= 50, "article pane too narrow: {article:?}");
        assert_eq!(s.status, Rect::new(0, 39, 120, 1));
    }

    #[test]
    fn panes_never_overlap_or_leave_the_area() {
        for (w, h) in [
            (120, 40),
            (100, 20),
            (80, 24),
            (60, 12),
            (40, 20),
            (20, 6),
            (300, 100),
        ] {
            for focus in Pane::ALL {
                let s = screen(w, h, focus);
                let area = Rect::new(0, 0, w, h);
                for (i, (_, a)) in s.panes.iter().enumerate() {
                    assert_eq!(area.intersection(*a), *a);
                    assert!(!a.intersects(s.status));
                    for (_, b) in &s.panes[i + 1..] {
                        assert!(!a.intersects(*b), "{w}x{h}: {a:?} overlaps {b:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn medium_terminals_split_and_follow_focus() {
        let s = screen(80, 24, Pane::Hot);
        assert_eq!(s.arrangement, Arrangement::Split);
        assert!(s.rect(Pane::Hot).is_some());
        assert!(s.rect(Pane::Categories).is_none());
        assert!(s.rect(Pane::Article).is_some());
        let s = screen(80, 24, Pane::Categories);
        assert!(s.rect(Pane::List).is_some());
        assert!(s.rect(Pane::Hot).is_none());
    }

    #[test]
    fn narrow_terminals_show_the_focused_pane_alone() {
        let s = screen(40, 20, Pane::Article);
        assert_eq!(s.arrangement, Arrangement::Single);
        assert_eq!(s.panes.len(), 1);
        assert_eq!(s.inner(Pane::Article), Some(Rect::new(0, 1, 40, 18)));
    }

    #[test]
    fn tiny_terminals_get_a_notice() {
        for (w, h) in [(1, 1), (0, 0), (19, 40), (200, 5)] {
            assert_eq!(screen(w, h, Pane::List).arrangement, Arrangement::TooSmall);
        }
    }
}
