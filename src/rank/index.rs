//! The search and similarity index: the segments built so far, end to end, plus the
//! few per-article numbers that ranking reads in bulk.

use std::num::NonZero;
use std::ops::Range;
use std::sync::{Arc, Mutex};
use std::thread;

use super::feed::{IndexUpdate, index_stretch};
use super::fold::Purity;
use super::postings::{Key, List, keys_starting};
use super::segment::Segment;
use crate::model::{ArticleIx, Collection};

/// Articles per batch when [`Index::build`] indexes a whole collection (the feed merges
/// them into larger segments).
const BUILD_CHUNK: usize = 2048;

/// Which field's posting lists to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Field {
    /// Titles.
    Title,
    /// Summaries and body blocks.
    Body,
}

/// A segment and the position of its first article in the collection.
#[derive(Debug)]
pub(crate) struct Placed {
    pub(crate) first: u32,
    pub(crate) segment: Arc<Segment>,
}

impl Placed {
    /// The positions the segment covers.
    pub(crate) fn range(&self) -> Range<u32> {
        self.first..self.first + self.segment.len() as u32
    }

    /// The posting list of `key` in `field`.
    pub(crate) fn list(&self, field: Field, key: Key) -> Option<List<'_>> {
        match field {
            Field::Title => self.segment.title.get(key),
            Field::Body => self.segment.body.get(key),
        }
    }

    /// The posting lists of every bigram in `field` that starts with `c`.
    pub(crate) fn lists_starting(
        &self,
        field: Field,
        c: char,
    ) -> impl Iterator<Item = List<'_>> + '_ {
        let postings = match field {
            Field::Title => &self.segment.title,
            Field::Body => &self.segment.body,
        };
        postings.range(keys_starting(c))
    }
}

/// Sizes of an [`Index`], from [`Index::stats`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IndexStats {
    /// Articles indexed.
    pub articles: usize,
    /// Segments (batches) they came in.
    pub segments: usize,
    /// Dictionary entries for titles, summed over segments.
    pub title_terms: usize,
    /// Dictionary entries for bodies, summed over segments.
    pub body_terms: usize,
    /// Bytes of dictionaries and posting lists.
    pub postings_bytes: usize,
    /// All heap bytes of the index.
    pub heap_bytes: usize,
}

/// The search and similarity index over the first [`Index::len`] articles of a
/// collection. Grows a [`Segment`] at a time while a collection loads.
#[derive(Debug, Default)]
pub struct Index {
    pub(crate) segments: Vec<Placed>,
    pub(crate) dates: Vec<i64>,
    pub(crate) purity: Vec<Purity>,
    pub(crate) lens: Vec<u32>,
    total_len: u64,
}

