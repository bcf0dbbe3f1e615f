//! Bad and hostile collection files (issue 5 "Files"): each gives the exit code class,
//! a located message without escape codes, and keeps the valid articles while
//! reporting the ones left out.

use std::path::{Path, PathBuf};

use reader::load::{LoadError, Loaded, Location, Severity, Source, load};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/load")
        .join(name)
}

fn load_fixture(name: &str) -> Result<Loaded, LoadError> {
    load(&Source::Path(fixture(name)))
}

fn loaded(name: &str) -> Loaded {
    load_fixture(name).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The error, checked to be a clean one-line message.
fn error(name: &str) -> LoadError {
    let e = load_fixture(name).map(|l| l.collection.len()).unwrap_err();
    assert_clean(&e.to_string());
    e
}

/// Every problem as `--check` prints it (with the path shown as `F`).
fn shown(loaded: &Loaded) -> Vec<String> {
    let lines: Vec<String> = loaded
        .problems
        .iter()
        .map(|p| p.display("F").to_string())
        .collect();
    lines.iter().for_each(|l| assert_clean(l));
    lines
}

fn ids(loaded: &Loaded) -> Vec<&str> {
    loaded
        .collection
        .articles()
        .iter()
        .map(|a| a.id())
        .collect()
}

/// No character a terminal would act on, nothing invisible but the joiners
/// (U+200C, U+200D) that emoji and some scripts need, and one line.
fn assert_clean(text: &str) {
    let bad = text.chars().find(|&c| {
        c.is_control()
            || matches!(c,
                '\u{AD}' | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{E0000}'..='\u{E007F}')
    });
    assert!(
        bad.is_none(),
        "{text:?} holds U+{:04X}",
        bad.map_or(0, |c| c as u32)
    );
}

fn syntax_at(e: &LoadError) -> (usize, usize) {
    match e {
        LoadError::Syntax { line, column, .. } => (*line, *column),
        other => panic!("not a syntax error: {other:?}"),
    }
}

#[test]
fn a_syntax_error_names_path_line_and_column() {
    let e = error("syntax-error.json");
    assert_eq!(e.exit_code(), 65);
    assert_eq!(syntax_at(&e), (3, 26));
    let path = fixture("syntax-error.json").display().to_string();
    assert!(e.to_string().starts_with(&format!("{path}:3:26: ")), "{e}");
}

#[test]
fn truncated_and_trailing_garbage_are_located() {
    let e = error("truncated.json");
    assert_eq!((syntax_at(&e), e.exit_code()), ((3, 41), 65));
    assert!(e.to_string().contains("cut short"), "{e}");
    let e = error("trailing-garbage.json");
    assert_eq!(syntax_at(&e), (3, 1));
}

#[test]
fn wrong_top_level_types_are_located() {
    assert_eq!(syntax_at(&error("top-number.json")), (1, 1));
    assert_eq!(syntax_at(&error("top-string.json")), (1, 1));
    assert_eq!(syntax_at(&error("object-without-articles.json")), (4, 1));
    assert_eq!(syntax_at(&error("articles-not-array.json")), (1, 29));
    assert_eq!(syntax_at(&error("utf16.json")), (1, 1));
}

#[test]
fn an_empty_file_is_an_error_but_empty_jsonl_and_empty_arrays_are_not() {
    assert_eq!(error("empty.json").exit_code(), 65);
    assert_eq!(syntax_at(&error("whitespace.json")), (3, 1));
    for name in [
        "empty.jsonl",
        "zero-articles.json",
        "zero-articles-object.json",
    ] {
        let l = loaded(name);
        assert!(l.collection.is_empty() && l.problems.is_empty(), "{name}");
    }
    assert_eq!(
        loaded("zero-articles-object.json")
            .collection
            .title
            .as_deref(),
        Some("空合集")
    );
}

#[test]
fn deep_nesting_is_a_located_problem_not_a_crash() {
    let l = loaded("deep-nesting.json");
    assert!(l.collection.is_empty());
    assert_eq!(
        shown(&l),
        ["F:1:2: article #1: an array, not an article object; left out"]
    );
    let l = loaded("deep-in-article.json");
    assert_eq!(ids(&l), ["1"]);
    assert!(shown(&l).contains(&"F: article 2: field \"body\" must be a string or an array of blocks, but item 1 is an array; left out".to_owned()));
}

#[test]
fn broken_text_is_repaired_and_reported() {
    let l = loaded("lone-surrogate.json");
    assert_eq!(ids(&l), ["1", "2"]);
    let first = &l.collection.articles()[0];
    assert_eq!(first.title(), "孤\u{FFFD}立");
    assert_eq!(first.blocks().next().unwrap().text, "a\u{FFFD}b");
    let l = loaded("invalid-utf8.json");
    assert_eq!(l.collection.articles()[0].title(), "中\u{FFFD}\u{FFFD}文");
    let warnings: Vec<_> = l
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Warning)
        .collect();
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].location, Location::Article("1".into()));
    // Outside a string, broken UTF-8 is broken JSON.
    assert_eq!(syntax_at(&error("invalid-utf8-outside.json")), (1, 26));
}

