//! serde `Deserialize` for the wire types: each accepts only its own type of value,
//! takes text as bytes, and reads ids and view counts from their raw JSON text.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::{Body, Bytes, Category, Field, Id, Text, Views, WireArticle, WireBlock, is_integer};

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
