//! Where a line may break, and how bad each other place would be.
//!
//! The Unicode line breaking algorithm (UAX #14, from icu_segmenter) gives the
//! opportunities; the Chinese rules in [`rules`](super::rules) then take some away (no
//! closer at the start of a line, no opener at its end, no split `——`, numbers and
//! full-width words kept whole). Every grapheme cluster boundary gets a [`Break`]
//! grade, so that when a line has no legal break at all, the layout can still pick
//! the least bad place instead of overflowing.

use super::Measure;
use super::cluster::{Clusters, Piece};
use super::opportunities::Opportunities;
use super::rules;

/// How good the boundary before a cluster is as the end of a line, worst first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Break {
    /// Not a place to break: the start of the text, before a space (spaces hang at
    /// the end of a line) or before a zero-width cluster (it stays with its base).
    Never,
    /// Inside a doubled dash or ellipsis (`——`, `……`).
    Inseparable,
    /// A closer would start the line or an opener would end it.
    Prohibited,
    /// Inside a word or a number.
    Word,
    /// Inside a word, after `/ ? & =`: the place to break a long URL.
    Url,
    /// A line break opportunity.
    Allowed,
}

/// One grapheme cluster of a line being set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cluster {
    /// Byte offset of its start in the text.
    pub start: usize,
    /// Byte offset of its end.
    pub end: usize,
    /// Cells it takes.
    pub width: usize,
    /// Cells taken by everything before it in the text.
    pub at: usize,
    /// How good a break right before it would be.
    pub before: Break,
    /// Whether it is a space that hangs at the end of a line.
    pub space: bool,
    /// Whether it is a forced break (`\n`, `\r\n`, U+2028, ...): it ends the line and
    /// belongs to none.
    pub forced: bool,
}

/// Grades the cluster boundaries of a text.
pub struct Analyzer<'a> {
    text: &'a str,
    clusters: Clusters<'a>,
    measure: Measure,
    opportunities: Opportunities<'a>,
    next_opportunity: usize,
    /// Last character of the previous cluster (none at the start of a line).
    prev: Option<char>,
    /// Last character of the cluster before the previous one.
    before_prev: char,
    /// First character of the last cluster that is neither a space nor zero-width.
    last_visible: char,
    at: usize,
}

/// An analyzer for `text`.
pub fn analyze(text: &str, measure: Measure) -> Analyzer<'_> {
    Analyzer {
        text,
        clusters: Clusters::new(text),
        measure,
        opportunities: Opportunities::new(text),
        next_opportunity: 0,
        prev: None,
        before_prev: '\0',
        last_visible: '\0',
        at: 0,
    }
}

impl Analyzer<'_> {
    fn grade(
        &mut self,
        (start, end): (usize, usize),
        first: char,
        width: usize,
        space: bool,
    ) -> Break {
        let Some(last) = self.prev else {
            return Break::Never;
        };
        while self.next_opportunity < start {
            self.next_opportunity = self.opportunities.next().unwrap_or(usize::MAX);
        }
        let unicode = self.next_opportunity == start;
        if rules::is_han(last) && rules::is_han(first) {
            // The common case, and none of the rules below applies to it.
            return if unicode { Break::Allowed } else { Break::Word };
        }
        if width == 0 || space {
            Break::Never
        } else if rules::inseparable(last, first) {
            Break::Inseparable
        } else if rules::no_start(first) || rules::no_end(self.last_visible) {
            Break::Prohibited
        } else if self.keeps_together(last, first) {
            Break::Word
        } else if unicode || self.chinese_quote_break(last, first, end) {
            Break::Allowed
        } else if rules::url_break_after(last) {
            Break::Url
        } else {
            Break::Word
        }
    }

    /// [`rules::chinese_quote_break`] between the previous cluster (ending in `last`)
    /// and the one at `..end` (starting with `first`).
    fn chinese_quote_break(&self, last: char, first: char, end: usize) -> bool {
        let inner = if matches!(first, '“' | '‘') {
            self.text
                .get(end..)
                .and_then(|t| t.chars().next())
                .unwrap_or('\0')
        } else {
            self.before_prev
        };
        rules::chinese_quote_break(last, first, inner)
    }

    /// Numbers with their separators and signs, and full-width words, which UAX #14
    /// would break like ideographs.
    fn keeps_together(&self, last: char, first: char) -> bool {
        (rules::is_fullwidth_alnum(last) && rules::is_fullwidth_alnum(first))
            || (rules::is_digit(last) && rules::is_digit(first))
            || (rules::is_digit(first)
                && (rules::is_number_sign(last)
                    || (rules::is_number_separator(last) && rules::is_digit(self.before_prev))))
    }
}

impl Iterator for Analyzer<'_> {
    type Item = Cluster;

    #[inline]
    fn next(&mut self) -> Option<Cluster> {
        let piece = self.clusters.next()?;
        let Piece {
            start, end, first, ..
        } = piece;
        let width = self.measure.piece(self.text, piece);
        let single = end == start + first.len_utf8();
        let space = single && rules::is_space(first);
        let forced = rules::is_forced_break(first);
        let before = if forced {
            Break::Never
        } else {
            self.grade((start, end), first, width, space)
        };
        let last = if single {
            first
        } else {
            self.text[start..end].chars().next_back().unwrap_or(first)
        };
        if forced {
            // The next cluster starts a line, as the first of the text does.
            self.prev = None;
            self.before_prev = '\0';
            self.last_visible = '\0';
        } else {
            self.before_prev = self.prev.unwrap_or('\0');
            self.prev = Some(last);
            if !space && width > 0 {
                self.last_visible = first;
            }
        }
        let cluster = Cluster {
            start,
            end,
            width,
            at: self.at,
            before,
            space,
            forced,
        };
        self.at += width;
        Some(cluster)
    }
}

