//! Search: candidates from the bigram index, verified against the folded text, title
//! matches first, then newest first — in steps the app can spread over frames.
//!
//! A query of two characters is answered by the index alone (its one bigram is the whole
//! query), and so is one of a single character (the union of the lists of the bigrams
//! that start with it, the end of a field counting as a character). A longer one
//! intersects the lists of its rarest bigrams and verifies the candidates.
//! Candidates are verified in the final order (titles first, then text newest first),
//! so the hits found so far are always the top of the final list and the first
//! screenful arrives long before a large verification ends.

use std::time::Instant;

use super::index::{Field, Index, Placed};
use super::query::Query;
use crate::model::{ArticleIx, Collection};

/// At most this many bigram lists are intersected; verification handles the rest.
const MAX_LISTS: usize = 4;

/// One search result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The article.
    pub article: ArticleIx,
    /// Whether the title matched (title matches rank first).
    pub in_title: bool,
}

/// How much work one step of a search may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Budget {
    /// Run to the end.
    Unlimited,
    /// Stop at this instant (checked every few articles).
    Until(Instant),
    /// Verify at most this many articles.
    Articles(usize),
}

/// How many articles match, as far as is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Total {
    /// The search is complete: exactly this many.
    Exact(usize),
    /// The search goes on: at least this many.
    AtLeast(usize),
}

/// Results of one query, best first; possibly still being verified (see
/// [`SearchResults::resume`]).
#[derive(Debug, Default)]
pub struct SearchResults {
    /// The hits found so far, best first. Later steps only append.
    pub hits: Vec<Hit>,
    query: Option<Query>,
    phase: Phase,
    scratch: String,
}

#[derive(Debug, Default)]
enum Phase {
    /// Checking titles, in collection order; the hits are sorted when all are known.
    Titles {
        candidates: Vec<ArticleIx>,
        next: usize,
        found: Vec<ArticleIx>,
        bodies: Vec<ArticleIx>,
    },
    /// Checking text, newest first; hits are final as they are found.
    Bodies {
        candidates: Vec<ArticleIx>,
        next: usize,
    },
    #[default]
    Done,
}

impl Index {
    /// Every indexed article whose title or text contains `query` (folded: NFKC and
    /// lowercase), title matches first, then newest first.
    pub fn search(&self, c: &Collection, query: &str) -> SearchResults {
        self.start_search(c, query, Budget::Unlimited)
    }

    /// Starts a search and runs it within `budget`; continue it with
    /// [`SearchResults::resume`]. Covers the articles indexed at this call.
    pub fn start_search(&self, c: &Collection, query: &str, budget: Budget) -> SearchResults {
        let Some(query) = Query::new(query) else {
            return SearchResults::default();
        };
        let mut results = SearchResults::default();
        let mut titles = Vec::new();
        let mut bodies = Vec::new();
        for placed in &self.segments {
            match query.folded().chars().next() {
                Some(c) if query.chars() == 1 => {
                    union_starting(placed, Field::Title, c, &mut titles);
                    union_starting(placed, Field::Body, c, &mut bodies);
                }
                _ => {
                    intersect(placed, Field::Title, &query, &mut titles);
                    intersect(placed, Field::Body, &query, &mut bodies);
                }
            }
        }
        results.phase = if query.chars() <= 2 {
            // One character, or one bigram: the lists are the answer.
            let rest = publish_titles(&mut results.hits, self, titles, bodies);
            let text_hits = rest.into_iter().map(|article| Hit {
                article,
                in_title: false,
            });
            results.hits.extend(text_hits);
            Phase::Done
        } else {
            Phase::Titles {
                candidates: titles,
                next: 0,
                found: Vec::new(),
                bodies,
            }
        };
        results.query = Some(query);
        results.resume(self, c, budget);
        results
    }
}

