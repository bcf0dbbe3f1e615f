//! Unit tests for [`super`].

use super::*;

#[test]
fn columns_count_characters_not_bytes() {
    let m = Mark::start().advance("ab\n中文x".as_bytes());
    assert_eq!(m.line_col(), (2, 4));
    assert_eq!(m.offset, 10);
}

#[test]
fn counts_long_runs() {
    let text = "中a\n".repeat(5000);
    let m = Mark::start().advance(text.as_bytes());
    assert_eq!(m.line, 5001);
    assert_eq!(count_chars(text.as_bytes()), 15000);
}

#[test]
fn advancing_in_pieces_equals_advancing_at_once() {
    let text = "第一行\n第二行，更长\n\n末行".as_bytes();
    let whole = Mark::start().advance(text);
    for cut in 0..=text.len() {
        let m = Mark::start().advance(&text[..cut]).advance(&text[cut..]);
        assert_eq!(m, whole, "cut at {cut}");
    }
}

#[test]
fn cursor_goes_back_when_asked() {
    let data = b"a\nbc\nd";
    let mut c = Cursor::new(data, Mark::start());
    assert_eq!(c.line_col(5), (3, 1));
    assert_eq!(c.line_col(3), (2, 2));
    assert_eq!(c.line_col(0), (1, 1));
}

#[test]
fn serde_positions_map_to_offsets() {
    let s = b"[1,\n 2 x]";
    let e = serde_json::from_slice::<serde_json::Value>(s).unwrap_err();
    let off = serde_offset(s, e.line(), e.column());
    assert_eq!(s[off], b'x');
}
