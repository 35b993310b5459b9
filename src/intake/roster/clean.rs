//! What people and spreadsheets put into cells, made plain: invisible and control characters, names
//! padded with spaces, areas with binary noise, phone numbers Excel shortened.

use crate::domain::address::{fold_width, is_invisible};
use crate::i18n::RosterProblem as R;

/// A character that has no business in a roster cell (NUL, ESC, a line break, a right-to-left
/// override that makes 501 display as 105), with its code point for the message.
pub fn forbidden_char(text: &str) -> Option<(char, R)> {
    text.chars().find_map(|c| {
        let what = match c {
            '\n' | '\r' => R::LineBreak,
            '\t' => R::Tab,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' => {
                R::DirectionControl
            }
            c if c.is_control() => R::ControlChar,
            _ => return None,
        };
        Some((c, what))
    })
}

/// A name as kept: full-width digits and letters folded, invisible characters dropped, padding
/// between Chinese characters removed (毛　超军 → 毛超军), other runs of spaces made one.
pub fn name(text: &str) -> String {
    let folded: String = text
        .chars()
        .filter(|c| !is_invisible(*c))
        .map(|c| match c {
            '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            c => c,
        })
        .collect();
    let chars: Vec<char> = folded.trim().chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            let start = i;
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            let before = chars[start - 1];
            let after = chars.get(i).copied().unwrap_or(' ');
            // Spaces only separate words of a Latin-script name (Wang Xiulan).
            if before.is_ascii() && after.is_ascii() {
                out.push(' ');
            }
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// A phone number Excel displayed in scientific notation (1.36E+10): its last digits are lost.
pub fn is_scientific(text: &str) -> bool {
    let t = text.trim().to_ascii_uppercase();
    let Some((mantissa, exponent)) = t.split_once("E+") else {
        return false;
    };
    !mantissa.is_empty()
        && mantissa.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && !exponent.is_empty()
        && exponent.bytes().all(|b| b.is_ascii_digit())
}

/// The area's text ready for the exact parser: full-width folded, a written unit removed, and binary
/// noise from a formula (55.04999999, 74.85000000000001) rounded to hundredths when the value is
/// within 1e-6 of a two-decimal value. Returns the text and whether it was rounded.
pub fn area(text: &str) -> (String, bool) {
    let folded = fold_width(text);
    let t = folded.trim();
    let t = ["平方米", "平米", "m2", "M2"]
        .iter()
        .find_map(|u| t.strip_suffix(u))
        .unwrap_or(t)
        .trim();
    match denoise(t) {
        Some(rounded) => (rounded, true),
        None => (t.to_string(), false),
    }
}

/// `int.frac` with more than two decimals, within 1e-6 of a hundredth: that hundredth.
fn denoise(t: &str) -> Option<String> {
    let (int, frac) = t.split_once('.')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || !digits(frac) || frac.len() <= 2 || frac.len() > 24 || int.len() > 12 {
        return None;
    }
    let n = frac.len() as u32;
    let value: u128 = format!("{int}{frac}").parse().ok()?;
    let unit = 10u128.pow(n - 2); // one hundredth at this scale
    let rounded = (value + unit / 2) / unit * unit;
    let diff = value.abs_diff(rounded);
    // 1e-6 at this scale; below six decimals only an exact hundredth qualifies (and that has no noise).
    let tolerance = if n >= 6 { 10u128.pow(n - 6) } else { 0 };
    if diff > tolerance {
        return None;
    }
    let hundredths = rounded / unit;
    Some(format!("{}.{:02}", hundredths / 100, hundredths % 100))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_their_padding() {
        assert_eq!(name("毛　超军"), "毛超军");
        assert_eq!(name(" 毛 超 军 "), "毛超军");
        assert_eq!(name("Wang   Xiulan"), "Wang Xiulan");
        assert_eq!(name("刘斌艳 、 莫刚超"), "刘斌艳、莫刚超");
        assert_eq!(name("王\u{200B}秀兰"), "王秀兰");
        assert_eq!(name("原单位（未售）"), "原单位（未售）");
        assert_eq!(name("ＷＡＮＧ"), "WANG");
    }

    #[test]
    fn areas_lose_binary_noise_only() {
        assert_eq!(area("55.04999999"), ("55.05".into(), true));
        assert_eq!(area("74.85000000000001"), ("74.85".into(), true));
        assert_eq!(area("56.456"), ("56.456".into(), false));
        assert_eq!(area("55.045000001"), ("55.045000001".into(), false));
        assert_eq!(area("５５.０５㎡"), ("55.05㎡".into(), false));
        assert_eq!(area("88平方米"), ("88".into(), false));
        assert_eq!(area("0.999999999"), ("1.00".into(), true));
    }

    #[test]
    fn finds_what_does_not_belong() {
        assert_eq!(forbidden_char("王\u{0}"), Some(('\u{0}', R::ControlChar)));
        assert_eq!(
            forbidden_char("\u{202E}105"),
            Some(('\u{202E}', R::DirectionControl))
        );
        assert_eq!(
            forbidden_char("a\u{1B}[31m"),
            Some(('\u{1B}', R::ControlChar))
        );
        assert_eq!(forbidden_char("王秀兰"), None);
        assert!(is_scientific("1.36E+10"));
        assert!(is_scientific("1.3610070497e+10"));
        assert!(!is_scientific("13610070497"));
    }
}
