//! Word lists for the synthetic collections: categories, sources, bylines, places, and
//! a few sentence templates with Latin letters in both widths (so folding matters).

/// Top-level categories and their children (8 × 3–6).
pub const CATEGORIES: [(&str, &str, &[&str]); 8] = [
    ("新闻", "news", &["国内", "国际", "社会", "评论"]),
    ("财经", "finance", &["股市", "宏观", "公司", "理财", "楼市"]),
    ("科技", "tech", &["互联网", "通信", "人工智能", "数码"]),
    ("体育", "sports", &["足球", "篮球", "综合"]),
    (
        "文化",
        "culture",
        &["读书", "艺术", "历史", "非遗", "影视", "音乐"],
    ),
    ("教育", "edu", &["高考", "校园", "留学"]),
    ("健康", "health", &["医疗", "养生", "食品安全", "心理"]),
    ("情感", "life", &["故事", "婚恋", "家庭"]),
];

/// 来源; the first two are wire services, whose stories open with a dateline.
pub const SOURCES: [&str; 10] = [
    "新华社",
    "中新社",
    "人民网",
    "澎湃新闻",
    "上海普陀",
    "解放日报",
    "光明网",
    "央视新闻",
    "财新网",
    "第一财经",
];

/// Names for editors and correspondents.
pub const NAMES: [&str; 16] = [
    "陶萱", "张明", "李华", "王芳", "刘洋", "陈静", "杨帆", "赵磊", "黄蕾", "周婷", "吴昊", "徐佳",
    "孙悦", "马骏", "朱琳", "胡斌",
];

/// Places for datelines and templates.
pub const PLACES: [&str; 13] = [
    "北京", "上海", "广州", "深圳", "杭州", "南京", "成都", "武汉", "西安", "重庆", "天津", "香港",
    "台北",
];

/// Tags drawn at random.
pub const TAGS: [&str; 12] = [
    "民生",
    "改革",
    "创新",
    "城市更新",
    "绿色发展",
    "数字经济",
    "乡村振兴",
    "消费",
    "就业",
    "文旅",
    "科普",
    "国际合作",
];

/// Ways to write `GDP`, `AI` and `5G`: the folding must make each group match itself.
pub const GDP: [&str; 3] = ["GDP", "ＧＤＰ", "Gdp"];
/// See [`GDP`].
pub const AI: [&str; 3] = ["AI", "ＡＩ", "人工智能"];
/// See [`GDP`].
pub const FIVE_G: [&str; 2] = ["5G", "５Ｇ"];

/// Sentences of the generator's own, filled in with a place, a number and the Latin
/// words above: `{p}` place, `{n}` digit, `{g}` GDP, `{a}` AI, `{5}` 5G.
pub const TEMPLATES: [&str; 4] = [
    "数据显示，{p}前三季度{g}同比增长{n}.{n}%，高于市场预期。",
    "{p}将加快推进{5}网络与{a}应用建设，打造数字经济新高地。",
    "业内人士认为，{a}技术的发展将深刻改变{p}的产业格局。",
    "今年以来，{p}经济运行总体平稳，{g}总量稳居全国前列。",
];
