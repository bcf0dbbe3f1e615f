//! The one keymap table. Key handling, the `?` help overlay and the status-line hints
//! are all read from [`KEYMAP`], so they cannot disagree.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::Action;
use crate::i18n::Lang;

/// A key with its modifiers. Shift is folded into the character for letters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Control or Alt (Shift is part of `code` for characters).
    pub mods: KeyModifiers,
}

const fn ch(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

const fn code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Everywhere, before anything else.
    Always,
    /// The normal screen.
    Browse,
    /// While typing a search query.
    Search,
    /// While the help overlay is open.
    Help,
}

impl Scope {
    /// The order the help overlay lists the scopes in, each under a heading.
    pub const HELP_ORDER: [Scope; 4] = [Scope::Browse, Scope::Search, Scope::Help, Scope::Always];
}

/// Rows of the help overlay: a heading per scope and a row per binding.
pub fn help_rows() -> usize {
    Scope::HELP_ORDER.len() + KEYMAP.len()
}

/// One row of the keymap.
#[derive(Debug)]
pub struct Binding {
    /// Where it applies.
    pub scope: Scope,
    /// The keys, the first one shown first.
    pub keys: &'static [Key],
    /// What they do.
    pub action: Action,
    /// What to call it in help: Chinese, English.
    pub help: [&'static str; 2],
    /// Whether the status line advertises it.
    pub hint: bool,
}

impl Binding {
    /// The description in `lang`.
    pub fn describe(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.help[0],
            Lang::En => self.help[1],
        }
    }

