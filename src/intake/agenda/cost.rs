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

use std::collections::{BTreeMap, HashSet};

use toml::Spanned;
use toml::de::DeValue;

use crate::domain::Scope;
use crate::domain::cost::{Coefficient, CostPlan, Fen};

use crate::i18n::AgendaKeyText as K;
use crate::i18n::{AgendaText as A, CostText as C, cost_error, decimal_error, said};

use crate::i18n::terms::list_separator;
use crate::intake::Problems;
use crate::lang::Lang::{En, Zh};

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
            said!(C::PlanOfItem, n = number).with("why", &cost_error(&e)),
            said!(C::SubsidyHint),
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
    let Some(scope) = scope else {
        return Some(()); // checked by the store against the item's flats
    };
    let mut missing: Vec<(u32, String)> = Vec::new();
    let mut floorless: Vec<String> = Vec::new();
    for flat in roster.flats().filter(|f| scope.contains(f)) {
        match roster.floor(flat) {
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
            list.join(list_separator(lang))
        };
        report.at(
            fields.key_at("floors"),
            said!(C::MissingFloors, n = number).both("floors", floors(Zh), floors(En)),
            said!(C::MissingFloorsHint),
        );
    }
    if !floorless.is_empty() {
        floorless.sort();
        report.at(
            fields.key_at("floors"),
            said!(C::FloorUnknown).both("flats", floorless.join("、"), floorless.join(", ")),
            said!(C::FloorUnknownHint),
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
                said!(C::KeyValue, key = key).with("why", &decimal_error(&e)),
                said!(C::WriteYuan),
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
                said!(C::NotAFloorHint),
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
                said!(C::FloorValue, floor = floor).with("why", &decimal_error(&e)),
                said!(C::WriteCoefficient),
            ),
        }
    }
    if out.is_empty() && report.count() == before {
        report.at(
            value.span().start,
            said!(C::NoFloors),
            said!(C::NotAFloorHint),
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

/// Reads a cost plan on its own (`pavilion cost MEETING ITEM --set FILE`, the item screen's form):
/// the keys of `[items.cost]` at the top of the file, or below an `[items.cost]` header copied from an
/// agenda. Every problem is reported with its line and column, as for an agenda. Whether each floor
/// has a coefficient is checked by the store against the item's flats.
pub fn parse_cost_plan(file: &str, text: &str, item: i64) -> Result<CostPlan, Problems> {
    let text = super::without_bom(text);
    let (mut report, document) = super::parse_toml(file, text)?;
    let whole = Spanned::new(0..text.len(), DeValue::Table(document.get_ref().clone()));
    let table = match document.get_ref().get("items").map(|v| v.get_ref()) {
        Some(DeValue::Table(items)) => items.get("cost").cloned(),
        Some(_) => None,
        None => Some(whole),
    };
    let Some(table) = table else {
        report.at(0, said!(C::NoPlanInFile), said!(C::SetHow));
        return Err(report.into_problems());
    };
    let number = usize::try_from(item).unwrap_or_default();
    let plan = read_cost(
        &mut report,
        &RosterView::new(&HashSet::new()),
        None,
        number,
        &table,
    );
    report.finish(plan)
}
