//! Parsing one framed piece of input into outcomes: each article decoded, checked and
//! built, each located problem placed by line and column. This stage needs nothing
//! but the piece, so pieces can be parsed on any thread and in parallel; the
//! outcomes are then accepted in file order (see [`super::accept`]).

use super::article::{Verdict, build, quote};
use super::clean::one_line;
use super::frame::{Frame, FrameKind, control_message, describe};
use super::position::{Cursor, Mark, serde_offset};
use super::recover::{Decoded, decode, serde_message};
use super::scan::control_in_strings;
use super::wire::Text;
use super::{LoadError, Location, Problem, Severity};

/// What one frame became.
#[derive(Debug)]
pub(super) enum Outcome {
    /// An article, kept or left out.
    Article {
        /// Its number in the file, from 1.
        ordinal: u64,
        /// Bytes of JSON it took.
        size: usize,
        /// Where it starts, when it has no usable id to name it by.
        at: Option<(usize, usize)>,
        /// What became of it.
        verdict: Box<Verdict>,
    },
    /// A JSONL line that is not valid JSON: left out.
    BrokenLine(Problem),
    /// A warning about the collection object.
    Warning(Problem),
    /// The collection's title.
    Title(String),
    /// A syntax error: the load stops here.
    Stop(LoadError),
}

/// The outcomes of one piece, in order.
#[derive(Debug)]
pub(super) struct Parsed {
    pub outcomes: Vec<Outcome>,
    /// Input offset where the piece ends.
    pub end: u64,
}

/// Parses the frames of one piece of input whose first byte is at `base` and which
/// ends at input offset `end`. Stops after the first syntax error.
pub(super) fn parse_piece(
    name: &str,
    data: &[u8],
    base: Mark,
    frames: &[Frame],
    end: u64,
) -> Parsed {
    let mut cursor = Cursor::new(data, base);
    let mut outcomes = Vec::with_capacity(frames.len());
    for frame in frames {
        let bytes = &data[frame.start..frame.end];
        let outcome = match frame.kind {
            FrameKind::Article | FrameKind::Line => article(name, bytes, frame, &mut cursor),
            FrameKind::Title => title(name, bytes, frame, &mut cursor),
            FrameKind::UnknownKey => {
                let key = serde_json::from_slice::<Text>(bytes)
                    .map_or_else(|_| "?".to_owned(), |t| quote(&t.0));
                let message = format!("unknown field \"{key}\" of the collection object ignored");
                Outcome::Warning(at(&mut cursor, frame.start, Severity::Warning, message))
            }
            FrameKind::RepeatedArticles => {
                let message = "\"articles\" is given more than once; the articles of each are read";
                Outcome::Warning(at(
                    &mut cursor,
                    frame.start,
                    Severity::Warning,
                    message.to_owned(),
                ))
            }
        };
        let stop = matches!(outcome, Outcome::Stop(_));
        outcomes.push(outcome);
        if stop {
            break;
        }
    }
    Parsed { outcomes, end }
}

fn article(name: &str, bytes: &[u8], frame: &Frame, cursor: &mut Cursor) -> Outcome {
    // The framer checked the strings of array elements; lines are checked here.
    if frame.kind == FrameKind::Line
        && let Some(offset) = control_in_strings(bytes)
    {
        let message = format!(
            "not valid JSON: {}; line left out",
            control_message(bytes[offset])
        );
        return Outcome::BrokenLine(at(cursor, frame.start + offset, Severity::Error, message));
    }
    let verdict = match decode(bytes) {
        Decoded::Object(w) => build(*w, bytes.len()),
        Decoded::NotObject(kind) => Verdict {
            errors: vec![format!("{kind}, not an article object")],
            ..Verdict::default()
        },
        Decoded::Syntax {
            offset, message, ..
        } if frame.kind == FrameKind::Line => {
            let message = format!("not valid JSON: {message}; line left out");
            return Outcome::BrokenLine(at(cursor, frame.start + offset, Severity::Error, message));
        }
        Decoded::Syntax {
            offset,
            message,
            eof,
        } => {
            let hint = if eof { " (is the file cut short?)" } else { "" };
            let message = format!("{message}{hint}");
            return Outcome::Stop(syntax(name, cursor, frame.start + offset, &message));
        }
    };
    let named = verdict.id.is_some();
    let worth_locating = !verdict.errors.is_empty() || !verdict.warnings.is_empty();
    Outcome::Article {
        ordinal: frame.ordinal,
        size: bytes.len(),
        at: (!named && worth_locating).then(|| cursor.line_col(frame.start)),
        verdict: Box::new(verdict),
    }
}

fn title(name: &str, bytes: &[u8], frame: &Frame, cursor: &mut Cursor) -> Outcome {
    if let Err(e) = serde_json::from_slice::<serde::de::IgnoredAny>(bytes) {
        let offset = serde_offset(bytes, e.line(), e.column());
        return Outcome::Stop(syntax(
            name,
            cursor,
            frame.start + offset,
            &serde_message(&e),
        ));
    }
    match serde_json::from_slice::<Option<Text>>(bytes) {
        Ok(Some(Text(title))) => {
            Outcome::Title(one_line(&lossy(&title), usize::MAX).trim().to_owned())
        }
        Ok(None) => Outcome::Title(String::new()),
        Err(_) => {
            let message = format!(
                "the collection's \"title\" must be a string, found {}; ignored",
                describe(bytes[0])
            );
            Outcome::Warning(at(cursor, frame.start, Severity::Warning, message))
        }
    }
}

fn syntax(name: &str, cursor: &mut Cursor, offset: usize, message: &str) -> LoadError {
    let (line, column) = cursor.line_col(offset);
    LoadError::Syntax {
        path: name.to_owned(),
        line,
        column,
        message: format!("invalid JSON: {message}"),
    }
}

/// A problem located at byte `offset` of the piece.
fn at(cursor: &mut Cursor, offset: usize, severity: Severity, message: String) -> Problem {
    let (line, column) = cursor.line_col(offset);
    Problem {
        severity,
        location: Location::Position { line, column },
        message,
    }
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
