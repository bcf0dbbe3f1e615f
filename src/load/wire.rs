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

use serde::de::{Deserialize, MapAccess};

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
        // Every name fits in eight bytes: compare them as one integer each instead
        // of a string comparison per candidate (this runs for every field read).
        if name.len() > 8 {
            return None;
        }
        let key = (pack(name), name.len());
        Field::KEYS
            .iter()
            .find(|&&(k, _)| k == key)
            .map(|&(_, f)| f)
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

    /// Each field with its packed name (see [`pack`]) and the name's length.
    const KEYS: [((u64, usize), Field); 13] = [
        ((pack(b"id"), 2), Field::Id),
        ((pack(b"title"), 5), Field::Title),
        ((pack(b"category"), 8), Field::Category),
        ((pack(b"date"), 4), Field::Date),
        ((pack(b"source"), 6), Field::Source),
        ((pack(b"editor"), 6), Field::Editor),
        ((pack(b"author"), 6), Field::Author),
        ((pack(b"summary"), 7), Field::Summary),
        ((pack(b"body"), 4), Field::Body),
        ((pack(b"related"), 7), Field::Related),
        ((pack(b"views"), 5), Field::Views),
        ((pack(b"url"), 3), Field::Url),
        ((pack(b"tags"), 4), Field::Tags),
    ];

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// Up to eight bytes as one integer, zero-padded.
const fn pack(name: &[u8]) -> u64 {
    let mut key = [0; 8];
    let mut i = 0;
    while i < name.len() && i < 8 {
        key[i] = name[i];
        i += 1;
    }
    u64::from_le_bytes(key)
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

/// Whether `raw` is a JSON integer: an optional minus, then `0` or digits not
/// starting with `0`.
pub(super) fn is_integer(raw: &str) -> bool {
    let digits = raw.strip_prefix('-').unwrap_or(raw);
    !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
}

mod de;

#[cfg(test)]
mod tests;
