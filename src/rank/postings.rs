//! Compact posting lists: for each character bigram, the documents of one segment that
//! contain it.
//!
//! A list starts with a varint header `df << 1 | dense`. A sparse list follows it with
//! the gaps between its document ids as varints (one byte each while gaps stay under
//! 128); a dense one with a bitmap over the segment's documents, chosen whenever the
//! bitmap is the smaller of the two — the handful of bigrams such as `的` pairs or `，`
//! pairs that appear in most articles would otherwise cost a byte per article each.
//! Keys are kept sorted beside the byte offsets where their lists end, so a lookup is a
//! binary search.

use foldhash::HashMap;
use foldhash::HashMapExt;

/// A character bigram as one number: the two characters' code points side by side.
pub(crate) type Key = u64;

/// The key of the bigram `a b`.
pub(crate) fn key(a: char, b: char) -> Key {
    (u64::from(a) << 21) | u64::from(b)
}

/// The posting lists of one segment, for one kind of field (titles or bodies).
#[derive(Debug, Default)]
pub(crate) struct Postings {
    keys: Box<[Key]>,
    ends: Box<[u32]>,
    bytes: Box<[u8]>,
}

impl Postings {
    /// The list of `key`, if any document has that bigram.
    pub(crate) fn get(&self, key: Key) -> Option<List<'_>> {
        let i = self.keys.binary_search(&key).ok()?;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        Some(List::parse(&self.bytes[start..self.ends[i] as usize]))
    }

    /// Heap bytes held.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.keys.len() * size_of::<Key>() + self.ends.len() * 4 + self.bytes.len()
    }

    /// How many distinct bigrams there are.
    pub(crate) fn terms(&self) -> usize {
        self.keys.len()
    }
}

/// One posting list.
#[derive(Clone, Copy, Debug)]
pub(crate) struct List<'a> {
    df: u32,
    dense: bool,
    body: &'a [u8],
}

impl<'a> List<'a> {
    fn parse(bytes: &'a [u8]) -> List<'a> {
        let mut pos = 0;
        let header = read_varint(bytes, &mut pos);
        List {
            df: header >> 1,
            dense: header & 1 == 1,
            body: &bytes[pos..],
        }
    }

    /// How many documents hold the bigram.
    pub(crate) fn df(&self) -> u32 {
        self.df
    }

    /// The documents, in increasing order.
    pub(crate) fn iter(&self) -> Docs<'a> {
        Docs {
            dense: self.dense,
            body: self.body,
            pos: 0,
            next_doc: 0,
            left: self.df,
        }
    }
}

/// Iterator over a list's documents.
#[derive(Clone, Debug)]
pub(crate) struct Docs<'a> {
    dense: bool,
    body: &'a [u8],
    pos: usize,
    /// Sparse: the smallest id the next gap can produce. Dense: the next bit to test.
    next_doc: u32,
    left: u32,
}

impl Iterator for Docs<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        if !self.dense {
            let doc = self.next_doc + read_varint(self.body, &mut self.pos);
            self.next_doc = doc + 1;
            return Some(doc);
        }
        loop {
            let byte = self.body[self.next_doc as usize / 8] >> (self.next_doc % 8);
            if byte == 0 {
                // Skip the rest of an empty byte at once.
                self.next_doc = (self.next_doc / 8 + 1) * 8;
                continue;
            }
            let doc = self.next_doc + byte.trailing_zeros();
            self.next_doc = doc + 1;
            return Some(doc);
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left as usize, Some(self.left as usize))
    }
}

/// Collects the bigrams of a segment's documents, one document at a time, in order.
#[derive(Debug)]
pub(crate) struct PostingsBuilder {
    term_of: HashMap<Key, u32>,
    keys: Vec<Key>,
    /// Per term, one more than the last document that named it (0: none yet).
    last_doc: Vec<u32>,
    /// Distinct terms per document, documents one after the other.
    doc_terms: Vec<u32>,
    /// Where each document's terms end in `doc_terms`.
    doc_ends: Vec<u32>,
}

impl PostingsBuilder {
    pub(crate) fn new() -> Self {
        PostingsBuilder {
            term_of: HashMap::new(),
            keys: Vec::new(),
            last_doc: Vec::new(),
            doc_terms: Vec::new(),
            doc_ends: Vec::new(),
        }
    }

    /// Records that the current document (the `doc_count()`th) holds `key`.
    pub(crate) fn add(&mut self, key: Key) {
        let doc = self.doc_ends.len() as u32;
        let next = self.keys.len() as u32;
        let term = *self.term_of.entry(key).or_insert(next);
        if term == next {
            self.keys.push(key);
            self.last_doc.push(0);
        }
        let last = &mut self.last_doc[term as usize];
        if *last != doc + 1 {
            *last = doc + 1;
            self.doc_terms.push(term);
        }
    }

    /// Ends the current document; returns how many distinct bigrams it held.
    pub(crate) fn end_doc(&mut self) -> u32 {
        let start = self.doc_ends.last().copied().unwrap_or(0);
        self.doc_ends.push(self.doc_terms.len() as u32);
        self.doc_terms.len() as u32 - start
    }