impl SearchResults {
    /// Goes on verifying within `budget`. `index` and `c` must be the ones the search
    /// started on (they may have grown since).
    pub fn resume(&mut self, index: &Index, c: &Collection, budget: Budget) {
        let Some(query) = &self.query else { return };
        let mut meter = Meter { budget, spent: 0 };
        loop {
            match &mut self.phase {
                Phase::Done => return,
                Phase::Titles {
                    candidates,
                    next,
                    found,
                    bodies,
                } => {
                    while let Some(&ix) = candidates.get(*next) {
                        if meter.exhausted() {
                            return;
                        }
                        *next += 1;
                        let purity = index.purity[ix.get()];
                        if query.in_title(c.get(ix), purity, &mut self.scratch) {
                            found.push(ix);
                        }
                    }
                    let (found, bodies) = (std::mem::take(found), std::mem::take(bodies));
                    let rest = publish_titles(&mut self.hits, index, found, bodies);
                    self.phase = Phase::Bodies {
                        candidates: rest,
                        next: 0,
                    };
                }
                Phase::Bodies { candidates, next } => {
                    while let Some(&ix) = candidates.get(*next) {
                        if meter.exhausted() {
                            return;
                        }
                        *next += 1;
                        let purity = index.purity[ix.get()];
                        if query.in_body(c.get(ix), purity, &mut self.scratch) {
                            self.hits.push(Hit {
                                article: ix,
                                in_title: false,
                            });
                        }
                    }
                    self.phase = Phase::Done;
                }
            }
        }
    }

    /// Whether every candidate has been checked.
    pub fn is_complete(&self) -> bool {
        matches!(self.phase, Phase::Done)
    }

    /// How many articles match, as far as is known.
    pub fn total(&self) -> Total {
        if self.is_complete() {
            Total::Exact(self.hits.len())
        } else {
            Total::AtLeast(self.hits.len())
        }
    }
}

/// Publishes the title hits (`found`, in collection order) newest first, and returns
/// the text candidates (`bodies`, in collection order) that are not among them,
/// newest first.
fn publish_titles(
    hits: &mut Vec<Hit>,
    index: &Index,
    mut found: Vec<ArticleIx>,
    mut bodies: Vec<ArticleIx>,
) -> Vec<ArticleIx> {
    let mut found_iter = found.iter().peekable();
    bodies.retain(|ix| {
        while found_iter.next_if(|f| *f < ix).is_some() {}
        found_iter.peek() != Some(&ix)
    });
    index.sort_by_recency(&mut found);
    index.sort_by_recency(&mut bodies);
    hits.extend(found.into_iter().map(|article| Hit {
        article,
        in_title: true,
    }));
    bodies
}

/// Counts the articles a step checks against its budget.
struct Meter {
    budget: Budget,
    spent: usize,
}

impl Meter {
    /// Whether to stop before checking one more article. A deadline is read every 16
    /// articles, and never before the first, so every step makes progress.
    fn exhausted(&mut self) -> bool {
        let n = self.spent;
        self.spent += 1;
        match self.budget {
            Budget::Unlimited => false,
            Budget::Articles(max) => n >= max,
            Budget::Until(deadline) => n > 0 && n.is_multiple_of(16) && Instant::now() >= deadline,
        }
    }
}

/// Appends to `out` the articles of `placed` whose `field` holds `c`: those with a
/// bigram that starts with it (the end of a field counts as a character).
fn union_starting(placed: &Placed, field: Field, c: char, out: &mut Vec<ArticleIx>) {
    let docs = placed.segment.len();
    let mut bits = vec![0u64; docs.div_ceil(64)];
    for (n, list) in placed.lists_starting(field, c).enumerate() {
        list.or_into(&mut bits);
        // A character such as 的 is in every article long before its last bigram.
        if n % 32 == 31 && bits.iter().map(|w| w.count_ones() as usize).sum::<usize>() == docs {
            break;
        }
    }
    for (w, &word) in bits.iter().enumerate() {
        let mut rest = word;
        while rest != 0 {
            let doc = (w * 64) as u32 + rest.trailing_zeros();
            out.push(ArticleIx(placed.first + doc));
            rest &= rest - 1;
        }
    }
}

/// Appends to `out` the articles of `placed` whose `field` holds all of the query's
/// rarest bigrams.
fn intersect(placed: &Placed, field: Field, query: &Query, out: &mut Vec<ArticleIx>) {
    let mut lists = Vec::with_capacity(query.keys().len());
    for &k in query.keys() {
        match placed.list(field, k) {
            Some(list) => lists.push(list),
            None => return,
        }
    }
    lists.sort_unstable_by_key(|l| l.df());
    lists.truncate(MAX_LISTS);
    let Some((first, rest)) = lists.split_first() else {
        return;
    };
    // Walk the rarest list; the others are probed by a merging cursor each.
    let mut cursors: Vec<_> = rest.iter().map(|l| l.iter().peekable()).collect();
    'docs: for doc in first.iter() {
        for cursor in &mut cursors {
            while cursor.next_if(|&d| d < doc).is_some() {}
            if cursor.peek() != Some(&doc) {
                continue 'docs;
            }
        }
        out.push(ArticleIx(placed.first + doc));
    }
}
