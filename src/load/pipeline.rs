//! Running a load. For a file or a pipe, a reader thread reads and frames the input
//! and hands the pieces to the calling thread, which parses them and feeds the sink.
//! When the calling thread falls behind (its queue is full), the reader thread parses
//! the next piece itself before handing it over, so two cores share the parsing
//! while file order is kept. At most a few megabytes of input are held at once.
//! Input already in memory is framed and parsed on the calling thread.

use std::io::{self, Read};
use std::sync::mpsc::{self, Receiver, SyncSender};

use std::sync::mpsc::TrySendError;

use super::accept::{Acceptor, Flow};
use super::frame::{Frame, FrameError, Framer, Hint};
use super::input::io_error;
use super::parse::{Parsed, parse_piece};
use super::position::{Cursor, Mark};
use super::{LoadError, LoadEvent};

/// How much to read at a time (more when one article is larger).
const CHUNK: usize = 1 << 20;
/// Buffers larger than this are not kept for reuse.
const KEEP_BUFFER: usize = 4 * CHUNK;
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A framed piece of input, sent from the reader thread.
struct Piece {
    data: Vec<u8>,
    len: usize,
    base: Mark,
    frames: Vec<Frame>,
}

enum Msg {
    /// A piece for the receiver to parse.
    Piece(Piece),
    /// A piece the reader thread parsed.
    Parsed(Parsed),
    Fail(LoadError),
    End,
}

/// Loads input that is already in memory.
pub(super) fn run_memory(
    name: String,
    bytes: &[u8],
    hint: Hint,
    sink: &mut dyn FnMut(LoadEvent) -> bool,
) -> Result<(), LoadError> {
    let (input, base) = match bytes.strip_prefix(BOM) {
        Some(rest) => (rest, bom_mark()),
        None => (bytes, Mark::start()),
    };
    let mut acceptor = Acceptor::new(Some(bytes.len() as u64), sink);
    let mut frames = Vec::new();
    let fed = Framer::new(hint).feed(input, true, &mut frames);
    let parsed = parse_piece(&name, input, base, &frames, bytes.len() as u64);
    if acceptor.accept(parsed)? == Flow::Stop {
        return Ok(());
    }
    if let Err(e) = fed {
        return Err(frame_error(&name, input, base, e));
    }
    acceptor.finish();
    Ok(())
}

/// Loads from a reader on a thread of its own, refusing more than `cap` bytes.
pub(super) fn run_stream(
    name: String,
    reader: Box<dyn Read + Send>,
    total: Option<u64>,
    hint: Hint,
    cap: u64,
    sink: &mut dyn FnMut(LoadEvent) -> bool,
) -> Result<(), LoadError> {
    let (tx, rx) = mpsc::sync_channel(1);
    let (spare_tx, spare_rx) = mpsc::channel();
    let thread_name = name.clone();
    let reading = ReadJob {
        name: thread_name,
        reader,
        hint,
        cap,
        tx,
        spare: spare_rx,
        kept: None,
    };
    std::thread::Builder::new()
        .name("reader-load".to_owned())
        .spawn(move || reading.run())
        .map_err(|e| io_error(&name, &e))?;
    // The thread is not joined: on an early stop it may be blocked reading a pipe,
    // and it ends by itself once its next send finds this side gone.
    let mut acceptor = Acceptor::new(total, sink);
    for msg in rx.iter() {
        let parsed = match msg {
            Msg::Piece(piece) => {
                let parsed = piece.parse(&name);
                if piece.data.len() <= KEEP_BUFFER {
                    let _ = spare_tx.send(piece.data);
                }
                parsed
            }
            Msg::Parsed(parsed) => parsed,
            Msg::Fail(e) => return Err(e),
            Msg::End => {
                acceptor.finish();
                return Ok(());
            }
        };
        if acceptor.accept(parsed)? == Flow::Stop {
            return Ok(());
        }
    }
    Err(LoadError::Unreadable {
        path: name,
        reason: "the reading thread stopped unexpectedly".to_owned(),
    })
}

impl Piece {
    fn parse(&self, name: &str) -> Parsed {
        let end = self.base.offset + self.len as u64;
        parse_piece(name, &self.data[..self.len], self.base, &self.frames, end)
    }
}

/// The reader thread's work: read, frame, send.
struct ReadJob {
    name: String,
    reader: Box<dyn Read + Send>,
    hint: Hint,
    cap: u64,
    tx: SyncSender<Msg>,
    spare: Receiver<Vec<u8>>,
    /// A buffer of this thread's own to reuse.
    kept: Option<Vec<u8>>,
}

