//! Building one segment's posting lists, document after document.
//!
//! Every character of every article passes through [`PostingsBuilder::add`], so it is
//! one probe into an open-addressing table whose slot holds the key, its term number
//! and the last document that named it: finding the term and skipping a repeat in the
//! same document touch the same cache line.

use super::{Key, Postings, Writer, encode};

/// A key no bigram has (real keys are below 2^42).
const EMPTY: Key = Key::MAX;

#[derive(Clone, Copy, Debug)]
struct Slot {
    key: Key,
    term: u32,
    /// One more than the last document that named the term.
    last_doc: u32,
}

const VACANT: Slot = Slot {
    key: EMPTY,
    term: 0,
    last_doc: 0,
};

/// Collects the bigrams of a segment's documents, one document at a time, in order.
#[derive(Debug)]
pub(crate) struct PostingsBuilder {
    slots: Vec<Slot>,
    /// `64 - log2(slots.len())`: the hash keeps the top bits of a multiplication.
    shift: u32,
    /// Per term, its key.
    keys: Vec<Key>,
    /// Distinct terms per document, documents one after the other.
    doc_terms: Vec<u32>,
    /// Where each document's terms end in `doc_terms`.
    doc_ends: Vec<u32>,
}

impl PostingsBuilder {
    /// An empty builder; `chars` (a hint) is about how many characters will come.
    pub(crate) fn new(chars: usize) -> Self {
        PostingsBuilder {
            slots: vec![VACANT; 1 << 12],
            shift: 64 - 12,
            keys: Vec::new(),
            doc_terms: Vec::with_capacity(chars),
            doc_ends: Vec::new(),
        }
    }

    fn slot(&self, key: Key) -> usize {
        // Fibonacci hashing: bigram keys differ mostly in low bits, which the
        // multiplication carries into the top ones.
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// Records that the current document (the `doc_count()`th) holds `key`.
    pub(crate) fn add(&mut self, key: Key) {
        let doc = self.doc_ends.len() as u32 + 1;
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        loop {
            let slot = &mut self.slots[i];
            if slot.key == key {
                if slot.last_doc != doc {
                    slot.last_doc = doc;
                    self.doc_terms.push(slot.term);
                }
                return;
            }
            if slot.key == EMPTY {
                let term = self.keys.len() as u32;
                *slot = Slot {
                    key,
                    term,
                    last_doc: doc,
                };
                self.keys.push(key);
                self.doc_terms.push(term);
                if self.keys.len() * 2 > self.slots.len() {
                    self.grow();
                }
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /// Doubles the table, keeping it at most half full so probes stay short.
    fn grow(&mut self) {
        let doubled = vec![VACANT; self.slots.len() * 2];
        let old = std::mem::replace(&mut self.slots, doubled);
        self.shift -= 1;
        let mask = self.slots.len() - 1;
        for slot in old.into_iter().filter(|s| s.key != EMPTY) {
            let mut i = self.slot(slot.key);
            while self.slots[i].key != EMPTY {
                i = (i + 1) & mask;
            }
            self.slots[i] = slot;
        }
    }

    /// Ends the current document; returns how many distinct bigrams it held.
    pub(crate) fn end_doc(&mut self) -> u32 {
        let start = self.doc_ends.last().copied().unwrap_or(0);
        self.doc_ends.push(self.doc_terms.len() as u32);
        self.doc_terms.len() as u32 - start
    }

    /// Freezes the lists: a counting sort by term, then each term's documents encoded
    /// in key order.
    pub(crate) fn finish(self) -> Postings {
        drop(self.slots);
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
        drop(self.doc_terms);
        let mut order: Vec<u32> = (0..terms as u32).collect();
        order.sort_unstable_by_key(|&t| self.keys[t as usize]);
        let mut out = Writer::new(by_term.len() + terms * 2);
        for &t in &order {
            let run = &by_term[starts[t as usize] as usize..starts[t as usize + 1] as usize];
            out.push(self.keys[t as usize], |lists| encode(run, docs, lists));
        }
        out.finish()
    }
}
