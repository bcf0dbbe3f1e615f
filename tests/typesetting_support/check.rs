//! An independent check of a paragraph's lines against the typesetting rules.
//!
//! Widths come straight from unicode-segmentation and unicode-width (not from the
//! engine's fast paths), so a fault in either shows up here. Legal break positions come
//! from `break_opportunities`, the engine's published rule set, whose agreement with
//! UAX #14 is tested separately against `LineBreakTest.txt`.

use std::ops::Range;

use reader::text::classes::{inseparable, is_forced_break, is_space, no_end, no_start};
use reader::text::{AmbiguousWidth, break_opportunities};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// What a layout is checked for.
#[derive(Clone, Copy, Debug)]
pub struct Spec<'a> {
    pub text: &'a str,
    pub width: usize,
    pub first_indent: usize,
    pub ambiguous: AmbiguousWidth,
}

/// Lines that start with a closer, end with an opener, or split a doubled mark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Faults {
    /// Lines wider than their room.
    pub too_wide: usize,
    /// Lines starting with a character that must not start a line.
    pub bad_start: usize,
    /// Lines ending with a character that must not end a line.
    pub bad_end: usize,
    /// `——`, `……` and the like split across lines.
    pub split_pair: usize,
}

impl Faults {
    pub fn total(&self) -> usize {
        self.too_wide + self.bad_start + self.bad_end + self.split_pair
    }

    pub fn add(&mut self, o: Faults) {
        self.too_wide += o.too_wide;
        self.bad_start += o.bad_start;
        self.bad_end += o.bad_end;
        self.split_pair += o.split_pair;
    }
}

/// Width of `s` as a terminal shows it: unicode-width over whole grapheme clusters.
pub fn width(s: &str, ambiguous: AmbiguousWidth) -> usize {
    s.graphemes(true)
        .map(|g| match ambiguous {
            AmbiguousWidth::Narrow => g.width(),
            AmbiguousWidth::Wide => g.width_cjk(),
        })
        .sum()
}

fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}

/// The first character of the last cluster of `s` that is neither a space nor
/// zero-width.
fn last_visible(s: &str) -> Option<char> {
    s.graphemes(true)
        .rev()
        .find(|g| !g.chars().all(is_space) && width(g, AmbiguousWidth::Narrow) > 0)
        .and_then(first_char)
}

/// Counts the rule faults of `lines` (text slices, soft breaks only between them),
/// however they were made: used for our lines and for other wrappers' alike.
pub fn faults(lines: &[&str], width: usize, first_indent: usize, amb: AmbiguousWidth) -> Faults {
    let mut f = Faults::default();
    for (i, line) in lines.iter().enumerate() {
        let room = if i == 0 {
            width.saturating_sub(first_indent)
        } else {
            width
        };
        if self::width(line, amb) > room {
            f.too_wide += 1;
        }
        if i > 0 && first_char(line).is_some_and(no_start) {
            f.bad_start += 1;
        }
        if i + 1 < lines.len() && last_visible(line).is_some_and(no_end) {
            f.bad_end += 1;
        }
        let next = lines.get(i + 1).and_then(|l| first_char(l));
        if line
            .chars()
            .next_back()
            .zip(next)
            .is_some_and(|(a, b)| inseparable(a, b))
        {
            f.split_pair += 1;
        }
    }
    f
}

