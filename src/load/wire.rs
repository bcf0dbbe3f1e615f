//! Stand-in parser: whole file into `serde_json::Value`, then articles.

use std::io::Read;

use serde_json::Value;

use super::{LoadError, LoadEvent, Location, Problem, Severity, Source};
use crate::model::{ArticleBuilder, Batch, BlockKind, Date};

pub(super) fn stream(
    source: &Source,
    sink: &mut dyn FnMut(LoadEvent) -> bool,
) -> Result<(), LoadError> {
    let name = source.display_name();
    let mut bytes = Vec::new();
    match source {
        Source::Path(p) => {
            let mut f = std::fs::File::open(p).map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => LoadError::NotFound { path: name.clone() },
                _ => LoadError::Unreadable {
                    path: name.clone(),
                    reason: e.to_string(),
                },
            })?;
            f.read_to_end(&mut bytes)
                .map_err(|e| LoadError::Unreadable {
                    path: name.clone(),
                    reason: e.to_string(),
                })?;
        }
        Source::Embedded { bytes: b, .. } => bytes.extend_from_slice(b),
        Source::Stdin => {
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| LoadError::Unreadable {
                    path: name.clone(),
                    reason: e.to_string(),
                })?;
        }
    }
    let text = String::from_utf8_lossy(&bytes);
    let text = text.trim_start_matches('\u{feff}');
    let value: Value = serde_json::from_str(text).map_err(|e| LoadError::Syntax {
        path: name.clone(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let items = match value {
        Value::Array(a) => a,
        Value::Object(mut o) => {
            if let Some(Value::String(t)) = o.get("title") {
                sink(LoadEvent::Title(clean(t)));
            }
            match o.remove("articles") {
                Some(Value::Array(a)) => a,
                _ => Vec::new(),
            }
        }
        _ => Vec::new(),
    };
    let mut batch = Batch::default();
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (n, item) in items.iter().enumerate() {
        let id = match item.get("id") {
            Some(Value::String(s)) => clean(s),
            Some(Value::Number(n)) => n.to_string(),
            _ => format!("#{}", n + 1),
        };
        let mut b = ArticleBuilder::new();
        b.id(&id);
        let s = |k: &str| {
            item.get(k)
                .and_then(Value::as_str)
                .map(clean)
                .unwrap_or_default()
        };
        b.title(&s("title"))
            .source(&s("source"))
            .editor(&s("editor"))
            .author(&s("author"));
        b.summary(&s("summary"))
            .url(&s("url"))
            .date(Date::parse(&s("date")));
        b.views(item.get("views").and_then(Value::as_u64));
        match item.get("category") {
            Some(Value::Array(a)) => {
                for c in a.iter().filter_map(Value::as_str) {
                    b.category_level(&clean(c));
                }
            }
            Some(Value::String(c)) => {
                for part in c.split(['>', '/']).map(str::trim).filter(|p| !p.is_empty()) {
                    b.category_level(&clean(part));
                }
            }
            _ => {}
        }
        match item.get("body") {
            Some(Value::String(body)) => {
                for p in body.split('\n').map(str::trim).filter(|p| !p.is_empty()) {
                    b.block(BlockKind::Paragraph, &clean(p), "");
                }
            }
            Some(Value::Array(blocks)) => {
                for block in blocks {
                    let kind = match block.get("type").and_then(Value::as_str) {
                        Some("heading") => BlockKind::Heading,
                        Some("image") => BlockKind::Image,
                        Some("quote") => BlockKind::Quote,
                        _ => BlockKind::Paragraph,
                    };
                    let t = block
                        .get("text")
                        .and_then(Value::as_str)
                        .map(clean)
                        .unwrap_or_default();
                    let src = block
                        .get("src")
                        .and_then(Value::as_str)
                        .map(clean)
                        .unwrap_or_default();
                    b.block(kind, &t, &src);
                }
            }
            _ => {}
        }
        if let Some(Value::Array(r)) = item.get("related") {
            for v in r {
                match v {
                    Value::String(s) => b.related(&clean(s)),
                    Value::Number(n) => b.related(&n.to_string()),
                    _ => &mut b,
                };
            }
        }
        match b.build() {
            Ok(a) if seen.insert(a.id().to_owned()) => batch.articles.push(a),
            Ok(_) => problems.push(problem(&id, "duplicate id".into())),
            Err(e) => problems.push(problem(&id, e.to_string())),
        }
    }
    if !problems.is_empty() {
        sink(LoadEvent::Problems(problems));
    }
    sink(LoadEvent::Batch(batch));
    Ok(())
}

fn problem(id: &str, message: String) -> Problem {
    Problem {
        severity: Severity::Error,
        location: Location::Article(id.to_owned()),
        message,
    }
}

fn clean(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .collect()
}
