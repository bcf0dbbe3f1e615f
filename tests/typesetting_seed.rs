//! Each rule of the line breaker, shown on the seed page's own paragraphs.

#[path = "typesetting_support/mod.rs"]
mod support;

use reader::text::{AmbiguousWidth, Measure, wrap};
use support::check::{Faults, Spec, faults, violations, width};

const NARROW: Measure = Measure {
    ambiguous: AmbiguousWidth::Narrow,
};
const WIDE: Measure = Measure {
    ambiguous: AmbiguousWidth::Wide,
};

/// `text` set at `width` with the default paragraph indent (two ideographic spaces).
fn set(text: &str, width: usize, measure: Measure) -> Vec<&str> {
    wrap(text, width, 4, measure)
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

fn paragraph(starting: &str) -> &'static str {
    support::seed_paragraphs()
        .into_iter()
        .find(|p| p.starts_with(starting))
        .unwrap()
}

#[test]
fn first_paragraph_at_width_20() {
    assert_eq!(
        set(paragraph("作为全市"), 20, NARROW),
        [
            "作为全市转型发展",
            "重点地区,承载着“中心",
            "城区转型升级示范区、",
            "上海科技创新中心重要",
            "承载区”使命的桃浦,将",
            "坚持“一张蓝图绘到",
            "底”,持续做好地区转型",
            "发展的大文章,加快打",
            "造科技创新新亮点,建",
            "设转型升级示范区。",
        ]
    );
}

#[test]
fn closing_marks_push_the_character_before_them_down() {
    // “一张蓝图绘到底”, fills the line to 20 cells only with 底 and the closing quote
    // and comma after it; the three go down together.
    let lines = set(paragraph("作为全市"), 20, NARROW);
    assert!(lines.contains(&"坚持“一张蓝图绘到"));
    assert!(lines.contains(&"底”,持续做好地区转型"));
    // 诺 goes down with the comma that would otherwise start the line.
    let lines = set(paragraph("紧紧盯牢"), 20, NARROW);
    assert!(lines.contains(&"“四到四办换四心”承"));
    assert!(lines.contains(&"诺,倾力服务企业需求,"));
}

#[test]
fn openers_go_down_with_what_they_open() {
    // Where “ would be the last character of a line, it moves to the next one.
    let lines = set(paragraph("坚持把科技"), 20, NARROW);
    assert!(lines.contains(&"载体,办好“一年一"));
    assert!(lines.contains(&"“创·在上海”科创活动,"));
    assert!(lines.iter().all(|l| !l.ends_with('“') && !l.ends_with('(')));
}

#[test]
fn numbers_and_latin_words_stay_whole() {
    let lines = set(paragraph("紧紧盯牢"), 20, NARROW);
    assert!(lines.contains(&"内的20000余家,践行"));
    // “3+10” and “TOP” are unbreakable runs to UAX #14 with the ideographs around
    // them; the quotes part from the ideographs as in any Chinese text instead.
    let lines = set(paragraph("持续完善"), 8, NARROW);
    assert!(
        lines.contains(&"优化") && lines.contains(&"“3+10”片"),
        "{lines:?}"
    );
    for width in 6..=40 {
        for text in [
            paragraph("坚持把科技"),
            paragraph("深化与智创城"),
            paragraph("持续完善"),
        ] {
            for pair in set(text, width, NARROW).windows(2) {
                for word in ["TOP", "3+10", "15", "20000"] {
                    for i in 1..word.len() {
                        let (head, tail) = word.split_at(i);
                        let split = pair[0].ends_with(head) && pair[1].starts_with(tail);
                        assert!(!split, "{word} split at {width}: {pair:?}");
                    }
                }
            }
        }
    }
}

#[test]
fn doubled_dashes_and_ellipses_are_never_split() {
    let text = "桃浦镇将继续发扬“靠谱”精神——努力将“桃浦的明天更美好”愿景落实为施工图、实景画……书写新篇章⋯⋯";
    for measure in [NARROW, WIDE] {
        for w in 4..=60 {
            let lines = set(text, w, measure);
            for pair in lines.windows(2) {
                for mark in ['—', '…', '⋯'] {
                    assert!(
                        !(pair[0].ends_with(mark) && pair[1].starts_with(mark)),
                        "{w}: {pair:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn a_wide_character_never_takes_a_last_column_it_does_not_fit() {
    // At an odd width a line of ideographs is one cell short, never one cell over.
    for w in (5..=41).step_by(2) {
        for text in support::seed_paragraphs() {
            for line in set(text, w, NARROW) {
                assert!(width(line, AmbiguousWidth::Narrow) <= w, "{w}: {line}");
            }
        }
    }
}

#[test]
fn ambiguous_wide_counts_quotes_as_two_cells() {
    let text = paragraph("作为全市");
    let narrow = set(text, 20, NARROW);
    let wide = set(text, 20, WIDE);
    assert_ne!(narrow, wide);
    assert!(wide.iter().all(|l| width(l, AmbiguousWidth::Wide) <= 20));
    assert!(narrow.iter().any(|l| width(l, AmbiguousWidth::Wide) > 20));
}

#[test]
fn long_urls_break_after_their_separators() {
    let text = "详见https://www.shpt.gov.cn/news/index.html?id=42&lang=zh&from=timeline&isappinstalled=0。";
    assert_eq!(
        set(text, 20, NARROW),
        [
            "详见https://",
            "www.shpt.gov.cn/",
            "news/index.html?id=",
            "42&lang=zh&from=",
            "timeline&",
            "isappinstalled=0。",
        ]
    );
}

#[test]
fn emoji_sequences_are_two_cells_and_never_split() {
    let text = "桃浦👨\u{200d}👩\u{200d}👧\u{200d}👦家庭日❤\u{fe0f}🇨🇳活动👍🏽";
    for w in 2..=12 {
        let lines = set(text, w, NARROW);
        assert_eq!(lines.concat(), text);
        for l in &lines {
            assert!(width(l, AmbiguousWidth::Narrow) <= w);
        }
    }
    assert_eq!(
        set(text, 12, NARROW),
        [
            "桃浦👨\u{200d}👩\u{200d}👧\u{200d}👦家",
            "庭日❤\u{fe0f}🇨🇳活动",
            "👍🏽"
        ]
    );
}

#[test]
fn every_seed_paragraph_at_every_width_is_clean() {
    for measure in [NARROW, WIDE] {
        for w in 1..=80 {
            let mut all = Faults::default();
            for text in support::seed_paragraphs() {
                let ranges = wrap(text, w, 4, measure);
                let spec = Spec {
                    text,
                    width: w,
                    first_indent: 4,
                    ambiguous: measure.ambiguous,
                };
                let v = violations(spec, &ranges);
                assert!(v.is_empty(), "{v:?}");
                let lines: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
                all.add(faults(&lines, w, 4, measure.ambiguous));
            }
            if w >= 6 {
                assert_eq!(all, Faults::default(), "width {w} {measure:?}");
            }
        }
    }
}
