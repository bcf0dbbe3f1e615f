//! Load time: `reader::load::load` against serde_json alone parsing the same file into
//! plain structs with owned strings (`std::fs::read` + `serde_json::from_slice`),
//! measured in the same run on 10,000 generated Chinese articles (about 45 MB), with
//! bodies as strings and as block arrays.
//!
//! Run: `cargo bench --bench load -- --warm-up-time 1 --measurement-time 5`

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use reader::load::{Source, load};

#[path = "support/gen.rs"]
mod generator;

use generator::{BodyForm, Layout, baseline, write_file};

const ARTICLES: usize = 10_000;

fn bench_form(c: &mut Criterion, dir: &Path, body: BodyForm) {
    let name = match body {
        BodyForm::Text => "text-bodies",
        BodyForm::Blocks => "block-bodies",
    };
    let path = dir.join(format!("{name}.json"));
    write_file(&path, ARTICLES, body, Layout::Array).expect("temp file");
    let size = std::fs::metadata(&path).expect("temp file").len();
    let mut group = c.benchmark_group(format!("load/{name}/{ARTICLES}"));
    group.sample_size(10);
    group.throughput(criterion::Throughput::Bytes(size));
    let source = Source::Path(path.clone());
    group.bench_function("reader", |b| {
        b.iter(|| {
            let loaded = load(black_box(&source)).expect("generated collection loads");
            assert_eq!(loaded.collection.len(), ARTICLES);
            loaded
        })
    });
    group.bench_function("serde_json-baseline", |b| {
        b.iter(|| {
            let parsed = baseline(black_box(&path), body);
            assert_eq!(parsed.len(), ARTICLES);
            parsed
        })
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    bench_form(c, dir.path(), BodyForm::Text);
    bench_form(c, dir.path(), BodyForm::Blocks);
}

criterion_group!(load_benches, benches);
criterion_main!(load_benches);
