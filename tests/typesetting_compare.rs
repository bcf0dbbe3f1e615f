//! The same paragraphs set by ratatui's `Paragraph` wrap, by `textwrap` (first fit)
//! and by our engine, counted by the same rule checker.
//!
//! `cargo test --test typesetting_compare -- --nocapture` prints the tables quoted in
//! `docs/typesetting.md`.

#[path = "typesetting_support/mod.rs"]
mod support;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget, Wrap};
use reader::text::{AmbiguousWidth, Measure, wrap};
use support::check::{Faults, faults, width};

const AMB: AmbiguousWidth = AmbiguousWidth::Narrow;

/// Rows as ratatui's `Paragraph` with `Wrap { trim: true }` draws them into an area
/// `w` wide, read from a buffer twice as wide so that a glyph drawn past the area's
/// edge is seen rather than cut off.
fn ratatui_lines(text: &str, w: u16) -> Vec<String> {
    let height = 200;
    let mut buf = Buffer::empty(Rect::new(0, 0, 2 * w + 2, height));
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .render(Rect::new(0, 0, w, height), &mut buf);
    let mut rows = Vec::new();
    for y in 0..height {
        let mut row = String::new();
        let mut x = 0;
        while x < buf.area.width {
            let symbol = buf[(x, y)].symbol();
            row.push_str(symbol);
            x += width(symbol, AMB).max(1) as u16;
        }
        let row = row.trim_end().to_owned();
        if row.is_empty() {
            break;
        }
        rows.push(row);
    }
    rows
}

fn textwrap_lines(text: &str, w: usize) -> Vec<String> {
    let options = textwrap::Options::new(w).wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    textwrap::wrap(text, options)
        .into_iter()
        .map(|l| l.into_owned())
        .collect()
}

fn our_lines(text: &str, w: usize) -> Vec<String> {
    let m = Measure { ambiguous: AMB };
    wrap(text, w, 0, m)
        .into_iter()
        .map(|r| text[r].to_owned())
        .collect()
}

type Wrapper = fn(&str, usize) -> Vec<String>;

const WRAPPERS: [(&str, Wrapper); 3] = [
    ("ratatui Paragraph", |t, w| ratatui_lines(t, w as u16)),
    ("textwrap FirstFit", textwrap_lines),
    ("reader::text::wrap", our_lines),
];

fn count<'a>(texts: impl Iterator<Item = &'a str> + Clone, w: usize) -> Vec<(usize, Faults)> {
    WRAPPERS
        .iter()
        .map(|(_, f)| {
            let mut all = Faults::default();
            let mut lines = 0;
            for t in texts.clone() {
                let set = f(t, w);
                let set: Vec<&str> = set.iter().map(String::as_str).collect();
                lines += set.len();
                all.add(faults(&set, w, 0, AMB));
            }
            (lines, all)
        })
        .collect()
}

fn print_table(title: &str, rows: &[(usize, Vec<(usize, Faults)>)]) {
    println!("\n{title}");
    println!(
        "| wrapper | width | lines | wider than width | closer starts line | opener ends line | —— / …… split |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for (w, counts) in rows {
        for ((name, _), (lines, f)) in WRAPPERS.iter().zip(counts) {
            println!(
                "| {name} | {w} | {lines} | {} | {} | {} | {} |",
                f.too_wide, f.bad_start, f.bad_end, f.split_pair
            );
        }
    }
}

#[test]
fn seed_paragraphs_at_width_20() {
    let paragraphs = support::seed_paragraphs();
    let counts = count(paragraphs.iter().copied(), 20);
    print_table("Seed page paragraphs", &[(20, counts.clone())]);
    let [ratatui, _, ours] = [&counts[0], &counts[1], &counts[2]];
    assert_eq!(ours.1, Faults::default());
    // The checker finds real faults in a real wrapper: it is not vacuous.
    assert!(
        ratatui.1.too_wide > 0 && ratatui.1.bad_start > 0,
        "{ratatui:?}"
    );
}

#[test]
fn corpus_at_three_widths() {
    let rows: Vec<_> = [20, 40, 80]
        .into_iter()
        .map(|w| (w, count(support::sentences(), w)))
        .collect();
    print_table("Corpus sentences (1,500)", &rows);
    for (_, counts) in &rows {
        assert_eq!(counts[2].1, Faults::default());
    }
}

#[test]
fn emoji_widths() {
    // What each measures for the clusters a terminal draws two cells wide.
    println!("\n| cluster | unicode-width (ours) | textwrap::core::display_width |");
    println!("|---|---:|---:|");
    for g in [
        "👨\u{200d}👩\u{200d}👧\u{200d}👦",
        "❤\u{fe0f}",
        "🇨🇳",
        "👍🏽",
        "e\u{301}",
    ] {
        let ours = Measure::default().width(g);
        println!("| {g} | {ours} | {} |", textwrap::core::display_width(g));
        assert_eq!(ours, width(g, AMB));
    }
}
