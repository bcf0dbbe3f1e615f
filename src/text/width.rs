//! Display width of text, one grapheme cluster at a time.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

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

    /// Cells taken by `s`.
    pub fn width(&self, s: &str) -> usize {
        s.graphemes(true).map(|g| self.grapheme(g)).sum()
    }

    /// Grapheme clusters of `s` with their widths.
    pub fn graphemes<'a>(&self, s: &'a str) -> impl Iterator<Item = (&'a str, usize)> + 'a {
        let m = *self;
        s.graphemes(true).map(move |g| (g, m.grapheme(g)))
    }

    /// `s` cut to at most `max` cells at a grapheme boundary, ending in `…` when cut.
    pub fn truncate<'a>(&self, s: &'a str, max: usize) -> Cow<'a, str> {
        if self.width(s) <= max {
            return Cow::Borrowed(s);
        }
        if max == 0 {
            return Cow::Borrowed("");
        }
        let mut out = String::new();
        let mut used = 0;
        for (g, w) in self.graphemes(s) {
            if used + w > max - 1 {
                break;
            }
            out.push_str(g);
            used += w;
        }
        out.push('…');
        Cow::Owned(out)
    }
}
