//! The interactive state, its actions and the keymap (no terminal, no I/O).
