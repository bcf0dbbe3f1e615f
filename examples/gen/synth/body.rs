//! Titles and bodies from the vendored sentences: each top-level category favours its
//! own share of the corpus, so articles of one category share vocabulary the way real
//! ones do.

use reader::model::{ArticleBuilder, BlockKind};
use serde::Serialize;

use super::words::{AI, FIVE_G, GDP, PLACES, SOURCES, TEMPLATES};
use super::{Bodies, Rng, Size, block_kind};

const SIMPLIFIED: &str = include_str!("../../../tests/fixtures/corpus/ud-zh-gsdsimp-test.txt");
const TRADITIONAL: &str = include_str!("../../../tests/fixtures/corpus/ud-zh-pud-test.txt");

/// Characters that end a clause, for cutting titles and summaries from sentences.
const CLAUSE_ENDS: [char; 8] = ['，', '、', '；', '：', '。', '？', '！', ','];

/// Quotes and brackets trimmed from the ends of a fragment.
const EDGES: [char; 9] = ['“', '”', '"', '「', '」', '『', '』', '（', '）'];

/// A body: paragraphs in one string, or typed blocks.
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum Body {
    Text(String),
    Blocks(Vec<Block>),
}

/// One body block of the collection format.
#[derive(Clone, Debug, Serialize)]
pub struct Block {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub src: Option<String>,
}

/// The form and length of the bodies to make.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    pub size: Size,
    pub bodies: Bodies,
}

/// The sentences, and each topic's favoured share of them.
pub struct Corpus {
    sentences: Vec<&'static str>,
    topics: Vec<Vec<u32>>,
}

impl Corpus {
    pub fn new() -> Corpus {
        let sentences: Vec<&'static str> = SIMPLIFIED
            .lines()
            .chain(TRADITIONAL.lines())
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        let mut topics = vec![Vec::new(); 8];
        for i in 0..sentences.len() {
            let mut r = Rng::for_article(0, i as u64, 0);
            topics[r.below(8)].push(i as u32);
        }
        Corpus { sentences, topics }
    }

    /// A sentence, from `topic`'s share two times in three.
    fn sentence(&self, r: &mut Rng, topic: usize) -> &'static str {
        if r.chance(67) {
            self.sentences[r.pick(&self.topics[topic]) as usize]
        } else {
            r.pick(&self.sentences)
        }
    }

    /// A title: a clause of 6–28 characters, now and then with a place in front.
    pub fn title(&self, r: &mut Rng, topic: usize) -> String {
        let clause = (0..8)
            .find_map(|_| fragment(self.sentence(r, topic), 6, 28, r))
            .unwrap_or_else(|| self.sentence(r, topic).chars().take(20).collect());
        if r.chance(8) {
            format!("{}：{clause}", r.pick(&PLACES))
        } else {
            clause
        }
    }

    /// A paragraph of `sentences` sentences, now and then with a templated one.
    fn paragraph(&self, r: &mut Rng, topic: usize, sentences: usize) -> String {
        let mut p = String::new();
        for _ in 0..sentences {
            if r.chance(3) {
                p.push_str(&template(r));
            } else {
                p.push_str(self.sentence(r, topic));
            }
        }
        p
    }

    /// A body; wire stories open with a dateline. `shape` gives the size and whether
    /// bodies are strings, block arrays or a mix of both.
    pub fn body(&self, r: &mut Rng, topic: usize, source: &str, shape: Shape, k: usize) -> Body {
        let (paragraphs, sentences) = match shape.size {
            Size::Full => (r.between(6, 13), (2, 6)),
            Size::Small => (r.between(1, 3), (1, 2)),
        };
        let mut texts: Vec<String> = (0..paragraphs)
            .map(|_| {
                let n = r.between(sentences.0, sentences.1);
                self.paragraph(r, topic, n)
            })
            .collect();
        if SOURCES[..2].contains(&source) && r.chance(80) {
            let (place, m, d) = (r.pick(&PLACES), r.between(1, 12), r.between(1, 28));
            texts[0] = format!("{source}{place}{m}月{d}日电 {}", texts[0]);
        }
        let as_text = match shape.bodies {
            Bodies::Mixed => r.chance(60),
            Bodies::Text => true,
            Bodies::Blocks => false,
        };
        if as_text {
            let sep = if r.chance(80) { "\n\n" } else { "\n" };
            return Body::Text(texts.join(sep));
        }
        let mut blocks: Vec<Block> = Vec::new();
        for (i, text) in texts.into_iter().enumerate() {
            if i > 0 && r.chance(25) {
                let heading = fragment(self.sentence(r, topic), 4, 16, r);
                blocks.extend(heading.map(|text| block("heading", text, None)));
            }
            if r.chance(12) {
                let caption = fragment(self.sentence(r, topic), 4, 14, r).unwrap_or_default();
                let src = format!("https://img.example.cn/{k}/{i}.jpg");
                blocks.push(block("image", caption, Some(src)));
            }
            let kind = if r.chance(4) { "quote" } else { "paragraph" };
            blocks.push(block(kind, text, None));
        }
        Body::Blocks(blocks)
    }
}

impl Body {
    /// The first clause of the first paragraph, up to `max` characters, for summaries.
    pub fn first_clause(&self, max: usize) -> Option<String> {
        let first = match self {
            Body::Text(t) => t.lines().next()?,
            Body::Blocks(b) => &b.iter().find(|b| b.kind == "paragraph")?.text,
        };
        let end = first
            .find('。')
            .map_or(first.len(), |i| i + '。'.len_utf8());
        Some(first[..end].chars().take(max).collect())
    }

    /// Adds the body as the loader would: a string is split into paragraphs at every
    /// line break, blank lines dropped.
    pub fn add_to(&self, b: &mut ArticleBuilder) {
        match self {
            Body::Text(t) => t
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .for_each(|l| {
                    b.block(BlockKind::Paragraph, l, "");
                }),
            Body::Blocks(blocks) => blocks.iter().for_each(|x| {
                b.block(block_kind(x.kind), &x.text, x.src.as_deref().unwrap_or(""));
            }),
        }
    }
}

fn block(kind: &'static str, text: String, src: Option<String>) -> Block {
    Block { kind, text, src }
}

/// A clause of `sentence` of `min..=max` characters, trimmed of quotes, if one fits.
fn fragment(sentence: &str, min: usize, max: usize, r: &mut Rng) -> Option<String> {
    let fits: Vec<&str> = sentence
        .split(CLAUSE_ENDS)
        .map(|c| c.trim().trim_matches(EDGES).trim())
        .filter(|c| (min..=max).contains(&c.chars().count()))
        .collect();
    (!fits.is_empty()).then(|| r.pick(&fits).to_string())
}

/// One templated sentence, with a place, digits and Latin words in either width.
fn template(r: &mut Rng) -> String {
    let mut s = String::new();
    for piece in r.pick(&TEMPLATES).split_inclusive('}') {
        let (text, slot) = piece.split_once('{').unwrap_or((piece, ""));
        s.push_str(text);
        match slot {
            "p}" => s.push_str(r.pick(&PLACES)),
            "n}" => s.push_str(&r.below(10).to_string()),
            "g}" => s.push_str(r.pick(&GDP)),
            "a}" => s.push_str(r.pick(&AI)),
            "5}" => s.push_str(r.pick(&FIVE_G)),
            _ => {}
        }
    }
    s
}
