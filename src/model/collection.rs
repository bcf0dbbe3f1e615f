//! The collection: articles in file order, found by id, filed in the category tree.

use std::collections::HashMap;
use std::ops::Range;

use super::{Article, CategoryId, CategoryTree};

/// The category of an article that names none.
pub const UNCATEGORIZED: &str = "未分类";

/// An article's position in its collection (file order, dense from 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArticleIx(pub u32);

impl ArticleIx {
    /// The position as an index into slices.
    pub fn get(self) -> usize {
        self.0 as usize
    }
}

/// Articles as they arrive from a loader, in file order.
#[derive(Debug, Default)]
pub struct Batch {
    /// Validated articles, each id not seen before in this load.
    pub articles: Vec<Article>,
}

/// An article whose id is already taken; it was not added.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("duplicate id {id:?}")]
pub struct DuplicateId {
    /// The id that was taken.
    pub id: String,
}

/// All loaded articles.
#[derive(Debug, Default)]
pub struct Collection {
    /// The collection's own title, from the `{"title": …, "articles": …}` form.
    pub title: Option<String>,
    articles: Vec<Article>,
    categories: CategoryTree,
    category_of: Vec<CategoryId>,
    members: Vec<Vec<ArticleIx>>,
    by_id: HashMap<Box<str>, ArticleIx>,
}

impl Collection {
    /// An empty collection.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an article at the end; refuses one whose id is already taken.
    pub fn push(&mut self, article: Article) -> Result<ArticleIx, DuplicateId> {
        if self.by_id.contains_key(article.id()) {
            return Err(DuplicateId {
                id: article.id().to_owned(),
            });
        }
        let ix = ArticleIx(self.articles.len() as u32);
        let category = if article.category_path().len() == 0 {
            self.categories.intern([UNCATEGORIZED])
        } else {
            self.categories.intern(article.category_path())
        };
        self.categories.count_article(category);
        if self.members.len() < self.categories.len() {
            self.members.resize_with(self.categories.len(), Vec::new);
        }
        self.members[category.0 as usize].push(ix);
        self.category_of.push(category);
        self.by_id.insert(article.id().into(), ix);
        self.articles.push(article);
        Ok(ix)
    }

    /// Adds a loader's batch, returning the positions it took. Articles whose id is
    /// taken are returned as errors; loaders check ids first, so this is a safety net.
    pub fn extend(&mut self, batch: Batch) -> (Range<ArticleIx>, Vec<DuplicateId>) {
        let start = ArticleIx(self.articles.len() as u32);
        let mut duplicates = Vec::new();
        for article in batch.articles {
            if let Err(e) = self.push(article) {
                duplicates.push(e);
            }
        }
        (start..ArticleIx(self.articles.len() as u32), duplicates)
    }

    /// How many articles there are.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// The article at `ix`.
    ///
    /// # Panics
    /// If `ix` did not come from this collection.
    pub fn get(&self, ix: ArticleIx) -> &Article {
        &self.articles[ix.get()]
    }

    /// All articles in file order.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// Finds an article by id.
    pub fn find(&self, id: &str) -> Option<ArticleIx> {
        self.by_id.get(id).copied()
    }

    /// The category tree.
    pub fn categories(&self) -> &CategoryTree {
        &self.categories
    }

    /// Where `ix` is filed.
    pub fn category_of(&self, ix: ArticleIx) -> CategoryId {
        self.category_of[ix.get()]
    }

    /// Articles filed directly in `id`, in file order.
    pub fn members(&self, id: CategoryId) -> &[ArticleIx] {
        self.members.get(id.0 as usize).map_or(&[], Vec::as_slice)
    }

    /// Articles filed in `id` or below it, in no particular order.
    pub fn members_within(&self, id: CategoryId) -> Vec<ArticleIx> {
        if id == CategoryTree::ROOT {
            return (0..self.articles.len() as u32).map(ArticleIx).collect();
        }
        let mut out = Vec::with_capacity(self.categories.node(id).total as usize);
        let mut stack = vec![id];
        while let Some(node) = stack.pop() {
            out.extend_from_slice(self.members(node));
            stack.extend(&self.categories.node(node).children);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ArticleBuilder;

    fn article(id: &str, path: &[&str]) -> Article {
        let mut b = ArticleBuilder::new();
        b.id(id).title("标题");
        for p in path {
            b.category_level(p);
        }
        b.build().unwrap()
    }

    #[test]
    fn files_articles_and_refuses_duplicate_ids() {
        let mut c = Collection::new();
        let a = c.push(article("1", &["情感", "故事"])).unwrap();
        c.push(article("2", &[])).unwrap();
        assert_eq!(
            c.push(article("1", &["新闻"])),
            Err(DuplicateId { id: "1".into() })
        );
        assert_eq!(c.len(), 2);
        assert_eq!(c.find("1"), Some(a));
        let story = c.category_of(a);
        assert_eq!(c.categories().path(story), ["情感", "故事"]);
        let other = c.category_of(ArticleIx(1));
        assert_eq!(c.categories().path(other), [UNCATEGORIZED]);
        assert_eq!(c.categories().node(CategoryTree::ROOT).total, 2);
        // The refused article left no trace in the tree.
        assert_eq!(c.categories().len(), 4);
    }

    #[test]
    fn members_within_walks_the_subtree() {
        let mut c = Collection::new();
        c.push(article("1", &["a", "b"])).unwrap();
        c.push(article("2", &["a"])).unwrap();
        c.push(article("3", &["c"])).unwrap();
        let a = c.categories().node(c.category_of(ArticleIx(1))).parent;
        assert_eq!(a, Some(CategoryTree::ROOT));
        let mut within = c.members_within(c.category_of(ArticleIx(1)));
        within.sort();
        assert_eq!(within, [ArticleIx(0), ArticleIx(1)]);
        assert_eq!(c.members_within(CategoryTree::ROOT).len(), 3);
    }
}
