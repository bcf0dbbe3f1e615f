//! A folded search query and the check that an article really contains it.

use memchr::memmem::Finder;

use super::fold::{Origin, Purity, fold, fold_into, is_ideograph};
use super::postings::{Key, key};
use super::raw::{Raw, Verdict, longest_ideograph_run};
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
    /// For a query of ideographs and ASCII letters and digits only: a search of the
    /// original bytes.
    raw: Option<Raw>,
    /// Otherwise, the longest run of ideographs in it, to rule texts out quickly.
    anchor: Option<Finder<'static>>,
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
        let raw = chars
            .iter()
            .all(|&c| is_ideograph(c) || c.is_ascii_alphanumeric())
            .then(|| Raw::new(&folded));
        let anchor = raw
            .is_none()
            .then(|| longest_ideograph_run(&folded))
            .flatten()
            .map(|run| Finder::new(run).into_owned());
        Some(Query {
            finder: Finder::new(folded.as_bytes()).into_owned(),
            chars: chars.len(),
            keys,
            raw,
            anchor,
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

    /// Whether the folded `text` contains the query. `purity` is the text's (or its
    /// article's); `scratch` is reused between calls.
    pub(crate) fn matches(&self, text: &str, purity: Purity, scratch: &mut String) -> bool {
        if let Some(raw) = &self.raw {
            match raw.find(text) {
                Verdict::Found => return true,
                Verdict::Absent if raw.trusts(purity) => return false,
                _ => {}
            }
        } else if let Some(anchor) = &self.anchor
            && purity.ideographs == Origin::Literal
            && anchor.find(text.as_bytes()).is_none()
        {
            return false;
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

    fn purity_of(text: &str) -> Purity {
        fold_into(text, &mut String::new())
    }

    #[test]
    fn verifies_on_folded_text_whatever_the_path() {
        let mut scratch = String::new();
        let cases = [
            ("gdp增长", "今年ＧＤＰ增长五成", true),
            ("gdp增长", "今年GdP增长五成", true),
            ("gdp增长", "今年ＧＤＰ下降", false),
            ("gdp", "全年gd p", false),
            ("发展", "经济发展", true),
            ("5g网络", "５Ｇ网络", true),
            // U+2F00 (the Kangxi radical) folds to 一: only folding sees it.
            ("一个", "\u{2F00}个", true),
            ("cafe", "Cafe\u{301}", false),
            ("cafe", "Cafe\u{301} cafe", true),
            ("gdp 5%", "GDP 5％", true),
        ];
        for (query, text, want) in cases {
            let q = Query::new(query).unwrap();
            let purity = purity_of(text);
            assert_eq!(
                q.matches(text, purity, &mut scratch),
                want,
                "{query:?} in {text:?}"
            );
        }
    }
}
