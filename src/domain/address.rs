//! How people write the parts of an address, and the one form they are kept in.
//!
//! The rule (documented in docs/roster.md): full-width digits and letters are folded to ASCII, zero-width
//! characters and stray byte-order marks dropped, letters upper-cased; markers around a part are removed
//! (第3栋, 3#楼, 3号楼, 3幢, 3座 → 3; 2单元, 第二单元 → 2; 501室, 501号 → 501); a part written in Chinese
//! numerals up to 99 becomes digits (三号楼 → 3, 十二 → 12); a part made only of digits loses its leading
//! zeros (01 → 1, 0501 → 501, 00 → 0) and a trailing ".0" a spreadsheet added (103.0 → 103).

/// Which part of an address a text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Building,
    Unit,
    Room,
}

/// Folds full-width ASCII (digits, letters, punctuation) to ASCII and the ideographic space to a space,
/// and drops zero-width characters and byte-order marks.
pub fn fold_width(text: &str) -> String {
    text.chars()
        .filter(|c| !is_invisible(*c))
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// Characters that take no room and mean nothing in a roster: zero-width spaces and joiners, and a BOM.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// One part of an address in its kept form (see the module's rule).
pub fn normalise_part(text: &str, part: Part) -> String {
    let folded = fold_width(text).to_uppercase();
    let mut t = folded.trim();
    t = t.strip_prefix('第').unwrap_or(t).trim();
    let suffixes: &[&str] = match part {
        Part::Building => &["号楼", "#楼", "号", "#", "栋", "幢", "座", "楼"],
        Part::Unit => &["单元", "号"],
        Part::Room => &["室", "号", "房"],
    };
    for s in suffixes {
        if let Some(rest) = t.strip_suffix(s)
            && !rest.trim().is_empty()
        {
            t = rest.trim();
            break;
        }
    }
    if let Some(n) = chinese_number(t) {
        return n.to_string();
    }
    let t = t.strip_suffix(".0").filter(|d| is_digits(d)).unwrap_or(t);
    if is_digits(t) {
        let trimmed = t.trim_start_matches('0');
        return if trimmed.is_empty() { "0" } else { trimmed }.to_string();
    }
    t.to_string()
}

fn is_digits(t: &str) -> bool {
    !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())
}

/// 一 … 九十九 written in Chinese numerals (also 两, 〇/零 as a lone zero); anything else is none.
fn chinese_number(t: &str) -> Option<u32> {
    let digit = |c: char| "〇一二三四五六七八九".chars().position(|d| d == c);
    let chars: Vec<char> = t.chars().collect();
    let d = |c: char| match c {
        '两' => Some(2),
        '零' => Some(0),
        c => digit(c).map(|p| p as u32),
    };
    match chars.as_slice() {
        ['十'] => Some(10),
        [a] => d(*a),
        ['十', b] => Some(10 + d(*b)?),
        [a, '十'] => Some(d(*a)? * 10).filter(|n| *n > 0),
        [a, '十', b] => Some(d(*a)? * 10 + d(*b)?).filter(|n| *n >= 10),
        _ => None,
    }
}

/// Splits an address written as one text into its parts, each normalised: `3-2-501`, `3 2 501`,
/// `3/2/501`, `3栋2单元501室`, `3#楼2单元501`, `三号楼一单元501`, `３-２-５０１`. A lone building or
/// unit (a scope) gives fewer parts.
pub fn split_parts(text: &str) -> Vec<String> {
    let kinds = [Part::Building, Part::Unit, Part::Room];
    pieces(text)
        .iter()
        .enumerate()
        .map(|(i, p)| normalise_part(p, kinds[i.min(2)]))
        .filter(|p| !p.is_empty())
        .collect()
}

/// Whether a part in its kept form reads back as itself once the flat is written building-unit-room
/// and parsed again ([`split_parts`]): no separator or marker inside it, nothing left to normalise.
pub fn reads_back(part: &str, kind: Part) -> bool {
    match pieces(part).as_slice() {
        [one] => normalise_part(one, kind) == part,
        _ => false,
    }
}

