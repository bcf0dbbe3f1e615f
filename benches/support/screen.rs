//! The interactive screen without a terminal, for the frame benchmark: a generated
//! collection plus one article of about 1 MB, an [`App`] over it at 120x40, and a real
//! ratatui `Terminal` over crossterm's backend writing into a byte counter, so a
//! keystroke costs what it costs in the session (update, render, diff, escape
//! sequences) less the `write` system call, and its bytes can be counted.

use std::cell::Cell;
use std::io::{self, Write};
use std::rc::Rc;

use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use reader::app::{Action, App, ViewOptions};
use reader::library::Library;
use reader::model::{Article, ArticleIx, Collection, Date};

use super::synth::{Options, Size, Synth};

/// The screen the figures are taken at.
pub const WIDTH: u16 = 120;
/// See [`WIDTH`].
pub const HEIGHT: u16 = 40;

/// The real sentences the long article is made of.
const CORPUS: [&str; 2] = [
    include_str!("../../tests/fixtures/corpus/ud-zh-gsdsimp-test.txt"),
    include_str!("../../tests/fixtures/corpus/ud-zh-pud-test.txt"),
];

/// The id of the long article.
pub const LONG_ID: &str = "long";

/// A writer that keeps only the number of bytes written to it, in a cell shared with
/// the [`Screen`] (the backend's own writer is not reachable in ratatui 0.30).
#[derive(Clone, Debug, Default)]
pub struct Counter {
    /// Bytes written so far.
    pub bytes: Rc<Cell<u64>>,
}

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.bytes.set(self.bytes.get() + buf.len() as u64);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// An article of about 1 MB of corpus text (see [`long_article`]). Dated after every
/// generated article, so it heads the list.
pub fn long_article() -> Article {
    let sentences: Vec<&str> = CORPUS
        .iter()
        .flat_map(|c| c.lines())
        .filter(|l| !l.trim().is_empty())
        .collect();
    let mut b = super::long_article::long_article(LONG_ID, &sentences);
    b.source("上海普陀")
        .date(Date::parse("2025-06-30 08:00"))
        .category_level("新闻")
        .category_level("国内");
    b.build().expect("a valid article")
}

/// `n` generated articles (seed 1, full size) and the long article, ranked and indexed.
pub fn library(n: usize) -> Library {
    let synth = Synth::new(Options {
        articles: n,
        seed: 1,
        size: Size::Full,
    });
    let mut c: Collection = synth.collection();
    c.push(long_article()).expect("a new id");
    Library::from_collection(format!("{n} articles"), c)
}

/// The app and a terminal at 120x40.
pub struct Screen {
    /// The interactive state.
    pub app: App,
    /// The terminal the frames go to.
    pub term: Terminal<CrosstermBackend<Counter>>,
    /// What the terminal has written.
    written: Counter,
}

impl Screen {
    /// A session over `library` at 120x40, before its first frame.
    pub fn new(library: Library) -> Screen {
        let mut app = App::with_library(library, ViewOptions::default());
        app.update(Action::Resize(WIDTH, HEIGHT));
        let options = TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, WIDTH, HEIGHT)),
        };
        let written = Counter::default();
        let term = Terminal::with_options(CrosstermBackend::new(written.clone()), options)
            .expect("no I/O on a counter");
        Screen { app, term, written }
    }

    /// Starts a new session over the same library, with its first frame drawn: every
    /// scenario starts from the screen the user first sees. Returns the frame's bytes.
    pub fn restart(&mut self) -> u64 {
        let library = std::mem::replace(&mut self.app.library, Library::new(String::new()));
        *self = Screen::new(library);
        self.draw()
    }

    /// The long article's position.
    pub fn long(&self) -> ArticleIx {
        self.app
            .library
            .collection
            .find(LONG_ID)
            .expect("the long article")
    }

    /// Draws a frame, as the session does after every change; returns its bytes.
    pub fn draw(&mut self) -> u64 {
        let before = self.written.bytes.get();
        let app = &self.app;
        self.term
            .draw(|frame| frame.render_widget(app, frame.area()))
            .expect("no I/O on a counter");
        self.written.bytes.get() - before
    }

    /// One keystroke: the action, then the frame; returns the frame's bytes.
    pub fn key(&mut self, action: Action) -> u64 {
        self.app.update(action);
        self.draw()
    }

    /// Lets a search that ran out of its slice finish, a frame per step as the session
    /// draws them; returns the number of steps and the bytes of their frames.
    pub fn finish_search(&mut self) -> (usize, u64) {
        let (mut ticks, mut bytes) = (0, 0);
        while self.app.is_busy() {
            bytes += self.key(Action::Tick);
            ticks += 1;
        }
        (ticks, bytes)
    }
}
