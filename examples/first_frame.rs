//! Time to the first frame of the real binary in a 120x40 pseudo-terminal, read through
//! a vt100 emulator. Driven by `benches/whole.sh`; run by hand as
//!
//! ```text
//! cargo build --release
//! cargo run --release --example first_frame -- 5 target/release/reader --file /tmp/c.json
//! ```
//!
//! Each run starts the program (the first argument is the number of runs) and reports,
//! in milliseconds from the spawn:
//!
//! - `first_byte`: the first byte on the terminal (entering the alternate screen);
//! - `frame`: the first frame is on screen: the list's title shows 首页 and the
//!   status line, the last row drawn, is there;
//! - `articles`: the list shows articles (the title's count is above 0);
//! - `loaded`: the status line has stopped showing 载入中 (the file is read; the
//!   search index may still be building behind it);
//!
//! and `frame_bytes`, the bytes written up to the first frame, and `peak_mb`, the
//! program's peak resident memory (VmHWM) so far when loading ended (the index may
//! still be building: `load_rss interactive` gives the whole load's peak). Then it
//! types `q` and waits for the exit. The last line gives the median of each figure.
//!
//! `--peer FIRST OPEN` times another reader the same way, for comparison: `frame` is
//! when the screen first shows the text FIRST; then Enter is typed, and `open` is the
//! time from the Enter until the screen shows OPEN; `peak_mb` is taken then. For
//! newsboat:
//! `first_frame 5 --peer '(10000 unread)' 'Articles in feed' newsboat -u urls -c cache.db`.

use std::io::{Read, Write};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const COLS: u16 = 120;
const ROWS: u16 = 40;
/// How long a run may wait for what it expects before it is abandoned.
const PATIENCE: Duration = Duration::from_secs(120);

/// What to wait for.
enum Watch {
    /// This reader: its first frame, its articles, the end of loading.
    Reader,
    /// Another program: a text on its first screen, then a text after Enter.
    Peer { first: String, open: String },
}

/// The program in a pty, its output read on a thread of its own, each piece stamped as
/// it arrives.
struct Session {
    start: Instant,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    pieces: Receiver<(Instant, Vec<u8>)>,
    reading: thread::JoinHandle<()>,
    parser: vt100::Parser,
    bytes: usize,
    first_byte: Option<f64>,
    /// When the last piece arrived (ms from the spawn).
    last: f64,
}

impl Session {
    fn spawn(program: &str, args: &[String]) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(std::env::current_dir().expect("a working directory"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let start = Instant::now();
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        let (tx, pieces) = mpsc::channel();
        let reading = thread::spawn(move || {
            let mut buf = vec![0; 1 << 16];
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                if tx.send((Instant::now(), buf[..n].to_vec())).is_err() {
                    break;
                }
            }
        });
        let size = |n: u16| std::num::NonZero::new(n).expect("a positive size");
        Session {
            start,
            child,
            master: pair.master,
            writer,
            pieces,
            reading,
            parser: vt100::Parser::new(size(ROWS), size(COLS), 0),
            bytes: 0,
            first_byte: None,
            last: 0.0,
        }
    }

    fn ms(&self, t: Instant) -> f64 {
        t.duration_since(self.start).as_secs_f64() * 1e3
    }

    /// Reads output until `done` holds for the screen; returns when it first held (ms
    /// from the spawn). Panics with the screen after [`PATIENCE`].
    fn wait(&mut self, mut done: impl FnMut(&vt100::Screen) -> bool) -> f64 {
        if self.bytes > 0 && done(self.parser.screen()) {
            return self.last;
        }
        let until = Instant::now() + PATIENCE;
        while Instant::now() < until {
            let Ok((at, piece)) = self.pieces.recv_timeout(Duration::from_millis(100)) else {
                continue;
            };
            self.first_byte.get_or_insert(self.ms(at));
            self.bytes += piece.len();
            self.parser.process(&piece);
            self.last = self.ms(at);
            if done(self.parser.screen()) {
                return self.last;
            }
        }
        panic!("waited {PATIENCE:?}:\n{}", self.parser.screen().contents());
    }

    fn type_keys(&mut self, keys: &[u8]) {
        self.writer.write_all(keys).expect("typing");
        self.writer.flush().expect("typing");
    }

    /// The program's peak resident memory so far (VmHWM), in MB.
    fn peak_mb(&self) -> f64 {
        let pid = self.child.process_id().unwrap_or_default();
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
        let kib: f64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
            .unwrap_or_default();
        kib * 1024.0 / 1e6
    }

