//! Display width of text, one grapheme cluster at a time.
//!
//! The width of a cluster is unicode-width's width of the whole cluster, so a ZWJ
//! family emoji, `❤️` and a flag are two cells, and a combining mark adds nothing to
//! its base. East Asian Ambiguous characters (`“ ” … — ·` and others) take one cell or
//! two, as the terminal is set up to draw them.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::cluster::{Clusters, Piece};
use super::rules;

/// How wide East Asian Ambiguous characters are drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AmbiguousWidth {
    /// One cell (most terminals' default).
    #[default]
    Narrow,
    /// Two cells (CJK terminal settings).
    Wide,
}

/// The one width function: layout and drawing both measure with it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Measure {
    /// Width of East Asian Ambiguous characters.
    pub ambiguous: AmbiguousWidth,
}

impl Measure {
    /// Cells taken by one grapheme cluster.
    pub fn grapheme(&self, g: &str) -> usize {
        match self.ambiguous {
            AmbiguousWidth::Narrow => g.width(),
            AmbiguousWidth::Wide => g.width_cjk(),
        }
    }

    /// Cells taken by a [`Piece`].
    #[inline]
    pub(crate) fn piece(&self, text: &str, p: Piece) -> usize {
        if p.simple {
            self.simple(p.first)
        } else {
            self.grapheme(&text[p.start..p.end])
        }
    }

    /// Width of a simple character (see [`is_simple`](super::cluster::is_simple)) standing
    /// alone.
    #[inline]
    fn simple(&self, c: char) -> usize {
        match c {
            ' '..='~' => 1,
            // CJK Unified Ideographs (and Extension A) and full-width forms.
            c if rules::is_han(c) => 2,
            '\u{FF01}'..='\u{FF60}' => 2,
            _ => match self.ambiguous {
                AmbiguousWidth::Narrow => c.width(),
                AmbiguousWidth::Wide => c.width_cjk(),
            }
            .unwrap_or(0),
        }
    }

    /// Cells taken by `s`.
    pub fn width(&self, s: &str) -> usize {
        if s.bytes().all(|b| (b' '..=b'~').contains(&b)) {
            return s.len();
        }
        Clusters::new(s).map(|p| self.piece(s, p)).sum()
    }

    /// Grapheme clusters of `s` with their widths.
    pub fn graphemes<'a>(&self, s: &'a str) -> impl Iterator<Item = (&'a str, usize)> + 'a {
        let m = *self;
        Clusters::new(s).map(move |p| (&s[p.start..p.end], m.piece(s, p)))
    }

    /// `s` cut to at most `max` cells at a grapheme boundary, ending in `…` when cut.
    ///
    /// Spaces and opening brackets left at the cut are dropped before the `…`. When
    /// `max` has no room for the `…` itself (`max` 0, or 1 with ambiguous characters
    /// wide), the result is the longest prefix that fits, without it.
    pub fn truncate<'a>(&self, s: &'a str, max: usize) -> Cow<'a, str> {
        if self.width(s) <= max {
            return Cow::Borrowed(s);
        }
        let ellipsis = self.grapheme("…");
        let room = max.checked_sub(ellipsis);
        let mut used = 0;
        let mut cut = 0;
        for (g, w) in self.graphemes(s) {
            if used + w > room.unwrap_or(max) {
                break;
            }
            used += w;
            cut += g.len();
        }
        let Some(_) = room else {
            return Cow::Borrowed(&s[..cut]);
        };
        let kept = s[..cut].trim_end_matches(|c| rules::is_space(c) || rules::no_end(c));
        Cow::Owned(format!("{kept}…"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::cluster::is_simple;

    const NARROW: Measure = Measure {
        ambiguous: AmbiguousWidth::Narrow,
    };
    const WIDE: Measure = Measure {
        ambiguous: AmbiguousWidth::Wide,
    };

    #[test]
    fn clusters_are_measured_whole() {
        assert_eq!(NARROW.width("👨\u{200d}👩\u{200d}👧\u{200d}👦"), 2);
        assert_eq!(NARROW.width("❤\u{fe0f}"), 2);
        assert_eq!(NARROW.width("🇨🇳"), 2);
        assert_eq!(NARROW.width("e\u{301}"), 1);
        assert_eq!(NARROW.width("👍🏽"), 2);
        assert_eq!(NARROW.width("中文ab"), 6);
    }

    #[test]
    fn ambiguous_follows_the_setting() {
        assert_eq!(NARROW.width("“……”"), 4);
        assert_eq!(WIDE.width("“……”"), 8);
        assert_eq!(NARROW.width("中"), WIDE.width("中"));
    }

    #[test]
    fn quick_widths_agree_with_unicode_width() {
        for c in ('\0'..=char::MAX).filter(|&c| is_simple(c)) {
            let s = c.to_string();
            // Through the quick path: a lone simple character is a simple piece.
            assert_eq!(NARROW.graphemes(&s).next().unwrap().1, s.width(), "{c:?}");
            assert_eq!(WIDE.graphemes(&s).next().unwrap().1, s.width_cjk(), "{c:?}");
        }
    }

    #[test]
    fn graphemes_carry_their_widths() {
        let got: Vec<_> = NARROW.graphemes("中e\u{301}❤\u{fe0f}").collect();
        assert_eq!(got, [("中", 2), ("e\u{301}", 1), ("❤\u{fe0f}", 2)]);
    }

    #[test]
    fn truncate_cuts_at_clusters_and_never_overflows() {
        let s = "普陀桃浦持续做好地区转型发展大文章";
        assert_eq!(NARROW.truncate(s, 100), s);
        assert_eq!(NARROW.truncate(s, 9), "普陀桃浦…");
        assert_eq!(WIDE.truncate(s, 9), "普陀桃…");
        assert_eq!(NARROW.truncate("ab👨\u{200d}👩\u{200d}👧cd", 4), "ab…");
        assert_eq!(NARROW.truncate("中文", 1), "…");
        assert_eq!(WIDE.truncate("中文", 1), "");
        assert_eq!(NARROW.truncate("中文", 0), "");
        assert_eq!(NARROW.truncate("桃浦 “中以园”", 8), "桃浦…");
        for max in 0..40 {
            for s in [s, "a“b”c——d……e 👍🏽 f", "e\u{301}e\u{301}e\u{301}"] {
                for m in [NARROW, WIDE] {
                    assert!(m.width(&m.truncate(s, max)) <= max);
                }
            }
        }
    }
}
