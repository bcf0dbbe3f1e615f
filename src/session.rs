//! The interactive session: joins keys, signals and the background load into one
//! stream of events, feeds them to the app and draws only when something changed.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use crossterm::event::{Event as Input, KeyEventKind};

use crate::app::keymap::{Scope, action_for};
use crate::app::{Action, App, Exit, ViewOptions};
use crate::library::{self, Indexing, Update};
use crate::load::{LoadError, Source};
use crate::term::{self, Signal, Term, TermError, TermEvent};

/// How long start-up waits for a small collection to finish loading, so that a broken
/// file is reported before the terminal is touched. Larger files show the screen once
/// this has passed and load on behind it.
const EARLY_LOAD_WAIT: Duration = Duration::from_millis(60);

/// How soon an unfinished search continues when no event comes.
const TICK: Duration = Duration::from_millis(1);

/// How long the loop sleeps with nothing to do (it wakes on any event).
const IDLE_WAIT: Duration = Duration::from_secs(3600);

/// Why a session could not run.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// The collection could not be read (reported before the terminal was touched).
    #[error(transparent)]
    Load(#[from] LoadError),
    /// No usable terminal, or the terminal failed.
    #[error(transparent)]
    Term(#[from] TermError),
}

impl SessionError {
    /// The process exit code for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            SessionError::Load(e) => e.exit_code(),
            SessionError::Term(TermError::NoTerminal(_)) => 2,
            // A terminal that hung up fails the next write, sometimes before its
            // SIGHUP is handled (the SIGCONT sent with it asks for a redraw). With
            // the terminal gone, /dev/tty no longer opens: exit as after SIGHUP.
            SessionError::Term(TermError::Io(_)) if std::fs::File::open("/dev/tty").is_err() => {
                Signal::Hangup.exit_code().unwrap_or(129)
            }
            SessionError::Term(TermError::Io(_)) => 1,
        }
    }
}

/// Everything the session waits for.
#[derive(Debug)]
enum Event {
    Term(TermEvent),
    Library(Update),
}

impl From<TermEvent> for Event {
    fn from(e: TermEvent) -> Self {
        Event::Term(e)
    }
}

impl From<Update> for Event {
    fn from(u: Update) -> Self {
        Event::Library(u)
    }
}

/// Runs the interactive reader on `source` until the user quits or a signal ends it.
/// Returns the process exit code.
pub fn run(source: Source, options: ViewOptions) -> Result<u8, SessionError> {
    term::check_interactive()?;
    let (tx, rx) = mpsc::channel();
    term::forward_signals(tx.clone()).map_err(TermError::from)?;
    let name = source.display_name();
    library::spawn_load(source, Indexing::Search, tx.clone());

    let mut app = App::new(name, options);
    let started = Instant::now();
    while let Some(left) = EARLY_LOAD_WAIT.checked_sub(started.elapsed()) {
        match rx.recv_timeout(left) {
            Ok(Event::Library(Update::Finished(Err(e)))) => return Err(e.into()),
            Ok(Event::Term(TermEvent::Signal(s))) if s.exit_code().is_some() => {
                return Ok(s.exit_code().unwrap_or(1));
            }
            Ok(Event::Library(update)) => {
                let finished = matches!(update, Update::Finished(_));
                app.on_update(update);
                if finished {
                    break;
                }
            }
            Ok(Event::Term(_)) => {}
            Err(_) => break,
        }
    }

    let mut term = Term::enter()?;
    term::forward_input(tx).map_err(TermError::from)?;
    let (w, h) = term.size().map_err(TermError::from)?;
    app.update(Action::Resize(w, h));
    event_loop(&mut app, &mut term, &rx).map_err(SessionError::from)
}

fn event_loop(app: &mut App, term: &mut Term, rx: &Receiver<Event>) -> Result<u8, TermError> {
    let mut dirty = true;
    loop {
        if dirty {
            term.draw(|frame| {
                panic_if_asked();
                frame.render_widget(&*app, frame.area())
            })?;
            dirty = false;
        }
        // Wait for one event, then take whatever else is already queued before drawing,
        // so a paste, a resize storm or a burst of load progress costs one frame.
        // A search that did not finish in its slice goes on between events.
        let wait = if app.is_busy() { TICK } else { IDLE_WAIT };
        let first = match rx.recv_timeout(wait) {
            Ok(event) => event,
            Err(RecvTimeoutError::Timeout) => {
                if app.is_busy() {
                    app.update(Action::Tick);
                    dirty = true;
                }
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => return Ok(1),
        };
        for event in std::iter::once(first).chain(rx.try_iter()) {
            match event {
                Event::Term(TermEvent::Signal(signal)) => match signal.exit_code() {
                    Some(code) => return Ok(code),
                    None => {
                        if signal == Signal::Stop {
                            term.suspend()?;
                        } else {
                            term.resume()?;
                        }
                        dirty = true;
                    }
                },
                Event::Term(TermEvent::InputClosed) => return Ok(129),
                Event::Term(TermEvent::Input(input)) => {
                    let Some(action) = action_for_input(app, input) else {
                        continue;
                    };
                    match action {
                        Action::Suspend => term.suspend()?,
                        Action::Redraw => term.invalidate()?,
                        _ => {}
                    }
                    app.update(action);
                    dirty = true;
                }
                Event::Library(update) => {
                    app.on_update(update);
                    dirty = true;
                }
            }
            if let Some(exit) = app.exit {
                return Ok(match exit {
                    Exit::Quit => 0,
                    Exit::Interrupted => 130,
                });
            }
        }
        app.catch_up();
    }
}

/// Test builds only: `READER_TEST_PANIC=draw` panics in the middle of drawing, so the
/// end-to-end tests can prove a panic restores the terminal. Release builds have no
/// such trigger.
fn panic_if_asked() {
    #[cfg(debug_assertions)]
    if std::env::var_os("READER_TEST_PANIC").is_some_and(|v| v == "draw") {
        panic!("panic while drawing, as READER_TEST_PANIC asked");
    }
}

/// The action for one piece of terminal input, if any.
fn action_for_input(app: &App, input: Input) -> Option<Action> {
    match input {
        Input::Key(key) if key.kind != KeyEventKind::Release => action_for(app.scope(), key),
        Input::Resize(w, h) => Some(Action::Resize(w, h)),
        // Pasted text goes into a search being typed; anywhere else it is ignored, so a
        // paste full of `q`s cannot quit.
        Input::Paste(text) if app.scope() == Scope::Search => {
            let line: String = text.chars().filter(|c| !c.is_control()).collect();
            Some(Action::SearchInsert(line))
        }
        _ => None,
    }
}
