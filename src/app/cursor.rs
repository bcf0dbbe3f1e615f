//! A selection in a scrolling list: which row is selected and which is at the top.

/// Selected row and scroll offset of a list of `len` rows shown `height` rows at a time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cursor {
    /// The selected row.
    pub selected: usize,
    /// The first row shown.
    pub offset: usize,
}

impl Cursor {
    /// Moves the selection by `delta` rows, stopping at either end.
    pub fn move_by(&mut self, delta: isize, len: usize, height: usize) {
        let target = self.selected.saturating_add_signed(delta);
        self.select(target, len, height);
    }

    /// Selects row `row` (clamped to the list) and scrolls it into view.
    pub fn select(&mut self, row: usize, len: usize, height: usize) {
        self.selected = row.min(len.saturating_sub(1));
        self.keep_visible(len, height);
    }

    /// Scrolls so the selection is on screen, without blank rows after the end.
    pub fn keep_visible(&mut self, len: usize, height: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moving_past_the_ends_stops_there() {
        let mut c = Cursor::default();
        c.move_by(-1, 10, 4);
        assert_eq!(
            c,
            Cursor {
                selected: 0,
                offset: 0
            }
        );
        c.move_by(100, 10, 4);
        assert_eq!(
            c,
            Cursor {
                selected: 9,
                offset: 6
            }
        );
    }

    #[test]
    fn selection_stays_on_screen() {
        let mut c = Cursor::default();
        for _ in 0..5 {
            c.move_by(1, 10, 4);
        }
        assert_eq!(
            c,
            Cursor {
                selected: 5,
                offset: 2
            }
        );
        c.move_by(-4, 10, 4);
        assert_eq!(
            c,
            Cursor {
                selected: 1,
                offset: 1
            }
        );
    }

    #[test]
    fn shrinking_lists_and_viewports_clamp() {
        let mut c = Cursor {
            selected: 8,
            offset: 5,
        };
        c.keep_visible(3, 10);
        assert_eq!(
            c,
            Cursor {
                selected: 2,
                offset: 0
            }
        );
        c.keep_visible(0, 0);
        assert_eq!(
            c,
            Cursor {
                selected: 0,
                offset: 0
            }
        );
    }
}
