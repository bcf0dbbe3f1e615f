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

use std::cmp::Reverse;
use std::ops::Range;

use foldhash::{HashMap, HashSet, HashSetExt};

use crate::model::{ArticleIx, CategoryId, CategoryTree, Collection};

/// 最新's sort key: newest first, undated (`None`) last.
type LatestKey = Reverse<Option<i64>>;

/// 热门's sort key: viewed first, by views (unviewed: by citations), then as latest.
type HotKey = (Reverse<(bool, u64)>, LatestKey);

/// One order, with each article's sort key kept beside it so that merging a batch in
/// reads memory in sequence. Keys end with the article, so no two tie.
#[derive(Debug, Clone)]
struct Order<K> {
    keys: Vec<(K, ArticleIx)>,
    ixs: Vec<ArticleIx>,
}

impl<K> Default for Order<K> {
    fn default() -> Self {
        Order {
            keys: Vec::new(),
            ixs: Vec::new(),
        }
    }
}

impl<K: Ord + Copy> Order<K> {
    /// Sorts `fresh` and merges it in.
    fn merge(&mut self, mut fresh: Vec<(K, ArticleIx)>) {
        if fresh.is_empty() {
            return;
        }
        fresh.sort_unstable();
        let old = std::mem::take(&mut self.keys);
        let mut keys = Vec::with_capacity(old.len() + fresh.len());
        let (mut a, mut b) = (old.into_iter().peekable(), fresh.into_iter().peekable());
        while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
            keys.push(if y < x { b.next() } else { a.next() }.expect("peeked"));
        }
        keys.extend(a);
        keys.extend(b);
        self.ixs = keys.iter().map(|&(_, ix)| ix).collect();
        self.keys = keys;
    }

    /// Takes the articles in `gone` out.
    fn remove(&mut self, gone: &HashSet<ArticleIx>) {
        if !gone.is_empty() {
            self.keys.retain(|(_, ix)| !gone.contains(ix));
            self.ixs.retain(|ix| !gone.contains(ix));
        }
    }
}

/// Hot and latest orders over a whole collection.
#[derive(Debug, Default, Clone)]
pub struct Ranks {
    latest: Order<LatestKey>,
    /// 热门, articles with views.
    viewed: Order<HotKey>,
    /// 热门, the others after them.
    unviewed: Order<HotKey>,
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
        self.latest
            .merge(new.iter().map(|&ix| (self.latest_key(ix), ix)).collect());
        let (viewed, unviewed): (Vec<_>, Vec<_>) = new
            .iter()
            .map(|&ix| (self.hot_key(ix), ix))
            .partition(|((Reverse((viewed, _)), _), _)| *viewed);
        // Unviewed articles whose count changed leave their place and come back in.
        let moved: Vec<_> = unviewed
            .into_iter()
            .chain(recounted.iter().map(|&ix| (self.hot_key(ix), ix)))
            .collect();
        self.viewed.merge(viewed);
        self.unviewed.remove(&recounted);
        self.unviewed.merge(moved);
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

    fn latest_key(&self, ix: ArticleIx) -> LatestKey {
        Reverse(self.dates[ix.get()])
    }

    fn hot_key(&self, ix: ArticleIx) -> HotKey {
        let i = ix.get();
        let weight = match self.views[i] {
            Some(v) => (true, v),
            None => (false, u64::from(self.cited[i])),
        };
        (Reverse(weight), self.latest_key(ix))
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
        Ranked::new([&self.latest.ixs, &[]], c, category)
    }

    /// The most read first, within `category` (the root: all).
    pub fn hot<'a>(&'a self, c: &'a Collection, category: CategoryId) -> Ranked<'a> {
        Ranked::new([&self.viewed.ixs, &self.unviewed.ixs], c, category)
    }

    /// The whole latest order, newest first: the article list of the root.
    pub fn latest_all(&self) -> &[ArticleIx] {
        &self.latest.ixs
    }
}

/// An order filtered to one category, from [`Ranks::latest`] or [`Ranks::hot`].
#[derive(Clone, Debug)]
pub struct Ranked<'a> {
    order: std::iter::Chain<std::slice::Iter<'a, ArticleIx>, std::slice::Iter<'a, ArticleIx>>,
    c: &'a Collection,
    /// Per category node, whether it lies within the one asked for; `None` for the root.
    within: Option<Vec<bool>>,
}

impl<'a> Ranked<'a> {
    fn new(parts: [&'a [ArticleIx]; 2], c: &'a Collection, category: CategoryId) -> Self {
        let tree = c.categories();
        let within = (category != CategoryTree::ROOT).then(|| {
            (0..tree.len() as u32)
                .map(|n| tree.is_within(CategoryId(n), category))
                .collect()
        });
        Ranked {
            order: parts[0].iter().chain(parts[1]),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleBuilder, Batch, Date};

    /// id, category, date, views, related.
    type Spec<'a> = (
        &'a str,
        &'a str,
        Option<&'a str>,
        Option<u64>,
        &'a [&'a str],
    );

    fn batch(specs: &[Spec<'_>]) -> Batch {
        let articles = specs
            .iter()
            .map(|&(id, cat, date, views, related)| {
                let mut b = ArticleBuilder::new();
                b.id(id).title("标题").category_level(cat);
                b.date(date.and_then(Date::parse)).views(views);
                for r in related {
                    b.related(r);
                }
                b.build().unwrap()
            })
            .collect();
        Batch { articles }
    }

    fn ids(c: &Collection, order: impl Iterator<Item = ArticleIx>) -> Vec<&str> {
        order.map(|ix| c.get(ix).id()).collect()
    }

    #[test]
    fn ranks_follow_the_rules_across_batches() {
        let mut c = Collection::new();
        let mut ranks = Ranks::new();
        // "d" is named before it loads (by "a", twice, which counts once), and "b" by
        // itself, which does not count.
        let (added, _) = c.extend(batch(&[
            ("a", "新闻", Some("2024-01-02"), None, &["d", "d", "b"]),
            ("b", "体育", Some("2024-01-03"), None, &["b"]),
            ("c", "新闻", None, Some(5), &[]),
        ]));
        ranks.extend(&c, added);
        assert_eq!(ids(&c, ranks.hot(&c, CategoryTree::ROOT)), ["c", "b", "a"]);
        let (added, _) = c.extend(batch(&[
            ("d", "体育", Some("2024-01-01"), None, &[]),
            ("e", "新闻", Some("2024-01-04"), Some(5), &["a", "b"]),
            ("f", "新闻", Some("2024-01-04"), Some(7), &["b"]),
        ]));
        ranks.extend(&c, added);
        // Views first (ties newest first, undated last), then by citations: b (2),
        // a (1), d (1, older than a).
        let hot = ids(&c, ranks.hot(&c, CategoryTree::ROOT));
        assert_eq!(hot, ["f", "e", "c", "b", "a", "d"]);
        let latest = ids(&c, ranks.latest(&c, CategoryTree::ROOT));
        assert_eq!(latest, ["e", "f", "b", "a", "d", "c"]);
        let news = c.category_of(ArticleIx(0));
        assert_eq!(ids(&c, ranks.latest(&c, news)), ["e", "f", "a", "c"]);
        assert_eq!(ids(&c, ranks.hot(&c, news).take(2)), ["f", "e"]);
        assert_eq!(ranks.len(), 6);
    }
}
