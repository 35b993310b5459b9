//! Phone numbers, ID numbers and e-mail addresses in free text, however they were typed: with
//! spaces, hyphens or brackets between the groups, in full-width digits (１３８), with +86 in front.
//! Flats (3-2-501), dates (2026-11-28), times and areas are left alone.

use std::collections::HashSet;

/// The value of an ASCII or full-width digit.
pub fn digit(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => Some((c as u32 - '０' as u32) as u8),
        _ => None,
    }
}

/// The check letter of an ID number (its 18th character).
fn is_x(c: char) -> bool {
    matches!(c, 'X' | 'x' | 'Ｘ' | 'ｘ')
}

/// What may stand between the groups of one number.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}' | '\u{3000}' | '-' | '－' | '‐' | '‑' | '–' | '—' | '(' | ')' | '（' | '）'
    )
}

/// What kind of number a span of digits is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Phone,
    Id,
}

/// A group of digits (and an ID's check letter) in a text, by char index.
#[derive(Clone, Debug)]
struct Group {
    start: usize,
    end: usize,
    digits: String,
}

/// Finds the sensitive numbers in `chars`: (start, end, kind) by char index, in order.
/// `known` holds roster phone numbers as bare digits, masked whatever their length.
pub fn find(chars: &[char], known: &HashSet<String>) -> Vec<(usize, usize, Kind)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if digit(chars[i]).is_none() {
            i += 1;
            continue;
        }
        let groups = run(chars, i);
        let next = groups.last().map_or(i + 1, |g| g.end);
        classify(&groups, known, &mut out);
        i = next;
    }
    out
}

/// The groups of digits from `start`, joined by at most two separator characters.
fn run(chars: &[char], start: usize) -> Vec<Group> {
    let mut groups = Vec::new();
    let mut i = start;
    loop {
        let g_start = i;
        let mut digits = String::new();
        while let Some(d) = chars.get(i).and_then(|c| digit(*c)) {
            digits.push((b'0' + d) as char);
            i += 1;
        }
        if chars.get(i).is_some_and(|c| is_x(*c)) {
            digits.push('X');
            i += 1;
        }
        groups.push(Group {
            start: g_start,
            end: i,
            digits,
        });
        let mut j = i;
        while j < chars.len() && j - i < 2 && is_separator(chars[j]) {
            j += 1;
        }
        if j == i || chars.get(j).is_none_or(|c| digit(*c).is_none()) {
            return groups;
        }
        i = j;
    }
}

/// Masks the longest sensitive span of groups from each group on.
fn classify(groups: &[Group], known: &HashSet<String>, out: &mut Vec<(usize, usize, Kind)>) {
    let mut s = 0;
    while s < groups.len() {
        if let Some(len) = date_at(&groups[s..]) {
            s += len;
            continue;
        }
        let mut found = None;
        let mut joined = String::new();
        for (e, g) in groups.iter().enumerate().skip(s) {
            // Numbers are typed in groups of three or more (138 1234 5678, 110101 19900307 123X),
            // after a country code (86); shorter groups belong to flats and the like.
            if e > s && (groups[s].digits.len() < 2 || g.digits.len() < 3) {
                break;
            }
            joined.push_str(&g.digits);
            if let Some(kind) = kind_of(&joined, e == s, known) {
                found = Some((e, kind));
            }
            if joined.len() > 20 || g.digits.ends_with('X') {
                break;
            }
        }
        match found {
            Some((e, kind)) => {
                out.push((groups[s].start, groups[e].end, kind));
                s = e + 1;
            }
            None => s += 1,
        }
    }
}

/// Year-month-day (2026-11-28) at the start of `groups`: how many groups it takes.
fn date_at(groups: &[Group]) -> Option<usize> {
    let [y, m, d, ..] = groups else { return None };
    let n = |g: &Group| g.digits.parse::<u32>().ok();
    let ok = y.digits.len() == 4
        && (m.digits.len() == 1 || m.digits.len() == 2)
        && (d.digits.len() == 1 || d.digits.len() == 2)
        && n(m).is_some_and(|m| (1..=12).contains(&m))
        && n(d).is_some_and(|d| (1..=31).contains(&d));
    ok.then_some(3)
}

