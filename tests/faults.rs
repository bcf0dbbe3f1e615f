//! Terminal faults, through the real binary in a pseudo-terminal: a panic while
//! drawing, signals in the middle of things, the terminal hanging up, suspend and
//! resume, a resize storm, paste bursts, a lone Esc, escape sequences the reader does
//! not know, invalid UTF-8 and mouse reports. Each must end with the terminal restored
//! (main screen, cursor shown, paste mode off, cooked mode with echo), the exit code of
//! DESIGN.md, no panic and no busy loop; every byte written is audited as in
//! `hostile_text.rs`.

mod common;

use std::thread;
use std::time::{Duration, Instant};

use common::audit::{check_stream, ok};
use common::widths::check_rows;
use common::{PATIENCE, Pty};
use reader::text::Measure;

/// Only in the help overlay (what Shift-Tab does).
const HELP: &str = "上一个窗格";

/// The reader on the sample at `size`, its first screen drawn.
fn start(size: (u16, u16)) -> Pty {
    let pty = Pty::spawn(&[], size, &[]);
    pty.wait_for("首页");
    pty
}

/// Quits with `q` and checks the exit, the terminal and the whole stream.
fn quit_cleanly(mut pty: Pty) {
    pty.send("q");
    assert_eq!(pty.wait_exit(PATIENCE), 0, "{}", pty.screen());
    pty.assert_restored();
    ok("stream", check_stream(&pty.raw()));
}

/// Proves the reader still answers keys: the help opens and closes again. An Esc
/// first leaves whatever the input before may have started (bytes the reader does not
/// know as a sequence arrive as keys; `/` among them starts a search).
#[track_caller]
fn responds(pty: &mut Pty, after: &str) {
    pty.send("\x1b");
    pty.settle(Duration::from_millis(50));
    pty.send("?");
    pty.wait_until(&format!("the help to open after {after}"), |s| {
        s.contains(HELP)
    });
    pty.send("\x1b");
    pty.wait_until(&format!("the help to close after {after}"), |s| {
        !s.contains(HELP)
    });
}

#[test]
fn a_panic_while_drawing_restores_the_terminal_and_shows_its_message() {
    let env = [("READER_TEST_PANIC", "draw"), ("RUST_BACKTRACE", "0")];
    let mut pty = Pty::spawn(&[], (80, 24), &env);
    assert_eq!(pty.wait_exit(PATIENCE), 101);
    pty.assert_restored();
    let screen = pty.screen();
    assert!(
        screen.contains("panicked") && screen.contains("READER_TEST_PANIC"),
        "the panic message is not readable on the main screen:\n{screen}"
    );
    // The shell prompt comes below the message, not over it.
    let lines: Vec<&str> = screen.lines().collect();
    let last = lines
        .iter()
        .rposition(|l| !l.trim().is_empty())
        .unwrap_or(0);
    let (row, _) = pty.with_screen(|s| s.cursor_position());
    assert!(
        usize::from(row) > last,
        "cursor on row {row}, above the message's end at row {last}:\n{screen}"
    );
    ok("stream", check_stream(&pty.raw()));
}

#[test]
fn signals_in_the_middle_of_things_restore_the_terminal() {
    // SIGTERM with the help open, SIGHUP while a search is typed, SIGINT in an article.
    let cases: [(&str, i32, u32); 3] = [
        ("?", libc::SIGTERM, 143),
        ("/桃", libc::SIGHUP, 129),
        ("G\r", libc::SIGINT, 130),
    ];
    for (keys, signal, code) in cases {
        let mut pty = start((80, 24));
        pty.send(keys);
        pty.settle(Duration::from_millis(100));
        pty.signal(signal);
        assert_eq!(
            pty.wait_exit(PATIENCE),
            code,
            "signal {signal} after {keys:?}"
        );
        pty.assert_restored();
        ok("stream", check_stream(&pty.raw()));
    }
}

#[test]
fn a_hang_up_ends_the_reader_without_spinning() {
    let mut pty = start((80, 24));
    pty.send("G\r");
    pty.wait_for("当前位置");
    let before = pty.cpu_ticks().expect("running");
    let dropped = Instant::now();
    pty.hang_up();
    // Until it is gone, sample its CPU time: a reader spinning on a dead terminal
    // burns a tick every 10 ms.
    let mut used = 0;
    while pty.running() {
        assert!(
            dropped.elapsed() < PATIENCE,
            "still running {PATIENCE:?} after the hang-up"
        );
        if let Some(now) = pty.cpu_ticks() {
            used = now - before;
        }
        thread::sleep(Duration::from_millis(10));
    }
    let code = pty.wait_exit(PATIENCE);
    assert_eq!(code, 129);
    assert!(
        used <= 10,
        "{used} ticks of CPU after the hang-up (exited after {:?})",
        dropped.elapsed()
    );
}

