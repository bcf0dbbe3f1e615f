//! The line breaker on real Chinese sentences (`tests/fixtures/corpus/`: Universal
//! Dependencies Chinese GSDSimp and PUD test sets, CC BY-SA) at several widths.

#[path = "typesetting_support/mod.rs"]
mod support;

use reader::text::{AmbiguousWidth, Measure, wrap};
use support::check::{Faults, Spec, faults, violations};

const WIDTHS: [usize; 9] = [6, 10, 15, 20, 27, 40, 59, 80, 120];

#[test]
fn corpus_sets_without_a_single_violation() {
    let mut checked = 0;
    let mut all = Faults::default();
    for amb in [AmbiguousWidth::Narrow, AmbiguousWidth::Wide] {
        let measure = Measure { ambiguous: amb };
        for text in support::sentences() {
            for width in WIDTHS {
                for first_indent in [0, 4] {
                    let ranges = wrap(text, width, first_indent, measure);
                    let spec = Spec {
                        text,
                        width,
                        first_indent,
                        ambiguous: amb,
                    };
                    let v = violations(spec, &ranges);
                    assert!(
                        v.is_empty(),
                        "{v:#?}\n{text:?} at {width}, indent {first_indent}"
                    );
                    let lines: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
                    // Six cells can leave no legal layout at all (`争”），` is seven
                    // cells that may not be parted); from ten up there always is one.
                    if width >= 10 {
                        all.add(faults(&lines, width, first_indent, amb));
                    }
                    checked += lines.len();
                }
            }
        }
    }
    assert!(checked > 100_000, "only {checked} lines checked");
    // Not even a forced exception: every sentence has legal breaks close enough.
    assert_eq!(all, Faults::default(), "{all:?}");
}

#[test]
fn lines_are_full() {
    // Greedy fill: lines other than a paragraph's last are short only by what
    // push-down moved on, or by a word that would not fit.
    for width in [20, 40, 80] {
        let (mut used, mut room) = (0, 0);
        for text in support::sentences() {
            let ranges = wrap(text, width, 0, Measure::default());
            for r in &ranges[..ranges.len() - 1] {
                used += support::check::width(&text[r.clone()], AmbiguousWidth::Narrow);
                room += width;
            }
        }
        let fill = used as f64 / room as f64;
        println!("width {width}: lines {:.1}% full", 100.0 * fill);
        assert!(fill > 0.96, "width {width}: only {:.1}% full", 100.0 * fill);
    }
}
