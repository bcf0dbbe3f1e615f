//! Ranking, search and related articles on a generated 20,000-article collection,
//! loaded batch by batch as the app loads it, checked against brute-force references.

mod rank_support;

use std::cmp::Reverse;
use std::collections::HashSet;
use std::sync::OnceLock;

use rank_support::{Folded, Indexing, articles, load_in_batches};
use reader::model::{ArticleIx, CategoryId, CategoryTree, Collection};
use reader::rank::{Budget, Index, Ranks, SearchResults, Total, scan};

const N: usize = 20_000;

struct Loaded {
    c: Collection,
    index: Index,
    ranks: Ranks,
    folded: Folded,
}

/// The collection, loaded once for all tests in uneven batches.
fn loaded() -> &'static Loaded {
    static LOADED: OnceLock<Loaded> = OnceLock::new();
    LOADED.get_or_init(|| {
        let batches = [1000, 37, 4096, 1, 2500];
        let (c, index, ranks) = load_in_batches(articles(N, 7), &batches, Indexing::Feed);
        let folded = Folded::new(&c);
        Loaded {
            c,
            index,
            ranks,
            folded,
        }
    })
}

/// How often each article is named in others' `related` (each citing article once,
/// never itself), computed directly.
fn citations(c: &Collection) -> Vec<u32> {
    let mut cited = vec![0; c.len()];
    for (i, a) in c.articles().iter().enumerate() {
        let named: HashSet<&str> = a.related_ids().filter(|&id| id != a.id()).collect();
        for id in named {
            if let Some(t) = c.find(id) {
                assert_ne!(t.get(), i);
                cited[t.get()] += 1;
            }
        }
    }
    cited
}

/// The articles within `category`, sorted by `key`, ties in file order.
fn sorted_within<K: Ord>(
    c: &Collection,
    category: CategoryId,
    key: impl Fn(ArticleIx) -> K,
) -> Vec<ArticleIx> {
    let mut v = c.members_within(category);
    v.sort_by_key(|&ix| (key(ix), ix));
    v
}

#[test]
fn latest_and_hot_follow_their_rules_in_every_category() {
    let l = loaded();
    let c = &l.c;
    let cited = citations(c);
    let date = |ix: ArticleIx| c.get(ix).date().map(|d| d.key());
    let latest_key = |ix: ArticleIx| Reverse(date(ix));
    let hot_key = |ix: ArticleIx| {
        let weight = match c.get(ix).views() {
            Some(v) => (true, v),
            None => (false, u64::from(cited[ix.get()])),
        };
        (Reverse(weight), Reverse(date(ix)))
    };
    assert!(cited.iter().any(|&n| n > 1), "the generator names articles");
    let tree = c.categories();
    assert!(tree.len() > 30, "two-level categories");
    for category in tree.preorder() {
        let latest: Vec<_> = l.ranks.latest(c, category).collect();
        assert_eq!(
            latest,
            sorted_within(c, category, latest_key),
            "{category:?}"
        );
        let hot: Vec<_> = l.ranks.hot(c, category).collect();
        assert_eq!(hot, sorted_within(c, category, hot_key), "{category:?}");
    }
    assert_eq!(l.ranks.latest_all().len(), N);
    // Merged batch by batch or computed at once, the orders are the same.
    let once = Ranks::compute(c);
    assert_eq!(once.latest_all(), l.ranks.latest_all());
    let root = CategoryTree::ROOT;
    assert!(once.hot(c, root).eq(l.ranks.hot(c, root)));
    // Undated articles come last in latest.
    let last = l.ranks.latest(c, CategoryTree::ROOT).last().unwrap();
    assert_eq!(c.get(last).date(), None);
}

