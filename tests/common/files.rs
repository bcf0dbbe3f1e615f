//! Writing test collections and reading what the reader says about them.

use std::path::Path;

use super::run::Run;

/// A file named `name` holding `bytes` in `dir`; returns its path as text.
pub fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_owned()
}

/// The `LINE:COL` of the first `PATH:LINE:COL: ` in `text`.
pub fn location(text: &str, path: &str) -> Option<(usize, usize)> {
    text.match_indices(&format!("{path}:")).find_map(|(at, m)| {
        let rest = &text[at + m.len()..];
        let mut parts = rest.splitn(3, ':');
        let line = parts.next()?.parse().ok()?;
        let column = parts.next()?.parse().ok()?;
        parts.next()?.starts_with(' ').then_some((line, column))
    })
}

/// Whether `text` names article `id` of `path` as DESIGN.md says.
pub fn names_article(text: &str, path: &str, id: &str) -> bool {
    text.contains(&format!("{path}: article {id}:"))
}

/// The ids `--list` printed, after checking its format: the tree, a blank line, then
/// one line per article with exactly four tab-separated fields.
pub fn listed_ids(run: &Run) -> Vec<String> {
    let out = run.out();
    let (_, articles) = out
        .split_once("\n\n")
        .unwrap_or_else(|| panic!("no blank line after the tree:\n{out}"));
    articles
        .lines()
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 4, "--list line {line:?}");
            fields[0].to_owned()
        })
        .collect()
}
