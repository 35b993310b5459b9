//! Decision rules: the built-ins, and custom rules declared under `[rules.NAME]` in the agenda file.

use std::collections::BTreeMap;

use toml::de::{DeTable, DeValue};

use crate::domain::Threshold;
use crate::domain::rule::{BUILTIN_RULES, Double, Electorate, Rule};

use super::report::Report;
use super::suggest::closest;
use super::table::{At, Fields, KeySpec, Value, string, wrong_type};

const RULE_KEYS: &[KeySpec] = &[
    KeySpec {
        key: "basis",
        what: "one line for the minutes saying why this rule applies",
        example: "basis = \"《既有住宅加装电梯实施办法》第八条\"",
    },
    KeySpec {
        key: "electorate",
        what: "who votes: \"owners\" (all owners in scope) or \"present\" (those signed in)",
        example: "electorate = \"owners\"",
    },
    KeySpec {
        key: "participation_area",
        what: "share of the floor area that must take part",
        example: "participation_area = \">= 2/3\"",
    },
    KeySpec {
        key: "participation_heads",
        what: "share of the owners that must take part",
        example: "participation_heads = \">= 2/3\"",
    },
    KeySpec {
        key: "approval_area",
        what: "share of the participating area that must approve",
        example: "approval_area = \">= 3/4\"",
    },
    KeySpec {
        key: "approval_heads",
        what: "share of the participating owners that must approve",
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
            wrong_type(
                report,
                "rules",
                value,
                "a table",
                "declare each custom rule as [rules.NAME]",
            );
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
    pub(super) fn unknown_hint(&self, typed: &str) -> String {
        let mut names: Vec<&str> = BUILTIN_RULES.to_vec();
        names.extend(self.custom.keys().map(String::as_str));
        let guess =
            closest(typed, &names).map_or(String::new(), |n| format!("did you mean '{n}'? "));
        let declared = if self.custom.is_empty() {
            ", or declare one as [rules.NAME]".to_string()
        } else {
            let custom: Vec<&str> = self.custom.keys().map(String::as_str).collect();
            format!(" or one declared in this file ({})", custom.join(", "))
        };
        format!(
            "{guess}use a built-in rule ({}){declared}",
            BUILTIN_RULES.join(", ")
        )
    }
}

/// One `[rules.NAME]` table. `None` when anything about it was wrong (and reported).
fn custom_rule(report: &mut Report, name: &str, name_at: usize, body: &Value) -> Option<Rule> {
    let DeValue::Table(table) = body.get_ref() else {
        wrong_type(
            report,
            &format!("rules.{name}"),
            body,
            "a table",
            format!("declare the rule as [rules.{name}] with basis, electorate and thresholds"),
        );
        return None;
    };
    let clean_before = report.count();
    if BUILTIN_RULES.contains(&name) {
        report.at(
            name_at,
            format!("rule '{name}' is built in and cannot be redeclared"),
            format!("give your rule another name, e.g. [rules.{name}-local], and use that name in the items"),
        );
    }
    let fields = Fields::new(
        report,
        format!("rule '{name}'"),
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
            format!("{} has no approval threshold", fields.name()),
            "add approval_heads and/or approval_area, e.g. approval_heads = \"> 1/2\"; for discussion only use rule = \"none\"",
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
            let guess = closest(other, &["owners", "present"])
                .map_or(String::new(), |n| format!("did you mean '{n}'? "));
            report.at(
                at,
                format!("unknown electorate '{other}'"),
                format!("{guess}write \"owners\" (every owner in the scope) or \"present\" (only those signed in)"),
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
                    format!("'{t}' is not a threshold")
                }
                crate::domain::rule::ThresholdError::OutOfRange(t) => {
                    format!("'{t}' is not a fraction between 0 and 1")
                }
            };
            report.at(
                text.at,
                message,
                format!("write a comparison and a fraction: {key} = \">= 2/3\" (2/3 or more, 以上) or \"> 1/2\" (more than half, 过半数)"),
            );
            None
        }
    }
}
