//! Shared by the typesetting tests and the benchmark: the seed article, the corpus,
//! and an independent checker of the line-breaking rules.

#![allow(dead_code)]

pub mod check;

use reader::model::{Article, ArticleBuilder, BlockKind};

/// The seed page's article (`tests/fixtures/linebreak/seed-article.txt`).
pub const SEED: &str = include_str!("../fixtures/linebreak/seed-article.txt");

/// The real Chinese sentences of `tests/fixtures/corpus/`, one per line.
pub const CORPUS: [&str; 2] = [
    include_str!("../fixtures/corpus/ud-zh-gsdsimp-test.txt"),
    include_str!("../fixtures/corpus/ud-zh-pud-test.txt"),
];

/// The corpus sentences.
pub fn sentences() -> impl Iterator<Item = &'static str> + Clone {
    CORPUS
        .iter()
        .flat_map(|c| c.lines())
        .filter(|l| !l.is_empty())
}

/// The seed article's body blocks: kind and text.
pub fn seed_blocks() -> Vec<(BlockKind, &'static str)> {
    let body = SEED.split_once("\n---\n").expect("header separator").1;
    body.lines()
        .filter(|l| !l.is_empty())
        .map(|l| {
            if let Some(t) = l.strip_prefix("# ") {
                (BlockKind::Heading, t)
            } else if let Some(t) = l.strip_prefix("! ") {
                (BlockKind::Image, t)
            } else if let Some(t) = l.strip_prefix("> ") {
                (BlockKind::Quote, t)
            } else {
                (BlockKind::Paragraph, l)
            }
        })
        .collect()
}

/// The seed article's paragraphs.
pub fn seed_paragraphs() -> Vec<&'static str> {
    seed_blocks()
        .into_iter()
        .filter(|(k, _)| *k == BlockKind::Paragraph)
        .map(|(_, t)| t)
        .collect()
}

/// A header field of the seed article.
pub fn seed_field(name: &str) -> &'static str {
    let header = SEED.split_once("\n---\n").expect("header separator").0;
    header
        .lines()
        .find_map(|l| l.strip_prefix(name)?.strip_prefix(": "))
        .unwrap_or("")
}

/// The seed article, built as the loader would build it.
pub fn seed_article() -> Article {
    let mut b = ArticleBuilder::new();
    b.id("000_4d3ea700fc8e5b88")
        .title(seed_field("title"))
        .source(seed_field("source"))
        .editor(seed_field("editor"))
        .author(seed_field("author"));
    for level in seed_field("category").split('/') {
        b.category_level(level);
    }
    for (kind, text) in seed_blocks() {
        b.block(kind, text, "");
    }
    b.build().expect("seed article is valid")
}
