//! What a public notice must not show (Personal Information Protection Law): owners' full names and
//! phone numbers. Names are masked the way notices do it (王*兰, 欧阳*华); roster names are also
//! found and masked inside free text (a resolution, a progress note), and long digit runs are masked.

use std::collections::HashMap;

use crate::domain::roster::{is_unsold_name, mask_name};

/// The longest name (in characters) searched for inside free text.
const LONGEST_NAME: usize = 8;

/// Masks names and phone numbers for a public notice.
pub(crate) struct Redactor {
    /// Full name → masked name; co-owners are also listed one by one.
    names: HashMap<String, String>,
    longest: usize,
    phones: Vec<String>,
}

impl Redactor {
    pub fn new(names: &[String], phones: &[String]) -> Redactor {
        let mut map = HashMap::new();
        for name in names {
            let name = name.trim();
            if name.is_empty() || is_unsold_name(name) {
                continue;
            }
            map.insert(name.to_string(), mask_name(name));
            for part in name.split(['、', ',', '，', '/', ';', '；', '&']) {
                let part = part.trim();
                if part.chars().count() >= 2 {
                    map.insert(part.to_string(), mask_name(part));
                }
            }
        }
        let longest = map
            .keys()
            .map(|k| k.chars().count())
            .max()
            .unwrap_or(0)
            .min(LONGEST_NAME);
        let mut phones: Vec<String> = phones
            .iter()
            .map(|p| p.trim().to_string())
            .filter(|p| p.len() >= 5)
            .collect();
        // Longest first, so a number is never half replaced by a shorter one it contains.
        phones.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        Redactor {
            names: map,
            longest,
            phones,
        }
    }

    /// A field that names a person (an owner, a proxy holder, who raised an item): a roster name or
    /// a bare personal name is masked; a longer description has the roster names in it masked.
    pub fn person(&self, text: &str) -> String {
        let t = text.trim();
        if is_unsold_name(t) {
            return t.to_string();
        }
        if let Some(masked) = self.names.get(t) {
            return masked.clone();
        }
        let n = t.chars().count();
        if (2..=4).contains(&n) && t.chars().all(is_han) {
            return mask_name(t);
        }
        self.text(t)
    }

    /// Free text: roster names masked wherever they appear, phone numbers masked.
    pub fn text(&self, text: &str) -> String {
        let mut s = text.to_string();
        for p in &self.phones {
            if s.contains(p.as_str()) {
                s = s.replace(p.as_str(), &mask_digits(p));
            }
        }
        let s = self.mask_names(&s);
        mask_digit_runs(&s)
    }

    fn mask_names(&self, text: &str) -> String {
        if self.longest < 2 {
            return text.to_string();
        }
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let chars = bounds.len() - 1;
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        'scan: while i < chars {
            for len in (2..=self.longest.min(chars - i)).rev() {
                if let Some(masked) = self.names.get(&text[bounds[i]..bounds[i + len]]) {
                    out.push_str(masked);
                    i += len;
                    continue 'scan;
                }
            }
            out.push_str(&text[bounds[i]..bounds[i + 1]]);
            i += 1;
        }
        out
    }
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

/// Keeps the first three and last four digits of a long number (138****0000), masks the rest.
fn mask_digits(number: &str) -> String {
    let digits = number.chars().filter(char::is_ascii_digit).count();
    let mut seen = 0;
    number
        .chars()
        .map(|c| {
            if !c.is_ascii_digit() {
                return c;
            }
            seen += 1;
            if digits >= 11 && (seen <= 3 || seen > digits - 4) {
                c
            } else {
                '*'
            }
        })
        .collect()
}

/// Masks every run of seven or more digits: phone numbers, ID numbers. Flats (3-2-501), dates and
/// areas never have that many digits in a row.
fn mask_digit_runs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.len() >= 7 {
            out.push_str(&mask_digits(run));
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in text.chars() {
        if c.is_ascii_digit() {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redactor() -> Redactor {
        Redactor::new(
            &[
                "王秀兰".into(),
                "欧阳明华".into(),
                "刘斌艳、莫刚超".into(),
                "原单位（未售）".into(),
            ],
            &["138-1234-5678".into()],
        )
    }

    #[test]
    fn masks_people() {
        let r = redactor();
        assert_eq!(r.person("王秀兰"), "王*兰");
        assert_eq!(r.person("欧阳明华"), "欧阳*华");
        assert_eq!(r.person("刘斌艳、莫刚超"), "刘*艳、莫*超");
        assert_eq!(r.person("李四"), "李*", "a bare name not in the roster");
        assert_eq!(r.person("原单位（未售）"), "原单位（未售）");
        assert_eq!(r.person("物业 张经理"), "物业 张经理");
        assert_eq!(r.person("3号楼楼栋长 王秀兰"), "3号楼楼栋长 王*兰");
    }

    #[test]
    fn masks_names_and_numbers_in_free_text() {
        let r = redactor();
        assert_eq!(
            r.text("3-2单元居民代表王秀兰确认，电话13812345678"),
            "3-2单元居民代表王*兰确认，电话138****5678"
        );
        assert_eq!(
            r.text("联系莫刚超 138-1234-5678"),
            "联系莫*超 138-****-5678"
        );
        assert_eq!(
            r.text("2026-11-28 3-2-501 面积 80.00"),
            "2026-11-28 3-2-501 面积 80.00"
        );
    }
}
