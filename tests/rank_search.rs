//! Search against its definition on small random collections: every article whose
//! folded (NFKC, lowercase) title or text contains the folded query, title matches
//! first, newest first — whatever the text's mix of widths, cases, ligatures,
//! combining marks and compatibility characters, and however the batches fell.

mod rank_support;

use proptest::prelude::*;
use rank_support::{Folded, Indexing, fold, load_in_batches};
use reader::model::{Article, ArticleBuilder, BlockKind, Date};
use reader::rank::{Budget, Matcher, match_ranges, scan, snippet};

/// Characters chosen to stress folding: ideographs (and characters that fold into
/// them), ASCII in both cases and widths, ligatures, decomposed and precomposed
/// letters, half-width kana with sound marks, Hangul jamo, spaces of both widths.
const ALPHABET: &[&str] = &[
    "发", "展", "上", "海", "中", "国", "一", "平", "成", "g", "d", "p", "G", "D", "P", "ｇ", "Ｄ",
    "Ｐ", "5", "５", "%", "％", "ﬁ", "f", "i", "é", "e\u{301}", "\u{301}", "①", "1", "㍻",
    "\u{F900}", "豈", "\u{2F00}", "ｶ", "ﾞ", "ガ", "ㄱ", "ㅏ", "가", "İ", "Σ", "σ", " ", "\u{3000}",
    "，", ",", "\n",
];

fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..max).prop_map(|v| v.concat())
}

fn article() -> impl Strategy<Value = (String, Vec<String>, Option<u8>)> {
    (
        text(8).prop_filter("titles are not blank", |t| !t.trim().is_empty()),
        prop::collection::vec(text(24), 0..3),
        prop::option::of(0u8..6),
    )
}

fn build(specs: &[(String, Vec<String>, Option<u8>)]) -> Vec<Article> {
    specs
        .iter()
        .enumerate()
        .map(|(k, (title, blocks, day))| {
            let mut b = ArticleBuilder::new();
            b.id(&k.to_string()).title(title);
            b.date(day.and_then(|d| Date::parse(&format!("2024-01-0{}", d + 1))));
            for (n, t) in blocks.iter().enumerate() {
                if n == 0 && k % 2 == 0 {
                    b.summary(t);
                } else {
                    b.block(BlockKind::Paragraph, t, "");
                }
            }
            b.build().unwrap()
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 300,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn search_equals_folded_substring_scan(
        specs in prop::collection::vec(article(), 1..12),
        queries in prop::collection::vec(text(5), 1..6),
        batch in 1usize..5,
        merged in any::<bool>(),
    ) {
        let indexing = if merged { Indexing::Feed } else { Indexing::PerBatch };
        let (c, index, _) = load_in_batches(build(&specs), &[batch, 3], indexing);
        let folded = Folded::new(&c);
        // Random queries, and substrings of the texts themselves (which must match).
        let mut all = queries.clone();
        for (title, blocks, _) in &specs {
            all.push(title.chars().skip(1).take(3).collect());
            all.extend(blocks.iter().map(|b| b.chars().take(4).collect::<String>()));
        }
        for q in &all {
            let got = index.search(&c, q);
            prop_assert_eq!(&got.hits, &folded.search(q), "query {:?}", q);
            // One article at a time, the same hits in the same order.
            let mut step = index.start_search(&c, q, Budget::Articles(1));
            while !step.is_complete() {
                step.resume(&index, &c, Budget::Articles(1));
            }
            prop_assert_eq!(&step.hits, &got.hits, "stepped {:?}", q);
            // Without the index (`--search`), the same hits in the same order.
            prop_assert_eq!(&scan(&c, q), &got.hits, "scanned {:?}", q);
        }
    }

    #[test]
    fn match_ranges_cover_exactly_the_folded_matches(hay in text(30), q in text(4)) {
        let needle = fold(&q);
        let needle = needle.trim();
        let ranges = match_ranges(&hay, &q);
        prop_assert_eq!(
            ranges.is_empty(),
            needle.is_empty() || !fold(&hay).contains(needle),
            "{:?} in {:?}: {:?}", q, hay, ranges
        );
        let mut end = 0;
        for r in &ranges {
            prop_assert!(r.start >= end && r.start < r.end);
            prop_assert!(hay.is_char_boundary(r.start) && hay.is_char_boundary(r.end));
            prop_assert!(fold(&hay[r.clone()]).contains(needle), "{:?}", &hay[r.clone()]);
            end = r.end;
        }
    }

    #[test]
    fn snippets_are_single_lines(body in text(80), q in text(3)) {
        let mut b = ArticleBuilder::new();
        b.id("1").title("标题").block(BlockKind::Paragraph, &body, "");
        let matcher = Matcher::new(&q);
        prop_assume!(matcher.is_some(), "a query of white space finds nothing");
        let s = snippet(&b.build().unwrap(), &matcher.unwrap(), 20);
        prop_assert!(!s.contains(['\n', '\t']));
        // Twenty characters, and `…` at either end where text was cut.
        prop_assert!(s.chars().count() <= 20 + 2, "{:?}", s);
    }
}

#[test]
fn width_and_case_variants_find_each_other() {
    let specs = [
        ("ＧＤＰ增长".to_owned(), vec![], Some(1)),
        ("gdp 下降".to_owned(), vec!["全年GDP".to_owned()], Some(2)),
        ("其他".to_owned(), vec!["Gdp".to_owned()], None),
    ];
    let (c, index, _) = load_in_batches(build(&specs), &[2], Indexing::PerBatch);
    for q in ["GDP", "gdp", "ＧＤＰ", "Ｇdp"] {
        let hits = index.search(&c, q).hits;
        let order: Vec<(u32, bool)> = hits.iter().map(|h| (h.article.0, h.in_title)).collect();
        // Titles first (newest first), then text.
        assert_eq!(order, [(1, true), (0, true), (2, false)], "{q}");
    }
}
