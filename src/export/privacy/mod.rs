//! What a public notice must not show (Personal Information Protection Law): people's names, phone
//! and ID numbers, e-mail addresses. Every free text on a notice passes [`Redactor::text`] and every
//! field naming a person [`Redactor::person`]; names are masked the way notices do it (王*兰,
//! 欧阳*华), numbers keep their first three and last four digits (138****5678). The redactor counts
//! what it masked, and [`check`] lists what still looks like a name for the secretary to review.

mod check;
mod names;
mod numbers;

use std::cell::Cell;
use std::collections::HashSet;

use crate::domain::roster::{is_unsold_name, mask_name};

pub use check::suspicious;
use names::{NameSet, is_han, split_note};

/// How many of each kind the public notice masked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Masked {
    pub names: usize,
    pub phones: usize,
    pub ids: usize,
    pub emails: usize,
}

/// Masks names and numbers for a public notice.
pub(crate) struct Redactor {
    names: NameSet,
    /// Roster phone numbers as bare digits: masked even when shorter than a phone usually is.
    phones: HashSet<String>,
    /// Names the community decided to show in full (the host and secretary, when so set).
    shown: HashSet<String>,
    masked: Cell<Masked>,
}

impl Redactor {
    /// A redactor that knows the roster's owners and phone numbers, and the people written in
    /// other fields (proxy holders, speakers, responsible persons …).
    pub fn new<'a>(
        owners: impl IntoIterator<Item = &'a str>,
        people: impl IntoIterator<Item = &'a str>,
        phones: impl IntoIterator<Item = &'a str>,
    ) -> Redactor {
        let mut names = NameSet::default();
        for o in owners {
            names.add(o);
        }
        for p in people {
            names.add_written(p);
        }
        let phones = phones
            .into_iter()
            .map(|p| {
                p.chars()
                    .filter_map(numbers::digit)
                    .map(|d| (b'0' + d) as char)
                    .collect::<String>()
            })
            .filter(|p| p.len() >= 5)
            .collect();
        Redactor {
            names,
            phones,
            shown: HashSet::new(),
            masked: Cell::new(Masked::default()),
        }
    }

    /// The same redactor, leaving these names in full wherever they appear (as a person field or
    /// in free text, also written with inner spaces or dots).
    pub fn showing<'a>(mut self, names: impl IntoIterator<Item = &'a str>) -> Redactor {
        self.shown
            .extend(names.into_iter().map(bare).filter(|n| !n.is_empty()));
        self
    }

    /// What was masked so far.
    pub fn masked(&self) -> Masked {
        self.masked.get()
    }

    fn count(&self, f: impl FnOnce(&mut Masked)) {
        let mut m = self.masked.get();
        f(&mut m);
        self.masked.set(m);
    }

    /// A field that names a person (an owner, a proxy holder, who raised an item): a bare personal
    /// name is masked even when nobody else mentions it, a note in brackets is kept (李*（儿子）); a
    /// longer description is masked as free text.
    pub fn person(&self, text: &str) -> String {
        let t = text.trim();
        if is_unsold_name(t) {
            return t.to_string();
        }
        let (name, note) = split_note(t);
        let bare = bare(name);
        if self.shown.contains(&bare) {
            return format!("{bare}{}", self.text(note));
        }
        let n = bare.chars().count();
        if (2..=4).contains(&n) && bare.chars().all(is_han) {
            self.count(|m| m.names += 1);
            return format!("{}{}", mask_name(&bare), self.text(note));
        }
        self.text(t)
    }

    /// Free text: e-mail addresses, phone and ID numbers, and every known name masked.
    pub fn text(&self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len());
        let mut emails = numbers::emails(&chars).into_iter().peekable();
        let mut nums = numbers::find(&chars, &self.phones).into_iter().peekable();
        let mut i = 0;
        while i < chars.len() {
            if let Some(&(s, at, e)) = emails.peek().filter(|(s, ..)| *s == i) {
                out.push(chars[s]);
                out.push_str("***");
                out.extend(&chars[at..e]);
                self.count(|m| m.emails += 1);
                emails.next();
                i = e;
                continue;
            }
            while nums.peek().is_some_and(|(s, ..)| *s < i) {
                nums.next();
            }
            if let Some(&(s, e, kind)) = nums.peek().filter(|(s, ..)| *s == i) {
                out.push_str(&numbers::mask(&chars[s..e]));
                self.count(|m| match kind {
                    numbers::Kind::Phone => m.phones += 1,
                    numbers::Kind::Id => m.ids += 1,
                });
                nums.next();
                i = e;
                continue;
            }
            if let Some((e, masked)) = self.names.match_at(&chars, i) {
                if self
                    .shown
                    .contains(&bare(&chars[i..e].iter().collect::<String>()))
                {
                    out.extend(&chars[i..e]);
                    i = e;
                    continue;
                }
                out.push_str(masked);
                self.count(|m| m.names += 1);
                i = e;
                continue;
            }
            out.push(chars[i]);
            i += 1;
        }
        out
    }
}

