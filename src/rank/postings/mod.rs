//! Compact posting lists: for each character bigram, the documents of one segment that
//! contain it.
//!
//! A list starts with a varint header `df << 1 | dense`. A sparse list follows it with
//! the gaps between its document ids as varints (one byte each while gaps stay under
//! 128); a dense one with a bitmap over the segment's documents, chosen whenever the
//! bitmap is the smaller of the two — the handful of bigrams such as `的` pairs or `，`
//! pairs that appear in most articles would otherwise cost a byte per article each.
//!
//! The dictionary is front-coded: keys in sorted blocks of [`BLOCK`], each key stored as
//! the varint difference from the one before, beside the byte length of its list. A
//! small fence array (first key of each block, where its entries and lists start) is
//! binary-searched, then one block scanned: a lookup touches a few cache lines, and an
//! entry costs about 4 bytes instead of 12 for a plain key and offset.

mod build;
mod merge;

pub(crate) use build::PostingsBuilder;

/// A character bigram as one number: the two characters' code points side by side.
pub(crate) type Key = u64;

/// The key of the bigram `a b`.
pub(crate) fn key(a: char, b: char) -> Key {
    (u64::from(a) << 21) | u64::from(b)
}

/// Past every code point: the second half of the bigram that ends a field.
const END: u64 = 0x11_0000;

/// The key of `a` ending a field. With it, every occurrence of a character starts some
/// bigram, so the lists of the keys that start with `a` tell exactly which documents
/// hold `a`.
pub(crate) fn key_end(a: char) -> Key {
    (u64::from(a) << 21) | END
}

/// All keys of bigrams that start with `a`, [`key_end`] included.
pub(crate) fn keys_starting(a: char) -> std::ops::RangeInclusive<Key> {
    (u64::from(a) << 21)..=((u64::from(a) << 21) | 0x1F_FFFF)
}

/// Dictionary entries per block.
const BLOCK: usize = 16;

/// Where a dictionary block starts.
#[derive(Clone, Copy, Debug)]
struct Fence {
    /// The block's first key.
    key: Key,
    /// Offset of its entries in `dict`.
    dict: u32,
    /// Offset of its first list in `lists`.
    list: u32,
}

/// The posting lists of one segment, for one kind of field (titles or bodies).
#[derive(Debug, Default)]
pub(crate) struct Postings {
    fences: Box<[Fence]>,
    dict: Box<[u8]>,
    lists: Box<[u8]>,
    terms: usize,
}

/// Writes a [`Postings`] list by list, in increasing key order, each list encoded
/// straight into the final buffer: building or merging a segment holds no second copy
/// of its lists.
pub(super) struct Writer {
    fences: Vec<Fence>,
    dict: Vec<u8>,
    lists: Vec<u8>,
    prev: Key,
    terms: usize,
}

impl Writer {
    /// An empty writer; `lists` (a hint) is about how many bytes the lists will take.
    pub(super) fn new(lists: usize) -> Writer {
        Writer {
            fences: Vec::new(),
            dict: Vec::new(),
            lists: Vec::with_capacity(lists),
            prev: 0,
            terms: 0,
        }
    }

    /// Appends the list of `key`, greater than every key before it, as `encode` writes
    /// it.
    pub(super) fn push(&mut self, key: Key, encode: impl FnOnce(&mut Vec<u8>)) {
        debug_assert!(self.terms == 0 || key > self.prev, "keys out of order");
        let start = self.lists.len();
        if self.terms.is_multiple_of(BLOCK) {
            self.fences.push(Fence {
                key,
                dict: self.dict.len() as u32,
                list: start as u32,
            });
            self.prev = key;
        }
        encode(&mut self.lists);
        write_varint(&mut self.dict, key - self.prev);
        write_varint(&mut self.dict, (self.lists.len() - start) as u64);
        self.prev = key;
        self.terms += 1;
    }

    pub(super) fn finish(self) -> Postings {
        Postings {
            fences: self.fences.into_boxed_slice(),
            dict: self.dict.into_boxed_slice(),
            lists: self.lists.into_boxed_slice(),
            terms: self.terms,
        }
    }
}

