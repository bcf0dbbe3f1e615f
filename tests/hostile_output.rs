//! What the reader writes when it must hold back: no colour under `NO_COLOR` or
//! `--color never` while the selection stays visible, a plain refusal on a dumb or
//! missing terminal, no escape code when standard output is not the screen or when a
//! plain mode prints to the terminal, and nothing at all while idle.

mod common;

use std::thread;
use std::time::Duration;

use common::audit::{check_stream, ok, sgr_params};
use common::{PATIENCE, Pty, reader_bin};

/// Rows of the screen with a bar of at least eight marked cells: in reverse video or
/// on a background colour (the right half of a wide glyph is skipped, the emulator
/// keeps attributes on its left half).
fn selection_rows(pty: &Pty) -> Vec<u16> {
    pty.with_screen(|s| {
        let (rows, cols) = (s.size().0.get(), s.size().1.get());
        (0..rows)
            .filter(|&r| {
                let mut run = 0;
                (0..cols).filter_map(|c| s.cell(r, c)).any(|cell| {
                    if cell.is_wide_continuation() {
                        return false;
                    }
                    let marked = cell.inverse() || cell.bgcolor() != vt100::Color::Default;
                    run = if marked { run + 1 } else { 0 };
                    run >= 8
                })
            })
            .collect()
    })
}

/// A session on the sample at 120x40 that opens an article, focuses 相关阅读, moves
/// its selection and searches; returns every byte written and whether the selection
/// showed (reverse video or a background colour) and followed the cursor.
fn browse(args: &[&str], env: &[(&str, &str)]) -> (Vec<u8>, bool) {
    let mut pty = Pty::spawn(args, (120, 40), env);
    pty.wait_for("首页");
    pty.send("G\r");
    pty.wait_for("当前位置");
    pty.send("\t");
    pty.settle(Duration::from_millis(100));
    let first = selection_rows(&pty);
    pty.send("j");
    pty.settle(Duration::from_millis(100));
    let second = selection_rows(&pty);
    let visible = !first.is_empty() && !second.is_empty() && first != second;
    pty.send("/桃\r");
    pty.settle(Duration::from_millis(100));
    pty.send("n");
    pty.settle(Duration::from_millis(100));
    pty.send("\x1b");
    pty.settle(Duration::from_millis(50));
    pty.send("q");
    assert_eq!(pty.wait_exit(PATIENCE), 0);
    pty.assert_restored();
    let raw = pty.raw();
    ok("stream", check_stream(&raw));
    (raw, visible)
}

/// Whether any SGR sets a colour (30–49 and 90–107 ranges, 38/48 extended).
fn colours(raw: &[u8]) -> Vec<String> {
    sgr_params(raw)
        .into_iter()
        .filter(|p| {
            p.split(';').any(|n| {
                n.parse::<u8>().is_ok_and(|n| {
                    (30..=49).contains(&n) && n != 39 && n != 49 || (90..=107).contains(&n)
                })
            })
        })
        .collect()
}

#[test]
fn colour_by_default_proves_the_checks_can_fail() {
    let (raw, visible) = browse(&[], &[]);
    assert!(!colours(&raw).is_empty(), "no colour at all by default");
    assert!(visible, "no visible selection with colours");
}

#[test]
fn no_color_and_color_never_draw_without_colour_and_keep_the_selection() {
    for (args, env) in [
        (&[][..], &[("NO_COLOR", "1")][..]),
        (&["--color", "never"][..], &[][..]),
    ] {
        let (raw, visible) = browse(args, env);
        let found = colours(&raw);
        assert!(found.is_empty(), "{args:?} {env:?}: colour codes {found:?}");
        // crossterm writes `ESC[;m` for a colour change under NO_COLOR: a full reset
        // that would wipe the reverse video of the selection.
        let resets: Vec<String> = sgr_params(&raw)
            .into_iter()
            .filter(|p| p.contains(";;") || p == ";")
            .collect();
        assert!(resets.is_empty(), "{args:?} {env:?}: empty SGR {resets:?}");
        // Without colours, only reverse video can mark the selection.
        assert!(
            sgr_params(&raw).iter().any(|p| p == "7"),
            "no reverse video"
        );
        assert!(visible, "{args:?} {env:?}: selection not shown");
    }
}

