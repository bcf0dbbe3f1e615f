//! The loaded articles with their rankings and search index, and how the load is going.

use crate::load::{LoadEvent, Problem, Progress, Severity};
use crate::model::Collection;
use crate::rank::{Index, Ranks};

/// How many problems are kept for display; the rest are only counted.
const KEEP_PROBLEMS: usize = 1000;

/// Where the load stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadState {
    /// Still reading.
    Loading(Progress),
    /// Everything was read.
    Done,
    /// Reading stopped with this error; what was read before stays.
    Failed(String),
}

/// The articles and everything computed over them.
#[derive(Debug)]
pub struct Library {
    /// The file name shown in messages.
    pub source_name: String,
    /// The valid articles.
    pub collection: Collection,
    /// 热门 / 最新 orders.
    pub ranks: Ranks,
    /// Search and similarity.
    pub index: Index,
    /// The first problems found, in file order.
    pub problems: Vec<Problem>,
    /// Articles left out so far.
    pub left_out: usize,
    /// Warnings so far.
    pub warnings: usize,
    /// How the load is going.
    pub load: LoadState,
}

impl Library {
    /// An empty library about to load `source_name`.
    pub fn new(source_name: String) -> Self {
        Library {
            source_name,
            collection: Collection::new(),
            ranks: Ranks::default(),
            index: Index::new(),
            problems: Vec::new(),
            left_out: 0,
            warnings: 0,
            load: LoadState::Loading(Progress::default()),
        }
    }

    /// Takes one load event; returns whether the articles changed.
    pub fn on_load(&mut self, event: LoadEvent) -> bool {
        match event {
            LoadEvent::Title(t) => {
                self.collection.title = Some(t);
                false
            }
            LoadEvent::Batch(batch) => {
                let (_, duplicates) = self.collection.extend(batch);
                self.left_out += duplicates.len();
                self.ranks = Ranks::compute(&self.collection);
                true
            }
            LoadEvent::Problems(problems) => {
                for p in problems {
                    match p.severity {
                        Severity::Error => self.left_out += 1,
                        Severity::Warning => self.warnings += 1,
                    }
                    if self.problems.len() < KEEP_PROBLEMS {
                        self.problems.push(p);
                    }
                }
                false
            }
            LoadEvent::Progress(progress) => {
                if matches!(self.load, LoadState::Loading(_)) {
                    self.load = LoadState::Loading(progress);
                }
                false
            }
        }
    }

    /// Marks the load finished.
    pub fn finish(&mut self) {
        if matches!(self.load, LoadState::Loading(_)) {
            self.load = LoadState::Done;
        }
    }
}
