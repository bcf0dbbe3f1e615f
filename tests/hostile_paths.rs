//! Paths that are not readable regular files, through the real binary: missing files,
//! directories, files without read permission, FIFOs, devices, files over the size
//! cap, and paths with control characters in their names. Each is refused promptly
//! and unread, with the exit code of DESIGN.md and a message naming it; a broken file
//! stops the interactive mode before the terminal is touched.

mod common;

use std::os::unix::fs::PermissionsExt;

use common::files::{location, write};
use common::run::{Invocation, reader};
use common::{PATIENCE, Pty};

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
fn paths_with_controls_are_shown_cleaned_in_messages() {
    let dir = tempfile::tempdir().unwrap();
    let name = "bad\x1b]0;pwned\x07\u{9b}2J\u{202e}.json";
    let path = write(dir.path(), name, "[{\"id\": \"a\" \"title\": \"x\"}]");
    // The controls are dropped, the rest of the name kept, so the file is still named.
    let shown = format!("{}/bad]0;pwned2J.json", dir.path().display());
    let check = reader(&["--file", &path, "--check"]);
    check.expect(65);
    assert!(
        check.out().starts_with(&format!("{shown}:1:13: ")),
        "{}",
        check.out()
    );
    let list = reader(&["--file", &path, "--list"]);
    list.expect(65);
    assert!(
        list.err().contains(&format!("{shown}:1:13: ")),
        "{}",
        list.err()
    );
    let missing = dir.path().join(format!("missing-{name}"));
    let run = reader(&["--file", missing.to_str().unwrap(), "--list"]);
    run.expect(66);
    let shown = format!("{}/missing-bad]0;pwned2J.json: ", dir.path().display());
    assert!(run.err().contains(&shown), "{}", run.err());
}
