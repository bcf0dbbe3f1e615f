//! End-to-end: the real binary in a pseudo-terminal, driven with keys and signals.

mod common;

use std::process::{Command, Stdio};
use std::time::Duration;

use common::{Pty, reader_bin};

const EXIT_LIMIT: Duration = Duration::from_secs(5);

/// The reader on the sample at `size`, its first screen drawn.
fn start(size: (u16, u16)) -> Pty {
    let pty = Pty::spawn(&[], size, &[]);
    pty.wait_for("首页");
    pty
}

#[test]
fn starts_on_the_sample_with_every_part_visible() {
    let mut pty = start((120, 40));
    let screen = pty.screen();
    for part in [
        "分类",
        "首页",
        "文章",
        "正文",
        "相关阅读",
        "热门文章",
        "最新文章",
        "? 帮助",
    ] {
        assert!(screen.contains(part), "{part} missing:\n{screen}");
    }
    pty.send("q");
    assert_eq!(pty.wait_exit(EXIT_LIMIT), 0);
    pty.assert_restored();
}

#[test]
fn keys_open_an_article_follow_a_panel_entry_and_go_back() {
    let mut pty = start((120, 40));
    // The list is newest first; the main article has no date, so it is last.
    pty.send("G\r");
    pty.wait_for("当前位置:首页 > 情感 > 故事");
    pty.wait_for("日期: 来源:上海普陀 收集编辑:上海普陀");
    // Tab moves from the article to 相关阅读; its first entry is the culture meeting.
    pty.send("\t\r");
    pty.wait_for("当前位置:首页 > 文化 > 公共文化");
    // Backspace returns to the article read before.
    pty.send("\x7f");
    pty.wait_for("当前位置:首页 > 情感 > 故事");
    pty.send("q");
    assert_eq!(pty.wait_exit(EXIT_LIMIT), 0);
    pty.assert_restored();
}

#[test]
fn resizing_redraws_for_the_new_size() {
    let mut pty = start((120, 40));
    pty.send("G\r");
    pty.wait_for("当前位置");
    pty.resize(80, 24);
    // At 80 columns the panels leave the screen until focused.
    pty.wait_until("the split layout", |s| {
        !s.contains("最新文章") && s.contains("当前位置")
    });
    pty.resize(40, 20);
    pty.wait_until("the one-pane layout", |s| {
        s.starts_with("分类 文章 正文 相关 热门 最新")
    });
    pty.resize(10, 3);
    pty.wait_for("窗口太小");
    pty.resize(120, 40);
    pty.wait_for("最新文章");
    pty.send("q");
    assert_eq!(pty.wait_exit(EXIT_LIMIT), 0);
}

#[test]
fn signals_restore_the_terminal_with_their_exit_codes() {
    for (signal, code) in [
        (libc::SIGTERM, 143),
        (libc::SIGHUP, 129),
        (libc::SIGINT, 130),
    ] {
        let mut pty = start((80, 24));
        pty.signal(signal);
        assert_eq!(pty.wait_exit(EXIT_LIMIT), code, "signal {signal}");
        pty.settle(Duration::from_millis(100));
        pty.assert_restored();
    }
}

#[test]
fn ctrl_c_quits_from_anywhere() {
    let mut pty = start((80, 24));
    pty.send("?");
    pty.wait_for("帮助");
    pty.send("\x03");
    assert_eq!(pty.wait_exit(EXIT_LIMIT), 130);
    pty.assert_restored();
}

#[test]
fn refuses_without_a_terminal_in_one_clean_line() {
    let out = Command::new(reader_bin())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env("TERM", "xterm-256color")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("needs a terminal"), "{err}");
    assert!(!err.contains('\x1b'));
}

#[test]
fn refuses_a_dumb_terminal() {
    for term in ["dumb", ""] {
        let mut pty = Pty::spawn(&[], (80, 24), &[("TERM", term)]);
        assert_eq!(pty.wait_exit(EXIT_LIMIT), 2, "TERM={term:?}");
        pty.settle(Duration::from_millis(100));
        let raw = pty.raw();
        assert!(!raw.contains(&0x1b), "escape codes written: {raw:?}");
        assert!(pty.screen().contains("TERM is"), "{}", pty.screen());
    }
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_continuing_redraws_everything() {
    let mut pty = start((80, 24));
    pty.send("\x1a");
    pty.wait_until("the main screen", |_| {
        pty.with_screen(|s| !s.alternate_screen())
    });
    pty.assert_restored();
    let pid = pty.pid();
    let state = || {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
        stat.rsplit(')')
            .next()
            .unwrap()
            .split_whitespace()
            .next()
            .unwrap()
            .to_owned()
    };
    let start = std::time::Instant::now();
    while state() != "T" && start.elapsed() < EXIT_LIMIT {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(state(), "T", "the process did not stop");
    // What the shell's `fg` does: continue the stopped process.
    let before = pty.raw_len();
    pty.signal(libc::SIGCONT);
    pty.wait_until("the reader to come back", |_| {
        pty.with_screen(|s| s.alternate_screen())
    });
    pty.wait_for("首页");
    // A full redraw, not just the cells that changed: the whole first screen again.
    pty.settle(Duration::from_millis(100));
    assert!(
        pty.raw_len() - before > 1000,
        "only {} bytes",
        pty.raw_len() - before
    );
    pty.send("q");
    assert_eq!(pty.wait_exit(EXIT_LIMIT), 0);
    pty.assert_restored();
}
