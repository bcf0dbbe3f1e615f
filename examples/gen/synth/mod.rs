//! Synthetic article collections of realistic Chinese text, for tests and benchmarks.
//!
//! Articles are built from the real sentences vendored in `tests/fixtures/corpus/`
//! (see its README for sources and licences): titles from sentence fragments, bodies of
//! several paragraphs (strings with newlines, or blocks with headings, images and
//! quotes), two-level categories, dates over five years (a few missing), views (some
//! missing), and `related` ids, a few of them naming articles that do not exist.
//! Article `k` depends only on the seed and `k`, so the same options give the same
//! bytes, and any article can be made without the others.
//!
//! Shared by `examples/gen.rs`, the tests and the benchmarks; each uses a part.
#![allow(dead_code)]

mod article;
mod body;
mod rng;
mod words;

use std::io::{self, Write};

use reader::model::{Article, Collection};
use serde::Serialize;

pub use article::block_kind;
pub use body::Body;
use body::{Corpus, Shape};
pub use rng::Rng;
use words::{CATEGORIES, NAMES, SOURCES, TAGS};

/// How long the bodies are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Size {
    /// About 4.5 KB of JSON per article, like a news archive (100,000 ≈ 450 MB).
    Full,
    /// About a tenth of that: quick to build in debug-mode tests.
    Small,
}

/// How bodies are written. The default mixes both forms, as real collections do; the
/// load benchmarks measure each form on its own.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Bodies {
    /// Three in five bodies are strings, the rest block arrays.
    #[default]
    Mixed,
    /// Every body is one string, paragraphs separated by line breaks.
    Text,
    /// Every body is an array of paragraph, heading, image and quote blocks.
    Blocks,
}

/// What to generate.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// How many articles.
    pub articles: usize,
    /// Picks the collection; the same seed gives the same bytes.
    pub seed: u64,
    /// Body length.
    pub size: Size,
}

/// The file layouts the generator writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One JSON array.
    Json,
    /// One article object per line.
    Jsonl,
}

/// An article id: the format accepts integers and strings, so both appear.
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum Id {
    Number(u64),
    Text(String),
}

