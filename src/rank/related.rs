//! 相关阅读: the article's own `related` ids, then the articles that share the most
//! telling character bigrams with it, computed on demand for one article.
//!
//! Scoring, for a candidate `d` and the source article `s`:
//!
//! - query bigrams: every distinct bigram of `s`'s title, plus the [`BODY_TERMS`] rarest
//!   of its body, rarity judged by how many bodies of `s`'s own segment hold them (a
//!   sample of the collection, so choosing walks one dictionary, not all of them);
//!   bigrams found in more than [`MAX_SHARE`] of the articles carry no signal and are
//!   skipped;
//! - each query bigram `b` weighs `idf(b) = ln(1 + N / df(b))`, doubled when it comes
//!   from `s`'s title;
//! - `d` earns that weight times 2 when `b` is in its title and times 1 when in its
//!   body (3 for both): title weighted above text;
//! - the sum is divided by `sqrt(len(d) / mean len)` (distinct bigrams), so long
//!   articles do not win by size alone, then multiplied by 1.5 when `d` is filed in the
//!   same category as `s`, or by 1.2 when only the top-level category is shared.
//!
//! Ties go to the newer article. Should fewer than `n` articles share anything, the
//! rest of the panel is filled from the same category, then the same top-level
//! category, then the whole collection, newest first.

use super::fold::fold_with;
use super::index::{Field, Index};
use super::postings::{Key, key};
use crate::model::{ArticleIx, CategoryId, CategoryTree, Collection};

/// How many body bigrams query for similar articles.
pub const BODY_TERMS: usize = 48;

/// Bigrams in more than this share of the articles are skipped.
pub const MAX_SHARE: f32 = 0.05;

const TITLE_QUERY: f32 = 2.0;
const TITLE_MATCH: f32 = 2.0;
const SAME_CATEGORY: f32 = 1.5;
const SAME_TOP_LEVEL: f32 = 1.2;

impl Index {
    /// Up to `n` articles related to `ix`: its `related` ids first (unknown ones and
    /// itself skipped), then the most similar indexed articles, never `ix` itself and
    /// never one twice. Fewer than `n` only when the collection is smaller.
    pub fn related(&self, c: &Collection, ix: ArticleIx, n: usize) -> Vec<ArticleIx> {
        let mut out: Vec<ArticleIx> = Vec::with_capacity(n);
        for id in c.get(ix).related_ids() {
            if let Some(r) = c.find(id)
                && r != ix
                && !out.contains(&r)
                && out.len() < n
            {
                out.push(r);
            }
        }
        if out.len() < n {
            let similar = self.similar(c, ix, n + out.len() + 1);
            push_new(&mut out, ix, n, similar);
        }
        if out.len() < n {
            self.fill(c, ix, n, &mut out);
        }
        out
    }

    /// The `n` articles with the highest similarity score to `ix`, best first; only
    /// articles that share at least one query bigram.
    fn similar(&self, c: &Collection, ix: ArticleIx, n: usize) -> Vec<ArticleIx> {
        let terms = self.query_terms(c, ix);
        if terms.is_empty() {
            return Vec::new();
        }
        let docs = self.len();
        let max_df = (docs as f32 * MAX_SHARE).max(2.0);
        let mut scores = vec![0f32; docs];
        let mut touched = Vec::new();
        for (term, from_title) in terms {
            let lists: Vec<_> = self
                .segments
                .iter()
                .flat_map(|p| {
                    let title = p
                        .list(Field::Title, term)
                        .map(|l| (p.first, TITLE_MATCH, l));
                    let body = p.list(Field::Body, term).map(|l| (p.first, 1.0, l));
                    title.into_iter().chain(body)
                })
                .collect();
            let df: u32 = lists.iter().map(|(_, _, l)| l.df()).sum();
            if df as f32 > max_df {
                continue;
            }
            let mut weight = (1.0 + docs as f32 / df.max(1) as f32).ln();
            if from_title {
                weight *= TITLE_QUERY;
            }
            for (first, field_weight, list) in lists {
                for doc in list.iter() {
                    let d = (first + doc) as usize;
                    if scores[d] == 0.0 {
                        touched.push(d as u32);
                    }
                    scores[d] += weight * field_weight;
                }
            }
        }
        let mean = self.mean_len();
        let tree = c.categories();
        let top_of: Vec<CategoryId> = (0..tree.len() as u32)
            .map(|n| top_level(tree, CategoryId(n)))
            .collect();
        let own = c.category_of(ix);
        let own_top = top_of[own.0 as usize];
        let mut ranked: Vec<(f32, ArticleIx)> = touched
            .into_iter()
            .map(ArticleIx)
            .filter(|&d| d != ix)
            .map(|d| {
                let len = (self.lens[d.get()] as f32 / mean).sqrt().max(0.25);
                let cat = c.category_of(d);
                let boost = if cat == own {
                    SAME_CATEGORY
                } else if top_of[cat.0 as usize] == own_top {
                    SAME_TOP_LEVEL
                } else {
                    1.0
                };
                (scores[d.get()] / len * boost, d)
            })
            .collect();
        let by_score = |a: &(f32, ArticleIx), b: &(f32, ArticleIx)| {
            b.0.total_cmp(&a.0)
                .then_with(|| self.dates[b.1.get()].cmp(&self.dates[a.1.get()]))
                .then_with(|| a.1.cmp(&b.1))
        };
        if ranked.len() > n {
            ranked.select_nth_unstable_by(n, by_score);
            ranked.truncate(n);
        }
        ranked.sort_unstable_by(by_score);
        ranked.into_iter().map(|(_, d)| d).collect()
    }

