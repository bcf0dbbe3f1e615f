//! Cutting the input into articles: the top-level grammar (array, `{"title",
//! "articles"}` object, or JSONL lines) walked one piece of input at a time.
//!
//! The framer never parses an article; it only finds where each one starts and ends
//! (see [`super::scan`]), so the parse can run elsewhere and on borrowed bytes. Errors
//! in the grammar around the articles (a missing comma, trailing garbage, a wrong
//! top-level type) are found here, at the byte where they are.

use super::scan::{ValueScan, is_space, skip_space};

/// The format, when the caller knows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Hint {
    /// Decide from the content.
    Sniff,
    /// One article per line (a `.jsonl` or `.ndjson` name).
    Lines,
}

/// What a frame holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum FrameKind {
    /// One element of the array of articles.
    Article,
    /// One non-blank line of a JSONL file.
    Line,
    /// The value of the collection object's `title`.
    Title,
    /// The name (a JSON string) of an unknown field of the collection object.
    UnknownKey,
    /// The name of a second `articles` field.
    RepeatedArticles,
}

/// A delimited piece of the input. Offsets are relative to the bytes given to
/// [`Framer::feed`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Frame {
    /// What it holds.
    pub kind: FrameKind,
    /// For articles and lines: the 1-based count of articles so far.
    pub ordinal: u64,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// A fault in the grammar around the articles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct FrameError {
    /// Offset of the offending byte (or of the end of the input).
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

/// Where the array of articles sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Container {
    Top,
    InObject,
}

/// What a value being scanned will become.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Article,
    Key,
    Title,
    Skip,
}

/// Which field of the collection object a value belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Articles,
    Title,
    Other,
}

#[derive(Clone, Debug)]
enum State {
    Start,
    ArrayOpen(Container),
    ArrayValue(Container),
    ArrayComma(Container),
    ObjectOpen,
    ObjectKey,
    ObjectColon(Field),
    ObjectValue(Field),
    ObjectComma,
    Value(Role, ValueScan, Container),
    Done,
    Lines,
}

/// The top-level grammar, fed the input piece by piece.
#[derive(Debug)]
pub(super) struct Framer {
    state: State,
    hint: Hint,
    articles: u64,
    has_articles: bool,
}

impl Framer {
    /// A framer at the start of the input.
    pub fn new(hint: Hint) -> Self {
        Framer {
            state: State::Start,
            hint,
            articles: 0,
            has_articles: false,
        }
    }

