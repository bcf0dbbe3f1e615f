//! The article pane: the laid-out document from the scroll position, with search
//! matches highlighted. Only the visible lines are read.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{Ctx, draw};
use crate::app::Reading;
use crate::text::{DocLine, LineKind};

/// Draws the article being read, or a short welcome when none is open.
pub(super) fn render_article(ctx: Ctx, area: Rect, buf: &mut Buffer) {
    let app = ctx.app;
    let Some(reading) = &app.reading else {
        render_welcome(ctx, area, buf);
        return;
    };
    let Some(doc) = &reading.document else {
        return;
    };
    let article = app.library.collection.get(reading.article);
    let end = (reading.scroll + usize::from(area.height)).min(doc.len());
    for (row, i) in (reading.scroll..end).enumerate() {
        let line = doc.line(article, i);
        let y = area.y + row as u16;
        let mut x = area.x + (line.lead as u16).min(area.width);
        let style = line_style(ctx, line.kind);
        if let Some(marker) = line.marker {
            x += draw::put(
                buf,
                x,
                y,
                area.right() - x,
                marker,
                ctx.theme.caption,
                ctx.m,
            );
        }
        render_line(ctx, reading, &line, (x, y, area.right() - x), style, buf);
    }
}

/// One line's text, split where search highlights start and end.
fn render_line(
    ctx: Ctx,
    reading: &Reading,
    line: &DocLine,
    (mut x, y, room): (u16, u16, u16),
    style: Style,
    buf: &mut Buffer,
) {
    let limit = x + room;
    let Some((block, range)) = &line.source else {
        draw::put(buf, x, y, room, line.text, style, ctx.m);
        return;
    };
    let mut at = 0;
    // Matches are in text order and do not overlap: skip to the first that ends inside
    // this line, so a frame never walks the matches of the whole article.
    let first = reading
        .matches
        .partition_point(|(b, m)| (*b, m.end) <= (*block, range.start));
    let on_line = reading.matches[first..]
        .iter()
        .take_while(|(b, m)| *b == *block && m.start < range.end);
    for (n, (_, m)) in (first..).zip(on_line) {
        let hl = clip(m, range);
        let current = reading.current_match == Some(n);
        let hl_style = if current {
            ctx.theme.highlight_current
        } else {
            ctx.theme.highlight
        };
        if hl.start > at {
            x += draw::put(buf, x, y, limit - x, &line.text[at..hl.start], style, ctx.m);
        }
        x += draw::put(
            buf,
            x,
            y,
            limit - x,
            &line.text[hl.clone()],
            style.patch(hl_style),
            ctx.m,
        );
        at = hl.end;
    }
    draw::put(buf, x, y, limit - x, &line.text[at..], style, ctx.m);
}

/// The part of match `m` inside `line` (both ranges in block bytes), relative to the line.
fn clip(m: &Range<usize>, line: &Range<usize>) -> Range<usize> {
    m.start.max(line.start) - line.start..m.end.min(line.end) - line.start
}

fn line_style(ctx: Ctx, kind: LineKind) -> Style {
    let t = ctx.theme;
    match kind {
        LineKind::Breadcrumb | LineKind::Meta => t.meta,
        LineKind::Title => t.article_title,
        LineKind::Heading => t.heading,
        LineKind::Caption => t.caption,
        LineKind::Quote => t.quote,
        LineKind::Byline => t.byline,
        LineKind::Paragraph | LineKind::Blank => Style::new(),
    }
}

/// The collection's title, its size and how to start, when no article is open.
fn render_welcome(ctx: Ctx, area: Rect, buf: &mut Buffer) {
    let app = ctx.app;
    let labels = app.labels();
    let c = &app.library.collection;
    let title = c.title.as_deref().unwrap_or(labels.home);
    draw::put_fit(
        buf,
        area.x,
        area.y,
        area.width,
        title,
        ctx.theme.article_title,
        ctx.m,
    );
    let count = format!("{}{}", c.len(), labels.articles_unit);
    draw::put_fit(
        buf,
        area.x,
        area.y + 1,
        area.width,
        &count,
        ctx.theme.dim,
        ctx.m,
    );
    let hint = labels.welcome_hint;
    draw::put_fit(
        buf,
        area.x,
        area.y + 3,
        area.width,
        hint,
        ctx.theme.dim,
        ctx.m,
    );
}
