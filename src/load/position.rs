//! Line and column numbers for messages about the whole input.
//!
//! The input is read in pieces, so a position is carried along as a [`Mark`] (offset,
//! line, characters since the line began) and advanced over each piece. Lines are
//! 1-based; columns are 1-based and count characters (UTF-8 sequences), which is what
//! editors show, not bytes.

/// A point in the input between two bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Mark {
    /// Bytes before this point.
    pub offset: u64,
    /// The line this point is on, from 1.
    pub line: usize,
    /// Characters between the start of the line and this point.
    pub chars: usize,
}

impl Mark {
    /// The start of the input.
    pub fn start() -> Mark {
        Mark {
            offset: 0,
            line: 1,
            chars: 0,
        }
    }

    /// The point after `bytes`, which follow this point in the input.
    pub fn advance(self, bytes: &[u8]) -> Mark {
        let chars = match memchr::memrchr(b'\n', bytes) {
            Some(last) => count_chars(&bytes[last + 1..]),
            None => self.chars + count_chars(bytes),
        };
        Mark {
            offset: self.offset + bytes.len() as u64,
            line: self.line + count_newlines(bytes),
            chars,
        }
    }

    /// The 1-based line and column of the character that starts at this point.
    pub fn line_col(self) -> (usize, usize) {
        (self.line, self.chars + 1)
    }
}

/// Counts characters: every byte that does not continue a UTF-8 sequence. A stray byte
/// of broken UTF-8 counts as one character, like the replacement mark an editor shows.
fn count_chars(bytes: &[u8]) -> usize {
    // Byte-wide counters in blocks of 255 rounds, so the compiler vectorises the loop
    // with 16 bytes per step instead of widening every byte to a 64-bit count.
    let mut total = 0;
    for block in bytes.chunks(255 * 16) {
        let (lanes, rest) = block.as_chunks::<16>();
        let mut acc = [0u8; 16];
        for lane in lanes {
            for (a, &b) in acc.iter_mut().zip(lane) {
                *a += u8::from((b as i8) >= -0x40);
            }
        }
        total += acc.iter().map(|&a| usize::from(a)).sum::<usize>();
        total += rest.iter().filter(|&&b| (b as i8) >= -0x40).count();
    }
    total
}

fn count_newlines(bytes: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', bytes).count()
}

/// Finds the [`Mark`] of offsets within one piece of input, moving forward through it
/// so that many lookups in order cost one pass.
pub(super) struct Cursor<'a> {
    data: &'a [u8],
    base: Mark,
    at: usize,
    mark: Mark,
}

impl<'a> Cursor<'a> {
    /// A cursor over `data`, whose first byte is at `base`.
    pub fn new(data: &'a [u8], base: Mark) -> Self {
        Cursor {
            data,
            base,
            at: 0,
            mark: base,
        }
    }

    /// The mark before byte `offset` of the piece.
    pub fn mark(&mut self, offset: usize) -> Mark {
        let offset = offset.min(self.data.len());
        if offset < self.at {
            self.at = 0;
            self.mark = self.base;
        }
        self.mark = self.mark.advance(&self.data[self.at..offset]);
        self.at = offset;
        self.mark
    }

    /// The line and column of the character at byte `offset` of the piece.
    pub fn line_col(&mut self, offset: usize) -> (usize, usize) {
        self.mark(offset).line_col()
    }
}

/// Turns a line and column as serde_json reports them inside `slice` (1-based line,
/// bytes consumed on that line, the offending one included) into the byte offset of
/// the offending byte within `slice` (or the end, for an early end of input).
pub(super) fn serde_offset(slice: &[u8], line: usize, column: usize) -> usize {
    let mut line_start = 0;
    for _ in 1..line {
        match memchr::memchr(b'\n', &slice[line_start..]) {
            Some(i) => line_start += i + 1,
            None => break,
        }
    }
    (line_start + column.saturating_sub(1)).min(slice.len())
}

#[cfg(test)]
mod tests;