    /// Frames what it can of `input`, which starts where the last call stopped, and
    /// returns how many bytes it used; the rest must be given again, followed by more.
    /// With `eof`, the input is complete and the grammar must end in it.
    pub fn feed(
        &mut self,
        input: &[u8],
        eof: bool,
        frames: &mut Vec<Frame>,
    ) -> Result<usize, FrameError> {
        let mut pos = 0;
        // Where the value being scanned began in `input`; a value carried over from
        // the last call begins at 0.
        let mut value_start = 0;
        loop {
            let at = skip_space(input, pos);
            if at == input.len() && !matches!(self.state, State::Value(..) | State::Lines) {
                return if eof { self.end(input.len()) } else { Ok(at) };
            }
            match std::mem::replace(&mut self.state, State::Done) {
                State::Start => match self.start(input, at, eof)? {
                    Some(next) => {
                        self.state = next;
                        pos = match self.state {
                            State::Lines => at,
                            _ => at + 1,
                        };
                    }
                    None => {
                        self.state = State::Start;
                        return Ok(at);
                    }
                },
                State::ArrayOpen(c) if input[at] == b']' => {
                    pos = at + 1;
                    self.state = self.after_array(c);
                }
                State::ArrayOpen(c) | State::ArrayValue(c) => {
                    if input[at] == b']' {
                        return Err(error(at, "a comma before ']' with no article after it"));
                    }
                    value_start = at;
                    self.state = self.value(input, at, Role::Article, c)?;
                    pos = at;
                }
                State::ArrayComma(c) => {
                    pos = at + 1;
                    self.state = match input[at] {
                        b',' => State::ArrayValue(c),
                        b']' => self.after_array(c),
                        b => {
                            return Err(error(
                                at,
                                &format!(
                                    "expected ',' or ']' after an article, found {}",
                                    describe(b)
                                ),
                            ));
                        }
                    }
                }
                State::ObjectOpen | State::ObjectKey if input[at] == b'"' => {
                    value_start = at;
                    self.state = self.value(input, at, Role::Key, Container::InObject)?;
                    pos = at;
                }
                State::ObjectOpen if input[at] == b'}' => return Err(self.no_articles(at)),
                State::ObjectOpen | State::ObjectKey => {
                    return Err(error(
                        at,
                        &format!(
                            "expected a field name in quotes, found {}",
                            describe(input[at])
                        ),
                    ));
                }
                State::ObjectColon(field) => {
                    if input[at] != b':' {
                        return Err(error(
                            at,
                            &format!(
                                "expected ':' after a field name, found {}",
                                describe(input[at])
                            ),
                        ));
                    }
                    pos = at + 1;
                    self.state = State::ObjectValue(field);
                }
                State::ObjectValue(Field::Articles) => {
                    if input[at] != b'[' {
                        return Err(error(at, "the \"articles\" field must be an array"));
                    }
                    self.has_articles = true;
                    pos = at + 1;
                    self.state = State::ArrayOpen(Container::InObject);
                }
                State::ObjectValue(field) => {
                    let role = if field == Field::Title {
                        Role::Title
                    } else {
                        Role::Skip
                    };
                    value_start = at;
                    self.state = self.value(input, at, role, Container::InObject)?;
                    pos = at;
                }
                State::ObjectComma => {
                    pos = at + 1;
                    self.state = match input[at] {
                        b',' => State::ObjectKey,
                        b'}' if self.has_articles => State::Done,
                        b'}' => return Err(self.no_articles(at)),
                        b => {
                            return Err(error(
                                at,
                                &format!(
                                    "expected ',' or '}}' after a field, found {}",
                                    describe(b)
                                ),
                            ));
                        }
                    }
                }
                State::Value(role, mut scan, c) => {
                    let value = &input[value_start..];
                    let end = scan.run(value, eof);
                    if let (Some(at), true) = (scan.control(), end.is_some() || eof) {
                        return Err(control_error(input, value_start + at));
                    }
                    match end {
                        Some(len) => {
                            let end = value_start + len;
                            self.state =
                                self.finish_value(role, value_start, end, input, c, frames)?;
                            pos = end;
                        }
                        None if eof => {
                            if role == Role::Article {
                                self.push(frames, FrameKind::Article, value_start, input.len());
                            }
                            return Err(error(
                                input.len(),
                                "the file ends inside a value (is it cut short?)",
                            ));
                        }
                        None => {
                            self.state = State::Value(role, scan, c);
                            return Ok(value_start);
                        }
                    }
                }
                State::Done => {
                    return Err(error(
                        at,
                        &format!(
                            "unexpected {} after the end of the collection",
                            describe(input[at])
                        ),
                    ));
                }
                State::Lines => {
                    self.state = State::Lines;
                    return Ok(self.lines(input, pos, eof, frames));
                }
            }
        }
    }

    /// Decides the form from the first non-space byte; `None` asks for more input.
    fn start(&mut self, input: &[u8], at: usize, eof: bool) -> Result<Option<State>, FrameError> {
        if self.hint == Hint::Lines {
            return Ok(Some(State::Lines));
        }
        match input[at] {
            b'[' => Ok(Some(State::ArrayOpen(Container::Top))),
            b'{' => Ok(sniff(&input[at..], eof).map(|lines| {
                if lines {
                    State::Lines
                } else {
                    State::ObjectOpen
                }
            })),
            0xFF | 0xFE if at == 0 => {
                Err(error(at, "the file is UTF-16; a collection must be UTF-8"))
            }
            b => Err(error(
                at,
                &format!(
                    "expected a JSON array of articles or an object with an \"articles\" array, found {}",
                    describe(b)
                ),
            )),
        }
    }

    /// Starts scanning a value at `at`.
    fn value(
        &self,
        input: &[u8],
        at: usize,
        role: Role,
        c: Container,
    ) -> Result<State, FrameError> {
        let b = input[at];
        if matches!(b, b',' | b':' | b']' | b'}') {
            return Err(error(
                at,
                &format!("expected a value, found {}", describe(b)),
            ));
        }
        Ok(State::Value(role, ValueScan::new(b), c))
    }

