//! Cleaning untrusted text once, at load, so nothing in an article can reach the
//! terminal as a control sequence or fool the reader about what it shows.
//!
//! | what | becomes |
//! |---|---|
//! | CR, CRLF, VT, FF, NEL (U+0085), U+2028, U+2029 | a newline |
//! | tab | four spaces |
//! | other C0 controls, DEL, C1 controls (U+0080–U+009F, ESC and CSI included) | removed |
//! | bidi controls (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069) | removed |
//! | invisible format characters: zero-width space, word joiner and invisible operators (U+2060–U+2064), BOM, soft hyphen, Hangul fillers U+3164/U+FFA0, Mongolian vowel separator, interlinear annotation (U+FFF9–U+FFFB), tag characters (U+E0000–U+E007F) and the other format controls listed in [`action`] | removed |
//! | noncharacters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF) | U+FFFD, a visible mark |
//! | a ninth and further combining mark on one character | removed |
//!
//! Kept on purpose: newline, U+200C ZWNJ and U+200D ZWJ (emoji ZWJ sequences and some
//! scripts need them), variation selectors, private-use characters.

use std::borrow::Cow;

/// The most combining marks kept in a row on one character; more are removed. Real
/// text stacks at most four or five; "Zalgo" text stacks hundreds, which some
/// terminals and multiplexers draw badly or slowly.
pub const MAX_COMBINING_MARKS: u32 = 8;

/// What happens to one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Action {
    Keep,
    Drop,
    Newline,
    Tab,
    Mark,
}

/// Cleans one field of untrusted text (see the module docs for the rules). Borrows
/// when the text is already clean, which is the common case.
pub fn clean(s: &str) -> Cow<'_, str> {
    match first_dirty(s) {
        None => Cow::Borrowed(s),
        Some((at, marks)) => Cow::Owned(clean_from(s, at, marks)),
    }
}

/// Whether cleaning changes `c` (a control, line separator, tab, invisible format
/// character or noncharacter). For text that never passed through [`clean`] but is
/// drawn or printed anyway: a typed query, a path in a message.
pub fn cleaning_changes(c: char) -> bool {
    action(c) != Action::Keep
}

/// Cleans `s` and puts it on one line: newlines become spaces and long text is cut
/// to `max` characters with an ellipsis. For data quoted in messages.
pub fn one_line(s: &str, max: usize) -> String {
    let cleaned = clean(s);
    let mut out: String = cleaned
        .chars()
        .take(max)
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    if cleaned.chars().nth(max).is_some() {
        out.push('…');
    }
    out
}

/// The byte offset of the first character that cleaning changes, with the count of
/// combining marks in a row just before it.
fn first_dirty(s: &str) -> Option<(usize, u32)> {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2, as just checked.
        return unsafe { blocks::first_dirty_avx2(s) };
    }
    scan(s, blocks::unplain_mask)
}

/// [`first_dirty`], with `unplain_mask` giving one bit for each byte of the block at
/// an offset that starts a character worth a look (see [`blocks`]).
#[inline(always)]
fn scan(s: &str, unplain_mask: impl Fn(&[u8], usize) -> u32) -> Option<(usize, u32)> {
    let bytes = s.as_bytes();
    let mut marks = 0;
    // The next byte to look at; always the start of a character.
    let mut i: usize = 0;
    for base in (0..bytes.len()).step_by(blocks::BLOCK) {
        let mut mask = unplain_mask(bytes, base) & from(i.saturating_sub(base));
        while mask != 0 {
            let at = base + mask.trailing_zeros() as usize;
            if at > i {
                marks = 0; // a plain character came in between
            }
            let b = bytes[at];
            let len = if plain_three_bytes(b, bytes.get(at + 1..at + 3)) {
                marks = 0;
                3
            } else {
                let c = s[at..].chars().next().unwrap_or_default();
                let before = marks;
                if step(c, &mut marks) != Action::Keep {
                    return Some((at, before));
                }
                c.len_utf8()
            };
            i = at + len;
            mask &= from(i - base);
        }
    }
    None
}

/// The mask of bits `n` and up (none when `n` is past the block).
fn from(n: usize) -> u32 {
    u32::MAX.checked_shl(n as u32).unwrap_or(0)
}

