//! The app's `update`, fed actions the way keys would, on the sample collection.

use reader::app::{Action, App, Exit, Pane, ViewOptions, keymap};
use reader::library::{Indexing, Library, Update};
use reader::load::SAMPLE;
use reader::model::ArticleIx;
use reader::rank::{IndexUpdate, Segment};

fn sample_app() -> App {
    let library = Library::load_all(SAMPLE, Indexing::Search).expect("sample loads");
    let mut app = App::with_library(library, ViewOptions::default());
    app.update(Action::Resize(120, 40));
    app
}

fn ix(app: &App, id: &str) -> ArticleIx {
    app.library.collection.find(id).unwrap()
}

fn reading(app: &App) -> Option<&str> {
    app.reading
        .as_ref()
        .map(|r| app.library.collection.get(r.article).id())
}

fn type_query(app: &mut App, query: &str) {
    app.update(Action::StartSearch);
    for c in query.chars() {
        app.update(Action::SearchInsert(c.to_string()));
    }
}

#[test]
fn list_is_newest_first_and_enter_opens() {
    let mut app = sample_app();
    assert_eq!(app.focus, Pane::List);
    let first = app.list.selected().unwrap();
    assert_eq!(app.library.collection.get(first).id(), "guigang-overload");
    app.update(Action::MoveBottom);
    app.update(Action::Open);
    assert_eq!(reading(&app), Some("putuo-taopu"));
    assert_eq!(app.focus, Pane::Article);
}

#[test]
fn back_walks_the_history_of_opened_articles() {
    let mut app = sample_app();
    app.open_article(ix(&app, "putuo-taopu"));
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Pane::Related);
    app.update(Action::Open);
    assert_eq!(reading(&app), Some("putuo-culture"));
    app.update(Action::FocusRight);
    app.update(Action::MoveDown);
    app.update(Action::Open);
    assert_eq!(app.history.len(), 2);
    app.update(Action::Back);
    assert_eq!(reading(&app), Some("putuo-culture"));
    app.update(Action::Back);
    assert_eq!(reading(&app), Some("putuo-taopu"));
    // Nothing left: back from the article returns to the list.
    app.update(Action::Back);
    assert_eq!(app.focus, Pane::List);
}

#[test]
fn selecting_a_category_filters_the_list_and_panels() {
    let mut app = sample_app();
    app.update(Action::FocusLeft);
    assert_eq!(app.focus, Pane::Categories);
    // Rows: 首页, 情感, 故事, 文化, 公共文化, 三农, ...
    for _ in 0..5 {
        app.update(Action::MoveDown);
    }
    let c = &app.library.collection;
    assert_eq!(&*c.categories().node(app.category()).name, "三农");
    assert_eq!(app.list.items.len(), 3);
    for &a in &app.list.items {
        assert_eq!(c.categories().path(c.category_of(a))[0], "三农");
    }
    assert_eq!(app.hot.items.len(), 3);
    assert_eq!(c.get(app.hot.items[0]).id(), "zhangxian-harvest");
    app.update(Action::Open);
    assert_eq!(app.focus, Pane::List);
}

#[test]
fn scrolling_stops_at_the_end_of_the_article() {
    let mut app = sample_app();
    app.open_article(ix(&app, "putuo-taopu"));
    app.update(Action::MoveBottom);
    let r = app.reading.as_ref().unwrap();
    let height = app.pane_height(Pane::Article);
    assert_eq!(r.scroll + height, r.line_count());
    app.update(Action::PageDown);
    assert_eq!(app.reading.as_ref().unwrap().scroll + height, r_len(&app));
    app.update(Action::MoveTop);
    assert_eq!(app.reading.as_ref().unwrap().scroll, 0);
    app.update(Action::HalfPageDown);
    assert_eq!(
        app.reading.as_ref().unwrap().scroll,
        (height - 1).div_ceil(2)
    );
}

fn r_len(app: &App) -> usize {
    app.reading.as_ref().unwrap().line_count()
}

