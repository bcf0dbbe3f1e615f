//! Checks on what the reader writes. The byte stream may only carry the escape
//! sequences the renderer makes (an allow-list of what crossterm and ratatui emit), and
//! no control or invisible character from the data may get through. Widths are checked
//! in `widths.rs`.
//!
//! Every check returns the offending bytes with their offset, so a failure says what
//! leaked and where.

use std::fmt::Write as _;

/// One piece of an output stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// An escape sequence, ESC included.
    Escape(&'a [u8]),
    /// A C0 control byte or DEL other than ESC.
    Control(u8),
    /// Text between controls.
    Text(&'a str),
}

/// `raw` cut into pieces, each with its offset. Fails on invalid UTF-8 (a raw C1 byte
/// is invalid UTF-8) and on an escape sequence cut short.
pub fn pieces(raw: &[u8]) -> Result<Vec<(usize, Piece<'_>)>, String> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < raw.len() {
        let b = raw[at];
        if b == 0x1b {
            let len = escape_len(&raw[at..]).ok_or_else(|| {
                format!("unfinished escape sequence at {at}: {}", context(raw, at))
            })?;
            out.push((at, Piece::Escape(&raw[at..at + len])));
            at += len;
        } else if b < 0x20 || b == 0x7f {
            out.push((at, Piece::Control(b)));
            at += 1;
        } else {
            let end = raw[at..]
                .iter()
                .position(|&b| b < 0x20 || b == 0x7f)
                .map_or(raw.len(), |n| at + n);
            let text = std::str::from_utf8(&raw[at..end]).map_err(|e| {
                let bad = at + e.valid_up_to();
                format!("invalid UTF-8 at {bad}: {}", context(raw, bad))
            })?;
            out.push((at, Piece::Text(text)));
            at = end;
        }
    }
    Ok(out)
}

/// Length of the escape sequence at the start of `s` (which starts with ESC).
fn escape_len(s: &[u8]) -> Option<usize> {
    match s.get(1)? {
        b'[' => {
            let body = s[2..].iter().position(|b| !(0x20..=0x3f).contains(b))?;
            let last = *s.get(2 + body)?;
            (0x40..=0x7e).contains(&last).then_some(3 + body)
        }
        _ => Some(2),
    }
}

/// The bytes around `at`, escaped, for messages.
pub fn context(raw: &[u8], at: usize) -> String {
    let start = at.saturating_sub(24);
    let end = (at + 40).min(raw.len());
    let show = |b: &[u8]| String::from_utf8_lossy(b).escape_debug().to_string();
    let mut s = String::new();
    let _ = write!(s, "{}⟦{}⟧", show(&raw[start..at]), show(&raw[at..end]));
    s
}

/// Why escape sequence `seq` is not one the renderer makes, if it is not.
fn reject_escape(seq: &[u8]) -> Option<String> {
    let Some(csi) = seq.strip_prefix(b"\x1b[") else {
        return Some(match seq.get(1) {
            Some(b']') => "OSC".into(),
            Some(b'P') => "DCS".into(),
            Some(b'X' | b'^' | b'_') => "SOS/PM/APC".into(),
            _ => "a non-CSI escape".into(),
        });
    };
    let (params, last) = csi.split_at(csi.len() - 1);
    let params = std::str::from_utf8(params).unwrap_or("\u{fffd}");
    let numbers = |p: &str| p.split(';').all(|n| n.chars().all(|c| c.is_ascii_digit()));
    let ok = match last[0] {
        b'H' => params.split(';').count() == 2 && numbers(params) && !params.contains(";;"),
        b'm' => numbers(params) && sgr_ok(params),
        b'J' => params == "2",
        b'h' | b'l' => matches!(params, "?25" | "?1049" | "?2004" | "?2026"),
        _ => false,
    };
    (!ok).then(|| format!("CSI {params:?} {}", last[0] as char))
}

/// Whether an SGR parameter list only sets what a theme can ask for: resets, bold,
/// dim, italic, underline, reverse, strike-through, their undoing, and colours. Never
/// blink or conceal (which a leaked `ESC[8m` or `ESC[5m` would set).
fn sgr_ok(params: &str) -> bool {
    let mut it = params.split(';');
    while let Some(p) = it.next() {
        match p {
            "" | "0" | "1" | "2" | "3" | "4" | "7" | "9" | "21" | "22" | "23" | "24" | "27"
            | "29" | "39" | "49" | "59" => {}
            "38" | "48" | "58" => match it.next() {
                Some("5") => {
                    it.next();
                }
                Some("2") => {
                    it.next();
                    it.next();
                    it.next();
                }
                _ => return false,
            },
            n if n.parse::<u8>().is_ok_and(|n| {
                (30..=37).contains(&n)
                    || (40..=47).contains(&n)
                    || (90..=97).contains(&n)
                    || (100..=107).contains(&n)
            }) => {}
            _ => return false,
        }
    }
    true
}

