//! `reader`: parse the command line, run the chosen mode, map errors to exit codes.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

use reader::app::{Palette, ViewOptions};
use reader::cli::{Cli, ColorChoice, Mode, Settings};
use reader::library::{Indexing, Library};
use reader::plain::{self, Paint, PlainOptions};
use reader::session;

fn main() -> ExitCode {
    let settings: Settings = Cli::parse().into();
    ExitCode::from(run(settings))
}

fn run(settings: Settings) -> u8 {
    match &settings.mode {
        Mode::Interactive => interactive(settings),
        Mode::Check => {
            let mut out = io::stdout().lock();
            match plain::check(&settings.source, &mut out) {
                Ok(summary) => summary.exit_code(),
                Err(e) => fail(&e.to_string(), 1),
            }
        }
        Mode::List | Mode::Print(_) | Mode::Search(_) => plain_mode(&settings),
    }
}

fn interactive(settings: Settings) -> u8 {
    let palette = if colour_enabled(settings.color) {
        Palette::Color
    } else {
        Palette::Mono
    };
    if settings.color == ColorChoice::Always {
        crossterm::style::force_color_output(true);
    }
    let options = ViewOptions {
        palette,
        lang: settings.lang,
        measure: settings.measure,
        indent: settings.indent,
    };
    match session::run(settings.source, options) {
        Ok(code) => code,
        Err(e) => fail(&e.to_string(), e.exit_code()),
    }
}

fn plain_mode(settings: &Settings) -> u8 {
    // Only --print needs the index, for 相关阅读; --search reads every article once.
    let indexing = match settings.mode {
        Mode::Print(_) => Indexing::Search,
        _ => Indexing::Skip,
    };
    let library = match Library::load_all(settings.source.clone(), indexing) {
        Ok(library) => library,
        Err(e) => return fail(&e.to_string(), e.exit_code()),
    };
    if library.left_out > 0 {
        let name = plain::escaped(&library.source_name);
        let left_out = library.left_out;
        note(&format!(
            "{name}: {left_out} articles left out (reader --check lists them)"
        ));
    }
    let stdout = io::stdout();
    let opts = PlainOptions {
        width: plain_width(settings.width),
        indent: settings.indent.into(),
        measure: settings.measure,
        lang: settings.lang,
        // DESIGN.md: plain text carries no escape sequence unless --color always,
        // even on a terminal (it is often copied or piped on from there).
        paint: Paint {
            enabled: settings.color == ColorChoice::Always,
        },
    };
    let mut out = stdout.lock();
    let result = match &settings.mode {
        Mode::List => plain::list(&library.collection, &opts, &mut out).map(|()| 0),
        Mode::Print(id) => match plain::print(&library, id, &opts, &mut out) {
            Ok(true) => Ok(0),
            Ok(false) => return fail(&format!("no article with id {id:?}"), 2),
            Err(e) => Err(e),
        },
        Mode::Search(q) => plain::search(&library.collection, q, &mut out).map(|_| 0),
        Mode::Interactive | Mode::Check => unreachable!("handled in run"),
    };
    match result.and_then(|code| out.flush().map(|()| code)) {
        Ok(code) => code,
        // A closed pipe (`reader --list | head`) is not an error worth a message.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => fail(&e.to_string(), 1),
    }
}

/// `--width`, else the terminal's width, else 80.
fn plain_width(width: Option<u16>) -> usize {
    width
        .map(usize::from)
        .or_else(|| {
            io::stdout()
                .is_terminal()
                .then(|| crossterm::terminal::size().ok())
                .flatten()
                .map(|(w, _)| usize::from(w))
        })
        .unwrap_or(80)
}

/// Whether the interactive screen is in colour: `always` wins, `never` loses, `auto`
/// asks for no `NO_COLOR`. (Plain output has colour only with `always`.)
fn colour_enabled(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

/// Prints `reader: message` on stderr (controls and invisible characters escaped: a
/// path or id in it may come from anywhere) and returns `code`.
fn fail(message: &str, code: u8) -> u8 {
    note(&plain::escaped(message));
    code
}

/// Writes `reader: message` to stderr. Not `eprintln!`, which panics when stderr is a
/// terminal that hung up: the exit code must stay the one chosen.
fn note(message: &str) {
    let _ = writeln!(io::stderr(), "reader: {message}");
}
