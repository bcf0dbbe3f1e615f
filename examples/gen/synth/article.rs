//! A generated [`Doc`] as the article the loader would build from it.

use reader::model::{Article, ArticleBuilder, BlockKind, Date};

use super::{Category, Doc, Id};

impl Doc {
    /// The article the loader makes of this object.
    pub fn to_article(&self) -> Article {
        let mut b = ArticleBuilder::new();
        match &self.id {
            Id::Number(n) => b.id(&n.to_string()),
            Id::Text(s) => b.id(s),
        };
        b.title(&self.title);
        match &self.category {
            Some(Category::Path(levels)) => levels.iter().for_each(|l| {
                b.category_level(l);
            }),
            Some(Category::Joined(s)) => s.split(['>', '/']).for_each(|l| {
                b.category_level(l.trim());
            }),
            None => {}
        }
        b.date(self.date.as_deref().and_then(Date::parse))
            .source(self.source.unwrap_or(""))
            .editor(self.editor.unwrap_or(""))
            .author(self.author.as_deref().unwrap_or(""))
            .summary(self.summary.as_deref().unwrap_or(""))
            .url(self.url.as_deref().unwrap_or(""))
            .views(self.views);
        self.related.iter().for_each(|id| {
            b.related(id);
        });
        self.tags.iter().for_each(|t| {
            b.tag(t);
        });
        self.body.add_to(&mut b);
        b.build().expect("generated articles are valid")
    }
}

/// The block kinds' names in the collection format.
pub fn block_kind(name: &str) -> BlockKind {
    match name {
        "heading" => BlockKind::Heading,
        "image" => BlockKind::Image,
        "quote" => BlockKind::Quote,
        _ => BlockKind::Paragraph,
    }
}
