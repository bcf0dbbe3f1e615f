//! The wire form of one article: serde types that borrow their text from the input.
//!
//! These types accept only well-typed values; anything else makes serde fail, and
//! [`super::recover`] then looks at the article field by field to say exactly what
//! is wrong. Ids and view counts are read from their raw JSON text, so a 30-digit id
//! keeps every digit and `1e400` is a problem to report, not a parse failure.
//!
//! Text is taken as bytes (escapes decoded, UTF-8 not yet checked): the check and
//! the repair of broken text (invalid UTF-8, an unpaired surrogate such as `\ud800`)
//! happen once, together with cleaning, when the article is built.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

/// The article fields the format defines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Field {
    Id,
    Title,
    Category,
    Date,
    Source,
    Editor,
    Author,
    Summary,
    Body,
    Related,
    Views,
    Url,
    Tags,
}

impl Field {
    /// The field named `name`, if the format defines one.
    pub fn from_name(name: &[u8]) -> Option<Field> {
        Some(match name {
            b"id" => Field::Id,
            b"title" => Field::Title,
            b"category" => Field::Category,
            b"date" => Field::Date,
            b"source" => Field::Source,
            b"editor" => Field::Editor,
            b"author" => Field::Author,
            b"summary" => Field::Summary,
            b"body" => Field::Body,
            b"related" => Field::Related,
            b"views" => Field::Views,
            b"url" => Field::Url,
            b"tags" => Field::Tags,
            _ => return None,
        })
    }

    /// The field's name in the file.
    pub fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Title => "title",
            Field::Category => "category",
            Field::Date => "date",
            Field::Source => "source",
            Field::Editor => "editor",
            Field::Author => "author",
            Field::Summary => "summary",
            Field::Body => "body",
            Field::Related => "related",
            Field::Views => "views",
            Field::Url => "url",
            Field::Tags => "tags",
        }
    }

    /// What the field must hold, for messages.
    pub fn expected(self) -> &'static str {
        match self {
            Field::Id => "a string or an integer",
            Field::Category => "a string or an array of strings",
            Field::Body => "a string or an array of blocks",
            Field::Related => "an array of ids (strings or integers)",
            Field::Views => "a non-negative integer",
            Field::Tags => "an array of strings",
            _ => "a string",
        }
    }

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// Text as bytes, borrowed from the input when it has no escapes; not yet checked to
/// be UTF-8.
pub(super) type Bytes<'a> = Cow<'a, [u8]>;

/// A JSON string's text (see [`Bytes`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Text<'a>(pub Bytes<'a>);

/// An id as written: a string's text or an integer's digits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Id<'a>(pub Bytes<'a>);

/// A view count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Views(pub u64);

/// The category, in either form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Category<'a> {
    /// One string, to be split on `>` or `/`.
    Path(Bytes<'a>),
    /// One string per level.
    Levels(Vec<Bytes<'a>>),
}

/// The body, in either form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Body<'a> {
    /// Paragraphs separated by newlines.
    Text(Bytes<'a>),
    /// Typed blocks.
    Blocks(Vec<WireBlock<'a>>),
}

/// One body block as written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct WireBlock<'a> {
    pub kind: Option<Bytes<'a>>,
    pub text: Option<Bytes<'a>>,
    pub src: Option<Bytes<'a>>,
    /// Names of fields the format does not define.
    pub unknown: Vec<Bytes<'a>>,
}

/// A field that holds the wrong kind of value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct BadField {
    pub field: Field,
    /// What was found instead, ready for a message.
    pub found: String,
}

/// One article as written, before validation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct WireArticle<'a> {
    pub id: Option<Id<'a>>,
    pub title: Option<Bytes<'a>>,
    pub category: Option<Category<'a>>,
    pub date: Option<Bytes<'a>>,
    pub source: Option<Bytes<'a>>,
    pub editor: Option<Bytes<'a>>,
    pub author: Option<Bytes<'a>>,
    pub summary: Option<Bytes<'a>>,
    pub body: Option<Body<'a>>,
    pub related: Option<Vec<Id<'a>>>,
    pub views: Option<u64>,
    pub url: Option<Bytes<'a>>,
    pub tags: Option<Vec<Bytes<'a>>>,
    /// Names of fields the format does not define.
    pub unknown: Vec<Bytes<'a>>,
    /// Fields given more than once (the last one counts).
    pub repeated: Vec<Field>,
    /// Fields with the wrong kind of value (found by [`super::recover`]).
    pub bad: Vec<BadField>,
    /// Repairs made to the text (found by [`super::recover`]).
    pub notes: Vec<&'static str>,
    seen: u16,
}

