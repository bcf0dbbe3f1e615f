//! Verifying a query on the original bytes, without folding: for queries made of
//! ideographs and ASCII letters and digits, in texts whose [`Purity`] says folding
//! cannot move those characters.

use memchr::memmem::Finder;

use super::fold::{Origin, Purity, is_ideograph, joins};

/// What a search of the original bytes says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// The folded text contains the query.
    Found,
    /// The bytes do not contain it; the folded text does not either, if the text's
    /// ideographs and ASCII letters and digits are literal.
    Absent,
    /// Only matches followed by a combining mark, which folding may change.
    Unsure,
}

/// Finds a folded query of ideographs and ASCII letters and digits in original bytes,
/// ignoring ASCII case and width (`g` matches `g`, `G`, `ｇ` and `Ｇ`): the folded text
/// holds each such character exactly where the bytes do, unless another character
/// folds into one (see [`Purity`]).
#[derive(Debug)]
pub(crate) struct Raw {
    chars: Vec<Unit>,
    /// Where candidates are looked for: the longest run of ideographs (found exactly,
    /// then the rest matched backwards and forwards), else the first character.
    anchor: Anchor,
    needs: Purity,
}

/// One character of the needle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    /// An ideograph, as its UTF-8 bytes (3 or 4 of them).
    Ideograph([u8; 4], usize),
    /// A lowercase ASCII letter or digit.
    Alnum(u8),
}

#[derive(Debug)]
enum Anchor {
    /// Units `run` of the needle, as one byte string.
    Run {
        finder: Box<Finder<'static>>,
        run: std::ops::Range<usize>,
    },
    /// The first unit, an ASCII letter or digit: either case, or a full-width form.
    First(u8),
}

impl Raw {
    pub(crate) fn new(folded: &str) -> Raw {
        let chars: Vec<Unit> = folded
            .chars()
            .map(|c| match u8::try_from(c) {
                Ok(b) => Unit::Alnum(b),
                Err(_) => {
                    let mut bytes = [0; 4];
                    let len = c.encode_utf8(&mut bytes).len();
                    Unit::Ideograph(bytes, len)
                }
            })
            .collect();
        let anchor = match longest_ideograph_run(folded) {
            Some(text) => {
                let before = folded[..text.as_ptr() as usize - folded.as_ptr() as usize].chars();
                let first = before.count();
                Anchor::Run {
                    finder: Box::new(Finder::new(text).into_owned()),
                    run: first..first + text.chars().count(),
                }
            }
            None => match chars[0] {
                Unit::Alnum(b) => Anchor::First(b),
                Unit::Ideograph(..) => unreachable!("an ideograph makes a run"),
            },
        };
        let origin = |any: bool| if any { Origin::Folded } else { Origin::Literal };
        let needs = Purity {
            ideographs: origin(chars.iter().any(|u| matches!(u, Unit::Ideograph(..)))),
            alnum: origin(chars.iter().any(|u| matches!(u, Unit::Alnum(_)))),
        };
        Raw {
            chars,
            anchor,
            needs,
        }
    }

    /// Whether [`Verdict::Absent`] can be trusted for a text of `purity`: the kinds of
    /// characters the query has are literal there (letters and digits may be wide).
    pub(crate) fn trusts(&self, purity: Purity) -> bool {
        (self.needs.ideographs == Origin::Literal || purity.ideographs == Origin::Literal)
            && (self.needs.alnum == Origin::Literal || purity.alnum <= Origin::Wide)
    }

    /// What the bytes of `text` say about the query.
    pub(crate) fn find(&self, text: &str) -> Verdict {
        let hay = text.as_bytes();
        let mut verdict = Verdict::Absent;
        let mut check = |end: Option<usize>| {
            let Some(end) = end else { return false };
            // A combining mark after the match could compose with its last letter.
            if text[end..].chars().next().is_some_and(joins) {
                verdict = Verdict::Unsure;
                return false;
            }
            true
        };
        let found = match &self.anchor {
            Anchor::Run { finder, run } => overlapping(finder, hay).any(|at| {
                let len = finder.needle().len();
                let starts = backward(&self.chars[..run.start], hay, at).is_some();
                check(forward(&self.chars[run.end..], hay, at + len).filter(|_| starts))
            }),
            Anchor::First(b) => {
                let upper = b.to_ascii_uppercase();
                // 0xEF leads every full-width form.
                memchr::memchr3_iter(*b, upper, 0xEF, hay)
                    .any(|at| check(forward(&self.chars, hay, at)))
            }
        };
        if found { Verdict::Found } else { verdict }
    }
}

