//! The list panes: the category tree, the article list (or search results) and the
//! three panels. Each draws only its visible rows.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{Ctx, draw};
use crate::app::{App, Cursor, Pane};
use crate::model::{Article, ArticleIx};
use crate::rank::Total;

/// The style of row `i` of `pane`.
fn row_style(ctx: Ctx, pane: Pane, i: usize, cursor: Cursor) -> Option<Style> {
    (i == cursor.selected).then(|| {
        if ctx.app.focus == pane {
            ctx.theme.selected
        } else {
            ctx.theme.selected_idle
        }
    })
}

/// Category tree: indented names with article counts.
pub(super) fn render_categories(ctx: Ctx, area: Rect, buf: &mut Buffer) {
    let app = ctx.app;
    let tree = app.library.collection.categories();
    let cursor = app.tree.cursor;
    for (row, i) in (cursor.offset..app.tree.items.len())
        .take(area.height.into())
        .enumerate()
    {
        let id = app.tree.items[i];
        let node = tree.node(id);
        let line = Rect::new(area.x, area.y + row as u16, area.width, 1);
        let selected = row_style(ctx, Pane::Categories, i, cursor);
        if let Some(style) = selected {
            draw::paint_row(buf, line, style);
        }
        let base = selected.unwrap_or_default();
        let count = node.total.to_string();
        let count_x = draw::put_right(buf, line, &count, base.patch(ctx.theme.dim), ctx.m);
        let indent = (usize::from(node.depth) * 2).min(usize::from(area.width) / 2) as u16;
        let name = if node.parent.is_none() {
            app.labels().home
        } else {
            &node.name
        };
        let room = count_x.saturating_sub(line.x + indent + 1);
        draw::put_fit(buf, line.x + indent, line.y, room, name, base, ctx.m);
    }
}

/// The article list of the selected category, or the search results.
pub(super) fn render_list(ctx: Ctx, area: Rect, buf: &mut Buffer) {
    let app = ctx.app;
    let (items, cursor): (Vec<ArticleIx>, Cursor) = match &app.search {
        Some(s) => {
            let end = (s.cursor.offset + usize::from(area.height)).min(s.results.hits.len());
            let shown = s.results.hits[s.cursor.offset.min(end)..end]
                .iter()
                .map(|h| h.article);
            (shown.collect(), s.cursor)
        }
        None => {
            let end = (app.list.cursor.offset + usize::from(area.height)).min(app.list.items.len());
            (
                app.list.items[app.list.cursor.offset.min(end)..end].to_vec(),
                app.list.cursor,
            )
        }
    };
    if items.is_empty() {
        render_empty(ctx, app, area, buf);
        return;
    }
    for (row, ix) in items.into_iter().enumerate() {
        let i = cursor.offset + row;
        let line = Rect::new(area.x, area.y + row as u16, area.width, 1);
        let selected = row_style(ctx, Pane::List, i, cursor);
        if let Some(style) = selected {
            draw::paint_row(buf, line, style);
        }
        let base = selected.unwrap_or_default();
        let article = app.library.collection.get(ix);
        render_article_row(ctx, article, line, base, buf);
    }
}

/// One article in a list: title, then source and date at the right when they fit.
fn render_article_row(ctx: Ctx, article: &Article, line: Rect, base: Style, buf: &mut Buffer) {
    let mut right = String::new();
    if line.width >= 60 && !article.source().is_empty() {
        right.push_str(&ctx.m.truncate(article.source(), 10));
        right.push(' ');
    }
    if let Some(date) = article.date() {
        // The full date where there is room, else month and day.
        let day = date.day_string();
        match line.width {
            48.. => right.push_str(&day),
            24.. => right.push_str(&day[5..]),
            _ => {}
        }
    }
    let right_x = if right.is_empty() {
        line.right()
    } else {
        draw::put_right(buf, line, &right, base.patch(ctx.theme.dim), ctx.m)
    };
    let room = right_x.saturating_sub(line.x + 1).max(1);
    draw::put_fit(buf, line.x, line.y, room, article.title(), base, ctx.m);
}

/// What an empty list says: still loading, an empty collection, or no match.
fn render_empty(ctx: Ctx, app: &App, area: Rect, buf: &mut Buffer) {
    let labels = app.labels();
    let text = if app.search.as_ref().is_some_and(|s| !s.query.is_empty()) {
        match app.search_total() {
            Some(Total::Exact(_)) => labels.no_results,
            _ => labels.searching,
        }
    } else if app.library.collection.is_empty() {
        match app.library.load {
            crate::library::LoadState::Loading(_) => labels.loading,
            _ => labels.no_articles,
        }
    } else {
        labels.empty
    };
    draw::put_fit(buf, area.x, area.y, area.width, text, ctx.theme.dim, ctx.m);
}

/// 相关阅读 (title and excerpt), 热门文章 and 最新文章 (titles).
pub(super) fn render_panel(ctx: Ctx, pane: Pane, area: Rect, buf: &mut Buffer) {
    let app = ctx.app;
    let Some(view) = app.view(pane) else {
        return;
    };
    if view.items.is_empty() {
        let text = app.labels().empty;
        draw::put_fit(buf, area.x, area.y, area.width, text, ctx.theme.dim, ctx.m);
        return;
    }
    let per = App::entry_height(pane) as u16;
    let fits = usize::from(area.height / per.max(1));
    for (row, i) in (view.cursor.offset..view.items.len())
        .take(fits)
        .enumerate()
    {
        let article = app.library.collection.get(view.items[i]);
        let y = area.y + row as u16 * per;
        let line = Rect::new(area.x, y, area.width, 1);
        let selected = row_style(ctx, pane, i, view.cursor);
        if let Some(style) = selected {
            draw::paint_row(buf, line, style);
        }
        let base = selected.unwrap_or_default();
        draw::put_fit(buf, line.x, y, line.width, article.title(), base, ctx.m);
        if per > 1 && area.width > 2 {
            let excerpt = article.excerpt();
            draw::put_fit(
                buf,
                line.x + 2,
                y + 1,
                line.width - 2,
                excerpt,
                ctx.theme.dim,
                ctx.m,
            );
        }
    }
}
