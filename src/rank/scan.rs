//! Search without an index: every article read once. For `--search`, which answers one
//! query and ends: at 100,000 articles, building the index first costs several times
//! the scan it would save.

use super::fold::{Origin, Purity};
use super::query::Query;
use super::search::Hit;
use crate::model::{ArticleIx, Collection};

/// What a scan knows of a text's purity before folding it: nothing, so a quick
/// "absent" from the original bytes is never trusted, only a quick "found".
const UNKNOWN: Purity = Purity {
    ideographs: Origin::Folded,
    alnum: Origin::Folded,
};

/// Every article whose title, summary or body text contains `query` under search
/// folding, in the order [`Index::search`](super::Index::search) gives: title matches
/// first, then text matches, each newest first, undated last, ties in file order.
pub fn scan(c: &Collection, query: &str) -> Vec<Hit> {
    let Some(query) = Query::new(query) else {
        return Vec::new();
    };
    let mut scratch = String::new();
    let mut titles = Vec::new();
    let mut texts = Vec::new();
    for (i, a) in c.articles().iter().enumerate() {
        let ix = ArticleIx(i as u32);
        if query.in_title(a, UNKNOWN, &mut scratch) {
            titles.push(ix);
        } else if query.in_body(a, UNKNOWN, &mut scratch) {
            texts.push(ix);
        }
    }
    let newest_first = |ixs: &mut Vec<ArticleIx>| {
        ixs.sort_by_cached_key(|&ix| {
            let date = c.get(ix).date().map_or(i64::MIN, |d| d.key());
            (std::cmp::Reverse(date), ix)
        });
    };
    newest_first(&mut titles);
    newest_first(&mut texts);
    let hit = |in_title| move |article| Hit { article, in_title };
    titles
        .into_iter()
        .map(hit(true))
        .chain(texts.into_iter().map(hit(false)))
        .collect()
}
