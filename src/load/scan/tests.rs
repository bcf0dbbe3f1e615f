//! Unit tests for [`super`].

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
fn notes_raw_control_characters_inside_strings_only() {
    let v = b"{\"a\":\t\"x\ty\"}";
    let mut s = ValueScan::new(v[0]);
    assert_eq!(s.run(v, true), Some(v.len()));
    assert_eq!(s.control(), Some(8));
    let v = b"[\n\"a\\n\",\r\n1]";
    let mut s = ValueScan::new(v[0]);
    s.run(v, true);
    assert_eq!(s.control(), None);
    assert_eq!(control_in_strings(b"{\"a\": \"b\\\"c\nd\"}\r"), Some(11));
    assert_eq!(control_in_strings(b"{\"a\":\t\"b\"}\r"), None);
    assert_eq!(control_in_strings(b"{\"a\": \"\x01"), Some(7));
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
