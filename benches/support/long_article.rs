//! The long article the frame and typesetting benchmarks lay out: about 1 MB of real
//! corpus text.

use reader::model::{ArticleBuilder, BlockKind};

/// An article of about 1 MB of `sentences`: paragraphs of five sentences, repeated, a
/// heading every ten paragraphs and an image every twenty. Returned unbuilt, for the
/// caller to add what its benchmark needs (a date, a category).
pub fn long_article(id: &str, sentences: &[&str]) -> ArticleBuilder {
    let mut b = ArticleBuilder::new();
    b.id(id)
        .title("普陀桃浦持续做好地区转型发展大文章")
        .author("通讯员 陶萱");
    let (mut size, mut n) = (0, 0);
    while size < 1_000_000 {
        for chunk in sentences.chunks(5) {
            if n % 10 == 0 {
                b.block(
                    BlockKind::Heading,
                    "以靠谱的精神，加强科创引领，推动高质量发展",
                    "",
                );
            }
            if n % 20 == 0 {
                b.block(BlockKind::Image, "“祁连山路创新产业发展带”地图", "map.jpg");
            }
            let text = chunk.concat();
            size += text.len();
            b.block(BlockKind::Paragraph, &text, "");
            n += 1;
        }
    }
    b
}
