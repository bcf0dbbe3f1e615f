//! Merging the posting lists of consecutive segments into one, for fewer and larger
//! segments: every lookup visits each segment once, and a bigram common to many
//! segments is then stored once.

use super::{Key, List, Postings, Writer, read_varint, varint_len, write_varint};

impl Postings {
    /// The lists of `parts` as one segment of `docs` documents; the documents of part
    /// `i` are shifted by `offset_i`. Parts must be given in document order.
    pub(crate) fn merge(parts: &[(&Postings, u32)], docs: u32) -> Postings {
        let mut cursors: Vec<Entries<'_>> = parts.iter().map(|(p, _)| p.entries()).collect();
        let mut heads: Vec<Option<(Key, List<'_>)>> =
            cursors.iter_mut().map(Iterator::next).collect();
        // Merged lists take about as many bytes as their parts.
        let mut out = Writer::new(parts.iter().map(|(p, _)| p.lists.len()).sum());
        let mut run: Vec<(List<'_>, u32)> = Vec::new();
        while let Some(key) = heads.iter().flatten().map(|&(k, _)| k).min() {
            run.clear();
            for (i, head) in heads.iter_mut().enumerate() {
                if let Some((k, list)) = *head
                    && k == key
                {
                    run.push((list, parts[i].1));
                    *head = cursors[i].next();
                }
            }
            out.push(key, |lists| concat(&run, docs, lists));
        }
        out.finish()
    }

    /// Every key and its list, in key order.
    fn entries(&self) -> Entries<'_> {
        self.entries_from(0)
    }

    /// Every key and its list, in key order, from dictionary block `block` on.
    pub(super) fn entries_from(&self, block: usize) -> Entries<'_> {
        let fence = self.fences.get(block);
        Entries {
            postings: self,
            pos: fence.map_or(self.dict.len(), |f| f.dict as usize),
            list: fence.map_or(self.lists.len(), |f| f.list as usize),
            key: 0,
            index: fence.map_or(self.terms, |_| block * super::BLOCK),
        }
    }
}

/// Appends one list holding the documents of `run` (each list's shifted by its offset,
/// offsets increasing) in a segment of `docs`, encoded as [`encode`](super::encode)
/// would encode them — but sparse lists are copied, only their first gap rewritten.
fn concat(run: &[(List<'_>, u32)], docs: u32, out: &mut Vec<u8>) {
    let df: u32 = run.iter().map(|(list, _)| list.df()).sum();
    let bitmap_len = docs.div_ceil(8) as usize;
    // A sparse list takes at least a byte a document: past the bitmap's size, the list
    // is dense without measuring.
    let spans: Vec<Span> = if df as usize > bitmap_len {
        Vec::new()
    } else {
        run.iter()
            .map(|&(list, offset)| Span::of(list, offset))
            .collect()
    };
    let mut sparse_len = usize::MAX;
    if !spans.is_empty() {
        sparse_len = 0;
        let mut next = 0;
        for span in &spans {
            sparse_len += varint_len(u64::from(span.first - next)) + span.rest_len;
            next = span.last + 1;
        }
    }
    let dense = bitmap_len < sparse_len;
    write_varint(out, (u64::from(df) << 1) | u64::from(dense));
    if dense {
        let start = out.len();
        out.resize(start + bitmap_len, 0);
        for &(list, offset) in run {
            or_shifted(list, offset, &mut out[start..]);
        }
        return;
    }
    let mut next = 0;
    for (&(list, offset), span) in run.iter().zip(&spans) {
        write_varint(out, u64::from(span.first - next));
        if list.dense {
            let mut prev = span.first;
            for d in list.iter().skip(1).map(|d| d + offset) {
                write_varint(out, u64::from(d - prev - 1));
                prev = d;
            }
        } else {
            out.extend_from_slice(&list.body[list.body.len() - span.rest_len..]);
        }
        next = span.last + 1;
    }
}

/// Sets the bits of `list`'s documents, shifted by `offset`, in `bitmap`.
fn or_shifted(list: List<'_>, offset: u32, bitmap: &mut [u8]) {
    if list.dense && offset.is_multiple_of(8) {
        // Byte-aligned: the part's bitmap is a slice of the whole one.
        let at = offset as usize / 8;
        for (to, from) in bitmap[at..].iter_mut().zip(list.body) {
            *to |= from;
        }
        return;
    }
    for d in list.iter().map(|d| d + offset) {
        bitmap[d as usize / 8] |= 1 << (d % 8);
    }
}

/// A non-empty list's first and last documents (shifted) and the bytes of its gaps
/// after the first.
struct Span {
    first: u32,
    last: u32,
    rest_len: usize,
}

impl Span {
    fn of(list: List<'_>, offset: u32) -> Span {
        let mut docs = list.iter();
        let first = docs.next().expect("lists are never empty");
        if list.dense {
            // Measure the gaps the bitmap would take as a sparse list.
            let (mut prev, mut rest_len) = (first, 0);
            for d in docs {
                rest_len += varint_len(u64::from(d - prev - 1));
                prev = d;
            }
            return Span {
                first: first + offset,
                last: prev + offset,
                rest_len,
            };
        }
        let first_len = varint_len(u64::from(first));
        let last = docs.last().unwrap_or(first);
        Span {
            first: first + offset,
            last: last + offset,
            rest_len: list.body.len() - first_len,
        }
    }
}

/// Walks a dictionary in order.
pub(super) struct Entries<'a> {
    postings: &'a Postings,
    pos: usize,
    list: usize,
    key: Key,
    index: usize,
}

impl<'a> Iterator for Entries<'a> {
    type Item = (Key, List<'a>);

    fn next(&mut self) -> Option<(Key, List<'a>)> {
        let p = self.postings;
        if self.index == p.terms {
            return None;
        }
        if self.index.is_multiple_of(super::BLOCK) {
            self.key = p.fences[self.index / super::BLOCK].key;
        }
        self.key += read_varint(&p.dict, &mut self.pos);
        let len = read_varint(&p.dict, &mut self.pos) as usize;
        let list = List::parse(&p.lists[self.list..self.list + len]);
        self.list += len;
        self.index += 1;
        Some((self.key, list))
    }
}
