//! The words of the chrome, in Chinese (the seed page's own) and English.

/// Which language the chrome speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// 中文, the default.
    #[default]
    Zh,
    /// English.
    En,
}

/// Every label the reader shows around the articles.
#[derive(Debug)]
pub struct Labels {
    /// The root of the category tree.
    pub home: &'static str,
    /// Before the breadcrumb.
    pub location: &'static str,
    /// Meta line: date.
    pub date: &'static str,
    /// Meta line: source.
    pub source: &'static str,
    /// Meta line: editor.
    pub editor: &'static str,
    /// Meta line: author.
    pub author: &'static str,
    /// The category pane.
    pub categories: &'static str,
    /// The article list pane.
    pub articles: &'static str,
    /// The article pane.
    pub article: &'static str,
    /// 相关阅读.
    pub related: &'static str,
    /// 热门文章.
    pub hot: &'static str,
    /// 最新文章.
    pub latest: &'static str,
    /// Search prompt and results.
    pub search: &'static str,
    /// Title of the help overlay.
    pub help: &'static str,
    /// Placeholder before an image caption.
    pub image: &'static str,
    /// Shown where a list or pane has nothing.
    pub empty: &'static str,
    /// Shown when the collection holds no article at all.
    pub no_articles: &'static str,
    /// Articles left out at load.
    pub left_out: &'static str,
    /// Shown when the terminal is too small to use.
    pub too_small: &'static str,
    /// While the collection is still loading.
    pub loading: &'static str,
    /// Back with no article read before.
    pub no_history: &'static str,
    /// `n` without a search.
    pub no_search: &'static str,
    /// `n` past the last match.
    pub no_more_matches: &'static str,
    /// Search results: no match.
    pub no_results: &'static str,
    /// Unit after an article count.
    pub articles_unit: &'static str,
    /// Where a search has found nothing yet but is still running.
    pub searching: &'static str,
    /// Status while the search index is still being built.
    pub indexing: &'static str,
    /// What the article pane says before an article is opened.
    pub welcome_hint: &'static str,
    /// Short pane names for the tab bar: categories, list, article, related, hot, latest.
    pub tabs: [&'static str; 6],
}

impl Lang {
    /// The labels for this language.
    pub fn labels(self) -> &'static Labels {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

static ZH: Labels = Labels {
    home: "首页",
    location: "当前位置:",
    date: "日期:",
    source: "来源:",
    editor: "收集编辑:",
    author: "作者:",
    categories: "分类",
    articles: "文章",
    article: "正文",
    related: "相关阅读",
    hot: "热门文章",
    latest: "最新文章",
    search: "搜索",
    help: "帮助",
    image: "［图］",
    empty: "（无）",
    no_articles: "这个文集里没有文章",
    left_out: "篇未载入",
    too_small: "窗口太小",
    loading: "载入中",
    no_history: "没有上一篇",
    no_search: "没有进行中的搜索（按 / 搜索）",
    no_more_matches: "没有更多匹配",
    no_results: "没有找到",
    articles_unit: "篇",
    searching: "搜索中",
    indexing: "索引中",
    welcome_hint: "选一篇文章按 Enter 阅读，按 ? 查看全部按键",
    tabs: ["分类", "文章", "正文", "相关", "热门", "最新"],
};

static EN: Labels = Labels {
    home: "Home",
    location: "You are here: ",
    date: "Date: ",
    source: "Source: ",
    editor: "Editor: ",
    author: "By: ",
    categories: "Categories",
    articles: "Articles",
    article: "Article",
    related: "Related",
    hot: "Popular",
    latest: "Latest",
    search: "Search",
    help: "Help",
    image: "[image] ",
    empty: "(none)",
    no_articles: "This collection has no articles",
    left_out: "left out",
    too_small: "Window too small",
    loading: "Loading",
    no_history: "Nothing to go back to",
    no_search: "No search (press / to search)",
    no_more_matches: "No more matches",
    no_results: "No match",
    articles_unit: " articles",
    searching: "searching",
    indexing: "indexing",
    welcome_hint: "Pick an article and press Enter to read it; ? lists every key",
    tabs: ["Cats", "List", "Read", "Rel", "Hot", "New"],
};
