//! Hostile text through the plain modes (`--list`, `--print`, `--search`, `--check`):
//! plain text only, every article kept, long words set whole. And the checks of the
//! byte-stream audit itself, which every hostile test relies on.

mod common;

use common::audit::{check_plain, check_stream, ok};
use common::fixtures::{FIXTURE, huge_text, long_word, with_long_text};
use common::run::reader;
use common::widths::check_widths;
use reader::text::Measure;

/// How many articles the fixture holds, all valid.
const ARTICLES: usize = 10;

/// The ids `--list` prints for `path`.
fn listed_ids(path: &str) -> Vec<String> {
    let run = reader(&["--file", path, "--list"]);
    run.expect(0);
    common::files::listed_ids(&run)
}

#[test]
fn plain_modes_write_plain_text_and_keep_every_article() {
    let ids = listed_ids(FIXTURE);
    assert_eq!(ids.len(), ARTICLES, "{ids:?}");
    for id in &ids {
        for width in ["41", "120"] {
            let run = reader(&["--file", FIXTURE, "--print", id, "--width", width]);
            run.expect(0);
            let w: usize = width.parse().unwrap();
            for line in run.out().lines() {
                let measured = Measure::default().width(line);
                assert!(measured <= w, "{id:?} at {w}: {measured} cells: {line:?}");
            }
        }
    }
    for query in ["MARK", "标题", "OSC", "👨", "evil"] {
        let run = reader(&["--file", FIXTURE, "--search", query]);
        run.expect(0);
        for line in run.out().lines() {
            assert_eq!(line.split('\t').count(), 3, "--search {query}: {line:?}");
        }
    }
    // Valid articles only, so nothing is left out; warnings (the unknown field with an
    // escape sequence in its name) are printed cleaned.
    let check = reader(&["--file", FIXTURE, "--check"]);
    check.expect(0);
    assert!(check.out().contains("10 articles"), "{}", check.out());
}

#[test]
fn an_unknown_id_is_echoed_without_its_controls() {
    let run = reader(&["--file", FIXTURE, "--print", "\x1b]0;x\x07\u{9b}2J\u{202e}"]);
    run.expect(2);
}

#[test]
fn long_words_are_set_whole_with_nothing_lost() {
    let dir = tempfile::tempdir().unwrap();
    let path = with_long_text(dir.path());
    let path = path.to_str().unwrap();
    for (id, text) in [
        ("longword", format!("MARK-longword {}", long_word())),
        ("huge", huge_text()),
    ] {
        let run = reader(&["--file", path, "--print", id, "--width", "40"]);
        run.expect(0);
        let out = run.out();
        let lines: Vec<&str> = out.lines().collect();
        for line in &lines {
            assert!(Measure::default().width(line) <= 40, "{id}: {line:?}");
        }
        // The paragraph is the lines from its first to the blank line after it.
        let start = lines.iter().position(|l| l.contains("MARK-")).unwrap();
        let end = lines[start..]
            .iter()
            .position(|l| l.is_empty())
            .map_or(lines.len(), |n| start + n);
        let joined: String = lines[start..end]
            .iter()
            .map(|l| l.trim_start_matches('\u{3000}'))
            .collect::<Vec<_>>()
            .join("");
        let expected: String = text.split(' ').collect();
        assert_eq!(
            joined.replace(' ', ""),
            expected,
            "{id}: text lost or changed"
        );
    }
}

/// The checks themselves: each must catch what it is for, or the suite proves nothing.
mod the_audit {
    use super::*;

    #[test]
    fn rejects_every_kind_of_leak() {
        let leaks: [&[u8]; 14] = [
            b"\x1b]0;title\x07",
            b"\x1b]52;c;eA==\x1b\\",
            b"\x1bP$qm\x1b\\",
            b"\x1b[c",
            b"\x1b[>0q",
            b"\x1b[21t",
            b"\x1b[5A",
            b"\x1b[8m",
            b"\x1b(0",
            "\u{9b}2J".as_bytes(),
            b"\x9b2J",
            b"a\x07b",
            "a\u{202e}b".as_bytes(),
            "\u{200d}x".as_bytes(),
        ];
        for leak in leaks {
            let mut raw = b"\x1b[?1049h\x1b[1;1Hok".to_vec();
            raw.extend_from_slice(leak);
            assert!(
                check_stream(&raw).is_err(),
                "missed {}",
                leak.escape_ascii()
            );
        }
        assert!(check_plain(b"a\x1b[1mb").is_err());
        assert!(check_plain("a\tb\n".as_bytes()).is_ok());
    }

    #[test]
    fn accepts_what_the_renderer_writes() {
        let raw = "\x1b[?1049h\x1b[?2004h\x1b[?25l\x1b[2J\x1b[1;1H\x1b[1m\x1b[38;5;6;48;5;0m桃\
                   \x1b[1;3Hab👨\u{200d}👩\x1b[39m\x1b[49m\x1b[0m\x1b[?1049l\r\n";
        ok("renderer output", check_stream(raw.as_bytes()));
    }

    #[test]
    fn width_replay_catches_a_glyph_wider_on_the_terminal() {
        // Measured 2 cells, drawn 4 by a terminal that draws each code point.
        let raw = "\x1b[?1049h\x1b[1;1H👨\u{200d}👩x".as_bytes();
        assert!(check_widths(raw, (10, 2), Measure::default()).is_err());
        let fine = "\x1b[?1049h\x1b[1;1H桃\x1b[1;3Hx".as_bytes();
        ok(
            "narrow text",
            check_widths(fine, (10, 2), Measure::default()),
        );
        // At the last column a wide glyph wraps: caught.
        let wraps = "\x1b[?1049h\x1b[1;10H桃".as_bytes();
        assert!(check_widths(wraps, (10, 2), Measure::default()).is_err());
    }
}
