//! Reading a collection: JSON array, `{"title", "articles"}` object or JSONL, from a
//! file or standard input; validation, text cleaning and located errors.
//!
//! [`stream`] hands articles over in batches as it goes, so the screen can show the
//! first ones while a large file is still being read; [`load`] collects them all.

mod error;
mod wire;

use std::path::PathBuf;

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
    /// The name used in messages: the path as given, or `-`.
    pub fn display_name(&self) -> String {
        match self {
            Source::Path(p) => p.display().to_string(),
            Source::Stdin => "-".to_owned(),
            Source::Embedded { name, .. } => (*name).to_owned(),
        }
    }
}

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
pub fn stream(source: &Source, sink: &mut dyn FnMut(LoadEvent) -> bool) -> Result<(), LoadError> {
    wire::stream(source, sink)
}

/// Reads all of `source` into a collection.
pub fn load(source: &Source) -> Result<Loaded, LoadError> {
    let mut loaded = Loaded::default();
    stream(source, &mut |event| {
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