    fn end(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        drop(self.pieces);
        drop(self.master);
        let _ = self.reading.join();
    }
}

/// One run's figures, in milliseconds (bytes for `frame_bytes`).
#[derive(Clone, Copy, Debug, Default)]
struct Run {
    first_byte: f64,
    frame: f64,
    articles: f64,
    loaded: f64,
    frame_bytes: f64,
    peak_mb: f64,
}

/// The count in the list's title, `… 首页 (N)`, once the whole frame is on screen.
fn listed(screen: &vt100::Screen) -> Option<u64> {
    // ratatui writes a frame top to bottom: it is all there once the status line, the
    // last row, is.
    let status = screen.rows(0, COLS).last().unwrap_or_default();
    if status.trim().is_empty() {
        return None;
    }
    let text = screen.contents();
    let rest = &text[text.find("首页 (")? + "首页 (".len()..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

fn is_loading(screen: &vt100::Screen) -> bool {
    let status = screen.rows(0, COLS).last().unwrap_or_default();
    status.contains("载入中")
}

fn run_reader(program: &str, args: &[String]) -> Run {
    let mut s = Session::spawn(program, args);
    let frame = s.wait(|screen| listed(screen).is_some());
    let frame_bytes = s.bytes as f64;
    let articles = s.wait(|screen| listed(screen).is_some_and(|n| n > 0));
    let loaded = s.wait(|screen| !is_loading(screen));
    let peak_mb = s.peak_mb();
    s.type_keys(b"q");
    let status = s.child.wait().expect("the program exits");
    assert!(status.success(), "exit status {status:?}");
    let run = Run {
        first_byte: s.first_byte.unwrap_or_default(),
        frame,
        articles,
        loaded,
        frame_bytes,
        peak_mb,
    };
    s.end();
    run
}

fn run_peer(program: &str, args: &[String], first: &str, open: &str) -> Run {
    let mut s = Session::spawn(program, args);
    let frame = s.wait(|screen| screen.contents().contains(first));
    let frame_bytes = s.bytes as f64;
    let enter = s.ms(Instant::now());
    s.type_keys(b"\r");
    let opened = s.wait(|screen| screen.contents().contains(open));
    let run = Run {
        first_byte: s.first_byte.unwrap_or_default(),
        frame,
        articles: opened - enter,
        loaded: frame,
        frame_bytes,
        peak_mb: s.peak_mb(),
    };
    s.end();
    run
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: first_frame RUNS [--peer FIRST OPEN] PROGRAM [ARGS...]";
    let (runs, watch, program, rest) = match args.as_slice() {
        [runs, flag, first, open, program, rest @ ..] if flag == "--peer" => {
            let watch = Watch::Peer {
                first: first.clone(),
                open: open.clone(),
            };
            (runs, watch, program, rest)
        }
        [runs, program, rest @ ..] => (runs, Watch::Reader, program, rest),
        _ => panic!("{usage}"),
    };
    let runs: usize = runs.parse().expect(usage);
    // portable-pty looks a relative program up in PATH only.
    let program =
        &std::fs::canonicalize(program).map_or(program.clone(), |p| p.display().to_string());
    let all: Vec<Run> = (0..runs)
        .map(|_| match &watch {
            Watch::Reader => run_reader(program, rest),
            Watch::Peer { first, open } => run_peer(program, rest, first, open),
        })
        .collect();
    let show = |label: &str, r: &Run| match watch {
        Watch::Reader => println!(
            "{label}\tfirst_byte_ms={:.1}\tframe_ms={:.1}\tarticles_ms={:.1}\tloaded_ms={:.1}\tframe_bytes={}\tpeak_mb={:.1}",
            r.first_byte, r.frame, r.articles, r.loaded, r.frame_bytes, r.peak_mb
        ),
        Watch::Peer { .. } => println!(
            "{label}\tfirst_byte_ms={:.1}\tframe_ms={:.1}\topen_ms={:.1}\tframe_bytes={}\tpeak_mb={:.1}",
            r.first_byte, r.frame, r.articles, r.frame_bytes, r.peak_mb
        ),
    };
    for r in &all {
        show("run", r);
    }
    let pick = |f: fn(&Run) -> f64| median(all.iter().map(f).collect());
    let m = Run {
        first_byte: pick(|r| r.first_byte),
        frame: pick(|r| r.frame),
        articles: pick(|r| r.articles),
        loaded: pick(|r| r.loaded),
        frame_bytes: pick(|r| r.frame_bytes),
        peak_mb: pick(|r| r.peak_mb),
    };
    show("median", &m);
}