    /// The keys as shown to people, e.g. `j ↓`.
    pub fn keys_label(&self) -> String {
        self.keys
            .iter()
            .map(key_label)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

macro_rules! bind {
    ($scope:ident, [$($key:expr),+], $action:ident, $zh:literal, $en:literal) => {
        bind!($scope, [$($key),+], $action, $zh, $en, false)
    };
    ($scope:ident, [$($key:expr),+], $action:ident, $zh:literal, $en:literal, $hint:literal) => {
        Binding {
            scope: Scope::$scope,
            keys: &[$($key),+],
            action: Action::$action,
            help: [$zh, $en],
            hint: $hint,
        }
    };
}

/// Every key binding of the reader.
pub static KEYMAP: &[Binding] = &[
    bind!(
        Browse,
        [ch('j'), code(KeyCode::Down)],
        MoveDown,
        "下移 / 向下滚动",
        "down / scroll down"
    ),
    bind!(
        Browse,
        [ch('k'), code(KeyCode::Up)],
        MoveUp,
        "上移 / 向上滚动",
        "up / scroll up"
    ),
    bind!(
        Browse,
        [ch('g'), code(KeyCode::Home)],
        MoveTop,
        "到开头",
        "to the top"
    ),
    bind!(
        Browse,
        [ch('G'), code(KeyCode::End)],
        MoveBottom,
        "到末尾",
        "to the end"
    ),
    bind!(
        Browse,
        [ch(' '), code(KeyCode::PageDown)],
        PageDown,
        "下一页",
        "page down"
    ),
    bind!(
        Browse,
        [ch('b'), code(KeyCode::PageUp)],
        PageUp,
        "上一页",
        "page up"
    ),
    bind!(
        Browse,
        [ctrl('d')],
        HalfPageDown,
        "下半页",
        "half a page down"
    ),
    bind!(Browse, [ctrl('u')], HalfPageUp, "上半页", "half a page up"),
    bind!(
        Browse,
        [code(KeyCode::Tab)],
        FocusNext,
        "下一个窗格",
        "next pane",
        true
    ),
    bind!(
        Browse,
        [code(KeyCode::BackTab)],
        FocusPrev,
        "上一个窗格",
        "previous pane"
    ),
    bind!(
        Browse,
        [ch('h'), code(KeyCode::Left)],
        FocusLeft,
        "左边的窗格",
        "pane to the left"
    ),
    bind!(
        Browse,
        [ch('l'), code(KeyCode::Right)],
        FocusRight,
        "右边的窗格",
        "pane to the right"
    ),
    bind!(Browse, [code(KeyCode::Enter)], Open, "打开", "open", true),
    bind!(
        Browse,
        [code(KeyCode::Backspace)],
        Back,
        "返回上一篇",
        "back",
        true
    ),
    bind!(Browse, [ch('/')], StartSearch, "搜索", "search", true),
    bind!(Browse, [ch('n')], NextMatch, "下一个匹配", "next match"),
    bind!(Browse, [ch('N')], PrevMatch, "上一个匹配", "previous match"),
    bind!(Browse, [ch('?')], ToggleHelp, "帮助", "help", true),
    bind!(
        Browse,
        [code(KeyCode::Esc)],
        Cancel,
        "关闭搜索结果",
        "close search results"
    ),
    bind!(Browse, [ch('q')], Quit, "退出", "quit", true),
    bind!(
        Search,
        [code(KeyCode::Enter)],
        SearchSubmit,
        "打开所选结果",
        "open the selected result",
        true
    ),
    bind!(
        Search,
        [code(KeyCode::Down), ctrl('n')],
        MoveDown,
        "下一个结果",
        "next result"
    ),
    bind!(
        Search,
        [code(KeyCode::Up), ctrl('p')],
        MoveUp,
        "上一个结果",
        "previous result"
    ),
    bind!(
        Search,
        [code(KeyCode::Backspace)],
        SearchDeleteChar,
        "删除一个字",
        "delete a character"
    ),
    bind!(
        Search,
        [code(KeyCode::Esc)],
        Cancel,
        "取消搜索，回到原处",
        "cancel, back to where you were",
        true
    ),
    bind!(
        Help,
        [ch('j'), code(KeyCode::Down)],
        MoveDown,
        "向下滚动",
        "scroll down"
    ),
    bind!(
        Help,
        [ch('k'), code(KeyCode::Up)],
        MoveUp,
        "向上滚动",
        "scroll up"
    ),
    bind!(
        Help,
        [ch(' '), code(KeyCode::PageDown)],
        PageDown,
        "向下翻页",
        "page down"
    ),
    bind!(
        Help,
        [ch('b'), code(KeyCode::PageUp)],
        PageUp,
        "向上翻页",
        "page up"
    ),
    bind!(
        Help,
        [code(KeyCode::Esc), ch('?'), ch('q')],
        ToggleHelp,
        "关闭帮助",
        "close help",
        true
    ),
    bind!(Always, [ctrl('c')], Interrupt, "立即退出", "quit at once"),
    bind!(
        Always,
        [ctrl('z')],
        Suspend,
        "挂起（fg 恢复）",
        "suspend (fg resumes)"
    ),
    bind!(Always, [ctrl('l')], Redraw, "重绘屏幕", "redraw the screen"),
];

/// The action for a key event in `scope`, if any. Typing in a search inserts text.
pub fn action_for(scope: Scope, event: KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let key = normalize(event);
    let found = |s: Scope| {
        KEYMAP
            .iter()
            .find(|b| b.scope == s && b.keys.contains(&key))
            .map(|b| b.action.clone())
    };
    if let Some(action) = found(Scope::Always) {
        return Some(action);
    }
    if let Some(action) = found(scope) {
        return Some(action);
    }
    match (scope, key.code) {
        (Scope::Search, KeyCode::Char(c)) if key.mods.is_empty() => {
            Some(Action::SearchInsert(c.to_string()))
        }
        _ => None,
    }
}

/// Folds Shift into characters (`G` arrives as Shift+`G`) and drops modifiers that
/// bindings do not use.
fn normalize(event: KeyEvent) -> Key {
    let mut mods = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
    let code = match event.code {
        KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
            KeyCode::Char(c.to_ascii_lowercase())
        }
        other => other,
    };
    if code == KeyCode::BackTab {
        mods = KeyModifiers::NONE;
    }
    Key { code, mods }
}

/// How a key is written in help: `j`, `Ctrl-d`, `↓`, `PgDn`.
pub fn key_label(key: &Key) -> String {
    let name = match key.code {
        KeyCode::Char(' ') => "Space".to_owned(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Down => "↓".to_owned(),
        KeyCode::Up => "↑".to_owned(),
        KeyCode::Left => "←".to_owned(),
        KeyCode::Right => "→".to_owned(),
        KeyCode::PageDown => "PgDn".to_owned(),
        KeyCode::PageUp => "PgUp".to_owned(),
        KeyCode::BackTab => "Shift-Tab".to_owned(),
        other => other.to_string(),
    };
    if key.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{name}")
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn vim_keys_and_arrows_agree() {
        let j = press(KeyCode::Char('j'), KeyModifiers::NONE);
        let down = press(KeyCode::Down, KeyModifiers::NONE);
        assert_eq!(action_for(Scope::Browse, j), Some(Action::MoveDown));
        assert_eq!(action_for(Scope::Browse, down), Some(Action::MoveDown));
        let shift_g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(action_for(Scope::Browse, shift_g), Some(Action::MoveBottom));
        let back_tab = press(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(action_for(Scope::Browse, back_tab), Some(Action::FocusPrev));
    }

    #[test]
    fn ctrl_c_quits_from_every_scope() {
        let c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for scope in [Scope::Browse, Scope::Search, Scope::Help] {
            assert_eq!(action_for(scope, c), Some(Action::Interrupt));
        }
    }

    #[test]
    fn typing_in_search_inserts_instead_of_acting() {
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(action_for(Scope::Browse, q), Some(Action::Quit));
        assert_eq!(
            action_for(Scope::Search, q),
            Some(Action::SearchInsert("q".into()))
        );
        let han = press(KeyCode::Char('发'), KeyModifiers::NONE);
        assert_eq!(
            action_for(Scope::Search, han),
            Some(Action::SearchInsert("发".into()))
        );
        let alt_x = press(KeyCode::Char('x'), KeyModifiers::ALT);
        assert_eq!(action_for(Scope::Search, alt_x), None);
    }

    #[test]
    fn releases_and_unbound_keys_do_nothing() {
        let mut j = press(KeyCode::Char('j'), KeyModifiers::NONE);
        j.kind = KeyEventKind::Release;
        assert_eq!(action_for(Scope::Browse, j), None);
        let f5 = press(KeyCode::F(5), KeyModifiers::NONE);
        assert_eq!(action_for(Scope::Browse, f5), None);
    }

    #[test]
    fn no_key_is_bound_twice_in_one_scope() {
        for (i, a) in KEYMAP.iter().enumerate() {
            for b in &KEYMAP[i + 1..] {
                let overlap =
                    a.scope == b.scope || a.scope == Scope::Always || b.scope == Scope::Always;
                if overlap {
                    for k in a.keys {
                        assert!(!b.keys.contains(k), "{} bound twice", key_label(k));
                    }
                }
            }
        }
    }

    #[test]
    fn labels_read_like_help_text() {
        let page = KEYMAP
            .iter()
            .find(|b| b.action == Action::PageDown)
            .unwrap();
        assert_eq!(page.keys_label(), "Space PgDn");
        let half = KEYMAP
            .iter()
            .find(|b| b.action == Action::HalfPageDown)
            .unwrap();
        assert_eq!(half.keys_label(), "Ctrl-d");
    }
}
