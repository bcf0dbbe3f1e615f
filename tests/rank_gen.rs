//! The collection generator: the same options give the same bytes, the output is valid
//! input for the loader, and it holds what the benchmarks rely on (two-level
//! categories, undated articles, missing views, related ids, folding variants).

mod rank_support;

use std::collections::HashSet;

use rank_support::synth::{Format, Options, Size, Synth};
use reader::load::{self, Severity, Source};
use reader::model::{Article, Collection};

fn bytes(options: Options, format: Format) -> Vec<u8> {
    let mut out = Vec::new();
    Synth::new(options).write(&mut out, format).unwrap();
    out
}

fn options(articles: usize, seed: u64, size: Size) -> Options {
    Options {
        articles,
        seed,
        size,
    }
}

#[test]
fn same_options_same_bytes() {
    let a = bytes(options(300, 5, Size::Full), Format::Json);
    assert_eq!(a, bytes(options(300, 5, Size::Full), Format::Json));
    assert_ne!(a, bytes(options(300, 6, Size::Full), Format::Json));
    // About 4.5 KB per article at full size.
    let per_article = a.len() / 300;
    assert!((3_500..5_500).contains(&per_article), "{per_article} bytes");
}

/// What ranking reads of an article, for comparing a load with the in-process build.
fn essentials(a: &Article) -> impl PartialEq + std::fmt::Debug {
    (
        a.id().to_owned(),
        a.title().to_owned(),
        a.category_path().map(str::to_owned).collect::<Vec<_>>(),
        a.date(),
        a.views(),
        a.summary().to_owned(),
        a.related_ids().map(str::to_owned).collect::<Vec<_>>(),
        a.blocks()
            .map(|b| (b.kind, b.text.to_owned(), b.src.to_owned()))
            .collect::<Vec<_>>(),
    )
}

#[test]
fn files_load_into_the_articles_built_in_process() {
    let dir = tempfile::tempdir().unwrap();
    let opts = options(400, 3, Size::Full);
    let want = Synth::new(opts).collection();
    let path = dir.path().join("c.json");
    std::fs::write(&path, bytes(opts, Format::Json)).unwrap();
    let loaded = load::load(&Source::Path(path)).unwrap();
    // The generator names some missing articles in `related`, as real feeds do; the
    // loader warns about each and keeps the article. Nothing else is reported.
    for p in &loaded.problems {
        assert_eq!(p.severity, Severity::Warning, "{p:?}");
        assert!(p.message.contains("names no article"), "{p:?}");
    }
    let got = &loaded.collection;
    assert_eq!(got.len(), want.len());
    for (g, w) in got.articles().iter().zip(want.articles()) {
        assert_eq!(essentials(g), essentials(w));
    }
}

#[test]
fn jsonl_holds_the_same_objects_one_per_line() {
    let opts = options(200, 3, Size::Full);
    let array: Vec<serde_json::Value> = serde_json::from_slice(&bytes(opts, Format::Json)).unwrap();
    let jsonl = String::from_utf8(bytes(opts, Format::Jsonl)).unwrap();
    let lines: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines, array);
    assert!(jsonl.ends_with("}\n"));
    // And the loader reads the JSONL into the same articles.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.jsonl");
    std::fs::write(&path, jsonl).unwrap();
    let got = load::load(&Source::Path(path)).unwrap().collection;
    let want = Synth::new(opts).collection();
    assert_eq!(got.len(), want.len());
    for (g, w) in got.articles().iter().zip(want.articles()) {
        assert_eq!(essentials(g), essentials(w));
    }
}

#[test]
fn collections_have_what_the_benchmarks_need() {
    let c: Collection = Synth::new(options(3000, 1, Size::Small)).collection();
    let a = c.articles();
    let count = |f: &dyn Fn(&Article) -> bool| a.iter().filter(|x| f(x)).count();
    assert!(count(&|x| x.date().is_none()) > 30);
    assert!(count(&|x| x.views().is_none()) > 300);
    assert!(count(&|x| x.related_ids().len() > 0) > 800);
    let dangling = a
        .iter()
        .flat_map(Article::related_ids)
        .filter(|id| c.find(id).is_none())
        .count();
    assert!(dangling > 5, "{dangling} related ids name no article");
    let depths: HashSet<usize> = a.iter().map(|x| x.category_path().len()).collect();
    assert!(depths.contains(&2) && depths.contains(&0));
    let tops: HashSet<&str> = a.iter().filter_map(|x| x.category_path().next()).collect();
    assert_eq!(tops.len(), 8);
    let text = |x: &Article| x.blocks().any(|b| b.text.contains("ＧＤＰ"));
    assert!(count(&text) > 5, "full-width Latin appears");
    let blocks = |x: &Article| x.blocks().any(|b| b.src.starts_with("https://"));
    assert!(count(&blocks) > 50, "images appear");
}