    /// Freezes the lists: a counting sort by term, then each term's documents encoded.
    pub(crate) fn finish(self) -> Postings {
        let docs = self.doc_ends.len() as u32;
        let terms = self.keys.len();
        // Start of each term's run in `by_term`, by counting.
        let mut starts = vec![0u32; terms + 1];
        for &t in &self.doc_terms {
            starts[t as usize + 1] += 1;
        }
        for i in 0..terms {
            starts[i + 1] += starts[i];
        }
        let mut fill = starts.clone();
        let mut by_term = vec![0u32; self.doc_terms.len()];
        let mut doc_start = 0;
        for (doc, &end) in self.doc_ends.iter().enumerate() {
            for &t in &self.doc_terms[doc_start..end as usize] {
                by_term[fill[t as usize] as usize] = doc as u32;
                fill[t as usize] += 1;
            }
            doc_start = end as usize;
        }
        drop(fill);
        let mut order: Vec<u32> = (0..terms as u32).collect();
        order.sort_unstable_by_key(|&t| self.keys[t as usize]);
        let mut bytes = Vec::with_capacity(by_term.len() + terms * 2);
        let mut ends = Vec::with_capacity(terms);
        for &t in &order {
            let run = &by_term[starts[t as usize] as usize..starts[t as usize + 1] as usize];
            encode(run, docs, &mut bytes);
            ends.push(bytes.len() as u32);
        }
        Postings {
            keys: order.iter().map(|&t| self.keys[t as usize]).collect(),
            ends: ends.into_boxed_slice(),
            bytes: bytes.into_boxed_slice(),
        }
    }
}

/// Appends one list: header, then gaps or a bitmap, whichever is smaller.
fn encode(run: &[u32], docs: u32, out: &mut Vec<u8>) {
    let df = run.len() as u32;
    let mut sparse_len = 0;
    let mut next = 0;
    for &d in run {
        sparse_len += varint_len(d - next);
        next = d + 1;
    }
    let bitmap_len = docs.div_ceil(8) as usize;
    let dense = bitmap_len < sparse_len;
    write_varint(out, (df << 1) | u32::from(dense));
    if dense {
        let start = out.len();
        out.resize(start + bitmap_len, 0);
        for &d in run {
            out[start + d as usize / 8] |= 1 << (d % 8);
        }
    } else {
        let mut next = 0;
        for &d in run {
            write_varint(out, d - next);
            next = d + 1;
        }
    }
}

fn varint_len(mut v: u32) -> usize {
    let mut n = 1;
    while v >= 0x80 {
        v >>= 7;
        n += 1;
    }
    n
}

fn write_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn read_varint(bytes: &[u8], pos: &mut usize) -> u32 {
    let mut v = 0u32;
    let mut shift = 0;
    loop {
        let b = bytes[*pos];
        *pos += 1;
        v |= u32::from(b & 0x7f) << shift;
        if b < 0x80 {
            return v;
        }
        shift += 7;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(docs: &[&[Key]]) -> Postings {
        let mut b = PostingsBuilder::new();
        for keys in docs {
            for &k in *keys {
                b.add(k);
            }
            b.end_doc();
        }
        b.finish()
    }

    #[test]
    fn lists_come_back_in_document_order_without_duplicates() {
        let p = build(&[&[5, 3, 5], &[3], &[], &[9, 3]]);
        let docs = |k| p.get(k).map(|l| l.iter().collect::<Vec<_>>());
        assert_eq!(docs(3), Some(vec![0, 1, 3]));
        assert_eq!(docs(5), Some(vec![0]));
        assert_eq!(docs(9), Some(vec![3]));
        assert_eq!(docs(4), None);
        assert_eq!(p.get(3).unwrap().df(), 3);
        assert_eq!(p.terms(), 3);
    }

    #[test]
    fn dense_and_sparse_lists_decode_alike() {
        // 1000 documents: key 1 in every one (dense), key 2 in every 300th (sparse,
        // gaps over 128 need two varint bytes).
        let keys: Vec<Vec<Key>> = (0..1000)
            .map(|d| if d % 300 == 0 { vec![1, 2] } else { vec![1] })
            .collect();
        let refs: Vec<&[Key]> = keys.iter().map(Vec::as_slice).collect();
        let p = build(&refs);
        let every = p.get(1).unwrap();
        assert!(every.dense);
        assert_eq!(
            every.iter().collect::<Vec<_>>(),
            (0..1000).collect::<Vec<_>>()
        );
        let rare = p.get(2).unwrap();
        assert!(!rare.dense);
        assert_eq!(rare.iter().collect::<Vec<_>>(), [0, 300, 600, 900]);
    }

    #[test]
    fn varints_round_trip() {
        for v in [0, 1, 127, 128, 16_383, 16_384, u32::MAX] {
            let mut out = Vec::new();
            write_varint(&mut out, v);
            assert_eq!(out.len(), varint_len(v));
            assert_eq!(read_varint(&out, &mut 0), v);
        }
    }

    #[test]
    fn keys_keep_both_characters() {
        assert_ne!(key('发', '展'), key('展', '发'));
        assert_eq!(key('\u{10FFFF}', 'a') >> 21, 0x10FFFF);
    }
}
