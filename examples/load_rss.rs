//! Whole-process figures for loading: the time and peak resident memory (VmHWM) of one
//! load in a process of its own, ours or the serde_json baseline. Driven by
//! `benches/load_rss.sh` and `benches/whole.sh`; run by hand as
//!
//! ```text
//! cargo run --release --example gen -- -n 10000 --bodies text -o /tmp/c.json
//! cargo run --release --example load_rss -- reader /tmp/c.json
//! cargo run --release --example load_rss -- interactive /tmp/c.json
//! cargo run --release --example load_rss -- baseline /tmp/c.json
//! ```
//!
//! - `reader`: `load::load`, the articles only (what `--check` and `--list` need).
//! - `interactive`: the load the interactive screen runs: `library::spawn_load` with
//!   the search index, applied to a `Library` (articles, 热门/最新 ranks, index). It
//!   reports when the last article arrived (`loaded_s`, and the peak memory until
//!   then) and when the last index segment did (`seconds`).
//! - `baseline`: serde_json alone, into plain structs with owned strings.
//!
//! Each prints one line of `key=value` fields. What was built is leaked rather than
//! dropped, so a run measures the load and nothing after it, the same for every mode.

#[path = "../benches/support/plain.rs"]
mod plain;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

use reader::library::{self, Indexing, Library, Update};
use reader::load::{self, Source};

const USAGE: &str = "usage: load_rss reader|interactive|baseline PATH";

/// Peak resident set size in bytes, from /proc/self/status.
fn peak_rss() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kib: Option<u64> = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok());
    kib.unwrap_or(0) * 1024
}

/// The interactive screen's load: articles, ranks and index. Returns the articles, the
/// seconds until the last article and the peak memory until then.
fn interactive(path: PathBuf, start: Instant) -> (usize, f64, u64) {
    let source = Source::Path(path);
    let mut library = Library::new(source.display_name());
    let (tx, rx) = mpsc::channel();
    library::spawn_load(source, Indexing::Search, tx);
    let mut loaded = None;
    for update in rx {
        if let Update::Finished(result) = &update {
            result.as_ref().expect("loads");
            loaded = Some((start.elapsed().as_secs_f64(), peak_rss()));
        }
        library.apply(update);
    }
    let (secs, peak) = loaded.expect("the loader finishes");
    assert_eq!(library.index.len(), library.collection.len(), "all indexed");
    let n = library.collection.len();
    std::mem::forget(library);
    (n, secs, peak)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mode, path) = match args.as_slice() {
        [mode, path] => (mode.as_str(), Path::new(path)),
        _ => panic!("{USAGE}"),
    };
    let size = std::fs::metadata(path).expect("file").len();
    let start = Instant::now();
    let mut extra = String::new();
    let articles = match mode {
        "reader" => {
            let loaded = load::load(&Source::Path(path.into())).expect("loads");
            let n = loaded.collection.len();
            std::mem::forget(loaded);
            n
        }
        "interactive" => {
            let (n, secs, peak) = interactive(path.into(), start);
            extra = format!(
                "\tloaded_s={secs:.3}\tloaded_peak_mb={:.1}",
                peak as f64 / 1e6
            );
            n
        }
        "baseline" => {
            let parsed = plain::read(path);
            let n = parsed.len();
            std::mem::forget(parsed);
            n
        }
        _ => panic!("{USAGE}"),
    };
    let secs = start.elapsed().as_secs_f64();
    let rss = peak_rss();
    println!(
        "{mode}\tarticles={articles}\tfile_mb={:.1}\tseconds={secs:.3}\tpeak_rss_mb={:.1}\trss_over_file={:.2}{extra}",
        size as f64 / 1e6,
        rss as f64 / 1e6,
        rss as f64 / size as f64
    );
}