#[test]
fn a_dumb_or_missing_terminal_is_refused_with_a_hint() {
    for term in [Some("dumb"), Some(""), None] {
        let mut cmd = Pty::command(reader_bin(), &[]);
        match term {
            Some(t) => cmd.env("TERM", t),
            None => cmd.env_remove("TERM"),
        }
        let mut pty = Pty::spawn_command(cmd, (80, 24));
        assert_eq!(pty.wait_exit(PATIENCE), 2, "TERM={term:?}");
        let raw = pty.raw();
        assert!(!raw.contains(&0x1b), "TERM={term:?}: escape codes {raw:?}");
        let screen = pty.screen();
        assert!(screen.contains("--list"), "no hint:\n{screen}");
        assert_eq!(screen.trim().lines().count(), 1, "not one line:\n{screen}");
    }
}

/// `reader ARGS` in a terminal with standard output redirected to a file; returns the
/// exit code, what reached the terminal and what reached the file.
fn redirected(args: &[&str]) -> (u32, Vec<u8>, Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let mut script_args = vec!["-c", r#"out="$1"; shift; exec "$@" > "$out""#, "sh"];
    let out_str = out.to_str().unwrap();
    script_args.push(out_str);
    script_args.push(reader_bin());
    script_args.extend_from_slice(args);
    let cmd = Pty::command("sh", &script_args);
    let mut pty = Pty::spawn_command(cmd, (80, 24));
    let code = pty.wait_exit(PATIENCE);
    (code, pty.raw(), std::fs::read(&out).unwrap_or_default())
}

#[test]
fn with_stdout_redirected_nothing_carries_an_escape_code() {
    let (code, terminal, file) = redirected(&[]);
    assert_eq!(code, 2, "{}", String::from_utf8_lossy(&terminal));
    assert!(file.is_empty(), "{file:?}");
    assert!(!terminal.contains(&0x1b), "{terminal:?}");
    assert!(String::from_utf8_lossy(&terminal).contains("not a terminal"));
    for args in [
        &["--list"][..],
        &["--print", "putuo-taopu"][..],
        &["--search", "桃浦"][..],
        &["--check"][..],
    ] {
        let (code, terminal, file) = redirected(args);
        assert_eq!(code, 0, "{args:?}: {}", String::from_utf8_lossy(&terminal));
        assert!(!file.is_empty(), "{args:?} printed nothing");
        assert!(!file.contains(&0x1b), "{args:?} wrote escapes to the file");
        assert!(
            !terminal.contains(&0x1b),
            "{args:?} wrote escapes to the terminal"
        );
    }
}

#[test]
fn plain_modes_print_plain_text_to_a_terminal_too() {
    // DESIGN.md: plain-text output never has escape sequences unless --color always.
    for args in [
        &["--list"][..],
        &["--print", "putuo-taopu"][..],
        &["--search", "桃浦"][..],
    ] {
        let mut pty = Pty::spawn(args, (80, 24), &[]);
        assert_eq!(pty.wait_exit(PATIENCE), 0, "{args:?}");
        let raw = pty.raw();
        assert!(
            !raw.contains(&0x1b),
            "{args:?} wrote escapes: {}",
            String::from_utf8_lossy(&raw).escape_debug()
        );
    }
    let always = common::run::reader(&["--print", "putuo-taopu", "--color", "always"]);
    assert!(
        always.stdout.contains(&0x1b),
        "--color always without emphasis"
    );
}

#[test]
fn an_idle_reader_writes_nothing_and_sleeps() {
    let mut pty = Pty::spawn(&[], (120, 40), &[]);
    pty.wait_for("首页");
    pty.send("G\r");
    pty.wait_for("当前位置");
    pty.settle(Duration::from_millis(300));
    let (bytes, ticks) = (pty.raw_len(), pty.cpu_ticks().unwrap());
    thread::sleep(Duration::from_secs(2));
    let written = pty.raw_len() - bytes;
    let used = pty.cpu_ticks().unwrap() - ticks;
    assert_eq!(written, 0, "{written} bytes written while idle");
    // A tick is 10 ms: a loop that polls or redraws would use tens in two seconds.
    assert!(used <= 5, "{used} ticks of CPU while idle");
    pty.send("q");
    assert_eq!(pty.wait_exit(PATIENCE), 0);
}