impl Index {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// Indexes all of `c` at once (for the plain-text modes and tests), on as many
    /// threads as there are cores: each indexes its own stretch of the collection.
    pub fn build(c: &Collection) -> Index {
        let articles = c.articles();
        let threads = thread::available_parallelism().map_or(1, NonZero::get);
        let stretch = articles
            .len()
            .div_ceil(threads)
            .next_multiple_of(BUILD_CHUNK)
            .max(BUILD_CHUNK);
        let merging = Mutex::new(());
        let stretches: Vec<Vec<IndexUpdate>> = thread::scope(|s| {
            let workers: Vec<_> = articles
                .chunks(stretch)
                .enumerate()
                .map(|(i, part)| {
                    let first = ArticleIx((i * stretch) as u32);
                    let merging = &merging;
                    s.spawn(move || index_stretch(first, part, BUILD_CHUNK, merging))
                })
                .collect();
            workers
                .into_iter()
                .map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        let mut index = Index::new();
        for update in stretches.into_iter().flatten() {
            index.push(update.first, update.segment);
        }
        index
    }

    /// Puts in `segment`, whose document `k` is the article at `first + k`. Usually
    /// `first` is where the index ends and the segment is appended; an earlier `first`
    /// (a [`Feed`] merged the segments after it) replaces the segments from there on.
    /// Cheap either way: no posting list is touched.
    ///
    /// # Panics
    /// If `first` is past the end of the index, or not where one of its segments
    /// starts: segments go in collection order, with no gap (so the collection must
    /// have taken every article of each batch).
    pub fn push(&mut self, first: ArticleIx, segment: impl Into<Arc<Segment>>) {
        let segment = segment.into();
        let at = first.get();
        assert!(
            at <= self.len(),
            "segments must be pushed in collection order"
        );
        if at < self.len() {
            let keep = self.segments.partition_point(|p| (p.first as usize) < at);
            assert!(
                self.segments
                    .get(keep)
                    .is_some_and(|p| p.first as usize == at),
                "a replacing segment must start where a segment starts"
            );
            self.segments.truncate(keep);
            self.total_len -= self.lens[at..].iter().map(|&l| u64::from(l)).sum::<u64>();
            self.dates.truncate(at);
            self.purity.truncate(at);
            self.lens.truncate(at);
        }
        // The per-article numbers are copied into contiguous vectors, for sorting in
        // bulk without finding each article's segment.
        self.dates.extend_from_slice(&segment.dates);
        self.purity.extend_from_slice(&segment.purity);
        self.lens.extend_from_slice(&segment.lens);
        self.total_len += segment.lens.iter().map(|&l| u64::from(l)).sum::<u64>();
        self.segments.push(Placed {
            first: first.0,
            segment,
        });
    }

    /// How many articles are indexed (the first `len` of the collection).
    pub fn len(&self) -> usize {
        self.dates.len()
    }

    /// Whether nothing is indexed yet.
    pub fn is_empty(&self) -> bool {
        self.dates.is_empty()
    }

    /// Heap bytes the index holds.
    pub fn heap_bytes(&self) -> usize {
        let per_article = self.dates.capacity() * size_of::<i64>()
            + self.purity.capacity() * size_of::<Purity>()
            + self.lens.capacity() * size_of::<u32>();
        let segments: usize = self.segments.iter().map(|p| p.segment.heap_bytes()).sum();
        per_article + segments + self.segments.capacity() * size_of::<Placed>()
    }

    /// Sizes, for reports.
    pub fn stats(&self) -> IndexStats {
        let mut stats = IndexStats {
            articles: self.len(),
            segments: self.segments.len(),
            heap_bytes: self.heap_bytes(),
            ..IndexStats::default()
        };
        for p in &self.segments {
            stats.title_terms += p.segment.title.terms();
            stats.body_terms += p.segment.body.terms();
            stats.postings_bytes += p.segment.postings_bytes();
        }
        stats
    }

    /// The mean of [`Segment`] document lengths, at least 1.
    pub(crate) fn mean_len(&self) -> f32 {
        (self.total_len as f32 / self.len().max(1) as f32).max(1.0)
    }

    /// Sorts `ixs` newest first, undated last, ties in collection order.
    pub(crate) fn sort_by_recency(&self, ixs: &mut [ArticleIx]) {
        // Read each date once, then sort plain pairs: a key read inside the comparison
        // would miss the cache at every step of the sort.
        let mut keyed: Vec<(std::cmp::Reverse<i64>, ArticleIx)> = ixs
            .iter()
            .map(|&ix| (std::cmp::Reverse(self.dates[ix.get()]), ix))
            .collect();
        keyed.sort_unstable();
        for (slot, (_, ix)) in ixs.iter_mut().zip(keyed) {
            *slot = ix;
        }
    }

    /// The segment holding `ix`, if it is indexed.
    pub(crate) fn segment_of(&self, ix: ArticleIx) -> Option<&Placed> {
        let i = self.segments.partition_point(|p| p.first <= ix.0);
        self.segments
            .get(i.checked_sub(1)?)
            .filter(|p| p.range().contains(&ix.0))
    }
}
