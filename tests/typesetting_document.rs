//! The article page: its shape on the seed article, and that every line fits.

#[path = "typesetting_support/mod.rs"]
mod support;

use reader::i18n::Lang;
use reader::model::{ArticleBuilder, BlockKind};
use reader::text::{AmbiguousWidth, DocLine, Document, DocumentOptions, LineKind, Measure};
use support::check::width;
use unicode_segmentation::UnicodeSegmentation;

const NARROW: Measure = Measure {
    ambiguous: AmbiguousWidth::Narrow,
};

fn options(width: usize, indent: usize, measure: Measure) -> DocumentOptions {
    DocumentOptions {
        width,
        indent,
        measure,
    }
}

fn seed_document(width: usize, indent: usize) -> (reader::model::Article, Document) {
    let article = support::seed_article();
    let labels = Lang::Zh.labels();
    let doc = Document::new(
        &article,
        &["情感", "故事"],
        labels,
        options(width, indent, NARROW),
    );
    (article, doc)
}

fn cells(line: &DocLine, amb: AmbiguousWidth) -> usize {
    line.lead + line.marker.map_or(0, |m| width(m, amb)) + width(line.text, amb)
}

#[test]
fn seed_page_has_the_shape_of_the_original() {
    let (article, doc) = seed_document(80, 2);
    let lines: Vec<DocLine> = (0..doc.len()).map(|i| doc.line(&article, i)).collect();
    assert_eq!(lines[0].kind, LineKind::Breadcrumb);
    assert_eq!(lines[0].text, "当前位置:首页 > 情感 > 故事");
    assert_eq!(lines[1].kind, LineKind::Title);
    assert_eq!(lines[1].text, "普陀桃浦持续做好地区转型发展大文章");
    assert_eq!(lines[2].kind, LineKind::Meta);
    assert_eq!(lines[2].text, "日期: 来源:上海普陀 收集编辑:上海普陀");
    assert_eq!(lines[3].kind, LineKind::Blank);
    assert_eq!(lines[4].kind, LineKind::Heading);
    assert_eq!(lines[4].text, "2023桃浦发展目标更明确!");
    assert_eq!(lines[6].kind, LineKind::Caption);
    assert_eq!(lines[6].marker, Some("［图］"));
    assert_eq!(lines[6].text, "桃浦重点项目一览");
    assert_eq!(lines[8].kind, LineKind::Paragraph);
    assert_eq!(lines[8].lead, 4);
    assert!(lines[8].text.starts_with("作为全市转型发展重点地区,承载着"));
    assert_eq!(lines[9].lead, 0);
    let last = lines.last().unwrap();
    assert_eq!(last.kind, LineKind::Byline);
    assert_eq!(last.text, "（通讯员 陶萱）");
    assert_eq!(lines[lines.len() - 2].kind, LineKind::Blank);
}

#[test]
fn title_and_meta_are_centred_and_byline_flush_right() {
    let (article, doc) = seed_document(40, 2);
    let title = doc.line(&article, 1);
    assert_eq!(title.kind, LineKind::Title);
    assert_eq!(title.lead, (40 - 34) / 2);
    let byline = doc.line(&article, doc.len() - 1);
    assert_eq!(byline.lead + width(byline.text, AmbiguousWidth::Narrow), 40);
}

#[test]
fn indent_zero_removes_the_first_line_indent() {
    let (article, doc) = seed_document(40, 0);
    let first = (0..doc.len())
        .map(|i| doc.line(&article, i))
        .find(|l| l.kind == LineKind::Paragraph)
        .unwrap();
    assert_eq!(first.lead, 0);
    // 40 cells exactly: with no indent the line holds two more characters.
    assert_eq!(first.text, "作为全市转型发展重点地区,承载着“中心城区");
}

#[test]
fn captions_hang_under_their_first_character() {
    let (article, doc) = seed_document(20, 2);
    let lines: Vec<DocLine> = (0..doc.len()).map(|i| doc.line(&article, i)).collect();
    let i = lines
        .iter()
        .position(|l| l.kind == LineKind::Caption && l.text.starts_with("“祁连山路"))
        .unwrap();
    assert_eq!(lines[i].lead, 0);
    assert_eq!(lines[i].marker, Some("［图］"));
    assert_eq!(lines[i + 1].kind, LineKind::Caption);
    assert_eq!(lines[i + 1].marker, None);
    assert_eq!(lines[i + 1].lead, 6);
}

