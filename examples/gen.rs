//! Writes a synthetic collection of realistic Chinese articles, for tests and
//! benchmarks at scale.
//!
//! ```text
//! cargo run --release --example gen -- --articles 100000 > /tmp/100k.json
//! cargo run --release --example gen -- --articles 10000 --format jsonl -o /tmp/10k.jsonl
//! cargo run --release --example gen -- -n 10000 --bodies blocks -o /tmp/10k-blocks.json
//! ```
//!
//! The same options always give the same bytes. Output is streamed, one article at a
//! time, so any size can be written in constant memory.

#[path = "gen/synth/mod.rs"]
mod synth;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};

use synth::{Bodies, Format, Options, Size, Synth};

/// Writes N synthetic Chinese news articles as a `reader` collection.
#[derive(Debug, Parser)]
#[command(name = "gen")]
struct Args {
    /// How many articles.
    #[arg(long, short = 'n')]
    articles: usize,
    /// JSON array or one object per line.
    #[arg(long, value_enum, default_value_t = FormatArg::Json)]
    format: FormatArg,
    /// Picks the collection; the same seed gives the same bytes.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Short bodies (about a tenth of the usual 4.5 KB per article).
    #[arg(long)]
    small: bool,
    /// Body form: a mix (the default), all strings, or all block arrays.
    #[arg(long, value_enum, default_value_t = BodiesArg::Mixed)]
    bodies: BodiesArg,
    /// Write here instead of standard output.
    #[arg(long, short = 'o')]
    output: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum BodiesArg {
    Mixed,
    Text,
    Blocks,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum FormatArg {
    Json,
    Jsonl,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let synth = Synth::new(Options {
        articles: args.articles,
        seed: args.seed,
        size: if args.small { Size::Small } else { Size::Full },
    })
    .with_bodies(match args.bodies {
        BodiesArg::Mixed => Bodies::Mixed,
        BodiesArg::Text => Bodies::Text,
        BodiesArg::Blocks => Bodies::Blocks,
    });
    let format = match args.format {
        FormatArg::Json => Format::Json,
        FormatArg::Jsonl => Format::Jsonl,
    };
    let result = match &args.output {
        Some(path) => File::create(path).and_then(|f| write(&synth, f, format)),
        None => write(&synth, io::stdout().lock(), format),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`gen … | head`) is a normal way to stop.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen: {e}");
            ExitCode::FAILURE
        }
    }
}

fn write(synth: &Synth, out: impl Write, format: Format) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 20, out);
    synth.write(&mut out, format)
}
