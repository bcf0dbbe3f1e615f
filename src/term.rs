//! The one place that touches the terminal: raw mode, the alternate screen, bracketed
//! paste, the cursor, signals, suspend and resume, and restoring all of it on every way
//! out (normal exit, error, panic, signal).

use std::io::{self, IsTerminal, Stdout, Write};
use std::mem::ManuallyDrop;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::thread;

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event as Input};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

/// Why the interactive screen cannot start.
#[derive(Debug, thiserror::Error)]
pub enum TermError {
    /// No usable terminal (stdout redirected, TERM unset or dumb, no tty for keys).
    #[error(
        "the interactive screen needs a terminal ({0}); for plain text use --list, --print ID or --search QUERY"
    )]
    NoTerminal(&'static str),
    /// The terminal failed.
    #[error("terminal: {0}")]
    Io(#[from] io::Error),
}

/// A signal the session must act on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signal {
    /// SIGTERM: exit 143.
    Terminate,
    /// SIGHUP (the terminal went away): exit 129.
    Hangup,
    /// SIGINT: exit 130.
    Interrupt,
    /// SIGTSTP from outside: suspend like Ctrl-Z.
    Stop,
    /// SIGCONT: we were stopped and continue; redraw everything.
    Continue,
}

impl Signal {
    /// The exit code after this signal ends the session (128 + its number).
    pub fn exit_code(self) -> Option<u8> {
        match self {
            Signal::Terminate => Some(143),
            Signal::Hangup => Some(129),
            Signal::Interrupt => Some(130),
            Signal::Stop | Signal::Continue => None,
        }
    }
}

/// What the terminal side reports to the session.
#[derive(Debug)]
pub enum TermEvent {
    /// A key, paste, resize or other input.
    Input(Input),
    /// Reading input failed: the terminal is gone.
    InputClosed,
    /// A signal arrived.
    Signal(Signal),
}

/// Checks that the interactive mode can run here, before anything is written.
pub fn check_interactive() -> Result<(), TermError> {
    if !io::stdout().is_terminal() {
        return Err(TermError::NoTerminal("standard output is not a terminal"));
    }
    match std::env::var_os("TERM") {
        None => return Err(TermError::NoTerminal("TERM is not set")),
        Some(t) if t.is_empty() || t == "dumb" => {
            return Err(TermError::NoTerminal("TERM is dumb"));
        }
        Some(_) => {}
    }
    if !io::stdin().is_terminal() && std::fs::File::open("/dev/tty").is_err() {
        return Err(TermError::NoTerminal("no terminal to read keys from"));
    }
    Ok(())
}

/// Forwards SIGTERM, SIGHUP, SIGINT, SIGTSTP and SIGCONT to `tx`. Call before entering
/// the terminal so no signal in between goes unhandled.
pub fn forward_signals<T: From<TermEvent> + Send + 'static>(tx: Sender<T>) -> io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGTSTP, SIGCONT])?;
    thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for number in signals.forever() {
                let signal = match number {
                    SIGTERM => Signal::Terminate,
                    SIGHUP => Signal::Hangup,
                    SIGINT => Signal::Interrupt,
                    SIGTSTP => Signal::Stop,
                    _ => Signal::Continue,
                };
                if tx.send(TermEvent::Signal(signal).into()).is_err() {
                    return;
                }
            }
        })?;
    Ok(())
}

/// Forwards terminal input to `tx` until reading fails (the terminal is gone), then
/// reports that once and stops: no busy loop on a dead terminal.
pub fn forward_input<T: From<TermEvent> + Send + 'static>(tx: Sender<T>) -> io::Result<()> {
    thread::Builder::new().name("input".into()).spawn(move || {
        loop {
            let event = match event::read() {
                Ok(input) => TermEvent::Input(input),
                Err(_) => TermEvent::InputClosed,
            };
            let closed = matches!(event, TermEvent::InputClosed);
            if tx.send(event.into()).is_err() || closed {
                return;
            }
        }
    })?;
    Ok(())
}

/// The terminal in full-screen mode. Dropping it restores the terminal.
pub struct Term {
    /// Never dropped: ratatui's `Drop` shows the cursor and `eprintln!`s when that
    /// fails, which panics (exit 101) when stderr is the terminal that just hung up.
    /// [`restore`] shows the cursor without printing; the process ends right after.
    terminal: ManuallyDrop<Terminal<CrosstermBackend<Stdout>>>,
}

impl Term {
    /// Enters raw mode and the alternate screen, and makes sure a panic restores them
    /// before its message is printed.
    pub fn enter() -> Result<Term, TermError> {
        install_panic_hook();
        let terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        let mut term = Term {
            terminal: ManuallyDrop::new(terminal),
        };
        term.setup()?;
        Ok(term)
    }

    fn setup(&mut self) -> io::Result<()> {
        TAKEN.store(true, Ordering::SeqCst);
        enable_raw_mode()?;
        execute!(
            io::stdout(),
            EnterAlternateScreen,
            EnableBracketedPaste,
            cursor::Hide
        )?;
        self.invalidate()
    }

    /// Draws a frame; only the cells that changed are written.
    pub fn draw(&mut self, render: impl FnOnce(&mut ratatui::Frame)) -> io::Result<()> {
        self.terminal.draw(render).map(|_| ())
    }

    /// The terminal's size in columns and rows.
    pub fn size(&self) -> io::Result<(u16, u16)> {
        let size = self.terminal.size()?;
        Ok((size.width, size.height))
    }

    /// Clears the screen and forgets what was on it, so the next frame redraws every
    /// cell (Ctrl-L, resume). Unlike `Terminal::clear` this asks the terminal nothing:
    /// a cursor-position query costs a round trip on a slow link and hangs on terminals
    /// that never answer.
    pub fn invalidate(&mut self) -> io::Result<()> {
        let size = self.terminal.size()?;
        self.terminal
            .resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
    }

    /// Ctrl-Z: gives the terminal back to the shell and stops the process. When the
    /// shell continues it (`fg`), SIGCONT arrives and the session calls [`Term::resume`].
    pub fn suspend(&mut self) -> io::Result<()> {
        restore();
        signal_hook::low_level::emulate_default_handler(SIGTSTP)
    }

    /// Takes the terminal again after the process was stopped, and redraws fully.
    pub fn resume(&mut self) -> io::Result<()> {
        self.setup()
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        restore();
    }
}

/// Whether the screen is ours (raw mode, alternate screen) and not yet given back.
static TAKEN: AtomicBool = AtomicBool::new(false);

/// Leaves the alternate screen, shows the cursor, turns paste mode and raw mode off.
/// Safe to call more than once and when the terminal is gone (errors are ignored:
/// there is nothing better to do with them on the way out). Only the first call after
/// taking the screen writes anything: leaving the alternate screen also restores the
/// cursor saved on entering it, so a second time, after a panic message was printed,
/// would put the cursor back above the message for the shell prompt to overwrite.
pub fn restore() {
    if !TAKEN.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = out.flush();
    let _ = disable_raw_mode();
}

/// A panic on the thread that owns the screen restores the terminal before the panic
/// message is printed, so the message is readable and the shell usable.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let owner = thread::current().id();
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if thread::current().id() == owner {
                restore();
            }
            previous(info);
        }));
    });
}
