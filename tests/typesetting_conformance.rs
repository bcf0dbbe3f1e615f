//! Break opportunities against Unicode's `LineBreakTest.txt` (UAX #14, Unicode 18).
//!
//! Wherever our rules do not deliberately differ, `break_opportunities` must give
//! exactly the breaks the test file gives. The deliberate differences are listed below,
//! each with its reason, a predicate and a Chinese example: every disagreement must be
//! explained by one, and every example must show UAX #14 and us disagreeing there.

use icu_segmenter::LineSegmenter;
use icu_segmenter::options::LineBreakOptions;
use reader::text::break_opportunities;
use reader::text::classes::{is_space, no_end, no_start};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

const TEST_FILE: &str = include_str!("fixtures/linebreak/LineBreakTest.txt");

/// Which way a difference goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Way {
    /// We refuse a break UAX #14 allows.
    Refused,
    /// We allow a break UAX #14 refuses.
    Added,
}

/// A deliberate difference from UAX #14.
struct Difference {
    way: Way,
    name: &'static str,
    reason: &'static str,
    /// Whether the difference applies to a break at byte `p` of `s`.
    applies: fn(&str, usize) -> bool,
    /// A Chinese text and the string before which the difference shows.
    example: (&'static str, &'static str),
}

fn prev_char(s: &str, p: usize) -> Option<char> {
    s[..p].chars().next_back()
}

fn next_char(s: &str, p: usize) -> Option<char> {
    s[p..].chars().next()
}

fn next_cluster(s: &str, p: usize) -> &str {
    s[p..].graphemes(true).next().unwrap_or("")
}

/// First character of the last cluster before `p` that is neither a space nor
/// zero-width.
fn last_visible(s: &str, p: usize) -> Option<char> {
    s[..p]
        .graphemes(true)
        .rev()
        .find(|g| !g.chars().all(is_space) && g.width() > 0)
        .and_then(|g| g.chars().next())
}

