//! Sources that are not collection files: missing, a directory, a FIFO, a device,
//! too large, unreadable, and endless input. Each is refused with the right exit
//! code, without blocking and without reading it all.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use reader::load::{LoadError, MAX_BYTES, Source, load, stream_reader};

/// Loads `path` on another thread, failing the test if that takes more than a few
/// seconds (a FIFO or device that blocked the loader would hang here forever).
fn load_in_time(path: &Path) -> Result<usize, LoadError> {
    let (tx, rx) = mpsc::channel();
    let source = Source::Path(path.to_owned());
    std::thread::spawn(move || {
        let _ = tx.send(load(&source).map(|l| l.collection.len()));
    });
    rx.recv_timeout(Duration::from_secs(10))
        .unwrap_or_else(|_| panic!("loading {} blocked", path.display()))
}

fn unreadable_reason(result: Result<usize, LoadError>) -> String {
    match result {
        Err(e @ LoadError::Unreadable { .. }) => {
            assert_eq!(e.exit_code(), 66);
            let LoadError::Unreadable { reason, .. } = e else {
                unreachable!()
            };
            reason
        }
        other => panic!("expected Unreadable, got {other:?}"),
    }
}

#[test]
fn a_missing_file_is_66() {
    let e = load_in_time(Path::new("/nonexistent/articles.json")).unwrap_err();
    assert!(matches!(e, LoadError::NotFound { .. }));
    assert_eq!(e.exit_code(), 66);
    assert_eq!(e.to_string(), "/nonexistent/articles.json: no such file");
}

#[test]
fn a_directory_is_66_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let reason = unreadable_reason(load_in_time(dir.path()));
    assert!(reason.contains("directory"), "{reason}");
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.json");
    let c_path = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo reads a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o644) }, 0);
    let reason = unreadable_reason(load_in_time(&fifo));
    assert!(reason.contains("FIFO"), "{reason}");
}

#[cfg(unix)]
#[test]
fn a_character_device_is_refused_without_reading_it() {
    let reason = unreadable_reason(load_in_time(Path::new("/dev/zero")));
    assert!(reason.contains("character device"), "{reason}");
}

#[test]
fn a_file_over_the_size_cap_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.json");
    // Sparse: it costs no disk, and reading it would take a while.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_BYTES + 1).unwrap();
    let e = load_in_time(&path).unwrap_err();
    assert!(
        matches!(e, LoadError::TooLarge { size, cap, .. } if size == MAX_BYTES + 1 && cap == MAX_BYTES),
        "{e:?}"
    );
    assert_eq!(e.exit_code(), 65);
}

#[test]
fn endless_input_stops_at_the_cap() {
    // An array that never closes, as from `--file - < /dev/urandom`-like input.
    let endless = std::io::repeat(b'[');
    let e = stream_reader("-", Box::new(endless), 1 << 20, &mut |_| true).unwrap_err();
    assert!(
        matches!(e, LoadError::TooLarge { cap, .. } if cap == 1 << 20),
        "{e:?}"
    );
    // Zero bytes are refused at the first one, long before the cap.
    let zeros = std::io::repeat(0).take(MAX_BYTES);
    let e = stream_reader("-", Box::new(zeros), MAX_BYTES, &mut |_| true).unwrap_err();
    assert!(
        matches!(
            e,
            LoadError::Syntax {
                line: 1,
                column: 1,
                ..
            }
        ),
        "{e:?}"
    );
}

#[test]
fn a_reader_is_loaded_like_a_file() {
    let json = r#"[{"id": 1, "title": "一"}, {"id": 2, "title": "二"}]"#;
    let mut count = 0;
    stream_reader(
        "-",
        Box::new(std::io::Cursor::new(json)),
        MAX_BYTES,
        &mut |e| {
            if let reader::load::LoadEvent::Batch(b) = e {
                count += b.articles.len();
            }
            true
        },
    )
    .unwrap();
    assert_eq!(count, 2);
}

#[cfg(unix)]
fn unreadable_file(dir: &Path) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = dir.join("secret.json");
    std::fs::write(&path, "[]").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    path
}

#[cfg(unix)]
#[test]
fn a_file_without_read_permission_is_66() {
    let dir = tempfile::tempdir().unwrap();
    let path = unreadable_file(dir.path());
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        let reason = unreadable_reason(load_in_time(&path));
        assert_eq!(reason, "permission denied");
        return;
    }
    // Root reads anything, so an unprivileged copy of this test binary tries it. The
    // copy lives in the temporary directory: the checkout may sit where an unprivileged
    // user cannot reach (e.g. under /root).
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let exe = dir.path().join("load_sources_test");
    std::fs::copy(std::env::current_exe().unwrap(), &exe).unwrap();
    std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = std::process::Command::new(&exe)
        .args([
            "--exact",
            "unprivileged_load_of_an_unreadable_file",
            "--ignored",
        ])
        .env("READER_TEST_UNREADABLE", &path)
        .uid(65534)
        .gid(65534)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains("1 passed"),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[cfg(unix)]
#[test]
#[ignore = "run by a_file_without_read_permission_is_66 as an unprivileged user"]
fn unprivileged_load_of_an_unreadable_file() {
    let path = std::env::var_os("READER_TEST_UNREADABLE").expect("set by the calling test");
    let reason = unreadable_reason(load_in_time(Path::new(&path)));
    assert_eq!(reason, "permission denied");
}