/// Characters that are invisible or reorder text: bidi controls, zero-width and other
/// format characters, the BOM, the soft hyphen, tag characters, and the Unicode line
/// and paragraph separators. ZWJ is allowed between two pictographs (emoji sequences)
/// and checked apart.
pub fn invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}' | '\u{200E}' | '\u{200F}'
        | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}' | '\u{E0000}'..='\u{E007F}')
}

fn pictograph(c: char) -> bool {
    matches!(c, '\u{2600}'..='\u{27BF}' | '\u{2B00}'..='\u{2BFF}' | '\u{FE0F}'
        | '\u{1F000}'..='\u{1FAFF}')
}

/// The first character of `text` that must never reach a terminal: a C1 control,
/// DEL, an invisible character, or a ZWJ that does not join two pictographs.
pub fn first_forbidden(text: &str) -> Option<(usize, char)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    chars.iter().enumerate().find_map(|(i, &(at, c))| {
        let bad = match c {
            '\u{7f}'..='\u{9f}' => true,
            '\u{200D}' => {
                let before = i.checked_sub(1).map(|j| chars[j].1);
                let after = chars.get(i + 1).map(|p| p.1);
                !(before.is_some_and(pictograph) && after.is_some_and(pictograph))
            }
            c => invisible(c),
        };
        bad.then_some((at, c))
    })
}

/// Checks an interactive session's whole output: every escape sequence is on the
/// allow-list; in the alternate screen no control byte at all is written (the renderer
/// positions with CUP, never with CR, LF, BS or TAB), on the main screen only CR and LF;
/// no text carries a forbidden character.
pub fn check_stream(raw: &[u8]) -> Result<(), String> {
    let mut alternate = false;
    for (at, piece) in pieces(raw)? {
        match piece {
            Piece::Escape(seq) => {
                if let Some(why) = reject_escape(seq) {
                    return Err(format!("{why} at {at}: {}", context(raw, at)));
                }
                match seq {
                    b"\x1b[?1049h" => alternate = true,
                    b"\x1b[?1049l" => alternate = false,
                    _ => {}
                }
            }
            Piece::Control(b'\r' | b'\n') if !alternate => {}
            Piece::Control(b) => {
                return Err(format!(
                    "control byte {b:#04x} at {at}: {}",
                    context(raw, at)
                ));
            }
            Piece::Text(text) => {
                if let Some((i, c)) = first_forbidden(text) {
                    let at = at + i;
                    return Err(format!("{c:?} written at {at}: {}", context(raw, at)));
                }
            }
        }
    }
    Ok(())
}

/// Checks plain-text output (`--list`, `--print`, messages): valid UTF-8, no escape
/// at all, no control but newline and tab, no forbidden character.
pub fn check_plain(bytes: &[u8]) -> Result<(), String> {
    for (at, piece) in pieces(bytes)? {
        match piece {
            Piece::Escape(_) => return Err(format!("escape at {at}: {}", context(bytes, at))),
            Piece::Control(b'\n' | b'\t') => {}
            Piece::Control(b) => {
                return Err(format!("control {b:#04x} at {at}: {}", context(bytes, at)));
            }
            Piece::Text(text) => {
                if let Some((i, c)) = first_forbidden(text) {
                    let at = at + i;
                    return Err(format!("{c:?} at {at}: {}", context(bytes, at)));
                }
            }
        }
    }
    Ok(())
}

/// The parameters of every SGR sequence (`ESC[...m`) in `raw`, in order.
pub fn sgr_params(raw: &[u8]) -> Vec<String> {
    pieces(raw)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(_, piece)| match piece {
            Piece::Escape(seq) if seq.starts_with(b"\x1b[") && seq.ends_with(b"m") => {
                Some(String::from_utf8_lossy(&seq[2..seq.len() - 1]).into_owned())
            }
            _ => None,
        })
        .collect()
}

/// Panics with the message of a failed check.
#[track_caller]
pub fn ok(what: &str, result: Result<(), String>) {
    if let Err(e) = result {
        panic!("{what}: {e}");
    }
}
