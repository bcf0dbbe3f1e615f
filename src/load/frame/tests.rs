//! Unit tests for [`super`].

use super::*;

/// Frames `input` fed in pieces cut at `cuts`, as the reader does: what a call
/// does not use is given again at the start of the next one. Frames come back
/// with offsets into the whole input.
fn frame_in_pieces(input: &[u8], hint: Hint, cuts: &[usize]) -> Result<Vec<Frame>, FrameError> {
    let mut framer = Framer::new(hint);
    let mut all = Vec::new();
    let mut start = 0;
    let ends = cuts.iter().copied().chain([input.len()]);
    for end in ends {
        let eof = end == input.len();
        let mut frames = Vec::new();
        let fed = framer.feed(&input[start..end.max(start)], eof, &mut frames);
        all.extend(frames.into_iter().map(|f| Frame {
            start: f.start + start,
            end: f.end + start,
            ..f
        }));
        match fed {
            Ok(used) => start += used,
            Err(e) => {
                return Err(FrameError {
                    offset: e.offset + start,
                    ..e
                });
            }
        }
    }
    Ok(all)
}

fn frames(input: &str) -> Vec<(FrameKind, u64, &str)> {
    frame_in_pieces(input.as_bytes(), Hint::Sniff, &[])
        .unwrap()
        .into_iter()
        .map(|f| (f.kind, f.ordinal, &input[f.start..f.end]))
        .collect()
}

fn fails_at(input: &str, hint: Hint) -> (usize, String) {
    let e = frame_in_pieces(input.as_bytes(), hint, &[]).unwrap_err();
    (e.offset, e.message)
}

#[test]
fn frames_the_elements_of_an_array() {
    let got = frames(" [ {\"a\": \"]\"} , 1,\"x\" ,[2]]\n");
    let want = [
        (FrameKind::Article, 1, "{\"a\": \"]\"}"),
        (FrameKind::Article, 2, "1"),
        (FrameKind::Article, 3, "\"x\""),
        (FrameKind::Article, 4, "[2]"),
    ];
    assert_eq!(got, want);
    assert!(frames("[]").is_empty());
}

#[test]
fn frames_the_collection_object() {
    let input =
        r#"{"title": "T", "x": {"articles": [1]}, "articles": [{"id": 1}], "articles": []}"#;
    let got = frames(input);
    let want = [
        (FrameKind::Title, 0, "\"T\""),
        (FrameKind::UnknownKey, 0, "\"x\""),
        (FrameKind::Article, 1, "{\"id\": 1}"),
        (FrameKind::RepeatedArticles, 0, "\"articles\""),
    ];
    assert_eq!(got, want);
}

#[test]
fn frames_lines_by_name_or_by_content() {
    let input = "{\"id\": 1}\n\n  \n{\"id\": 2}\r\n{broken";
    let got = frame_in_pieces(input.as_bytes(), Hint::Lines, &[]).unwrap();
    let lines: Vec<_> = got.iter().map(|f| &input[f.start..f.end]).collect();
    assert_eq!(lines, ["{\"id\": 1}", "{\"id\": 2}\r", "{broken"]);
    // Without the name: an article object on the first line, another after it.
    assert_eq!(frames("{\"id\": 1}\n{\"id\": 2}\n").len(), 2);
    assert_eq!(frames("{\"id\": 1}\n{\"id\": 2}\n")[0].0, FrameKind::Line);
    // A one-line collection object is not JSONL.
    assert_eq!(
        frames("{\"articles\": [{\"id\": 1}]}\n")[0].0,
        FrameKind::Article
    );
    // Nor is a lone object: it is a collection object without articles.
    assert!(
        fails_at("{\"id\": 1}\n", Hint::Sniff)
            .1
            .contains("no \"articles\"")
    );
}

#[test]
fn any_split_of_the_input_frames_the_same() {
    let inputs: [(&str, Hint); 3] = [
        (
            r#"[{"t":"中\"]文"}, {"b":[1,{"c":"}"}]}, 7, "s\\"]"#,
            Hint::Sniff,
        ),
        (
            r#"{"title":"标题","articles":[{"id":1},{"id":2}],"z":null}"#,
            Hint::Sniff,
        ),
        ("{\"id\":1}\n{\"id\":2}\n\n{\"id\":3}", Hint::Lines),
    ];
    for (input, hint) in inputs {
        let bytes = input.as_bytes();
        let whole = frame_in_pieces(bytes, hint, &[]).unwrap();
        for cut in 0..bytes.len() {
            assert_eq!(
                frame_in_pieces(bytes, hint, &[cut]).unwrap(),
                whole,
                "{input} cut at {cut}"
            );
        }
        let every_byte: Vec<usize> = (1..bytes.len()).collect();
        assert_eq!(
            frame_in_pieces(bytes, hint, &every_byte).unwrap(),
            whole,
            "{input}"
        );
    }
}

#[test]
fn grammar_errors_point_at_the_offending_byte() {
    assert_eq!(fails_at("[1,]", Hint::Sniff).0, 3);
    assert_eq!(fails_at("[1 2]", Hint::Sniff).0, 3);
    assert_eq!(fails_at("[1] x", Hint::Sniff).0, 4);
    assert_eq!(fails_at("[,1]", Hint::Sniff).0, 1);
    assert_eq!(fails_at("{\"articles\" []}", Hint::Sniff).0, 12);
    assert_eq!(fails_at("{\"articles\": 5}", Hint::Sniff).0, 13);
    assert_eq!(fails_at("{\"title\": \"x\"}", Hint::Sniff).0, 13);
    assert_eq!(fails_at("{}", Hint::Sniff).0, 1);
    assert_eq!(fails_at("true", Hint::Sniff).0, 0);
    assert_eq!(fails_at("  ", Hint::Sniff).0, 2);
    assert_eq!(fails_at("[{\"a\":1}", Hint::Sniff).0, 8);
}

#[test]
fn a_raw_control_character_in_a_string_is_an_error() {
    let (at, message) = fails_at("[{\"id\": 1}, {\"t\": \"a\tb\"}]", Hint::Sniff);
    assert_eq!(at, 20);
    assert!(message.contains("U+0009"), "{message}");
    // Outside strings, tabs and newlines are whitespace.
    assert_eq!(frames("[\t{\"id\":\r\n1}\t]").len(), 1);
}

#[test]
fn a_value_cut_short_is_framed_then_reported() {
    let input = b"[{\"id\": 1}, {\"id\": [[[";
    let mut frames = Vec::new();
    let e = Framer::new(Hint::Sniff)
        .feed(input, true, &mut frames)
        .unwrap_err();
    assert_eq!(e.offset, input.len());
    assert_eq!(frames.len(), 2);
    assert_eq!(frames[1].end, input.len());
}

#[test]
fn empty_jsonl_is_fine() {
    assert!(frame_in_pieces(b"", Hint::Lines, &[]).unwrap().is_empty());
    assert!(
        frame_in_pieces(b"\n\n", Hint::Lines, &[])
            .unwrap()
            .is_empty()
    );
}
