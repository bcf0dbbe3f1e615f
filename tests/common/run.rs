//! Running the reader without a terminal (plain modes, refusals) with a time limit, so
//! a reader that blocks on a FIFO or reads all of `/dev/zero` fails the test instead of
//! hanging it.

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use super::{PATIENCE, audit, reader_bin};

/// What a finished run left behind.
#[derive(Debug)]
pub struct Run {
    /// The command line, for messages.
    pub args: Vec<String>,
    /// The exit code; `None` when a signal ended the process.
    pub code: Option<i32>,
    /// Everything written to standard output.
    pub stdout: Vec<u8>,
    /// Everything written to standard error.
    pub stderr: Vec<u8>,
}

impl Run {
    /// Standard output as text.
    pub fn out(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    /// Standard error as text.
    pub fn err(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }

    /// Asserts the exit code, no panic, and plain output on both streams: no escape
    /// sequence, no control but newline and tab, no invisible character.
    #[track_caller]
    pub fn expect(&self, code: i32) -> &Self {
        let err = self.err();
        assert!(
            !err.contains("panicked") && self.code != Some(101),
            "{:?} panicked:\n{err}",
            self.args
        );
        assert_eq!(
            self.code,
            Some(code),
            "{:?} exit code\nstdout:\n{}\nstderr:\n{err}",
            self.args,
            self.out()
        );
        audit::ok(
            &format!("{:?} stdout", self.args),
            audit::check_plain(&self.stdout),
        );
        audit::ok(
            &format!("{:?} stderr", self.args),
            audit::check_plain(&self.stderr),
        );
        self
    }
}

/// A reader command line to run without a terminal: standard input empty, standard
/// output and error captured, TERM=xterm-256color and no NO_COLOR unless changed.
pub struct Invocation {
    args: Vec<String>,
    cmd: Command,
}

impl Invocation {
    /// `reader ARGS`.
    pub fn new<S: AsRef<str>>(args: &[S]) -> Invocation {
        let args: Vec<String> = args.iter().map(|a| a.as_ref().to_owned()).collect();
        let mut cmd = Command::new(reader_bin());
        cmd.args(&args)
            .current_dir(std::env::temp_dir())
            .env("TERM", "xterm-256color")
            .env_remove("NO_COLOR")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        Invocation { args, cmd }
    }

    /// Sets an environment variable.
    pub fn env(mut self, key: &str, value: &str) -> Invocation {
        self.cmd.env(key, value);
        self
    }

    /// Runs as user and group `id` (to test permissions when the tests run as root).
    pub fn user(mut self, id: u32) -> Invocation {
        self.cmd.uid(id).gid(id);
        self
    }

    /// Runs it; panics when it does not finish within [`PATIENCE`] (and kills it).
    pub fn run(mut self) -> Run {
        let mut child = self.cmd.spawn().expect("start reader");
        let drain = |mut pipe: Box<dyn Read + Send>| {
            thread::spawn(move || {
                let mut buf = Vec::new();
                let _ = pipe.read_to_end(&mut buf);
                buf
            })
        };
        let stdout = drain(Box::new(child.stdout.take().expect("stdout")));
        let stderr = drain(Box::new(child.stderr.take().expect("stderr")));
        let start = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait") {
                break status;
            }
            if start.elapsed() > PATIENCE {
                let _ = child.kill();
                let _ = child.wait();
                panic!("{:?} did not finish within {PATIENCE:?}", self.args);
            }
            thread::sleep(Duration::from_millis(5));
        };
        Run {
            args: self.args,
            code: status.code(),
            stdout: stdout.join().expect("stdout reader"),
            stderr: stderr.join().expect("stderr reader"),
        }
    }
}

/// `reader ARGS`, run with the defaults of [`Invocation`].
pub fn reader<S: AsRef<str>>(args: &[S]) -> Run {
    Invocation::new(args).run()
}
