//! Unit tests for [`super`].

use super::*;

fn object(json: &[u8]) -> WireArticle<'_> {
    match decode(json) {
        Decoded::Object(w) => *w,
        other => panic!("{other:?}"),
    }
}

#[test]
fn names_each_bad_field_and_keeps_the_rest() {
    let w = object(br#"{"id":"a","title":5,"views":-3,"tags":["x",1],"summary":"s"}"#);
    let bad: Vec<_> = w
        .bad
        .iter()
        .map(|b| (b.field.name(), b.found.as_str()))
        .collect();
    assert_eq!(
        bad,
        [
            ("title", "found the number 5"),
            ("views", "found the number -3"),
            ("tags", "but item 2 is the number 1")
        ]
    );
    assert_eq!(w.summary.as_deref(), Some(&b"s"[..]));
}

#[test]
fn out_of_range_numbers_are_bad_fields_not_syntax() {
    let w = object(br#"{"id":1,"title":"t","views":1e400}"#);
    assert_eq!(w.bad[0].found, "found the number 1e400");
}

#[test]
fn invalid_utf8_in_raw_values_is_replaced_with_a_note() {
    let w = object(b"{\"id\":1,\"x\":[\"\xff\"],\"title\":5}");
    assert_eq!(w.notes, ["invalid UTF-8 replaced by U+FFFD"]);
    assert_eq!(w.bad[0].field, Field::Title);
}

#[test]
fn syntax_errors_are_located_in_the_original_bytes() {
    let json = b"{\"t\":\"\xff\xff\",\n \"x\" 1}";
    let Decoded::Syntax {
        offset, message, ..
    } = decode(json)
    else {
        panic!()
    };
    assert_eq!(json[offset], b'1', "{message}");
}

#[test]
fn other_values_are_named() {
    assert!(matches!(decode(b"[1,2]"), Decoded::NotObject("an array")));
    assert!(matches!(decode(b"\"x\""), Decoded::NotObject("a string")));
    assert!(matches!(decode(b"{\"a\":"), Decoded::Syntax { .. }));
}