/// Every way `ranges` can be wrong as the layout of `spec`; empty when it is right.
pub fn violations(spec: Spec, ranges: &[Range<usize>]) -> Vec<String> {
    let Spec {
        text,
        width,
        first_indent,
        ambiguous: amb,
    } = spec;
    let width = width.max(1);
    let mut out = Vec::new();
    let boundaries: Vec<usize> = text
        .grapheme_indices(true)
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let legal = break_opportunities(text);
    if ranges.is_empty() {
        return vec!["no lines".into()];
    }
    if ranges[0].start != 0 {
        out.push(format!("first line starts at {}", ranges[0].start));
    }
    // What a break may consume: spaces, the zero-width characters among them, and
    // forced breaks.
    let gap_ok = |g: &str| {
        g.graphemes(true).all(|g| {
            g.chars().all(|c| is_space(c) || is_forced_break(c)) || self::width(g, amb) == 0
        })
    };
    let mut prev_end = 0;
    for (i, r) in ranges.iter().enumerate() {
        if r.start < prev_end || r.end < r.start || r.end > text.len() {
            return vec![format!("line {i} {r:?} out of order")];
        }
        for p in [r.start, r.end] {
            if boundaries.binary_search(&p).is_err() {
                return vec![format!("line {i} {r:?} cuts a grapheme cluster")];
            }
        }
        if !gap_ok(&text[prev_end..r.start]) {
            out.push(format!(
                "text lost before line {i}: {:?}",
                &text[prev_end..r.start]
            ));
        }
        if text[r.clone()].chars().any(is_forced_break) {
            out.push(format!("line {i} holds a forced break"));
        }
        let last = text[r.clone()]
            .graphemes(true)
            .rev()
            .find(|g| self::width(g, amb) > 0);
        if last.is_some_and(|g| g.chars().all(is_space)) {
            out.push(format!("line {i} keeps a trailing space"));
        }
        prev_end = r.end;
    }
    if !gap_ok(&text[prev_end..]) {
        out.push(format!("text lost at the end: {:?}", &text[prev_end..]));
    }
    for (i, r) in ranges.iter().enumerate() {
        let line = &text[r.clone()];
        let room = if i == 0 {
            width.saturating_sub(first_indent)
        } else {
            width
        };
        let w = self::width(line, amb);
        let visible: Vec<&str> = line
            .graphemes(true)
            .filter(|g| self::width(g, amb) > 0)
            .collect();
        let lone_giant = visible.len() == 1 && w > width;
        if w > room && !lone_giant {
            out.push(format!("line {i} {line:?} is {w} cells, room {room}"));
        }
        if i == 0 {
            continue;
        }
        let prev = ranges[i - 1].clone();
        let gap = &text[prev.end..r.start];
        if gap.chars().any(is_forced_break) {
            continue;
        }
        // A soft break at `r.start` ended line i-1.
        let before = &text[prev.clone()];
        let bad = first_char(line).is_some_and(no_start)
            || last_visible(before).is_some_and(no_end)
            || (gap.is_empty()
                && before
                    .chars()
                    .next_back()
                    .zip(first_char(line))
                    .is_some_and(|(a, b)| inseparable(a, b)));
        let legal_inside = legal.iter().any(|&q| q > prev.start && q < r.start);
        if bad && legal_inside {
            out.push(format!(
                "line {i} {line:?} breaks a rule although line {} could break legally",
                i - 1
            ));
        }
        if bad {
            let clean = boundaries
                .iter()
                .copied()
                .filter(|&q| q > prev.start && q < r.start)
                .find(|&q| clean_break(text, prev.start, q, amb));
            if let Some(q) = clean {
                out.push(format!(
                    "line {i} {line:?} breaks a rule although {q} breaks none"
                ));
            }
        }
        // Greedy: the line could not have run on to the next legal break.
        let hard_end = text[r.start..]
            .find(is_forced_break)
            .map_or(text.len(), |k| r.start + k);
        let next = legal
            .iter()
            .copied()
            .find(|&q| q > r.start)
            .unwrap_or(text.len())
            .min(hard_end);
        let longer = text[prev.start..next].trim_end_matches(is_space);
        let prev_room = if i == 1 {
            width.saturating_sub(first_indent)
        } else {
            width
        };
        if self::width(longer, amb) <= prev_room {
            out.push(format!("line {} {before:?} could hold {longer:?}", i - 1));
        }
    }
    out
}

/// Whether a break at grapheme boundary `q` of a line starting at `start` would break
/// none of the rules: no space or zero-width cluster starting the next line, no closer
/// starting it, no opener ending this one, no doubled mark split.
fn clean_break(text: &str, start: usize, q: usize, amb: AmbiguousWidth) -> bool {
    let Some(next) = text[q..].graphemes(true).next() else {
        return false;
    };
    let before = &text[start..q];
    !next.chars().all(is_space)
        && width(next, amb) > 0
        && !first_char(next).is_some_and(no_start)
        && !last_visible(before).is_some_and(no_end)
        && !before
            .chars()
            .next_back()
            .zip(first_char(next))
            .is_some_and(|(a, b)| inseparable(a, b))
}
