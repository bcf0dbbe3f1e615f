//! Ordering articles: 热门文章 (hot), 最新文章 (latest), 相关阅读 (related) and search.

mod order;
mod search;

pub use order::Ranks;
pub use search::{Hit, Index, SearchResults, match_ranges, snippet};