    /// The query bigrams of `ix`: its title's, then its body's rarest, each with whether
    /// it came from the title.
    fn query_terms(&self, c: &Collection, ix: ArticleIx) -> Vec<(Key, bool)> {
        let Some(sample) = self.segment_of(ix).or(self.segments.last()) else {
            return Vec::new();
        };
        let a = c.get(ix);
        let mut title = Vec::new();
        bigrams(a.title(), &mut title);
        title.sort_unstable();
        title.dedup();
        let mut body = Vec::new();
        bigrams(a.summary(), &mut body);
        for block in a.blocks() {
            bigrams(block.text, &mut body);
        }
        body.sort_unstable();
        body.dedup();
        body.retain(|k| title.binary_search(k).is_err());
        let local_max = (sample.segment.len() as f32 * MAX_SHARE).max(2.0) as u32;
        let dfs = sample.segment.body.dfs_sorted(&body);
        let mut rated: Vec<(u32, Key)> = dfs
            .into_iter()
            .zip(body)
            .filter(|&(df, _)| df <= local_max)
            .collect();
        // Rarest first, but a bigram only this article has in its segment is the least
        // likely to be shared anywhere: those come after the rest.
        rated.sort_unstable_by_key(|&(df, k)| (df < 2, df, k));
        rated.truncate(BODY_TERMS);
        let mut terms: Vec<(Key, bool)> = title.into_iter().map(|k| (k, true)).collect();
        terms.extend(rated.into_iter().map(|(_, k)| (k, false)));
        terms
    }

    /// Tops `out` up to `n` from the same category, the same top-level category, then
    /// anywhere, newest first.
    fn fill(&self, c: &Collection, ix: ArticleIx, n: usize, out: &mut Vec<ArticleIx>) {
        let tree = c.categories();
        let own = c.category_of(ix);
        for scope in [own, top_level(tree, own), CategoryTree::ROOT] {
            let mut pool = c.members_within(scope);
            pool.sort_unstable_by_key(|&d| {
                (std::cmp::Reverse(c.get(d).date().map(|d| d.key())), d)
            });
            push_new(out, ix, n, pool);
            if out.len() >= n {
                return;
            }
        }
    }
}

/// Appends from `more` what is neither `ix` nor already in `out`, up to `n` in all.
fn push_new(out: &mut Vec<ArticleIx>, ix: ArticleIx, n: usize, more: Vec<ArticleIx>) {
    for d in more {
        if out.len() >= n {
            return;
        }
        if d != ix && !out.contains(&d) {
            out.push(d);
        }
    }
}

/// Appends the bigrams of `text`'s folded form to `keys`.
fn bigrams(text: &str, keys: &mut Vec<Key>) {
    let mut prev = None;
    fold_with(text, |ch, _| {
        if let Some(p) = prev {
            keys.push(key(p, ch));
        }
        prev = Some(ch);
    });
}

/// The first level below the root on the way to `id` (the root for the root).
fn top_level(tree: &CategoryTree, id: CategoryId) -> CategoryId {
    let mut at = id;
    while let Some(parent) = tree.node(at).parent {
        if parent == CategoryTree::ROOT {
            return at;
        }
        at = parent;
    }
    at
}