#[test]
fn big_numbers_keep_their_digits_or_are_reported() {
    let l = loaded("big-numbers.json");
    assert_eq!(ids(&l), ["123456789012345678901234567890", "5"]);
    assert_eq!(l.collection.articles()[1].views(), Some(u64::MAX));
    assert_eq!(
        shown(&l),
        [
            "F: article 2: field \"views\" must be a non-negative integer, found the number 1e400; left out",
            "F: article 3: field \"views\" must be a non-negative integer, found the number 2.5; left out",
            "F:5:1: article #4: field \"id\" must be a string or an integer, found the number 4.5; left out",
        ]
    );
}

#[test]
fn duplicate_ids_keep_the_first() {
    let l = loaded("duplicate-ids.json");
    assert_eq!(ids(&l), ["a", "b", "7"]);
    assert_eq!(l.collection.articles()[0].title(), "第一");
    assert_eq!(
        shown(&l),
        [
            "F: article a: duplicate id, already used by article #1 in the file; left out",
            "F: article 7: duplicate id, already used by article #4 in the file; left out",
        ]
    );
}

#[test]
fn missing_null_empty_and_mistyped_titles_leave_the_article_out() {
    let l = loaded("titles.json");
    assert_eq!(ids(&l), ["6"]);
    assert_eq!(
        shown(&l),
        [
            "F: article 1: missing title; left out",
            "F: article 2: missing title; left out",
            "F: article 3: empty title; left out",
            "F: article 4: empty title; left out",
            "F: article 5: field \"title\" must be a string, found the number 5; left out",
        ]
    );
}

#[test]
fn negative_views_leave_the_article_out() {
    let l = loaded("negative-views.json");
    assert_eq!(ids(&l), ["2"]);
    assert_eq!(l.problems.len(), 1);
    assert_eq!(l.problems[0].severity, Severity::Error);
    assert!(l.problems[0].message.contains("\"views\""));
}

#[test]
fn wrong_types_name_the_field_and_keep_the_rest() {
    let l = loaded("wrong-types.json");
    assert_eq!(ids(&l), ["8"]);
    let lines = shown(&l);
    assert_eq!(lines.len(), 7);
    for (line, field) in lines
        .iter()
        .zip(["category", "tags", "body", "related", "date", "id"])
    {
        assert!(line.contains(&format!("field \"{field}\"")), "{line}");
        assert!(line.ends_with("; left out"), "{line}");
    }
    assert_eq!(
        lines[6],
        "F:8:1: article #7: a string, not an article object; left out"
    );
    assert!(l.problems.iter().all(|p| p.severity == Severity::Error));
}

#[test]
fn warnings_keep_the_article() {
    let l = loaded("warnings.json");
    assert_eq!(ids(&l), ["1", "2"]);
    assert!(l.problems.iter().all(|p| p.severity == Severity::Warning));
    let lines = shown(&l);
    // "lang" is unknown in both articles but reported once.
    assert_eq!(lines.iter().filter(|l| l.contains("\"lang\"")).count(), 1);
    assert!(
        lines
            .contains(&"F: article 1: warning: related id \"nowhere\" names no article".to_owned())
    );
    assert!(lines.iter().any(|l| l.contains("unknown type \"video\"")));
    assert_eq!(l.collection.articles()[1].title(), "重复标题");
}

