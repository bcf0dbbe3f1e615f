//! Loading at scale: 20,000 generated articles as a JSON array and as JSONL load
//! completely and correctly, and the stream hands them over as it goes.

use std::fmt::Write as _;
use std::path::Path;

use reader::library::{Indexing, Library, spawn_load};
use reader::load::{LoadEvent, Progress, Severity, Source, load, stream};
use reader::model::ArticleIx;
use reader::rank::Index;

const ARTICLES: usize = 20_000;
const CORPUS: &str = include_str!("fixtures/corpus/ud-zh-gsdsimp-test.txt");

/// Article `n` as one line of JSON: short, deterministic, built from real sentences;
/// every 1000th has a problem (no title), every 7th a body of blocks.
fn article(n: usize, sentences: &[&str]) -> String {
    let s = |k: usize| serde_json::to_string(sentences[(n * 7 + k) % sentences.len()]).unwrap();
    let mut a = format!(r#"{{"id":{n},"category":"新闻 > 第{}类","#, n % 13);
    if n % 1000 != 999 {
        write!(a, r#""title":{},"#, s(0)).unwrap();
    }
    write!(
        a,
        r#""date":"2024-{:02}-{:02}","views":{n},"related":[{}],"#,
        1 + n % 12,
        1 + n % 28,
        (n + 1) % ARTICLES
    )
    .unwrap();
    if n.is_multiple_of(7) {
        write!(
            a,
            r#""body":[{{"type":"heading","text":{}}},{{"text":{}}}]}}"#,
            s(1),
            s(2)
        )
        .unwrap();
    } else {
        let body = format!(
            "{}\n{}",
            sentences[(n + 1) % sentences.len()],
            sentences[(n + 2) % sentences.len()]
        );
        write!(a, r#""body":{}}}"#, serde_json::to_string(&body).unwrap()).unwrap();
    }
    a
}

/// Writes the first `count` of the articles.
fn write_collection(path: &Path, lines: bool, count: usize) {
    let sentences: Vec<&str> = CORPUS.lines().filter(|l| !l.is_empty()).collect();
    let articles: Vec<String> = (0..count).map(|n| article(n, &sentences)).collect();
    let text = if lines {
        articles.join("\n") + "\n"
    } else {
        format!("[\n{}\n]\n", articles.join(",\n"))
    };
    std::fs::write(path, text).unwrap();
}

fn check_loaded(path: &Path) {
    let loaded = load(&Source::Path(path.to_owned())).unwrap();
    let c = &loaded.collection;
    let left_out = ARTICLES / 1000;
    assert_eq!(c.len(), ARTICLES - left_out);
    // Each left-out article is reported, and so is each `related` naming one.
    let (errors, warnings): (Vec<_>, Vec<_>) = loaded
        .problems
        .iter()
        .partition(|p| p.severity == Severity::Error);
    assert_eq!(errors.len(), left_out);
    assert!(
        errors
            .iter()
            .all(|p| p.message == "missing title; left out")
    );
    assert_eq!(warnings.len(), left_out);
    assert!(
        warnings
            .iter()
            .all(|p| p.message.starts_with("related id \"")
                && p.message.ends_with("99\" names no article"))
    );
    let sentences: Vec<&str> = CORPUS.lines().filter(|l| !l.is_empty()).collect();
    for n in [0, 1, 7, 12_345, ARTICLES - 2] {
        let a = c.get(c.find(&n.to_string()).unwrap());
        assert_eq!(a.title(), sentences[(n * 7) % sentences.len()].trim());
        assert_eq!(a.views(), Some(n as u64));
        assert_eq!(
            a.category_path().collect::<Vec<_>>(),
            ["新闻", &format!("第{}类", n % 13)]
        );
        assert_eq!(a.block_count(), 2, "article {n}");
        assert_eq!(
            a.related_ids().collect::<Vec<_>>(),
            [((n + 1) % ARTICLES).to_string()]
        );
    }
    assert!(c.find("999").is_none());
    // File order is kept.
    assert_eq!(c.articles()[0].id(), "0");
    assert_eq!(c.articles()[1000].id(), "1001");
}

#[test]
fn twenty_thousand_articles_as_an_array() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.json");
    write_collection(&path, false, ARTICLES);
    check_loaded(&path);
}

#[test]
fn twenty_thousand_articles_as_jsonl() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.jsonl");
    write_collection(&path, true, ARTICLES);
    check_loaded(&path);
}

#[test]
fn the_stream_hands_over_batches_problems_and_progress_as_it_goes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.json");
    // Enough for a few pieces of input, so a few batches.
    let count = 8000;
    write_collection(&path, false, count);
    let size = std::fs::metadata(&path).unwrap().len();
    let mut batches = 0;
    let mut articles = 0;
    let mut problems_before_last_batch = 0;
    let mut problems = 0;
    let mut left_out = 0;
    let mut progress: Vec<Progress> = Vec::new();
    stream(&Source::Path(path), &mut |event| {
        match event {
            LoadEvent::Batch(b) => {
                batches += 1;
                articles += b.articles.len();
                problems_before_last_batch = problems;
            }
            LoadEvent::Problems(p) => {
                problems += p.len();
                left_out += p.iter().filter(|p| p.severity == Severity::Error).count();
            }
            LoadEvent::Progress(p) => progress.push(p),
            LoadEvent::Title(_) => {}
        }
        true
    })
    .unwrap();
    assert!(
        batches > 1,
        "one batch only: the screen would wait for the whole file"
    );
    assert!(
        problems_before_last_batch > 0,
        "problems should arrive as they are found"
    );
    assert_eq!(articles + left_out, count);
    let last = progress.last().unwrap();
    assert_eq!(
        (last.bytes, last.total, last.articles, last.left_out),
        (size, Some(size), articles, left_out)
    );
    assert!(
        progress
            .windows(2)
            .all(|w| w[0].bytes <= w[1].bytes && w[0].articles <= w[1].articles)
    );
}

