//! Layout throughput on the corpus, next to textwrap's first-fit wrap on the same
//! text and widths, and the cost of laying out a whole ~1 MB article.
//!
//! `cargo bench --bench typeset -- --warm-up-time 1 --measurement-time 3`; the
//! numbers and the machine they came from are in `docs/typesetting.md`.

#[path = "support/long_article.rs"]
mod long_article;
#[path = "../tests/typesetting_support/mod.rs"]
mod support;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group};
use reader::i18n::Lang;
use reader::model::Article;
use reader::text::{Document, DocumentOptions, Measure, wrap};

/// The corpus sentences, each set as its own paragraph.
fn wrap_corpus(c: &mut Criterion) {
    let sentences: Vec<&str> = support::sentences().collect();
    let bytes: usize = sentences.iter().map(|s| s.len()).sum();
    let mut group = c.benchmark_group("wrap");
    group.throughput(Throughput::Bytes(bytes as u64));
    for width in [20, 40, 80] {
        group.bench_with_input(BenchmarkId::new("reader", width), &width, |b, &w| {
            b.iter(|| {
                let mut lines = 0;
                for s in &sentences {
                    lines += wrap(black_box(s), w, 0, Measure::default()).len();
                }
                lines
            })
        });
        group.bench_with_input(BenchmarkId::new("textwrap", width), &width, |b, &w| {
            let options =
                textwrap::Options::new(w).wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
            b.iter(|| {
                let mut lines = 0;
                for s in &sentences {
                    lines += textwrap::wrap(black_box(s), &options).len();
                }
                lines
            })
        });
    }
    group.finish();
}

/// An article of about 1 MB of the corpus (see [`long_article::long_article`]).
fn big_article() -> Article {
    let sentences: Vec<&str> = support::sentences().collect();
    long_article::long_article("big", &sentences)
        .build()
        .expect("valid article")
}

fn build_document(c: &mut Criterion) {
    let article = big_article();
    let labels = Lang::Zh.labels();
    let mut group = c.benchmark_group("document");
    group.throughput(Throughput::Bytes(article.text_len() as u64));
    group.sample_size(10);
    for width in [40, 80] {
        let options = DocumentOptions {
            width,
            indent: 2,
            measure: Measure::default(),
        };
        group.bench_with_input(BenchmarkId::new("1MB", width), &options, |b, &o| {
            b.iter(|| Document::new(black_box(&article), &["情感", "故事"], labels, o).len())
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = wrap_corpus, build_document
}

/// One run of one workload, for counting instructions (a measure the other
/// processes on a shared machine do not disturb):
/// `TYPESET_ONCE=reader/40 valgrind --tool=callgrind target/release/deps/typeset-*`
/// with `reader/W`, `textwrap/W` or `document/W`, less `setup/0` or `article/0`.
fn once(which: &str) {
    let (what, width) = which.split_once('/').expect("NAME/WIDTH");
    let w: usize = width.parse().expect("a width");
    let sentences: Vec<&str> = support::sentences().collect();
    let n = match what {
        "reader" => sentences
            .iter()
            .map(|s| wrap(s, w, 0, Measure::default()).len())
            .sum(),
        "textwrap" => {
            let o = textwrap::Options::new(w).wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
            sentences.iter().map(|s| textwrap::wrap(s, &o).len()).sum()
        }
        "document" => {
            let article = big_article();
            let options = DocumentOptions {
                width: w,
                indent: 2,
                measure: Measure::default(),
            };
            Document::new(&article, &[], Lang::Zh.labels(), options).len()
        }
        // Baselines: the setup of the workloads above, to subtract.
        "setup" => sentences.len(),
        "article" => big_article().block_count(),
        _ => panic!("unknown workload {what}"),
    };
    println!("{which}: {n} lines");
}

fn main() {
    if let Ok(which) = std::env::var("TYPESET_ONCE") {
        once(&which);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
