//! A pseudo-terminal harness for end-to-end tests: runs the real `reader` binary in a
//! pty of a given size, types keys, reads the screen through a vt100 emulator, and
//! keeps every byte the program wrote for assertions on the raw stream.

#![allow(dead_code)] // each test binary uses a different part of the harness

pub mod audit;
pub mod files;
pub mod fixtures;
pub mod run;
mod sys;
pub mod widths;

pub use sys::cpu_ticks;
use sys::read_output;

use std::io::Write;
use std::num::NonZeroU16;
use std::os::fd::FromRawFd;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long a test waits for the screen to show something before it fails.
pub const PATIENCE: Duration = Duration::from_secs(10);

/// Shared between the test and the thread reading the pty.
struct Output {
    parser: vt100::Parser,
    raw: Vec<u8>,
    closed: bool,
}

/// The reader running in a pseudo-terminal.
pub struct Pty {
    master: Option<Box<dyn MasterPty + Send>>,
    child: Box<dyn Child + Send + Sync>,
    writer: Option<std::fs::File>,
    output: Arc<Mutex<Output>>,
    /// Tells the reading thread to let go of the pty.
    stop: Arc<AtomicBool>,
    reading: Option<thread::JoinHandle<()>>,
}

/// The `reader` binary built for this test run.
pub fn reader_bin() -> &'static str {
    env!("CARGO_BIN_EXE_reader")
}

impl Pty {
    /// Starts `reader ARGS` in a `cols`x`rows` terminal with TERM=xterm-256color and
    /// without NO_COLOR, plus `env`.
    pub fn spawn(args: &[&str], size: (u16, u16), env: &[(&str, &str)]) -> Pty {
        let mut cmd = Pty::command(reader_bin(), args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        Pty::spawn_command(cmd, size)
    }

    /// `program ARGS` set up as [`Pty::spawn`] runs the reader (TERM=xterm-256color, no
    /// NO_COLOR, the temporary directory as working directory), to adjust before
    /// [`Pty::spawn_command`].
    pub fn command(program: &str, args: &[&str]) -> CommandBuilder {
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(std::env::temp_dir());
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd
    }

    /// Starts `cmd` in a `cols`x`rows` terminal.
    pub fn spawn_command(cmd: CommandBuilder, (cols, rows): (u16, u16)) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let child = pair.slave.spawn_command(cmd).expect("spawn reader");
        drop(pair.slave);
        // Our own duplicate of the master to read from, polled with a timeout, so that
        // `hang_up` can stop the reading thread and really close every master fd.
        let fd = pair.master.as_raw_fd().expect("pty fd");
        // SAFETY: dup(2) of an open fd; the new fd is owned by the File alone.
        let reader = unsafe { std::fs::File::from_raw_fd(libc::dup(fd)) };
        // And one to write to: portable-pty's writer types a newline and Ctrl-D when
        // it is dropped, which a terminal that hangs up does not.
        // SAFETY: as above.
        let writer = unsafe { std::fs::File::from_raw_fd(libc::dup(fd)) };
        let output = Arc::new(Mutex::new(Output {
            parser: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
            raw: Vec::new(),
            closed: false,
        }));
        let stop = Arc::new(AtomicBool::new(false));
        let reading = {
            let (sink, stop) = (Arc::clone(&output), Arc::clone(&stop));
            thread::spawn(move || read_output(reader, &sink, &stop))
        };
        Pty {
            master: Some(pair.master),
            child,
            writer: Some(writer),
            output,
            stop,
            reading: Some(reading),
        }
    }

    /// The screen's text, rows joined by newlines.
    pub fn screen(&self) -> String {
        self.output.lock().unwrap().parser.screen().contents()
    }

