//! A small private collection generator for the load benchmarks: realistic Chinese
//! articles built from the vendored corpus (tests/fixtures/corpus, CC BY-SA), about
//! 4.5 KB each, the same bytes for the same arguments. The official generator is
//! `examples/gen.rs`; this one exists so the benchmark stands alone.

#![allow(dead_code)] // each user (bench, example) needs a different part

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::Path;

use serde::Deserialize;

const CORPUS: [&str; 2] = [
    include_str!("../../tests/fixtures/corpus/ud-zh-gsdsimp-test.txt"),
    include_str!("../../tests/fixtures/corpus/ud-zh-pud-test.txt"),
];

const CATEGORIES: [(&str, &[&str]); 5] = [
    ("新闻", &["国内", "国际", "社会"]),
    ("情感", &["故事", "婚恋"]),
    ("财经", &["股市", "楼市", "理财"]),
    ("科技", &["互联网", "手机"]),
    ("体育", &["足球", "篮球"]),
];

/// How bodies are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyForm {
    /// One string, paragraphs separated by newlines.
    Text,
    /// An array of paragraph, heading and image blocks.
    Blocks,
}

/// How the collection is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// A pretty JSON array, one article per line.
    Array,
    /// One article per line (JSONL).
    Lines,
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // splitmix64
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn sentences() -> Vec<&'static str> {
    CORPUS
        .iter()
        .flat_map(|c| c.lines())
        .filter(|l| !l.trim().is_empty())
        .collect()
}

fn json_str(s: &str) -> String {
    serde_json::to_string(s).expect("strings serialise")
}

/// Writes `n` articles to `out`.
pub fn write(n: usize, body: BodyForm, layout: Layout, out: &mut impl Write) -> io::Result<()> {
    let lines = sentences();
    let mut rng = Rng(n as u64 ^ 0x5EED);
    if layout == Layout::Array {
        out.write_all(b"[\n")?;
    }
    let mut a = String::new();
    for i in 0..n {
        a.clear();
        let (top, subs) = CATEGORIES[rng.below(CATEGORIES.len())];
        let sub = subs[rng.below(subs.len())];
        let title: String = lines[rng.below(lines.len())].chars().take(24).collect();
        let summary = lines[rng.below(lines.len())];
        write!(
            a,
            r#"{{"id":{i},"title":{},"category":["{top}","{sub}"],"date":"20{:02}-{:02}-{:02} {:02}:{:02}","source":"上海普陀","editor":"上海普陀","author":"通讯员 陶萱","summary":{},"views":{},"url":"https://example.com/a/{i}.html","tags":["{top}","{sub}"],"related":[{},{},{}],"body":"#,
            json_str(&title),
            10 + rng.below(15),
            1 + rng.below(12),
            1 + rng.below(28),
            rng.below(24),
            rng.below(60),
            json_str(summary),
            rng.below(100_000),
            rng.below(n),
            rng.below(n),
            rng.below(n),
        )
        .expect("writing to a String");
        let mut paragraphs = Vec::new();
        let mut size = 0;
        while size < 4000 {
            let mut p = String::new();
            for _ in 0..3 + rng.below(4) {
                p.push_str(lines[rng.below(lines.len())]);
            }
            size += p.len();
            paragraphs.push(p);
        }
        match body {
            BodyForm::Text => a.push_str(&json_str(&paragraphs.join("\n"))),
            BodyForm::Blocks => {
                a.push('[');
                for (k, p) in paragraphs.iter().enumerate() {
                    if k == 1 {
                        let heading: String = p.chars().take(12).collect();
                        write!(a, r#"{{"type":"heading","text":{}}},"#, json_str(&heading))
                            .expect("String");
                    }
                    if k == 2 {
                        write!(
                            a,
                            r#"{{"type":"image","text":"桃浦中央绿地","src":"img/{i}.jpg"}},"#
                        )
                        .expect("String");
                    }
                    write!(a, r#"{{"type":"paragraph","text":{}}}"#, json_str(p)).expect("String");
                    a.push(if k + 1 < paragraphs.len() { ',' } else { ']' });
                }
            }
        }
        a.push('}');
        out.write_all(a.as_bytes())?;
        let sep: &[u8] = match layout {
            Layout::Lines => b"\n",
            Layout::Array if i + 1 < n => b",\n",
            Layout::Array => b"\n",
        };
        out.write_all(sep)?;
    }
    if layout == Layout::Array {
        out.write_all(b"]\n")?;
    }
    Ok(())
}

/// Writes `n` articles to a new file at `path`.
pub fn write_file(path: &Path, n: usize, body: BodyForm, layout: Layout) -> io::Result<()> {
    let mut out = io::BufWriter::new(std::fs::File::create(path)?);
    write(n, body, layout, &mut out)?;
    out.flush()
}

/// The baseline: the same articles as plain structs with owned strings, as serde_json
/// alone would read them.
#[derive(Debug, Deserialize)]
pub struct PlainArticle<B> {
    pub id: u64,
    pub title: String,
    pub category: Vec<String>,
    pub date: String,
    pub source: String,
    pub editor: String,
    pub author: String,
    pub summary: String,
    pub views: u64,
    pub url: String,
    pub tags: Vec<String>,
    pub related: Vec<u64>,
    pub body: B,
}

/// A body block, for the baseline.
#[derive(Debug, Deserialize)]
pub struct PlainBlock {
    #[serde(rename = "type")]
    pub kind: String,
    pub text: String,
    pub src: Option<String>,
}

/// What the baseline read.
pub enum Parsed {
    Text(Vec<PlainArticle<String>>),
    Blocks(Vec<PlainArticle<Vec<PlainBlock>>>),
}

impl Parsed {
    /// How many articles.
    pub fn len(&self) -> usize {
        match self {
            Parsed::Text(v) => v.len(),
            Parsed::Blocks(v) => v.len(),
        }
    }
}

/// Reads `path` the baseline way: the whole file, then `serde_json::from_slice`.
pub fn baseline(path: &Path, body: BodyForm) -> Parsed {
    let bytes = std::fs::read(path).expect("generated file");
    match body {
        BodyForm::Text => Parsed::Text(serde_json::from_slice(&bytes).expect("generated JSON")),
        BodyForm::Blocks => Parsed::Blocks(serde_json::from_slice(&bytes).expect("generated JSON")),
    }
}