impl Postings {
    /// The list of `key`, if any document has that bigram.
    pub(crate) fn get(&self, key: Key) -> Option<List<'_>> {
        let b = self
            .fences
            .partition_point(|f| f.key <= key)
            .checked_sub(1)?;
        let fence = self.fences[b];
        let end = self
            .fences
            .get(b + 1)
            .map_or(self.dict.len(), |f| f.dict as usize);
        let (mut pos, mut at, mut list) = (fence.dict as usize, fence.key, fence.list as usize);
        while pos < end {
            at += read_varint(&self.dict, &mut pos);
            let len = read_varint(&self.dict, &mut pos) as usize;
            if at == key {
                return Some(List::parse(&self.lists[list..list + len]));
            }
            if at > key {
                return None;
            }
            list += len;
        }
        None
    }

    /// The document frequency of each of `keys` (sorted), 0 for a key without a list.
    /// One walk through the dictionary, skipping ahead by the fences, instead of a
    /// lookup per key.
    pub(crate) fn dfs_sorted(&self, keys: &[Key]) -> Vec<u32> {
        let mut out = Vec::with_capacity(keys.len());
        let mut block = usize::MAX;
        let mut entries = self.entries_from(self.fences.len());
        let mut head: Option<(Key, List<'_>)> = None;
        for &key in keys {
            let b = self.fences.partition_point(|f| f.key <= key);
            let Some(b) = b.checked_sub(1) else {
                out.push(0);
                continue;
            };
            if b != block {
                block = b;
                entries = self.entries_from(b);
                head = entries.next();
            }
            while head.is_some_and(|(k, _)| k < key) {
                head = entries.next();
            }
            out.push(head.filter(|&(k, _)| k == key).map_or(0, |(_, l)| l.df()));
        }
        out
    }

    /// Every list whose key lies in `keys`, in key order.
    pub(crate) fn range(
        &self,
        keys: std::ops::RangeInclusive<Key>,
    ) -> impl Iterator<Item = List<'_>> + '_ {
        let block = self
            .fences
            .partition_point(|f| f.key <= *keys.start())
            .saturating_sub(1);
        let mut entries = self.entries_from(block);
        std::iter::from_fn(move || {
            for (k, list) in entries.by_ref() {
                if k > *keys.end() {
                    return None;
                }
                if k >= *keys.start() {
                    return Some(list);
                }
            }
            None
        })
    }

    /// Heap bytes held.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.fences.len() * size_of::<Fence>() + self.dict.len() + self.lists.len()
    }

    /// How many distinct bigrams there are.
    pub(crate) fn terms(&self) -> usize {
        self.terms
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
            df: (header >> 1) as u32,
            dense: header & 1 == 1,
            body: &bytes[pos..],
        }
    }

    /// How many documents hold the bigram.
    pub(crate) fn df(&self) -> u32 {
        self.df
    }

    /// Sets bit `d` of `bits` (bit `d % 64` of word `d / 64`) for each document `d`.
    pub(crate) fn or_into(&self, bits: &mut [u64]) {
        if self.dense {
            // The bitmap is the same bits, a byte at a time: OR a word at a time.
            for (word, bytes) in bits.iter_mut().zip(self.body.chunks(8)) {
                let mut le = [0u8; 8];
                le[..bytes.len()].copy_from_slice(bytes);
                *word |= u64::from_le_bytes(le);
            }
            return;
        }
        for doc in self.iter() {
            bits[doc as usize / 64] |= 1 << (doc % 64);
        }
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
            let doc = self.next_doc + read_varint(self.body, &mut self.pos) as u32;
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

/// Appends one list for the sorted documents `run` of a segment of `docs`: header,
/// then gaps or a bitmap, whichever is smaller.
fn encode(run: &[u32], docs: u32, out: &mut Vec<u8>) {
    let df = run.len() as u64;
    let mut sparse_len = 0;
    let mut next = 0;
    for &d in run {
        sparse_len += varint_len(u64::from(d - next));
        next = d + 1;
    }
    let bitmap_len = docs.div_ceil(8) as usize;
    let dense = bitmap_len < sparse_len;
    write_varint(out, (df << 1) | u64::from(dense));
    if dense {
        let start = out.len();
        out.resize(start + bitmap_len, 0);
        for &d in run {
            out[start + d as usize / 8] |= 1 << (d % 8);
        }
    } else {
        let mut next = 0;
        for &d in run {
            write_varint(out, u64::from(d - next));
            next = d + 1;
        }
    }
}

fn varint_len(mut v: u64) -> usize {
    let mut n = 1;
    while v >= 0x80 {
        v >>= 7;
        n += 1;
    }
    n
}

fn write_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn read_varint(bytes: &[u8], pos: &mut usize) -> u64 {
    let mut v = 0u64;
    let mut shift = 0;
    loop {
        let b = bytes[*pos];
        *pos += 1;
        v |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return v;
        }
        shift += 7;
    }
}

#[cfg(test)]
mod tests;
