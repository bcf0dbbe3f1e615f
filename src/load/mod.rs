//! Reading a collection: JSON array, `{"title", "articles"}` object or JSONL, from a
//! file or standard input; validation, text cleaning and located errors.
//!
//! [`stream`] hands articles over in batches as it goes, so the screen can show the
//! first ones while a large file is still being read; [`load`] collects them all.
//! The format, the cleaning rules and the messages are described for users in
//! `docs/format.md`; the design and its costs in `docs/loading.md`.
//!
//! The parts, in the order the data goes through them:
//! - `input` opens a source, refusing directories, FIFOs, devices and oversized files;
//! - `pipeline` runs the load: a reader thread reads pieces, either thread parses;
//! - `frame` (with `scan`) cuts pieces into articles without parsing them;
//! - `parse` turns a piece into outcomes: `recover` decodes each article into the
//!   borrowed `wire` types (field by field when something is wrong), `article`
//!   checks it and builds the model article, with text cleaned by `clean`;
//! - `accept` takes outcomes in file order: duplicate ids, batches, problems,
//!   progress; `position` turns byte offsets into lines and columns.

mod accept;
mod article;
mod clean;
mod error;
mod frame;
mod input;
mod parse;
mod pipeline;
mod position;
mod recover;
mod scan;
mod wire;

use std::io::Read;
use std::path::{Path, PathBuf};

pub use clean::{MAX_COMBINING_MARKS, clean, cleaning_changes};
pub use error::{LoadError, Location, Problem, Severity};

use crate::model::{Batch, Collection};

/// Where the collection comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A file on disk.
    Path(PathBuf),
    /// Standard input (`--file -`).
    Stdin,
    /// Bytes compiled into the binary (the built-in sample).
    Embedded {
        /// The name used in messages.
        name: &'static str,
        /// The collection's JSON.
        bytes: &'static [u8],
    },
}

impl Source {
    /// The name used in messages: the path as given (cleaned, on one line), or `-`.
    pub fn display_name(&self) -> String {
        match self {
            Source::Path(p) => clean::one_line(&p.display().to_string(), usize::MAX),
            Source::Stdin => "-".to_owned(),
            Source::Embedded { name, .. } => clean::one_line(name, usize::MAX),
        }
    }
}

/// The largest collection the reader accepts: 2 GiB. A larger file is refused before
/// it is read; standard input is refused once it passes the limit.
pub const MAX_BYTES: u64 = 2 << 30;

/// The sample collection compiled into the binary, opened by a plain `reader`.
pub const SAMPLE: Source = Source::Embedded {
    name: "data/articles.json",
    bytes: include_bytes!("../../data/articles.json"),
};

/// How far a load has come.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Bytes read so far.
    pub bytes: u64,
    /// The file's size, when known (not for standard input).
    pub total: Option<u64>,
    /// Articles handed over so far.
    pub articles: usize,
    /// Articles left out so far.
    pub left_out: usize,
}

/// What a running load reports, in order.
#[derive(Debug)]
pub enum LoadEvent {
    /// The collection's own title, as soon as it is known.
    Title(String),
    /// More valid articles, in file order, ids not seen before.
    Batch(Batch),
    /// Problems found since the last event (articles left out, warnings).
    Problems(Vec<Problem>),
    /// How far the load has come.
    Progress(Progress),
}

/// A finished load: the collection and every problem found on the way.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The valid articles.
    pub collection: Collection,
    /// Everything left out or worth a warning, in file order.
    pub problems: Vec<Problem>,
}

/// Reads `source`, handing each event to `sink` as soon as it is ready. Returns when
/// the source is exhausted, or with the error that stopped it (events already handed
/// over stay valid). A `sink` returning `false` stops the load early.
///
/// A file or standard input is read on a thread of its own while this thread parses;
/// `sink` is called on this thread. Run it on a background thread to keep a screen
/// responsive: the first batch arrives after the first megabyte.
pub fn stream(source: &Source, sink: &mut dyn FnMut(LoadEvent) -> bool) -> Result<(), LoadError> {
    let name = source.display_name();
    let opened = match source {
        Source::Path(path) => input::open_path(path, &name, MAX_BYTES)?,
        Source::Stdin => input::open_stdin(&name)?,
        Source::Embedded { bytes, .. } => input::Opened::Memory(bytes),
    };
    let hint = match source {
        Source::Path(path) => hint_for(path),
        Source::Stdin => frame::Hint::Sniff,
        Source::Embedded { name, .. } => hint_for(Path::new(name)),
    };
    match opened {
        input::Opened::Memory(bytes) => pipeline::run_memory(name, bytes, hint, sink),
        input::Opened::Stream { reader, total } => {
            pipeline::run_stream(name, reader, total, hint, MAX_BYTES, sink)
        }
    }
}

/// Like [`stream`], for a collection already in memory; `name` is used in messages
/// and its extension chooses JSONL as for a file.
pub fn stream_bytes(
    name: &str,
    bytes: &[u8],
    sink: &mut dyn FnMut(LoadEvent) -> bool,
) -> Result<(), LoadError> {
    let hint = hint_for(Path::new(name));
    pipeline::run_memory(clean::one_line(name, usize::MAX), bytes, hint, sink)
}

/// Like [`stream`], for any reader (standard input is one): at most `max_bytes` are
/// accepted; `name` is used in messages and its extension chooses JSONL.
pub fn stream_reader(
    name: &str,
    reader: Box<dyn Read + Send>,
    max_bytes: u64,
    sink: &mut dyn FnMut(LoadEvent) -> bool,
) -> Result<(), LoadError> {
    let hint = hint_for(Path::new(name));
    pipeline::run_stream(
        clean::one_line(name, usize::MAX),
        reader,
        None,
        hint,
        max_bytes,
        sink,
    )
}

/// Reads a collection already in memory (see [`stream_bytes`]).
pub fn load_bytes(name: &str, bytes: &[u8]) -> Result<Loaded, LoadError> {
    collect(|sink| stream_bytes(name, bytes, sink))
}

/// JSONL for `.jsonl` and `.ndjson` names; otherwise decided from the content.
fn hint_for(path: &Path) -> frame::Hint {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    if ext.eq_ignore_ascii_case("jsonl") || ext.eq_ignore_ascii_case("ndjson") {
        frame::Hint::Lines
    } else {
        frame::Hint::Sniff
    }
}

/// Reads all of `source` into a collection.
pub fn load(source: &Source) -> Result<Loaded, LoadError> {
    collect(|sink| stream(source, sink))
}

/// Runs a streaming load and gathers its events.
fn collect(
    run: impl FnOnce(&mut dyn FnMut(LoadEvent) -> bool) -> Result<(), LoadError>,
) -> Result<Loaded, LoadError> {
    let mut loaded = Loaded::default();
    run(&mut |event| {
        match event {
            LoadEvent::Title(t) => loaded.collection.title = Some(t),
            LoadEvent::Batch(batch) => {
                loaded.collection.extend(batch);
            }
            LoadEvent::Problems(p) => loaded.problems.extend(p),
            LoadEvent::Progress(_) => {}
        }
        true
    })?;
    Ok(loaded)
}
