//! Checks that what the reader measured is what a terminal draws: the recorded output
//! replayed glyph by glyph through an emulator, and the screen read back row by row.

use reader::text::Measure;

use super::audit::{Piece, context, pieces};

/// Replays `raw` through a fresh `cols`x`rows` terminal (vt100 draws each code point
/// with its own width, as xterm, VTE and tmux do) and checks, glyph by glyph in the
/// alternate screen, that the cursor moved exactly as many cells as `m` measured and
/// stayed on its row: no glyph overflows or wraps. A glyph the terminal draws
/// narrower than measured is allowed only as the last before the renderer moves the
/// cursor again, where the difference is a blank cell, not a shift.
pub fn check_widths(raw: &[u8], (cols, rows): (u16, u16), m: Measure) -> Result<(), String> {
    let size = |n: u16| std::num::NonZeroU16::new(n).expect("non-empty screen");
    let mut term = vt100::Parser::new(size(rows), size(cols), 0);
    let pieces = pieces(raw)?;
    for (n, &(at, piece)) in pieces.iter().enumerate() {
        let Piece::Text(text) = piece else {
            match piece {
                Piece::Escape(seq) => term.process(seq),
                Piece::Control(b) => term.process(&[b]),
                Piece::Text(_) => unreachable!("handled above"),
            }
            continue;
        };
        if !term.screen().alternate_screen() {
            term.process(text.as_bytes());
            continue;
        }
        let glyphs: Vec<(usize, &str, usize)> = {
            let mut offset = 0;
            m.graphemes(text)
                .map(|(g, w)| {
                    offset += g.len();
                    (offset - g.len(), g, w)
                })
                .collect()
        };
        for (i, &(offset, g, w)) in glyphs.iter().enumerate() {
            let (row, col) = term.screen().cursor_position();
            // vt100 keeps U+FFFD for its own decoding errors and does not draw it; every
            // terminal draws it in one cell, as it draws `?`.
            term.process(if g == "\u{FFFD}" { b"?" } else { g.as_bytes() });
            let (row2, col2) = term.screen().cursor_position();
            let moved = usize::from(col2).wrapping_sub(usize::from(col));
            if row2 == row && moved == w {
                continue;
            }
            let last = i + 1 == glyphs.len();
            if row2 == row && moved < w && last && repositions_next(&pieces[n + 1..]) {
                continue;
            }
            let at = at + offset;
            return Err(format!(
                "{g:?} measured {w} cells, terminal cursor went from row {row} col {col} \
                 to row {row2} col {col2} at byte {at}: {}",
                context(raw, at)
            ));
        }
    }
    Ok(())
}

/// Whether the renderer moves the cursor before it writes any more text.
fn repositions_next(rest: &[(usize, Piece<'_>)]) -> bool {
    for (_, piece) in rest {
        match piece {
            Piece::Text(_) | Piece::Control(_) => return false,
            Piece::Escape(seq) if seq.ends_with(b"H") => return true,
            Piece::Escape(_) => {}
        }
    }
    true
}

/// Checks that each row of `screen`, read back as text, measures exactly the screen's
/// width with `m`: the reader's widths and the terminal's cells agree.
pub fn check_rows(screen: &vt100::Screen, m: Measure) -> Result<(), String> {
    let (rows, cols) = screen.size();
    let (rows, cols) = (rows.get(), cols.get());
    for r in 0..rows {
        let text = row_text(screen, r);
        let w = m.width(&text);
        if w != usize::from(cols) {
            return Err(format!("row {r} measures {w} cells, not {cols}: {text:?}"));
        }
    }
    Ok(())
}

/// Row `r` of `screen` as text: each cell's contents, a space for an empty cell, the
/// right half of a wide glyph skipped.
pub fn row_text(screen: &vt100::Screen, r: u16) -> String {
    let cols = screen.size().1.get();
    let mut text = String::new();
    for c in 0..cols {
        let Some(cell) = screen.cell(r, c) else {
            continue;
        };
        if cell.is_wide_continuation() {
            continue;
        }
        match cell.contents() {
            "" => text.push(' '),
            s => text.push_str(s),
        }
    }
    text
}
