//! Property tests of the line breaker over generated mixed text at widths 1..=120.
//!
//! The text mixes Han, full-width and ASCII punctuation, Latin words, numbers with
//! signs and units, emoji with ZWJ and skin tones, flags, combining marks, East Asian
//! Ambiguous characters, spaces of both kinds, doubled dashes and ellipses, URLs,
//! zero-width characters and forced breaks. Every layout is checked by
//! `typesetting_support::check`: widths, the text given back whole, the start and end
//! prohibitions, unsplit pairs, and greedy fill.
//!
//! CI runs 1,000 cases per property; set `PROPTEST_CASES` for a longer run, e.g.
//! `PROPTEST_CASES=200000 cargo test --release --test typesetting_properties`.

#[path = "typesetting_support/mod.rs"]
mod support;

use proptest::prelude::*;
use reader::text::{AmbiguousWidth, Measure, wrap};
use support::check::{Spec, violations};

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000)
}

const HAN: &str = "普陀桃浦持续做好地区转型发展大文章作为全市重点承载着中心城区上海科技创新";
const FULL_PUNCT: &str = "，。、；：？！“”‘’（）《》【】「」『』〔〕〖〗％‰℃°·・￥＄＋－．";
const ASCII_PUNCT: &str = ",.;:?!()[]{}%-/&=+#'\"";
const AMBIGUOUS: &str = "±×÷αΩ→①§¶ⅰ■○※";
const TOKENS: &[&str] = &[
    "👨\u{200d}👩\u{200d}👧\u{200d}👦",
    "👍🏽",
    "❤\u{fe0f}",
    "🇨🇳",
    "😀",
    "e\u{301}",
    "a\u{308}\u{301}",
    "——",
    "……",
    "⋯⋯",
    "⸺",
    "　",
    " ",
    "  ",
    "\n",
    "\u{200b}",
    "\u{2060}",
    "https://www.example.com/news/2023/index.html?id=42&lang=zh",
    "３．５％",
    "5%",
    "-12.5",
    "2023年",
    "GDP",
    "“　",
    "［　",
];

fn pick(set: &'static str) -> impl Strategy<Value = String> {
    let chars: Vec<char> = set.chars().collect();
    prop::sample::select(chars).prop_map(String::from)
}

/// One piece of mixed text.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::collection::vec(pick(HAN), 1..12).prop_map(|v| v.concat()),
        2 => prop::char::range('\u{4e00}', '\u{9fff}').prop_map(String::from),
        4 => pick(FULL_PUNCT),
        2 => pick(ASCII_PUNCT),
        2 => "[A-Za-z]{1,14}",
        2 => "[0-9]{1,6}",
        1 => "[０-９]{1,4}",
        1 => pick(AMBIGUOUS),
        3 => prop::sample::select(TOKENS).prop_map(String::from),
    ]
}

fn mixed_text() -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 0..60).prop_map(|v| v.concat())
}

fn ambiguous() -> impl Strategy<Value = AmbiguousWidth> {
    prop_oneof![Just(AmbiguousWidth::Narrow), Just(AmbiguousWidth::Wide)]
}

fn check(
    text: &str,
    width: usize,
    first_indent: usize,
    amb: AmbiguousWidth,
) -> Result<(), TestCaseError> {
    let lines = wrap(text, width, first_indent, Measure { ambiguous: amb });
    let spec = Spec {
        text,
        width,
        first_indent,
        ambiguous: amb,
    };
    let v = violations(spec, &lines);
    prop_assert!(
        v.is_empty(),
        "{v:#?}\ntext {text:?} width {width} indent {first_indent} {amb:?}\nlines {lines:?}"
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn mixed_text_obeys_every_rule(
        text in mixed_text(),
        width in 1usize..=120,
        first_indent in prop_oneof![Just(0usize), Just(4), 0usize..=12],
        amb in ambiguous(),
    ) {
        check(&text, width, first_indent, amb)?;
    }

    #[test]
    fn narrow_columns_obey_every_rule(
        text in mixed_text(),
        width in 1usize..=8,
        amb in ambiguous(),
    ) {
        check(&text, width, 0, amb)?;
    }

    #[test]
    fn any_text_obeys_every_rule(
        text in any::<String>(),
        width in 0usize..=120,
        first_indent in 0usize..=130,
    ) {
        // Arbitrary text: controls, unassigned code points, lone marks, any script.
        check(&text, width, first_indent, AmbiguousWidth::Narrow)?;
    }
}

#[test]
fn empty_text_is_one_empty_line() {
    assert_eq!(wrap("", 20, 4, Measure::default()), vec![0..0]);
    assert_eq!(wrap("a\n", 20, 0, Measure::default()), [0..1, 2..2]);
}
