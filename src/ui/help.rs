//! The `?` help overlay, generated from the keymap table.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::widgets::{Clear, Widget};

use super::{Ctx, draw, frame_block, render_frame_title};
use crate::app::keymap::{KEYMAP, Scope};
use crate::i18n::Lang;

/// One row of the help text.
enum Row {
    Heading(&'static str),
    Binding(String, &'static str),
}

fn scope_name(scope: Scope, lang: Lang) -> &'static str {
    match (scope, lang) {
        (Scope::Browse, Lang::Zh) => "浏览",
        (Scope::Browse, Lang::En) => "Browsing",
        (Scope::Search, Lang::Zh) => "输入搜索时",
        (Scope::Search, Lang::En) => "Typing a search",
        (Scope::Help, Lang::Zh) => "帮助中",
        (Scope::Help, Lang::En) => "In this help",
        (Scope::Always, Lang::Zh) => "随时",
        (Scope::Always, Lang::En) => "Anywhere",
    }
}

fn rows(lang: Lang) -> Vec<Row> {
    let mut rows = Vec::new();
    for scope in Scope::HELP_ORDER {
        rows.push(Row::Heading(scope_name(scope, lang)));
        for b in KEYMAP.iter().filter(|b| b.scope == scope) {
            rows.push(Row::Binding(b.keys_label(), b.describe(lang)));
        }
    }
    rows
}

/// A framed box in the middle of the screen listing every binding, scrolled by `offset`.
pub(super) fn render_help(ctx: Ctx, offset: usize, area: Rect, buf: &mut Buffer) {
    let lang = ctx.app.options.lang;
    let rows = rows(lang);
    let width = area.width.min(64);
    let height = area.height.saturating_sub(2).min(rows.len() as u16 + 2);
    let [column] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(area);
    let [rect] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(column);
    draw::clear_straddling(buf, rect);
    Clear.render(rect, buf);
    let block = frame_block(ctx, ctx.theme.border_focused);
    let inner = block.inner(rect);
    block.render(rect, buf);
    let offset = offset.min(rows.len().saturating_sub(usize::from(inner.height)));
    // Where the view is, when the table is longer than the box.
    let shown = offset + usize::from(inner.height);
    let help = ctx.app.labels().help;
    let title = if shown < rows.len() || offset > 0 {
        let end = shown.min(rows.len());
        format!(" {help} {}-{end}/{} ", offset + 1, rows.len())
    } else {
        format!(" {help} ")
    };
    render_frame_title(ctx, rect, &title, ctx.theme.border_focused, buf);
    let keys_width = rows
        .iter()
        .map(|r| match r {
            Row::Binding(k, _) => ctx.m.width(k),
            Row::Heading(_) => 0,
        })
        .max()
        .unwrap_or(0)
        .min(usize::from(inner.width) / 2) as u16;
    for (n, row) in rows
        .iter()
        .skip(offset)
        .take(inner.height.into())
        .enumerate()
    {
        let y = inner.y + n as u16;
        match row {
            Row::Heading(h) => {
                draw::put_fit(buf, inner.x, y, inner.width, h, ctx.theme.heading, ctx.m);
            }
            Row::Binding(keys, what) => {
                let x = inner.x + 1;
                draw::put_fit(buf, x, y, keys_width, keys, ctx.theme.article_title, ctx.m);
                let desc_x = x + keys_width + 2;
                let room = inner.right().saturating_sub(desc_x);
                draw::put_fit(buf, desc_x, y, room, what, ctx.theme.status, ctx.m);
            }
        }
    }
}
