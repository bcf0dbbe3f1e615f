//! Plain-text output: `--list`, `--print`, `--search` and `--check`.