#[test]
fn every_line_fits_at_every_width() {
    let article = support::seed_article();
    let labels = Lang::Zh.labels();
    for amb in [AmbiguousWidth::Narrow, AmbiguousWidth::Wide] {
        for indent in [0, 2, 8] {
            for w in 1..=120 {
                let doc = Document::new(
                    &article,
                    &["情感", "故事"],
                    labels,
                    options(w, indent, Measure { ambiguous: amb }),
                );
                for i in 0..doc.len() {
                    let line = doc.line(&article, i);
                    // One cluster wider than the whole column gets a line of its own.
                    let visible = line
                        .text
                        .graphemes(true)
                        .filter(|g| width(g, amb) > 0)
                        .count();
                    let lone = visible == 1
                        && width(line.text, amb) > w
                        && line.lead == 0
                        && line.marker.is_none();
                    assert!(
                        cells(&line, amb) <= w || lone,
                        "width {w} indent {indent} {amb:?}: {line:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn body_lines_point_back_into_their_blocks() {
    let (article, doc) = seed_document(20, 2);
    let mut seen = vec![String::new(); article.block_count()];
    for i in 0..doc.len() {
        let line = doc.line(&article, i);
        if let Some((n, range)) = line.source {
            let block = article.block(n).unwrap().text;
            assert_eq!(&block[range.clone()], line.text);
            assert_eq!(doc.line_of(n, range.start), Some(i));
            seen[n].push_str(line.text);
        }
    }
    for (n, block) in article.blocks().enumerate() {
        // The seed's blocks have no spaces a break could consume.
        assert_eq!(seen[n], block.text, "block {n}");
    }
}

#[test]
fn quotes_are_set_in_and_empty_blocks_left_out() {
    let mut b = ArticleBuilder::new();
    b.id("q")
        .title("引文")
        .block(BlockKind::Paragraph, "", "")
        .block(
            BlockKind::Quote,
            "坚持把科技创新作为推动发展的关键一招,融入普陀“中华武数”科创布局。",
            "",
        )
        .block(BlockKind::Image, "", "a.jpg");
    let article = b.build().unwrap();
    let doc = Document::new(&article, &[], Lang::Zh.labels(), options(20, 2, NARROW));
    let lines: Vec<DocLine> = (0..doc.len()).map(|i| doc.line(&article, i)).collect();
    let kinds: Vec<LineKind> = lines.iter().map(|l| l.kind).collect();
    assert_eq!(
        kinds.iter().filter(|&&k| k == LineKind::Paragraph).count(),
        0
    );
    let quotes: Vec<&DocLine> = lines.iter().filter(|l| l.kind == LineKind::Quote).collect();
    assert!(quotes.len() > 1);
    assert!(
        quotes
            .iter()
            .all(|l| l.lead == 2 && cells(l, AmbiguousWidth::Narrow) <= 20)
    );
    let image = lines.iter().find(|l| l.kind == LineKind::Caption).unwrap();
    assert_eq!((image.marker, image.text), (Some("［图］"), ""));
    assert_eq!(doc.line_of(0, 0), None);
    assert_eq!(
        doc.line_of(1, 0),
        Some(
            lines
                .iter()
                .position(|l| l.kind == LineKind::Quote)
                .unwrap()
        )
    );
}

#[test]
fn english_labels_and_an_empty_date_keep_the_meta_line() {
    let (article, _) = seed_document(80, 2);
    let doc = Document::new(
        &article,
        &["Life"],
        Lang::En.labels(),
        options(80, 2, NARROW),
    );
    assert_eq!(doc.line(&article, 0).text, "You are here: Home > Life");
    assert_eq!(
        doc.line(&article, 2).text,
        "Date:  Source: 上海普陀 Editor: 上海普陀"
    );
}

#[test]
fn a_meta_line_too_long_for_the_width_breaks_between_fields() {
    // "日期: 来源:上海普陀 收集编辑:上海普陀" is 36 cells; at 24 the fields go on
    // lines of their own instead of 收集编 / 辑.
    let (article, doc) = seed_document(24, 2);
    let meta: Vec<&str> = (0..doc.len())
        .map(|i| doc.line(&article, i))
        .filter(|l| l.kind == LineKind::Meta)
        .map(|l| l.text)
        .collect();
    assert_eq!(meta, ["日期: 来源:上海普陀", "收集编辑:上海普陀"]);
}
