//! Drawing the screen from the app state with ratatui. Reads the state, never changes it.
//!
//! Every pane draws only the rows it shows, so a frame costs the same with 10 articles
//! or 100,000, and with a short article or a long one.

mod article;
mod draw;
mod help;
mod lists;
mod status;
mod theme;

pub use theme::Theme;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::widgets::{Block, Widget};

use crate::app::{App, Arrangement, Pane, Screen};
use crate::rank::Total;
use crate::text::{AmbiguousWidth, Measure};

/// Frame characters that are one cell wide under any ambiguous-width setting: box
/// drawing characters are East Asian Ambiguous, so a CJK terminal would draw them wide.
const ASCII_BORDER: border::Set = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

/// What every drawing function needs besides the buffer.
#[derive(Clone, Copy)]
struct Ctx<'a> {
    app: &'a App,
    theme: Theme,
    m: Measure,
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let ctx = Ctx {
            app: self,
            theme: Theme::new(self.options.palette),
            m: self.options.measure,
        };
        let screen = Screen::compute(area, self.focus, self.panels_side);
        if screen.arrangement == Arrangement::TooSmall {
            status::render_too_small(ctx, area, buf);
            return;
        }
        for &(pane, rect) in &screen.panes {
            let inner = screen.inner(pane).unwrap_or(rect);
            if screen.framed() {
                render_frame(ctx, pane, rect, buf);
            }
            match pane {
                Pane::Categories => lists::render_categories(ctx, inner, buf),
                Pane::List => lists::render_list(ctx, inner, buf),
                Pane::Article => article::render_article(ctx, inner, buf),
                Pane::Related | Pane::Hot | Pane::Latest => {
                    lists::render_panel(ctx, pane, inner, buf)
                }
            }
        }
        if let Some(tabs) = screen.tabs {
            status::render_tabs(ctx, tabs, buf);
        }
        status::render_status(ctx, screen.status, buf);
        if let Some(offset) = self.help {
            help::render_help(ctx, offset, area, buf);
        }
    }
}

/// The pane's border with its title drawn over the top edge.
fn render_frame(ctx: Ctx, pane: Pane, rect: Rect, buf: &mut Buffer) {
    let focused = ctx.app.focus == pane;
    let style = if focused {
        ctx.theme.border_focused
    } else {
        ctx.theme.border
    };
    frame_block(ctx, style).render(rect, buf);
    let title = format!(" {} ", pane_title(ctx.app, pane));
    let title_style = if focused { style } else { ctx.theme.title };
    render_frame_title(ctx, rect, &title, title_style, buf);
}

/// A bordered block in `style`, with one-cell ASCII borders under `--ambiguous wide`.
fn frame_block(ctx: Ctx, style: Style) -> Block<'static> {
    let block = Block::bordered().border_style(style);
    if ctx.m.ambiguous == AmbiguousWidth::Wide {
        block.border_set(ASCII_BORDER)
    } else {
        block
    }
}

/// `title` over the top edge of the frame at `rect`, cut to fit between its corners.
fn render_frame_title(ctx: Ctx, rect: Rect, title: &str, style: Style, buf: &mut Buffer) {
    if rect.width > 4 {
        draw::put_fit(buf, rect.x + 1, rect.y, rect.width - 2, title, style, ctx.m);
    }
}

/// What a pane is called in its frame: its name plus what it shows.
fn pane_title(app: &App, pane: Pane) -> String {
    let labels = app.labels();
    let c = &app.library.collection;
    match pane {
        Pane::Categories => labels.categories.to_owned(),
        Pane::List => match &app.search {
            Some(s) => {
                let count = match app.search_total() {
                    Some(Total::Exact(n)) => n.to_string(),
                    Some(Total::AtLeast(n)) => format!("{n}+"),
                    None => String::new(),
                };
                format!("{}: {} ({count})", labels.search, s.query)
            }
            None => {
                let id = app.category();
                let name = match c.categories().node(id).parent {
                    None => labels.home,
                    Some(_) => &c.categories().node(id).name,
                };
                format!("{} · {} ({})", labels.articles, name, app.list.items.len())
            }
        },
        Pane::Article => labels.article.to_owned(),
        Pane::Related => labels.related.to_owned(),
        Pane::Hot => labels.hot.to_owned(),
        Pane::Latest => labels.latest.to_owned(),
    }
}
