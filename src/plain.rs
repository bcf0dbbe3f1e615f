//! Plain-text output: `--list`, `--print`, `--search` and `--check`.
//!
//! Nothing here writes an escape sequence unless colour was asked for: article text was
//! cleaned at load, and emphasis goes through [`Paint`], which is off by default.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::i18n::{Labels, Lang};
use crate::library::Library;
use crate::load::{self, LoadEvent, Severity, Source};
use crate::model::{ArticleIx, CategoryTree, Collection};
use crate::text::{Document, DocumentOptions, LineKind, Measure};

/// How many entries each list after a printed article shows.
const PRINT_LIST_LEN: usize = 5;

/// How long a `--search` snippet is, in characters.
const SNIPPET_CHARS: usize = 60;

/// Emphasis for plain output: bold when colour is on, nothing otherwise.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Paint {
    /// Whether escape codes may be written.
    pub enabled: bool,
}

impl Paint {
    fn bold(self, s: &str) -> String {
        if self.enabled {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }
}

/// Settings for plain output.
#[derive(Clone, Copy, Debug)]
pub struct PlainOptions {
    /// Columns to set text for.
    pub width: usize,
    /// Paragraph indent in ideographic spaces.
    pub indent: usize,
    /// The width function.
    pub measure: Measure,
    /// Language of labels.
    pub lang: Lang,
    /// Emphasis.
    pub paint: Paint,
}

impl PlainOptions {
    fn labels(&self) -> &'static Labels {
        self.lang.labels()
    }
}

/// `--list`: the category tree with counts, then one line per article,
/// `ID<TAB>DATE<TAB>CATEGORY<TAB>TITLE`, in file order.
pub fn list(c: &Collection, opts: &PlainOptions, out: &mut dyn Write) -> io::Result<()> {
    let tree = c.categories();
    for id in tree.preorder() {
        let node = tree.node(id);
        let name = if node.parent.is_none() {
            opts.labels().home
        } else {
            &node.name
        };
        let indent = "  ".repeat(node.depth.into());
        writeln!(out, "{indent}{name} ({})", node.total)?;
    }
    writeln!(out)?;
    for (i, article) in c.articles().iter().enumerate() {
        let date = article.date().map(|d| d.to_string()).unwrap_or_default();
        let path = tree.path(c.category_of(ArticleIx(i as u32))).join(" > ");
        writeln!(out, "{}\t{date}\t{path}\t{}", article.id(), article.title())?;
    }
    Ok(())
}

/// `--print ID`: breadcrumb, title, meta line, body and byline set for the width, then
/// 相关阅读, 热门文章 and 最新文章. Returns false when no article has that id.
pub fn print(
    lib: &Library,
    id: &str,
    opts: &PlainOptions,
    out: &mut dyn Write,
) -> io::Result<bool> {
    let c = &lib.collection;
    let Some(ix) = c.find(id) else {
        return Ok(false);
    };
    let article = c.get(ix);
    let path = c.categories().path(c.category_of(ix));
    let doc_options = DocumentOptions {
        width: opts.width,
        indent: opts.indent,
        measure: opts.measure,
    };
    let doc = Document::new(article, &path, opts.labels(), doc_options);
    for i in 0..doc.len() {
        let line = doc.line(article, i);
        let lead = lead_text(line.kind, line.lead);
        let marker = line.marker.unwrap_or("");
        let text = match line.kind {
            LineKind::Title | LineKind::Heading => opts.paint.bold(line.text),
            _ => line.text.to_owned(),
        };
        writeln!(out, "{lead}{marker}{text}")?;
    }
    let lists: [(&str, Vec<ArticleIx>); 3] = [
        (
            opts.labels().related,
            lib.index.related(c, ix, PRINT_LIST_LEN),
        ),
        (
            opts.labels().hot,
            lib.ranks
                .hot(c, CategoryTree::ROOT)
                .take(PRINT_LIST_LEN)
                .collect(),
        ),
        (
            opts.labels().latest,
            lib.ranks
                .latest(c, CategoryTree::ROOT)
                .take(PRINT_LIST_LEN)
                .collect(),
        ),
    ];
    for (label, items) in lists {
        writeln!(out)?;
        writeln!(out, "{}", opts.paint.bold(label))?;
        for item in items {
            let title = c.get(item).title();
            let fitted = opts.measure.truncate(title, opts.width.saturating_sub(2));
            writeln!(out, "- {fitted}")?;
        }
    }
    Ok(true)
}

/// Paragraph indents print as ideographic spaces (so a copied paragraph keeps them);
/// other leads as spaces.
fn lead_text(kind: LineKind, cells: usize) -> String {
    if kind == LineKind::Paragraph {
        "\u{3000}".repeat(cells / 2) + &" ".repeat(cells % 2)
    } else {
        " ".repeat(cells)
    }
}

/// `--search QUERY`: `ID<TAB>TITLE<TAB>snippet`, best first. One query needs no index:
/// every article is read once.
pub fn search(c: &Collection, query: &str, out: &mut dyn Write) -> io::Result<usize> {
    let hits = crate::rank::scan(c, query);
    let Some(matcher) = crate::rank::Matcher::new(query) else {
        return Ok(0);
    };
    for hit in &hits {
        let article = c.get(hit.article);
        let snippet = crate::rank::snippet(article, &matcher, SNIPPET_CHARS);
        writeln!(out, "{}\t{}\t{snippet}", article.id(), article.title())?;
    }
    Ok(hits.len())
}

