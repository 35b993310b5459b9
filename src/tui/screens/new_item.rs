//! A new item typed in on screen, with a vote if it needs one: title, who raised it, the concern,
//! the rule (picked from a list), the scope and any required consents. Nothing is written unless
//! every field reads; a field that does not is named and keeps its text.

use jiff::civil::Date;

use crate::domain::meeting::ItemPlan;
use crate::domain::rule::{CIVIL_CODE_MAJOR, CIVIL_CODE_ORDINARY, NONE, SHOW_OF_HANDS};
use crate::domain::{FlatRef, Rule, Scope};
use crate::i18n::{SetupText as X, T};
use crate::lang::Lang;

use super::super::form::{Field, Form};

/// Where each field of the item form is.
pub const TITLE: usize = 0;
pub const FROM: usize = 2;
pub const ON: usize = 3;
pub const CATEGORY: usize = 4;
pub const STATEMENT: usize = 5;
pub const RULE: usize = 6;
pub const SCOPE: usize = 7;
pub const CONSENTS: usize = 8;

/// The built-in rules as the list offers them (the digits 1–4 pick them too).
pub fn rule_choices(lang: Lang) -> Vec<(String, String)> {
    [
        (CIVIL_CODE_MAJOR, X::ChoiceMajor),
        (CIVIL_CODE_ORDINARY, X::ChoiceOrdinary),
        (SHOW_OF_HANDS, X::ChoiceHands),
        (NONE, X::ChoiceNone),
    ]
    .into_iter()
    .map(|(name, label)| (name.to_string(), label.get(lang).to_string()))
    .collect()
}

pub fn form(lang: Lang) -> Form {
    Form::new(
        T::NewItemTitle,
        vec![
            Field::line(T::ItemTitle),
            Field::line(T::RaiseBy),
            Field::line(T::RaiseFrom).optional(),
            Field::line(T::RaisedOnField)
                .hint(T::RaisedOnHint)
                .optional(),
            Field::line(T::CategoryField)
                .hint(T::CategoryHint)
                .optional(),
            Field::text(T::Statement),
            // A new item is for discussion until the host picks a rule with a vote.
            Field::choice(T::Rule, rule_choices(lang))
                .hint(T::RuleHint)
                .with(NONE),
            Field::line(T::Scope)
                .hint(T::ScopeHint)
                .with(T::ScopeEstate.get(lang)),
            Field::line(T::RequiredConsents)
                .hint(T::ConsentsHint)
                .optional(),
        ],
    )
}

/// The rule from its name (the list's value, or a rule named in an agenda file).
pub fn rule(text: &str) -> Option<Rule> {
    Rule::builtin(text.trim())
}

/// A day typed in a form: nothing, or a real date in any form people write (2026-10-20,
/// 2026/10/20, 2026.10.20, 2026年10月20日, full-width digits too; 10月20日 falls in `year`);
/// otherwise the text as typed (half-width), for the message.
pub fn exact_date(text: &str, year: i16) -> Result<Option<Date>, String> {
    let plain = crate::domain::written::half_width(text);
    let t = plain.trim();
    if t.is_empty() {
        return Ok(None);
    }
    crate::domain::written::parse_date(t, year)
        .map(Some)
        .ok_or_else(|| t.to_string())
}

