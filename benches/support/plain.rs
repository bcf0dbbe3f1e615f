//! The load benchmarks' baseline: serde_json alone reading a collection into plain typed
//! structs with owned strings (`std::fs::read`, then `serde_json::from_slice`), with no
//! checking, cleaning or indexing. It reads everything the generator
//! (`examples/gen/synth`) writes, in each of the format's spellings.
//!
//! The fields the format spells more than one way (ids as numbers or strings, a
//! category as an array or a joined string, a body as a string or blocks) get a small
//! visitor each, as a careful serde user would write them: `#[serde(untagged)]` would
//! buffer every value first and make the baseline slower than a bare parse has to be.
// The fields are parsed to be measured, never read.
#![allow(dead_code)]

use std::fmt;
use std::marker::PhantomData;
use std::path::Path;

use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};

/// One article as serde_json alone reads it.
#[derive(Debug, Deserialize)]
pub struct PlainArticle {
    pub id: PlainId,
    pub title: String,
    pub category: Option<PlainCategory>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub editor: Option<String>,
    pub author: Option<String>,
    pub summary: Option<String>,
    pub views: Option<u64>,
    #[serde(default)]
    pub related: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    pub url: Option<String>,
    pub body: PlainBody,
}

/// An id: a number or a string.
#[derive(Debug)]
pub enum PlainId {
    Number(u64),
    Text(String),
}

/// A category: an array of levels, or one string.
#[derive(Debug)]
pub enum PlainCategory {
    Path(Vec<String>),
    Joined(String),
}

/// A body: one string, or an array of blocks.
#[derive(Debug)]
pub enum PlainBody {
    Text(String),
    Blocks(Vec<PlainBlock>),
}

/// One body block.
#[derive(Debug, Deserialize)]
pub struct PlainBlock {
    #[serde(rename = "type")]
    pub kind: String,
    pub text: String,
    pub src: Option<String>,
}

/// Reads `path` the baseline way: the whole file, then `serde_json::from_slice`.
pub fn read(path: &Path) -> Vec<PlainArticle> {
    let bytes = std::fs::read(path).expect("generated file");
    serde_json::from_slice(&bytes).expect("generated JSON")
}

/// A value that is either a scalar (`visit_str`, `visit_u64`) or an array of `T`.
struct Either<T, Out> {
    what: &'static str,
    from_str: fn(&str) -> Out,
    from_u64: Option<fn(u64) -> Out>,
    from_seq: Option<fn(Vec<T>) -> Out>,
    item: PhantomData<T>,
}

impl<'de, T: Deserialize<'de>, Out> Visitor<'de> for Either<T, Out> {
    type Value = Out;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.what)
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Out, E> {
        Ok((self.from_str)(s))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Out, E> {
        match self.from_u64 {
            Some(f) => Ok(f(n)),
            None => Err(E::invalid_type(de::Unexpected::Unsigned(n), &self)),
        }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Out, A::Error> {
        let Some(from_seq) = self.from_seq else {
            return Err(de::Error::invalid_type(de::Unexpected::Seq, &self));
        };
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(from_seq(items))
    }
}

impl<'de> Deserialize<'de> for PlainId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Either::<(), _> {
            what: "an id",
            from_str: |s| PlainId::Text(s.to_owned()),
            from_u64: Some(PlainId::Number),
            from_seq: None,
            item: PhantomData,
        })
    }
}

impl<'de> Deserialize<'de> for PlainCategory {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Either::<String, _> {
            what: "a category",
            from_str: |s| PlainCategory::Joined(s.to_owned()),
            from_u64: None,
            from_seq: Some(PlainCategory::Path),
            item: PhantomData,
        })
    }
}

impl<'de> Deserialize<'de> for PlainBody {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Either::<PlainBlock, _> {
            what: "a body",
            from_str: |s| PlainBody::Text(s.to_owned()),
            from_u64: None,
            from_seq: Some(PlainBody::Blocks),
            item: PhantomData,
        })
    }
}