#[test]
fn a_sink_that_says_stop_stops_the_load() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.jsonl");
    let count = 8000;
    write_collection(&path, true, count);
    let mut articles = 0;
    let mut events_after_stop = 0;
    let mut stopped = false;
    stream(&Source::Path(path), &mut |event| {
        if stopped {
            events_after_stop += 1;
        }
        if let LoadEvent::Batch(b) = event {
            articles += b.articles.len();
            stopped = true;
        }
        !stopped
    })
    .unwrap();
    assert!(articles > 0 && articles < count - count / 1000);
    assert_eq!(events_after_stop, 0);
}

#[test]
fn load_events_can_be_sent_to_another_thread() {
    fn assert_send<T: Send + 'static>() {}
    assert_send::<LoadEvent>();
    assert_send::<reader::load::LoadError>();
    assert_send::<Source>();
}

#[test]
fn the_screens_load_indexes_every_article_as_one_pass_would() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.json");
    write_collection(&path, false, ARTICLES);
    // As the session loads: articles first, the index following on its own threads
    // (the loader finishes long before the index, so most of it is built by two).
    let mut library = Library::new("big.json".into());
    let (tx, rx) = std::sync::mpsc::channel();
    spawn_load(Source::Path(path), Indexing::Search, tx);
    for update in rx {
        library.apply(update);
    }
    let c = &library.collection;
    assert_eq!(c.len(), ARTICLES - ARTICLES / 1000);
    assert_eq!(library.index.len(), c.len());
    assert_eq!(library.indexing(), None);
    let whole = Index::build(c);
    for query in ["的", "中国", "发展", "2024", "不存在的词语"] {
        let got = library.index.search(c, query);
        assert!(got.is_complete());
        assert_eq!(got.hits, whole.search(c, query).hits, "{query:?}");
    }
    assert!(library.index.search(c, "的").hits.len() > ARTICLES / 2);
    let last = ArticleIx(c.len() as u32 - 1);
    assert_eq!(library.index.related(c, last, 8).len(), 8);
}
