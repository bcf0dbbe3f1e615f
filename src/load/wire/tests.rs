//! Unit tests for [`super`].

use super::*;

fn parse(json: &str) -> WireArticle<'_> {
    serde_json::from_str(json).unwrap()
}

fn b(s: &str) -> Bytes<'_> {
    Cow::Borrowed(s.as_bytes())
}

fn id(s: &str) -> Id<'_> {
    Id(b(s))
}

#[test]
fn reads_every_field_borrowing_plain_text() {
    let w = parse(
        r#"{"id":7,"title":"标题","category":"情感 > 故事","date":"2024-01-02",
        "source":"s","editor":"e","author":"a","summary":"摘要","body":"一\n二",
        "related":["1",2],"views":10,"url":"u","tags":["t"],"x":{"y":[1e400]}}"#,
    );
    assert_eq!(w.id, Some(id("7")));
    assert!(matches!(w.title, Some(Cow::Borrowed(t)) if t == "标题".as_bytes()));
    assert_eq!(w.category, Some(Category::Path(b("情感 > 故事"))));
    assert_eq!(w.related, Some(vec![id("1"), id("2")]));
    assert_eq!(w.views, Some(10));
    assert_eq!(w.unknown, [b("x")]);
    assert!(w.repeated.is_empty());
}

#[test]
fn big_integer_ids_keep_every_digit() {
    let w = parse(r#"{"id":123456789012345678901234567890}"#);
    assert_eq!(w.id, Some(id("123456789012345678901234567890")));
}

#[test]
fn null_means_absent_and_repeats_are_noted() {
    let w = parse(r#"{"title":null,"summary":"a","summary":"b"}"#);
    assert_eq!(w.title, None);
    assert_eq!(w.summary.as_deref(), Some(&b"b"[..]));
    assert_eq!(w.repeated, [Field::Summary]);
}

#[test]
fn broken_text_is_kept_as_bytes_for_repair() {
    let w: WireArticle = serde_json::from_slice(b"{\"title\":\"a\xff\\ud800\"}").unwrap();
    assert_eq!(w.title.as_deref(), Some(&b"a\xff\xed\xa0\x80"[..]));
}

#[test]
fn wrong_types_fail() {
    for bad in [
        r#"{"views":-1}"#,
        r#"{"views":1.5}"#,
        r#"{"views":1e400}"#,
        r#"{"id":1.0}"#,
        r#"{"title":5}"#,
        r#"{"body":[5]}"#,
        r#"{"category":[1]}"#,
        "[]",
    ] {
        assert!(serde_json::from_str::<WireArticle>(bad).is_err(), "{bad}");
    }
}

#[test]
fn blocks_read_with_unknown_fields_noted() {
    let w = parse(r#"{"body":[{"type":"image","src":"a.jpg","alt":"x"},{"text":"p"}]}"#);
    let Some(Body::Blocks(blocks)) = w.body else {
        panic!()
    };
    assert_eq!(blocks[0].kind.as_deref(), Some(&b"image"[..]));
    assert_eq!(blocks[0].unknown, [b("alt")]);
    assert_eq!(blocks[1].text.as_deref(), Some(&b"p"[..]));
}

#[test]
fn field_names_are_found_exactly() {
    for field in Field::KEYS.map(|(_, f)| f) {
        assert_eq!(Field::from_name(field.name().as_bytes()), Some(field));
    }
    for other in [
        &b""[..],
        b"i",
        b"ids",
        b"Title",
        b"category1",
        b"tags\0",
        b"urlx",
    ] {
        assert_eq!(Field::from_name(other), None, "{other:?}");
    }
}