/// The text cut at separators (`-`, `/`, spaces) and at the markers that end a building or a unit,
/// folded and upper-cased but not yet normalised.
fn pieces(text: &str) -> Vec<String> {
    let folded = fold_width(text).to_uppercase();
    let mut raw: Vec<String> = Vec::new();
    for piece in folded.split(|c: char| c == '-' || c == '/' || c == '－' || c.is_whitespace()) {
        if !piece.is_empty() {
            split_at_markers(piece, &mut raw);
        }
    }
    raw
}

/// Splits `3栋2单元501室` at the markers that end a building or a unit.
fn split_at_markers(piece: &str, out: &mut Vec<String>) {
    const MARKERS: [&str; 8] = ["号楼", "#楼", "栋", "幢", "座", "单元", "楼", "#"];
    let mut rest = piece;
    'outer: while !rest.is_empty() {
        for (i, _) in rest.char_indices() {
            for m in MARKERS {
                if rest[i..].starts_with(m) {
                    if i > 0 {
                        out.push(rest[..i].to_string());
                    }
                    rest = &rest[i + m.len()..];
                    continue 'outer;
                }
            }
        }
        out.push(rest.to_string());
        break;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buildings_as_people_write_them() {
        for text in [
            "3",
            "3#",
            "3#楼",
            "3号楼",
            "3栋",
            "三号楼",
            "第3栋",
            "03",
            "３",
            "3.0",
            "3幢",
        ] {
            assert_eq!(normalise_part(text, Part::Building), "3", "{text}");
        }
        assert_eq!(normalise_part("十二栋", Part::Building), "12");
        assert_eq!(normalise_part("二十三", Part::Building), "23");
        assert_eq!(normalise_part("a栋", Part::Building), "A");
        assert_eq!(normalise_part("东区", Part::Building), "东区");
    }

    #[test]
    fn units_and_rooms() {
        for text in ["2", "2单元", "二单元", "第二单元", "02", "２单元"] {
            assert_eq!(normalise_part(text, Part::Unit), "2", "{text}");
        }
        for text in [
            "501",
            "501室",
            "0501",
            "501.0",
            "５０１",
            "501\u{200B}",
            "\u{FEFF}501",
        ] {
            assert_eq!(normalise_part(text, Part::Room), "501", "{text:?}");
        }
        assert_eq!(normalise_part("103.0", Part::Room), "103");
        assert_eq!(normalise_part("A1", Part::Room), "A1");
        assert_eq!(normalise_part("00", Part::Room), "0");
        assert_eq!(normalise_part("101.5", Part::Room), "101.5");
    }

    #[test]
    fn whole_addresses() {
        for text in [
            "3-2-501",
            "3栋2单元501室",
            "3#楼2单元501",
            "三号楼一单元501",
            "３-２-５０１",
            "3号楼 2单元 0501室",
        ] {
            let want: Vec<String> = if text.contains('一') {
                vec!["3".into(), "1".into(), "501".into()]
            } else {
                vec!["3".into(), "2".into(), "501".into()]
            };
            assert_eq!(split_parts(text), want, "{text}");
        }
        assert_eq!(split_parts("3栋2单元"), ["3", "2"]);
    }

    #[test]
    fn a_kept_part_reads_back_only_without_separators_or_markers() {
        assert!(reads_back("501", Part::Room));
        assert!(reads_back("A1", Part::Room));
        assert!(reads_back("东区", Part::Building));
        for (part, kind) in [
            ("A-1", Part::Room),
            ("5 01", Part::Room),
            ("B座", Part::Room),
            ("3#", Part::Room),
            ("1号楼", Part::Room),
            ("a1", Part::Room),
        ] {
            assert!(!reads_back(part, kind), "{part}");
        }
    }
}
