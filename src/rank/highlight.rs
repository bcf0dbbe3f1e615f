//! Where a query matches inside one text: byte ranges in the original text for
//! highlighting and `n`/`N` jumps, and one-line snippets for `--search`.

use std::ops::Range;

use memchr::memmem;

use super::fold::fold_with;
use super::query::Query;
use crate::model::Article;

/// The byte ranges of `text` that match `query` under search folding: see
/// [`Matcher::ranges`]. For many texts, make the [`Matcher`] once.
pub fn match_ranges(text: &str, query: &str) -> Vec<Range<usize>> {
    Matcher::new(query).map_or_else(Vec::new, |m| m.ranges(text))
}

/// A query folded once, for finding its matches in many texts.
#[derive(Debug)]
pub struct Matcher(Query);

impl Matcher {
    /// `None` when the query has nothing to look for.
    pub fn new(query: &str) -> Option<Matcher> {
        Query::new(query).map(Matcher)
    }

    /// The byte ranges of `text` that match under search folding (NFKC, lowercase,
    /// query trimmed), in order, never overlapping. A range covers whole characters of
    /// the original text — for a match inside a character that folds to several
    /// (`ﬁ` → `fi`), the whole character.
    pub fn ranges(&self, text: &str) -> Vec<Range<usize>> {
        let needle = self.0.folded().as_bytes();
        let mut folded = String::with_capacity(text.len());
        // Per folded character: where it starts in `folded`, and its original cluster.
        let mut origin: Vec<(u32, u32, u32)> = Vec::with_capacity(text.len() / 2);
        fold_with(text, |c, r| {
            origin.push((folded.len() as u32, r.start as u32, r.end as u32));
            folded.push(c);
        });
        let mut out: Vec<Range<usize>> = Vec::new();
        for m in memmem::find_iter(folded.as_bytes(), needle) {
            let first = origin.partition_point(|o| (o.0 as usize) < m);
            let last = origin.partition_point(|o| (o.0 as usize) < m + needle.len()) - 1;
            let range = origin[first].1 as usize..origin[last].2 as usize;
            match out.last_mut() {
                Some(prev) if range.start < prev.end => prev.end = prev.end.max(range.end),
                _ => out.push(range),
            }
        }
        out
    }
}

/// One line of at most about `max_chars` characters around the first match of `query`
/// in the article's summary or body, for `--search` output: white space (newlines and
/// tabs included) collapsed to single spaces, `…` where text was cut. When only the
/// title matches, the start of the excerpt.
pub fn snippet(article: &Article, query: &Matcher, max_chars: usize) -> String {
    let fields = std::iter::once(article.summary()).chain(article.blocks().map(|b| b.text));
    for text in fields {
        if let Some(m) = query.ranges(text).into_iter().next() {
            return window(text, m, max_chars);
        }
    }
    window(article.excerpt(), 0..0, max_chars)
}

/// Up to `max_chars` characters of `text` around `m`, about a third of them before it.
fn window(text: &str, m: Range<usize>, max_chars: usize) -> String {
    let before: Vec<(usize, char)> = text[..m.start].char_indices().collect();
    let lead = before.len().min(max_chars / 3);
    let start = before.get(before.len() - lead).map_or(m.start, |&(i, _)| i);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut count = 0;
    let mut end = text.len();
    let mut space = false;
    for (i, c) in text[start..].char_indices() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let gap = space && count > 0;
        if count + 1 + usize::from(gap) > max_chars {
            end = start + i;
            break;
        }
        if gap {
            out.push(' ');
            count += 1;
        }
        space = false;
        out.push(c);
        count += 1;
    }
    if end < text.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleBuilder, BlockKind};

    #[test]
    fn ranges_are_in_the_original_text() {
        let text = "今年ＧＤＰ增长，gdp 与 Gdp";
        let ranges = match_ranges(text, "GDP");
        let found: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(found, ["ＧＤＰ", "gdp", "Gdp"]);
        assert_eq!(match_ranges(text, " "), Vec::<Range<usize>>::new());
        assert_eq!(match_ranges(text, "发展"), Vec::<Range<usize>>::new());
    }

    #[test]
    fn a_match_inside_a_ligature_covers_the_ligature() {
        let text = "ﬁﬁ";
        assert_eq!(match_ranges(text, "if"), vec![0..6]);
        assert_eq!(match_ranges(text, "f"), [0..3, 3..6]);
    }

    fn matcher(query: &str) -> Matcher {
        Matcher::new(query).expect("a query")
    }

    #[test]
    fn snippets_are_one_line_around_the_match() {
        let mut b = ArticleBuilder::new();
        b.id("1").title("标题").block(
            BlockKind::Paragraph,
            "第一行\n第二行\t有上海的消息，还有很多很多很多很多别的文字在后面",
            "",
        );
        let a = b.build().unwrap();
        let s = snippet(&a, &matcher("上海"), 12);
        assert!(s.contains("上海"), "{s}");
        assert!(!s.contains(['\n', '\t']), "{s}");
        assert!(s.ends_with('…'), "{s}");
        assert_eq!(snippet(&a, &matcher("标题"), 5), "第一行 第…");
        assert_eq!(
            snippet(&a, &matcher("第一"), 100),
            a.block(0).unwrap().text.replace(['\n', '\t'], " ")
        );
    }
}
