//! Unit tests for [`super`].

use super::blocks::{BLOCK, plain_at, unplain_mask};
use super::*;

/// Characters a terminal interprets or that hide or reorder text.
fn interpreted(c: char) -> bool {
    matches!(c,
        '\0'..='\u{09}' | '\u{0B}'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        | '\u{AD}' | '\u{61C}' | '\u{200B}' | '\u{200E}' | '\u{200F}'
        | '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}'
        | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{E0000}'..='\u{E007F}')
}

fn assert_safe(input: &str) -> String {
    let out = clean(input).into_owned();
    if let Some(c) = out.chars().find(|&c| interpreted(c)) {
        panic!(
            "{input:?} cleaned to {out:?}, which keeps U+{:04X}",
            c as u32
        );
    }
    out
}

#[test]
fn clean_text_is_borrowed() {
    for s in [
        "",
        "普陀桃浦持续做好地区转型发展大文章",
        "a\nb",
        "“引号”——破折号……",
        "👩‍💻🇨🇳",
    ] {
        assert!(matches!(clean(s), Cow::Borrowed(_)), "{s:?}");
    }
}

#[test]
fn escape_sequences_lose_their_escape() {
    let cases = [
        ("\x1b]52;c;aGVsbG8=\x07", "]52;c;aGVsbG8="), // OSC 52 clipboard
        ("\x1b]0;pwned\x1b\\", "]0;pwned\\"),         // OSC 0 title
        (
            "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\",
            "]8;;http://x\\link]8;;\\",
        ),
        ("\x1b[2J\x1b[H", "[2J[H"),               // CSI clear, home
        ("\x1b[c\x1b[>0q\x1b[21t", "[c[>0q[21t"), // device queries
        ("\u{9b}31m\u{90}dcs\u{9c}", "31mdcs"),   // C1 CSI, DCS, ST
        ("a\x07b\x08c\x7fd\0e", "abcde"),         // BEL BS DEL NUL
    ];
    for (input, want) in cases {
        assert_eq!(assert_safe(input), want, "{input:?}");
    }
}

#[test]
fn line_breaks_become_newlines() {
    assert_eq!(
        assert_safe("a\r\nb\rc\u{2028}d\u{2029}e\u{85}f"),
        "a\nb\nc\nd\ne\nf"
    );
    assert_eq!(assert_safe("\r\n\r\n"), "\n\n");
    assert_eq!(assert_safe("x\ty"), "x    y");
}

#[test]
fn invisible_and_reordering_characters_are_removed() {
    let input = "a\u{202E}evil\u{202C}\u{2066}b\u{2069}\u{200B}c\u{FEFF}d\u{AD}e\u{200E}f\u{61C}";
    assert_eq!(assert_safe(input), "aevilbcdef");
    // Tag characters: an invisible "hidden" message after a flag.
    let tagged = "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}";
    assert_eq!(assert_safe(tagged), "🏴");
    assert_eq!(
        assert_safe("\u{3164}\u{FFA0}\u{FFF9}x\u{FFFA}y\u{FFFB}"),
        "xy"
    );
}

#[test]
fn joiners_and_emoji_sequences_are_kept() {
    for s in [
        "👨‍👩‍👧‍👦",
        "👩🏽‍💻",
        "🇨🇳🇺🇸",
        "1\u{FE0F}\u{20E3}",
        "क्‍ष",
        "می‌خواهم",
        "葛\u{E0100}",
    ] {
        assert_eq!(assert_safe(s), s);
    }
}

#[test]
fn stacked_combining_marks_are_capped() {
    let zalgo: String = std::iter::once('e')
        .chain(std::iter::repeat_n('\u{301}', 500))
        .collect();
    let out = assert_safe(&zalgo);
    assert_eq!(out.chars().count(), 1 + MAX_COMBINING_MARKS as usize);
    // Joiners between the marks do not reset the count.
    let sneaky: String = std::iter::once('e')
        .chain((0..100).flat_map(|_| ['\u{301}', '\u{200D}']))
        .collect();
    let marks = assert_safe(&sneaky)
        .chars()
        .filter(|&c| c == '\u{301}')
        .count();
    assert_eq!(marks, MAX_COMBINING_MARKS as usize);
    // Real text with a few marks is untouched.
    assert_eq!(assert_safe("Tiếng Việt"), "Tiếng Việt");
}

#[test]
fn noncharacters_leave_a_visible_mark() {
    assert_eq!(
        assert_safe("a\u{FFFF}b\u{FDD0}c\u{1FFFE}"),
        "a\u{FFFD}b\u{FFFD}c\u{FFFD}"
    );
}

#[test]
fn every_char_in_the_dangerous_ranges_is_handled() {
    let ranges = [
        0u32..0x20,
        0x7f..0xa0,
        0x2028..0x2030,
        0x2060..0x2070,
        0xE0000..0xE0080,
    ];
    for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
        assert_safe(&format!("x{c}y"));
    }
}

#[test]
fn plain_punctuation_is_kept_and_is_no_mark() {
    for cp in 0x800..0x10000u32 {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        let mut buf = [0; 4];
        let b = c.encode_utf8(&mut buf).as_bytes();
        if plain_at(b[0], b[1], b[2]) {
            let mut marks = 0;
            assert_eq!(step(c, &mut marks), Action::Keep, "U+{cp:04X}");
            assert_eq!(marks, 0, "U+{cp:04X} is a combining mark");
        }
    }
}

#[test]
fn the_byte_shortcut_agrees_with_the_rules() {
    for cp in 0x2000..0x10000u32 {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        let mut buf = [0; 4];
        let bytes = c.encode_utf8(&mut buf).as_bytes();
        if bytes.len() == 3 && plain_three_bytes(bytes[0], Some(&bytes[1..])) {
            let mut marks = 0;
            assert_eq!(step(c, &mut marks), Action::Keep, "U+{cp:04X}");
            assert_eq!(marks, 0, "U+{cp:04X} is a combining mark");
        }
    }
}

#[test]
fn the_block_mask_marks_exactly_the_unplain_bytes() {
    let mut bytes: Vec<u8> = (0..=255).collect();
    bytes.extend(b"\n\n ~\x7f\x1f\xe3\xe4\xe9\xea\xbf\xc0");
    bytes.extend("、。《》「」〪—“”…‧‐ ，：；！？（）｀～｟".as_bytes());
    bytes.extend(b"\xe3\x80\xaa\xe2\x80\xa8\xe2\x80\x8b\xef\xbe\xa0\xef\xbb\xbf");
    let at = |i: usize| bytes.get(i).copied().unwrap_or(b' ');
    for base in (0..bytes.len()).step_by(BLOCK) {
        let mask = unplain_mask(&bytes, base);
        for k in 0..BLOCK {
            let i = base + k;
            let want = i < bytes.len() && !plain_at(at(i), at(i + 1), at(i + 2));
            #[cfg(target_arch = "x86_64")]
            if std::arch::is_x86_feature_detected!("avx2") {
                // SAFETY: the CPU has AVX2, as just checked.
                let wide = unsafe { super::blocks::unplain_mask_avx2(&bytes, base) };
                assert_eq!(wide, mask, "AVX2 and SSE2 disagree at {base}");
            }
            assert_eq!(
                mask >> k & 1 == 1,
                want,
                "byte {:#04x}",
                bytes.get(base + k).copied().unwrap_or(0)
            );
        }
    }
}

#[test]
fn one_line_cuts_and_flattens() {
    assert_eq!(one_line("a\nb\x1b[31m", 10), "a b[31m");
    assert_eq!(one_line("一二三四五六", 3), "一二三…");
}
