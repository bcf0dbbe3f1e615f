//! Load time: `reader::load::load` against serde_json alone parsing the same file into
//! plain structs with owned strings (`std::fs::read` + `serde_json::from_slice`),
//! measured in the same run on 10,000 generated Chinese articles (about 45 MB), with
//! every body as a string and with every body as a block array.
//!
//! Run: `cargo bench --bench load -- --warm-up-time 1 --measurement-time 5`

#[path = "support/plain.rs"]
mod plain;
#[path = "../examples/gen/synth/mod.rs"]
mod synth;

use std::fs::File;
use std::hint::black_box;
use std::io::BufWriter;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use reader::load::{Source, load};
use synth::{Bodies, Format, Options, Size, Synth};

const ARTICLES: usize = 10_000;

/// Writes the generator's collection of `ARTICLES` with every body in the form `bodies`.
fn write(path: &Path, bodies: Bodies) {
    let synth = Synth::new(Options {
        articles: ARTICLES,
        seed: 1,
        size: Size::Full,
    })
    .with_bodies(bodies);
    let mut out = BufWriter::new(File::create(path).expect("temp file"));
    synth.write(&mut out, Format::Json).expect("temp file");
}

fn bench_form(c: &mut Criterion, dir: &Path, bodies: Bodies) {
    let name = match bodies {
        Bodies::Text => "text-bodies",
        Bodies::Blocks => "block-bodies",
        Bodies::Mixed => "mixed-bodies",
    };
    let path = dir.join(format!("{name}.json"));
    write(&path, bodies);
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
            let parsed = plain::read(black_box(&path));
            assert_eq!(parsed.len(), ARTICLES);
            parsed
        })
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    bench_form(c, dir.path(), Bodies::Text);
    bench_form(c, dir.path(), Bodies::Blocks);
}

criterion_group!(load_benches, benches);
criterion_main!(load_benches);
