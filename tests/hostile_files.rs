//! Hostile and broken files, through the real binary (`--check`, `--list` and the
//! interactive mode): the exit code of DESIGN.md, a message that says where
//! (`PATH:LINE:COL` or `PATH: article ID`), no panic, no escape code on stdout or
//! stderr, valid articles kept and the ones left out reported. Special files (a FIFO,
//! `/dev/zero`, a file over the size cap) must be refused without being read.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::run::{Invocation, Run, reader};
use common::{PATIENCE, Pty};

/// A file named `name` holding `bytes` in `dir`; returns its path as text.
fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_owned()
}

/// The `LINE:COL` of the first `PATH:LINE:COL: ` in `text`.
fn location(text: &str, path: &str) -> Option<(usize, usize)> {
    text.match_indices(&format!("{path}:")).find_map(|(at, m)| {
        let rest = &text[at + m.len()..];
        let mut parts = rest.splitn(3, ':');
        let line = parts.next()?.parse().ok()?;
        let column = parts.next()?.parse().ok()?;
        parts.next()?.starts_with(' ').then_some((line, column))
    })
}

/// Whether `text` names article `id` of `path` as DESIGN.md says.
fn names_article(text: &str, path: &str, id: &str) -> bool {
    text.contains(&format!("{path}: article {id}:"))
}

/// The ids `--list` prints (first field of each line after the tree).
fn listed_ids(run: &Run) -> Vec<String> {
    let out = run.out();
    let (_, articles) = out.split_once("\n\n").unwrap_or(("", ""));
    articles
        .lines()
        .map(|l| l.split('\t').next().unwrap().to_owned())
        .collect()
}

/// A file that cannot be loaded at all: `--check`, `--list` and `--print` exit 65 with
/// a located message, before anything else.
fn refused_with_location(path: &str) -> (usize, usize) {
    let check = reader(&["--file", path, "--check"]);
    check.expect(65);
    let at = location(&check.out(), path)
        .unwrap_or_else(|| panic!("--check does not locate the error:\n{}", check.out()));
    let list = reader(&["--file", path, "--list"]);
    list.expect(65);
    assert!(list.stdout.is_empty(), "{}", list.out());
    assert_eq!(location(&list.err(), path), Some(at), "{}", list.err());
    at
}

#[test]
fn syntax_errors_name_the_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let syntax = write(
        d,
        "syntax.json",
        "[\n  {\"id\": \"a\", \"title\": \"好\"},\n  {\"id\": \"b\" \"title\": \"坏\"}\n]\n",
    );
    assert_eq!(refused_with_location(&syntax).0, 3);
    let truncated = write(
        d,
        "truncated.json",
        "[{\"id\": \"a\", \"title\": \"好\"}, {\"id\": \"b\", \"tit",
    );
    assert_eq!(refused_with_location(&truncated).0, 1);
    let trailing = write(
        d,
        "trailing.json",
        "[{\"id\": \"a\", \"title\": \"好\"}]\n垃圾",
    );
    assert_eq!(refused_with_location(&trailing).0, 2);
}

#[test]
fn what_is_not_a_collection_is_refused_with_a_location() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("number.json", "42"),
        ("string.json", "\"文章\""),
        ("null.json", "null"),
        ("bool.json", "true"),
        (
            "articles-number.json",
            "{\"title\": \"t\", \"articles\": 5}",
        ),
        ("empty.json", ""),
        ("blank.json", " \n\t\n"),
    ];
    for (name, text) in cases {
        refused_with_location(&write(dir.path(), name, text));
    }
}

#[test]
fn deep_nesting_is_reported_without_exhausting_the_stack() {
    let dir = tempfile::tempdir().unwrap();
    for depth in [300, 100_000] {
        let nest = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        // As the whole file (an array whose one entry is no article), and inside an
        // article next to a valid one: that entry or the file is reported, never a crash.
        let top = write(dir.path(), &format!("top{depth}.json"), &nest);
        let inner = write(
            dir.path(),
            &format!("inner{depth}.json"),
            format!(
                "[{{\"id\": \"ok\", \"title\": \"好\"}}, {{\"id\": \"deep\", \"title\": \"深\", \"tags\": {nest}}}]"
            ),
        );
        for path in [top, inner] {
            let check = reader(&["--file", &path, "--check"]);
            check.expect(65);
            let out = check.out();
            let located =
                location(&out, &path).is_some() || out.contains(&format!("{path}: article"));
            assert!(located, "{out}");
            let list = reader(&["--file", &path, "--list"]);
            if list.code == Some(0) {
                list.expect(0);
                assert!(list.err().contains("left out"), "{}", list.err());
            } else {
                list.expect(65);
                assert!(location(&list.err(), &path).is_some(), "{}", list.err());
            }
        }
    }
}

