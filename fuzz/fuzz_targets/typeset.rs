//! Fuzzes the layout: any text, any width, any indent, either ambiguous width.
//!
//! Checks what must hold for every input: no panic, lines in order on grapheme
//! boundaries, nothing lost but spaces, zero-width characters and forced breaks
//! between lines, no line wider than its room (but for a lone cluster wider than the
//! whole width), truncation never over its limit, and a Document whose every line
//! fits.

#![no_main]

use libfuzzer_sys::fuzz_target;
use reader::i18n::Lang;
use reader::model::{ArticleBuilder, BlockKind};
use reader::text::classes::{is_forced_break, is_space};
use reader::text::{AmbiguousWidth, Document, DocumentOptions, Measure, wrap};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

fn width(s: &str, amb: AmbiguousWidth) -> usize {
    s.graphemes(true)
        .map(|g| match amb {
            AmbiguousWidth::Narrow => g.width(),
            AmbiguousWidth::Wide => g.width_cjk(),
        })
        .sum()
}

fuzz_target!(|data: &[u8]| {
    let [w, indent, flags, rest @ ..] = data else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let w = usize::from(*w % 130);
    let indent = usize::from(*indent % 20);
    let amb = if flags & 1 == 0 {
        AmbiguousWidth::Narrow
    } else {
        AmbiguousWidth::Wide
    };
    let measure = Measure { ambiguous: amb };

    let lines = wrap(text, w, indent, measure);
    assert!(!lines.is_empty());
    let boundaries: Vec<usize> = text
        .grapheme_indices(true)
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let gap_ok = |g: &str| {
        g.graphemes(true)
            .all(|g| g.chars().all(|c| is_space(c) || is_forced_break(c)) || width(g, amb) == 0)
    };
    let mut prev = 0;
    for (i, r) in lines.iter().enumerate() {
        assert!(
            r.start >= prev && r.end >= r.start && r.end <= text.len(),
            "{lines:?}"
        );
        assert!(
            boundaries.binary_search(&r.start).is_ok() && boundaries.binary_search(&r.end).is_ok()
        );
        assert!(
            gap_ok(&text[prev..r.start]),
            "lost {:?}",
            &text[prev..r.start]
        );
        let line = &text[r.clone()];
        let room = if i == 0 {
            w.max(1).saturating_sub(indent)
        } else {
            w.max(1)
        };
        let visible = line.graphemes(true).filter(|g| width(g, amb) > 0).count();
        assert!(
            width(line, amb) <= room || (visible == 1 && width(line, amb) > w.max(1)),
            "{line:?} at {w}"
        );
        prev = r.end;
    }
    assert!(gap_ok(&text[prev..]));

    let cut = measure.truncate(text, w);
    assert!(measure.width(&cut) <= w);
    assert_eq!(measure.width(text), width(text, amb));

    if flags & 2 != 0 {
        let mut b = ArticleBuilder::new();
        b.id("f")
            .title("t")
            .author(text)
            .block(BlockKind::Paragraph, text, "");
        b.block(BlockKind::Image, text, "")
            .block(BlockKind::Quote, text, "")
            .block(BlockKind::Heading, text, "");
        let article = b.build().expect("id and title given");
        let options = DocumentOptions {
            width: w,
            indent: indent % 9,
            measure,
        };
        let doc = Document::new(&article, &[text], Lang::Zh.labels(), options);
        for i in 0..doc.len() {
            let l = doc.line(&article, i);
            let cells = l.lead + l.marker.map_or(0, |m| measure.width(m)) + measure.width(l.text);
            let lone = l.lead == 0
                && l.marker.is_none()
                && l.text.graphemes(true).filter(|g| width(g, amb) > 0).count() == 1;
            assert!(cells <= w.max(1) || lone, "{l:?} at {w}");
        }
    }
});
