//! Telling JSONL from a collection object when the file's name does not say.

use serde::Deserialize;
use serde::de::IgnoredAny;

use crate::load::scan::skip_space;

/// How far to look for the end of the first line when guessing JSONL.
const SNIFF_LIMIT: usize = 16 << 20;

/// Whether input starting with `{` is JSONL: its first line is a whole object without
/// an `articles` field and the next non-blank line starts another object. `None`
/// asks for more input.
pub(super) fn sniff(input: &[u8], eof: bool) -> Option<bool> {
    let more = |limit_hit: bool| if eof || limit_hit { Some(false) } else { None };
    let Some(nl) = memchr::memchr(b'\n', input) else {
        return more(input.len() > SNIFF_LIMIT);
    };
    if !first_line_is_article(&input[..nl]) {
        return Some(false);
    }
    let next = skip_space(input, nl + 1);
    if next == input.len() {
        return more(input.len() > SNIFF_LIMIT);
    }
    Some(input[next] == b'{')
}

fn first_line_is_article(line: &[u8]) -> bool {
    #[derive(Deserialize)]
    struct Probe {
        articles: Option<IgnoredAny>,
    }
    matches!(
        serde_json::from_slice::<Probe>(line),
        Ok(Probe { articles: None })
    )
}
