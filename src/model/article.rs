//! One article, stored compactly: all of its text lives in a single buffer and the
//! fields are byte ranges into it, so a collection of 100,000 articles costs one
//! allocation per article for text rather than one per field.

use std::sync::Arc;

use super::Date;

/// A byte range into an article's text buffer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Span {
    start: u32,
    end: u32,
}

/// What a body block is, as the collection format names it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// Ordinary running text.
    #[default]
    Paragraph,
    /// A sub-heading inside the article.
    Heading,
    /// An image, shown as a placeholder with its caption.
    Image,
    /// A quotation set apart from the running text.
    Quote,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct BlockSpan {
    kind: BlockKind,
    text: Span,
    src: Span,
}

/// A body block borrowed from its article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block<'a> {
    /// What the block is.
    pub kind: BlockKind,
    /// The block's text (an image's caption); may be empty for an image.
    pub text: &'a str,
    /// An image's source address; empty when there is none.
    pub src: &'a str,
}

/// Why an article cannot be built.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ArticleError {
    /// The id is missing or empty.
    #[error("missing id")]
    MissingId,
    /// The title is missing or empty.
    #[error("missing title")]
    MissingTitle,
    /// The article's text does not fit the compact store (over 4 GiB).
    #[error("article text is larger than 4 GiB")]
    TooLarge,
}

/// A validated article. Build one with [`ArticleBuilder`].
///
/// Cloning is cheap (the fields are shared), so the indexing thread can hold the
/// articles the screen already shows without a second copy of their text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article(Arc<Fields>);

#[derive(Debug, PartialEq, Eq)]
struct Fields {
    text: Box<str>,
    id: Span,
    title: Span,
    source: Span,
    editor: Span,
    author: Span,
    summary: Span,
    url: Span,
    date: Option<Date>,
    views: Option<u64>,
    category: Box<[Span]>,
    blocks: Box<[BlockSpan]>,
    related: Box<[Span]>,
    tags: Box<[Span]>,
}

impl Article {
    fn get(&self, span: Span) -> &str {
        &self.0.text[span.start as usize..span.end as usize]
    }

    /// The stable identity, unique in its collection.
    pub fn id(&self) -> &str {
        self.get(self.0.id)
    }

    /// The title; never empty.
    pub fn title(&self) -> &str {
        self.get(self.0.title)
    }

    /// 来源: where the article comes from; empty when unknown.
    pub fn source(&self) -> &str {
        self.get(self.0.source)
    }

    /// 收集编辑: who edited it; empty when unknown.
    pub fn editor(&self) -> &str {
        self.get(self.0.editor)
    }

    /// 作者 / 通讯员: the byline; empty when unknown.
    pub fn author(&self) -> &str {
        self.get(self.0.author)
    }

    /// The excerpt given in the collection; empty when none was given
    /// (see [`Article::excerpt`] for one that falls back to the body).
    pub fn summary(&self) -> &str {
        self.get(self.0.summary)
    }

    /// The excerpt to show in lists and panels: the summary, else the first
    /// paragraph of the body, else empty.
    pub fn excerpt(&self) -> &str {
        if self.0.summary.start != self.0.summary.end {
            return self.summary();
        }
        self.blocks()
            .find(|b| b.kind == BlockKind::Paragraph && !b.text.is_empty())
            .map_or("", |b| b.text)
    }

    /// The article's address on the web; empty when unknown.
    pub fn url(&self) -> &str {
        self.get(self.0.url)
    }

    /// When it was published, if known.
    pub fn date(&self) -> Option<Date> {
        self.0.date
    }

    /// How often it was read, if known.
    pub fn views(&self) -> Option<u64> {
        self.0.views
    }

    /// The category path below the root, e.g. `["情感", "故事"]`; empty for none.
    pub fn category_path(&self) -> impl ExactSizeIterator<Item = &str> + Clone {
        self.0.category.iter().map(|&s| self.get(s))
    }

