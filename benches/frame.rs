//! What one keystroke costs on the interactive screen, at 100 and at 100,000 articles:
//! the action (`App::update`) and the whole frame (render, diff, escape sequences) at
//! 120x40, as the session draws it after every key.
//!
//! ```text
//! cargo bench --bench frame
//! bash benches/medians.sh frame      # the medians, with the 100k / 100 ratios
//! ```
//!
//! - list: `MoveDown` / `MoveUp` in the article list, back and forth over its first
//!   100 rows (within a page only the selection moves; past it the list scrolls);
//! - scroll: `MoveDown` / `MoveUp`, and `PageDown` / `PageUp`, in a 1 MB article;
//! - search: one more character of `经济发展` or `GDP` typed into the search, with the
//!   first 12 ms slice of the search it starts (`keystroke`), and until the search is
//!   complete, a `Tick` and a frame per further slice (`complete`);
//! - open: opening the 1 MB article (layout at the pane's width, 相关阅读, frame), and a
//!   generated one of about 4 KB.
//!
//! The collections come from the generator (`examples/gen`, seed 1), built in process
//! once per run, plus one 1 MB article of corpus text. The set-up prints, to standard
//! error, the bytes each kind of frame writes to the terminal.

#[path = "support/long_article.rs"]
mod long_article;
#[path = "support/screen.rs"]
mod screen;
#[path = "../examples/gen/synth/mod.rs"]
mod synth;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use reader::app::{Action, App, Pane};
use screen::Screen;

/// Queries typed one character at a time: a common phrase, and the slowest query of
/// `benches/rank.rs` (many full-width hits to verify).
const TYPED: [&str; 2] = ["经济发展", "GDP"];

/// Rows the list moves over, and article lines the scroll moves over.
const LIST_ROWS: usize = 99;
const SCROLL_LINES: usize = 2000;
const SCROLL_PAGES: usize = 100;

/// A keystroke that goes down to `end` and back up to 0 and down again, one step each
/// time, so every keystroke is a one-step move and the run is the same at any size.
struct PingPong {
    down: Action,
    up: Action,
    end: usize,
    going_down: bool,
}

impl PingPong {
    fn new(down: Action, up: Action, end: usize) -> Self {
        PingPong {
            down,
            up,
            end,
            going_down: true,
        }
    }

    fn next(&mut self, position: usize) -> Action {
        if position >= self.end {
            self.going_down = false;
        } else if position == 0 {
            self.going_down = true;
        }
        if self.going_down {
            self.down.clone()
        } else {
            self.up.clone()
        }
    }
}

fn scroll_of(app: &App) -> usize {
    app.reading.as_ref().map_or(0, |r| r.scroll)
}

fn list(c: &mut Criterion, s: &mut Screen, size: &str) {
    s.restart();
    let mut g = c.benchmark_group("frame list");
    let mut moves = PingPong::new(Action::MoveDown, Action::MoveUp, LIST_ROWS);
    g.bench_function(BenchmarkId::new("move", size), |b| {
        b.iter(|| {
            let action = moves.next(s.app.list.cursor.selected);
            black_box(s.key(action))
        })
    });
    g.finish();
}

fn scroll(c: &mut Criterion, s: &mut Screen, size: &str) {
    s.restart();
    let mut g = c.benchmark_group("frame scroll 1MB article");
    let long = s.long();
    s.app.open_article(long);
    s.draw();
    let mut lines = PingPong::new(Action::MoveDown, Action::MoveUp, SCROLL_LINES);
    g.bench_function(BenchmarkId::new("line", size), |b| {
        b.iter(|| {
            let action = lines.next(scroll_of(&s.app));
            black_box(s.key(action))
        })
    });
    s.key(Action::MoveTop);
    let page = s.app.pane_height(Pane::Article) - 1;
    let mut pages = PingPong::new(Action::PageDown, Action::PageUp, SCROLL_PAGES * page);
    g.bench_function(BenchmarkId::new("page", size), |b| {
        b.iter(|| {
            let action = pages.next(scroll_of(&s.app));
            black_box(s.key(action))
        })
    });
    g.finish();
}

