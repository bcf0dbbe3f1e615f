//! 热门文章 and 最新文章: two orders over the whole collection, merged batch by batch
//! while it loads, and filtered per category when one is selected.
//!
//! - 最新 (latest): date, newest first; undated last; ties in collection order.
//! - 热门 (hot): articles with `views` first, by views, most first, ties newest first
//!   (undated last), then in collection order; after them the articles without views,
//!   by how many other articles name them in `related` (each citing article counts once;
//!   naming itself does not count), most first, ties as above.
//!
//! Keeping the orders costs O(n) per batch: the batch is sorted on its own and merged
//! in. Citations can arrive before the article they name (kept by id until it loads)
//! or after it, so the articles without views whose count changed are taken out and
//! merged back in.

use std::cmp::{Ordering, Reverse};
use std::ops::Range;

use foldhash::{HashMap, HashSet, HashSetExt};

use crate::model::{ArticleIx, CategoryId, CategoryTree, Collection};

/// Hot and latest orders over a whole collection.
#[derive(Debug, Default, Clone)]
pub struct Ranks {
    latest: Vec<ArticleIx>,
    /// The articles with views, then the others.
    hot: Vec<ArticleIx>,
    /// How many of `hot` have views.
    viewed: usize,
    /// Per article: date key, `None` when undated.
    dates: Vec<Option<i64>>,
    views: Vec<Option<u64>>,
    /// Per article: how many others name it in `related`.
    cited: Vec<u32>,
    /// Citations of ids not loaded (yet).
    pending: HashMap<Box<str>, u32>,
}

impl Ranks {
    /// Nothing ranked yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Ranks every article of `c`.
    pub fn compute(c: &Collection) -> Ranks {
        let mut ranks = Ranks::new();
        ranks.extend(c, ArticleIx(0)..ArticleIx(c.len() as u32));
        ranks
    }

    /// Merges the articles at `added` (just appended to `c`, right after those ranked
    /// so far) into the orders.
    ///
    /// # Panics
    /// If `added` does not start where the ranked articles end.
    pub fn extend(&mut self, c: &Collection, added: Range<ArticleIx>) {
        assert_eq!(added.start.get(), self.dates.len(), "batches go in order");
        let new: Vec<ArticleIx> = (added.start.0..added.end.0).map(ArticleIx).collect();
        for &ix in &new {
            let a = c.get(ix);
            self.dates.push(a.date().map(|d| d.key()));
            self.views.push(a.views());
            self.cited.push(self.pending.remove(a.id()).unwrap_or(0));
        }
        let recounted = self.count_citations(c, &new);

        let mut fresh = new.clone();
        fresh.sort_unstable_by(|&a, &b| self.latest_cmp(a, b));
        self.latest = merge(&self.latest, &fresh, |a, b| self.latest_cmp(a, b));

        let (viewed_new, unviewed_new): (Vec<_>, Vec<_>) =
            new.iter().partition(|&&ix| self.views[ix.get()].is_some());
        let mut viewed_new = viewed_new;
        viewed_new.sort_unstable_by(|&a, &b| self.hot_cmp(a, b));
        let viewed = merge(&self.hot[..self.viewed], &viewed_new, |a, b| {
            self.hot_cmp(a, b)
        });
        // Unviewed articles whose count changed leave their place and come back in.
        let mut moved: Vec<ArticleIx> = unviewed_new;
        moved.extend(recounted.iter().copied());
        moved.sort_unstable_by(|&a, &b| self.hot_cmp(a, b));
        let stayed: Vec<ArticleIx> = self.hot[self.viewed..]
            .iter()
            .copied()
            .filter(|ix| !recounted.contains(ix))
            .collect();
        let unviewed = merge(&stayed, &moved, |a, b| self.hot_cmp(a, b));
        self.viewed = viewed.len();
        self.hot = viewed;
        self.hot.extend(unviewed);
    }

