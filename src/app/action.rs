//! Everything a user can ask of the reader, named after the intent.

/// One intent. Keys map to actions in [`super::keymap`]; [`super::App::update`] carries
/// them out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Move the selection (or scroll the article) one step down.
    MoveDown,
    /// Move the selection (or scroll the article) one step up.
    MoveUp,
    /// Jump to the first entry or the top of the article.
    MoveTop,
    /// Jump to the last entry or the end of the article.
    MoveBottom,
    /// One screenful down.
    PageDown,
    /// One screenful up.
    PageUp,
    /// Half a screenful down.
    HalfPageDown,
    /// Half a screenful up.
    HalfPageUp,
    /// Focus the next pane (wraps around).
    FocusNext,
    /// Focus the previous pane (wraps around).
    FocusPrev,
    /// Focus the pane to the left.
    FocusLeft,
    /// Focus the pane to the right.
    FocusRight,
    /// Open what is selected: a category's list, an article, a panel entry.
    Open,
    /// Go back to the article read before this one.
    Back,
    /// Start typing a search.
    StartSearch,
    /// Next search match (in the article, then the next result).
    NextMatch,
    /// Previous search match.
    PrevMatch,
    /// Show or hide the key help.
    ToggleHelp,
    /// Close the help, or leave the search and return to where you were.
    Cancel,
    /// Leave the reader.
    Quit,
    /// Leave the reader at once, from anywhere (Ctrl-C).
    Interrupt,
    /// Stop the reader and return to the shell (Ctrl-Z); `fg` brings it back.
    Suspend,
    /// Redraw the whole screen (Ctrl-L).
    Redraw,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// Add text to the search query.
    SearchInsert(String),
    /// Delete the last character of the search query.
    SearchDeleteChar,
    /// Open the selected search result.
    SearchSubmit,
    /// Time passed: continue work spread over frames (a long search).
    Tick,
}