#[test]
fn forms_bom_object_and_jsonl() {
    assert_eq!(ids(&loaded("bom.json")), ["1"]);
    let l = loaded("object.json");
    assert_eq!(l.collection.title.as_deref(), Some("合集标题"));
    let a = &l.collection.articles()[0];
    assert_eq!(a.category_path().collect::<Vec<_>>(), ["情感", "故事"]);
    assert_eq!(
        a.blocks().map(|b| b.text).collect::<Vec<_>>(),
        ["第一段", "第二段"]
    );
    assert_eq!(
        shown(&l),
        ["F:11:2: warning: unknown field \"generator\" of the collection object ignored"]
    );
    assert_eq!(ids(&loaded("sniffed-lines.json")), ["1", "2"]);
}

#[test]
fn a_broken_jsonl_line_is_one_article_left_out() {
    let l = loaded("lines.jsonl");
    assert_eq!(ids(&l), ["1", "3", "5"]);
    assert_eq!(
        shown(&l),
        [
            "F:3:22: not valid JSON: EOF while parsing an object; line left out",
            "F:5:1: article #4: an array, not an article object; left out",
        ]
    );
}

#[test]
fn hostile_text_is_cleaned_in_every_shown_field() {
    let l = loaded("hostile.json");
    assert_eq!(l.collection.len(), 2);
    assert_clean(l.collection.title.as_deref().unwrap());
    for a in l.collection.articles() {
        let mut fields = vec![
            a.id(),
            a.title(),
            a.source(),
            a.editor(),
            a.author(),
            a.summary(),
            a.url(),
        ];
        fields.extend(a.category_path());
        fields.extend(a.tags());
        fields.extend(a.related_ids());
        for block in a.blocks() {
            fields.extend([block.text, block.src]);
        }
        for field in fields {
            assert_clean(field);
            let marks = field.chars().filter(|&c| c == '\u{301}').count();
            assert!(
                marks <= reader::load::MAX_COMBINING_MARKS as usize,
                "{marks} marks"
            );
        }
    }
    // Kept: the ZWJ family and the flag.
    assert!(
        l.collection.articles()[0]
            .title()
            .contains("👨\u{200D}👩\u{200D}👧🇨🇳")
    );
    let body: Vec<_> = l.collection.articles()[1]
        .blocks()
        .map(|b| b.text)
        .collect();
    assert!(
        body.len() >= 5,
        "CR, CRLF, U+2028 and U+2029 split paragraphs: {body:?}"
    );
    shown(&l);
}

#[test]
fn problems_display_in_the_check_format() {
    let l = loaded("titles.json");
    let p = &l.problems[0];
    assert_eq!(
        p.display("a.json").to_string(),
        "a.json: article 1: missing title; left out"
    );
    let l = loaded("deep-nesting.json");
    assert_eq!(
        l.problems[0].display("a.json").to_string(),
        "a.json:1:2: article #1: an array, not an article object; left out"
    );
}

#[test]
fn a_raw_control_character_in_a_string_is_invalid_json() {
    let e = error("raw-control.json");
    assert_eq!(syntax_at(&e), (3, 26));
    assert!(e.to_string().contains("U+0009"), "{e}");
    let l = loaded("raw-control.jsonl");
    assert_eq!(ids(&l), ["1", "3"]);
    assert_eq!(shown(&l).len(), 1);
    assert!(shown(&l)[0].starts_with("F:2:24: not valid JSON: a raw control character (U+0009)"));
}

#[test]
fn long_words_and_paragraphs_load_whole() {
    let word = "x".repeat(3000);
    let paragraph = "字".repeat(70_000); // 210 KB without a space
    let json = serde_json::json!([{"id": 1, "title": word, "body": paragraph}]).to_string();
    let l = reader::load::load_bytes("long.json", json.as_bytes()).unwrap();
    let a = &l.collection.articles()[0];
    assert_eq!(a.title(), word);
    assert_eq!(
        a.blocks().map(|b| b.text).collect::<Vec<_>>(),
        [paragraph.as_str()]
    );
}

#[test]
fn the_built_in_sample_loads_without_errors() {
    let l = load(&reader::load::SAMPLE).unwrap();
    let errors: Vec<_> = l
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}