/// Byte offsets where a line of `text` may end: the legal breaks after the Chinese
/// rules are applied, the places right after forced breaks, and the end of the text.
pub fn break_opportunities(text: &str) -> Vec<usize> {
    let mut out: Vec<usize> = analyze(text, Measure::default())
        .filter(|c| c.before == Break::Allowed || c.forced)
        .map(|c| if c.forced { c.end } else { c.start })
        .collect();
    if !text.is_empty() && out.last() != Some(&text.len()) {
        out.push(text.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grades(text: &str) -> Vec<(&str, Break)> {
        analyze(text, Measure::default())
            .map(|c| (&text[c.start..c.end], c.before))
            .collect()
    }

    fn grade_before(text: &str, at: &str) -> Break {
        let i = text.find(at).expect("marker in text");
        analyze(text, Measure::default())
            .find(|c| c.start == i)
            .expect("cluster at marker")
            .before
    }

    #[test]
    fn ideographs_break_anywhere() {
        let g = grades("桃浦镇");
        assert_eq!(g[1].1, Break::Allowed);
        assert_eq!(g[2].1, Break::Allowed);
    }

    #[test]
    fn closers_never_start_and_openers_never_end() {
        let s = "践行“四到四办换四心”承诺，倾力";
        assert_eq!(grade_before(s, "四到"), Break::Prohibited);
        assert_eq!(grade_before(s, "”"), Break::Prohibited);
        assert_eq!(grade_before(s, "，"), Break::Prohibited);
        assert_eq!(grade_before(s, "承"), Break::Allowed);
        assert_eq!(grade_before(s, "倾"), Break::Allowed);
        // An ideographic space after an opener still leaves the opener at the end.
        assert_eq!(grade_before("［　图片］", "图"), Break::Prohibited);
    }

    #[test]
    fn doubled_marks_hold() {
        assert_eq!(grade_before("他说——不", "—不"), Break::Inseparable);
        assert_eq!(grade_before("等等……好", "…好"), Break::Inseparable);
        assert_eq!(grade_before("等等⋯⋯好", "⋯好"), Break::Inseparable);
    }

    #[test]
    fn numbers_and_words_hold() {
        assert_eq!(grade_before("增长３．５％。", "５"), Break::Word);
        assert_eq!(grade_before("增长３．５％。", "．"), Break::Prohibited);
        assert_eq!(grade_before("约２０２３年", "０２"), Break::Word);
        assert_eq!(grade_before("ＧＤＰ增长", "ＤＰ"), Break::Word);
        assert_eq!(grade_before("GDP增长", "DP"), Break::Word);
        assert_eq!(grade_before("增长5%", "%"), Break::Prohibited);
        assert_eq!(grade_before("下降－５点", "５"), Break::Word);
        // 2023年: the year and its unit may part.
        assert_eq!(grade_before("2023年", "年"), Break::Allowed);
    }

    #[test]
    fn chinese_quotes_part_from_ideographs_whatever_they_quote() {
        let s = "智创“TOP”产城";
        assert_eq!(grade_before(s, "“"), Break::Allowed);
        assert_eq!(grade_before(s, "产"), Break::Allowed);
        assert_eq!(grade_before(s, "T"), Break::Prohibited);
        assert_eq!(grade_before("优化“3+10”，", "，"), Break::Prohibited);
        assert_eq!(grade_before("say “TOP” now", "TOP"), Break::Prohibited);
        // German closing ‘ after an ideograph: not an opener.
        assert_eq!(grade_before("‚白人‘ – in", "‘"), Break::Word);
    }

    #[test]
    fn urls_prefer_their_separators() {
        let url = "a.com/x?q=1&b=2";
        assert_eq!(grade_before(url, "q"), Break::Allowed);
        assert_eq!(grade_before(url, "1"), Break::Url);
        assert_eq!(grade_before(url, "b"), Break::Url);
        assert_eq!(grade_before(url, "com"), Break::Word);
    }

    #[test]
    fn spaces_and_marks_stay_put() {
        assert_eq!(grade_before("a b", " "), Break::Never);
        assert_eq!(grade_before("a b", "b"), Break::Allowed);
        assert_eq!(grade_before("a\u{200b}b", "\u{200b}"), Break::Never);
    }

    #[test]
    fn opportunities_include_forced_breaks_and_the_end() {
        assert_eq!(break_opportunities("ab cd"), [3, 5]);
        assert_eq!(break_opportunities("ab\ncd"), [3, 5]);
        assert_eq!(break_opportunities("ab\r\ncd\u{2028}"), [4, 9]);
        assert_eq!(break_opportunities("\n\n"), [1, 2]);
        assert_eq!(break_opportunities("中文"), [3, 6]);
        assert!(break_opportunities("").is_empty());
    }
}