/// Whether the three-byte sequence led by `lead` is a character that cleaning keeps
/// and that is not a combining mark: CJK ideographs, CJK and general punctuation,
/// fullwidth forms. This is the bulk of Chinese text, so it is checked on the bytes.
fn plain_three_bytes(lead: u8, tail: Option<&[u8]>) -> bool {
    let Some(&[b1, b2]) = tail else { return false };
    match lead {
        // U+4000–U+9FFF: ideographs.
        0xE4..=0xE9 => true,
        // U+3000–U+3FFF, except the combining marks U+302A–U+302F and U+3099–U+309A
        // and the Hangul filler U+3164.
        0xE3 => !matches!(
            (b1, b2),
            (0x80, 0xAA..=0xAF) | (0x82, 0x99..=0x9A) | (0x85, 0xA4)
        ),
        // U+2000–U+2BFF (punctuation, symbols, arrows, box drawing), except zero-width
        // and bidi controls, line and paragraph separators (U+200B–U+200F,
        // U+2028–U+202E), invisible operators and isolates (U+2060–U+206F) and
        // combining marks for symbols (U+20D0–U+20FF).
        0xE2 => {
            b1 < 0xB0
                && !matches!(
                    (b1, b2),
                    (0x80, 0x8B..=0x8F | 0xA8..=0xAE) | (0x81, 0xA0..=0xAF) | (0x83, 0x90..=0xBF)
                )
        }
        // U+F000–U+F8FF (private use) and U+FF00–U+FF7F (fullwidth forms).
        0xEF => matches!(b1, 0x80..=0xA3 | 0xBC..=0xBD),
        _ => false,
    }
}

fn clean_from(s: &str, at: usize, mut marks: u32) -> String {
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..at]);
    let mut chars = s[at..].chars().peekable();
    while let Some(c) = chars.next() {
        match step(c, &mut marks) {
            Action::Keep => out.push(c),
            Action::Drop => {}
            Action::Newline => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    continue; // CRLF: the LF that follows makes the one newline.
                }
                out.push('\n');
            }
            Action::Tab => out.push_str("    "),
            Action::Mark => out.push('\u{FFFD}'),
        }
    }
    out
}

/// The action for `c`, counting combining marks in a row in `marks`.
fn step(c: char, marks: &mut u32) -> Action {
    let action = action(c);
    if action != Action::Keep {
        *marks = 0;
        return action;
    }
    if matches!(c, '\u{200C}' | '\u{200D}') {
        // Joiners neither count as marks nor end a run of them, so interleaving them
        // cannot stack unlimited marks on one character.
        return Action::Keep;
    }
    if c >= '\u{300}' && unicode_normalization::char::is_combining_mark(c) {
        *marks += 1;
        if *marks > MAX_COMBINING_MARKS {
            return Action::Drop;
        }
    } else {
        *marks = 0;
    }
    Action::Keep
}

/// The action for one character, ignoring runs of combining marks.
fn action(c: char) -> Action {
    match c {
        '\n' => Action::Keep,
        '\t' => Action::Tab,
        '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => Action::Newline,
        // C0, DEL, C1.
        '\0'..='\u{1F}' | '\u{7F}'..='\u{9F}' => Action::Drop,
        // Soft hyphen; Arabic and Syriac format marks, with the bidi letter mark U+061C.
        '\u{AD}' | '\u{600}'..='\u{605}' | '\u{61C}' | '\u{6DD}' | '\u{70F}' => Action::Drop,
        '\u{890}'..='\u{891}' | '\u{8E2}' => Action::Drop,
        // Khmer inherent vowels and the Mongolian vowel separator: invisible.
        '\u{17B4}'..='\u{17B5}' | '\u{180E}' => Action::Drop,
        // Zero-width space, LRM/RLM, bidi embeddings and overrides, word joiner,
        // invisible operators, bidi isolates, deprecated format characters.
        '\u{200B}' | '\u{200E}'..='\u{200F}' | '\u{202A}'..='\u{202E}' => Action::Drop,
        '\u{2060}'..='\u{206F}' => Action::Drop,
        // Hangul fillers, used to make "blank" text.
        '\u{3164}' | '\u{FFA0}' => Action::Drop,
        // BOM / zero-width no-break space; reserved and interlinear annotation chars.
        '\u{FEFF}' | '\u{FFF0}'..='\u{FFFB}' => Action::Drop,
        // Format controls of other scripts.
        '\u{110BD}' | '\u{110CD}' | '\u{13430}'..='\u{1345F}' => Action::Drop,
        '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}' => Action::Drop,
        // Tag characters and the unassigned default-ignorable rest of plane 14
        // (U+E0100–U+E01EF, the ideographic variation selectors, are kept).
        '\u{E0000}'..='\u{E00FF}' | '\u{E01F0}'..='\u{E0FFF}' => Action::Drop,
        '\u{FDD0}'..='\u{FDEF}' => Action::Mark,
        c if (c as u32) & 0xFFFE == 0xFFFE => Action::Mark,
        _ => Action::Keep,
    }
}

mod blocks;

#[cfg(test)]
mod tests;
