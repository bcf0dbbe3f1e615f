//! Hostile text from the data, through the real binary: escape sequences, C0 and C1
//! controls, bidi and zero-width characters, combining-mark towers, emoji sequences,
//! line separators and very long words, in every field the reader shows
//! (`tests/fixtures/hostile/text.json`), plus a 3,000-character word and a 200 KB
//! paragraph without spaces built at test time.
//!
//! Interactive sessions read every article, scroll, follow panels, open the help and
//! search; then the whole byte stream is audited (only the renderer's own escape
//! sequences, no control or invisible character) and replayed glyph by glyph through a
//! terminal emulator to prove that measured widths equal the cells drawn. The plain
//! modes on the same file are in `hostile_plain.rs`.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::time::Duration;

use common::audit::{self, check_stream, ok};
use common::fixtures::with_long_text;
use common::widths::{check_rows, check_widths};
use common::{PATIENCE, Pty};
use reader::text::Measure;

/// The marker each article of the fixture starts its body with.
const MARKS: [&str; 10] = [
    "MARK-osc",
    "MARK-csi",
    "MARK-c1",
    "MARK-c0",
    "MARK-lines",
    "MARK-bidi",
    "MARK-invisible",
    "MARK-marks",
    "MARK-emoji",
    "MARK-plain",
];

/// Checks the screen as it is now: no forbidden character shown, and every row
/// measures the screen's width (what was measured is what the terminal drew).
fn check_screen(pty: &Pty, when: &str) {
    // Read under the lock, judge after it: a failed check must not poison the harness.
    let (text, rows) = pty.with_screen(|s| (s.contents(), check_rows(s, Measure::default())));
    for line in text.lines() {
        if let Some((_, c)) = audit::first_forbidden(line) {
            panic!("{when}: {c:?} on screen in {line:?}:\n{text}");
        }
    }
    ok(when, rows);
}

/// The marker on the screen now, if any.
fn mark_on(screen: &str, marks: &[&'static str]) -> Option<&'static str> {
    marks.iter().copied().find(|m| screen.contains(m))
}

/// Opens every article in turn, and in each one scrolls, follows a 相关阅读 entry and
/// goes back; then walks the category tree, opens the help, and searches. Checks the
/// screen after each article and returns the markers seen.
fn read_everything(pty: &mut Pty, marks: &[&'static str]) -> BTreeSet<&'static str> {
    let step = |pty: &mut Pty, keys: &str| {
        pty.send(keys);
        pty.settle(Duration::from_millis(30));
    };
    let mut seen = BTreeSet::new();
    pty.send("g");
    for i in 0..marks.len() {
        if i > 0 {
            step(pty, "j");
        }
        pty.send("\r");
        pty.wait_until("a new article to open", |s| {
            mark_on(s, marks).is_some_and(|m| !seen.contains(m))
        });
        let mark = mark_on(&pty.screen(), marks).unwrap();
        seen.insert(mark);
        check_screen(pty, mark);
        for keys in [" ", "G", "\t", "\r", "\x7f", "h"] {
            step(pty, keys);
        }
    }
    for keys in ["h", "j", "j", "j", "j", "j", "\r", "g", "\r"] {
        step(pty, keys);
    }
    check_screen(pty, "category tree");
    pty.send("?");
    pty.wait_for("帮助");
    step(pty, "j");
    step(pty, "\x1b");
    for keys in ["/", "M", "A", "R", "K", "\r", "n", "n", "N"] {
        step(pty, keys);
    }
    check_screen(pty, "search");
    step(pty, "\x1b");
    seen
}

/// One whole session at `size` on `path`, whose list shows `first` when it starts:
/// every article of `marks` read, then the stream audited and replayed.
fn session(path: &Path, size: (u16, u16), first: &str, marks: &[&'static str]) {
    let mut pty = Pty::spawn(&["--file", path.to_str().unwrap()], size, &[]);
    pty.wait_for(first);
    let seen = read_everything(&mut pty, marks);
    assert_eq!(seen.len(), marks.len(), "articles opened: {seen:?}");
    pty.send("q");
    assert_eq!(pty.wait_exit(PATIENCE), 0);
    pty.assert_restored();
    let raw = pty.raw();
    ok("stream", check_stream(&raw));
    ok("widths", check_widths(&raw, size, Measure::default()));
}

/// The fixture with its long text at `size`.
fn hostile_session(size: (u16, u16)) {
    let dir = tempfile::tempdir().unwrap();
    let path = with_long_text(dir.path());
    let mut marks = MARKS.to_vec();
    marks.extend(["MARK-longword", "MARK-huge"]);
    session(&path, size, "普通文章", &marks);
}

#[test]
fn a_wide_session_writes_only_the_renderers_sequences_and_exact_widths() {
    hostile_session((120, 40));
}

#[test]
fn a_narrow_session_with_glyphs_at_the_last_column_holds_its_layout() {
    // An odd width: wide glyphs meet the last column of the terminal itself.
    hostile_session((41, 20));
}

#[test]
fn the_huge_paragraph_answers_keys_at_its_end() {
    let dir = tempfile::tempdir().unwrap();
    let path = with_long_text(dir.path());
    let mut pty = Pty::spawn(&["--file", path.to_str().unwrap()], (80, 24), &[]);
    pty.wait_for("普通文章");
    // The two long articles are the oldest: last in the list.
    pty.send("G\r");
    pty.wait_for("MARK-huge");
    pty.send("G");
    pty.wait_for("END-huge");
    pty.send("g");
    pty.wait_for("MARK-huge");
    check_screen(&pty, "huge paragraph");
    pty.send("q");
    assert_eq!(pty.wait_exit(PATIENCE), 0);
    ok("stream", check_stream(&pty.raw()));
}

#[test]
fn search_input_cannot_smuggle_controls_to_the_screen() {
    let mut pty = Pty::spawn(&[], (80, 24), &[]);
    pty.wait_for("首页");
    pty.send("/");
    pty.settle(Duration::from_millis(50));
    // Typed: a C1 CSI, a bidi override, a zero-width space, as an input method could.
    pty.send("桃\u{9b}2J\u{202e}\u{200b}浦");
    // The query arrived (the invisible characters drawn as nothing, the C1 control as
    // a replacement character).
    pty.wait_for("2J");
    pty.wait_for("浦");
    // Pasted: text copied from a web page with an OSC title sequence in it.
    pty.send("\x1b[200~\x1b]0;pwned\x07\u{202e}evil\u{9d}0;x\u{9c}\x1b[201~");
    pty.wait_for("evil");
    pty.send("\x1b");
    pty.settle(Duration::from_millis(50));
    pty.send("q");
    assert_eq!(pty.wait_exit(PATIENCE), 0);
    ok("stream", check_stream(&pty.raw()));
}
