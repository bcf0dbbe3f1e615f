//! The status line, the tab bar of the one-pane arrangement and the too-small notice.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Ctx, draw, pane_title};
use crate::app::keymap::KEYMAP;
use crate::app::layout::MIN_SIZE;
use crate::app::{App, Pane};
use crate::library::LoadState;
use crate::text::wrap;

/// Position, load progress, problems and a message on the left; key hints on the right,
/// as many as fit.
pub(super) fn render_status(ctx: Ctx, area: Rect, buf: &mut Buffer) {
    let app = ctx.app;
    buf.set_style(area, ctx.theme.status);
    let mut x = area.x;
    let end = area.right();
    if let Some(search) = app.search.as_ref().filter(|s| s.editing) {
        let prompt = format!("/{}▏ ", search.query);
        x += draw::put_fit(buf, x, area.y, end - x, &prompt, ctx.theme.status, ctx.m);
    } else {
        let left = position(app);
        x += draw::put_fit(buf, x, area.y, end - x, &left, ctx.theme.status, ctx.m);
    }
    let labels = app.labels();
    let mut alerts = Vec::new();
    if let LoadState::Failed(e) = &app.library.load {
        alerts.push(e.clone());
    }
    if let (LoadState::Done, Some(percent)) = (&app.library.load, app.library.indexing()) {
        // Search and 相关阅读 see only what is indexed so far.
        let text = format!("  {} {percent}%", labels.indexing);
        x += draw::put_fit(buf, x, area.y, end - x, &text, ctx.theme.status, ctx.m);
    }
    if app.library.left_out > 0 {
        alerts.push(format!("{} {}", app.library.left_out, labels.left_out));
    }
    if let Some(message) = &app.message {
        alerts.push(message.clone());
    }
    for alert in alerts {
        if x + 2 >= end {
            break;
        }
        x += 2;
        x += draw::put_fit(buf, x, area.y, end - x, &alert, ctx.theme.warning, ctx.m);
    }
    let hints = hints(app);
    let mut shown = hints.len();
    while shown > 0 {
        let text = hints[..shown].join("  ");
        let w = ctx.m.width(&text) as u16;
        if x + 2 + w <= end {
            draw::put_right(buf, area, &text, ctx.theme.dim, ctx.m);
            break;
        }
        shown -= 1;
    }
}

/// What the focused pane is at: `3/8`, `35%`, or how far the load has come.
fn position(app: &App) -> String {
    let labels = app.labels();
    if let LoadState::Loading(p) = &app.library.load {
        let mut s = format!("{} {}{}", labels.loading, p.articles, labels.articles_unit);
        if let Some(total) = p.total {
            s.push_str(&format!(" {}/{} MB", p.bytes >> 20, total >> 20));
        }
        return s;
    }
    let of = |n: usize, len: usize| {
        if len == 0 {
            String::new()
        } else {
            format!("{}/{}", n + 1, len)
        }
    };
    match app.focus {
        Pane::Categories => of(app.tree.cursor.selected, app.tree.items.len()),
        Pane::List => match &app.search {
            Some(s) => of(s.cursor.selected, s.results.hits.len()),
            None => of(app.list.cursor.selected, app.list.items.len()),
        },
        Pane::Article => match &app.reading {
            Some(r) if r.line_count() > 0 => {
                let seen = (r.scroll + app.pane_height(Pane::Article)).min(r.line_count());
                format!("{}%", seen * 100 / r.line_count())
            }
            _ => String::new(),
        },
        pane => app
            .view(pane)
            .map(|v| of(v.cursor.selected, v.items.len()))
            .unwrap_or_default(),
    }
}

/// `key description` for the bindings of the current scope marked as hints.
fn hints(app: &App) -> Vec<String> {
    let scope = app.scope();
    KEYMAP
        .iter()
        .filter(|b| b.hint && b.scope == scope)
        .map(|b| {
            let key = crate::app::keymap::key_label(&b.keys[0]);
            format!("{key} {}", b.describe(app.options.lang))
        })
        .collect()
}

/// One-pane arrangement: the pane names, the focused one marked, then what it shows.
pub(super) fn render_tabs(ctx: Ctx, area: Rect, buf: &mut Buffer) {
    let app = ctx.app;
    let mut x = area.x;
    for (pane, name) in Pane::ALL.iter().zip(app.labels().tabs) {
        if x >= area.right() {
            return;
        }
        let style = if *pane == app.focus {
            ctx.theme.tab_active
        } else {
            ctx.theme.dim
        };
        x += draw::put(buf, x, area.y, area.right() - x, name, style, ctx.m);
        x += 1;
    }
    if x + 4 < area.right() {
        let title = pane_title(app, app.focus);
        draw::put_right(
            buf,
            Rect::new(x + 1, area.y, area.right() - x - 1, 1),
            &title,
            ctx.theme.title,
            ctx.m,
        );
    }
}

/// Below the smallest usable size: say so, in as much of the space as there is.
pub(super) fn render_too_small(ctx: Ctx, area: Rect, buf: &mut Buffer) {
    let labels = ctx.app.labels();
    let full = format!("{} ({}x{}+)", labels.too_small, MIN_SIZE.0, MIN_SIZE.1);
    let width = usize::from(area.width);
    let candidates = [full.as_str(), labels.too_small, "!"];
    let Some(text) = candidates.into_iter().find(|t| {
        wrap(t, width, 0, ctx.m).len() <= usize::from(area.height) && fits(ctx, t, width)
    }) else {
        return;
    };
    for (row, range) in wrap(text, width, 0, ctx.m).into_iter().enumerate() {
        let y = area.y + row as u16;
        draw::put(
            buf,
            area.x,
            y,
            area.width,
            &text[range],
            ctx.theme.warning,
            ctx.m,
        );
    }
}

/// Whether every grapheme of `text` fits in `width` columns on its own.
fn fits(ctx: Ctx, text: &str, width: usize) -> bool {
    ctx.m.graphemes(text).all(|(_, w)| w <= width)
}
