//! A new item typed in on screen, with a vote if it needs one: title, who raised it, the concern,
//! the rule (picked by number), the scope and any required consents. Nothing is written unless
//! every field reads; a field that does not is named and keeps its text.

use crate::domain::meeting::ItemPlan;
use crate::domain::{FlatRef, Rule, Scope};
use crate::i18n::T;
use crate::lang::Lang;

use super::super::form::{Field, Form};

pub fn form(lang: Lang) -> Form {
    Form::new(
        T::NewItemTitle,
        vec![
            Field::line(T::ItemTitle),
            Field::line(T::RaiseBy),
            Field::line(T::RaiseFrom).optional(),
            Field::text(T::Statement),
            Field::line(T::Rule).hint(T::RuleHint).with("4"),
            Field::line(T::Scope)
                .hint(T::ScopeHint)
                .with(T::ScopeEstate.get(lang)),
            Field::line(T::RequiredConsents)
                .hint(T::ConsentsHint)
                .optional(),
        ],
    )
}

/// The rule from what was typed: its number in the list, or its name.
pub fn rule(text: &str) -> Option<Rule> {
    use crate::domain::rule::{CIVIL_CODE_MAJOR, CIVIL_CODE_ORDINARY, NONE, SHOW_OF_HANDS};
    let name = match text.trim() {
        "1" => CIVIL_CODE_MAJOR,
        "2" => CIVIL_CODE_ORDINARY,
        "3" => SHOW_OF_HANDS,
        "4" => NONE,
        other => other,
    };
    Rule::builtin(name)
}

/// Flats separated by commas, 、 or spaces.
fn flats(text: &str) -> Result<Vec<FlatRef>, String> {
    text.split([',', '，', '、', ';', '；'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| FlatRef::parse(t).map_err(|_| t.to_string()))
        .collect()
}

/// The scope from what was typed: the estate, a building, a unit, or a list of flats.
pub fn scope(text: &str) -> Option<Scope> {
    let named = |t: &str| !t.is_empty() && t.chars().all(char::is_alphanumeric);
    match Scope::parse(text) {
        Ok(s @ Scope::Estate) => Some(s),
        Ok(Scope::Building(b)) if named(&b) => Some(Scope::Building(b)),
        Ok(Scope::Unit { building, unit }) if named(&building) && named(&unit) => {
            Some(Scope::Unit { building, unit })
        }
        _ => match flats(text) {
            Ok(list) if !list.is_empty() => Some(Scope::Flats(list)),
            _ => None,
        },
    }
}

/// The plan, or the field that does not read (its index) and why.
pub fn plan(values: &[String], lang: Lang) -> Result<ItemPlan, (usize, String)> {
    let rule = rule(&values[4]).ok_or((4, T::BadRule.get(lang).to_string()))?;
    let bad_flat = |i: usize, t: String| (i, T::NotAFlatNamed.fill(lang, &[("text", &t)]));
    let scope = scope(&values[5]).ok_or((5, T::BadScope.get(lang).to_string()))?;
    let from = match values[2].as_str() {
        "" => None,
        t => Some(FlatRef::parse(t).map_err(|_| bad_flat(2, t.to_string()))?),
    };
    let consents = flats(&values[6]).map_err(|t| bad_flat(6, t))?;
    Ok(ItemPlan {
        title: values[0].clone(),
        raised_by: values[1].clone(),
        raised_from: from,
        raised_on: None,
        statement: values[3].clone(),
        category: None,
        proposal: None,
        rule,
        scope,
        required_consent: consents,
        cost: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(rule: &str, scope: &str, consents: &str) -> Vec<String> {
        [
            "加装电梯",
            "王秀兰",
            "3-2-501",
            "老人上下楼难",
            rule,
            scope,
            consents,
        ]
        .map(String::from)
        .to_vec()
    }

    #[test]
    fn reads_rules_scopes_and_consents_or_names_the_field() {
        let p = plan(&values("1", "3-2", "3-2-101"), Lang::Zh).unwrap();
        assert_eq!(p.rule.name, "civil-code-major");
        assert_eq!(
            p.scope,
            Scope::Unit {
                building: "3".into(),
                unit: "2".into()
            }
        );
        assert_eq!(p.required_consent.len(), 1);
        let p = plan(&values("show-of-hands", "全小区", ""), Lang::Zh).unwrap();
        assert_eq!(
            (p.rule.name.as_str(), p.scope),
            ("show-of-hands", Scope::Estate)
        );
        let p = plan(&values("2", "3-2-101、3-2-102", ""), Lang::Zh).unwrap();
        assert!(matches!(p.scope, Scope::Flats(ref f) if f.len() == 2));
        assert_eq!(plan(&values("9", "3", ""), Lang::En).unwrap_err().0, 4);
        assert_eq!(plan(&values("1", "?", ""), Lang::En).unwrap_err().0, 5);
        assert_eq!(plan(&values("1", "3", "abc"), Lang::En).unwrap_err().0, 6);
    }
}