/// Where `units` end when matched from byte `at` on, if they match there.
fn forward(units: &[Unit], hay: &[u8], mut at: usize) -> Option<usize> {
    for unit in units {
        at = match *unit {
            Unit::Ideograph(bytes, len) => hay
                .get(at..)?
                .starts_with(&bytes[..len])
                .then_some(at + len)?,
            Unit::Alnum(a) => {
                let b = *hay.get(at)?;
                if b.is_ascii() {
                    (b.to_ascii_lowercase() == a).then_some(at + 1)?
                } else {
                    (wide_at(hay, at)? == a).then_some(at + 3)?
                }
            }
        };
    }
    Some(at)
}

/// Where `units` start when matched so as to end at byte `end`, if they match there.
fn backward(units: &[Unit], hay: &[u8], mut end: usize) -> Option<usize> {
    for unit in units.iter().rev() {
        end = match *unit {
            Unit::Ideograph(bytes, len) => {
                hay[..end].ends_with(&bytes[..len]).then(|| end - len)?
            }
            Unit::Alnum(a) => {
                let b = *hay.get(end.checked_sub(1)?)?;
                if b.is_ascii() {
                    (b.to_ascii_lowercase() == a).then(|| end - 1)?
                } else {
                    (wide_at(hay, end.checked_sub(3)?)? == a).then(|| end - 3)?
                }
            }
        };
    }
    Some(end)
}

/// The lowercase ASCII letter or digit whose full-width form (U+FF10–U+FF5A) starts
/// at byte `at`.
fn wide_at(hay: &[u8], at: usize) -> Option<u8> {
    let [0xEF, b1 @ (0xBC | 0xBD), b2] = *hay.get(at..at + 3)? else {
        return None;
    };
    let code = 0xF000 | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
    let ascii = u8::try_from(code.checked_sub(0xFEE0)?).ok()?;
    ascii
        .is_ascii_alphanumeric()
        .then(|| ascii.to_ascii_lowercase())
}

/// Every occurrence of the finder's needle, overlapping ones too (`豈豈` occurs twice in
/// `豈豈豈`, and only the second may be followed by what the query needs).
fn overlapping<'a>(finder: &'a Finder<'_>, hay: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = from + finder.find(hay.get(from..)?)?;
        from = at + 1;
        Some(at)
    })
}

/// The longest run of ideographs in `s`, the first of the longest.
pub(crate) fn longest_ideograph_run(s: &str) -> Option<&str> {
    let mut best: Option<&str> = None;
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        match (is_ideograph(c), start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                if best.is_none_or(|b| b.len() < i - st) {
                    best = Some(&s[st..i]);
                }
                start = None;
            }
            _ => {}
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rank::fold::{fold, fold_into};

    fn purity_of(text: &str) -> Purity {
        fold_into(text, &mut String::new())
    }

    #[test]
    fn raw_search_reports_what_it_cannot_know() {
        let raw = |q: &str| Raw::new(&fold(q));
        assert_eq!(raw("gdp").find("GDP上涨"), Verdict::Found);
        assert_eq!(raw("gdp").find("ＧｄＰ上涨"), Verdict::Found);
        assert_eq!(raw("gdp增长").find("增长ＧＤＰ增长"), Verdict::Found);
        assert_eq!(raw("5g网络").find("５g网络"), Verdict::Found);
        assert_eq!(raw("gdp").find("G D P①"), Verdict::Absent);
        assert!(raw("gdp").trusts(purity_of("ＧＤＰ上涨")));
        assert!(!raw("gdp").trusts(purity_of("ＧＤＰ①")));
        assert!(raw("发展").trusts(purity_of("ＧＤＰ①")));
        assert_eq!(raw("cafe").find("cafe\u{301}"), Verdict::Unsure);
        assert_eq!(raw("经济gdp").find("经济Gdp"), Verdict::Found);
        assert_eq!(raw("豈豈g").find("豈豈豈g"), Verdict::Found);
    }

    #[test]
    fn reads_full_width_letters_and_digits() {
        assert_eq!(wide_at("Ｇ".as_bytes(), 0), Some(b'g'));
        assert_eq!(wide_at("ｚ".as_bytes(), 0), Some(b'z'));
        assert_eq!(wide_at("０".as_bytes(), 0), Some(b'0'));
        assert_eq!(wide_at("，".as_bytes(), 0), None);
        assert_eq!(wide_at("中".as_bytes(), 0), None);
    }

    #[test]
    fn anchors_on_the_longest_ideograph_run() {
        assert_eq!(longest_ideograph_run("a中b中国c"), Some("中国"));
        assert_eq!(longest_ideograph_run("abc"), None);
        assert_eq!(longest_ideograph_run("中国"), Some("中国"));
    }
}
