//! Finding where one JSON value ends without parsing it: strings, escapes and bracket
//! depth only. The scan can stop at the end of the bytes read so far and go on when
//! more arrive, so a value may span any number of reads.

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
        }
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
            match memchr::memchr2(b'"', b'\\', &value[self.pos.min(value.len())..]) {
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
mod tests {
    use super::*;

    fn scan_whole(v: &[u8]) -> Option<usize> {
        ValueScan::new(v[0]).run(v, true)
    }

    #[test]
    fn finds_the_end_of_each_shape() {
        assert_eq!(scan_whole(br#"{"a":"}\"]","b":[1,{}]} tail"#), Some(23));
        assert_eq!(scan_whole(br#""x\\" ,"#), Some(5));
        assert_eq!(scan_whole(b"123,"), Some(3));
        assert_eq!(scan_whole(b"true"), Some(4));
        assert_eq!(scan_whole(b"[[[["), None);
        assert_eq!(scan_whole(br#"{"a":"#), None);
    }

    #[test]
    fn resumes_across_every_split() {
        let v = r#"{"t":"中\"文\\","n":[1,2,{"x":"]"}]}"#.as_bytes();
        let want = scan_whole(v);
        for cut in 1..v.len() {
            let mut s = ValueScan::new(v[0]);
            let first = s.run(&v[..cut], false);
            let got = first.or_else(|| s.run(v, true));
            assert_eq!(got, want, "cut at {cut}");
        }
    }
}
