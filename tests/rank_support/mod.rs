//! Shared by the `rank*` tests: generated collections, batch-wise indexing as the app
//! does it, and brute-force references to compare the index against.
// Each test file uses a different part of this module.
#![allow(dead_code)]

#[path = "../../examples/gen/synth/mod.rs"]
pub mod synth;

use reader::model::{Article, ArticleIx, Batch, Collection};
use reader::rank::{Feed, Hit, Index, Ranks, Segment};
use unicode_normalization::UnicodeNormalization;

use synth::{Options, Size, Synth};

/// `n` generated articles with short bodies, as separate articles in file order.
pub fn articles(n: usize, seed: u64) -> Vec<Article> {
    let synth = Synth::new(Options {
        articles: n,
        seed,
        size: Size::Small,
    });
    (0..n).map(|k| synth.article(k)).collect()
}

/// How the loader indexes its batches.
#[derive(Clone, Copy, Debug)]
pub enum Indexing {
    /// A segment per batch, never merged.
    PerBatch,
    /// Through a [`Feed`], which merges small segments.
    Feed,
}

/// Loads `articles` the way the app does: batch by batch (sizes cycling through
/// `sizes`), each batch indexed before the collection takes it, the orders merged
/// after.
pub fn load_in_batches(
    articles: Vec<Article>,
    sizes: &[usize],
    indexing: Indexing,
) -> (Collection, Index, Ranks) {
    let mut c = Collection::new();
    let mut index = Index::new();
    let mut ranks = Ranks::new();
    let mut feed = Feed::new();
    let mut rest = articles.into_iter().peekable();
    for &size in sizes.iter().cycle() {
        if rest.peek().is_none() {
            break;
        }
        let batch: Vec<Article> = rest.by_ref().take(size.max(1)).collect();
        let update = match indexing {
            Indexing::PerBatch => (c.len(), Segment::build(&batch).into()),
            Indexing::Feed => {
                let u = feed.add(&batch);
                (u.first.get(), u.segment)
            }
        };
        let (added, duplicates) = c.extend(Batch { articles: batch });
        assert!(duplicates.is_empty());
        index.push(ArticleIx(update.0 as u32), update.1);
        ranks.extend(&c, added);
    }
    (c, index, ranks)
}

/// Search folding by its definition: NFKC of the whole string, then lowercase.
pub fn fold(s: &str) -> String {
    s.nfkc().flat_map(char::to_lowercase).collect()
}

/// The articles' fields, folded once, for brute-force scans.
pub struct Folded {
    titles: Vec<String>,
    bodies: Vec<Vec<String>>,
    dates: Vec<Option<i64>>,
}

impl Folded {
    pub fn new(c: &Collection) -> Folded {
        let a = c.articles();
        Folded {
            titles: a.iter().map(|a| fold(a.title())).collect(),
            bodies: a
                .iter()
                .map(|a| {
                    std::iter::once(a.summary())
                        .chain(a.blocks().map(|b| b.text))
                        .map(fold)
                        .collect()
                })
                .collect(),
            dates: a.iter().map(|a| a.date().map(|d| d.key())).collect(),
        }
    }

    /// Every article containing the folded, trimmed `query`: title matches newest first,
    /// then text matches newest first; undated last, ties in file order.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let q = fold(query);
        let q = q.trim();
        if q.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<Hit> = (0..self.titles.len())
            .filter_map(|i| {
                let in_title = self.titles[i].contains(q);
                let in_body = self.bodies[i].iter().any(|b| b.contains(q));
                (in_title || in_body).then_some(Hit {
                    article: ArticleIx(i as u32),
                    in_title,
                })
            })
            .collect();
        hits.sort_by_key(|h| {
            (
                !h.in_title,
                std::cmp::Reverse(self.dates[h.article.get()]),
                h.article,
            )
        });
        hits
    }
}
