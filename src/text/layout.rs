//! Breaking a paragraph into lines: greedy fill with push-down.
//!
//! Clusters are placed one by one while they fit. When one does not, the line ends at
//! the last legal break before it; that pushes the previous character (and an opener
//! attached to it) down to the next line rather than letting a closer start a line or
//! an opener end one. A word too long for a whole line is broken inside, so the line
//! before it is still filled; if a line has no legal break at all, the least bad
//! boundary is used (see [`Break`]), so text never runs past the column.

use std::ops::Range;

use super::Measure;
use super::breaks::{Break, Cluster, analyze};

/// Breaks `text` into lines of at most `width` cells, the first line having
/// `first_indent` cells less room. Returns byte ranges into `text`, one per line.
///
/// - Forced breaks (`\n`, `\r\n`, U+2028, ...) end a line and belong to no range, nor
///   do the spaces (U+0020, U+3000) at a line's end and zero-width characters among
///   them.
/// - Empty text gives one empty range; so does each empty line between forced breaks.
/// - Every line is at most `width` cells (the first at most `width - first_indent`).
///   The first line is left empty when it has no room for even one cluster, or when
///   filling it would break a rule the full width avoids. The one exception to the
///   width: a single cluster wider than `width` itself (a wide character at width 1)
///   gets a line of its own.
/// - A `width` of 0 is taken as 1.
pub fn wrap(text: &str, width: usize, first_indent: usize, measure: Measure) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    wrap_into(text, width, first_indent, measure, &mut lines);
    lines
}

/// [`wrap`], appending to `lines`.
pub fn wrap_into(
    text: &str,
    width: usize,
    first_indent: usize,
    measure: Measure,
    lines: &mut Vec<Range<usize>>,
) {
    let width = width.max(1);
    let mut setter = Setter {
        width,
        avail: width.saturating_sub(first_indent),
        lines,
        buf: Vec::new(),
    };
    setter.set(text, measure);
}

/// The state of one `wrap` call.
struct Setter<'a> {
    width: usize,
    /// Room on the line being set.
    avail: usize,
    lines: &'a mut Vec<Range<usize>>,
    /// The clusters of the line being set, then any read ahead of it.
    buf: Vec<Cluster>,
}

impl Setter<'_> {
    /// Sets `text`.
    fn set(&mut self, text: &str, measure: Measure) {
        let mut clusters = analyze(text, measure);
        // Where the line being set starts, for when it has no clusters.
        let mut start = 0;
        // Index in `buf` of the next cluster to place.
        let mut cur = 0;
        loop {
            if cur == self.buf.len() {
                match clusters.next() {
                    Some(c) => self.buf.push(c),
                    None => break,
                }
            }
            let c = self.buf[cur];
            if c.forced {
                self.emit(cur, start);
                self.buf.drain(..=cur);
                cur = 0;
                start = c.end;
                continue;
            }
            let line_at = self.buf[0].at;
            // Spaces hang and zero-width clusters take no room: neither overflows.
            if c.space || c.width == 0 || c.at + c.width - line_at <= self.avail {
                cur += 1;
                continue;
            }
            match self.choose(cur, &mut clusters) {
                Some(k) => {
                    self.emit(k, start);
                    self.buf.drain(..k);
                    cur -= k;
                }
                None if cur == 0 && self.avail < self.width => {
                    // An indented first line with no room for the first cluster.
                    let start = self.buf[0].start;
                    self.lines.push(start..start);
                    self.avail = self.width;
                }
                // A cluster wider than the whole column: alone on its line.
                None => cur += 1,
            }
        }
        let end = self.buf.len();
        self.emit(end, start);
    }

    /// Ends the current line before `buf[k]` (or at `fallback` if the line is empty),
    /// leaving out the spaces at its end and any zero-width clusters among them.
    fn emit(&mut self, k: usize, fallback: usize) {
        let start = self.buf.first().map_or(fallback, |c| c.start);
        let line = &self.buf[..k];
        let blank = line
            .iter()
            .rev()
            .take_while(|c| c.space || c.width == 0)
            .count();
        let end = if line[k - blank..].iter().any(|c| c.space) {
            line[..k - blank].last().map_or(start, |c| c.end)
        } else {
            line.last().map_or(start, |c| c.end)
        };
        self.lines.push(start..end);
        self.avail = self.width;
    }

    /// Where to end the line when `buf[cur]` does not fit: an index in `1..=cur`, or 0
    /// for an empty first line.
    fn choose(
        &mut self,
        cur: usize,
        clusters: &mut impl Iterator<Item = Cluster>,
    ) -> Option<usize> {
        let allowed = (1..=cur)
            .rev()
            .find(|&k| self.buf[k].before == Break::Allowed);
        match allowed {
            Some(b) if self.word_too_long(b, cur, clusters) => {
                // The word starting at `b` will be broken anyway: fill this line.
                self.least_bad(b + 1..cur + 1, Break::Word).or(Some(b))
            }
            Some(b) => Some(b),
            None => {
                let k = self.least_bad(1..cur + 1, Break::Inseparable)?;
                // On an indented first line, an empty line beats breaking a rule: the
                // next line has the whole width.
                let rule_broken = self.buf[k].before < Break::Word;
                Some(if rule_broken && self.avail < self.width {
                    0
                } else {
                    k
                })
            }
        }
    }

    /// The best boundary in `range` graded at least `floor`, the latest of equals.
    /// A URL separator only counts as one when it leaves the line at least a third full.
    fn least_bad(&self, range: Range<usize>, floor: Break) -> Option<usize> {
        let line_at = self.buf[0].at;
        let mut best: Option<(Break, usize)> = None;
        for k in range {
            let c = &self.buf[k];
            let mut grade = c.before;
            if grade == Break::Url && 3 * (c.at - line_at) < self.avail {
                grade = Break::Word;
            }
            if grade >= floor && best.is_none_or(|(g, _)| grade >= g) {
                best = Some((grade, k));
            }
        }
        best.map(|(_, k)| k)
    }

    /// Whether the word starting at `buf[b]` (up to the next legal break, less the
    /// spaces that would hang) is wider than a whole line. Reads ahead as needed.
    fn word_too_long(
        &mut self,
        b: usize,
        cur: usize,
        clusters: &mut impl Iterator<Item = Cluster>,
    ) -> bool {
        let from = self.buf[b].at;
        let mut k = cur;
        loop {
            if k == self.buf.len() {
                match clusters.next() {
                    Some(c) => self.buf.push(c),
                    None => return false,
                }
            }
            let c = self.buf[k];
            if c.forced || (k > cur && c.before == Break::Allowed) {
                return false;
            }
            if !c.space && c.at + c.width - from > self.width {
                return true;
            }
            k += 1;
        }
    }
}
