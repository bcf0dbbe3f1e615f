//! Building the index on the loader's thread: a [`Segment`] per batch, with small
//! segments merged as they accumulate, so the app thread only ever swaps a finished
//! segment in.
//!
//! Merging follows a binary counter: after each batch, the last two segments merge
//! while the older is no larger than the newer and together they hold at most
//! [`MAX_MERGED`] articles. Each article's postings are rewritten about
//! `log2(MAX_MERGED / batch)` times, and 100,000 articles end up in about ten segments
//! instead of a hundred: lookups visit each segment, and a bigram common to many
//! segments is stored once per segment.

use std::sync::{Arc, Mutex, PoisonError};

use super::segment::Segment;
use crate::model::{Article, ArticleIx};

/// Segments grow by merging up to this many articles.
pub const MAX_MERGED: usize = 16_384;

/// What the app applies to its [`Index`](super::Index) after taking a batch: the
/// segment covers the articles from `first` to the end of the batch, replacing what the
/// index held from `first` on (see [`Index::push`](super::Index::push)).
#[derive(Clone, Debug)]
pub struct IndexUpdate {
    /// The first article the segment covers.
    pub first: ArticleIx,
    /// The segment.
    pub segment: Arc<Segment>,
}

/// Builds and merges segments, batch after batch, on the loader's thread.
#[derive(Debug, Default)]
pub struct Feed {
    /// Segments that may still merge, with their first article.
    tail: Vec<(ArticleIx, Arc<Segment>)>,
    /// Articles seen so far.
    next: u32,
}

impl Feed {
    /// Nothing seen yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Nothing seen yet, the first batch to come starting at article `first`: for
    /// indexing a stretch of a collection apart from the articles before it.
    pub fn starting_at(first: ArticleIx) -> Self {
        Feed {
            tail: Vec::new(),
            next: first.0,
        }
    }

    /// Where the next batch starts.
    pub fn position(&self) -> ArticleIx {
        ArticleIx(self.next)
    }

    /// Indexes the next batch (in collection order, none skipped) and returns the
    /// update for the app's index.
    pub fn add(&mut self, articles: &[Article]) -> IndexUpdate {
        self.add_beside_others(articles, &Mutex::new(()))
    }

    /// [`Feed::add`] for feeds that index beside each other: builds run side by side,
    /// but the merges of all feeds sharing `merging` take turns, so the memory of only
    /// one merge's new segment is taken at a time.
    pub fn add_beside_others(&mut self, articles: &[Article], merging: &Mutex<()>) -> IndexUpdate {
        let first = ArticleIx(self.next);
        self.next += articles.len() as u32;
        let built = Arc::new(Segment::build(articles));
        let _turn = merging.lock().unwrap_or_else(PoisonError::into_inner);
        self.tail.push((first, built));
        while let [.., (older_first, older), (_, newer)] = self.tail.as_slice() {
            if older.len() > newer.len() || older.len() + newer.len() > MAX_MERGED {
                break;
            }
            let merged = (*older_first, Arc::new(Segment::merge(&[older, newer])));
            self.tail.truncate(self.tail.len() - 2);
            self.tail.push(merged);
        }
        // Once a segment holds over half the maximum and another follows it, neither it
        // nor anything before it can merge again: the feed lets go of them.
        let settled = self.tail[..self.tail.len() - 1]
            .iter()
            .rposition(|(_, s)| s.len() * 2 > MAX_MERGED)
            .map_or(0, |i| i + 1);
        self.tail.drain(..settled);
        let (first, segment) = self.tail.last().cloned().expect("just pushed");
        IndexUpdate { first, segment }
    }
}

/// Indexes `articles`, the collection's articles from `first` on, apart from the ones
/// before them: batches of `batch`, merged as a [`Feed`] merges them. Returns the
/// segments that cover them in order, each to be pushed where the index ends.
/// Feeds indexing stretches beside each other share `merging` (see
/// [`Feed::add_beside_others`]).
pub fn index_stretch(
    first: ArticleIx,
    articles: &[Article],
    batch: usize,
    merging: &Mutex<()>,
) -> Vec<IndexUpdate> {
    let mut feed = Feed::starting_at(first);
    let mut segments: Vec<IndexUpdate> = Vec::new();
    for chunk in articles.chunks(batch) {
        let update = feed.add_beside_others(chunk, merging);
        // A merged segment replaces the ones it was merged from.
        segments.retain(|seg| seg.first < update.first);
        segments.push(update);
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ArticleBuilder;
    use crate::rank::Index;

    fn batch(n: usize) -> Vec<Article> {
        (0..n)
            .map(|k| {
                let mut b = ArticleBuilder::new();
                b.id(&k.to_string()).title("标题");
                b.build().unwrap()
            })
            .collect()
    }

    #[test]
    fn merges_like_a_binary_counter_up_to_the_maximum() {
        let mut feed = Feed::new();
        let mut index = Index::new();
        let mut firsts = Vec::new();
        for _ in 0..40 {
            let u = feed.add(&batch(1000));
            firsts.push(u.first.0);
            index.push(u.first, u.segment);
        }
        // 1000, then 2000 (merged), then 2000 + 1000, then 4000 …
        assert_eq!(firsts[..4], [0, 0, 2000, 0]);
        assert_eq!(index.len(), 40_000);
        let sizes: Vec<usize> = index.segments.iter().map(|p| p.segment.len()).collect();
        assert_eq!(sizes.iter().sum::<usize>(), 40_000);
        assert!(sizes.iter().all(|&s| s <= MAX_MERGED), "{sizes:?}");
        assert!(sizes.len() <= 6, "{sizes:?}");
        // Settled segments are let go of; only the mergeable tail stays.
        assert!(feed.tail.len() <= 5, "{}", feed.tail.len());
    }

    #[test]
    fn segments_can_be_built_on_one_thread_and_used_on_another() {
        fn sendable<T: Send + Sync>() {}
        sendable::<Feed>();
        sendable::<IndexUpdate>();
        sendable::<Index>();
        let update = std::thread::spawn(|| Feed::new().add(&batch(3)))
            .join()
            .unwrap();
        let mut index = Index::new();
        index.push(update.first, update.segment);
        assert_eq!(index.len(), 3);
    }

    #[test]
    fn a_batch_larger_than_the_maximum_stands_alone() {
        let mut feed = Feed::new();
        feed.add(&batch(10));
        let u = feed.add(&batch(MAX_MERGED + 1));
        assert_eq!(u.first, ArticleIx(10));
        assert_eq!(u.segment.len(), MAX_MERGED + 1);
    }
}