    /// Runs `f` on the emulated screen.
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.output.lock().unwrap().parser.screen())
    }

    /// Every byte the program has written so far.
    pub fn raw(&self) -> Vec<u8> {
        self.output.lock().unwrap().raw.clone()
    }

    /// How many bytes the program has written so far.
    pub fn raw_len(&self) -> usize {
        self.output.lock().unwrap().raw.len()
    }

    /// Waits until the screen contains `needle`; panics with the screen if it never does.
    pub fn wait_for(&self, needle: &str) {
        self.wait_until(&format!("screen to show {needle:?}"), |s| {
            s.contains(needle)
        });
    }

    /// Waits until `test` holds for the screen text.
    /// It holds only once the program has paused writing: a frame arrives in pieces,
    /// and a check right after its first rows would see the rest missing.
    pub fn wait_until(&self, what: &str, test: impl Fn(&str) -> bool) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if test(&self.screen()) {
                self.settle(Duration::from_millis(30));
                if test(&self.screen()) {
                    return;
                }
            }
            thread::sleep(Duration::from_millis(20));
        }
        panic!("timed out waiting for {what}; screen:\n{}", self.screen());
    }

    /// Waits until the program has written nothing for `quiet`.
    pub fn settle(&self, quiet: Duration) {
        let mut last = self.raw_len();
        let mut since = Instant::now();
        let start = Instant::now();
        while since.elapsed() < quiet && start.elapsed() < PATIENCE {
            thread::sleep(Duration::from_millis(10));
            let now = self.raw_len();
            if now != last {
                last = now;
                since = Instant::now();
            }
        }
    }

    /// Types `bytes` as if at the keyboard. Writes in small pieces, each once the
    /// terminal has room, so a program that stops reading its input fails the test
    /// after [`PATIENCE`] instead of hanging it.
    pub fn send(&mut self, bytes: impl AsRef<[u8]>) {
        let fd = self.master_fd();
        let writer = self.writer.as_mut().expect("pty still open");
        for piece in bytes.as_ref().chunks(64) {
            let mut poll = libc::pollfd {
                fd,
                events: libc::POLLOUT,
                revents: 0,
            };
            let patience = PATIENCE.as_millis() as i32;
            // SAFETY: poll(2) on one valid pollfd.
            let ready = unsafe { libc::poll(&mut poll, 1, patience) };
            assert!(ready > 0, "the program stopped reading its input");
            writer.write_all(piece).unwrap();
        }
        writer.flush().unwrap();
    }

    fn master_fd(&self) -> i32 {
        let master = self.master.as_ref().expect("pty still open");
        master.as_raw_fd().expect("pty fd")
    }

    /// Resizes the terminal (the program gets SIGWINCH).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .as_ref()
            .expect("pty still open")
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        // The emulator has no 0x0 screen; the program does see 0x0.
        let mut out = self.output.lock().unwrap();
        out.parser
            .screen_mut()
            .set_size(nonzero(rows), nonzero(cols));
    }

    /// The program's process id.
    pub fn pid(&self) -> i32 {
        self.child.process_id().expect("child pid") as i32
    }

    /// Sends `signal` to the program.
    pub fn signal(&self, signal: i32) {
        // SAFETY: kill(2) with a pid we spawned and a valid signal number.
        assert_eq!(unsafe { libc::kill(self.pid(), signal) }, 0);
    }

    /// Waits for the program to exit and returns its exit code; panics after `limit`.
    pub fn wait_exit(&mut self, limit: Duration) -> u32 {
        let start = Instant::now();
        while start.elapsed() < limit {
            if let Some(status) = self.child.try_wait().unwrap() {
                self.drain();
                return status.exit_code();
            }
            thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        panic!(
            "reader did not exit within {limit:?}; screen:\n{}",
            self.screen()
        );
    }

    /// Waits until everything the program wrote before it exited has been read (the
    /// pty reports end of file), so checks on the screen see its last bytes.
    fn drain(&self) {
        let start = Instant::now();
        while !self.output.lock().unwrap().closed && start.elapsed() < PATIENCE {
            thread::sleep(Duration::from_millis(5));
        }
    }

    /// Whether the program is still running.
    pub fn running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    /// CPU time the program has used so far, in clock ticks (user + system, from
    /// `/proc/PID/stat`); `None` once the process is gone.
    pub fn cpu_ticks(&self) -> Option<u64> {
        cpu_ticks(self.pid())
    }

    /// Closes our side of the pty, as an SSH connection that drops would: every
    /// master fd, so the program's terminal hangs up.
    pub fn hang_up(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(reading) = self.reading.take() {
            reading.join().expect("reading thread");
        }
        self.writer = None;
        self.master = None;
    }

    /// Asserts the terminal is back to normal: main screen, cursor shown, paste mode
    /// off, and the line discipline in cooked mode with echo.
    pub fn assert_restored(&self) {
        // Read under the lock, assert after it: a failure must not poison the harness.
        let (alternate, hidden, paste) =
            self.with_screen(|s| (s.alternate_screen(), s.hide_cursor(), s.bracketed_paste()));
        assert!(!alternate, "still in the alternate screen");
        assert!(!hidden, "cursor still hidden");
        assert!(!paste, "bracketed paste still on");
        let fd = self.master_fd();
        // SAFETY: tcgetattr on an open pty master fd into a zeroed termios.
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        assert_eq!(unsafe { libc::tcgetattr(fd, &mut t) }, 0);
        assert!(t.c_lflag & libc::ICANON != 0, "terminal left in raw mode");
        assert!(t.c_lflag & libc::ECHO != 0, "echo left off");
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
        }
    }
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n.max(1)).expect("at least 1")
}
