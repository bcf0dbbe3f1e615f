//! Folding text for search: NFKC, then lowercase, so that full-width and half-width
//! forms and upper and lower case compare equal (`ＧＤＰ`, `GDP` and `gdp` all fold to
//! `gdp`).
//!
//! Text is folded one *cluster* at a time: a character together with the combining
//! marks (and the few other characters NFKC composes onto it) that follow it. NFKC never
//! composes across such a boundary, so folding cluster by cluster gives the same
//! characters as normalising the whole string — and every folded character can name the
//! original bytes it came from, which highlighting needs. The index, the verification of
//! candidates and [`match_ranges`](super::match_ranges) all fold through [`fold_with`],
//! so they can never disagree.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{canonical_combining_class, is_combining_mark};

/// Where the ideographs, or the ASCII letters and digits, of a folded text come from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Origin {
    /// Each was written as itself (ASCII letters possibly in the other case).
    #[default]
    Literal,
    /// Some letters or digits were written full-width (`Ｇ`, `５`), none otherwise.
    Wide,
    /// Some come from other characters.
    Folded,
}

/// Which characters of a folded text can be found in the original bytes directly.
///
/// A few characters fold into ideographs (compatibility ideographs such as `豈`,
/// Kangxi radicals, `㍻`, `㊀`…), and many into ASCII letters and digits (full-width
/// `Ｇ`, and `①`, `ﬁ`, `㎇`…). Text without them holds a run of ideographs, letters and
/// digits after folding exactly where its bytes hold it (ignoring ASCII case and, for
/// [`Origin::Wide`] text, width), so a query made of those can be verified without
/// folding.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Purity {
    /// Where the ideographs come from: [`Origin::Literal`] or [`Origin::Folded`].
    pub(crate) ideographs: Origin,
    /// Where the ASCII letters and digits come from.
    pub(crate) alnum: Origin,
}

impl Purity {
    /// Both literal.
    pub(crate) const PLAIN: Purity = Purity {
        ideographs: Origin::Literal,
        alnum: Origin::Literal,
    };

    /// The purity of two texts together: the less literal of each.
    pub(crate) fn and(self, other: Purity) -> Purity {
        Purity {
            ideographs: self.ideographs.max(other.ideographs),
            alnum: self.alnum.max(other.alnum),
        }
    }
}

/// Folds `text`, calling `emit` with each folded character and the byte range of the
/// original cluster it came from (several folded characters may share one range).
pub(crate) fn fold_with(text: &str, mut emit: impl FnMut(char, Range<usize>)) -> Purity {
    let mut purity = Purity::PLAIN;
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let mut end = start + c.len_utf8();
        let mut alone = true;
        while let Some(&(i, next)) = chars.peek() {
            if !joins(next) {
                break;
            }
            alone = false;
            end = i + next.len_utf8();
            chars.next();
        }
        if alone && let Some(f) = fold_simple(c) {
            if !c.is_ascii() && f.is_ascii_alphanumeric() {
                // Only full-width forms reach here.
                purity.alnum = purity.alnum.max(Origin::Wide);
            }
            emit(f, start..end);
            continue;
        }
        for n in text[start..end].nfkc() {
            if is_ideograph(n) && !(n == c && is_ideograph(c)) {
                purity.ideographs = Origin::Folded;
            }
            for l in n.to_lowercase() {
                if l.is_ascii_alphanumeric() {
                    purity.alnum = Origin::Folded;
                }
                emit(l, start..end);
            }
        }
    }
    purity
}

/// Appends the folded form of `text` to `out`.
pub(crate) fn fold_into(text: &str, out: &mut String) -> Purity {
    fold_with(text, |c, _| out.push(c))
}

/// The folded form of `text`.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// A CJK unified ideograph (the characters Chinese text is made of). Compatibility
/// ideographs are left out on purpose: NFKC maps them to unified ones.
pub(crate) fn is_ideograph(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{20000}'..='\u{2A6DF}'
        | '\u{2A700}'..='\u{2EBEF}'
        | '\u{30000}'..='\u{3134F}')
}

