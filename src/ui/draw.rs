//! Putting text into the buffer with the reader's own width function, so what the
//! typesetter measured is exactly what is drawn.

use std::borrow::Cow;
use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::style::Style;

use unicode_width::UnicodeWidthStr;

use crate::load::clean;
use crate::text::Measure;

/// Draws `text` at (`x`, `y`), at most `max` cells wide, and returns the cells used.
/// A grapheme that would not fit is not drawn, so nothing spills past `max`; the
/// cells a wide grapheme covers are marked so the terminal is never told to draw over
/// its right half.
pub fn put(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    max: u16,
    text: &str,
    style: Style,
    m: Measure,
) -> u16 {
    let area = buf.area;
    if y < area.top() || y >= area.bottom() || x >= area.right() {
        return 0;
    }
    let limit = x.saturating_add(max).min(area.right());
    let mut at = x;
    for (g, w) in m.graphemes(text) {
        let w = w as u16;
        if w == 0 {
            continue;
        }
        if at + w > limit {
            break;
        }
        let g = visible(g);
        let g = g.as_ref();
        let cell = &mut buf[(at, y)];
        cell.set_symbol(g).set_style(style);
        // With `--ambiguous wide` a glyph can be wider than ratatui measures it; tell the
        // diff, or it would write into the glyph's right half.
        if usize::from(w) != UnicodeWidthStr::width(g)
            && let Some(forced) = NonZeroU16::new(w)
        {
            cell.set_diff_option(CellDiffOption::ForcedWidth(forced));
        }
        for cover in at + 1..at + w {
            buf[(cover, y)].reset();
            buf[(cover, y)].set_diff_option(CellDiffOption::Skip);
        }
        at += w;
    }
    at - x
}

/// What a grapheme is drawn as. Text is cleaned at load, but not every string drawn
/// comes from the loader (a typed or pasted query, a file name in a message): a
/// grapheme holding a control character, which the terminal would act on, is drawn as
/// U+FFFD; otherwise it is cleaned as the loader cleans text (invisible format
/// characters such as bidi controls, tags and zero-width spaces left out,
/// noncharacters replaced). The cells taken stay what was measured.
fn visible(g: &str) -> Cow<'_, str> {
    if g.chars()
        .any(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}'))
    {
        return Cow::Borrowed("\u{FFFD}");
    }
    clean(g)
}

/// Draws `text` cut with `…` to fit `max` cells; returns the cells used.
pub fn put_fit(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    max: u16,
    text: &str,
    style: Style,
    m: Measure,
) -> u16 {
    let fitted = m.truncate(text, usize::from(max));
    put(buf, x, y, max, &fitted, style, m)
}

/// Draws `text` so that it ends at the right edge of `row`; returns its first column.
pub fn put_right(buf: &mut Buffer, row: Rect, text: &str, style: Style, m: Measure) -> u16 {
    let w = (m.width(text) as u16).min(row.width);
    let x = row.right() - w;
    put_fit(buf, x, row.y, w, text, style, m);
    x
}

/// Makes room for an overlay at `rect`: a wide glyph just left of it, whose right half
/// lies under the overlay's edge, would keep that edge from being drawn, and one
/// whose left half is under the right edge would leave half a glyph outside. Both
/// become blanks.
pub fn clear_straddling(buf: &mut Buffer, rect: Rect) {
    let area = buf.area;
    for y in rect.top()..rect.bottom().min(area.bottom()) {
        if rect.left() > area.left() {
            let left = &mut buf[(rect.left() - 1, y)];
            if UnicodeWidthStr::width(left.symbol()) > 1
                || matches!(left.diff_option, CellDiffOption::ForcedWidth(_))
            {
                left.reset();
            }
        }
        if rect.right() < area.right() {
            let right = &mut buf[(rect.right(), y)];
            if right.diff_option == CellDiffOption::Skip {
                right.reset();
            }
        }
    }
}

/// Paints `style` over a whole row (for selection bars).
pub fn paint_row(buf: &mut Buffer, row: Rect, style: Style) {
    buf.set_style(row, style);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::AmbiguousWidth;

    fn row(buf: &Buffer, y: u16) -> String {
        (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
    }

    #[test]
    fn wide_glyphs_never_spill() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 5, 1));
        let used = put(
            &mut buf,
            0,
            0,
            5,
            "桃浦中央",
            Style::new(),
            Measure::default(),
        );
        assert_eq!(used, 4);
        assert_eq!(row(&buf, 0), "桃 浦  ");
        assert_eq!(buf[(1, 0)].diff_option, CellDiffOption::Skip);
    }

    #[test]
    fn ambiguous_wide_takes_two_cells() {
        let wide = Measure {
            ambiguous: AmbiguousWidth::Wide,
        };
        let mut buf = Buffer::empty(Rect::new(0, 0, 4, 1));
        assert_eq!(put(&mut buf, 0, 0, 4, "°C", Style::new(), wide), 3);
        let forced = NonZeroU16::new(2).unwrap();
        assert_eq!(buf[(0, 0)].diff_option, CellDiffOption::ForcedWidth(forced));
        assert_eq!(buf[(1, 0)].diff_option, CellDiffOption::Skip);
        assert_eq!(buf[(2, 0)].symbol(), "C");
    }

    #[test]
    fn controls_and_invisible_characters_never_reach_a_cell() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 9, 1));
        let text = "a\x1b]0;\u{9b}b\u{e0041}\nc";
        let used = put(&mut buf, 0, 0, 9, text, Style::new(), Measure::default());
        assert_eq!(used, 9);
        assert_eq!(row(&buf, 0), "a\u{FFFD}]0;\u{FFFD}b\u{FFFD}c");
        // A noncharacter is measured one cell and drawn as one: U+FFFD, as at load.
        let mut buf = Buffer::empty(Rect::new(0, 0, 3, 1));
        let used = put(
            &mut buf,
            0,
            0,
            3,
            "a\u{FDD0}b",
            Style::new(),
            Measure::default(),
        );
        assert_eq!(used, 3);
        assert_eq!(row(&buf, 0), "a\u{FFFD}b");
    }

    #[test]
    fn overlays_clear_glyphs_that_straddle_their_edges() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 1));
        put(
            &mut buf,
            0,
            0,
            8,
            "桃浦中央",
            Style::new(),
            Measure::default(),
        );
        // Columns: 桃 0-1, 浦 2-3, 中 4-5, 央 6-7. An overlay on 3-4 has 浦's right half
        // under its left edge.
        clear_straddling(&mut buf, Rect::new(3, 0, 2, 1));
        assert_eq!(
            buf[(2, 0)].symbol(),
            " ",
            "浦 would hide the overlay's left edge"
        );
        assert_eq!(buf[(0, 0)].symbol(), "桃");
        assert_eq!(buf[(6, 0)].symbol(), "央");
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        put(&mut buf, 0, 0, 6, "a桃浦", Style::new(), Measure::default());
        // 桃 covers 1-2: an overlay ending at column 1 leaves its right half outside.
        clear_straddling(&mut buf, Rect::new(0, 0, 2, 1));
        assert_eq!(buf[(2, 0)].diff_option, CellDiffOption::None);
    }

    #[test]
    fn drawing_outside_the_buffer_is_a_no_op() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 2, 1));
        assert_eq!(
            put(&mut buf, 5, 0, 3, "abc", Style::new(), Measure::default()),
            0
        );
        assert_eq!(
            put(&mut buf, 0, 3, 3, "abc", Style::new(), Measure::default()),
            0
        );
        assert_eq!(
            put(&mut buf, 1, 0, 9, "abc", Style::new(), Measure::default()),
            1
        );
    }
}