/// `--check` must report a problem at a location: an error (exit 65) or a warning
/// (exit 0, the text repaired), never silence.
fn reported(path: &str) -> Run {
    let check = reader(&["--file", path, "--check"]);
    let out = check.out();
    let code = check.code;
    check.expect(if code == Some(0) { 0 } else { 65 });
    let has_location = location(&out, path).is_some() || out.contains(&format!("{path}: article"));
    assert!(has_location, "no located report:\n{out}");
    if code == Some(0) {
        assert!(out.contains("warning"), "exit 0 without a warning:\n{out}");
    }
    check
}

#[test]
fn lone_surrogates_and_invalid_utf8_are_reported_where_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let surrogate = write(
        dir.path(),
        "surrogate.json",
        "[{\"id\": \"ok\", \"title\": \"好\"},\n {\"id\": \"s\", \"title\": \"坏\\ud800\"}]",
    );
    let mut bad =
        b"[{\"id\": \"ok\", \"title\": \"\xe5\xa5\xbd\"},\n {\"id\": \"u\", \"title\": \"".to_vec();
    bad.extend_from_slice(b"\xff\xfe\xc3(\"}]");
    let utf8 = write(dir.path(), "utf8.json", bad);
    for path in [surrogate, utf8] {
        reported(&path);
        // Either the whole file is refused with its location, or the valid article is
        // kept; never a panic or a silent success without it.
        let list = reader(&["--file", &path, "--list"]);
        if list.code == Some(0) {
            list.expect(0);
            assert!(
                listed_ids(&list).contains(&"ok".to_owned()),
                "{}",
                list.out()
            );
        } else {
            list.expect(65);
            assert!(location(&list.err(), &path).is_some(), "{}", list.err());
        }
    }
}

#[test]
fn broken_articles_are_left_out_named_and_the_rest_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "mixed.json",
        r#"[
  {"id": "a", "title": "一"},
  {"id": "a", "title": "二"},
  {"id": 7, "title": "三"},
  {"id": "7", "title": "四"},
  {"id": "m1"},
  {"id": "m2", "title": null},
  {"id": "m3", "title": ""},
  {"id": "m4", "title": 5},
  {"id": 123456789012345678901234567890, "title": "大数"},
  {"id": 123456789012345678901234567891, "title": "大数二"},
  {"id": 1e400, "title": "浮点编号"},
  {"id": "big-views", "title": "浮点浏览", "views": 1e400},
  {"title": "没有编号"},
  "不是文章",
  {"id": "ok", "title": "好"}
]"#,
    );
    let check = reader(&["--file", &path, "--check"]);
    check.expect(65);
    let out = check.out();
    for id in ["a", "7", "m1", "m2", "m3", "m4"] {
        assert!(
            names_article(&out, &path, id),
            "article {id} not named:\n{out}"
        );
    }
    // Each of the nine entries left out has its own line (by id, by position or by
    // place in the file): two duplicates, four titles, the 1e400 id, the entry
    // without an id and the string. Views of 1e400 may be an error or a warning.
    let summary = out.lines().last().unwrap_or("");
    let errors = out
        .lines()
        .filter(|l| *l != summary && l.starts_with(&path) && !l.contains("warning"))
        .count();
    assert!(errors >= 9, "{errors} problems reported:\n{out}");
    let list = reader(&["--file", &path, "--list"]);
    list.expect(0);
    let ids = listed_ids(&list);
    // The first of each duplicate is kept; integers are their decimal string, exactly.
    for id in [
        "a",
        "7",
        "123456789012345678901234567890",
        "123456789012345678901234567891",
        "ok",
    ] {
        assert!(ids.contains(&id.to_owned()), "{id} missing from {ids:?}");
    }
    for id in ["m1", "m2", "m3", "m4"] {
        assert!(!ids.contains(&id.to_owned()), "{id} listed: {ids:?}");
    }
    assert!(list.out().contains("\t一\n") && !list.out().contains("\t二\n"));
    assert!(list.out().contains("\t三\n") && !list.out().contains("\t四\n"));
    // The left-out articles are counted where the list cannot show them.
    assert!(list.err().contains("left out"), "{}", list.err());
}

#[test]
fn negative_views_are_an_error_or_a_warning_consistently() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "views.json",
        r#"[{"id": "v", "title": "负", "views": -5}, {"id": "ok", "title": "好"}]"#,
    );
    let check = reported(&path);
    let list = reader(&["--file", &path, "--list"]);
    list.expect(0);
    let kept = listed_ids(&list).contains(&"v".to_owned());
    assert_eq!(
        kept,
        check.code == Some(0),
        "{}\n{}",
        check.out(),
        list.out()
    );
}

