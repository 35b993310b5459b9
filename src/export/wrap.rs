//! Where a printed table cell breaks. Word, WPS, LibreOffice and the spreadsheets fill a line and
//! then break at the last place their rules allow — after a hyphen, or anywhere next to Chinese —
//! which cuts flat numbers and times in two (3-2-/402, 2026年12月3日 2/2:57). So a cell that does not
//! fit its column is broken here, between its pieces (after a list separator, or at a space), into
//! lines that each fit by a measure generous enough for the fonts in use; the program then has no
//! reason to break inside a line. Prose — words and clauses, or a piece much wider than the
//! column — is left to the program.

use std::borrow::Cow;

/// Where a cell may be broken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Breaks {
    /// After a list separator or at a space (documents).
    SeparatorsAndSpaces,
    /// After a list separator only, in a list of items without spaces (flats, names): spreadsheet
    /// cells are data, so a time keeps its space and other text is left as it is.
    Separators,
}

/// List separators; a line never starts with one, so it stays with the piece before it.
const SEPARATORS: [char; 5] = ['、', '，', '；', ',', ';'];

/// The text with line breaks where needed so that each line is at most `room` wide by `measure`.
pub fn pack<'a>(
    text: &'a str,
    room: usize,
    measure: impl Fn(&str) -> usize,
    breaks: Breaks,
) -> Cow<'a, str> {
    if text.lines().all(|l| measure(l) <= room) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if measure(line) <= room {
            out.push_str(line);
            continue;
        }
        match pack_line(line, room, &measure, breaks) {
            Some(lines) => out.push_str(&lines),
            None => out.push_str(line),
        }
    }
    Cow::Owned(out)
}

/// The pieces of a line, each with the separator or spaces after it.
fn pieces(line: &str, breaks: Breaks) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut after_cut = false;
    for (i, c) in line.char_indices() {
        let cut = SEPARATORS.contains(&c) || (breaks == Breaks::SeparatorsAndSpaces && c == ' ');
        if after_cut && c != ' ' && i > start {
            out.push(&line[start..i]);
            start = i;
        }
        after_cut = after_cut && c == ' ' || cut;
    }
    if start < line.len() {
        out.push(&line[start..]);
    }
    out
}

/// A piece that must not break: one with digits (a flat, an area, a date, a time), a name of up to
/// four Chinese characters, or a short word (Dec, am), each with the separator after it.
fn is_code(piece: &str) -> bool {
    let bare = piece.trim_end_matches(SEPARATORS);
    let han = |c: char| c.is_alphabetic() && !c.is_ascii();
    bare.bytes().any(|b| b.is_ascii_digit())
        || (bare.chars().all(han) && bare.chars().count() <= 4)
        || (bare.chars().all(|c| c.is_ascii_alphabetic()) && bare.len() <= 3)
}

/// A line too wide broken into lines that fit; None when it is prose (a piece that is not a
/// [code](is_code), or one half as wide again as the room). A piece a little wider than the room by the generous measure gets a
/// line of its own: it most likely fits as printed, and if not, only it breaks.
fn pack_line(
    line: &str,
    room: usize,
    measure: &impl Fn(&str) -> usize,
    breaks: Breaks,
) -> Option<String> {
    let pieces = pieces(line, breaks);
    if breaks == Breaks::Separators && pieces.iter().any(|p| p.trim().contains(' ')) {
        return None;
    }
    if !pieces.iter().all(|p| is_code(p.trim_end())) {
        return None;
    }
    if pieces.len() < 2 || pieces.iter().any(|p| measure(p.trim_end()) > room * 3 / 2) {
        return None;
    }
    let mut out = String::with_capacity(line.len() + 8);
    let mut current = String::new();
    for p in pieces {
        if !current.is_empty() && measure(&current) + measure(p.trim_end()) > room {
            out.push_str(current.trim_end());
            out.push('\n');
            current.clear();
        }
        current.push_str(p);
    }
    out.push_str(current.trim_end());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    fn columns(t: &str) -> usize {
        t.width()
    }

    #[test]
    fn a_list_of_flats_breaks_after_its_separators_only() {
        let flats = "1-1-202、1-2-101、1-2-302、3-3-301、5-1-201";
        let packed = pack(flats, 18, columns, Breaks::Separators);
        assert_eq!(packed, "1-1-202、1-2-101、\n1-2-302、3-3-301、\n5-1-201");
        let en = pack("1-1-202, 1-2-101, 1-2-302", 10, columns, Breaks::Separators);
        assert_eq!(en, "1-1-202,\n1-2-101,\n1-2-302");
    }

    #[test]
    fn a_date_and_time_break_at_the_space_and_what_fits_stays() {
        let at = "2026年12月3日 22:57";
        assert_eq!(
            pack(at, 14, columns, Breaks::SeparatorsAndSpaces),
            "2026年12月3日\n22:57"
        );
        assert_eq!(pack(at, 14, columns, Breaks::Separators), at, "data");
        let floors = "1 = 0, 2 = 0.3, 3 = 0.6";
        assert_eq!(pack(floors, 10, columns, Breaks::Separators), floors);
        assert!(matches!(
            pack(at, 40, columns, Breaks::SeparatorsAndSpaces),
            Cow::Borrowed(_)
        ));
        assert_eq!(
            pack("3 Dec 2026 22:57", 11, columns, Breaks::SeparatorsAndSpaces),
            "3 Dec 2026\n22:57"
        );
    }

    #[test]
    fn co_owners_break_between_names() {
        assert_eq!(
            pack("贾国、郑永", 8, columns, Breaks::SeparatorsAndSpaces),
            "贾国、\n郑永"
        );
    }

    #[test]
    fn prose_and_pieces_too_wide_are_left_alone() {
        for prose in ["Approval by area (of those taking part)", "in progress"] {
            assert_eq!(pack(prose, 8, columns, Breaks::SeparatorsAndSpaces), prose);
        }
        let prose = "由业委会委托有资质的单位，对屋面防水层整体翻修，预算从维修资金中列支";
        assert_eq!(pack(prose, 20, columns, Breaks::SeparatorsAndSpaces), prose);
        assert_eq!(
            pack("3-2-501、3-3-602", 6, columns, Breaks::Separators),
            "3-2-501、\n3-3-602",
            "a piece a little too wide on a line of its own"
        );
        let wide = "3-2-501、这是一段很长的没有分隔的文字";
        assert_eq!(pack(wide, 12, columns, Breaks::SeparatorsAndSpaces), wide);
        assert_eq!(
            pack("1-1-101\n1-1-102、1-1-201", 9, columns, Breaks::Separators),
            "1-1-101\n1-1-102、\n1-1-201",
            "each line on its own"
        );
    }
}