    /// The body, block by block.
    pub fn blocks(&self) -> Blocks<'_> {
        Blocks {
            article: self,
            inner: self.0.blocks.iter(),
        }
    }

    /// Body block `n`, if there is one.
    pub fn block(&self, n: usize) -> Option<Block<'_>> {
        self.0.blocks.get(n).map(|b| Block {
            kind: b.kind,
            text: self.get(b.text),
            src: self.get(b.src),
        })
    }

    /// How many blocks the body has.
    pub fn block_count(&self) -> usize {
        self.0.blocks.len()
    }

    /// The ids this article names as related, in the order given.
    pub fn related_ids(&self) -> impl ExactSizeIterator<Item = &str> + Clone {
        self.0.related.iter().map(|&s| self.get(s))
    }

    /// Free-form tags.
    pub fn tags(&self) -> impl ExactSizeIterator<Item = &str> + Clone {
        self.0.tags.iter().map(|&s| self.get(s))
    }

    /// Bytes of text the article holds (all fields together).
    pub fn text_len(&self) -> usize {
        self.0.text.len()
    }
}

/// Iterator over an article's body blocks.
#[derive(Clone, Debug)]
pub struct Blocks<'a> {
    article: &'a Article,
    inner: std::slice::Iter<'a, BlockSpan>,
}

impl<'a> Iterator for Blocks<'a> {
    type Item = Block<'a>;

