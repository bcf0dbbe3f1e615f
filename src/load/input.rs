//! Opening a source, and refusing what cannot be a collection before reading it: a
//! directory, a FIFO or device (which could block or never end), or a file over the
//! size limit.

use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, IsTerminal, Read};
use std::path::Path;

use super::LoadError;

/// An opened source.
pub(super) enum Opened {
    /// Bytes already in memory.
    Memory(&'static [u8]),
    /// Bytes to read, `total` of them when known.
    Stream {
        reader: Box<dyn Read + Send>,
        total: Option<u64>,
    },
}

/// Opens a file after checking, without reading, that it is a regular file within
/// `cap` bytes.
pub(super) fn open_path(path: &Path, name: &str, cap: u64) -> Result<Opened, LoadError> {
    let meta = std::fs::metadata(path).map_err(|e| io_error(name, &e))?;
    check(&meta, name, cap)?;
    let file = open_file(path).map_err(|e| io_error(name, &e))?;
    // The path may name something else by now; check what was opened.
    let meta = file.metadata().map_err(|e| io_error(name, &e))?;
    check(&meta, name, cap)?;
    Ok(Opened::Stream {
        reader: Box::new(file),
        total: Some(meta.len()),
    })
}

/// Standard input, unless it is a terminal (a user would wait forever for a prompt
/// that never comes).
pub(super) fn open_stdin(name: &str) -> Result<Opened, LoadError> {
    let stdin = io::stdin();
    if stdin.is_terminal() {
        return Err(LoadError::Unreadable {
            path: name.to_owned(),
            reason: "standard input is a terminal; pipe or redirect a collection into it"
                .to_owned(),
        });
    }
    Ok(Opened::Stream {
        reader: Box::new(stdin),
        total: None,
    })
}

#[cfg(unix)]
fn open_file(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // Non-blocking, so that a FIFO swapped in after the check cannot hang the open;
    // it changes nothing for a regular file.
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_file(path: &Path) -> io::Result<File> {
    OpenOptions::new().read(true).open(path)
}

fn check(meta: &Metadata, name: &str, cap: u64) -> Result<(), LoadError> {
    let kind = meta.file_type();
    if !kind.is_file() {
        return Err(LoadError::Unreadable {
            path: name.to_owned(),
            reason: describe_type(&kind).to_owned(),
        });
    }
    if meta.len() > cap {
        return Err(LoadError::TooLarge {
            path: name.to_owned(),
            size: meta.len(),
            cap,
        });
    }
    Ok(())
}

fn describe_type(kind: &std::fs::FileType) -> &'static str {
    if kind.is_dir() {
        return "it is a directory, not a file";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "it is a named pipe (FIFO), not a regular file; to read from a pipe, use --file - and redirect it";
        }
        if kind.is_char_device() {
            return "it is a character device, not a regular file";
        }
        if kind.is_block_device() {
            return "it is a block device, not a regular file";
        }
        if kind.is_socket() {
            return "it is a socket, not a regular file";
        }
    }
    "it is not a regular file"
}

/// The load error for a failed file-system call.
pub(super) fn io_error(name: &str, e: &io::Error) -> LoadError {
    let reason = match e.kind() {
        io::ErrorKind::NotFound => {
            return LoadError::NotFound {
                path: name.to_owned(),
            };
        }
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    };
    LoadError::Unreadable {
        path: name.to_owned(),
        reason,
    }
}
