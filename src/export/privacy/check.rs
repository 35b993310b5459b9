//! What may still be a person's name on a public notice: two to four Chinese characters right
//! after a word that usually introduces a person (由张三负责, 联系人：李四, 业主王五). Only a
//! heuristic, for the secretary to review before posting; masked names (王*兰) are not listed.

use super::names::is_han;

/// Words after which a name usually follows.
const CUES: [&str; 16] = [
    "负责人",
    "联系人",
    "代理人",
    "受托人",
    "经办人",
    "发言人",
    "反映人",
    "户主",
    "联系",
    "业主",
    "委托",
    "由",
    "请",
    "找",
    "向",
    "叫",
];

/// Words that follow a cue without being a name (由物业公司, 请业主, 向社区).
const NOT_NAMES: &[&str] = &[
    "物业", "社区", "居委", "业委", "业主", "全体", "小区", "公司", "街道", "本人", "其他", "相关",
    "大家", "各位", "居民", "代表", "委员", "书面", "电话", "现场", "会议", "开发", "单位", "政府",
    "同意", "反对", "弃权", "表决", "共同", "自行", "签字", "确认", "参与", "提出", "办理", "协商",
    "配合", "及时", "尽快", "大会", "人数", "面积", "姓名", "专有", "异议", "公示",
];

/// The suspicious passages of `text`: each cue with the characters that follow it.
pub fn suspicious(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let Some(cue) = CUES.iter().find(|c| starts_with(&chars[i..], c)) else {
            i += 1;
            continue;
        };
        let mut j = i + cue.chars().count();
        while chars
            .get(j)
            .is_some_and(|c| matches!(c, '：' | ':' | ' ' | '\u{3000}'))
        {
            j += 1;
        }
        let name: String = chars[j..]
            .iter()
            .take_while(|c| is_han(**c))
            .take(4)
            .collect();
        let masked =
            chars.get(j + name.chars().count()) == Some(&'*') || chars.get(j + 1) == Some(&'*');
        if name.chars().count() >= 2 && !masked && !NOT_NAMES.iter().any(|w| name.starts_with(w)) {
            out.push(chars[i..j + name.chars().count()].iter().collect());
        }
        i = j.max(i + 1);
    }
    out
}

fn starts_with(chars: &[char], word: &str) -> bool {
    let n = word.chars().count();
    chars.len() >= n && chars[..n].iter().copied().eq(word.chars())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_what_looks_like_a_name_after_a_cue() {
        assert_eq!(
            suspicious("由张三丰负责，联系人：李四。请物业公司配合，业主王*兰同意。"),
            vec!["由张三丰负".to_string(), "联系人：李四".to_string()]
        );
        assert!(suspicious("全体业主同意，由物业公司办理。").is_empty());
    }
}
