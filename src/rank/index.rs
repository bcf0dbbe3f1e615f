//! The search and similarity index: the segments built so far, end to end, plus the
//! few per-article numbers that ranking reads in bulk.

use std::ops::Range;

use super::fold::Purity;
use super::postings::{Key, List};
use super::segment::Segment;
use crate::model::{ArticleIx, Collection};

/// Articles per segment when [`Index::build`] indexes a whole collection: large enough
/// for few dictionaries, small enough to keep the builder's scratch memory modest.
const BUILD_CHUNK: usize = 4096;

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
    pub(crate) segment: Segment,
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

    /// Indexes all of `c` at once (for the plain-text modes and tests).
    pub fn build(c: &Collection) -> Index {
        let mut index = Index::new();
        for (n, chunk) in c.articles().chunks(BUILD_CHUNK).enumerate() {
            index.push(ArticleIx((n * BUILD_CHUNK) as u32), Segment::build(chunk));
        }
        index
    }

    /// Appends `segment`, whose document `k` is the article at `first + k`. Cheap: no
    /// posting list is touched.
    ///
    /// # Panics
    /// If `first` is not where the index ends: segments go in collection order, with no
    /// gap (so the collection must have taken every article of the batch).
    pub fn push(&mut self, first: ArticleIx, mut segment: Segment) {
        assert_eq!(
            first.get(),
            self.len(),
            "segments must be pushed in collection order"
        );
        // The per-article numbers move into contiguous vectors, for sorting in bulk.
        self.dates.append(&mut std::mem::take(&mut segment.dates));
        self.purity.append(&mut std::mem::take(&mut segment.purity));
        self.total_len += segment.lens.iter().map(|&l| u64::from(l)).sum::<u64>();
        self.lens.append(&mut std::mem::take(&mut segment.lens));
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
        let postings: usize = self
            .segments
            .iter()
            .map(|p| p.segment.postings_bytes())
            .sum();
        per_article + postings + self.segments.capacity() * size_of::<Placed>()
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
        ixs.sort_unstable_by_key(|&ix| (std::cmp::Reverse(self.dates[ix.get()]), ix));
    }

    /// The segment holding `ix`, if it is indexed.
    pub(crate) fn segment_of(&self, ix: ArticleIx) -> Option<&Placed> {
        let i = self.segments.partition_point(|p| p.first <= ix.0);
        self.segments
            .get(i.checked_sub(1)?)
            .filter(|p| p.range().contains(&ix.0))
    }
}
