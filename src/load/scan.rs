//! Finding where one JSON value ends without parsing it: strings, escapes and bracket
//! depth only. The scan can stop at the end of the bytes read so far and go on when
//! more arrive, so a value may span any number of reads. On the way it notes the
//! first raw control character inside a string, which JSON forbids (the parser is
//! told to take strings as they are, so it would not notice).

/// How a value is delimited, from its first byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// `{…}` or `[…]`.
    Container,
    /// `"…"`.
    String,
    /// A number, `true`, `false`, `null` or garbage: runs to a delimiter.
    Scalar,
}

/// A value being scanned. Offsets are relative to the value's first byte.
#[derive(Clone, Debug)]
pub(super) struct ValueScan {
    shape: Shape,
    pos: usize,
    depth: u32,
    in_string: bool,
    escaped: bool,
    control: Option<usize>,
}

impl ValueScan {
    /// Starts a scan of the value whose first byte is `first`.
    pub fn new(first: u8) -> Self {
        let shape = match first {
            b'{' | b'[' => Shape::Container,
            b'"' => Shape::String,
            _ => Shape::Scalar,
        };
        ValueScan {
            shape,
            pos: 0,
            depth: 0,
            in_string: false,
            escaped: false,
            control: None,
        }
    }

    /// Offset (from the value's first byte) of the first raw control character
    /// inside one of its strings, if any was seen.
    pub fn control(&self) -> Option<usize> {
        self.control
    }

    /// Scans on through `value` (the value's bytes read so far, from its first byte)
    /// and returns the value's length once its end is found. At the end of the input
    /// a scalar ends; an unclosed string or container does not.
    pub fn run(&mut self, value: &[u8], eof: bool) -> Option<usize> {
        match self.shape {
            Shape::Container => self.container(value),
            Shape::String => {
                if self.pos == 0 {
                    self.pos = 1;
                    self.in_string = true;
                }
                self.string(value).then_some(self.pos)
            }
            Shape::Scalar => {
                let rest = &value[self.pos..];
                match rest.iter().position(|&b| is_delimiter(b)) {
                    Some(i) => Some(self.pos + i),
                    None if eof => Some(value.len()),
                    None => {
                        self.pos = value.len();
                        None
                    }
                }
            }
        }
    }

    fn container(&mut self, value: &[u8]) -> Option<usize> {
        while self.pos < value.len() {
            if self.in_string {
                if !self.string(value) {
                    return None;
                }
                continue;
            }
            match value[self.pos] {
                b'"' => self.in_string = true,
                b'{' | b'[' => self.depth += 1,
                b'}' | b']' => {
                    self.depth = self.depth.saturating_sub(1);
                    if self.depth == 0 {
                        self.pos += 1;
                        return Some(self.pos);
                    }
                }
                _ => {}
            }
            self.pos += 1;
        }
        None
    }

    /// Moves past the rest of a string; true when its closing quote was found.
    fn string(&mut self, value: &[u8]) -> bool {
        loop {
            if self.escaped {
                if self.pos >= value.len() {
                    return false;
                }
                self.escaped = false;
                self.pos += 1;
            }
            let rest = &value[self.pos.min(value.len())..];
            let found = memchr::memchr2(b'"', b'\\', rest);
            if self.control.is_none() {
                let segment = &rest[..found.unwrap_or(rest.len())];
                self.control = first_control(segment).map(|i| self.pos + i);
            }
            match found {
                None => {
                    self.pos = value.len();
                    return false;
                }
                Some(i) => {
                    self.pos += i + 1;
                    if value[self.pos - 1] == b'"' {
                        self.in_string = false;
                        return true;
                    }
                    self.escaped = true;
                }
            }
        }
    }
}

/// The first byte below U+0020 in `bytes`. The common case (none) is one
/// vectorised pass without early exit.
fn first_control(bytes: &[u8]) -> Option<usize> {
    if bytes.iter().fold(false, |seen, &b| seen | (b < 0x20)) {
        bytes.iter().position(|&b| b < 0x20)
    } else {
        None
    }
}

/// The offset of the first raw control character inside a string of `json` (one
/// JSONL line, which is not scanned as a value).
pub(super) fn control_in_strings(json: &[u8]) -> Option<usize> {
    let mut i = 0;
    loop {
        i += memchr::memchr(b'"', &json[i..])? + 1;
        loop {
            let rest = &json[i.min(json.len())..];
            let found = memchr::memchr2(b'"', b'\\', rest);
            if let Some(at) = first_control(&rest[..found.unwrap_or(rest.len())]) {
                return Some(i + at);
            }
            let j = found?;
            i += j + 1;
            if json[i - 1] == b'"' {
                break;
            }
            i += 1; // the escaped character
        }
    }
}

/// JSON whitespace.
pub(super) fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// A byte that ends a scalar.
fn is_delimiter(b: u8) -> bool {
    is_space(b) || matches!(b, b',' | b']' | b'}' | b':' | b'[' | b'{' | b'"')
}

/// The first offset at or after `from` that is not whitespace.
pub(super) fn skip_space(bytes: &[u8], from: usize) -> usize {
    bytes[from.min(bytes.len())..]
        .iter()
        .position(|&b| !is_space(b))
        .map_or(bytes.len(), |i| from + i)
}

#[cfg(test)]
mod tests;
