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
//! and `frame_bytes`, the bytes written up to the first frame. Then it types `q` and
//! waits for the exit. The last line gives the median of each figure.

use std::io::{Read, Write};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const COLS: u16 = 120;
const ROWS: u16 = 40;
/// How long a run may take before it is abandoned.
const PATIENCE: Duration = Duration::from_secs(120);

/// One run's figures, in milliseconds (bytes for `frame_bytes`).
#[derive(Clone, Copy, Debug, Default)]
struct Run {
    first_byte: f64,
    frame: f64,
    articles: f64,
    loaded: f64,
    frame_bytes: f64,
}

/// The count in the list's title, `… 首页 (N)`, if the title is on screen.
fn listed(screen: &str) -> Option<u64> {
    let rest = &screen[screen.find("首页 (")? + "首页 (".len()..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

fn run_once(program: &str, args: &[String]) -> Run {
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
    let mut writer = pair.master.take_writer().expect("pty writer");
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).expect("spawn");
    drop(pair.slave);

    // The pty is read on a thread of its own, each piece stamped as it arrives.
    let (tx, rx) = mpsc::channel::<(Instant, Vec<u8>)>();
    let reading = thread::spawn(move || {
        let mut buf = vec![0; 1 << 16];
        while let Ok(n @ 1..) = reader.read(&mut buf) {
            if tx.send((Instant::now(), buf[..n].to_vec())).is_err() {
                break;
            }
        }
    });

    let ms = |t: Instant| t.duration_since(start).as_secs_f64() * 1e3;
    let size = |n: u16| std::num::NonZero::new(n).expect("a positive size");
    let mut parser = vt100::Parser::new(size(ROWS), size(COLS), 0);
    let mut run = Run::default();
    let mut bytes = 0;
    let (mut frame, mut articles, mut loaded) = (false, false, false);
    while !loaded && start.elapsed() < PATIENCE {
        let Ok((at, piece)) = rx.recv_timeout(Duration::from_millis(100)) else {
            continue;
        };
        if bytes == 0 {
            run.first_byte = ms(at);
        }
        bytes += piece.len();
        parser.process(&piece);
        let screen = parser.screen().contents();
        // ratatui writes a frame top to bottom: it is all there once the status line,
        // the last row, is.
        let status = parser.screen().rows(0, COLS).last().unwrap_or_default();
        let count = listed(&screen).filter(|_| !status.trim().is_empty());
        if !frame && count.is_some() {
            frame = true;
            run.frame = ms(at);
            run.frame_bytes = bytes as f64;
        }
        if !articles && count.is_some_and(|n| n > 0) {
            articles = true;
            run.articles = ms(at);
        }
        if frame && !status.contains("载入中") {
            loaded = true;
            run.loaded = ms(at);
        }
    }
    assert!(
        loaded,
        "no frame within {PATIENCE:?}:\n{}",
        parser.screen().contents()
    );
    writer.write_all(b"q").expect("typing q");
    writer.flush().expect("typing q");
    let status = child.wait().expect("the program exits");
    assert!(status.success(), "exit status {status:?}");
    drop(rx);
    drop(pair.master);
    let _ = reading.join();
    run
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [runs, program, rest @ ..] = args.as_slice() else {
        panic!("usage: first_frame RUNS PROGRAM [ARGS...]");
    };
    let runs: usize = runs.parse().expect("a number of runs");
    // portable-pty looks a relative program up in PATH only.
    let program =
        &std::fs::canonicalize(program).map_or(program.clone(), |p| p.display().to_string());
    let all: Vec<Run> = (0..runs).map(|_| run_once(program, rest)).collect();
    let show = |label: &str, r: &Run| {
        println!(
            "{label}\tfirst_byte_ms={:.1}\tframe_ms={:.1}\tarticles_ms={:.1}\tloaded_ms={:.1}\tframe_bytes={}",
            r.first_byte, r.frame, r.articles, r.loaded, r.frame_bytes
        )
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
    };
    show("median", &m);
}
