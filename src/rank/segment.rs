//! One batch of articles indexed on its own: the loader's thread builds a [`Segment`]
//! per batch (and merges small ones, see [`Feed`](super::Feed)), and the app thread only
//! appends it to the [`Index`](super::Index).

use super::fold::{Purity, fold_with};
use super::postings::{Postings, PostingsBuilder, key, key_end};
use crate::model::Article;

/// The bigram index of one batch of articles, whose documents are numbered from 0 in
/// batch order. Built by [`Segment::build`], off the app thread; handed to
/// [`Index::push`](super::Index::push).
#[derive(Debug, Default)]
pub struct Segment {
    /// How many articles it indexes.
    docs: u32,
    /// Bigrams of titles.
    pub(super) title: Postings,
    /// Bigrams of summaries and body blocks (headings and captions included).
    pub(super) body: Postings,
    /// Per document: the date's sort key (`i64::MIN` when undated).
    pub(super) dates: Vec<i64>,
    /// Per document: which characters its bytes show literally.
    pub(super) purity: Vec<Purity>,
    /// Per document: distinct bigrams of title and body together (its length for
    /// similarity).
    pub(super) lens: Vec<u32>,
}

impl Segment {
    /// Indexes `articles`, article `k` as document `k`.
    ///
    /// Costs memory for a few 32-bit numbers per character while it runs, so batches of
    /// a few thousand articles suit it best.
    pub fn build(articles: &[Article]) -> Segment {
        // Chinese text is mostly three bytes a character.
        let title_chars = articles.iter().map(|a| a.title().len() / 3 + 1).sum();
        let body_chars = articles.iter().map(|a| a.text_len() / 3).sum();
        let mut title = PostingsBuilder::new(title_chars);
        let mut body = PostingsBuilder::new(body_chars);
        let mut seg = Segment {
            docs: articles.len() as u32,
            dates: Vec::with_capacity(articles.len()),
            purity: Vec::with_capacity(articles.len()),
            lens: Vec::with_capacity(articles.len()),
            ..Segment::default()
        };
        for a in articles {
            let mut purity = add_field(&mut title, a.title());
            purity = purity.and(add_field(&mut body, a.summary()));
            for block in a.blocks() {
                purity = purity.and(add_field(&mut body, block.text));
            }
            let len = title.end_doc() + body.end_doc();
            seg.dates.push(a.date().map_or(i64::MIN, |d| d.key()));
            seg.purity.push(purity);
            seg.lens.push(len);
        }
        seg.title = title.finish();
        seg.body = body.finish();
        seg
    }

    /// One segment holding the documents of `parts`, in order. Costs a pass over their
    /// posting lists; the result is the same as building over all their articles.
    pub fn merge(parts: &[&Segment]) -> Segment {
        let mut offsets = Vec::with_capacity(parts.len());
        let mut docs = 0;
        for p in parts {
            offsets.push(docs);
            docs += p.docs;
        }
        let with_offsets = |field: fn(&Segment) -> &Postings| -> Vec<(&Postings, u32)> {
            parts
                .iter()
                .map(|p| field(p))
                .zip(offsets.iter().copied())
                .collect()
        };
        Segment {
            docs,
            title: Postings::merge(&with_offsets(|s| &s.title), docs),
            body: Postings::merge(&with_offsets(|s| &s.body), docs),
            dates: parts.iter().flat_map(|p| p.dates.iter().copied()).collect(),
            purity: parts
                .iter()
                .flat_map(|p| p.purity.iter().copied())
                .collect(),
            lens: parts.iter().flat_map(|p| p.lens.iter().copied()).collect(),
        }
    }

    /// How many articles it indexes.
    pub fn len(&self) -> usize {
        self.docs as usize
    }

    /// Whether it indexes none.
    pub fn is_empty(&self) -> bool {
        self.docs == 0
    }