impl<'a> WireArticle<'a> {
    /// Notes that `field` was given, remembering repeats.
    pub fn mark_seen(&mut self, field: Field) {
        if self.seen & field.bit() != 0 && !self.repeated.contains(&field) {
            self.repeated.push(field);
        }
        self.seen |= field.bit();
    }

    /// Sets `field` from a value of its type read by `read`.
    pub fn set<E>(&mut self, field: Field, read: &mut impl FieldReader<'a, E>) -> Result<(), E> {
        fn text<'a>(t: Option<Text<'a>>) -> Option<Bytes<'a>> {
            t.map(|t| t.0)
        }
        match field {
            Field::Id => self.id = read.read()?,
            Field::Title => self.title = text(read.read()?),
            Field::Category => self.category = read.read()?,
            Field::Date => self.date = text(read.read()?),
            Field::Source => self.source = text(read.read()?),
            Field::Editor => self.editor = text(read.read()?),
            Field::Author => self.author = text(read.read()?),
            Field::Summary => self.summary = text(read.read()?),
            Field::Body => self.body = read.read()?,
            Field::Related => self.related = read.read()?,
            Field::Views => self.views = read.read::<Option<Views>>()?.map(|v| v.0),
            Field::Url => self.url = text(read.read()?),
            Field::Tags => {
                self.tags = read
                    .read::<Option<Vec<Text>>>()?
                    .map(|v| v.into_iter().map(|t| t.0).collect())
            }
        }
        Ok(())
    }
}

fn own(c: Bytes<'_>) -> Bytes<'static> {
    Cow::Owned(c.into_owned())
}

fn own_all(v: Vec<Bytes<'_>>) -> Vec<Bytes<'static>> {
    v.into_iter().map(own).collect()
}

impl WireArticle<'_> {
    /// The same article owning all of its text.
    pub fn into_static(self) -> WireArticle<'static> {
        WireArticle {
            id: self.id.map(|i| Id(own(i.0))),
            title: self.title.map(own),
            category: self.category.map(|c| match c {
                Category::Path(p) => Category::Path(own(p)),
                Category::Levels(l) => Category::Levels(own_all(l)),
            }),
            date: self.date.map(own),
            source: self.source.map(own),
            editor: self.editor.map(own),
            author: self.author.map(own),
            summary: self.summary.map(own),
            body: self.body.map(|b| match b {
                Body::Text(t) => Body::Text(own(t)),
                Body::Blocks(blocks) => Body::Blocks(
                    blocks
                        .into_iter()
                        .map(|b| WireBlock {
                            kind: b.kind.map(own),
                            text: b.text.map(own),
                            src: b.src.map(own),
                            unknown: own_all(b.unknown),
                        })
                        .collect(),
                ),
            }),
            related: self
                .related
                .map(|r| r.into_iter().map(|i| Id(own(i.0))).collect()),
            views: self.views,
            url: self.url.map(own),
            tags: self.tags.map(own_all),
            unknown: own_all(self.unknown),
            repeated: self.repeated,
            bad: self.bad,
            notes: self.notes,
            seen: self.seen,
        }
    }
}

/// A source of one field value of any type: the map being deserialized (the fast
/// path) or a raw JSON value (the field-by-field path).
pub(super) trait FieldReader<'a, E> {
    /// Reads the value as a `T`.
    fn read<T: Deserialize<'a>>(&mut self) -> Result<T, E>;
}

impl<'a, A: MapAccess<'a>> FieldReader<'a, A::Error> for A {
    fn read<T: Deserialize<'a>>(&mut self) -> Result<T, A::Error> {
        self.next_value()
    }
}

