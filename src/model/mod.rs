//! Plain data: articles, categories and the collection that holds them.
//!
//! Nothing here does I/O or knows about the terminal. The loader builds [`Article`]s
//! through [`ArticleBuilder`], which refuses the ones that break the contract (no id, no
//! title), so an invalid article cannot be represented.

mod article;
mod category;
mod collection;
mod date;

pub use article::{Article, ArticleBuilder, ArticleError, Block, BlockKind, Blocks};
pub use category::{CategoryId, CategoryNode, CategoryTree};
pub use collection::{ArticleIx, Batch, Collection, DuplicateId};
pub use date::Date;
