//! An item's cost plan (`[items.cost]`): the amount, the subsidy, and a coefficient per floor.
//!
//! ```toml
//! [items.cost]
//! amount = "780000.00"      # yuan, exact to the fen (a number or a text)
//! subsidy = "200000"        # deducted before sharing; 0 when absent
//! by_area = false           # true: each flat's weight is coefficient × area
//! floors = { 1 = 0, 2 = 0.3, 3 = 0.6, 4 = 0.9, 5 = 1.2, 6 = 1.5 }
//! ```
//!
//! Numbers are read from their written text, never through floating point, so `0.3` is exactly 0.3.

use std::collections::BTreeMap;

use toml::de::DeValue;

use crate::domain::Scope;
use crate::domain::cost::{Coefficient, CostPlan, DecimalError, Fen};
use crate::lang::Lang;

use crate::i18n::AgendaKeyText as K;
use crate::i18n::cost_plan::{cost_error, decimal_error};
use crate::i18n::{AgendaText as A, CostPlanText as C, Said, said};

use super::report::Report;
use super::roster_view::RosterView;
use super::table::{Fields, KeySpec, Value, wrong_type};

pub(super) const COST_KEYS: &[KeySpec] = &[
    KeySpec {
        key: "amount",
        what: K::CostAmount,
        example: "amount = \"780000.00\"",
    },
    KeySpec {
        key: "subsidy",
        what: K::CostSubsidy,
        example: "subsidy = \"200000.00\"",
    },
    KeySpec {
        key: "by_area",
        what: K::CostByArea,
        example: "by_area = false",
    },
    KeySpec {
        key: "floors",
        what: K::CostFloors,
        example: "floors = { 1 = 0, 2 = 0.3, 3 = 0.6 }",
    },
];

/// Reads `cost` of item `number`; `None` if it had a problem (reported) — or is absent (not reported).
pub(super) fn read_cost(
    report: &mut Report,
    roster: &RosterView,
    scope: Option<&Scope>,
    number: usize,
    value: &Value,
) -> Option<CostPlan> {
    let DeValue::Table(table) = value.get_ref() else {
        wrong_type(
            report,
            "cost",
            value,
            A::TypeTable,
            said!(C::WriteUnderHeader, example = "amount = \"780000.00\""),
        );
        return None;
    };
    let before = report.count();
    let fields = Fields::new(
        report,
        said!(A::TableCost, n = number),
        value.span().start,
        table,
        COST_KEYS,
    );
    let amount = fields
        .required(report, "amount")
        .and_then(|v| money(report, "amount", v));
    let subsidy = match fields.get("subsidy") {
        Some(v) => money(report, "subsidy", v),
        None => Some(Fen::ZERO),
    };
    let by_area = match fields.get("by_area").map(|v| (v, v.get_ref())) {
        None => Some(false),
        Some((_, DeValue::Boolean(b))) => Some(*b),
        Some((v, _)) => {
            wrong_type(report, "by_area", v, A::TypeTrueFalse, "by_area = false");
            None
        }
    };
    let floors = fields
        .required(report, "floors")
        .and_then(|v| floors(report, v));
    if report.count() != before {
        return None;
    }
    let plan = CostPlan {
        amount_fen: amount?,
        subsidy_fen: subsidy?,
        floors: floors?,
        by_area: by_area?,
    };
    if let Err(e) = plan.check() {
        report.at(
            fields.key_at("subsidy"),
            said!(C::PlanOfItem, n = number).with("error", &cost_error(&e)),
            said!(C::CheckSubsidy),
        );
        return None;
    }
    check_floors(report, roster, scope, &fields, number, &plan)?;
    Some(plan)
}