impl<'de> Deserialize<'de> for WireArticle<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = WireArticle<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an article object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut w = WireArticle::default();
                while let Some(Text(key)) = map.next_key()? {
                    match Field::from_name(&key) {
                        Some(field) => {
                            w.mark_seen(field);
                            w.set(field, &mut map)?;
                        }
                        None => {
                            map.next_value::<IgnoredAny>()?;
                            w.unknown.push(key);
                        }
                    }
                }
                Ok(w)
            }
        }
        d.deserialize_map(V)
    }
}

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_bytes(BytesVisitor).map(Text)
    }
}

/// Takes a JSON string as bytes. With serde_json, `deserialize_bytes` reads a string
/// without checking its UTF-8 (and keeps an unpaired surrogate escape as WTF-8), and
/// hands an array to `visit_seq`, which this visitor refuses.
struct BytesVisitor;

impl<'de> Visitor<'de> for BytesVisitor {
    type Value = Bytes<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_borrowed_bytes<E>(self, v: &'de [u8]) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_bytes<E>(self, v: &[u8]) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v.as_bytes()))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.as_bytes().to_owned()))
    }
}

impl<'de> Deserialize<'de> for Id<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = <&'de RawValue>::deserialize(d)?.get().trim();
        if raw.starts_with('"') {
            let text: Text<'de> = serde_json::from_str(raw).map_err(de::Error::custom)?;
            return Ok(Id(text.0));
        }
        if is_integer(raw) {
            return Ok(Id(Cow::Borrowed(raw.as_bytes())));
        }
        Err(de::Error::custom("not a string or an integer"))
    }
}

impl<'de> Deserialize<'de> for Views {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = <&'de RawValue>::deserialize(d)?.get().trim();
        if is_integer(raw) {
            if raw == "-0" {
                return Ok(Views(0));
            }
            if let Ok(n) = raw.parse() {
                return Ok(Views(n));
            }
        }
        Err(de::Error::custom("not a non-negative integer"))
    }
}

/// Whether `raw` is a JSON integer: an optional minus, then `0` or digits not
/// starting with `0`.
pub(super) fn is_integer(raw: &str) -> bool {
    let digits = raw.strip_prefix('-').unwrap_or(raw);
    !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
}

impl<'de> Deserialize<'de> for Category<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Category<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or an array of strings")
            }
            fn visit_borrowed_bytes<E>(self, v: &'de [u8]) -> Result<Self::Value, E> {
                Ok(Category::Path(Cow::Borrowed(v)))
            }
            fn visit_bytes<E>(self, v: &[u8]) -> Result<Self::Value, E> {
                Ok(Category::Path(Cow::Owned(v.to_owned())))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut levels = Vec::new();
                while let Some(Text(level)) = seq.next_element()? {
                    levels.push(level);
                }
                Ok(Category::Levels(levels))
            }
        }
        // Strings as bytes, and arrays too (see `BytesVisitor`).
        d.deserialize_bytes(V)
    }
}

impl<'de> Deserialize<'de> for Body<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Body<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or an array of blocks")
            }
            fn visit_borrowed_bytes<E>(self, v: &'de [u8]) -> Result<Self::Value, E> {
                Ok(Body::Text(Cow::Borrowed(v)))
            }
            fn visit_bytes<E>(self, v: &[u8]) -> Result<Self::Value, E> {
                Ok(Body::Text(Cow::Owned(v.to_owned())))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut blocks = Vec::new();
                while let Some(block) = seq.next_element()? {
                    blocks.push(block);
                }
                Ok(Body::Blocks(blocks))
            }
        }
        d.deserialize_bytes(V)
    }
}

impl<'de> Deserialize<'de> for WireBlock<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = WireBlock<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a block object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut b = WireBlock::default();
                while let Some(Text(key)) = map.next_key()? {
                    let slot = match &*key {
                        b"type" => &mut b.kind,
                        b"text" => &mut b.text,
                        b"src" => &mut b.src,
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                            b.unknown.push(key);
                            continue;
                        }
                    };
                    *slot = map.next_value::<Option<Text>>()?.map(|t| t.0);
                }
                Ok(b)
            }
        }
        d.deserialize_map(V)
    }
}

#[cfg(test)]
mod tests {
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
}
