//! Ordering articles: 热门文章 (hot), 最新文章 (latest), 相关阅读 (related) and search.
//!
//! Text is compared folded (NFKC, then lowercase: see `fold`), through an inverted index
//! of character bigrams built a [`Segment`] per loaded batch, off the app thread, and
//! appended to the [`Index`] cheaply. `docs/search.md` describes the rules and the
//! numbers.

mod feed;
mod fold;
mod highlight;
mod index;
mod order;
mod postings;
mod query;
mod raw;
mod related;
mod scan;
mod search;
mod segment;

pub use feed::{Feed, IndexUpdate, MAX_MERGED, index_stretch};
pub use highlight::{Matcher, match_ranges, snippet};
pub use index::{Index, IndexStats};
pub use order::{Ranked, Ranks};
pub use related::{BODY_TERMS, MAX_SHARE};
pub use scan::scan;
pub use search::{Budget, Hit, SearchResults, Total};
pub use segment::Segment;
