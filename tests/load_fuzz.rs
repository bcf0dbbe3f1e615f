//! Mutated collections thrown at the loader: it never panics, every error and problem
//! it reports is located inside the input, its messages are clean, and JSON that
//! serde_json accepts is never called a syntax error. The cargo-fuzz target in
//! `fuzz/` runs the same loader on arbitrary bytes for longer.

use proptest::prelude::*;
use reader::load::{LoadError, Location, load_bytes};

const SEEDS: [(&str, &str); 3] = [
    (
        "a.json",
        r#"[
  {"id": 1, "title": "普陀桃浦", "category": "情感 > 故事", "date": "2024-01-02 10:00",
   "views": 12, "related": [2, "3"], "tags": ["a"], "body": "第一段。\n第二段。"},
  {"id": "2", "title": "二", "body": [{"type": "heading", "text": "小标题"},
   {"type": "image", "text": "桃浦中央绿地", "src": "a.jpg"}], "url": "https://e.x/2"},
  {"id": 3, "title": "三\u001b[31m", "summary": "摘要", "source": "上海普陀", "x": {"y": [1e5]}}
]
"#,
    ),
    (
        "b.json",
        "{\"title\": \"合集\", \"articles\": [{\"id\": 1, \"title\": \"一\"}, {\"id\": 2, \"title\": \"二\"}], \"v\": 1}\n",
    ),
    (
        "c.jsonl",
        "{\"id\": 1, \"title\": \"一\"}\n{\"id\": 2, \"title\": \"二\", \"views\": 5}\n\n{\"id\": 3, \"title\": \"三\"}\n",
    ),
];

const INTERESTING: &[u8] = b"{}[]\",:\\\n\r 0-e.utnfl\x00\x1b\xff\xed\xa0\xe4";

#[derive(Clone, Debug)]
enum Mutation {
    Set(usize, u8),
    Insert(usize, u8),
    Delete(usize, usize),
    Repeat(usize, usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let byte = prop::sample::select(INTERESTING);
    prop_oneof![
        (any::<usize>(), byte.clone()).prop_map(|(at, b)| Mutation::Set(at, b)),
        (any::<usize>(), byte).prop_map(|(at, b)| Mutation::Insert(at, b)),
        (any::<usize>(), 1..8usize).prop_map(|(at, n)| Mutation::Delete(at, n)),
        (any::<usize>(), 1..40usize).prop_map(|(at, n)| Mutation::Repeat(at, n)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len().max(1);
        match *m {
            Mutation::Set(at, b) if !bytes.is_empty() => bytes[at % len] = b,
            Mutation::Insert(at, b) => bytes.insert(at % (bytes.len() + 1), b),
            Mutation::Delete(at, n) if !bytes.is_empty() => {
                let at = at % len;
                bytes.drain(at..(at + n).min(bytes.len()));
            }
            Mutation::Repeat(at, n) if !bytes.is_empty() => {
                let at = at % len;
                let piece = bytes[at..(at + n).min(bytes.len())].to_vec();
                bytes.splice(at..at, piece);
            }
            Mutation::Truncate(at) => bytes.truncate(at % (bytes.len() + 1)),
            _ => {}
        }
    }
    bytes
}

/// Whether (line, column) lies in `input`: an existing line, and a column from the
/// first character to just past the last (columns count characters).
fn inside(input: &[u8], line: usize, column: usize) -> bool {
    let Some(text) = input.split(|&b| b == b'\n').nth(line.wrapping_sub(1)) else {
        return false;
    };
    let chars = text.iter().filter(|&&b| (b as i8) >= -0x40).count();
    (1..=chars + 1).contains(&column)
}

fn clean(message: &str) -> bool {
    !message
        .chars()
        .any(|c| c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
}

fn check(name: &str, input: &[u8]) -> Result<(), TestCaseError> {
    match load_bytes(name, input) {
        Ok(loaded) => {
            for p in &loaded.problems {
                let shown = p.display(name).to_string();
                prop_assert!(clean(&shown), "{shown:?}");
                if let Location::Position { line, column } = p.location {
                    prop_assert!(inside(input, line, column), "{shown} is outside the input");
                }
            }
        }
        Err(e) => {
            prop_assert!(clean(&e.to_string()), "{e:?}");
            let LoadError::Syntax { line, column, .. } = e else {
                return Err(TestCaseError::fail(format!("in-memory input gave {e:?}")));
            };
            prop_assert!(inside(input, line, column), "{e} is outside the input");
            let json = serde_json::from_slice::<serde::de::IgnoredAny>(input).is_ok();
            let array = input.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[');
            prop_assert!(
                !(json && array && name.ends_with(".json")),
                "valid JSON refused: {e}"
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn mutated_collections_are_handled(
        seed in 0..SEEDS.len(),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let (name, text) = SEEDS[seed];
        let input = apply(text.as_bytes().to_vec(), &mutations);
        check(name, &input)?;
        // The same bytes read as JSONL go down the per-line path.
        check("same.jsonl", &input)?;
    }

    #[test]
    fn arbitrary_bytes_are_handled(input in prop::collection::vec(any::<u8>(), 0..200)) {
        check("x.json", &input)?;
        check("x.jsonl", &input)?;
    }
}

#[test]
fn the_seeds_load_cleanly() {
    for (name, text) in SEEDS {
        let loaded = load_bytes(name, text.as_bytes()).unwrap();
        assert!(!loaded.collection.is_empty(), "{name}");
    }
}