    /// Counts the citations made by `new`; returns the earlier articles without views
    /// whose count changed.
    fn count_citations(&mut self, c: &Collection, new: &[ArticleIx]) -> HashSet<ArticleIx> {
        let first_new = new.first().copied();
        let mut recounted = HashSet::new();
        let mut named = Vec::new();
        for &ix in new {
            let a = c.get(ix);
            named.clear();
            named.extend(a.related_ids().filter(|&id| id != a.id()));
            named.sort_unstable();
            named.dedup();
            for &id in &named {
                match c.find(id) {
                    Some(t) if t.get() < self.cited.len() => {
                        self.cited[t.get()] += 1;
                        if first_new.is_some_and(|f| t < f) && self.views[t.get()].is_none() {
                            recounted.insert(t);
                        }
                    }
                    _ => *self.pending.entry(id.into()).or_insert(0) += 1,
                }
            }
        }
        recounted
    }

    fn latest_cmp(&self, a: ArticleIx, b: ArticleIx) -> Ordering {
        let key = |ix: ArticleIx| (Reverse(self.dates[ix.get()]), ix);
        key(a).cmp(&key(b))
    }

    fn hot_cmp(&self, a: ArticleIx, b: ArticleIx) -> Ordering {
        let key = |ix: ArticleIx| {
            let i = ix.get();
            let weight = match self.views[i] {
                Some(v) => (true, v),
                None => (false, u64::from(self.cited[i])),
            };
            (Reverse(weight), Reverse(self.dates[i]), ix)
        };
        key(a).cmp(&key(b))
    }

    /// How many articles are ranked.
    pub fn len(&self) -> usize {
        self.dates.len()
    }

    /// Whether none are.
    pub fn is_empty(&self) -> bool {
        self.dates.is_empty()
    }

    /// The newest first (undated last), within `category` (the root: all). Lazy: taking
    /// the first few is instant; walking a category to its end costs one pass over the
    /// collection's order.
    pub fn latest<'a>(&'a self, c: &'a Collection, category: CategoryId) -> Ranked<'a> {
        Ranked::new(&self.latest, c, category)
    }

    /// The most read first, within `category` (the root: all).
    pub fn hot<'a>(&'a self, c: &'a Collection, category: CategoryId) -> Ranked<'a> {
        Ranked::new(&self.hot, c, category)
    }

    /// The whole latest order, newest first.
    pub fn latest_all(&self) -> &[ArticleIx] {
        &self.latest
    }

    /// The whole hot order, most read first.
    pub fn hot_all(&self) -> &[ArticleIx] {
        &self.hot
    }
}

/// An order filtered to one category, from [`Ranks::latest`] or [`Ranks::hot`].
#[derive(Clone, Debug)]
pub struct Ranked<'a> {
    order: std::slice::Iter<'a, ArticleIx>,
    c: &'a Collection,
    /// Per category node, whether it lies within the one asked for; `None` for the root.
    within: Option<Vec<bool>>,
}

impl<'a> Ranked<'a> {
    fn new(order: &'a [ArticleIx], c: &'a Collection, category: CategoryId) -> Self {
        let tree = c.categories();
        let within = (category != CategoryTree::ROOT).then(|| {
            (0..tree.len() as u32)
                .map(|n| tree.is_within(CategoryId(n), category))
                .collect()
        });
        Ranked {
            order: order.iter(),
            c,
            within,
        }
    }
}

impl Iterator for Ranked<'_> {
    type Item = ArticleIx;

    fn next(&mut self) -> Option<ArticleIx> {
        let Some(within) = &self.within else {
            return self.order.next().copied();
        };
        self.order
            .by_ref()
            .copied()
            .find(|&ix| within[self.c.category_of(ix).0 as usize])
    }
}

/// Merges two sorted runs into one.
fn merge(
    a: &[ArticleIx],
    b: &[ArticleIx],
    cmp: impl Fn(ArticleIx, ArticleIx) -> Ordering,
) -> Vec<ArticleIx> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if cmp(b[j], a[i]) == Ordering::Less {
            out.push(b[j]);
            j += 1;
        } else {
            out.push(a[i]);
            i += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}