/// A category path: an array, or one string split on `>` or `/`.
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum Category {
    Path(Vec<&'static str>),
    Joined(String),
}

/// One generated article, as the collection format spells it.
#[derive(Clone, Debug, Serialize)]
pub struct Doc {
    pub id: Id,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub editor: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub views: Option<u64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub body: Body,
}

/// A generator for one set of [`Options`].
pub struct Synth {
    options: Options,
    bodies: Bodies,
    corpus: Corpus,
}

/// Streams of an article's random numbers, kept apart so that some attributes can be
/// computed alone.
const CATEGORY_STREAM: u64 = 1;
const DATE_STREAM: u64 = 2;
const REST_STREAM: u64 = 3;

/// First day of the date range (2020-01-01) and its length (five years).
const FIRST_DAY: i64 = 18_262;
const DAYS: i64 = 1_827;

impl Synth {
    /// A generator for `options`.
    pub fn new(options: Options) -> Synth {
        Synth {
            options,
            bodies: Bodies::Mixed,
            corpus: Corpus::new(),
        }
    }

    /// The same generator writing every body in the form `bodies` (the default,
    /// [`Bodies::Mixed`], gives the bytes [`Synth::new`] always gave).
    pub fn with_bodies(self, bodies: Bodies) -> Synth {
        Synth { bodies, ..self }
    }

    /// The id of article `k`; ids are not positions, so mixing them up shows.
    pub fn id_of(k: usize) -> String {
        (10_000 + k).to_string()
    }

    /// Article `k`'s category: top-level index and child index (`None` for the few
    /// filed at the top level only), or `None` for the 1% with no category.
    pub fn category_of(&self, k: usize) -> Option<(usize, Option<usize>)> {
        let mut r = Rng::for_article(self.options.seed, k as u64, CATEGORY_STREAM);
        if r.chance(1) {
            return None;
        }
        let top = r.below(CATEGORIES.len());
        let child = (!r.chance(2)).then(|| r.below(CATEGORIES[top].2.len()));
        Some((top, child))
    }

    /// Article `k`: file order drifts forward in time, with two months of noise.
    fn date_of(&self, k: usize) -> Option<String> {
        let mut r = Rng::for_article(self.options.seed, k as u64, DATE_STREAM);
        if r.chance(3) {
            return r.chance(50).then(String::new);
        }
        let n = self.options.articles.max(1) as i64;
        let day = FIRST_DAY + k as i64 * DAYS / n + r.below(121) as i64 - 60;
        let (y, m, d) = civil_from_days(day.clamp(FIRST_DAY, FIRST_DAY + DAYS - 1));
        let (hh, mm, ss) = (r.below(24), r.below(60), r.below(60));
        Some(match r.below(100) {
            0..50 => format!("{y:04}-{m:02}-{d:02} {hh:02}:{mm:02}"),
            50..75 => format!("{y:04}-{m:02}-{d:02}"),
            75..90 => format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}+08:00"),
            _ => format!("{y:04}-{m:02}-{d:02} {hh:02}:{mm:02}:{ss:02}"),
        })
    }

    /// Generates article `k` (0-based).
    pub fn doc(&self, k: usize) -> Doc {
        let mut r = Rng::for_article(self.options.seed, k as u64, REST_STREAM);
        let category = self.category_of(k);
        let topic = category.map_or(r.below(CATEGORIES.len()), |(top, _)| top);
        let source = r.pick(&SOURCES);
        let title = self.corpus.title(&mut r, topic);
        let shape = Shape {
            size: self.options.size,
            bodies: self.bodies,
        };
        let body = self.corpus.body(&mut r, topic, source, shape, k);
        let summary = r.chance(30).then(|| body.first_clause(60)).flatten();
        let id = if k.is_multiple_of(3) {
            Id::Number(10_000 + k as u64)
        } else {
            Id::Text(Self::id_of(k))
        };
        Doc {
            id,
            title,
            category: category.map(|(top, child)| category_value(&mut r, top, child)),
            date: self.date_of(k),
            source: r.chance(90).then_some(source),
            editor: r.chance(60).then(|| r.pick(&NAMES)),
            author: r.chance(40).then(|| format!("通讯员 {}", r.pick(&NAMES))),
            summary,
            views: r.chance(85).then(|| (r.unit() * 11.0).exp().floor() as u64),
            related: self.related_of(&mut r, k, category),
            tags: (0..if r.chance(40) { r.between(1, 3) } else { 0 })
                .map(|_| r.pick(&TAGS))
                .collect(),
            url: r.chance(50).then(|| {
                let slug = category.map_or("misc", |(top, _)| CATEGORIES[top].1);
                format!("https://news.example.cn/{slug}/{}.html", Self::id_of(k))
            }),
            body,
        }
    }

    /// A third of the articles name 1–4 others: mostly nearby ones in the same category,
    /// some anywhere, a few ids that no article has, rarely themselves.
    fn related_of(
        &self,
        r: &mut Rng,
        k: usize,
        category: Option<(usize, Option<usize>)>,
    ) -> Vec<String> {
        let n = self.options.articles;
        if n < 2 || !r.chance(35) {
            return Vec::new();
        }
        let mut out = Vec::new();
        for _ in 0..r.between(1, 4) {
            let pick = match r.below(100) {
                0..80 => (0..20)
                    .map(|_| (k + n - 2000.min(n / 2) + r.below(4000.min(n))) % n)
                    .find(|&j| j != k && self.category_of(j) == category),
                80..95 => Some(r.below(n)),
                95..99 => {
                    out.push((10_000 + n + r.below(n)).to_string());
                    None
                }
                _ => Some(k),
            };
            out.extend(pick.map(Self::id_of));
        }
        out
    }

    /// Writes the whole collection, one article at a time.
    pub fn write(&self, out: &mut impl Write, format: Format) -> io::Result<()> {
        if format == Format::Json {
            out.write_all(b"[\n")?;
        }
        for k in 0..self.options.articles {
            if format == Format::Json && k > 0 {
                out.write_all(b",\n")?;
            }
            serde_json::to_writer(&mut *out, &self.doc(k))?;
            if format == Format::Jsonl {
                out.write_all(b"\n")?;
            }
        }
        if format == Format::Json {
            out.write_all(b"\n]\n")?;
        }
        out.flush()
    }

    /// Article `k` as the loader would build it.
    pub fn article(&self, k: usize) -> Article {
        self.doc(k).to_article()
    }

    /// The whole collection, built in process.
    pub fn collection(&self) -> Collection {
        let mut c = Collection::new();
        for k in 0..self.options.articles {
            c.push(self.article(k)).expect("generated ids are unique");
        }
        c
    }
}

/// The category as one of the format's spellings: mostly an array, sometimes a string.
fn category_value(r: &mut Rng, top: usize, child: Option<usize>) -> Category {
    let (name, _, children) = CATEGORIES[top];
    let mut path = vec![name];
    path.extend(child.map(|c| children[c]));
    match r.below(10) {
        0 => Category::Joined(path.join(">")),
        1 => Category::Joined(path.join("/")),
        _ => Category::Path(path),
    }
}

/// Year, month and day of a day count since 1970-01-01 (Howard Hinnant's
/// `civil_from_days`).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}
