//! What the screens say about a rule and a vote, worded to match the counting exactly: a custom
//! rule shows its thresholds, a closed vote its result and date, an open vote never sounds final.

use crate::domain::rule::{CIVIL_CODE_MAJOR, CIVIL_CODE_ORDINARY, Double, NONE, SHOW_OF_HANDS};
use crate::domain::{Rule, Tally};
use crate::i18n::{T, date};
use crate::store::ItemRecord;

use super::super::app::App;

/// The rule in plain words; a custom rule with its thresholds.
pub fn rule_text(app: &App, rule: &Rule) -> String {
    let builtin = match rule.name.as_str() {
        CIVIL_CODE_MAJOR => Some(T::RuleMajor),
        CIVIL_CODE_ORDINARY => Some(T::RuleOrdinary),
        SHOW_OF_HANDS => Some(T::RuleHands),
        NONE => Some(T::RuleNone),
        _ => None,
    };
    if let Some(t) = builtin {
        return app.t(t).to_string();
    }
    let double = |d: &Double| {
        let parts: Vec<String> = [(T::ByArea, d.area), (T::ByHeads, d.heads)]
            .into_iter()
            .filter_map(|(by, t)| t.map(|t| format!("{} {t}", app.t(by))))
            .collect();
        if parts.is_empty() {
            app.t(T::NoThreshold).to_string()
        } else {
            parts.join(if app.lang == crate::lang::Lang::Zh {
                "、"
            } else {
                ", "
            })
        }
    };
    T::RuleCustomText.fill(
        app.lang,
        &[
            ("name", &rule.name),
            ("take", &double(&rule.participation)),
            ("approve", &double(&rule.approval)),
        ],
    )
}

/// The rule's short name for a list (the part before the colon).
pub fn rule_short(app: &App, rule: &Rule) -> String {
    let text = rule_text(app, rule);
    text.split(['：', ':']).next().unwrap_or(&text).to_string()
}

/// Where the vote stands: the result and its date once closed; otherwise the live verdict.
pub fn vote_state(app: &App, item: &ItemRecord, tally: &Tally) -> String {
    if !item.vote_closed {
        return crate::i18n::verdict(tally, app.lang);
    }
    let passed = item.result.as_ref().map_or(tally.passed, |r| r.passed);
    let offset = app
        .model
        .as_ref()
        .map_or(jiff::tz::Offset::UTC, |m| m.meeting.offset);
    let day = item
        .closed_at
        .as_deref()
        .and_then(|t| t.parse::<jiff::Timestamp>().ok())
        .map(|t| date(app.lang, offset.to_datetime(t).date()))
        .unwrap_or_default();
    let t = if passed {
        T::ClosedPassed
    } else {
        T::ClosedFailed
    };
    t.fill(app.lang, &[("date", &day)])
}

/// The separator after a label: a full-width colon after Chinese, ": " in English.
pub fn colon(lang: crate::lang::Lang) -> &'static str {
    crate::i18n::terms::colon(lang)
}

/// A label with its colon: "表决规则：" / "Rule: ".
pub fn label(app: &App, t: T) -> String {
    crate::i18n::terms::label(app.lang, app.t(t))
}

/// A scope as the glossary writes it: 全小区 / 3号楼 / 3号楼2单元 / 3-2-101、3-2-102.
pub fn scope_text(app: &App, scope: &crate::domain::Scope) -> String {
    use crate::domain::Scope;
    match scope {
        Scope::Estate => app.t(T::ScopeEstate).to_string(),
        Scope::Building(b) => T::ScopeBuilding.fill(app.lang, &[("b", b)]),
        Scope::Unit { building, unit } => {
            T::ScopeUnit.fill(app.lang, &[("b", building), ("u", unit)])
        }
        Scope::Flats(flats) => {
            let list: Vec<String> = flats.iter().map(ToString::to_string).collect();
            let sep = if app.lang == crate::lang::Lang::Zh {
                "、"
            } else {
                ", "
            };
            list.join(sep)
        }
    }
}

/// The unit of area: ㎡ in Chinese, m² in English.
pub fn area_unit(lang: crate::lang::Lang) -> &'static str {
    match lang {
        crate::lang::Lang::Zh => "㎡",
        crate::lang::Lang::En => "m²",
    }
}
