//! The loaded articles with their rankings and search index, and the background load
//! that fills them.
//!
//! A load runs on two threads besides the caller's: the loader parses and hands each
//! batch over at once, so the articles can be browsed while the file is still being
//! read; an indexing thread follows with the search segment of each batch, so search
//! and 相关阅读 cover what is indexed so far, and once the loader is done it shares what
//! is left with a helper on the other core. Updates arrive in order: a batch always
//! before its index segment.

use std::num::NonZero;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread;

use crate::load::{self, LoadError, LoadEvent, Problem, Progress, Severity, Source};
use crate::model::{Article, ArticleIx, Batch, Collection};
use crate::rank::{Feed, Index, IndexUpdate, Ranks, index_stretch};

/// Articles the indexing thread gathers from its queue into one segment, at most. A
/// segment's build holds about 10 bytes of scratch per character of its articles: at
/// 2,048 news articles that is some 20 MB, where 4,096 would build the index of 100,000
/// a tenth faster but add 3% of the file to the peak memory.
const INDEX_BATCH: usize = 2048;

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

/// One step of a background load.
#[derive(Debug)]
pub enum Update {
    /// What the loader reported (articles, problems, progress).
    Load(LoadEvent),
    /// The search segment of articles already handed over.
    Indexed(IndexUpdate),
    /// The loader is done: the whole file was read, or this error stopped it.
    Finished(Result<(), LoadError>),
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
    /// Search and similarity, over the first `index.len()` articles.
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
            ranks: Ranks::new(),
            index: Index::new(),
            problems: Vec::new(),
            left_out: 0,
            warnings: 0,
            load: LoadState::Loading(Progress::default()),
        }
    }

    /// A finished library over `collection`, ranked and indexed at once.
    pub fn from_collection(source_name: String, collection: Collection) -> Self {
        let ranks = Ranks::compute(&collection);
        let index = Index::build(&collection);
        Library {
            collection,
            ranks,
            index,
            load: LoadState::Done,
            ..Library::new(source_name)
        }
    }

    /// Applies one update; returns what it changed.
    pub fn apply(&mut self, update: Update) -> Change {
        match update {
            Update::Load(LoadEvent::Title(t)) => {
                self.collection.title = Some(t);
                Change::Status
            }
            Update::Load(LoadEvent::Batch(batch)) => {
                let (added, duplicates) = self.collection.extend(batch);
                debug_assert!(duplicates.is_empty(), "the loader hands over unique ids");
                self.left_out += duplicates.len();
                self.ranks.extend(&self.collection, added);
                Change::Articles
            }
            Update::Load(LoadEvent::Problems(problems)) => {
                for p in problems {
                    match p.severity {
                        Severity::Error => self.left_out += 1,
                        Severity::Warning => self.warnings += 1,
                    }
                    if self.problems.len() < KEEP_PROBLEMS {
                        self.problems.push(p);
                    }
                }
                Change::Status
            }
            Update::Load(LoadEvent::Progress(progress)) => {
                if matches!(self.load, LoadState::Loading(_)) {
                    self.load = LoadState::Loading(progress);
                }
                Change::Status
            }
            Update::Indexed(update) => {
                self.index.push(update.first, update.segment);
                Change::Index
            }
            Update::Finished(Ok(())) => {
                if matches!(self.load, LoadState::Loading(_)) {
                    self.load = LoadState::Done;
                }
                Change::Status
            }
            Update::Finished(Err(e)) => {
                self.load = LoadState::Failed(e.to_string());
                Change::Status
            }
        }
    }

    /// How much of the collection search and 相关阅读 cover, in percent, while the
    /// index is behind the articles; `None` once it covers them all.
    pub fn indexing(&self) -> Option<usize> {
        let (indexed, all) = (self.index.len(), self.collection.len());
        (indexed < all).then(|| indexed * 100 / all)
    }

    /// Loads all of `source`, for the plain-text modes. Problems are in
    /// [`Library::problems`] (the first thousand) and counted.
    pub fn load_all(source: Source, indexing: Indexing) -> Result<Library, LoadError> {
        let mut library = Library::new(source.display_name());
        let (tx, rx) = mpsc::channel();
        // The index is built once every article is in, on every core: nobody is
        // searching while the load goes on.
        spawn_load(source, Indexing::Skip, tx);
        for update in rx {
            match update {
                Update::Finished(Err(e)) => return Err(e),
                // Ranked once at the end: merging batch after batch is for a screen
                // that shows the lists while the load goes on.
                Update::Load(LoadEvent::Batch(batch)) => {
                    library.collection.extend(batch);
                }
                update => {
                    library.apply(update);
                }
            }
        }
        library.ranks = Ranks::compute(&library.collection);
        if indexing == Indexing::Search {
            library.index = Index::build(&library.collection);
        }
        Ok(library)
    }
}

/// Whether a load builds the search index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Indexing {
    /// Index for search and 相关阅读.
    Search,
    /// Articles only (`--list` needs no index).
    Skip,
}

/// What an update changed, so the screen can redo only what depends on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Only the status line (progress, problems, title).
    Status,
    /// Articles were added.
    Articles,
    /// More articles are searchable.
    Index,
}

