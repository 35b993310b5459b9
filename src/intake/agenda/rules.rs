//! Decision rules: the built-ins, and custom rules declared under `[rules.NAME]` in the agenda file.

use std::collections::BTreeMap;

use toml::de::{DeTable, DeValue};

use crate::domain::Threshold;
use crate::domain::rule::{BUILTIN_RULES, Double, Electorate, Rule};

use crate::i18n::AgendaKeyText as K;
use crate::i18n::{AgendaText as A, said};

use super::report::Report;
use super::suggest::{closest, guess};
use super::table::{At, Fields, KeySpec, Value, string, wrong_type};

const RULE_KEYS: &[KeySpec] = &[
    KeySpec {
        key: "basis",
        what: K::RuleBasis,
        example: "basis = \"《既有住宅加装电梯实施办法》第八条\"",
    },
    KeySpec {
        key: "electorate",
        what: K::RuleElectorate,
        example: "electorate = \"owners\"",
    },
    KeySpec {
        key: "participation_area",
        what: K::RuleParticipationArea,
        example: "participation_area = \">= 2/3\"",
    },
    KeySpec {
        key: "participation_heads",
        what: K::RuleParticipationHeads,
        example: "participation_heads = \">= 2/3\"",
    },
    KeySpec {
        key: "approval_area",
        what: K::RuleApprovalArea,
        example: "approval_area = \">= 3/4\"",
    },
    KeySpec {
        key: "approval_heads",
        what: K::RuleApprovalHeads,
        example: "approval_heads = \"> 1/2\"",
    },
];

/// The rules an item may name. A custom rule that had problems is kept as `None`, so that items naming it
/// are not reported a second time as naming an unknown rule.
pub(super) struct RuleBook {
    custom: BTreeMap<String, Option<Rule>>,
}

pub(super) enum Lookup {
    Found(Rule),
    /// Declared in this file, but with problems already reported.
    Broken,
    Unknown,
}

impl RuleBook {
    /// Reads the `rules` table (absent is fine: most agendas use only built-in rules).
    pub(super) fn read(report: &mut Report, value: Option<&Value>) -> RuleBook {
        let mut custom = BTreeMap::new();
        let Some(value) = value else {
            return RuleBook { custom };
        };
        let DeValue::Table(table) = value.get_ref() else {
            wrong_type(report, "rules", value, A::TypeTable, said!(A::RulesTable));
            return RuleBook { custom };
        };
        for (name, body) in table.iter() {
            let name_text = name.get_ref().to_string();
            let rule = custom_rule(report, &name_text, name.span().start, body);
            custom.insert(name_text, rule);
        }
        RuleBook { custom }
    }

    pub(super) fn lookup(&self, name: &str) -> Lookup {
        if let Some(rule) = Rule::builtin(name) {
            return Lookup::Found(rule);
        }
        match self.custom.get(name) {
            Some(Some(rule)) => Lookup::Found(rule.clone()),
            Some(None) => Lookup::Broken,
            None => Lookup::Unknown,
        }
    }

    /// Hint for an unknown rule: the closest name, then what exists.
    pub(super) fn unknown_hint(&self, typed: &str) -> crate::i18n::Said {
        let mut names: Vec<&str> = BUILTIN_RULES.to_vec();
        names.extend(self.custom.keys().map(String::as_str));
        let guess = guess(closest(typed, &names));
        let declared = if self.custom.is_empty() {
            said!(A::OrDeclare)
        } else {
            let custom: Vec<&str> = self.custom.keys().map(String::as_str).collect();
            said!(A::OrDeclared, custom = custom.join(", "))
        };
        said!(A::RuleHint, builtin = BUILTIN_RULES.join(", "))
            .with("guess", &guess)
            .with("declared", &declared)
    }
}

/// One `[rules.NAME]` table. `None` when anything about it was wrong (and reported).
fn custom_rule(report: &mut Report, name: &str, name_at: usize, body: &Value) -> Option<Rule> {
    let DeValue::Table(table) = body.get_ref() else {
        wrong_type(
            report,
            &format!("rules.{name}"),
            body,
            A::TypeTable,
            said!(A::RuleTable, name = name),
        );
        return None;
    };
    let clean_before = report.count();
    if BUILTIN_RULES.contains(&name) {
        report.at(
            name_at,
            said!(A::BuiltInRule, name = name),
            said!(A::BuiltInRuleHint, name = name),
        );
    }
    let fields = Fields::new(
        report,
        said!(A::TableRule, name = name),
        body.span().start,
        table,
        RULE_KEYS,
    );
    let basis = fields.text(report, "basis");
    let electorate = electorate(report, &fields);
    let participation = Double {
        area: threshold(report, &fields, "participation_area"),
        heads: threshold(report, &fields, "participation_heads"),
    };
    let approval = Double {
        area: threshold(report, &fields, "approval_area"),
        heads: threshold(report, &fields, "approval_heads"),
    };
    if !has_key(table, "approval_area") && !has_key(table, "approval_heads") {
        report.at(
            fields.header(),
            said!(A::NoApproval).with("table", fields.name()),
            said!(A::NoApprovalHint),
        );
    }
    if report.count() != clean_before {
        return None;
    }
    Some(Rule {
        name: name.to_string(),
        basis: basis?.value,
        electorate: electorate?,
        participation,
        approval,
        votes: true,
    })
}

fn has_key(table: &DeTable, key: &str) -> bool {
    table.get(key).is_some()
}

fn electorate(report: &mut Report, fields: &Fields) -> Option<Electorate> {
    let At { value, at } = fields.text(report, "electorate")?;
    match value.as_str() {
        "owners" => Some(Electorate::Owners),
        "present" => Some(Electorate::Present),
        other => {
            let guess = guess(closest(other, &["owners", "present"]));
            report.at(
                at,
                said!(A::UnknownElectorate, name = other),
                said!(A::ElectorateHint).with("guess", &guess),
            );
            None
        }
    }
}

/// An optional threshold such as ">= 2/3" (以上, inclusive) or "> 1/2" (过半数, strict).
fn threshold(report: &mut Report, fields: &Fields, key: &str) -> Option<Threshold> {
    let value = fields.get(key)?;
    let text = string(report, key, value, &format!("{key} = \">= 2/3\""))?;
    match Threshold::parse(&text.value) {
        Ok(t) => Some(t),
        Err(e) => {
            let message = match e {
                crate::domain::rule::ThresholdError::Malformed(t) => {
                    said!(A::NotAThreshold, text = t)
                }
                crate::domain::rule::ThresholdError::OutOfRange(t) => {
                    said!(A::OutOfRange, text = t)
                }
            };
            report.at(text.at, message, said!(A::ThresholdHint, key = key));
            None
        }
    }
}
