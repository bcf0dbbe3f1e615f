//! UAX #14 line break opportunities, with the segmenter run only where it is needed.
//!
//! Between two Han ideographs (class ID) the Unicode line breaking algorithm always
//! allows a break, whatever surrounds them: no rule looks through an ideograph, and
//! none keeps two of them together. So a run of ideographs needs no segmenter; only the
//! stretches between them do. Each stretch is handed to icu_segmenter with the
//! ideograph on either side as its context, which is all the context any rule can
//! reach (no rule's look-behind or look-ahead passes an ideograph). On Chinese text
//! that is most of the segmenter's work saved, with the same result as running it on
//! the whole text (checked by the tests below, and against `LineBreakTest.txt`).

use icu_segmenter::LineSegmenter;
use icu_segmenter::LineSegmenterBorrowed;
use icu_segmenter::options::LineBreakOptions;

use super::cluster::char_at;
use super::rules::is_han;

/// The Unicode 18 line segmenter, untailored (strict: small kana never start a line).
pub const SEGMENTER: LineSegmenterBorrowed<'static> =
    LineSegmenter::new_neo_for_non_complex_scripts(LineBreakOptions::default());

/// Byte offsets, in increasing order, of the UAX #14 break opportunities of a text
/// (as icu_segmenter gives them, less the one at 0).
#[derive(Debug)]
pub struct Opportunities<'a> {
    text: &'a str,
    /// Where the scan goes on: a char boundary whose breaks before it are all given.
    pos: usize,
    /// Whether the character before `pos` is a Han ideograph.
    after_han: bool,
    /// The last offset given.
    last: usize,
    /// Breaks found in the last stretch, still to give, in reverse order.
    pending: Vec<usize>,
}

/// Every ideograph `is_han` accepts takes three bytes in UTF-8.
const HAN_LEN: usize = 3;

impl<'a> Opportunities<'a> {
    /// The opportunities of `text`.
    pub fn new(text: &'a str) -> Self {
        Opportunities {
            text,
            pos: 0,
            after_han: false,
            last: 0,
            pending: Vec::new(),
        }
    }

    /// Segments the stretch of non-Han text starting at `self.pos`, with the Han
    /// ideograph before it (if any) and the one after it (if any) as context, and
    /// moves on to that second ideograph.
    fn stretch(&mut self) {
        let text = self.text;
        let start = if self.after_han {
            self.pos - HAN_LEN
        } else {
            self.pos
        };
        let run_end = text[self.pos..]
            .char_indices()
            .find(|&(_, c)| is_han(c))
            .map_or(text.len(), |(i, _)| self.pos + i);
        let end = if run_end < text.len() {
            run_end + HAN_LEN
        } else {
            run_end
        };
        self.pending.clear();
        self.pending.extend(
            SEGMENTER
                .segment_str(&text[start..end])
                .map(|b| start + b)
                // The window's own end (past the ideograph after it) is no break.
                .filter(|&b| b > start && b <= run_end),
        );
        self.pending.reverse();
        self.pos = run_end;
        self.after_han = false;
    }
}

impl Iterator for Opportunities<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        loop {
            if let Some(b) = self.pending.pop() {
                self.last = b;
                return Some(b);
            }
            let text = self.text;
            if self.pos >= text.len() {
                if self.last < text.len() {
                    self.last = text.len();
                    return Some(text.len());
                }
                return None;
            }
            if !is_han(char_at(text, self.pos)) {
                self.stretch();
                continue;
            }
            let at = self.pos;
            let between_han = self.after_han;
            self.pos += HAN_LEN;
            self.after_han = true;
            if between_han {
                self.last = at;
                return Some(at);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn reference(text: &str) -> Vec<usize> {
        SEGMENTER.segment_str(text).filter(|&b| b > 0).collect()
    }

    #[test]
    fn same_as_the_segmenter_on_the_whole_text() {
        for text in [
            "",
            "中",
            "a",
            "中文",
            "中文，",
            "“中文”",
            "他说“TOP”好",
            "2023年3月13日下午,2023年普陀区",
            "《纽约时报》认为",
            "中 文",
            "中\u{301}文",
            "a中b",
            "中a",
        ] {
            assert_eq!(
                Opportunities::new(text).collect::<Vec<_>>(),
                reference(text),
                "{text:?}"
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn same_on_mixed_text(text in "([中文桃浦]{1,3}|[a-z0-9 ]{1,3}|[，。“”‘’（）《》、…—％·\u{3000}]|[\u{301}\u{200b}\u{2060}\u{ad}]|👍🏽|🇨🇳|[!-/:-@]|[ぁァー々]|[\u{0e01}-\u{0e30}]|[\u{0915}-\u{0939}\u{094d}]|\n)*") {
            prop_assert_eq!(Opportunities::new(&text).collect::<Vec<_>>(), reference(&text));
        }

        #[test]
        fn same_on_any_text(text in "\\PC*") {
            prop_assert_eq!(Opportunities::new(&text).collect::<Vec<_>>(), reference(&text));
        }
    }
}