/// Loads `source` on background threads, sending every [`Update`] to `tx` (converted
/// with `From`). Stops early when the receiver is gone.
pub fn spawn_load<T: From<Update> + Send + 'static>(
    source: Source,
    indexing: Indexing,
    tx: Sender<T>,
) {
    let loaded = Arc::new(AtomicBool::new(false));
    let to_indexer = match indexing {
        Indexing::Skip => None,
        Indexing::Search => {
            let (to_indexer, batches) = mpsc::channel::<Vec<Article>>();
            let index_tx = tx.clone();
            let loaded = Arc::clone(&loaded);
            let spawned = thread::Builder::new()
                .name("indexer".into())
                .spawn(move || {
                    index_in_background(&batches, &loaded, |update| {
                        index_tx.send(Update::Indexed(update).into()).is_ok()
                    });
                });
            if let Err(e) = spawned {
                return no_thread(&tx, &e);
            }
            Some(to_indexer)
        }
    };
    let spawned = thread::Builder::new().name("loader".into()).spawn({
        let tx = tx.clone();
        move || {
            let result = load::stream(&source, &mut |event| {
                // The indexer gets its own copy of the batch (the text is shared, not
                // copied), so the articles can be browsed at once while their segment
                // is built.
                let copy = match (&event, &to_indexer) {
                    (LoadEvent::Batch(Batch { articles }), Some(_)) => Some(articles.clone()),
                    _ => None,
                };
                let delivered = tx.send(Update::Load(event).into()).is_ok();
                if let (Some(articles), Some(to_indexer)) = (copy, &to_indexer) {
                    let _ = to_indexer.send(articles);
                }
                delivered
            });
            drop(to_indexer);
            loaded.store(true, Ordering::Release);
            let _ = tx.send(Update::Finished(result).into());
        }
    });
    if let Err(e) = spawned {
        no_thread(&tx, &e);
    }
}

/// Reports that a thread of the load could not be started, as the load's end.
fn no_thread<T: From<Update>>(tx: &Sender<T>, e: &std::io::Error) {
    let _ = tx.send(
        Update::Finished(Err(LoadError::Unreadable {
            path: "-".into(),
            reason: format!("cannot start a thread: {e}"),
        }))
        .into(),
    );
}

/// Indexes the batches the loader queues, sending each segment to the app; stops when
/// `send` fails (the app is gone). Once `loaded` says the loader is done, whatever is
/// still queued is indexed on two threads.
fn index_in_background(
    batches: &Receiver<Vec<Article>>,
    loaded: &AtomicBool,
    mut send: impl FnMut(IndexUpdate) -> bool,
) {
    yield_to_other_threads();
    let mut feed = Feed::new();
    while let Ok(mut articles) = batches.recv() {
        if loaded.load(Ordering::Acquire) {
            // The loader let go of the queue before it said so: this ends.
            articles.extend(batches.iter().flatten());
            return index_the_rest(feed, &articles, send);
        }
        // Index what has queued up in one go: a segment per small batch costs half
        // again as much to build and merge.
        while articles.len() < INDEX_BATCH {
            match batches.try_recv() {
                Ok(more) => articles.extend(more),
                Err(_) => break,
            }
        }
        let update = feed.add(&articles);
        drop(articles);
        release_scratch();
        if !send(update) {
            return;
        }
    }
}

/// Indexes the articles left when the loader is done: the first half on this thread,
/// its segments sent as they are built, and the second half on a helper, its segments
/// sent after. Both build small batches and take turns to merge, so that together they
/// hold no more scratch memory than one thread does.
fn index_the_rest(mut feed: Feed, rest: &[Article], mut send: impl FnMut(IndexUpdate) -> bool) {
    // Smaller batches mean more merging, but two threads building at once must not
    // raise the peak memory: at 100,000 articles half batches took it from 1.47x to
    // 1.50x the file, quarter batches leave it where one thread has it.
    const TAIL_BATCH: usize = INDEX_BATCH / 4;
    let cores = thread::available_parallelism().map_or(1, NonZero::get);
    let split = if cores > 1 && rest.len() >= 2 * INDEX_BATCH {
        (rest.len() / 2).next_multiple_of(TAIL_BATCH)
    } else {
        rest.len()
    };
    let (mine, theirs) = rest.split_at(split);
    let their_first = ArticleIx(feed.position().0 + split as u32);
    let merging = Mutex::new(());
    thread::scope(|s| {
        let helper = (!theirs.is_empty()).then(|| {
            s.spawn(|| {
                yield_to_other_threads();
                index_stretch(their_first, theirs, TAIL_BATCH, &merging)
            })
        });
        for chunk in mine.chunks(TAIL_BATCH) {
            let update = feed.add_beside_others(chunk, &merging);
            release_scratch();
            if !send(update) {
                return;
            }
        }
        if let Some(helper) = helper {
            let segments = helper
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            for update in segments {
                if !send(update) {
                    return;
                }
            }
        }
    });
}

/// Lowers the calling thread's scheduling priority, so that on a busy machine the
/// loader and the app thread, which the user waits for, run first and the index
/// catches up with what they leave. On Linux the nice value belongs to the thread.
fn yield_to_other_threads() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority reads no memory; `0` names the calling thread.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}

/// Gives the memory a segment build used for scratch back to the system. glibc keeps
/// freed memory in the freeing thread's arena, where the loader thread, which does the
/// allocating, never reuses it; left alone, it adds a sixth to the peak at 100,000
/// articles.
fn release_scratch() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim has no preconditions; it only returns free memory.
    unsafe {
        libc::malloc_trim(0);
    }
}