/// A name without the spaces and dots people type inside it.
fn bare(name: &str) -> String {
    name.trim()
        .chars()
        .filter(|c| !names::is_inner(*c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redactor() -> Redactor {
        Redactor::new(
            [
                "王秀兰",
                "欧阳明华",
                "刘斌艳、莫刚超",
                "原单位（未售）",
                "买买提艾力·阿不都热合曼",
            ],
            ["李四（儿子）", "网格员 李娜"],
            ["138-1234-5678", "86001"],
        )
    }

    #[test]
    fn masks_people() {
        let r = redactor();
        assert_eq!(r.person("王秀兰"), "王*兰");
        assert_eq!(r.person("欧阳明华"), "欧阳*华");
        assert_eq!(r.person("刘斌艳、莫刚超"), "刘*艳、莫*超");
        assert_eq!(r.person("李四"), "李*", "a bare name");
        assert_eq!(r.person("张三丰（邻居）"), "张*丰（邻居）");
        assert_eq!(r.person("原单位（未售）"), "原单位（未售）");
        assert_eq!(r.person("物业 张经理"), "物业 张经理");
        assert_eq!(r.person("3号楼楼栋长 王秀兰"), "3号楼楼栋长 王*兰");
        assert_eq!(r.person("买买提艾力·阿不都热合曼"), "买*曼");
        assert_eq!(r.person("网格员 李娜"), "网格员 李*");
    }

    #[test]
    fn names_shown_by_decision_stay_whole() {
        let r = redactor().showing(["王秀兰"]);
        assert_eq!(r.person("王秀兰"), "王秀兰");
        assert_eq!(r.person("王 秀兰（主持）"), "王秀兰（主持）");
        assert_eq!(r.text("由王 秀兰和莫刚超负责"), "由王 秀兰和莫*超负责");
        assert_eq!(r.person("欧阳明华"), "欧阳*华");
    }

    #[test]
    fn masks_names_and_numbers_in_free_text() {
        let r = redactor();
        assert_eq!(
            r.text("3-2单元居民代表王 秀兰确认，电话13812345678"),
            "3-2单元居民代表王*兰确认，电话138****5678"
        );
        assert_eq!(
            r.text("联系莫刚超 138-1234-5678 或 wang@example.com，分机 86001"),
            "联系莫*超 138-****-5678 或 w***@example.com，分机 *****"
        );
        assert_eq!(r.text("由李四（儿子）代签"), "由李*（儿子）代签");
        assert_eq!(
            r.text("2026-11-28 3-2-501 面积 80.00"),
            "2026-11-28 3-2-501 面积 80.00"
        );
        assert_eq!(
            r.masked(),
            Masked {
                names: 3,
                phones: 3,
                ids: 0,
                emails: 1
            }
        );
    }
}