    fn next(&mut self) -> Option<Block<'a>> {
        let b = self.inner.next()?;
        Some(Block {
            kind: b.kind,
            text: self.article.get(b.text),
            src: self.article.get(b.src),
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl ExactSizeIterator for Blocks<'_> {}

/// Collects an article's fields into one buffer, then checks them in [`build`].
///
/// The builder stores text as given: cleaning untrusted text is the loader's job and
/// happens before the text reaches it.
///
/// [`build`]: ArticleBuilder::build
#[derive(Debug, Default)]
pub struct ArticleBuilder {
    text: String,
    id: Span,
    title: Span,
    source: Span,
    editor: Span,
    author: Span,
    summary: Span,
    url: Span,
    date: Option<Date>,
    views: Option<u64>,
    category: Vec<Span>,
    blocks: Vec<BlockSpan>,
    related: Vec<Span>,
    tags: Vec<Span>,
    too_large: bool,
}

impl ArticleBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty builder with room for `bytes` of text, so that filling it does not
    /// copy the text again as it grows (a loader knows about how much is coming).
    pub fn with_capacity(bytes: usize) -> Self {
        ArticleBuilder {
            text: String::with_capacity(bytes),
            ..Self::default()
        }
    }

    fn push(&mut self, s: &str) -> Span {
        let start = self.text.len();
        self.text.push_str(s);
        match (u32::try_from(start), u32::try_from(self.text.len())) {
            (Ok(start), Ok(end)) => Span { start, end },
            _ => {
                self.too_large = true;
                Span::default()
            }
        }
    }

    /// Sets the id.
    pub fn id(&mut self, id: &str) -> &mut Self {
        self.id = self.push(id);
        self
    }

    /// Sets the title.
    pub fn title(&mut self, title: &str) -> &mut Self {
        self.title = self.push(title);
        self
    }

    /// Sets 来源.
    pub fn source(&mut self, source: &str) -> &mut Self {
        self.source = self.push(source);
        self
    }

    /// Sets 收集编辑.
    pub fn editor(&mut self, editor: &str) -> &mut Self {
        self.editor = self.push(editor);
        self
    }

    /// Sets the byline.
    pub fn author(&mut self, author: &str) -> &mut Self {
        self.author = self.push(author);
        self
    }

    /// Sets the excerpt.
    pub fn summary(&mut self, summary: &str) -> &mut Self {
        self.summary = self.push(summary);
        self
    }

    /// Sets the web address.
    pub fn url(&mut self, url: &str) -> &mut Self {
        self.url = self.push(url);
        self
    }

    /// Sets the publication date.
    pub fn date(&mut self, date: Option<Date>) -> &mut Self {
        self.date = date;
        self
    }

    /// Sets the view count.
    pub fn views(&mut self, views: Option<u64>) -> &mut Self {
        self.views = views;
        self
    }

    /// Appends one level to the category path.
    pub fn category_level(&mut self, name: &str) -> &mut Self {
        let span = self.push(name);
        self.category.push(span);
        self
    }

    /// Appends a body block.
    pub fn block(&mut self, kind: BlockKind, text: &str, src: &str) -> &mut Self {
        let text = self.push(text);
        let src = self.push(src);
        self.blocks.push(BlockSpan { kind, text, src });
        self
    }

    /// Appends a related article's id.
    pub fn related(&mut self, id: &str) -> &mut Self {
        let span = self.push(id);
        self.related.push(span);
        self
    }

    /// Appends a tag.
    pub fn tag(&mut self, tag: &str) -> &mut Self {
        let span = self.push(tag);
        self.tags.push(span);
        self
    }

    /// Checks the fields and freezes them into an [`Article`].
    pub fn build(self) -> Result<Article, ArticleError> {
        if self.too_large {
            return Err(ArticleError::TooLarge);
        }
        if self.id.start == self.id.end {
            return Err(ArticleError::MissingId);
        }
        if self.text[self.title.start as usize..self.title.end as usize]
            .trim()
            .is_empty()
        {
            return Err(ArticleError::MissingTitle);
        }
        Ok(Article(Arc::new(Fields {
            text: self.text.into_boxed_str(),
            id: self.id,
            title: self.title,
            source: self.source,
            editor: self.editor,
            author: self.author,
            summary: self.summary,
            url: self.url,
            date: self.date,
            views: self.views,
            category: self.category.into_boxed_slice(),
            blocks: self.blocks.into_boxed_slice(),
            related: self.related.into_boxed_slice(),
            tags: self.tags.into_boxed_slice(),
        })))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Article {
        let mut b = ArticleBuilder::new();
        b.id("42")
            .title("普陀桃浦持续做好地区转型发展大文章")
            .source("上海普陀")
            .category_level("情感")
            .category_level("故事")
            .block(BlockKind::Heading, "桃浦重点项目一览", "")
            .block(BlockKind::Paragraph, "作为全市转型发展重点地区。", "")
            .block(BlockKind::Image, "桃浦中央绿地", "a.jpg")
            .related("7")
            .related("8");
        b.build().unwrap()
    }

    #[test]
    fn fields_read_back_as_given() {
        let a = sample();
        assert_eq!(a.id(), "42");
        assert_eq!(a.title(), "普陀桃浦持续做好地区转型发展大文章");
        assert_eq!(a.source(), "上海普陀");
        assert_eq!(a.editor(), "");
        assert_eq!(a.category_path().collect::<Vec<_>>(), ["情感", "故事"]);
        assert_eq!(a.related_ids().collect::<Vec<_>>(), ["7", "8"]);
        let blocks: Vec<_> = a.blocks().collect();
        assert_eq!(blocks.len(), 3);
        assert_eq!(blocks[2].kind, BlockKind::Image);
        assert_eq!(blocks[2].text, "桃浦中央绿地");
        assert_eq!(blocks[2].src, "a.jpg");
    }

    #[test]
    fn excerpt_falls_back_to_first_paragraph() {
        let a = sample();
        assert_eq!(a.summary(), "");
        assert_eq!(a.excerpt(), "作为全市转型发展重点地区。");
    }

    #[test]
    fn refuses_missing_id_and_blank_title() {
        let mut b = ArticleBuilder::new();
        b.title("t");
        assert_eq!(b.build(), Err(ArticleError::MissingId));
        let mut b = ArticleBuilder::new();
        b.id("1").title("  ");
        assert_eq!(b.build(), Err(ArticleError::MissingTitle));
    }
}
