//! Operating-system plumbing for the harness: the thread that reads the pty, and CPU
//! time from `/proc`.

use std::io::Read;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use super::Output;

/// Feeds what the program writes to `sink` until the pty closes or `stop` is set.
pub(super) fn read_output(mut pty: std::fs::File, sink: &Mutex<Output>, stop: &AtomicBool) {
    let mut buf = [0u8; 8192];
    while !stop.load(Ordering::SeqCst) {
        let mut poll = libc::pollfd {
            fd: std::os::fd::AsRawFd::as_raw_fd(&pty),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: poll(2) on one valid pollfd.
        if unsafe { libc::poll(&mut poll, 1, 20) } == 0 {
            continue;
        }
        match pty.read(&mut buf) {
            Ok(0) => break,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => break,
            Ok(n) => {
                let mut out = sink.lock().unwrap();
                out.parser.process(&buf[..n]);
                out.raw.extend_from_slice(&buf[..n]);
            }
        }
    }
    sink.lock().unwrap().closed = true;
}

/// CPU time used by process `pid` in clock ticks (user + system), from `/proc`.
pub fn cpu_ticks(pid: i32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces:
    // state is field 3, utime 14 and stime 15 of the whole line.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some(utime + stime)
}