#[test]
fn search_equals_a_brute_force_scan() {
    let l = loaded();
    for query in [
        "发展",
        "上海",
        "GDP",
        "ｇｄｐ",
        "Gdp增长",
        "人工智能",
        "5g",
        "經濟",
        "政府的",
        "的",
        "a",
        "，",
        "年",
        "同比增长",
        "数据显示，",
        "不存在的词语",
        " 上海 ",
        "",
    ] {
        let got = l.index.search(&l.c, query);
        assert!(got.is_complete());
        let want = l.folded.search(query);
        assert_eq!(got.hits, want, "{query:?}");
        assert_eq!(scan(&l.c, query), want, "{query:?} without the index");
        assert_eq!(got.total(), Total::Exact(want.len()));
    }
    // Sanity: the queries above really find things, in titles and in text.
    let hits = l.index.search(&l.c, "发展").hits;
    assert!(hits.iter().any(|h| h.in_title) && hits.iter().any(|h| !h.in_title));
    assert!(l.index.search(&l.c, "gdp").hits.len() > 100);
}

#[test]
fn a_search_resumed_in_small_steps_grows_a_prefix_of_the_full_result() {
    let l = loaded();
    for query in ["同比增长", "gdp", "gdp同比"] {
        let full = l.index.search(&l.c, query).hits;
        let mut step: SearchResults = l.index.start_search(&l.c, query, Budget::Articles(60));
        let mut steps = 1;
        while !step.is_complete() {
            assert_eq!(step.hits, full[..step.hits.len()], "{query:?}");
            assert_eq!(step.total(), Total::AtLeast(step.hits.len()));
            step.resume(&l.index, &l.c, Budget::Articles(60));
            steps += 1;
        }
        assert!(steps > 2, "{query:?} took {steps} steps");
        assert_eq!(step.hits, full, "{query:?}");
    }
}

#[test]
fn related_starts_with_the_named_ids_then_fills_with_similar_articles() {
    let l = loaded();
    let c = &l.c;
    let mut unnamed = 0;
    let mut same_top = 0;
    for i in (0..N).step_by(67) {
        let ix = ArticleIx(i as u32);
        let got = l.index.related(c, ix, 8);
        assert_eq!(got.len(), 8, "{ix:?}");
        assert!(!got.contains(&ix), "{ix:?}");
        assert_eq!(got.iter().collect::<HashSet<_>>().len(), 8, "{ix:?}");
        let mut named = Vec::new();
        for r in c.get(ix).related_ids().filter_map(|id| c.find(id)) {
            if r != ix && !named.contains(&r) {
                named.push(r);
            }
        }
        assert_eq!(got[..named.len()], named[..], "{ix:?}");
        if named.is_empty() {
            unnamed += 1;
            let top = |d: ArticleIx| c.categories().path(c.category_of(d)).first().copied();
            same_top += usize::from(top(got[0]) == top(ix));
        }
    }
    assert!(unnamed > 100);
    // Categories favour their own sentences, so similar text lies mostly in the same
    // top-level category (one in eight by chance).
    assert!(same_top * 2 > unnamed, "{same_top} of {unnamed}");
}

#[test]
fn search_and_related_work_on_what_is_indexed_so_far() {
    let l = loaded();
    let c = &l.c;
    // Only the first half indexed: search sees only those, related still answers for
    // an article beyond it.
    let mut half = Index::new();
    let mut first = 0;
    for chunk in c.articles()[..N / 2].chunks(3000) {
        half.push(ArticleIx(first), reader::rank::Segment::build(chunk));
        first += chunk.len() as u32;
    }
    let want: Vec<_> = l
        .folded
        .search("发展")
        .into_iter()
        .filter(|h| h.article.get() < N / 2)
        .collect();
    assert_eq!(half.search(c, "发展").hits, want);
    let late = ArticleIx((N - 1) as u32);
    let got = half.related(c, late, 5);
    assert_eq!(got.len(), 5);
    assert!(!got.contains(&late));
}

#[test]
fn an_index_built_on_every_core_at_once_equals_one_fed_batch_by_batch() {
    let l = loaded();
    let c = &l.c;
    let at_once = Index::build(c);
    assert_eq!(at_once.len(), N);
    for query in ["发展", "GDP", "同比增长", "数据显示，", "的"] {
        let got = at_once.search(c, query);
        assert!(got.is_complete());
        assert_eq!(got.hits, l.index.search(c, query).hits, "{query:?}");
    }
    for i in (0..N).step_by(997) {
        let ix = ArticleIx(i as u32);
        assert_eq!(at_once.related(c, ix, 8).len(), 8, "{ix:?}");
    }
}
