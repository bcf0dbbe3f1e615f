//! Drawing the screen from the app state with ratatui.
