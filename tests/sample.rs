//! The built-in sample (`data/articles.json`, compiled into the binary): its content is
//! the seed news page, and these tests pin that content down through the public API.

use std::collections::HashSet;

use reader::load::{SAMPLE, Source, load};
use reader::model::{Article, BlockKind, Collection};
use serde_json::Value;

const MAIN_ID: &str = "putuo-taopu";
const MAIN_TITLE: &str = "普陀桃浦持续做好地区转型发展大文章";

/// The page's 相关阅读, in page order.
const RELATED: [&str; 3] = [
    "普陀区召开2023年度公共文化建设工作会议",
    "陕西省果业中心赴安康调研果业产业发展",
    "普陀内环PK杨浦内环!未来谁更强?!",
];
const HOT: &str = "甘肃漳县:干部情撒麦田 助力夏粮归仓";
/// The page's 最新文章, in page order (the main article first).
const LATEST: [&str; 4] = [
    MAIN_TITLE,
    "注意!贵港执法行动,重点严查这些行为",
    "集团化办学的“三中格局”:打造家门口的好学校",
    "春风送暖,松江地产小番茄“抢鲜”上市",
];

fn sample() -> Collection {
    let loaded = load(&SAMPLE).expect("the sample loads");
    assert_eq!(loaded.problems, [], "the sample has no problems");
    loaded.collection
}

fn by_title<'c>(c: &'c Collection, title: &str) -> &'c Article {
    let found: Vec<_> = c.articles().iter().filter(|a| a.title() == title).collect();
    assert_eq!(found.len(), 1, "{title:?} appears {} times", found.len());
    found[0]
}

fn main_article(c: &Collection) -> &Article {
    c.get(c.find(MAIN_ID).expect("the main article is there"))
}

fn texts(a: &Article, kind: BlockKind) -> Vec<&str> {
    a.blocks()
        .filter(|b| b.kind == kind)
        .map(|b| b.text)
        .collect()
}

#[test]
fn holds_every_article_the_page_names_once() {
    let c = sample();
    assert_eq!(c.title.as_deref(), Some("上海普陀新闻示例"));
    // 3 related + 1 hot + 4 latest, the main article being one of the latest.
    assert_eq!(c.len(), 8);
    let ids: HashSet<&str> = c.articles().iter().map(Article::id).collect();
    assert_eq!(ids.len(), c.len(), "ids are unique");
    for title in RELATED.iter().chain([&HOT]).chain(&LATEST) {
        by_title(&c, title);
    }
}

#[test]
fn main_article_has_the_page_meta() {
    let c = sample();
    let a = main_article(&c);
    assert_eq!(a.title(), MAIN_TITLE);
    assert_eq!(a.category_path().collect::<Vec<_>>(), ["情感", "故事"]);
    assert_eq!(a.source(), "上海普陀");
    assert_eq!(a.editor(), "上海普陀");
    assert_eq!(a.author(), "通讯员 陶萱");
    // The page prints `日期:` with nothing after it.
    assert_eq!(a.date(), None);
    assert!(
        a.summary()
            .starts_with("2023桃浦发展目标更明确!桃浦重点项目一览作为全市")
    );
    assert!(a.summary().ends_with("将坚持“一张蓝图绘到底”,持续"));
}

#[test]
fn main_article_body_is_the_page_text() {
    let c = sample();
    let a = main_article(&c);
    assert_eq!(a.block_count(), 25);
    let first = a.block(0).unwrap();
    assert_eq!(
        (first.kind, first.text),
        (BlockKind::Heading, "2023桃浦发展目标更明确!")
    );
    assert_eq!(
        texts(a, BlockKind::Heading),
        [
            "2023桃浦发展目标更明确!",
            "以靠谱的精神,加强科创引领,推动高质量发展",
            "以靠谱的作风,办好民生实事,打造高品质环境",
            "以靠谱的担当,锤炼能力作风,锻造高素质干部队伍",
        ]
    );
    assert_eq!(
        texts(a, BlockKind::Image),
        [
            "桃浦重点项目一览",
            "“祁连山路创新产业发展带”地图",
            "智创TOP",
            "共商区域发展",
            "桃浦中央绿地",
            "桃浦老年护理院",
            "从“李子园”到“中以园”",
            "未来岛园区",
        ]
    );
    assert!(
        a.blocks().all(|b| b.src.is_empty()),
        "the page gives no image sources"
    );
    let paragraphs = texts(a, BlockKind::Paragraph);
    assert_eq!(paragraphs.len(), 13);
    assert_eq!(
        paragraphs[0],
        "作为全市转型发展重点地区,承载着“中心城区转型升级示范区、上海科技创新中心重要承载区”使命的桃浦,将坚持“一张蓝图绘到底”,持续做好地区转型发展的大文章,加快打造科技创新新亮点,建设转型升级示范区。"
    );
    assert_eq!(
        paragraphs[12],
        "站在新征程新起点,桃浦镇将继续发扬“靠谱”精神,努力将“桃浦的明天更美好”愿景落实为施工图、实景画,努力书写桃浦高质量发展新篇章,为普陀发展作出更大贡献。"
    );
    // The byline lives in `author`, not in the text.
    assert!(a.blocks().all(|b| !b.text.contains("通讯员")));
    // The text as a whole: its length and the page's own punctuation, ASCII commas
    // kept as written (no fullwidth comma): a fingerprint of the paragraphs between
    // the first and the last.
    let all: String = paragraphs.concat();
    assert_eq!(all.chars().count(), 1144);
    assert_eq!(all.matches(',').count(), 51);
    assert_eq!(all.matches('，').count(), 0);
    assert_eq!(all.matches('。').count(), 21);
    assert_eq!(all.matches('“').count(), 30);
    assert!(paragraphs[1].starts_with("紧紧盯牢镇域范围内的20000余家,践行"));
}

