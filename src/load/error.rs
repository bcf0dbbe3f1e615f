//! Load errors and problems, each with where it was found.

use std::fmt;

/// Where a problem was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// A position in the file, 1-based.
    Position {
        /// Line, from 1.
        line: usize,
        /// Column (characters), from 1.
        column: usize,
    },
    /// An article, by its (cleaned) id. An article without a usable id is located
    /// by [`Location::Position`] instead, and its message starts `article #N: `.
    Article(String),
}

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth knowing; nothing was left out (unknown field, unparsable date).
    Warning,
    /// The article was left out.
    Error,
}

/// One thing wrong with the data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// How bad it is.
    pub severity: Severity,
    /// Where it is.
    pub location: Location,
    /// What is wrong, in a sentence without a trailing period.
    pub message: String,
}

impl Problem {
    /// The problem as `PATH:LINE:COL: message` or `PATH: article ID: message`
    /// (warnings say `warning: ` before the message). The path is cleaned like any
    /// text shown, so the line holds no escape codes.
    pub fn display<'a>(&'a self, path: &'a str) -> impl fmt::Display + 'a {
        struct D<'a>(&'a Problem, &'a str);
        impl fmt::Display for D<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let (p, path) = (self.0, super::clean::one_line(self.1, usize::MAX));
                let level = match p.severity {
                    Severity::Warning => "warning: ",
                    Severity::Error => "",
                };
                match &p.location {
                    Location::Position { line, column } => {
                        write!(f, "{path}:{line}:{column}: {level}{}", p.message)
                    }
                    Location::Article(id) => {
                        write!(f, "{path}: article {id}: {level}{}", p.message)
                    }
                }
            }
        }
        D(self, path)
    }
}

/// Why a collection could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// No such file.
    #[error("{path}: no such file")]
    NotFound {
        /// The path as given.
        path: String,
    },
    /// The file exists but cannot be read (permissions, a directory, I/O error).
    #[error("{path}: cannot read: {reason}")]
    Unreadable {
        /// The path as given.
        path: String,
        /// Why, in words.
        reason: String,
    },
    /// Larger than the reader accepts ([`super::MAX_BYTES`]).
    #[error("{path}: {size} bytes is more than the {cap}-byte limit")]
    TooLarge {
        /// The path as given.
        path: String,
        /// Its size (for standard input: how much was read before giving up).
        size: u64,
        /// The limit.
        cap: u64,
    },
    /// Not JSON, or not a collection. Messages never echo data from the file.
    #[error("{path}:{line}:{column}: {message}")]
    Syntax {
        /// The path as given.
        path: String,
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// What is wrong.
        message: String,
    },
}

impl LoadError {
    /// The process exit code for this error (DESIGN.md): 66 when the file cannot be
    /// found or read, 65 when its content is bad.
    pub fn exit_code(&self) -> u8 {
        match self {
            LoadError::NotFound { .. } | LoadError::Unreadable { .. } => 66,
            LoadError::TooLarge { .. } | LoadError::Syntax { .. } => 65,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_in_the_check_format() {
        let at = Problem {
            severity: Severity::Error,
            location: Location::Position { line: 3, column: 7 },
            message: "article #2: missing id; left out".to_owned(),
        };
        assert_eq!(
            at.display("a.json").to_string(),
            "a.json:3:7: article #2: missing id; left out"
        );
        let by_id = Problem {
            severity: Severity::Warning,
            location: Location::Article("42".to_owned()),
            message: "unknown field \"x\" ignored".to_owned(),
        };
        assert_eq!(
            by_id.display("dir/a\u{1b}[2J.json").to_string(),
            "dir/a[2J.json: article 42: warning: unknown field \"x\" ignored"
        );
    }
}
