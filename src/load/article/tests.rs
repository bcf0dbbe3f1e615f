//! Unit tests for [`super`].

use super::*;
use crate::load::recover::{Decoded, decode};

fn verdict(json: &str) -> Verdict {
    verdict_bytes(json.as_bytes())
}

fn verdict_bytes(json: &[u8]) -> Verdict {
    match decode(json) {
        Decoded::Object(w) => build(*w, json.len()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn builds_a_full_article() {
    let v = verdict(
        r#"{"id":42,"title":" 标题\u001b[31m ","category":"情感 > 故事/ ","date":"2024-05-06",
        "body":"　　第一段。\r\n\r\n第二段。\u2028第三段。","views":3,"related":[1,"2"," "],"tags":["a",""]}"#,
    );
    assert!(v.errors.is_empty(), "{:?}", v.errors);
    let a = v.article.unwrap();
    assert_eq!(a.id(), "42");
    assert_eq!(a.title(), "标题[31m");
    assert_eq!(a.category_path().collect::<Vec<_>>(), ["情感", "故事"]);
    let paragraphs: Vec<_> = a.blocks().map(|b| b.text).collect();
    assert_eq!(paragraphs, ["第一段。", "第二段。", "第三段。"]);
    assert_eq!(a.related_ids().collect::<Vec<_>>(), ["1", "2"]);
    assert_eq!(a.tags().collect::<Vec<_>>(), ["a"]);
    assert_eq!(a.date().unwrap().day_string(), "2024-05-06");
}

#[test]
fn blocks_keep_their_kinds() {
    let v = verdict(
        r#"{"id":"x","title":"t","body":[{"type":"heading","text":"小\n标题"},
        {"type":"image","text":"桃浦中央绿地","src":"a.jpg"},{"type":"quote","text":"引"},
        {"type":"video","text":"v"},{"text":""}]}"#,
    );
    let a = v.article.unwrap();
    let kinds: Vec<_> = a.blocks().map(|b| (b.kind, b.text, b.src)).collect();
    assert_eq!(
        kinds,
        [
            (BlockKind::Heading, "小 标题", ""),
            (BlockKind::Image, "桃浦中央绿地", "a.jpg"),
            (BlockKind::Quote, "引", ""),
            (BlockKind::Paragraph, "v", ""),
        ]
    );
    assert_eq!(v.warnings.len(), 1);
    assert_eq!(v.warnings[0].once.as_deref(), Some("block type video"));
}

#[test]
fn leaves_out_what_breaks_the_rules() {
    assert_eq!(verdict(r#"{"id":1}"#).errors, ["missing title"]);
    assert_eq!(
        verdict(r#"{"id":1,"title":null}"#).errors,
        ["missing title"]
    );
    assert_eq!(
        verdict(r#"{"id":1,"title":" \u200b "}"#).errors,
        ["empty title"]
    );
    assert_eq!(verdict(r#"{"title":"t"}"#).errors, ["missing id"]);
    assert_eq!(verdict(r#"{"id":" ","title":"t"}"#).errors, ["empty id"]);
    let v = verdict(r#"{"id":"a","title":"t","views":-3}"#);
    assert_eq!(v.id.as_deref(), Some("a"));
    assert_eq!(
        v.errors,
        ["field \"views\" must be a non-negative integer, found the number -3"]
    );
    assert!(v.article.is_none());
}

#[test]
fn repairs_broken_text_with_a_warning() {
    let v = verdict_bytes(b"{\"id\":1,\"title\":\"a\\ud800b\\udc00c\\ud83d\\ude00\xffd\"}");
    let a = v.article.unwrap();
    assert_eq!(a.title(), "a\u{FFFD}b\u{FFFD}c\u{1F600}\u{FFFD}d");
    assert_eq!(v.warnings.len(), 1);
}

#[test]
fn warns_without_leaving_out() {
    let v = verdict(r#"{"id":1,"title":"t","date":"昨天","lang":"zh","\u001b]0;x":1}"#);
    assert!(v.article.is_some());
    let messages: Vec<_> = v.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(messages.len(), 3);
    assert!(messages.iter().all(|m| !m.contains('\x1b')), "{messages:?}");
    assert!(v.article.unwrap().date().is_none());
}
