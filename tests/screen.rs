//! Whole-screen tests: the sample collection drawn into ratatui's `TestBackend` at the
//! sizes people use (120x40, 80x24, 40x20) and at sizes too small to use (down to 1x1).

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

use reader::app::{Action, App, Arrangement, Pane, ViewOptions};
use reader::library::{Indexing, Library};
use reader::load::SAMPLE;

/// The sample loaded into a fresh app sized `w`x`h`.
fn sample_app(w: u16, h: u16) -> App {
    let library = Library::load_all(SAMPLE, Indexing::Search).expect("sample loads");
    let mut app = App::with_library(library, ViewOptions::default());
    app.update(Action::Resize(w, h));
    app
}

fn render(app: &App, w: u16, h: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .unwrap();
    terminal.backend().buffer().clone()
}

/// The screen as text, one string per row, wide glyphs counted once.
fn rows(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    (area.top()..area.bottom())
        .map(|y| {
            let mut row = String::new();
            let mut x = area.left();
            while x < area.right() {
                let symbol = buf[(x, y)].symbol();
                row.push_str(symbol);
                x += UnicodeWidthStr::width(symbol).max(1) as u16;
            }
            row
        })
        .collect()
}

fn screen_text(buf: &Buffer) -> String {
    rows(buf).join("\n")
}

/// The text inside `pane` only.
fn pane_text(app: &App, buf: &Buffer, pane: Pane) -> String {
    let inner = app.screen.inner(pane).expect("pane on screen");
    let mut sub = Buffer::empty(inner);
    for y in inner.top()..inner.bottom() {
        for x in inner.left()..inner.right() {
            sub[(x, y)] = buf[(x, y)].clone();
        }
    }
    screen_text(&sub)
}

/// No row holds more cells than the screen is wide.
fn assert_rows_fit(buf: &Buffer) {
    for (y, row) in rows(buf).iter().enumerate() {
        assert!(
            row.width() <= usize::from(buf.area.width),
            "row {y} is {} cells wide: {row:?}",
            row.width()
        );
    }
}

fn open_main_article(app: &mut App) {
    let ix = app.library.collection.find("putuo-taopu").unwrap();
    app.open_article(ix);
}

#[test]
fn wide_screen_shows_every_part_at_once() {
    let mut app = sample_app(120, 40);
    open_main_article(&mut app);
    let buf = render(&app, 120, 40);
    let text = screen_text(&buf);
    for label in ["分类", "文章", "正文", "相关阅读", "热门文章", "最新文章"] {
        assert!(text.contains(label), "{label} missing:\n{text}");
    }
    assert!(text.contains("当前位置:首页 > 情感 > 故事"), "{text}");
    assert!(text.contains("普陀桃浦持续做好地区转型发展大文章"));
    assert!(
        text.contains("日期: 来源:上海普陀 收集编辑:上海普陀"),
        "{text}"
    );
    // The category tree has counts, the list has the sample's articles.
    assert!(text.contains("首页") && text.contains("故事"));
    assert!(text.contains("注意!贵港执法行动"));
    // 相关阅读 starts with the three articles the page names, in the page's order.
    let related = pane_text(&app, &buf, Pane::Related);
    let lines: Vec<&str> = related.lines().collect();
    assert!(lines[0].starts_with("普陀区召开2023年度公共"), "{related}");
    assert!(lines[2].starts_with("陕西省果业中心赴安康"), "{related}");
    assert!(lines[4].starts_with("普陀内环PK杨浦内环"), "{related}");
    assert!(pane_text(&app, &buf, Pane::Hot).starts_with("甘肃漳县"));
    assert_rows_fit(&buf);
}

#[test]
fn every_pane_is_reachable_at_80x24_and_40x20() {
    for (w, h) in [(80, 24), (40, 20)] {
        let mut app = sample_app(w, h);
        open_main_article(&mut app);
        let titles = [
            (Pane::Categories, "首页"),
            (Pane::List, "贵港执法行动"),
            (Pane::Article, "当前位置"),
            (Pane::Related, "普陀区召开"),
            (Pane::Hot, "甘肃漳县"),
            (Pane::Latest, "贵港执法行动"),
        ];
        while app.focus != Pane::Categories {
            app.update(Action::FocusNext);
        }
        for (pane, expected) in titles {
            assert_eq!(app.focus, pane);
            let buf = render(&app, w, h);
            assert!(
                app.screen.rect(pane).is_some(),
                "{pane:?} not on screen at {w}x{h}"
            );
            let text = pane_text(&app, &buf, pane);
            assert!(
                text.contains(expected),
                "{pane:?} at {w}x{h} lacks {expected}:\n{text}"
            );
            assert_rows_fit(&buf);
            app.update(Action::FocusNext);
        }
    }
}

