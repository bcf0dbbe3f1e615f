//! From the wire form to a model [`Article`]: the format's rules, text repair and
//! cleaning, and the problems worth telling the user about.

use std::borrow::Cow;

use super::clean::{clean, one_line};
use super::wire::{Body, Bytes, Category, Field, WireArticle, WireBlock};
use crate::model::{Article, ArticleBuilder, BlockKind, Date};

/// How long quoted data in a message may be.
pub(super) const QUOTE_CHARS: usize = 60;

/// A warning, with a key that is the same for the same kind of warning in every
/// article, so the caller can report each kind once.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Warning {
    /// The same for repeats of this warning across articles; `None` for warnings
    /// worth giving for every article.
    pub once: Option<String>,
    /// The message.
    pub message: String,
}

/// The outcome for one article.
#[derive(Debug, Default)]
pub(super) struct Verdict {
    /// The cleaned id, when it is usable.
    pub id: Option<String>,
    /// The article, unless it was left out.
    pub article: Option<Article>,
    /// Why it was left out (empty when it was kept).
    pub errors: Vec<String>,
    /// Things worth knowing that did not leave it out.
    pub warnings: Vec<Warning>,
}

/// Checks an article against the format and builds it; `size` is the length of its
/// JSON, a close upper bound on its text.
pub(super) fn build(w: WireArticle<'_>, size: usize) -> Verdict {
    let mut t = Texts::default();
    let mut v = Verdict {
        id: w
            .id
            .as_ref()
            .map(|id| t.line(&id.0).into_owned())
            .filter(|id| !id.is_empty()),
        ..Verdict::default()
    };
    for bad in &w.bad {
        v.errors.push(format!(
            "field \"{}\" must be {}, {}",
            bad.field.name(),
            bad.field.expected(),
            bad.found
        ));
    }
    let bad = |field: Field| w.bad.iter().any(|b| b.field == field);
    if v.id.is_none() && !bad(Field::Id) {
        v.errors.push(
            if w.id.is_some() {
                "empty id"
            } else {
                "missing id"
            }
            .to_owned(),
        );
    }
    let title = w.title.as_deref().map(|title| t.line(title));
    match &title {
        _ if bad(Field::Title) => {}
        None => v.errors.push("missing title".to_owned()),
        Some(title) if title.is_empty() => v.errors.push("empty title".to_owned()),
        Some(_) => {}
    }
    warn_about_shape(&w, &mut v.warnings);
    if let (Some(id), Some(title), true) = (&v.id, &title, v.errors.is_empty()) {
        let mut b = ArticleBuilder::with_capacity(size);
        b.id(id).title(title);
        fill(&mut b, &w, &mut t, &mut v.warnings);
        match b.build() {
            Ok(article) => v.article = Some(article),
            Err(e) => v.errors.push(e.to_string()),
        }
    }
    if t.repaired {
        v.warnings.push(Warning {
            once: None,
            message: "invalid UTF-8 or unpaired surrogates in its text replaced by U+FFFD"
                .to_owned(),
        });
    }
    v
}

/// Everything but the id and title.
fn fill(b: &mut ArticleBuilder, w: &WireArticle<'_>, t: &mut Texts, warnings: &mut Vec<Warning>) {
    b.source(&t.line_opt(&w.source))
        .editor(&t.line_opt(&w.editor))
        .author(&t.line_opt(&w.author))
        .summary(&t.line_opt(&w.summary))
        .url(&t.line_opt(&w.url))
        .views(w.views);
    b.date(date(&t.line_opt(&w.date), warnings));
    match &w.category {
        Some(Category::Path(path)) => {
            for level in t.text(path).split(['>', '/']) {
                let level = level.trim();
                if !level.is_empty() {
                    b.category_level(&level.replace('\n', " "));
                }
            }
        }
        Some(Category::Levels(levels)) => {
            for level in levels {
                let level = t.line(level);
                if !level.is_empty() {
                    b.category_level(&level);
                }
            }
        }
        None => {}
    }
    match &w.body {
        Some(Body::Text(text)) => add_paragraphs(b, BlockKind::Paragraph, &t.text(text)),
        Some(Body::Blocks(blocks)) => {
            for (n, block) in blocks.iter().enumerate() {
                add_block(b, n + 1, block, t, warnings);
            }
        }
        None => {}
    }
    for id in w.related.iter().flatten() {
        let id = t.line(&id.0);
        if !id.is_empty() {
            b.related(&id);
        }
    }
    for tag in w.tags.iter().flatten() {
        let tag = t.line(tag);
        if !tag.is_empty() {
            b.tag(&tag);
        }
    }
}

/// Warnings about the article's fields as written: unknown, repeated, repaired.
fn warn_about_shape(w: &WireArticle<'_>, warnings: &mut Vec<Warning>) {
    for name in &w.unknown {
        let name = quote(name);
        warnings.push(Warning {
            message: format!("unknown field \"{name}\" ignored (reported once per name)"),
            once: Some(format!("field {name}")),
        });
    }
    for field in &w.repeated {
        warnings.push(Warning {
            once: None,
            message: format!(
                "field \"{}\" is given more than once; the last one counts",
                field.name()
            ),
        });
    }
    for note in &w.notes {
        warnings.push(Warning {
            once: None,
            message: (*note).to_owned(),
        });
    }
}

