//! Ranking, related articles and search at 100 and 100,000 generated articles.
//!
//! ```text
//! cargo bench --bench rank -- --warm-up-time 1 --measurement-time 3
//! ```
//!
//! Collections come from the generator (`examples/gen`) built in memory once per run;
//! the index is built batch by batch as the app builds it while loading. The set-up
//! prints index sizes and build times to standard error.

#[path = "../examples/gen/synth/mod.rs"]
mod synth;

use std::hint::black_box;
use std::sync::OnceLock;
use std::time::Instant;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use reader::model::{Article, ArticleIx, Batch, CategoryTree, Collection};
use reader::rank::{Budget, Feed, Index, Ranks, Segment};
use synth::{Options, Size, Synth};

/// Articles per loader batch.
const BATCH: usize = 1000;
/// Rows of a search results list on a 120x40 screen, rounded up.
const SCREEN: usize = 40;

/// Queries typed one character at a time.
const TYPED: [&str; 4] = ["发展", "上海", "GDP", "经济发展"];

struct Fixture {
    c: Collection,
    index: Index,
    ranks: Ranks,
}

fn fixture(n: usize) -> &'static Fixture {
    static SMALL: OnceLock<Fixture> = OnceLock::new();
    static LARGE: OnceLock<Fixture> = OnceLock::new();
    let cell = if n <= 100 { &SMALL } else { &LARGE };
    cell.get_or_init(|| load(n))
}

/// Generates `n` articles and loads them as the app does, batch by batch.
fn load(n: usize) -> Fixture {
    let synth = Synth::new(Options {
        articles: n,
        seed: 1,
        size: Size::Full,
    });
    let mut c = Collection::new();
    let mut index = Index::new();
    let mut ranks = Ranks::new();
    let mut feed = Feed::new();
    let (mut build, mut push, mut rank) = (0.0, 0.0, 0.0);
    for start in (0..n).step_by(BATCH) {
        let articles: Vec<Article> = (start..n.min(start + BATCH))
            .map(|k| synth.article(k))
            .collect();
        let t = Instant::now();
        let update = feed.add(&articles);
        build += t.elapsed().as_secs_f64();
        let (added, _) = c.extend(Batch { articles });
        let t = Instant::now();
        index.push(update.first, update.segment);
        push += t.elapsed().as_secs_f64();
        let t = Instant::now();
        ranks.extend(&c, added);
        rank += t.elapsed().as_secs_f64();
    }
    let text: usize = c.articles().iter().map(Article::text_len).sum();
    let stats = index.stats();
    eprintln!(
        "{n} articles, {:.1} MB of text: index {:.1} MB ({} B/article; postings {:.1} MB, \
         {} title + {} body terms in {} segments); Feed::add {:.2} s ({:.1} ms/MB), \
         Index::push {:.3} ms, Ranks::extend {:.1} ms, in all",
        text as f64 / 1e6,
        stats.heap_bytes as f64 / 1e6,
        stats.heap_bytes / n,
        stats.postings_bytes as f64 / 1e6,
        stats.title_terms,
        stats.body_terms,
        stats.segments,
        build,
        build * 1e3 / (text as f64 / 1e6),
        push * 1e3,
        rank * 1e3,
    );
    Fixture { c, index, ranks }
}

fn sizes() -> [(usize, &'static str); 2] {
    [(100, "100"), (100_000, "100k")]
}

fn related(crit: &mut Criterion) {
    let mut g = crit.benchmark_group("related");
    for (n, name) in sizes() {
        let f = fixture(n);
        // Articles without `related` of their own: all eight entries are computed.
        let sources: Vec<ArticleIx> = (0..n as u32)
            .map(ArticleIx)
            .filter(|&ix| f.c.get(ix).related_ids().len() == 0)
            .step_by((n / 60).max(1))
            .collect();
        let mut next = 0;
        g.bench_function(BenchmarkId::new("8 entries", name), |b| {
            b.iter(|| {
                next = (next + 1) % sources.len();
                black_box(f.index.related(&f.c, sources[next], 8))
            })
        });
    }
}

/// Time to the first screenful of hits (or the end, when there are fewer).
fn first_screen(f: &Fixture, query: &str) -> usize {
    let mut r = f.index.start_search(&f.c, query, Budget::Articles(256));
    while r.hits.len() < SCREEN && !r.is_complete() {
        r.resume(&f.index, &f.c, Budget::Articles(256));
    }
    r.hits.len()
}

fn search(crit: &mut Criterion) {
    let mut g = crit.benchmark_group("search");
    for (n, name) in sizes() {
        let f = fixture(n);
        for typed in TYPED {
            let chars: Vec<char> = typed.chars().collect();
            for len in 1..=chars.len() {
                let q: String = chars[..len].iter().collect();
                let id = format!("{name}/{q}");
                g.bench_function(BenchmarkId::new("first screen", &id), |b| {
                    b.iter(|| black_box(first_screen(f, &q)))
                });
                g.bench_function(BenchmarkId::new("complete", &id), |b| {
                    b.iter(|| black_box(f.index.search(&f.c, &q).hits.len()))
                });
            }
        }
    }
}

fn categories(crit: &mut Criterion) {
    let mut g = crit.benchmark_group("category switch");
    let f = fixture(100_000);
    let tree = f.c.categories();
    let top = tree.node(CategoryTree::ROOT).children[0];
    let leaf = *tree.node(top).children.last().unwrap();
    for (id, cat) in [("root", CategoryTree::ROOT), ("top", top), ("leaf", leaf)] {
        g.bench_function(BenchmarkId::new("latest, all", id), |b| {
            b.iter(|| black_box(f.ranks.latest(&f.c, cat).collect::<Vec<_>>()))
        });
        g.bench_function(BenchmarkId::new("hot, first 10", id), |b| {
            b.iter(|| black_box(f.ranks.hot(&f.c, cat).take(10).collect::<Vec<_>>()))
        });
    }
}

fn building(crit: &mut Criterion) {
    let mut g = crit.benchmark_group("build");
    let f = fixture(100_000);
    let batch = &f.c.articles()[..BATCH];
    let mb = |a: &[Article]| a.iter().map(Article::text_len).sum::<usize>() as f64 / 1e6;
    eprintln!(
        "one batch: {BATCH} articles, {:.2} MB of text; 16 batches: {:.2} MB",
        mb(batch),
        mb(&f.c.articles()[..16 * BATCH])
    );
    g.bench_function("Segment::build, 1000 articles", |b| {
        b.iter(|| black_box(Segment::build(batch)))
    });
    // Sixteen batches through a feed: every merge level up to the maximum.
    let sixteen = &f.c.articles()[..16 * BATCH];
    g.bench_function("Feed::add, 16 batches of 1000", |b| {
        b.iter(|| {
            let mut feed = Feed::new();
            let updates = sixteen.chunks(BATCH).map(|chunk| feed.add(chunk));
            black_box(updates.last().map(|u| u.segment.len()))
        })
    });
    g.bench_function("Ranks, 100k articles in 100 batches", |b| {
        b.iter(|| {
            let mut ranks = Ranks::new();
            for start in (0..f.c.len()).step_by(BATCH) {
                let end = f.c.len().min(start + BATCH);
                ranks.extend(&f.c, ArticleIx(start as u32)..ArticleIx(end as u32));
            }
            black_box(ranks.len())
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = related, search, categories, building
}
criterion_main!(benches);