    /// Heap bytes held by the dictionaries and posting lists.
    pub(super) fn postings_bytes(&self) -> usize {
        self.title.heap_bytes() + self.body.heap_bytes()
    }

    /// Heap bytes held in all.
    pub(super) fn heap_bytes(&self) -> usize {
        self.postings_bytes()
            + self.dates.capacity() * size_of::<i64>()
            + self.purity.capacity() * size_of::<Purity>()
            + self.lens.capacity() * size_of::<u32>()
    }
}

/// Adds the bigrams of one field, its last character paired with the field's end;
/// bigrams never span two fields.
fn add_field(postings: &mut PostingsBuilder, text: &str) -> Purity {
    let mut prev = None;
    let purity = fold_with(text, |c, _| {
        if let Some(p) = prev {
            postings.add(key(p, c));
        }
        prev = Some(c);
    });
    if let Some(last) = prev {
        postings.add(key_end(last));
    }
    purity
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleBuilder, BlockKind};

    fn article(id: &str, title: &str, body: &str) -> Article {
        let mut b = ArticleBuilder::new();
        b.id(id).title(title).block(BlockKind::Paragraph, body, "");
        b.build().unwrap()
    }

    #[test]
    fn indexes_folded_bigrams_of_titles_and_bodies_apart() {
        let seg = Segment::build(&[
            article("1", "上海ＧＤＰ", "经济发展"),
            article("2", "发展", "上海"),
        ]);
        let docs = |p: &Postings, a, b| {
            p.get(key(a, b))
                .map(|l| l.iter().collect::<Vec<_>>())
                .unwrap_or_default()
        };
        assert_eq!(docs(&seg.title, '上', '海'), [0]);
        assert_eq!(docs(&seg.title, 'g', 'd'), [0]);
        assert_eq!(docs(&seg.body, '上', '海'), [1]);
        assert_eq!(docs(&seg.body, '发', '展'), [0]);
        assert_eq!(docs(&seg.title, '发', '展'), [1]);
        // "海Ｇ" spans nothing across fields, but within the title it is a bigram.
        assert_eq!(docs(&seg.title, '海', 'g'), [0]);
        assert_eq!(docs(&seg.body, '展', '上'), Vec::<u32>::new());
        assert_eq!(seg.len(), 2);
        // With the bigram of each field's end: 上海 海g gd dp p$, 经济 济发 发展 展$ …
        assert_eq!(seg.lens, [5 + 4, 2 + 2]);
    }

    #[test]
    fn a_merged_segment_equals_one_built_at_once() {
        let all = [
            article("1", "上海ＧＤＰ", "经济发展"),
            article("2", "发展", "上海"),
            article("3", "经济", "上海发展"),
        ];
        let whole = Segment::build(&all);
        let merged = Segment::merge(&[&Segment::build(&all[..1]), &Segment::build(&all[1..])]);
        assert_eq!(merged.len(), 3);
        assert_eq!((&merged.dates, &merged.lens), (&whole.dates, &whole.lens));
        for (a, b) in [('上', '海'), ('发', '展'), ('经', '济'), ('g', 'd')] {
            let fields: [fn(&Segment) -> &Postings; 2] = [|s| &s.title, |s| &s.body];
            for field in fields {
                let docs = |s: &Segment| {
                    field(s)
                        .get(key(a, b))
                        .map(|l| l.iter().collect::<Vec<_>>())
                };
                assert_eq!(docs(&merged), docs(&whole), "{a}{b}");
            }
        }
    }

    #[test]
    fn bigrams_do_not_span_blocks() {
        let mut b = ArticleBuilder::new();
        b.id("1")
            .title("标题")
            .block(BlockKind::Paragraph, "甲乙", "")
            .block(BlockKind::Heading, "丙丁", "");
        let seg = Segment::build(&[b.build().unwrap()]);
        assert!(seg.body.get(key('乙', '丙')).is_none());
        assert!(seg.body.get(key('丙', '丁')).is_some());
    }
}
