//! The README's key table is the keymap: this test fails when they disagree, and
//! prints the table the keymap implies.

use reader::app::keymap::{KEYMAP, Scope};
use reader::i18n::Lang;

fn expected_rows() -> Vec<String> {
    KEYMAP
        .iter()
        .map(|b| {
            let scope = match b.scope {
                Scope::Browse => "",
                Scope::Search => "while typing a search: ",
                Scope::Help => "in the help: ",
                Scope::Always => "anywhere: ",
            };
            format!("| `{}` | {scope}{} |", b.keys_label(), b.describe(Lang::En))
        })
        .collect()
}

#[test]
fn readme_key_table_matches_the_keymap() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("| keys | what they do |")
        .expect("key table in README");
    let table: Vec<&str> = readme[start..]
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .collect();
    let expected = expected_rows();
    assert_eq!(
        table,
        expected,
        "README key table should read:\n{}",
        expected.join("\n")
    );
}