/// Whether bare digits are a phone or ID number; `single` when they were typed as one group.
fn kind_of(digits: &str, single: bool, known: &HashSet<String>) -> Option<Kind> {
    let len = digits.len();
    let all_digits = digits.bytes().all(|b| b.is_ascii_digit());
    let starts = |p: &str| digits.starts_with(p);
    if (len == 18 && digits[..17].bytes().all(|b| b.is_ascii_digit()))
        || (len == 15 && all_digits && !starts("0") && !starts("1"))
    {
        return Some(Kind::Id);
    }
    if !all_digits {
        return None;
    }
    if known.contains(digits)
        || (len == 11 && starts("1"))
        || (len == 13 && starts("861"))
        || ((10..=12).contains(&len) && starts("0"))
        || (single && len >= 7)
    {
        return Some(Kind::Phone);
    }
    None
}

/// Masks the digits of a number: the first three and last four of a long one stay (138****5678),
/// a short one is masked whole; separators stay as typed.
pub fn mask(span: &[char]) -> String {
    let total = span
        .iter()
        .filter(|c| digit(**c).is_some() || is_x(**c))
        .count();
    let mut seen = 0;
    span.iter()
        .map(|&c| {
            if digit(c).is_none() && !is_x(c) {
                return c;
            }
            seen += 1;
            if total >= 11 && (seen <= 3 || seen > total - 4) {
                c
            } else {
                '*'
            }
        })
        .collect()
}

fn is_local(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn is_domain(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-')
}

/// E-mail addresses: (start, at, end) by char index, the local part being start..at.
pub fn emails(chars: &[char]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    for at in 0..chars.len() {
        if !matches!(chars[at], '@' | '＠') || at < from {
            continue;
        }
        let mut start = at;
        while start > from && is_local(chars[start - 1]) {
            start -= 1;
        }
        let mut end = at + 1;
        while end < chars.len() && is_domain(chars[end]) {
            end += 1;
        }
        while end > at + 1 && chars[end - 1] == '.' {
            end -= 1;
        }
        let domain = &chars[at + 1..end];
        if start < at && domain.contains(&'.') && domain.first().is_some_and(|c| *c != '.') {
            out.push((start, at, end));
            from = end;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::new();
        let mut i = 0;
        for (s, e, _) in find(&chars, &HashSet::new()) {
            out.extend(&chars[i..s]);
            out.push_str(&mask(&chars[s..e]));
            i = e;
        }
        out.extend(&chars[i..]);
        out
    }

    #[test]
    fn phones_in_every_written_form() {
        for typed in [
            "13812345678",
            "138 1234 5678",
            "138-1234-5678",
            "+86 138 1234 5678",
            "１３８１２３４５６７８",
            "(010) 8765-4321",
            "（0755）12345678",
            "0755-12345678",
            "电话8765432",
        ] {
            let out = masked(typed);
            let digits_left = out.chars().filter(|c| digit(*c).is_some()).count();
            assert!(digits_left <= 7, "{typed} → {out}");
            assert!(out.contains('*'), "{typed} → {out}");
        }
        assert_eq!(masked("13812345678"), "138****5678");
        assert_eq!(masked("138 1234 5678"), "138 **** 5678");
        assert_eq!(masked("１３８１２３４５６７８"), "１３８****５６７８");
        assert_eq!(masked("(010) 8765-4321"), "(010) ****-4321");
    }

    #[test]
    fn id_numbers_with_separators() {
        assert_eq!(masked("11010119900307123X"), "110***********123X");
        assert_eq!(masked("110101 19900307 123X"), "110*** ******** 123X");
        assert_eq!(masked("110101-19900307-1234"), "110***-********-1234");
    }

    #[test]
    fn flats_dates_times_and_areas_stay() {
        for text in [
            "3-2-501",
            "2026-11-28 19:00",
            "2026-11-28 3-2-501 面积 80.00",
            "共 225 户 19,800.50 ㎡",
            "第 12 号事件",
        ] {
            assert_eq!(masked(text), text);
        }
        assert_eq!(masked("3-2-501 13812345678"), "3-2-501 138****5678");
    }

    #[test]
    fn e_mail_addresses() {
        let chars: Vec<char> = "写信给 wang.xl@example.com。".chars().collect();
        let found = emails(&chars);
        assert_eq!(found.len(), 1);
        let (s, at, e) = found[0];
        let local: String = chars[s..at].iter().collect();
        let domain: String = chars[at + 1..e].iter().collect();
        assert_eq!(
            (local.as_str(), domain.as_str()),
            ("wang.xl", "example.com")
        );
        assert!(emails(&"@ 和 a@b".chars().collect::<Vec<_>>()).is_empty());
    }
}