#[test]
fn stopped_from_outside_and_continued_the_screen_comes_back_whole() {
    let mut pty = start((80, 24));
    pty.send("G\r");
    pty.wait_for("当前位置");
    pty.settle(Duration::from_millis(100));
    let before = pty.screen();
    // What a shell's job control sends, not the key: SIGTSTP, then `fg`'s SIGCONT.
    pty.signal(libc::SIGTSTP);
    pty.wait_until("the main screen", |_| {
        pty.with_screen(|s| !s.alternate_screen())
    });
    pty.assert_restored();
    pty.signal(libc::SIGCONT);
    pty.wait_until("the reader to come back", |_| {
        pty.with_screen(|s| s.alternate_screen())
    });
    // The alternate screen comes back empty: only a full redraw shows all of it again.
    pty.wait_until("the same screen as before", |s| s == before);
    responds(&mut pty, "resuming");
    quit_cleanly(pty);
}

#[test]
fn a_resize_storm_ends_on_a_right_screen() {
    let mut pty = start((120, 40));
    pty.send("G\r");
    pty.wait_for("当前位置");
    for (cols, rows) in [(0, 0), (1, 1), (1, 100), (300, 100)] {
        pty.resize(cols, rows);
    }
    // And a burst of sizes without waiting between them.
    for i in 0..40u16 {
        pty.resize(1 + i * 7 % 250, 1 + i * 3 % 90);
    }
    pty.resize(300, 100);
    pty.wait_until("every part at 300x100", |s| {
        ["分类", "当前位置", "相关阅读", "热门文章", "最新文章"]
            .iter()
            .all(|p| s.contains(p))
    });
    pty.settle(Duration::from_millis(200));
    let (rows, last) = pty.with_screen(|s| {
        (
            check_rows(s, Measure::default()),
            s.contents_between(99, 0, 99, 300),
        )
    });
    ok("rows at 300x100", rows);
    assert!(
        last.contains("q 退出"),
        "status line not on the last row: {last:?}"
    );
    responds(&mut pty, "the storm");
    quit_cleanly(pty);
}

#[test]
fn a_paste_burst_never_quits() {
    let mut pty = start((80, 24));
    // 100 KB pasted while browsing, full of what would quit, suspend or move if typed.
    let mut burst = String::from("\x1b[200~");
    for _ in 0..2_000 {
        burst.push_str("q\x03\x1a\x1b[A jk 桃浦 Ctrl-C q\r\n\t");
    }
    burst.push_str("\x1b[201~");
    pty.send(&burst);
    pty.settle(Duration::from_millis(200));
    assert!(pty.running(), "a paste quit the reader");
    responds(&mut pty, "a paste while browsing");
    // Into a search being typed: the text lands in the query, controls left out.
    pty.send("/");
    pty.settle(Duration::from_millis(50));
    pty.send(format!(
        "\x1b[200~{}\x1b[201~",
        "桃浦q\x03\x1a\x1b[2J".repeat(500)
    ));
    pty.wait_for("/桃浦q");
    assert!(pty.running(), "a paste into the search quit the reader");
    pty.send("\x1b");
    pty.settle(Duration::from_millis(100));
    // Unbracketed: a burst of 20,000 keys, as a terminal without paste mode sends.
    pty.send("jjjjkkkkJKhl  bb\t".repeat(1_200));
    pty.settle(Duration::from_millis(200));
    assert!(pty.running(), "a key burst quit the reader");
    responds(&mut pty, "a key burst");
    quit_cleanly(pty);
}

#[test]
fn unknown_input_bytes_are_ignored() {
    let mut pty = start((80, 24));
    let cases: &[(&str, &[u8])] = &[
        ("a lone Esc", b"\x1b"),
        ("an unknown key", b"\x1b[999~"),
        (
            "many parameters",
            b"\x1b[1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17;18;19;20~",
        ),
        ("a number too large", b"\x1b[99999999999999999999999A"),
        (
            "empty parameters",
            b"\x1b[;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;z",
        ),
        ("SS3", b"\x1bOZ"),
        ("SS3 with DEL", b"\x1bO\x7f"),
        ("unbound keys", b"\x1b[3~\x1b[15~\x1b[1;5P"),
        ("a DA answer", b"\x1b[?1;2c"),
        ("a cursor report", b"\x1b[12;40R"),
        ("an OSC answer", b"\x1b]11;rgb:0000/0000/0000\x07"),
        ("a DCS answer", b"\x1bP1$r0m\x1b\\"),
        ("focus events", b"\x1b[I\x1b[O"),
        ("invalid UTF-8", b"\xff"),
        ("a bad continuation", b"\xc3\x28"),
        ("an encoded surrogate", b"\xed\xa0\x80"),
        ("beyond U+10FFFF", b"\xf4\x90\x80\x80"),
        ("an X10 mouse report", b"\x1b[M !!"),
        ("an X10 report past 223", b"\x1b[M\xff\xff\xff"),
        ("SGR mouse press and release", b"\x1b[<0;10;5M\x1b[<0;10;5m"),
        ("an SGR wheel far away", b"\x1b[<64;99999;99999M"),
        ("an urxvt mouse report", b"\x1b[32;10;5M"),
    ];
    for (what, bytes) in cases {
        pty.send(bytes);
        pty.settle(Duration::from_millis(50));
        assert!(pty.running(), "{what} ended the reader");
        responds(&mut pty, what);
    }
    quit_cleanly(pty);
}