impl ReadJob {
    fn run(mut self) {
        let msg = match self.read_all() {
            Ok(()) => Msg::End,
            Err(e) => Msg::Fail(e),
        };
        let _ = self.tx.send(msg);
    }

    fn read_all(&mut self) -> Result<(), LoadError> {
        let mut framer = Framer::new(self.hint);
        let mut base = Mark::start();
        let mut buf: Vec<u8> = Vec::new();
        let mut filled = 0;
        let mut read_so_far = 0u64;
        let mut first = true;
        loop {
            // Read at least as much again as is carried over, so one large article
            // costs a doubling series of copies, not one per chunk.
            let want = CHUNK.max(filled);
            if buf.len() < filled + want {
                buf.resize(filled + want, 0);
            }
            let (n, eof) = fill(&mut self.reader, &mut buf[filled..filled + want])
                .map_err(|e| io_error(&self.name, &e))?;
            read_so_far += n as u64;
            if read_so_far > self.cap {
                return Err(LoadError::TooLarge {
                    path: self.name.clone(),
                    size: read_so_far,
                    cap: self.cap,
                });
            }
            filled += n;
            if first && (filled >= BOM.len() || eof) {
                first = false;
                if buf[..filled].starts_with(BOM) {
                    buf.copy_within(BOM.len()..filled, 0);
                    filled -= BOM.len();
                    base = bom_mark();
                }
            }
            if first {
                continue;
            }
            let mut frames = Vec::new();
            let consumed = match framer.feed(&buf[..filled], eof, &mut frames) {
                Ok(consumed) => consumed,
                Err(e) => {
                    let error = frame_error(&self.name, &buf[..filled], base, e);
                    self.send_piece(buf, filled, base, frames)?;
                    return Err(error);
                }
            };
            let next_base = base.advance(&buf[..consumed]);
            let mut next = self
                .kept
                .take()
                .or_else(|| self.spare.try_recv().ok())
                .unwrap_or_default();
            let carry = filled - consumed;
            if next.len() < carry {
                next.resize(carry, 0);
            }
            next[..carry].copy_from_slice(&buf[consumed..filled]);
            if frames.is_empty() {
                self.keep(buf);
            } else {
                self.send_piece(buf, consumed, base, frames)?;
            }
            buf = next;
            filled = carry;
            base = next_base;
            if eof {
                return Ok(());
            }
        }
    }

    /// Keeps a buffer for the next read, unless it grew for one large article.
    fn keep(&mut self, buf: Vec<u8>) {
        if buf.len() <= KEEP_BUFFER {
            self.kept = Some(buf);
        }
    }

    /// Hands a piece over, parsing it here first when the receiver is behind.
    fn send_piece(
        &mut self,
        data: Vec<u8>,
        len: usize,
        base: Mark,
        frames: Vec<Frame>,
    ) -> Result<(), LoadError> {
        let piece = Piece {
            data,
            len,
            base,
            frames,
        };
        let msg = match self.tx.try_send(Msg::Piece(piece)) {
            Ok(()) => return Ok(()),
            Err(TrySendError::Full(Msg::Piece(piece))) => {
                let parsed = piece.parse(&self.name);
                self.keep(piece.data);
                Msg::Parsed(parsed)
            }
            Err(TrySendError::Full(msg) | TrySendError::Disconnected(msg)) => msg,
        };
        self.tx.send(msg).map_err(|_| LoadError::Unreadable {
            path: self.name.clone(),
            reason: "the load was stopped".to_owned(),
        })
    }
}

/// Reads into `dst` until it is full, the input ends, or a read comes back short
/// (a pipe with nothing more ready: what is there is worth framing now).
fn fill(reader: &mut dyn Read, dst: &mut [u8]) -> io::Result<(usize, bool)> {
    let mut got = 0;
    while got < dst.len() {
        match reader.read(&mut dst[got..]) {
            Ok(0) => return Ok((got, true)),
            Ok(n) => {
                got += n;
                if got < dst.len() && n < CHUNK / 4 {
                    return Ok((got, false));
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok((got, false))
}

/// The mark after a byte-order mark: the BOM is not counted as a column.
fn bom_mark() -> Mark {
    Mark {
        offset: BOM.len() as u64,
        line: 1,
        chars: 0,
    }
}

fn frame_error(name: &str, input: &[u8], base: Mark, e: FrameError) -> LoadError {
    let (line, column) = Cursor::new(input, base).line_col(e.offset);
    LoadError::Syntax {
        path: name.to_owned(),
        line,
        column,
        message: e.message,
    }
}
