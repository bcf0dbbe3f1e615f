//! The hostile text fixture and long text built from it at test time (kept out of the
//! repository: a 200 KB paragraph has no place in it).

use std::path::{Path, PathBuf};

/// Every attack in every shown field (see SECURITY.md).
pub const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/hostile/text.json"
);

/// A word of 3,000 Latin letters.
pub fn long_word() -> String {
    prefix(
        &"Donaudampfschifffahrtsgesellschaftskapitän".repeat(72),
        3000,
    )
}

/// The first `n` characters of `s`.
pub fn prefix(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// 200 KB of letters and digits with no break opportunity at all.
pub fn huge_paragraph() -> String {
    "abcdefghijklmnopqrstuvwxyz0123456789".repeat(200 * 1024 / 36)
}

/// The huge paragraph as the article holds it, marked at both ends.
pub fn huge_text() -> String {
    format!("MARK-huge{}END-huge", huge_paragraph())
}

/// The fixture plus two articles of long text, written to `dir`.
pub fn with_long_text(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    let mut collection: serde_json::Value = serde_json::from_str(&text).unwrap();
    let articles = collection["articles"].as_array_mut().unwrap();
    articles.push(serde_json::json!({
        "id": "longword", "title": format!("长单词 {}", prefix(&long_word(), 120)),
        "date": "2024-04-02", "category": ["长文"], "source": prefix(&long_word(), 60),
        "summary": long_word(),
        "body": [{"type": "paragraph", "text": format!("MARK-longword {}", long_word())}]
    }));
    articles.push(serde_json::json!({
        "id": "huge", "title": "长段落", "date": "2024-04-01", "category": ["长文"],
        "summary": "二十万字节没有空格的段落",
        "body": [{"type": "paragraph", "text": huge_text()}]
    }));
    let path = dir.join("hostile-long.json");
    std::fs::write(&path, serde_json::to_string(&collection).unwrap()).unwrap();
    path
}
