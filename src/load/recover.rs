//! Reading one article the slow, careful way, when the fast serde pass failed.
//!
//! The article is split into its fields as raw JSON, and each field is read on its
//! own, so one bad field is reported by name (and the others still count). Invalid
//! UTF-8 outside strings or in raw values (ids, numbers) is replaced by U+FFFD first,
//! with a note, so that the rest can be read. What remains is a real syntax error,
//! located by byte offset within the article.

use std::borrow::Cow;
use std::fmt;

use serde::de::{Deserialize, MapAccess, Visitor};
use serde_json::value::RawValue;

use super::position::serde_offset;
use super::scan::is_space;
use super::wire::{BadField, Bytes, Field, FieldReader, Text, WireArticle, is_integer};

/// One article, read.
#[derive(Debug)]
pub(super) enum Decoded<'a> {
    /// An object; its `bad` and `notes` say what was wrong with it.
    Object(Box<WireArticle<'a>>),
    /// Valid JSON, but not an object: what it is instead.
    NotObject(&'static str),
    /// Not valid JSON.
    Syntax {
        /// Byte offset of the error within the article.
        offset: usize,
        /// What is wrong, without position.
        message: String,
        /// Whether the article ends too soon (the input may be cut short).
        eof: bool,
    },
}

/// Reads one article: the fast serde pass, then the careful one if that fails.
pub(super) fn decode(element: &[u8]) -> Decoded<'_> {
    match serde_json::from_slice::<WireArticle>(element) {
        Ok(w) => Decoded::Object(Box::new(w)),
        Err(_) => slow(element),
    }
}

fn slow(element: &[u8]) -> Decoded<'_> {
    let mut notes = Vec::new();
    let (text, offsets) = match std::str::from_utf8(element) {
        Ok(s) => (Cow::Borrowed(s), None),
        Err(_) => {
            notes.push("invalid UTF-8 replaced by U+FFFD");
            let (s, map) = lossy(element);
            (Cow::Owned(s), Some(map))
        }
    };
    let decoded = match text {
        Cow::Borrowed(s) => fields(s),
        Cow::Owned(ref s) => detach(fields(s)),
    };
    match decoded {
        Decoded::Object(mut w) => {
            w.notes = notes;
            Decoded::Object(w)
        }
        Decoded::Syntax {
            offset,
            message,
            eof,
        } => Decoded::Syntax {
            offset: offsets.map_or(offset, |m| m.original(offset)),
            message,
            eof,
        },
        other => other,
    }
}

fn detach(d: Decoded<'_>) -> Decoded<'static> {
    match d {
        Decoded::Object(w) => Decoded::Object(Box::new(w.into_static())),
        Decoded::NotObject(k) => Decoded::NotObject(k),
        Decoded::Syntax {
            offset,
            message,
            eof,
        } => Decoded::Syntax {
            offset,
            message,
            eof,
        },
    }
}

/// Reads the article's fields one by one from valid UTF-8 text.
fn fields(s: &str) -> Decoded<'_> {
    let syntax = |e: serde_json::Error| Decoded::Syntax {
        offset: serde_offset(s.as_bytes(), e.line(), e.column()),
        message: serde_message(&e),
        eof: is_eof(&e),
    };
    let first = s.bytes().find(|&b| !is_space(b)).unwrap_or(b' ');
    if first != b'{' {
        return match serde_json::from_str::<serde::de::IgnoredAny>(s) {
            Ok(_) => Decoded::NotObject(kind_of(first)),
            Err(e) => syntax(e),
        };
    }
    let RawFields(raw_fields) = match serde_json::from_str(s) {
        Ok(f) => f,
        Err(e) => return syntax(e),
    };
    let mut w = WireArticle::default();
    for (key, raw) in raw_fields {
        let Some(field) = Field::from_name(&key) else {
            w.unknown.push(key);
            continue;
        };
        w.mark_seen(field);
        if w.set(field, &mut Raw(raw.get())).is_err() {
            w.bad.push(BadField {
                field,
                found: found(field, raw.get()),
            });
        }
    }
    Decoded::Object(Box::new(w))
}

