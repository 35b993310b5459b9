//! Display width of CJK text: a Chinese character takes two columns, so pad and cut by width, not chars.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub fn width(text: &str) -> usize {
    text.width()
}

/// Cuts `text` to at most `max` columns, never splitting a wide character; adds `…` when cut.
pub fn truncate(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    let limit = max.saturating_sub(1);
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > limit {
            break;
        }
        out.push(c);
        used += w;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// Pads (or cuts) `text` to exactly `cols` columns, left-aligned.
pub fn pad(text: &str, cols: usize) -> String {
    let cut = truncate(text, cols);
    let fill = cols.saturating_sub(cut.width());
    format!("{cut}{}", " ".repeat(fill))
}

/// Right-aligns `text` in `cols` columns.
pub fn pad_left(text: &str, cols: usize) -> String {
    let cut = truncate(text, cols);
    let fill = cols.saturating_sub(cut.width());
    format!("{}{cut}", " ".repeat(fill))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_by_display_width() {
        assert_eq!(pad("王秀兰", 8), "王秀兰  ");
        assert_eq!(width(&pad("王秀兰", 8)), 8);
        assert_eq!(pad("abc", 5), "abc  ");
        assert_eq!(pad_left("12", 4), "  12");
    }

    #[test]
    fn never_splits_a_wide_character() {
        assert_eq!(truncate("红旗小区加装电梯", 7), "红旗小…");
        assert_eq!(width(&truncate("红旗小区加装电梯", 6)), 5);
        assert_eq!(pad("红旗小区加装电梯", 6), "红旗… ");
    }
}