#[test]
fn main_article_names_the_pages_related_reading_in_order() {
    let c = sample();
    let a = main_article(&c);
    let titles: Vec<&str> = a
        .related_ids()
        .map(|id| c.get(c.find(id).expect("related id resolves")).title())
        .collect();
    assert_eq!(titles, RELATED);
}

#[test]
fn other_articles_are_their_excerpts() {
    let c = sample();
    for a in c.articles().iter().filter(|a| a.id() != MAIN_ID) {
        assert!(!a.summary().is_empty(), "{}: has a summary", a.id());
        let body: Vec<_> = a.blocks().map(|b| (b.kind, b.text)).collect();
        assert_eq!(body, [(BlockKind::Paragraph, a.summary())], "{}", a.id());
        assert_eq!(a.category_path().len(), 2, "{}: two-level category", a.id());
        assert!(a.date().is_some(), "{}: dated", a.id());
        for id in a.related_ids() {
            assert!(c.find(id).is_some(), "{}: related {id} resolves", a.id());
        }
    }
    let related = by_title(&c, RELATED[0]);
    assert_eq!(
        related.summary(),
        "3月13日下午,2023年普陀区公共文化建设工作会议召开,研究部署全区公共文化建设工作,深化公共文化服务高质量发展先行区建设。区委常委、宣传部部长刘东昌出席并讲话,副区长王珏"
    );
    let hot = by_title(&c, HOT);
    assert!(
        hot.summary()
            .starts_with("炎炎夏日,农事繁忙;麦穗飘香,颗粒归仓。")
    );
    assert!(hot.summary().ends_with("扎实细"));
}

#[test]
fn the_page_category_names_stay_few() {
    let c = sample();
    let tops: HashSet<&str> = c
        .articles()
        .iter()
        .filter_map(|a| a.category_path().next())
        .collect();
    assert!(tops.len() <= 6, "top-level categories: {tops:?}");
}

#[test]
fn hot_and_latest_match_the_page() {
    let c = sample();
    let hottest = c
        .articles()
        .iter()
        .max_by_key(|a| a.views())
        .expect("not empty");
    assert_eq!(hottest.title(), HOT);
    assert!(main_article(&c).views().is_some_and(|v| v > 0));
    let views: HashSet<_> = c.articles().iter().map(Article::views).collect();
    assert_eq!(views.len(), c.len(), "no ties in 热门文章");

    // Newest first, undated last: the page's latest three dated articles lead, and
    // the undated main article comes after every dated one.
    let mut dated: Vec<&Article> = c.articles().iter().filter(|a| a.date().is_some()).collect();
    dated.sort_by_key(|a| std::cmp::Reverse(a.date()));
    let newest: Vec<&str> = dated.iter().take(3).map(|a| a.title()).collect();
    assert_eq!(newest, LATEST[1..]);
    assert_eq!(dated.len(), c.len() - 1, "only the main article is undated");
}

/// Every string in the raw JSON, before the loader cleans anything.
fn raw_strings() -> Vec<String> {
    let Source::Embedded { bytes, .. } = SAMPLE else {
        panic!("the sample is compiled in");
    };
    let value: Value = serde_json::from_slice(bytes).expect("the sample is JSON");
    let mut out = Vec::new();
    let mut stack = vec![&value];
    while let Some(v) = stack.pop() {
        match v {
            Value::String(s) => out.push(s.clone()),
            Value::Array(a) => stack.extend(a),
            Value::Object(o) => {
                out.extend(o.keys().cloned());
                stack.extend(o.values());
            }
            _ => {}
        }
    }
    out
}

#[test]
fn raw_file_keeps_the_empty_date_and_raw_ids_are_unique() {
    let Source::Embedded { bytes, .. } = SAMPLE else {
        panic!("the sample is compiled in");
    };
    let value: Value = serde_json::from_slice(bytes).unwrap();
    let articles = value["articles"].as_array().expect("object form");
    let main = articles
        .iter()
        .find(|a| a["id"] == MAIN_ID)
        .expect("main article");
    // Present and empty, as on the page, not left out.
    assert_eq!(main["date"], "");
    let ids: HashSet<&str> = articles.iter().filter_map(|a| a["id"].as_str()).collect();
    assert_eq!(ids.len(), articles.len(), "every raw id is a unique string");
}

#[test]
fn no_text_holds_a_control_or_invisible_character() {
    // Checked on the raw file: the loader would strip these, hiding bad data.
    let invisible = |c: char| {
        c.is_control()
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}')
    };
    let strings = raw_strings();
    assert!(strings.len() > 100, "walked the whole file");
    for s in strings {
        assert!(!s.chars().any(invisible), "invisible character in {s:?}");
    }
}