fn fullwidth_alnum(c: char) -> bool {
    matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

fn digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

const DIFFERENCES: &[Difference] = &[
    Difference {
        way: Way::Refused,
        name: "inside a grapheme cluster",
        reason: "a cluster is one glyph on screen; UAX #14 allows breaks inside some \
                 (after a space before a combining mark, after Prepend characters, \
                 between some emoji and their modifiers)",
        applies: |s, p| p < s.len() && !s.grapheme_indices(true).any(|(i, _)| i == p),
        example: ("中 \u{301}文", "\u{301}"),
    },
    Difference {
        way: Way::Refused,
        name: "before a zero-width cluster",
        reason: "a character that takes no room (ZWSP, word joiner, a lone mark) stays \
                 with the character before it instead of starting a line invisibly",
        applies: |s, p| next_cluster(s, p).width() == 0,
        example: ("中文 \u{ad}好", "\u{ad}"),
    },
    Difference {
        way: Way::Refused,
        name: "before a space",
        reason: "U+3000 IDEOGRAPHIC SPACE hangs at the end of a line like U+0020; a line \
                 never starts with a blank",
        applies: |s, p| {
            let g = next_cluster(s, p);
            !g.is_empty() && g.chars().all(is_space)
        },
        example: ("中文 \u{3000}好", "\u{3000}"),
    },
    Difference {
        way: Way::Refused,
        name: "closer at the start of a line",
        reason: "clreq / JIS X 4051: closing brackets and quotes, stops, pause marks, \
                 % ‰ ℃ °, middle dots, small kana and iteration marks never start a line",
        applies: |s, p| next_char(s, p).is_some_and(no_start),
        example: ("增长5 %", "%"),
    },
    Difference {
        way: Way::Refused,
        name: "opener at the end of a line",
        reason: "clreq / JIS X 4051: opening brackets and quotes and prefixed currency \
                 signs never end a line, even with spaces after them",
        applies: |s, p| last_visible(s, p).is_some_and(no_end),
        example: ("见［　图片］", "图"),
    },
    Difference {
        way: Way::Refused,
        name: "inside a full-width word or number",
        reason: "UAX #14 classes full-width letters and digits as ideographs; ＧＤＰ, \
                 ２０２３, ３．５ and －５ are words and numbers like GDP, 2023, 3.5, -5",
        applies: |s, p| {
            let (Some(a), Some(b)) = (prev_char(s, p), next_char(s, p)) else {
                return false;
            };
            let before_a = prev_char(s, p - a.len_utf8());
            (fullwidth_alnum(a) && fullwidth_alnum(b))
                || (digit(b) && matches!(a, '＋' | '－' | '−' | '±' | '＃' | '№'))
                || (digit(b) && matches!(a, '．' | '：') && before_a.is_some_and(digit))
        },
        example: ("增长３．５％", "５"),
    },
    Difference {
        way: Way::Added,
        name: "around Chinese quotation marks",
        reason: "UAX #14 (LB19a) keeps “ ” with their neighbours unless both sides are \
                 East Asian, since it cannot tell Chinese quotes from English ones; with \
                 an ideograph outside the quote they are Chinese, and 智创“TOP”产城 may \
                 break before “ and after ” like any ideographs",
        applies: |s, p| {
            let (Some(a), Some(b)) = (prev_char(s, p), next_char(s, p)) else {
                return false;
            };
            let inside_open = next_char(s, p + b.len_utf8());
            let inside_close = prev_char(s, p - a.len_utf8());
            let cjk = |c: char| matches!(c, '\u{2E80}'..='\u{30FF}' | '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF01}'..='\u{FF60}' | '\u{20000}'..='\u{3FFFF}');
            let real = |c: Option<char>| c.is_some_and(|c| !is_space(c));
            (matches!(b, '“' | '‘') && cjk(a) && real(inside_open))
                || (matches!(a, '”' | '’') && cjk(b) && real(inside_close))
        },
        example: ("智创“TOP”产城", "“"),
    },
];

fn parse(line: &str) -> Option<(String, Vec<usize>)> {
    let data = line.split('#').next()?.trim();
    if data.is_empty() {
        return None;
    }
    let mut s = String::new();
    let mut breaks = Vec::new();
    for token in data.split_whitespace() {
        match token {
            "÷" => breaks.push(s.len()),
            "×" => {}
            hex => s.push(char::from_u32(u32::from_str_radix(hex, 16).ok()?)?),
        }
    }
    breaks.retain(|&b| b > 0);
    Some((s, breaks))
}

#[test]
fn agrees_with_line_break_test_except_where_listed() {
    let mut cases = 0;
    let mut exact = 0;
    let mut counts = vec![0usize; DIFFERENCES.len()];
    let mut failures = Vec::new();
    for line in TEST_FILE.lines() {
        let Some((s, expected)) = parse(line) else {
            continue;
        };
        cases += 1;
        let ours = break_opportunities(&s);
        if ours == expected {
            exact += 1;
        }
        let added = ours.iter().filter(|p| !expected.contains(p));
        let refused = expected.iter().filter(|p| !ours.contains(p));
        let disagreements = added
            .map(|&p| (Way::Added, p))
            .chain(refused.map(|&p| (Way::Refused, p)));
        for (way, p) in disagreements {
            let why = DIFFERENCES
                .iter()
                .position(|d| d.way == way && (d.applies)(&s, p));
            match why {
                Some(i) => counts[i] += 1,
                None => failures.push(format!("unexplained difference at {p}: {line}")),
            }
        }
    }
    println!("{exact} of {cases} test lines agree exactly; differences by reason:");
    for (d, n) in DIFFERENCES.iter().zip(&counts) {
        println!("{n:>6}  {}: {}", d.name, d.reason);
    }
    assert!(cases > 19_000, "test file not read: {cases} cases");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures[..failures.len().min(40)].join("\n")
    );
}

#[test]
fn each_listed_difference_is_real() {
    let unicode = LineSegmenter::new_neo_for_non_complex_scripts(LineBreakOptions::default());
    for d in DIFFERENCES {
        let (text, at) = d.example;
        let p = text.find(at).unwrap();
        let uax = unicode.segment_str(text).any(|q| q == p);
        let ours = break_opportunities(text).contains(&p);
        assert_eq!(
            (uax, ours),
            (d.way == Way::Refused, d.way == Way::Added),
            "{}",
            d.name
        );
        assert!(
            (d.applies)(text, p),
            "{}: predicate misses its example",
            d.name
        );
    }
}

#[test]
fn chinese_examples_of_each_difference() {
    // The differences as they show in Chinese text.
    let refused = |s: &str, at: &str| {
        let p = s.find(at).unwrap();
        !break_opportunities(s).contains(&p)
    };
    assert!(refused("他说“好”。", "”"));
    assert!(refused("他说“好”。", "好"));
    assert!(refused("等一下……好", "…好"));
    assert!(refused("他说——不", "—不"));
    assert!(refused("增长３．５％", "．"));
    assert!(refused("增长３．５％", "％"));
    assert!(refused("ＧＤＰ增长", "ＤＰ"));
    assert!(refused("约翰·史密斯", "·"));
    assert!(refused("［　图］", "图"));
}
