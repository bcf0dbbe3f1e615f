//! Cutting the input into articles: the top-level grammar (array, `{"title",
//! "articles"}` object, or JSONL lines) walked one piece of input at a time.
//!
//! The framer never parses an article; it only finds where each one starts and ends
//! (see [`super::scan`]), so the parse can run elsewhere and on borrowed bytes. Errors
//! in the grammar around the articles (a missing comma, trailing garbage, a wrong
//! top-level type) are found here, at the byte where they are.

use serde::Deserialize;
use serde::de::IgnoredAny;

use super::scan::{ValueScan, is_space, skip_space};

/// How far to look for the end of the first line when guessing JSONL.
const SNIFF_LIMIT: usize = 16 << 20;

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

/// Whether input starting with `{` is JSONL: its first line is a whole object without
/// an `articles` field and the next non-blank line starts another object. `None`
/// asks for more input.
fn sniff(input: &[u8], eof: bool) -> Option<bool> {
    let more = |limit_hit: bool| if eof || limit_hit { Some(false) } else { None };
    let Some(nl) = memchr::memchr(b'\n', input) else {
        return more(input.len() > SNIFF_LIMIT);
    };
    if !first_line_is_article(&input[..nl]) {
        return Some(false);
    }
    let next = skip_space(input, nl + 1);
    if next == input.len() {
        return more(input.len() > SNIFF_LIMIT);
    }
    Some(input[next] == b'{')
}