/// An article object as (name, raw value) pairs, in order.
struct RawFields<'a>(Vec<(Bytes<'a>, &'a RawValue)>);

impl<'de> Deserialize<'de> for RawFields<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawFields<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut fields = Vec::new();
                while let Some(Text(key)) = map.next_key()? {
                    fields.push((key, map.next_value()?));
                }
                Ok(RawFields(fields))
            }
        }
        d.deserialize_map(V)
    }
}

/// One field's raw JSON, read as whatever type the field needs.
struct Raw<'a>(&'a str);

impl<'a> FieldReader<'a, serde_json::Error> for Raw<'a> {
    fn read<T: Deserialize<'a>>(&mut self) -> Result<T, serde_json::Error> {
        serde_json::from_str(self.0)
    }
}

/// What is wrong with a bad field, said for a message ("found …" or "but …"). Never
/// echoes text, only numbers (plain ASCII digits, signs and exponents).
fn found(field: Field, raw: &str) -> String {
    let raw = raw.trim();
    let first = raw.bytes().next().unwrap_or(b' ');
    let is_array = matches!(
        field,
        Field::Category | Field::Tags | Field::Related | Field::Body
    );
    if first == b'['
        && is_array
        && let Ok(items) = serde_json::from_str::<Vec<&RawValue>>(raw)
    {
        let bad = items.iter().position(|item| {
            let item = item.get().trim();
            match field {
                Field::Related => !(item.starts_with('"') || is_integer(item)),
                Field::Body => !item.starts_with('{'),
                _ => !item.starts_with('"'),
            }
        });
        return match bad {
            Some(i) => format!("but item {} is {}", i + 1, what(items[i].get())),
            None if field == Field::Body => {
                "but a block's \"type\", \"text\" or \"src\" is not a string".to_owned()
            }
            None => "but an item cannot be read".to_owned(),
        };
    }
    format!("found {}", what(raw))
}

/// A JSON value named for a message.
fn what(raw: &str) -> String {
    let raw = raw.trim();
    match raw.bytes().next() {
        Some(b'-' | b'0'..=b'9') => {
            let shown: String = raw.chars().take(24).collect();
            let cut = if shown.len() < raw.len() { "…" } else { "" };
            format!("the number {shown}{cut}")
        }
        Some(b) => kind_of(b).to_owned(),
        None => "nothing".to_owned(),
    }
}

/// The kind of JSON value that starts with `b`.
fn kind_of(b: u8) -> &'static str {
    match b {
        b'"' => "a string",
        b'[' => "an array",
        b'{' => "an object",
        b't' | b'f' => "a boolean",
        b'n' => "null",
        _ => "a number",
    }
}

/// serde_json's message without its " at line L column C" tail.
pub(super) fn serde_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(i) => full[..i].to_owned(),
        None => full,
    }
}

/// Whether the error is the input ending too soon.
pub(super) fn is_eof(e: &serde_json::Error) -> bool {
    e.classify() == serde_json::error::Category::Eof
}

/// A lossy copy of broken UTF-8, and where its offsets were in the original.
fn lossy(bytes: &[u8]) -> (String, OffsetMap) {
    let mut out = String::with_capacity(bytes.len() + 16);
    let mut map = OffsetMap(Vec::new());
    let mut original = 0;
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        original += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            out.push('\u{FFFD}');
            original += chunk.invalid().len();
            map.0.push((out.len(), original));
        }
    }
    (out, map)
}

/// Pairs of (offset in the copy, offset in the original) after each repair.
struct OffsetMap(Vec<(usize, usize)>);

impl OffsetMap {
    fn original(&self, copy: usize) -> usize {
        match self.0.iter().rev().find(|&&(c, _)| c <= copy) {
            Some(&(c, o)) => o + (copy - c),
            None => copy,
        }
    }
}

#[cfg(test)]
mod tests;
