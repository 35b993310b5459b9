//! How the glossary's terms are written (docs/glossary.md): scopes, counts with their measure words
//! and English plurals, and the label colon.

use crate::domain::Scope;
use crate::lang::Lang;

/// Which flats a vote concerns: 全小区 / 3号楼 / 3号楼2单元 / the whole estate / building 3 / building 3 unit 2.
pub fn scope(s: &Scope, lang: Lang) -> String {
    match (s, lang) {
        (Scope::Estate, Lang::Zh) => "全小区".into(),
        (Scope::Estate, Lang::En) => "the whole estate".into(),
        (Scope::Building(b), Lang::Zh) => format!("{b}号楼"),
        (Scope::Building(b), Lang::En) => format!("building {b}"),
        (Scope::Unit { building, unit }, Lang::Zh) => format!("{building}号楼{unit}单元"),
        (Scope::Unit { building, unit }, Lang::En) => format!("building {building} unit {unit}"),
        (Scope::Flats(list), _) => {
            let parts: Vec<String> = list.iter().map(ToString::to_string).collect();
            parts.join(match lang {
                Lang::Zh => "、",
                Lang::En => ", ",
            })
        }
    }
}

/// A counted noun: `count(lang, 3, "名业主", "owner", "owners")` → 3 名业主 / 3 owners; 1 owner.
pub fn count(lang: Lang, n: impl TryInto<i64>, zh: &str, one: &str, many: &str) -> String {
    let n: i64 = n.try_into().unwrap_or(i64::MAX);
    match lang {
        Lang::Zh => format!("{n} {zh}"),
        Lang::En if n == 1 => format!("{n} {one}"),
        Lang::En => format!("{n} {many}"),
    }
}

/// A count whose words are catalogue texts: the singular and the plural (the same in Chinese).
pub fn counted<C: crate::i18n::Catalogue>(
    lang: Lang,
    n: impl TryInto<i64>,
    one: C,
    many: C,
) -> String {
    count(
        lang,
        n,
        one.text(Lang::Zh),
        one.text(Lang::En),
        many.text(Lang::En),
    )
}

/// Owners, counted in 名: 3 名业主 / 1 owner / 3 owners.
pub fn owners(lang: Lang, n: impl TryInto<i64>) -> String {
    count(lang, n, "名业主", "owner", "owners")
}

/// Flats, counted in 户: 288 户 / 1 flat / 288 flats.
pub fn flats(lang: Lang, n: impl TryInto<i64>) -> String {
    count(lang, n, "户", "flat", "flats")
}

/// An item's state as the screens name it (已提出 / raised …), never one of the three steps.
pub fn step(s: crate::domain::Step) -> crate::i18n::T {
    use crate::domain::Step;
    use crate::i18n::T;
    match s {
        Step::Raised => T::StepRaised,
        Step::Discussed => T::StepDiscussed,
        Step::Decided => T::StepDecided,
        Step::Acting => T::StepActing,
        Step::Closed => T::StepClosed,
        Step::Deferred => T::StepDeferred,
        Step::Withdrawn => T::StepWithdrawn,
    }
}

/// The colon after a label: full-width with no space in Chinese (表决结果：通过), `: ` in English.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "：",
        Lang::En => ": ",
    }
}

/// The separator of a list inside a sentence: 、 / ", ".
pub fn list_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "、",
        Lang::En => ", ",
    }
}

/// `label` followed by its colon: 表决规则： / Rule: .
pub fn label(lang: Lang, label: &str) -> String {
    format!("{label}{}", colon(lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Scope;

    #[test]
    fn scopes_as_the_glossary_writes_them() {
        let unit = Scope::parse("3-2").unwrap();
        assert_eq!(scope(&unit, Lang::Zh), "3号楼2单元");
        assert_eq!(scope(&unit, Lang::En), "building 3 unit 2");
        let b = Scope::parse("3").unwrap();
        assert_eq!(scope(&b, Lang::Zh), "3号楼");
        assert_eq!(scope(&Scope::Estate, Lang::En), "the whole estate");
    }

    #[test]
    fn english_plurals() {
        assert_eq!(owners(Lang::En, 1), "1 owner");
        assert_eq!(owners(Lang::En, 0), "0 owners");
        assert_eq!(owners(Lang::Zh, 270), "270 名业主");
        assert_eq!(flats(Lang::En, 288), "288 flats");
        assert_eq!(count(Lang::En, 1, "件", "concern", "concerns"), "1 concern");
    }

    #[test]
    fn label_colons() {
        assert_eq!(label(Lang::Zh, "表决结果"), "表决结果：");
        assert_eq!(label(Lang::En, "Result"), "Result: ");
    }
}
