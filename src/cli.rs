//! The command line (DESIGN.md "Command line"), turned into [`Settings`].

use std::path::PathBuf;

use clap::{Parser, ValueEnum};

use crate::i18n::Lang;
use crate::load::{SAMPLE, Source};
use crate::text::{AmbiguousWidth, Measure};

/// A terminal news reader that typesets Chinese text properly.
#[derive(Debug, Parser)]
#[command(name = "reader", version, about, long_about = None)]
pub struct Cli {
    /// Collection to open (JSON array, {"title","articles"} object, or .jsonl); `-` reads
    /// standard input. Without it, the built-in sample opens.
    #[arg(short, long, value_name = "PATH")]
    pub file: Option<PathBuf>,

    /// Validate the collection, print every problem, exit 0 if clean and 65 if not.
    #[arg(long, group = "mode")]
    pub check: bool,

    /// Print the category tree and every article as plain text.
    #[arg(long, group = "mode")]
    pub list: bool,

    /// Print one article, typeset, as plain text.
    #[arg(long, value_name = "ID", group = "mode")]
    pub print: Option<String>,

    /// Print the articles matching QUERY, best first.
    #[arg(long, value_name = "QUERY", group = "mode")]
    pub search: Option<String>,

    /// Columns for plain-text output (default: the terminal's width, else 80).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub width: Option<u16>,

    /// Paragraph first-line indent, in ideographic spaces.
    #[arg(long, value_name = "N", default_value_t = 2, value_parser = clap::value_parser!(u8).range(0..=8))]
    pub indent: u8,

    /// Width of East Asian Ambiguous characters (match your terminal's setting).
    #[arg(long, value_enum, default_value_t = AmbiguousArg::Narrow)]
    pub ambiguous: AmbiguousArg,

    /// Language of labels and messages.
    #[arg(long, value_enum, default_value_t = LangArg::Zh)]
    pub lang: LangArg,

    /// When to use colour and other escape codes.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// `--ambiguous`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum AmbiguousArg {
    /// One cell.
    Narrow,
    /// Two cells.
    Wide,
}

/// `--lang`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// 中文.
    Zh,
    /// English.
    En,
}

/// `--color`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless NO_COLOR is set.
    #[default]
    Auto,
    /// Always, even when NO_COLOR is set or output is not a terminal.
    Always,
    /// Never.
    Never,
}

impl From<AmbiguousArg> for AmbiguousWidth {
    fn from(a: AmbiguousArg) -> Self {
        match a {
            AmbiguousArg::Narrow => AmbiguousWidth::Narrow,
            AmbiguousArg::Wide => AmbiguousWidth::Wide,
        }
    }
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

/// What the reader is asked to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The interactive screen.
    Interactive,
    /// `--check`.
    Check,
    /// `--list`.
    List,
    /// `--print ID`.
    Print(String),
    /// `--search QUERY`.
    Search(String),
}

/// Everything the command line decides, in domain terms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// The collection.
    pub source: Source,
    /// What to do with it.
    pub mode: Mode,
    /// Columns for plain-text output, if given.
    pub width: Option<u16>,
    /// Paragraph indent in ideographic spaces.
    pub indent: u8,
    /// The width function.
    pub measure: Measure,
    /// Language of the chrome.
    pub lang: Lang,
    /// Colour policy.
    pub color: ColorChoice,
}

impl From<Cli> for Settings {
    fn from(cli: Cli) -> Self {
        let source = match cli.file {
            None => SAMPLE,
            Some(p) if p.as_os_str() == "-" => Source::Stdin,
            Some(p) => Source::Path(p),
        };
        let mode = if cli.check {
            Mode::Check
        } else if cli.list {
            Mode::List
        } else if let Some(id) = cli.print {
            Mode::Print(id)
        } else if let Some(q) = cli.search {
            Mode::Search(q)
        } else {
            Mode::Interactive
        };
        Settings {
            source,
            mode,
            width: cli.width,
            indent: cli.indent,
            measure: Measure {
                ambiguous: cli.ambiguous.into(),
            },
            lang: cli.lang.into(),
            color: cli.color,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(args: &[&str]) -> Settings {
        Cli::try_parse_from(std::iter::once("reader").chain(args.iter().copied()))
            .unwrap()
            .into()
    }

    #[test]
    fn plain_reader_opens_the_sample_interactively() {
        let s = settings(&[]);
        assert_eq!(s.source, SAMPLE);
        assert_eq!(s.mode, Mode::Interactive);
        assert_eq!(s.indent, 2);
        assert_eq!(s.lang, Lang::Zh);
    }

    #[test]
    fn modes_and_options_convert() {
        let s = settings(&[
            "-f",
            "-",
            "--print",
            "7",
            "--width",
            "20",
            "--ambiguous",
            "wide",
        ]);
        assert_eq!(s.source, Source::Stdin);
        assert_eq!(s.mode, Mode::Print("7".into()));
        assert_eq!(s.width, Some(20));
        assert_eq!(s.measure.ambiguous, AmbiguousWidth::Wide);
    }

    #[test]
    fn modes_exclude_each_other_and_width_is_positive() {
        let two = ["reader", "--list", "--check"];
        assert!(Cli::try_parse_from(two).is_err());
        assert!(Cli::try_parse_from(["reader", "--width", "0"]).is_err());
    }
}
