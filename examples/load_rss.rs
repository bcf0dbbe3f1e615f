//! Whole-process figures for loading: time and peak resident memory (VmHWM) of one
//! load, ours or the serde_json baseline, in a process of its own. Driven by
//! `benches/load_rss.sh`; run by hand as
//!
//! ```text
//! cargo run --release --example load_rss -- gen 10000 text /tmp/c.json
//! cargo run --release --example load_rss -- reader /tmp/c.json
//! cargo run --release --example load_rss -- baseline-text /tmp/c.json
//! ```

use std::path::Path;
use std::time::Instant;

#[path = "../benches/support/gen.rs"]
mod generator;

use generator::{BodyForm, Layout};

fn body_form(s: &str) -> BodyForm {
    match s {
        "blocks" => BodyForm::Blocks,
        _ => BodyForm::Text,
    }
}

/// Peak resident set size in KiB, from /proc/self/status.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: load_rss gen N text|blocks PATH[.jsonl] | reader PATH | baseline-text PATH | baseline-blocks PATH";
    let (mode, path) = match args.as_slice() {
        [mode, n, form, path] if mode == "gen" => {
            let layout = if path.ends_with(".jsonl") {
                Layout::Lines
            } else {
                Layout::Array
            };
            let n: usize = n.parse().expect(usage);
            generator::write_file(Path::new(path), n, body_form(form), layout).expect("writing");
            return;
        }
        [mode, path] => (mode.as_str(), Path::new(path)),
        _ => panic!("{usage}"),
    };
    let size = std::fs::metadata(path).expect("file").len();
    let start = Instant::now();
    let articles = match mode {
        "reader" => {
            let loaded =
                reader::load::load(&reader::load::Source::Path(path.into())).expect("loads");
            let n = loaded.collection.len();
            std::mem::forget(loaded); // measured up to here, like the baseline
            n
        }
        "baseline-text" | "baseline-blocks" => {
            let form = body_form(mode.trim_start_matches("baseline-"));
            let parsed = generator::baseline(path, form);
            let n = parsed.len();
            std::mem::forget(parsed); // measured up to here, like ours
            n
        }
        _ => panic!("{usage}"),
    };
    let secs = start.elapsed().as_secs_f64();
    let rss = peak_rss_kib().unwrap_or(0) * 1024;
    println!(
        "{mode}\tarticles={articles}\tfile_mb={:.1}\tseconds={secs:.3}\tpeak_rss_mb={:.1}\trss_over_file={:.2}",
        size as f64 / 1e6,
        rss as f64 / 1e6,
        rss as f64 / size as f64
    );
}
