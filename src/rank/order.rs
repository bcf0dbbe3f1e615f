//! 热门文章 and 最新文章: orders computed once and filtered per category.

use crate::model::{ArticleIx, CategoryId, CategoryTree, Collection};

/// Hot and latest orders over a whole collection.
#[derive(Debug, Default, Clone)]
pub struct Ranks {
    hot: Vec<ArticleIx>,
    latest: Vec<ArticleIx>,
}

impl Ranks {
    /// Ranks every article of `c`.
    pub fn compute(c: &Collection) -> Ranks {
        let mut latest: Vec<ArticleIx> = (0..c.len() as u32).map(ArticleIx).collect();
        latest.sort_by_key(|&ix| std::cmp::Reverse(c.get(ix).date().map(|d| d.key())));
        let mut hot = latest.clone();
        hot.sort_by_key(|&ix| std::cmp::Reverse(c.get(ix).views()));
        Ranks { hot, latest }
    }

    /// The newest first (undated last), within `category`.
    pub fn latest(&self, c: &Collection, category: CategoryId) -> Vec<ArticleIx> {
        filter(&self.latest, c, category)
    }

    /// The most read first, within `category`.
    pub fn hot(&self, c: &Collection, category: CategoryId) -> Vec<ArticleIx> {
        filter(&self.hot, c, category)
    }
}

fn filter(order: &[ArticleIx], c: &Collection, category: CategoryId) -> Vec<ArticleIx> {
    if category == CategoryTree::ROOT {
        return order.to_vec();
    }
    order
        .iter()
        .copied()
        .filter(|&ix| c.categories().is_within(c.category_of(ix), category))
        .collect()
}