/// The day the concern was raised: an exact date, not after the meeting.
fn raised_on(text: &str, meeting: Option<Date>, lang: Lang) -> Result<Option<Date>, String> {
    // A month and day alone fall in the meeting's year (this year when there is no meeting yet).
    let year = meeting.map_or_else(|| jiff::Zoned::now().year(), |m| m.year());
    let Some(day) =
        exact_date(text, year).map_err(|t| X::BadRaisedOn.fill(lang, &[("text", &t)]))?
    else {
        return Ok(None);
    };
    match meeting {
        Some(m) if day > m => Err(X::RaisedAfter.fill(lang, &[("day", &day), ("meeting", &m)])),
        _ => Ok(Some(day)),
    }
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

/// The plan, or the field that does not read (its index) and why. `meeting` is the meeting's
/// day: a concern is raised before the meeting that discusses it.
pub fn plan(
    values: &[String],
    meeting: Option<Date>,
    lang: Lang,
) -> Result<ItemPlan, (usize, String)> {
    let bad_flat = |i: usize, t: String| (i, T::NotAFlatNamed.fill(lang, &[("text", &t)]));
    let from = match values[FROM].as_str() {
        "" => None,
        t => Some(FlatRef::parse(t).map_err(|_| bad_flat(FROM, t.to_string()))?),
    };
    let raised_on = raised_on(&values[ON], meeting, lang).map_err(|e| (ON, e))?;
    let rule = rule(&values[RULE]).ok_or((RULE, T::BadRule.get(lang).to_string()))?;
    let scope = scope(&values[SCOPE]).ok_or((SCOPE, T::BadScope.get(lang).to_string()))?;
    let consents = flats(&values[CONSENTS]).map_err(|t| bad_flat(CONSENTS, t))?;
    let category = Some(values[CATEGORY].trim().to_string()).filter(|c| !c.is_empty());
    Ok(ItemPlan {
        title: values[TITLE].clone(),
        raised_by: values[1].clone(),
        raised_from: from,
        raised_on,
        statement: values[STATEMENT].clone(),
        category,
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

    #[test]
    fn a_day_is_read_in_every_form_people_write() {
        let day = Some(jiff::civil::date(2026, 10, 20));
        for typed in [
            "2026-10-20",
            "2026/10/20",
            "2026.10.20",
            "2026年10月20日",
            "10月20日",
            "２０２６－１０－２０",
            " 2026年10月20日 ",
        ] {
            assert_eq!(exact_date(typed, 2026), Ok(day), "{typed}");
        }
        assert_eq!(exact_date("  ", 2026), Ok(None));
        assert_eq!(exact_date("2026-02-30", 2026), Err("2026-02-30".into()));
        assert_eq!(exact_date("１０/２０", 2026), Err("10/20".into()));
        let meeting = Some(jiff::civil::date(2026, 11, 28));
        assert_eq!(raised_on("10月20日", meeting, Lang::Zh), Ok(day));
        assert!(
            raised_on("12月20日", meeting, Lang::Zh).is_err(),
            "after the meeting"
        );
    }

    fn values(on: &str, rule: &str, scope: &str, consents: &str) -> Vec<String> {
        [
            "加装电梯",
            "王秀兰",
            "3-2-501",
            on,
            "加装电梯",
            "老人上下楼难",
            rule,
            scope,
            consents,
        ]
        .map(String::from)
        .to_vec()
    }

    #[test]
    fn reads_rules_scopes_consents_and_the_day_or_names_the_field() {
        let day = Some(jiff::civil::date(2026, 11, 28));
        let p = plan(
            &values("2026-10-20", CIVIL_CODE_MAJOR, "3-2", "3-2-101"),
            day,
            Lang::Zh,
        )
        .unwrap();
        assert_eq!(p.rule.name, "civil-code-major");
        assert_eq!(
            p.scope,
            Scope::Unit {
                building: "3".into(),
                unit: "2".into()
            }
        );
        assert_eq!(p.required_consent.len(), 1);
        assert_eq!(p.raised_on, Some(jiff::civil::date(2026, 10, 20)));
        assert_eq!(p.category.as_deref(), Some("加装电梯"));
        let p = plan(&values("", SHOW_OF_HANDS, "全小区", ""), day, Lang::Zh).unwrap();
        assert_eq!(
            (p.rule.name.as_str(), p.scope, p.raised_on),
            ("show-of-hands", Scope::Estate, None)
        );
        let p = plan(
            &values("２０２６－１１－０２", NONE, "3-2-101、3-2-102", ""),
            day,
            Lang::Zh,
        )
        .unwrap();
        assert!(matches!(p.scope, Scope::Flats(ref f) if f.len() == 2));
        assert_eq!(p.raised_on, Some(jiff::civil::date(2026, 11, 2)));
        let field = |v: Vec<String>| plan(&v, day, Lang::En).unwrap_err().0;
        assert_eq!(field(values("", "9", "3", "")), RULE);
        assert_eq!(field(values("", NONE, "?", "")), SCOPE);
        assert_eq!(field(values("", NONE, "3", "abc")), CONSENTS);
        for bad in ["2026-02-30", "20261020", "10/20", "2026-13-01", "昨天"] {
            assert_eq!(field(values(bad, NONE, "3", "")), ON, "{bad}");
        }
        let late = plan(&values("2026-12-01", NONE, "3", ""), day, Lang::Zh).unwrap_err();
        assert_eq!(late.0, ON);
        assert!(late.1.contains("晚于会议日期 2026-11-28"), "{}", late.1);
    }
}
