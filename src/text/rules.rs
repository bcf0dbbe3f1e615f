//! Character classes of Chinese line composition (W3C clreq basic level, JIS X 4051).
//!
//! These are the tailorings laid over the Unicode line breaking algorithm: characters
//! that must not start a line, characters that must not end one, pairs that must never
//! be split, and the characters a too-long URL is best broken after. Each is a plain
//! predicate so the layout, the tests and the documentation can name the same rule.

/// Must not start a line: closing brackets and quotes, pause and stop marks, and the
/// signs that follow a number (clreq 3.1.7, JIS X 4051 cl-02, cl-04 to cl-07, cl-11),
/// plus small kana, the prolonged sound mark and iteration marks where Japanese appears.
pub fn no_start(c: char) -> bool {
    matches!(
        c,
        // Chinese and full-width punctuation.
        '，' | '。' | '、' | '；' | '：' | '？' | '！' | '．' | '｡' | '､'
            | '）' | '］' | '｝' | '」' | '』' | '】' | '》' | '〉' | '〕' | '〗' | '〙' | '〛'
            | '〞' | '〟' | '｣' | '｠' | '”' | '’'
            // Signs that belong to the number before them.
            | '％' | '‰' | '‱' | '℃' | '℉' | '°' | '′' | '″'
            // Middle dots between the parts of a foreign name.
            | '·' | '・' | '･'
            // ASCII closers and stops.
            | ',' | '.' | ';' | ':' | '?' | '!' | ')' | ']' | '}' | '%'
            // Japanese: small kana, prolonged sound mark, iteration marks.
            | 'ぁ' | 'ぃ' | 'ぅ' | 'ぇ' | 'ぉ' | 'っ' | 'ゃ' | 'ゅ' | 'ょ' | 'ゎ' | 'ゕ' | 'ゖ'
            | 'ァ' | 'ィ' | 'ゥ' | 'ェ' | 'ォ' | 'ッ' | 'ャ' | 'ュ' | 'ョ' | 'ヮ' | 'ヵ' | 'ヶ'
            | 'ㇰ'..='ㇿ' | 'ｧ'..='ｯ' | 'ー' | 'ｰ' | '々' | '〻' | 'ゝ' | 'ゞ' | 'ヽ' | 'ヾ'
    )
}

/// Must not end a line: opening brackets and quotes, and currency signs that go before
/// a number (clreq 3.1.7, JIS X 4051 cl-01).
pub fn no_end(c: char) -> bool {
    matches!(
        c,
        '（' | '［'
            | '｛'
            | '「'
            | '『'
            | '【'
            | '《'
            | '〈'
            | '〔'
            | '〖'
            | '〘'
            | '〚'
            | '〝'
            | '｢'
            | '｟'
            | '“'
            | '‘'
            | '('
            | '['
            | '{'
            | '￥'
            | '＄'
            | '£'
            | '￡'
    )
}

/// Whether `a` followed by `b` is one of the marks that are doubled and must never be
/// split across lines: `——`, `⸺⸺`, `……`, `⋯⋯` and their kin.
pub fn inseparable(a: char, b: char) -> bool {
    a == b && matches!(a, '—' | '―' | '⸺' | '⸻' | '…' | '⋯' | '‥' | '─' | '━')
}

/// Spaces a line break consumes: they hang past the end of a line, take no room there,
/// and are left out of the line's text.
pub fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}'
}

/// Characters that force a line break (UAX #14 classes BK, CR, LF, NL); the break
/// consumes them.
pub fn is_forced_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// After these a URL or path that is longer than the line is best broken.
pub fn url_break_after(c: char) -> bool {
    matches!(c, '/' | '?' | '&' | '=')
}

/// A Han ideograph of the basic block or Extension A (UAX #14 class ID).
#[inline]
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// Ideographs, kana, CJK punctuation and full-width forms: the characters that make
/// text Chinese (or Japanese) for the quotation-mark rule below.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}'
        | '\u{3000}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF01}'..='\u{FF60}'
        | '\u{20000}'..='\u{3FFFF}'
    )
}

/// A break UAX #14 refuses but Chinese composition allows: before an opening `“ ‘`
/// that follows an ideograph and opens something, or after a closing `” ’` that closes
/// something and is followed by an ideograph. `inner` is the character on the inner
/// side of the quotation mark (what the opener opens, what the closer closes);
/// `before` and `after` are the characters either side of the break.
///
/// UAX #14 (rule LB19a) keeps a quotation mark with its neighbours unless both sides
/// are East Asian, as it cannot tell Chinese quotes from English ones; so `智创“TOP”产城`
/// or `优化“3+10”片区` would be one unbreakable run. With Chinese text on the outside
/// of the quote, the quotes are Chinese and the break is as legal as between
/// ideographs. A mark with a space on its inner side is not opening or closing
/// anything (German `‚白人‘ –` closes with `‘`) and keeps the UAX #14 answer.
pub fn chinese_quote_break(before: char, after: char, inner: char) -> bool {
    let opens = matches!(after, '“' | '‘') && is_cjk(before);
    let closes = matches!(before, '”' | '’') && is_cjk(after);
    (opens || closes) && !is_space(inner) && inner != '\0'
}

/// ASCII or full-width decimal digit.
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Full-width Latin letter or digit: the segmenter treats each as an ideograph, but a
/// run of them is a word (`ＧＤＰ`, `２０２３`).
pub fn is_fullwidth_alnum(c: char) -> bool {
    matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

/// Between two digits these are part of the number: `３．５`, `１０：３０`.
pub fn is_number_separator(c: char) -> bool {
    matches!(c, '．' | '：' | '.' | ':' | ',')
}

/// Before a digit these are the number's sign: `＋５`, `－３`, `−２`, `±１`.
pub fn is_number_sign(c: char) -> bool {
    matches!(c, '＋' | '－' | '−' | '±' | '+' | '-' | '#' | '＃' | '№')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issue_lists_are_covered() {
        for c in "，。、；：？！）］｝」』】》〉〕〗〙〟”’％‰℃°·・,.;:?!)]}%".chars()
        {
            assert!(no_start(c), "{c} may start a line");
        }
        for c in "（［｛「『【《〈〔〖〘〝“‘([{￥＄£".chars() {
            assert!(no_end(c), "{c} may end a line");
        }
    }

    #[test]
    fn no_character_is_both_opener_and_closer() {
        for c in '\0'..=char::MAX {
            assert!(!(no_start(c) && no_end(c)), "{c}");
        }
    }

    #[test]
    fn doubled_marks_only() {
        assert!(inseparable('—', '—'));
        assert!(inseparable('…', '…'));
        assert!(inseparable('⋯', '⋯'));
        assert!(!inseparable('—', '…'));
        assert!(!inseparable('中', '中'));
    }
}