/// What `--check` found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CheckSummary {
    /// Valid articles.
    pub articles: usize,
    /// Articles left out.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// The exit code of the error that stopped the load early, if one did: 65 for bad
    /// data, 66 for a file that cannot be found or read.
    pub fatal: Option<u8>,
}

impl CheckSummary {
    /// Clean means nothing was left out and nothing stopped the load; warnings alone
    /// keep the exit code 0.
    pub fn is_clean(&self) -> bool {
        self.errors == 0 && self.fatal.is_none()
    }

    /// The process exit code (DESIGN.md): the stopping error's, else 65 when articles
    /// were left out, else 0.
    pub fn exit_code(&self) -> u8 {
        match self.fatal {
            Some(code) => code,
            None if self.errors > 0 => 65,
            None => 0,
        }
    }
}

/// `--check`: prints each problem as it is found, then a summary line.
pub fn check(source: &Source, out: &mut dyn Write) -> io::Result<CheckSummary> {
    let name = source.display_name();
    let mut summary = CheckSummary::default();
    let mut write_error = None;
    let result = load::stream(source, &mut |event| {
        match event {
            LoadEvent::Batch(batch) => summary.articles += batch.articles.len(),
            LoadEvent::Problems(problems) => {
                for p in problems {
                    match p.severity {
                        Severity::Error => summary.errors += 1,
                        Severity::Warning => summary.warnings += 1,
                    }
                    let line = p.display(&name).to_string();
                    if let Err(e) = writeln!(out, "{}", escaped(&line)) {
                        write_error = Some(e);
                        return false;
                    }
                }
            }
            LoadEvent::Title(_) | LoadEvent::Progress(_) => {}
        }
        true
    });
    if let Some(e) = write_error {
        return Err(e);
    }
    if let Err(e) = result {
        summary.fatal = Some(e.exit_code());
        writeln!(out, "{}", escaped(&e.to_string()))?;
    }
    writeln!(
        out,
        "{}: {} articles, {} left out, {} warnings{}",
        escaped(&name),
        summary.articles,
        summary.errors,
        summary.warnings,
        if summary.fatal.is_some() {
            ", load stopped"
        } else {
            ""
        }
    )?;
    Ok(summary)
}

/// `s` for a message: control characters and invisible format characters (bidi
/// controls, zero-width and tag characters) written as `\u{…}` escapes. Messages name
/// paths and ids that may come from anywhere; escaped, they reach the terminal as
/// text and the file can still be told apart and found.
pub fn escaped(s: &str) -> Cow<'_, str> {
    if !s.chars().any(hidden) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if hidden(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Characters a message must not carry as they are: controls and everything else
/// cleaning would change (bidi controls, zero-width, format and tag characters, line
/// and paragraph separators).
fn hidden(c: char) -> bool {
    c.is_control() || load::cleaning_changes(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleBuilder, BlockKind};

    fn collection() -> Collection {
        let mut c = Collection::new();
        let mut b = ArticleBuilder::new();
        b.id("a1")
            .title("普陀桃浦持续做好地区转型发展大文章")
            .category_level("情感")
            .category_level("故事")
            .block(
                BlockKind::Paragraph,
                "作为全市转型发展重点地区,承载着使命的桃浦。",
                "",
            );
        c.push(b.build().unwrap()).unwrap();
        let mut b = ArticleBuilder::new();
        b.id("a2")
            .title("注意!贵港执法行动")
            .date(crate::model::Date::parse("2023-03-15"));
        c.push(b.build().unwrap()).unwrap();
        c
    }

    fn opts(width: usize) -> PlainOptions {
        PlainOptions {
            width,
            indent: 2,
            measure: Measure::default(),
            lang: Lang::Zh,
            paint: Paint::default(),
        }
    }

    #[test]
    fn list_prints_tree_then_tab_separated_articles() {
        let mut out = Vec::new();
        list(&collection(), &opts(80), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let expected = "首页 (2)\n  情感 (1)\n    故事 (1)\n  未分类 (1)\n\n\
             a1\t\t情感 > 故事\t普陀桃浦持续做好地区转型发展大文章\n\
             a2\t2023-03-15\t未分类\t注意!贵港执法行动\n";
        assert_eq!(text, expected);
    }

    #[test]
    fn print_fits_the_width_and_has_no_escape_codes() {
        let c = collection();
        let mut out = Vec::new();
        let lib = Library::from_collection("test".into(), c);
        assert!(print(&lib, "a1", &opts(20), &mut out).unwrap());
        let text = String::from_utf8(out).unwrap();
        assert!(!text.contains('\x1b'));
        for line in text.lines() {
            assert!(Measure::default().width(line) <= 20, "{line:?} is too wide");
        }
        assert!(text.starts_with("当前位置:首页 > 情感"));
        assert!(text.contains("\u{3000}\u{3000}作为"));
        assert!(text.contains("相关阅读\n"));
        assert!(!print(&lib, "nope", &opts(20), &mut Vec::new()).unwrap());
    }

    #[test]
    fn messages_escape_controls_and_invisible_characters() {
        assert_eq!(escaped("a.json"), "a.json");
        assert_eq!(
            escaped("a\x1b]0;x\x07\u{9b}\u{202e}.json"),
            "a\\u{1b}]0;x\\u{7}\\u{9b}\\u{202e}.json"
        );
    }

    #[test]
    fn paint_only_when_enabled() {
        assert_eq!(Paint { enabled: false }.bold("x"), "x");
        assert_eq!(Paint { enabled: true }.bold("x"), "\x1b[1mx\x1b[0m");
    }
}
