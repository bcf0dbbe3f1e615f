//! The collection loader on arbitrary bytes, read both as JSON and as JSONL: it must
//! not panic, and nothing it says may carry a control character.

#![no_main]

use libfuzzer_sys::fuzz_target;
use reader::load::load_bytes;

fn clean(message: &str) -> bool {
    !message.chars().any(char::is_control)
}

fuzz_target!(|data: &[u8]| {
    for name in ["fuzz.json", "fuzz.jsonl"] {
        match load_bytes(name, data) {
            Ok(loaded) => {
                for problem in &loaded.problems {
                    assert!(clean(&problem.display(name).to_string()));
                }
                for article in loaded.collection.articles() {
                    assert!(!article.title().chars().any(|c| c.is_control()));
                }
            }
            Err(e) => assert!(clean(&e.to_string())),
        }
    }
});