#[test]
fn zero_articles_is_a_valid_empty_collection() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("array.json", "[]"),
        ("object.json", "{\"title\": \"空\", \"articles\": []}"),
    ] {
        let path = write(dir.path(), name, text);
        reader(&["--file", &path, "--check"]).expect(0);
        let list = reader(&["--file", &path, "--list"]);
        list.expect(0);
        assert!(list.out().starts_with("首页 (0)\n"), "{}", list.out());
        let mut pty = Pty::spawn(&["--file", &path], (80, 24), &[]);
        pty.wait_for("这个文集里没有文章");
        pty.send("jG\rq");
        assert_eq!(pty.wait_exit(PATIENCE), 0);
        pty.assert_restored();
    }
}

/// A path that is not a readable regular file: every mode exits `code` with a message
/// naming it and no location in the file (it was never parsed), promptly.
fn refused_unread(path: &str, code: i32, user: Option<u32>) {
    for mode in ["--check", "--list"] {
        let mut inv = Invocation::new(&["--file", path, mode]);
        if let Some(id) = user {
            inv = inv.user(id);
        }
        let run = inv.run();
        run.expect(code);
        let said = format!("{}{}", run.out(), run.err());
        assert!(said.contains(path), "{mode} does not name {path}:\n{said}");
        assert_eq!(location(&said, path), None, "{path} was parsed:\n{said}");
    }
    if user.is_none() {
        let mut pty = Pty::spawn(&["--file", path], (80, 24), &[]);
        assert_eq!(pty.wait_exit(PATIENCE), code as u32, "{}", pty.screen());
        let raw = pty.raw();
        assert!(!raw.contains(&0x1b), "the terminal was touched: {raw:?}");
        assert!(pty.screen().contains(path), "{}", pty.screen());
    }
}

#[test]
fn missing_files_directories_and_unreadable_files_exit_66() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    refused_unread(d.join("missing.json").to_str().unwrap(), 66, None);
    let sub = d.join("a-directory.json");
    std::fs::create_dir(&sub).unwrap();
    refused_unread(sub.to_str().unwrap(), 66, None);
    let secret = write(d, "secret.json", "[]");
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads anything: run as nobody, who may enter the directory but not the file.
    // SAFETY: geteuid has no preconditions.
    let user = (unsafe { libc::geteuid() } == 0).then(|| {
        std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o755)).unwrap();
        65534
    });
    refused_unread(&secret, 66, user);
}

/// A special file is refused by what it is, not read: 65 or 66, promptly.
fn refused_special(path: &str) {
    let run = reader(&["--file", path, "--check"]);
    let code = run.code.unwrap_or(-1);
    assert!(
        [65, 66].contains(&code),
        "{path}: exit {code}\n{}",
        run.err()
    );
    refused_unread(path, code, None);
}

#[test]
fn fifos_and_devices_are_refused_without_reading() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo.json");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo with a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    // Nobody ever writes to it: a reader that opens it and waits hangs until PATIENCE.
    refused_special(fifo.to_str().unwrap());
    refused_special("/dev/zero");
    let link = dir.path().join("zero.json");
    std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
    refused_special(link.to_str().unwrap());
}

#[test]
fn a_file_over_the_size_cap_is_refused_by_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.json");
    // 64 GiB of which nothing is on disk: a sane cap refuses it by its size at once; a
    // reader that tried to read it would not finish within PATIENCE.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(64 << 30).unwrap();
    refused_unread(path.to_str().unwrap(), 65, None);
}

#[test]
fn a_broken_file_stops_the_interactive_mode_before_the_terminal_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "broken.json",
        "[\n  {\"id\": \"a\", \"title\": \"好\"},\n  {\"id\": \"b\" \"title\": \"坏\"}\n]\n",
    );
    let mut pty = Pty::spawn(&["--file", &path], (80, 24), &[]);
    assert_eq!(pty.wait_exit(PATIENCE), 65);
    let raw = pty.raw();
    assert!(!raw.contains(&0x1b), "the terminal was touched: {raw:?}");
    let screen = pty.screen();
    assert!(location(&screen, &path).is_some(), "{screen}");
}

#[test]
fn left_out_articles_are_counted_on_the_status_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "dups.json",
        r#"[{"id": "a", "title": "一"}, {"id": "a", "title": "二"}, {"id": "b"}]"#,
    );
    let mut pty = Pty::spawn(&["--file", &path], (80, 24), &[]);
    pty.wait_for("2 篇未载入");
    pty.send("q");
    assert_eq!(pty.wait_exit(PATIENCE), 0);
    pty.assert_restored();
}

#[test]
fn paths_with_controls_are_shown_escaped_in_messages() {
    let dir = tempfile::tempdir().unwrap();
    let name = "bad\x1b]0;pwned\x07\u{9b}2J\u{202e}.json";
    let path = write(dir.path(), name, "[{\"id\": \"a\" \"title\": \"x\"}]");
    reader(&["--file", &path, "--check"]).expect(65);
    reader(&["--file", &path, "--list"]).expect(65);
    let missing = dir.path().join(format!("missing-{name}"));
    reader(&["--file", missing.to_str().unwrap(), "--list"]).expect(66);
}