/// The fold of a character that stands alone, for the characters news text is made of,
/// without going through the NFKC tables; `None` sends the character down the slow path.
/// A unit test checks every character accepted here against the slow path.
fn fold_simple(c: char) -> Option<char> {
    match c {
        '\0'..='\x7f' => Some(c.to_ascii_lowercase()),
        _ if is_ideograph(c) => Some(c),
        // Full-width ASCII: `Ａ` is `A` + 0xFEE0.
        '\u{FF01}'..='\u{FF5E}' => {
            char::from_u32(c as u32 - 0xFEE0).map(|a| a.to_ascii_lowercase())
        }
        '\u{3000}' => Some(' '),
        // CJK punctuation and brackets (、。〈〉《》「」『』【】…), kana, general
        // punctuation such as “ ” ‘ ’ — that NFKC leaves alone.
        '\u{3001}'..='\u{3029}'
        | '\u{3030}'..='\u{3035}'
        | '\u{3041}'..='\u{3096}'
        | '\u{30A1}'..='\u{30FA}'
        | '\u{2010}'
        | '\u{2012}'..='\u{2016}'
        | '\u{2018}'..='\u{2023}'
        | '\u{2027}'
        | '\u{00B7}'
        | '\u{00D7}'
        | '\u{00F7}' => Some(c),
        _ => None,
    }
}

/// Whether `c` belongs to the cluster of the character before it: NFKC may compose it
/// onto that character. Generous on purpose — a longer cluster only costs speed.
pub(crate) fn joins(c: char) -> bool {
    if (c as u32) < 0x300 || is_ideograph(c) {
        return false;
    }
    matches!(c,
        // Hangul jamo and their compatibility and half-width forms compose into syllables.
        '\u{1100}'..='\u{11FF}'
        | '\u{3131}'..='\u{318E}'
        | '\u{FFA0}'..='\u{FFDC}'
        // Half-width katakana sound marks compose onto the kana before them.
        | '\u{FF9E}'
        | '\u{FF9F}')
        || canonical_combining_class(c) != 0
        || is_combining_mark(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slow(c: char) -> String {
        std::iter::once(c)
            .nfkc()
            .flat_map(char::to_lowercase)
            .collect()
    }

    #[test]
    fn fast_path_agrees_with_nfkc_for_every_character_it_takes() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if let Some(f) = fold_simple(c) {
                assert_eq!(f.to_string(), slow(c), "U+{:04X}", c as u32);
                assert!(!joins(c), "U+{:04X} must start a cluster", c as u32);
            }
        }
    }

    #[test]
    fn folds_width_and_case() {
        assert_eq!(fold("ＧＤＰ增长５％"), "gdp增长5%");
        assert_eq!(fold("GDP"), fold("gdp"));
        assert_eq!(fold("\u{3000}全角空格，逗号"), " 全角空格,逗号");
        assert_eq!(fold("ﬁ①"), "fi1");
    }

    #[test]
    fn composes_within_a_cluster() {
        // Decomposed é and half-width ｶﾞ compose, as NFKC of the whole string does.
        assert_eq!(fold("Cafe\u{301}"), "café");
        assert_eq!(fold("ｶﾞ"), "ガ");
        assert_eq!(fold("ㄱㅏ"), "가");
    }

    #[test]
    fn ranges_point_at_the_original_cluster() {
        let text = "Ａe\u{301}中";
        let mut got = Vec::new();
        fold_with(text, |c, r| got.push((c, r)));
        assert_eq!(got, [('a', 0..3), ('é', 3..6), ('中', 6..9)]);
    }

    #[test]
    fn purity_notices_characters_that_fold_into_ideographs_or_ascii() {
        let purity = |s: &str| fold_into(s, &mut String::new());
        let folded = Origin::Folded;
        assert_eq!(purity("中文，GDP，（5%）"), Purity::PLAIN);
        assert_eq!(purity("中\u{301}"), Purity::PLAIN);
        // U+F900 is a compatibility ideograph, U+2F00 the Kangxi radical one.
        for s in ["\u{F900}", "\u{2F00}", "㍻"] {
            assert_eq!(purity(s).ideographs, folded, "{s}");
        }
        for s in ["①", "ﬁ", "q\u{20D7}", "ＧＤＰ①"] {
            assert_eq!(purity(s).alnum, folded, "{s}");
            assert_eq!(purity(s).ideographs, Origin::Literal, "{s}");
        }
        assert_eq!(purity("ＧＤＰ５").alnum, Origin::Wide);
    }
}
