//! Broken and hostile file contents, through the real binary (`--check`, `--list` and
//! the interactive mode): the exit code of DESIGN.md, a message that says where
//! (`PATH:LINE:COL` or `PATH: article ID`), no panic, no escape code on stdout or
//! stderr, valid articles kept and the ones left out reported. Paths that are not
//! readable files are in `hostile_paths.rs`.

mod common;

use common::files::{listed_ids, location, names_article, write};
use common::run::reader;
use common::{PATIENCE, Pty};

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
            // The nested entry is left out and said to be; the rest is listed.
            let list = reader(&["--file", &path, "--list"]);
            list.expect(0);
            assert!(list.err().contains("1 articles left out"), "{}", list.err());
            let ids = listed_ids(&list);
            assert!(!ids.contains(&"deep".to_owned()), "{}", list.out());
            assert_eq!(
                ids.contains(&"ok".to_owned()),
                path.contains("inner"),
                "{ids:?}"
            );
        }
    }
}

/// `--check` reports a problem with the article it is in: a warning (exit 0, the text
/// repaired) or an error (exit 65, the article left out).
fn reported(path: &str, id: &str, error: bool) {
    let check = reader(&["--file", path, "--check"]);
    check.expect(if error { 65 } else { 0 });
    let out = check.out();
    let kind = if error { "left out" } else { "warning" };
    let line = format!("{path}: article {id}: ");
    assert!(
        out.lines()
            .any(|l| l.starts_with(&line) && l.contains(kind)),
        "no {kind} for article {id}:\n{out}"
    );
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
    for (path, id) in [(surrogate, "s"), (utf8, "u")] {
        // The text is repaired with U+FFFD and the article kept, with a warning.
        reported(&path, id, false);
        let list = reader(&["--file", &path, "--list"]);
        list.expect(0);
        assert_eq!(listed_ids(&list), ["ok", id], "{}", list.out());
        assert!(list.out().contains('\u{FFFD}'), "{}", list.out());
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
fn negative_views_leave_the_article_out() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "views.json",
        r#"[{"id": "v", "title": "负", "views": -5}, {"id": "ok", "title": "好"}]"#,
    );
    reported(&path, "v", true);
    let list = reader(&["--file", &path, "--list"]);
    list.expect(0);
    assert_eq!(listed_ids(&list), ["ok"], "{}", list.out());
    assert!(list.err().contains("1 articles left out"), "{}", list.err());
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