    fn finish_value(
        &mut self,
        role: Role,
        start: usize,
        end: usize,
        input: &[u8],
        c: Container,
        frames: &mut Vec<Frame>,
    ) -> Result<State, FrameError> {
        Ok(match role {
            Role::Article => {
                self.push(frames, FrameKind::Article, start, end);
                State::ArrayComma(c)
            }
            Role::Key => {
                let field = match key_name(&input[start..end]).as_deref() {
                    Some("articles") if self.has_articles => {
                        frames.push(frame(FrameKind::RepeatedArticles, 0, start, end));
                        Field::Articles
                    }
                    Some("articles") => Field::Articles,
                    Some("title") => Field::Title,
                    Some(_) => {
                        frames.push(frame(FrameKind::UnknownKey, 0, start, end));
                        Field::Other
                    }
                    None => {
                        return Err(error(start, "a field name that is not a valid JSON string"));
                    }
                };
                State::ObjectColon(field)
            }
            Role::Title => {
                frames.push(frame(FrameKind::Title, 0, start, end));
                State::ObjectComma
            }
            Role::Skip => State::ObjectComma,
        })
    }

    fn after_array(&self, c: Container) -> State {
        match c {
            Container::Top => State::Done,
            Container::InObject => State::ObjectComma,
        }
    }

    fn push(&mut self, frames: &mut Vec<Frame>, kind: FrameKind, start: usize, end: usize) {
        self.articles += 1;
        frames.push(frame(kind, self.articles, start, end));
    }

    fn no_articles(&self, at: usize) -> FrameError {
        error(
            at,
            "the collection object has no \"articles\" array (for one article per line, name the file .jsonl)",
        )
    }

    /// Checks that the input may end in the current state.
    fn end(&self, at: usize) -> Result<usize, FrameError> {
        match self.state {
            State::Done | State::Lines => Ok(at),
            State::Start if self.hint == Hint::Lines => Ok(at),
            State::Start => Err(error(
                at,
                "the input is empty (or only whitespace); a collection is a JSON array of articles or an object with an \"articles\" array",
            )),
            State::ArrayOpen(_) | State::ArrayValue(_) | State::ArrayComma(_) => Err(error(
                at,
                "the file ends before the array of articles is closed (is it cut short?)",
            )),
            _ => Err(error(
                at,
                "the file ends before the collection object is closed (is it cut short?)",
            )),
        }
    }

    /// Frames whole non-blank lines from `pos`; returns where the unfinished one starts.
    fn lines(&mut self, input: &[u8], mut pos: usize, eof: bool, frames: &mut Vec<Frame>) -> usize {
        loop {
            let end = match memchr::memchr(b'\n', &input[pos..]) {
                Some(i) => pos + i,
                None if eof => input.len(),
                None => return pos,
            };
            if !input[pos..end].iter().all(|&b| is_space(b)) {
                self.push(frames, FrameKind::Line, pos, end);
            }
            if end == input.len() {
                return end;
            }
            pos = end + 1;
        }
    }
}

fn frame(kind: FrameKind, ordinal: u64, start: usize, end: usize) -> Frame {
    Frame {
        kind,
        ordinal,
        start,
        end,
    }
}

fn error(offset: usize, message: &str) -> FrameError {
    FrameError {
        offset,
        message: message.to_owned(),
    }
}

/// A raw control character inside a string: JSON forbids it.
pub(super) fn control_error(input: &[u8], at: usize) -> FrameError {
    error(at, &format!("invalid JSON: {}", control_message(input[at])))
}

/// What to say about a raw control character inside a string.
pub(super) fn control_message(b: u8) -> String {
    format!(
        "a raw control character (U+{b:04X}) inside a string; write it as an escape such as \\n or \\t"
    )
}

/// A byte named for a message, never echoed raw.
pub(super) fn describe(b: u8) -> String {
    match b {
        b'"' => "a string".to_owned(),
        b'-' | b'0'..=b'9' => "a number".to_owned(),
        b't' | b'f' => "a boolean".to_owned(),
        b'n' => "null".to_owned(),
        b'{' => "an object".to_owned(),
        b'[' => "an array".to_owned(),
        0x21..=0x7e => format!("'{}'", b as char),
        _ => format!("byte 0x{b:02X}"),
    }
}

/// The text of a field name (a JSON string with its quotes).
fn key_name(key: &[u8]) -> Option<std::borrow::Cow<'_, str>> {
    if key.len() >= 2 && !key.contains(&b'\\') {
        return std::str::from_utf8(&key[1..key.len() - 1])
            .ok()
            .map(Into::into);
    }
    serde_json::from_slice(key).ok()
}

mod sniff;

use sniff::sniff;

#[cfg(test)]
mod tests;
