//! Owners and their flats (exclusive parts), and who counts as one owner (DOMAIN §2.4).

use super::area::Area;
use super::flat::FlatRef;

/// The owner key shared by all unsold flats of the developer or former work unit when the roster gives none.
pub const UNSOLD_KEY: &str = "UNSOLD";

/// A counting unit: co-owners of a flat are one owner; one owner of several flats is one owner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Owner {
    /// The roster's owner id, or a key derived from the flat when the roster has none.
    pub key: String,
    /// As written in the roster (co-owners joined: 刘斌艳、莫刚超).
    pub name: String,
    pub phone: Option<String>,
}

/// One row of a roster: a flat with its area and owner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RosterRow {
    pub flat: FlatRef,
    pub area: Area,
    pub owner: Owner,
    /// The floor as the roster's floor column gives it; `None` when it gives none (the floor is then
    /// read from the room number: 501 → 5).
    pub floor: Option<u32>,
}

impl RosterRow {
    /// The flat's floor: the roster's floor column, else the room number's.
    pub fn floor(&self) -> Option<u32> {
        self.floor.or_else(|| self.flat.floor().filter(|f| *f > 0))
    }
}

/// Words that, standing alone, name the developer or the former work unit's unsold flats.
const UNSOLD_WORDS: [&str; 8] = [
    "未售",
    "未出售",
    "开发商",
    "开发单位",
    "原单位",
    "unsold",
    "developer",
    "原产权单位",
];

/// Whether a name in the roster stands for unsold flats of the developer or the former work unit,
/// which count together as one owner (SPC interpretation art. 9). Only whole words count: the name
/// split at brackets, spaces and punctuation has a part made of these words alone (开发商, 原单位（未售）,
/// "Developer (unsold)"); a person or firm whose name merely contains them (刘开发商贸) is not.
pub fn is_unsold_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    let parts = lower.split(|c: char| {
        c.is_whitespace() || c.is_ascii_punctuation() || "（）【】［］、，；：·".contains(c)
    });
    parts.filter(|p| !p.is_empty()).any(|part| {
        let mut rest = part;
        'strip: while !rest.is_empty() {
            for w in UNSOLD_WORDS {
                if let Some(r) = rest.strip_prefix(w) {
                    rest = r;
                    continue 'strip;
                }
            }
            break;
        }
        rest != part && (rest.is_empty() || is_filler(rest))
    })
}

/// What may stand beside the marker words in a part: a plain "flat(s)" (未售房, 开发商房源).
fn is_filler(rest: &str) -> bool {
    matches!(rest, "房" | "房源" | "房屋" | "flats" | "flat")
}

/// The owner key for a row: the roster's id if given; else the shared unsold key for unsold flats;
/// else the flat itself (each flat its own owner).
pub fn owner_key(given_id: Option<&str>, name: &str, flat: &FlatRef) -> String {
    match given_id.map(str::trim).filter(|s| !s.is_empty()) {
        Some(id) => id.to_string(),
        None if is_unsold_name(name) => UNSOLD_KEY.to_string(),
        None => format!("flat:{flat}"),
    }
}

/// Two-character surnames, kept whole when masking (欧阳明华 → 欧阳*华).
const COMPOUND_SURNAMES: [&str; 20] = [
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "司徒", "夏侯", "尉迟", "公孙",
    "长孙", "宇文", "独孤", "端木", "南宫", "轩辕", "西门", "申屠",
];

/// Masks a name for a public notice: the surname and the last character stay, the rest becomes one `*`
/// (王秀兰 → 王*兰, 欧阳明华 → 欧阳*华, 侯长 → 侯*). Co-owners (joined by 、 , / ;) are masked one by one.
pub fn mask_name(name: &str) -> String {
    let mut out = String::new();
    let mut word = String::new();
    for c in name.chars() {
        if matches!(c, '、' | ',' | '，' | '/' | ';' | '；' | '&') || c.is_whitespace() {
            out.push_str(&mask_one(&word));
            word.clear();
            out.push(c);
        } else {
            word.push(c);
        }
    }
    out.push_str(&mask_one(&word));
    out
}

fn mask_one(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    if chars.is_empty() {
        return String::new();
    }
    let surname_len = if chars.len() >= 3 && COMPOUND_SURNAMES.iter().any(|s| word.starts_with(s)) {
        2
    } else {
        1
    };
    let surname: String = chars[..surname_len.min(chars.len())].iter().collect();
    let given = chars.len().saturating_sub(surname_len);
    match given {
        0 => "*".to_string(),
        1 => format!("{surname}*"),
        _ => format!("{surname}*{}", chars[chars.len() - 1]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owner_keys_follow_the_headcount_rules() {
        let f = FlatRef::new("1", "1", "101");
        assert_eq!(owner_key(Some("O00001"), "毛超军", &f), "O00001");
        assert_eq!(owner_key(Some(" "), "毛超军", &f), "flat:1-1-101");
        assert_eq!(owner_key(None, "原单位（未售）", &f), UNSOLD_KEY);
        assert_eq!(owner_key(None, "Developer (unsold)", &f), UNSOLD_KEY);
    }

    #[test]
    fn unsold_only_as_whole_words() {
        for name in [
            "开发商",
            "原单位（未售）",
            "Developer (unsold)",
            "未售",
            "开发商未售",
            "未售房",
        ] {
            assert!(is_unsold_name(name), "{name}");
        }
        for name in ["刘开发商贸", "王未售", "Undeveloped Ltd", "毛超军"] {
            assert!(!is_unsold_name(name), "{name}");
        }
    }

    #[test]
    fn masks_names() {
        assert_eq!(mask_name("王秀兰"), "王*兰");
        assert_eq!(mask_name("欧阳明华"), "欧阳*华");
        assert_eq!(mask_name("欧阳华"), "欧阳*");
        assert_eq!(mask_name("毛超军"), "毛*军");
        assert_eq!(mask_name("侯长"), "侯*");
        assert_eq!(mask_name("刘斌艳、莫刚超"), "刘*艳、莫*超");
        assert_eq!(mask_name("Li Wei"), "L* W*i");
        assert_eq!(mask_name("王"), "*");
    }
}
