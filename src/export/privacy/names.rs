//! Personal names inside free text, also when typed with spaces or dots between the characters
//! (王 秀兰, 买买提艾力·阿不都热合曼), of any length.

use std::collections::HashMap;

use crate::domain::roster::{is_unsold_name, mask_name};

/// What may stand between the characters of a name as typed.
pub fn is_inner(c: char) -> bool {
    c.is_whitespace() || matches!(c, '·' | '.' | '•' | '・' | '‧' | '･' | '．')
}

/// The dots between the parts of a transliterated name.
fn is_dot(c: char) -> bool {
    is_inner(c) && !c.is_whitespace()
}

/// Separators of co-owners in one roster name (刘斌艳、莫刚超).
const LIST: [char; 8] = ['、', ',', '，', '/', ';', '；', '&', '＆'];

pub fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

/// A name without the note that may follow it: 李四（儿子） → (李四, （儿子）).
pub fn split_note(text: &str) -> (&str, &str) {
    match text.find(['（', '(']) {
        Some(i) if i > 0 => (text[..i].trim_end(), &text[i..]),
        _ => (text, ""),
    }
}

/// Every known name, by its first character: (the name's characters without inner separators,
/// the masked name).
#[derive(Default)]
pub struct NameSet {
    by_first: HashMap<char, Vec<(Vec<char>, String)>>,
}

impl NameSet {
    /// Adds a person as written in a field: co-owners one by one, a note in brackets dropped,
    /// an estate's unsold-flats placeholder and one-character words skipped.
    pub fn add(&mut self, written: &str) {
        let written = written.trim();
        if written.is_empty() || is_unsold_name(written) {
            return;
        }
        for part in written.split(LIST) {
            let (name, _) = split_note(part.trim());
            self.insert(name.chars().filter(|c| !is_inner(*c)).collect());
            // A transliterated name is also written by one of its parts alone
            // (买买提艾力·阿不都热合曼 → 买买提艾力); parts of three characters or more, so a dot
            // typed inside a Chinese name (王.秀兰) adds nothing.
            if name.contains(is_dot) {
                for given in name.split(is_dot) {
                    let key: Vec<char> = given.chars().filter(|c| !is_inner(*c)).collect();
                    if key.len() >= 3 {
                        self.insert(key);
                    }
                }
            }
        }
    }

    fn insert(&mut self, key: Vec<char>) {
        if key.len() < 2 {
            return;
        }
        let canonical: String = key.iter().collect();
        let list = self.by_first.entry(key[0]).or_default();
        if !list.iter().any(|(k, _)| *k == key) {
            list.push((key, mask_name(&canonical)));
            // Longest first, so 欧阳明华 wins over 欧阳明.
            list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        }
    }

    /// Adds a person as written in a free field (a speaker, a proxy holder, who is responsible): a
    /// role in front is not part of the name (网格员 李娜 → 李娜), a single character in front is
    /// (王 秀兰).
    pub fn add_written(&mut self, written: &str) {
        let written = written.trim();
        match written.rsplit_once(char::is_whitespace) {
            Some((role, name)) if role.trim().chars().count() >= 2 => self.add(name),
            _ => self.add(written),
        }
    }

    /// The known name that starts at `chars[i]`: its end (char index) and masked form.
    pub fn match_at(&self, chars: &[char], i: usize) -> Option<(usize, &str)> {
        let list = self.by_first.get(&chars[i])?;
        list.iter().find_map(|(key, masked)| {
            let mut j = i;
            let mut k = 0;
            while k < key.len() {
                match chars.get(j) {
                    Some(c) if *c == key[k] => k += 1,
                    Some(c) if k > 0 && is_inner(*c) => {}
                    _ => return None,
                }
                j += 1;
            }
            Some((j, masked.as_str()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_inner_spaces_dots_and_any_length() {
        let mut set = NameSet::default();
        set.add("王秀兰");
        set.add("买买提艾力·阿不都热合曼");
        set.add_written("李四（儿子）");
        set.add_written("网格员 李娜");
        set.add_written("王 秀英");
        set.add("原单位（未售）");
        let at = |text: &str| {
            let chars: Vec<char> = text.chars().collect();
            set.match_at(&chars, 0).map(|(e, m)| (e, m.to_string()))
        };
        assert_eq!(at("王 秀兰说"), Some((4, "王*兰".into())));
        assert_eq!(at("王.秀.兰"), Some((5, "王*兰".into())));
        assert_eq!(at("买买提艾力阿不都热合曼"), Some((11, "买*曼".into())));
        assert_eq!(at("买买提艾力 · 阿不都热合曼"), Some((14, "买*曼".into())));
        assert_eq!(
            at("买买提艾力回复"),
            Some((5, "买*力".into())),
            "a part alone"
        );
        assert_eq!(at("阿不都热合曼"), Some((6, "阿*曼".into())));
        assert_eq!(at("李四负责"), Some((2, "李*".into())));
        assert_eq!(at("原单位"), None);
        assert_eq!(at("王秀"), None);
        assert_eq!(at("李娜"), Some((2, "李*".into())));
        assert_eq!(at("网格员"), None);
        assert_eq!(at("王秀英"), Some((3, "王*英".into())));
    }
}