#[test]
fn search_opens_a_result_and_esc_while_typing_returns_to_where_you_were() {
    let mut app = sample_app();
    app.open_article(ix(&app, "yibin-school"));
    type_query(&mut app, "桃浦");
    let search = app.search.as_ref().unwrap();
    assert!(search.editing);
    assert_eq!(
        app.library
            .collection
            .get(search.results.hits[0].article)
            .id(),
        "putuo-taopu"
    );
    app.update(Action::Cancel);
    assert!(app.search.is_none());
    assert_eq!(reading(&app), Some("yibin-school"));
    assert_eq!(app.focus, Pane::Article);

    type_query(&mut app, "桃浦");
    app.update(Action::SearchSubmit);
    assert_eq!(reading(&app), Some("putuo-taopu"));
    let r = app.reading.as_ref().unwrap();
    assert!(
        r.matches.len() > 5,
        "matches highlighted: {}",
        r.matches.len()
    );
    // n walks the matches in reading order.
    app.update(Action::NextMatch);
    app.update(Action::NextMatch);
    let r = app.reading.as_ref().unwrap();
    assert_eq!(r.current_match, Some(1));
    assert!(r.match_lines[0] <= r.match_lines[1]);
    // Esc after opening closes the results and keeps the article.
    app.update(Action::Cancel);
    assert!(app.search.is_none());
    assert_eq!(reading(&app), Some("putuo-taopu"));
    assert!(app.reading.as_ref().unwrap().matches.is_empty());
}

#[test]
fn typing_q_in_a_search_does_not_quit() {
    let mut app = sample_app();
    type_query(&mut app, "q");
    assert_eq!(app.exit, None);
    assert_eq!(app.search.as_ref().unwrap().query, "q");
    app.update(Action::SearchDeleteChar);
    assert_eq!(app.search.as_ref().unwrap().query, "");
    app.update(Action::Cancel);
    app.update(Action::Quit);
    assert_eq!(app.exit, Some(Exit::Quit));
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut app = sample_app();
    app.update(Action::ToggleHelp);
    app.update(Action::MoveDown);
    assert_eq!(app.help, Some(1));
    // While help is open, movement scrolls the help, not the list.
    assert_eq!(app.list.cursor.selected, 0);
    // The end is where the last row shows at the bottom (the overlay is the screen's
    // height less four), so one key up from there moves the view at once.
    app.update(Action::MoveBottom);
    let last = keymap::help_rows() - (40 - 4);
    assert_eq!(app.help, Some(last));
    app.update(Action::MoveUp);
    assert_eq!(app.help, Some(last - 1));
    app.update(Action::ToggleHelp);
    assert_eq!(app.help, None);
}

#[test]
fn n_without_a_search_says_how_to_search() {
    let mut app = sample_app();
    app.update(Action::NextMatch);
    assert!(app.message.as_deref().unwrap().contains('/'));
}

#[test]
fn a_growing_index_keeps_the_selected_hit_and_is_applied_once_per_burst() {
    // Articles loaded, the index arriving in pieces as the background load sends it.
    let library = Library::load_all(SAMPLE, Indexing::Skip).expect("sample loads");
    let mut app = App::with_library(library, ViewOptions::default());
    app.update(Action::Resize(120, 40));
    let articles = app.library.collection.articles().to_vec();
    let indexed = |app: &mut App, range: std::ops::Range<usize>| {
        let segment = Segment::build(&articles[range.clone()]);
        app.on_update(Update::Indexed(IndexUpdate {
            first: ArticleIx(range.start as u32),
            segment: segment.into(),
        }));
    };
    indexed(&mut app, 0..2);
    type_query(&mut app, "发");
    let hits = |app: &App| -> Vec<ArticleIx> {
        let s = app.search.as_ref().unwrap();
        s.results.hits.iter().map(|h| h.article).collect()
    };
    let before = hits(&app);
    assert_eq!(before.len(), 2, "{before:?}");
    app.update(Action::MoveDown);
    let chosen = before[1];
    assert_eq!(app.search.as_ref().unwrap().cursor.selected, 1);

    // The rest comes in one burst: nothing changes until catch_up.
    indexed(&mut app, 2..5);
    indexed(&mut app, 5..8);
    assert_eq!(hits(&app), before, "applied before the burst is over");
    app.catch_up();
    let after = hits(&app);
    assert!(after.len() > before.len(), "{before:?} → {after:?}");
    // A title hit arrived above it, so the chosen hit moved down a row, and the
    // selection with it.
    assert_ne!(after[1], chosen, "{after:?}");
    let s = app.search.as_ref().unwrap();
    assert_eq!(after[s.cursor.selected], chosen);
}