fn first_line_is_article(line: &[u8]) -> bool {
    #[derive(Deserialize)]
    struct Probe {
        articles: Option<IgnoredAny>,
    }
    matches!(
        serde_json::from_slice::<Probe>(line),
        Ok(Probe { articles: None })
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Frames `input` fed in pieces cut at `cuts`, as the reader does: what a call
    /// does not use is given again at the start of the next one. Frames come back
    /// with offsets into the whole input.
    fn frame_in_pieces(input: &[u8], hint: Hint, cuts: &[usize]) -> Result<Vec<Frame>, FrameError> {
        let mut framer = Framer::new(hint);
        let mut all = Vec::new();
        let mut start = 0;
        let ends = cuts.iter().copied().chain([input.len()]);
        for end in ends {
            let eof = end == input.len();
            let mut frames = Vec::new();
            let fed = framer.feed(&input[start..end.max(start)], eof, &mut frames);
            all.extend(frames.into_iter().map(|f| Frame {
                start: f.start + start,
                end: f.end + start,
                ..f
            }));
            match fed {
                Ok(used) => start += used,
                Err(e) => {
                    return Err(FrameError {
                        offset: e.offset + start,
                        ..e
                    });
                }
            }
        }
        Ok(all)
    }

    fn frames(input: &str) -> Vec<(FrameKind, u64, &str)> {
        frame_in_pieces(input.as_bytes(), Hint::Sniff, &[])
            .unwrap()
            .into_iter()
            .map(|f| (f.kind, f.ordinal, &input[f.start..f.end]))
            .collect()
    }

    fn fails_at(input: &str, hint: Hint) -> (usize, String) {
        let e = frame_in_pieces(input.as_bytes(), hint, &[]).unwrap_err();
        (e.offset, e.message)
    }

    #[test]
    fn frames_the_elements_of_an_array() {
        let got = frames(" [ {\"a\": \"]\"} , 1,\"x\" ,[2]]\n");
        let want = [
            (FrameKind::Article, 1, "{\"a\": \"]\"}"),
            (FrameKind::Article, 2, "1"),
            (FrameKind::Article, 3, "\"x\""),
            (FrameKind::Article, 4, "[2]"),
        ];
        assert_eq!(got, want);
        assert!(frames("[]").is_empty());
    }

    #[test]
    fn frames_the_collection_object() {
        let input =
            r#"{"title": "T", "x": {"articles": [1]}, "articles": [{"id": 1}], "articles": []}"#;
        let got = frames(input);
        let want = [
            (FrameKind::Title, 0, "\"T\""),
            (FrameKind::UnknownKey, 0, "\"x\""),
            (FrameKind::Article, 1, "{\"id\": 1}"),
            (FrameKind::RepeatedArticles, 0, "\"articles\""),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn frames_lines_by_name_or_by_content() {
        let input = "{\"id\": 1}\n\n  \n{\"id\": 2}\r\n{broken";
        let got = frame_in_pieces(input.as_bytes(), Hint::Lines, &[]).unwrap();
        let lines: Vec<_> = got.iter().map(|f| &input[f.start..f.end]).collect();
        assert_eq!(lines, ["{\"id\": 1}", "{\"id\": 2}\r", "{broken"]);
        // Without the name: an article object on the first line, another after it.
        assert_eq!(frames("{\"id\": 1}\n{\"id\": 2}\n").len(), 2);
        assert_eq!(frames("{\"id\": 1}\n{\"id\": 2}\n")[0].0, FrameKind::Line);
        // A one-line collection object is not JSONL.
        assert_eq!(
            frames("{\"articles\": [{\"id\": 1}]}\n")[0].0,
            FrameKind::Article
        );
        // Nor is a lone object: it is a collection object without articles.
        assert!(
            fails_at("{\"id\": 1}\n", Hint::Sniff)
                .1
                .contains("no \"articles\"")
        );
    }

    #[test]
    fn any_split_of_the_input_frames_the_same() {
        let inputs: [(&str, Hint); 3] = [
            (
                r#"[{"t":"中\"]文"}, {"b":[1,{"c":"}"}]}, 7, "s\\"]"#,
                Hint::Sniff,
            ),
            (
                r#"{"title":"标题","articles":[{"id":1},{"id":2}],"z":null}"#,
                Hint::Sniff,
            ),
            ("{\"id\":1}\n{\"id\":2}\n\n{\"id\":3}", Hint::Lines),
        ];
        for (input, hint) in inputs {
            let bytes = input.as_bytes();
            let whole = frame_in_pieces(bytes, hint, &[]).unwrap();
            for cut in 0..bytes.len() {
                assert_eq!(
                    frame_in_pieces(bytes, hint, &[cut]).unwrap(),
                    whole,
                    "{input} cut at {cut}"
                );
            }
            let every_byte: Vec<usize> = (1..bytes.len()).collect();
            assert_eq!(
                frame_in_pieces(bytes, hint, &every_byte).unwrap(),
                whole,
                "{input}"
            );
        }
    }

    #[test]
    fn grammar_errors_point_at_the_offending_byte() {
        assert_eq!(fails_at("[1,]", Hint::Sniff).0, 3);
        assert_eq!(fails_at("[1 2]", Hint::Sniff).0, 3);
        assert_eq!(fails_at("[1] x", Hint::Sniff).0, 4);
        assert_eq!(fails_at("[,1]", Hint::Sniff).0, 1);
        assert_eq!(fails_at("{\"articles\" []}", Hint::Sniff).0, 12);
        assert_eq!(fails_at("{\"articles\": 5}", Hint::Sniff).0, 13);
        assert_eq!(fails_at("{\"title\": \"x\"}", Hint::Sniff).0, 13);
        assert_eq!(fails_at("{}", Hint::Sniff).0, 1);
        assert_eq!(fails_at("true", Hint::Sniff).0, 0);
        assert_eq!(fails_at("  ", Hint::Sniff).0, 2);
        assert_eq!(fails_at("[{\"a\":1}", Hint::Sniff).0, 8);
    }

    #[test]
    fn a_raw_control_character_in_a_string_is_an_error() {
        let (at, message) = fails_at("[{\"id\": 1}, {\"t\": \"a\tb\"}]", Hint::Sniff);
        assert_eq!(at, 20);
        assert!(message.contains("U+0009"), "{message}");
        // Outside strings, tabs and newlines are whitespace.
        assert_eq!(frames("[\t{\"id\":\r\n1}\t]").len(), 1);
    }

    #[test]
    fn a_value_cut_short_is_framed_then_reported() {
        let input = b"[{\"id\": 1}, {\"id\": [[[";
        let mut frames = Vec::new();
        let e = Framer::new(Hint::Sniff)
            .feed(input, true, &mut frames)
            .unwrap_err();
        assert_eq!(e.offset, input.len());
        assert_eq!(frames.len(), 2);
        assert_eq!(frames[1].end, input.len());
    }

    #[test]
    fn empty_jsonl_is_fine() {
        assert!(frame_in_pieces(b"", Hint::Lines, &[]).unwrap().is_empty());
        assert!(
            frame_in_pieces(b"\n\n", Hint::Lines, &[])
                .unwrap()
                .is_empty()
        );
    }
}
