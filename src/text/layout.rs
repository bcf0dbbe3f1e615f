//! Breaking a paragraph into lines.

use std::ops::Range;

use super::Measure;

/// Breaks `text` into lines of at most `width` cells, the first line starting after
/// `first_indent` cells. Returns byte ranges into `text`.
pub fn wrap(text: &str, width: usize, first_indent: usize, measure: Measure) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let width = width.max(1);
    let mut start = 0;
    let mut used = first_indent.min(width.saturating_sub(1));
    let mut pos = 0;
    for (g, w) in measure.graphemes(text) {
        if used + w > width && pos > start {
            lines.push(start..pos);
            start = pos;
            used = 0;
        }
        used += w;
        pos += g.len();
    }
    if pos > start || lines.is_empty() {
        lines.push(start..pos);
    }
    lines
}
