//! A folded search query and the check that an article really contains it.

use memchr::memmem::Finder;

use super::fold::{Purity, fold, fold_into, is_ideograph};
use super::postings::{Key, key};
use crate::model::Article;

/// A query folded like the indexed text, ready to verify candidates.
#[derive(Debug)]
pub(crate) struct Query {
    /// The folded query, without leading or trailing white space.
    folded: String,
    /// How many characters it has.
    chars: usize,
    /// Its distinct bigrams.
    keys: Vec<Key>,
    finder: Finder<'static>,
    /// The longest run of ideographs in it, when it has other characters too.
    anchor: Option<Finder<'static>>,
    ideographs_only: bool,
}

impl Query {
    /// Folds `query`; `None` when nothing is left to look for.
    pub(crate) fn new(query: &str) -> Option<Query> {
        let folded = fold(query).trim().to_owned();
        if folded.is_empty() {
            return None;
        }
        let chars: Vec<char> = folded.chars().collect();
        let mut keys: Vec<Key> = chars.windows(2).map(|w| key(w[0], w[1])).collect();
        keys.sort_unstable();
        keys.dedup();
        let ideographs_only = chars.iter().all(|&c| is_ideograph(c));
        let anchor = (!ideographs_only)
            .then(|| longest_ideograph_run(&folded))
            .flatten()
            .map(|run| Finder::new(run).into_owned());
        Some(Query {
            finder: Finder::new(folded.as_bytes()).into_owned(),
            chars: chars.len(),
            keys,
            anchor,
            ideographs_only,
            folded,
        })
    }

    /// How many characters the folded query has.
    pub(crate) fn chars(&self) -> usize {
        self.chars
    }

    /// The query's distinct bigrams.
    pub(crate) fn keys(&self) -> &[Key] {
        &self.keys
    }

    /// The folded query.
    pub(crate) fn folded(&self) -> &str {
        &self.folded
    }

    /// Whether the folded `text` contains the query. `scratch` is reused between calls.
    pub(crate) fn matches(&self, text: &str, purity: Purity, scratch: &mut String) -> bool {
        if purity == Purity::Plain {
            // Ideographs in plain text fold to themselves and never join their
            // neighbours, so the original bytes can answer (or rule out) directly.
            if self.ideographs_only {
                return self.finder.find(text.as_bytes()).is_some();
            }
            if let Some(anchor) = &self.anchor
                && anchor.find(text.as_bytes()).is_none()
            {
                return false;
            }
        }
        scratch.clear();
        fold_into(text, scratch);
        self.finder.find(scratch.as_bytes()).is_some()
    }

    /// Whether the article's title contains the query.
    pub(crate) fn in_title(&self, a: &Article, purity: Purity, scratch: &mut String) -> bool {
        self.matches(a.title(), purity, scratch)
    }

    /// Whether the article's summary or any body block contains the query.
    pub(crate) fn in_body(&self, a: &Article, purity: Purity, scratch: &mut String) -> bool {
        self.matches(a.summary(), purity, scratch)
            || a.blocks().any(|b| self.matches(b.text, purity, scratch))
    }
}

fn longest_ideograph_run(s: &str) -> Option<&str> {
    let mut best: Option<&str> = None;
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        match (is_ideograph(c), start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                if best.is_none_or(|b| b.len() < i - st) {
                    best = Some(&s[st..i]);
                }
                start = None;
            }
            _ => {}
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_trims_the_query() {
        let q = Query::new("  ＧＤＰ增长 ").unwrap();
        assert_eq!(q.folded(), "gdp增长");
        assert_eq!(q.chars(), 5);
        assert_eq!(q.keys().len(), 4);
        assert!(Query::new(" \u{3000} ").is_none());
    }

    #[test]
    fn verifies_on_folded_text() {
        let mut scratch = String::new();
        let q = Query::new("gdp增长").unwrap();
        assert!(q.matches("今年ＧＤＰ增长五成", Purity::Plain, &mut scratch));
        assert!(!q.matches("今年ＧＤＰ下降", Purity::Plain, &mut scratch));
        let q = Query::new("发展").unwrap();
        assert!(q.matches("经济发展", Purity::Plain, &mut scratch));
        // U+2F00 (the Kangxi radical) folds to 一: only the slow path sees it.
        let q = Query::new("一个").unwrap();
        assert!(q.matches("\u{2F00}个", Purity::Exotic, &mut scratch));
    }

    #[test]
    fn anchors_on_the_longest_ideograph_run() {
        assert_eq!(longest_ideograph_run("a中b中国c"), Some("中国"));
        assert_eq!(longest_ideograph_run("abc"), None);
        assert_eq!(longest_ideograph_run("中国"), Some("中国"));
    }
}