fn open(c: &mut Criterion, s: &mut Screen, size: &str) {
    s.restart();
    let mut g = c.benchmark_group("frame open article");
    let long = s.long();
    // The newest generated article: the one below the long article in the list.
    let short = s.app.list.items[1];
    for (name, ix) in [("1MB", long), ("4KB", short)] {
        g.bench_function(BenchmarkId::new(name, size), |b| {
            b.iter(|| {
                s.app.open_article(ix);
                black_box(s.draw())
            })
        });
    }
    g.finish();
}

/// Starts a search from the first screen and types `typed`, letting each step finish.
fn type_query(s: &mut Screen, typed: &str) {
    s.restart();
    s.key(Action::StartSearch);
    for ch in typed.chars() {
        s.key(Action::SearchInsert(ch.to_string()));
        s.finish_search();
    }
}

fn search(c: &mut Criterion, s: &mut Screen, size: &str) {
    let mut g = c.benchmark_group("frame search");
    for typed in TYPED {
        let chars: Vec<char> = typed.chars().collect();
        for len in 1..=chars.len() {
            let before: String = chars[..len - 1].iter().collect();
            let ch = chars[len - 1].to_string();
            let id = format!("{size}/{before}{ch}");
            type_query(s, &before);
            // Each measured keystroke is undone, unmeasured, so every one starts from
            // the same finished search for `before`.
            for (what, finish) in [("keystroke", false), ("complete", true)] {
                g.bench_function(BenchmarkId::new(what, &id), |b| {
                    b.iter_custom(|iters| {
                        let mut spent = Duration::ZERO;
                        for _ in 0..iters {
                            let t = Instant::now();
                            s.key(Action::SearchInsert(ch.clone()));
                            if finish {
                                s.finish_search();
                            }
                            spent += t.elapsed();
                            s.finish_search();
                            s.key(Action::SearchDeleteChar);
                            s.finish_search();
                        }
                        spent
                    })
                });
            }
            s.key(Action::SearchInsert(ch.clone()));
            let (ticks, _) = s.finish_search();
            let hits = s.app.search.as_ref().map_or(0, |x| x.results.hits.len());
            eprintln!("{id}: {hits} hits; complete after {ticks} more slices");
        }
    }
    g.finish();
}

/// The bytes each kind of frame writes, printed to standard error.
fn bytes(s: &mut Screen, size: &str) {
    let mut report = vec![("first frame".to_owned(), s.restart())];
    report.push(("list: move, selection only".into(), s.key(Action::MoveDown)));
    for _ in 2..s.app.visible_entries(Pane::List) {
        s.key(Action::MoveDown);
    }
    report.push(("list: move, list scrolls".into(), s.key(Action::MoveDown)));
    s.key(Action::StartSearch);
    for ch in "经济发展".chars() {
        let typed = s.key(Action::SearchInsert(ch.to_string()));
        report.push((format!("search: type {ch}"), typed + s.finish_search().1));
    }
    s.restart();
    let long = s.long();
    s.app.open_article(long);
    report.push(("open 1MB article".into(), s.draw()));
    for (name, action) in [("line", Action::MoveDown), ("page", Action::PageDown)] {
        let total: u64 = (0..50).map(|_| s.key(action.clone())).sum();
        report.push((format!("article: {name} down, mean of 50"), total / 50));
    }
    for (what, b) in report {
        eprintln!("bytes {size} {what}: {b}");
    }
}

fn frames(c: &mut Criterion) {
    for (n, size) in [(100, "100"), (100_000, "100k")] {
        let t = Instant::now();
        let mut s = Screen::new(screen::library(n));
        eprintln!("{size}: set up in {:.1} s", t.elapsed().as_secs_f64());
        bytes(&mut s, size);
        list(c, &mut s, size);
        search(c, &mut s, size);
        open(c, &mut s, size);
        scroll(c, &mut s, size);
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(20);
    targets = frames
}
criterion_main!(benches);