#[test]
fn narrow_screen_shows_one_pane_with_tabs() {
    let app = sample_app(40, 20);
    assert_eq!(app.screen.arrangement, Arrangement::Single);
    let buf = render(&app, 40, 20);
    let first = rows(&buf)[0].clone();
    assert!(
        first.starts_with("分类 文章 正文 相关 热门 最新"),
        "{first}"
    );
}

#[test]
fn help_overlay_lists_the_keymap_at_every_usable_size() {
    for (w, h) in [(120, 40), (80, 24), (40, 20)] {
        let mut app = sample_app(w, h);
        app.update(Action::ToggleHelp);
        let text = screen_text(&render(&app, w, h));
        assert!(text.contains("帮助"), "{w}x{h}:\n{text}");
        assert!(text.contains("j ↓"), "{w}x{h}:\n{text}");
        app.update(Action::Cancel);
        assert!(app.help.is_none());
    }
}

#[test]
fn tiny_screens_show_a_notice_and_never_panic() {
    for (w, h) in [(1, 1), (0, 0), (1, 30), (200, 1), (10, 3), (19, 6), (20, 5)] {
        let mut app = sample_app(w, h);
        open_main_article(&mut app);
        app.update(Action::ToggleHelp);
        let buf = render(&app, w, h);
        assert_rows_fit(&buf);
        if w >= 10 && h >= 3 {
            assert!(screen_text(&buf).contains("窗口太小"), "{w}x{h}");
        }
    }
}

#[test]
fn smallest_usable_size_still_reads() {
    let mut app = sample_app(20, 6);
    open_main_article(&mut app);
    let buf = render(&app, 20, 6);
    assert!(screen_text(&buf).contains("当前位置"));
    assert_rows_fit(&buf);
}

#[test]
fn resizing_keeps_the_reading_position_on_the_same_text() {
    let mut app = sample_app(120, 40);
    open_main_article(&mut app);
    for _ in 0..20 {
        app.update(Action::MoveDown);
    }
    let before = app.reading.as_ref().unwrap().scroll;
    assert!(before > 0);
    let top_text = |app: &App| {
        let r = app.reading.as_ref().unwrap();
        let doc = r.document.as_ref().unwrap();
        let article = app.library.collection.get(r.article);
        doc.line(article, r.scroll).source
    };
    let (block, range) = top_text(&app).expect("body line at the top");
    app.update(Action::Resize(80, 24));
    let (block_after, range_after) = top_text(&app).expect("body line at the top");
    assert_eq!(block_after, block);
    assert!(range_after.start <= range.start && range.start < range_after.end);
}

#[test]
fn a_search_while_the_index_is_behind_says_more_may_come() {
    // Articles loaded, none indexed yet: what the screen shows while the indexer runs.
    let library = Library::load_all(SAMPLE, Indexing::Skip).expect("sample loads");
    let mut app = App::with_library(library, ViewOptions::default());
    app.update(Action::Resize(120, 40));
    let status = |app: &App| rows(&render(app, 120, 40)).pop().unwrap();
    assert!(status(&app).contains("索引中 0%"), "{}", status(&app));
    app.update(Action::StartSearch);
    for c in "发展".chars() {
        app.update(Action::SearchInsert(c.to_string()));
    }
    let buf = render(&app, 120, 40);
    let screen = screen_text(&buf);
    assert!(screen.contains("搜索: 发展 (0+)"), "{screen}");
    assert!(
        pane_text(&app, &buf, Pane::List).starts_with("搜索中"),
        "{screen}"
    );

    // Once indexed, the same search is exact and the notice is gone.
    app.library.index = reader::rank::Index::build(&app.library.collection);
    app.update(Action::SearchDeleteChar);
    app.update(Action::SearchInsert("展".into()));
    let screen = screen_text(&render(&app, 120, 40));
    assert!(screen.contains("搜索: 发展 (3)"), "{screen}");
    assert!(!status(&app).contains("索引中"), "{}", status(&app));
}