fn date(text: &str, warnings: &mut Vec<Warning>) -> Option<Date> {
    if text.is_empty() {
        return None;
    }
    let date = Date::parse(text);
    if date.is_none() {
        warnings.push(Warning {
            once: None,
            message: format!(
                "date \"{}\" is not YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] or RFC 3339; shown as unknown",
                one_line(text, QUOTE_CHARS)
            ),
        });
    }
    date
}

fn add_block(
    b: &mut ArticleBuilder,
    n: usize,
    block: &WireBlock<'_>,
    t: &mut Texts,
    warnings: &mut Vec<Warning>,
) {
    for name in &block.unknown {
        let name = quote(name);
        warnings.push(Warning {
            message: format!(
                "unknown field \"{name}\" in body block {n} ignored (reported once per name)"
            ),
            once: Some(format!("block field {name}")),
        });
    }
    let kind = match block.kind.as_deref().map(|k| k.trim_ascii()) {
        None | Some(b"paragraph") => BlockKind::Paragraph,
        Some(b"heading") => BlockKind::Heading,
        Some(b"image") => BlockKind::Image,
        Some(b"quote") => BlockKind::Quote,
        Some(other) => {
            let other = quote(other);
            warnings.push(Warning {
                message: format!(
                    "body block {n} has unknown type \"{other}\"; shown as a paragraph (reported once per type)"
                ),
                once: Some(format!("block type {other}")),
            });
            BlockKind::Paragraph
        }
    };
    let text = block.text.as_deref().unwrap_or_default();
    match kind {
        BlockKind::Paragraph | BlockKind::Quote => add_paragraphs(b, kind, &t.text(text)),
        BlockKind::Heading => {
            let text = t.line(text);
            if !text.is_empty() {
                b.block(kind, &text, "");
            }
        }
        BlockKind::Image => {
            let caption = t.line(text);
            let src = t.line_opt(&block.src);
            if !caption.is_empty() || !src.is_empty() {
                b.block(kind, &caption, &src);
            }
        }
    }
}

/// Cleaned text split on newlines into blocks of `kind`, each trimmed, blank ones
/// skipped.
fn add_paragraphs(b: &mut ArticleBuilder, kind: BlockKind, text: &str) {
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
    for end in ends {
        // Splitting at an ASCII newline keeps character boundaries.
        let paragraph = text[start..end].trim();
        if !paragraph.is_empty() {
            b.block(kind, paragraph, "");
        }
        start = end + 1;
    }
}

/// Data quoted in a message: repaired, cleaned, on one line, cut short.
pub(super) fn quote(bytes: &[u8]) -> String {
    one_line(&String::from_utf8_lossy(bytes), QUOTE_CHARS)
}

/// Turns field bytes into clean text, remembering whether any had to be repaired.
#[derive(Default)]
struct Texts {
    repaired: bool,
}

impl Texts {
    /// Checked (or repaired) UTF-8, cleaned.
    fn text<'b>(&mut self, bytes: &'b [u8]) -> Cow<'b, str> {
        match simdutf8::basic::from_utf8(bytes) {
            Ok(s) => clean(s),
            Err(_) => {
                self.repaired = true;
                Cow::Owned(clean(&repair(bytes)).into_owned())
            }
        }
    }

    /// Like [`Texts::text`], on one line (newlines become spaces) and trimmed.
    fn line<'b>(&mut self, bytes: &'b [u8]) -> Cow<'b, str> {
        match self.text(bytes) {
            Cow::Borrowed(s) if memchr::memchr(b'\n', s.as_bytes()).is_none() => {
                Cow::Borrowed(s.trim())
            }
            text => Cow::Owned(text.replace('\n', " ").trim().to_owned()),
        }
    }

    fn line_opt<'b>(&mut self, bytes: &'b Option<Bytes<'_>>) -> Cow<'b, str> {
        bytes.as_deref().map_or(Cow::Borrowed(""), |b| self.line(b))
    }
}

/// Broken UTF-8 made valid: each unpaired surrogate (which serde_json hands over in
/// its three-byte WTF-8 form) and each invalid sequence becomes one U+FFFD.
fn repair(bytes: &[u8]) -> String {
    let mut fixed = bytes.to_vec();
    let mut i = 0;
    while let Some(j) = memchr::memchr(0xED, &fixed[i..]) {
        let at = i + j;
        if let [0xED, 0xA0..=0xBF, 0x80..=0xBF, ..] = fixed[at..] {
            fixed[at..at + 3].copy_from_slice("\u{FFFD}".as_bytes());
        }
        i = at + 1;
    }
    String::from_utf8_lossy(&fixed).into_owned()
}

#[cfg(test)]
mod tests;