/// Every floor with a flat in the item's scope needs a coefficient (when the roster is known).
fn check_floors(
    report: &mut Report,
    roster: &RosterView,
    scope: Option<&Scope>,
    fields: &Fields,
    number: usize,
    plan: &CostPlan,
) -> Option<()> {
    let scope = scope?;
    let mut missing: Vec<(u32, String)> = Vec::new();
    let mut floorless: Vec<String> = Vec::new();
    for flat in roster.flats().filter(|f| scope.contains(f)) {
        match flat.floor().filter(|f| *f > 0) {
            Some(floor) if plan.floors.contains_key(&floor) => {}
            Some(floor) => missing.push((floor, flat.to_string())),
            None => floorless.push(flat.to_string()),
        }
    }
    missing.sort();
    missing.dedup_by_key(|(floor, _)| *floor);
    if !missing.is_empty() {
        let floors = |lang| {
            let list: Vec<String> = (missing.iter())
                .map(|(floor, flat)| C::FloorOfFlat.fill(lang, &[("floor", floor), ("flat", flat)]))
                .collect();
            list.join(crate::i18n::terms::list_separator(lang))
        };
        report.at(
            fields.key_at("floors"),
            said!(C::NoCoefficientFor, n = number).both(
                "floors",
                floors(Lang::Zh),
                floors(Lang::En),
            ),
            said!(C::EveryFloor),
        );
    }
    if !floorless.is_empty() {
        floorless.sort();
        report.at(
            fields.key_at("floors"),
            said!(C::FloorUnreadable).both("flats", floorless.join("、"), floorless.join(", ")),
            said!(C::FloorFromRoom),
        );
    }
    (missing.is_empty() && floorless.is_empty()).then_some(())
}

/// Yuan as a number (`780000`, `780000.5`) or a text (`"780000.50"`), exact to the fen.
fn money(report: &mut Report, key: &str, value: &Value) -> Option<Fen> {
    let text = number_text(report, key, value, "\"780000.00\"")?;
    match Fen::parse_yuan(&text) {
        Ok(fen) => Some(fen),
        Err(e) => {
            report.at(
                value.span().start,
                said!(C::KeyValue, key = key).with("error", &decimal_error(&e)),
                decimal_hint(&e, C::Yuan),
            );
            None
        }
    }
}

fn floors(report: &mut Report, value: &Value) -> Option<BTreeMap<u32, Coefficient>> {
    let DeValue::Table(table) = value.get_ref() else {
        wrong_type(
            report,
            "floors",
            value,
            A::TypeFloorTable,
            "floors = { 1 = 0, 2 = 0.3, 3 = 0.6 }",
        );
        return None;
    };
    let before = report.count();
    let mut out = BTreeMap::new();
    for (key, v) in table.iter() {
        let name = key.get_ref().as_ref();
        let Some(floor) = name.parse::<u32>().ok().filter(|f| *f > 0) else {
            report.at(
                key.span().start,
                said!(C::NotAFloor, name = name),
                said!(C::WholeFloors, example = "floors = { 1 = 0, 2 = 0.3 }"),
            );
            continue;
        };
        let Some(text) = number_text(report, name, v, "0.3") else {
            continue;
        };
        match Coefficient::parse(&text) {
            Ok(c) => {
                out.insert(floor, c);
            }
            Err(e) => report.at(
                v.span().start,
                said!(C::FloorValue, floor = floor).with("error", &decimal_error(&e)),
                decimal_hint(&e, C::Coefficient),
            ),
        }
    }
    if out.is_empty() && report.count() == before {
        report.at(
            value.span().start,
            said!(C::NoFloorsGiven),
            Said::verbatim("floors = { 1 = 0, 2 = 0.3, 3 = 0.6 }"),
        );
    }
    (report.count() == before).then_some(out)
}

/// The written text of a number (integer, decimal or quoted), as typed: no floating point involved.
fn number_text(report: &mut Report, key: &str, value: &Value, example: &str) -> Option<String> {
    match value.get_ref() {
        DeValue::String(s) => Some(s.trim().to_string()),
        DeValue::Integer(i) if i.radix() == 10 => Some(i.as_str().to_string()),
        DeValue::Float(f) => Some(f.as_str().to_string()),
        _ => {
            wrong_type(
                report,
                key,
                value,
                A::TypeNumber,
                said!(A::ForExample, example = format!("{key} = {example}")),
            );
            None
        }
    }
}

fn decimal_hint(e: &DecimalError, what: C) -> Said {
    match e {
        DecimalError::Negative(_) => said!(C::WritePositive).word("what", what),
        _ => said!(C::Write).word("what", what),
    }
}
