//! Cost plans against their `item.cost` events: each row as its event wrote it, and only the latest
//! plan of an item current.

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde_json::Value;

use super::findings::Findings;
use crate::i18n::{CostFindingText as C, FindingText as F, Said, said};
use crate::store::Result;
use crate::store::events::Event;

/// What one row must hold: item, plan text, reason, time, current — and the event behind it.
#[derive(Debug, PartialEq)]
struct Row {
    item: Option<i64>,
    plan: Option<String>,
    reason: Option<String>,
    at: String,
    current: bool,
}

/// Replays the `item.cost` events and compares the `cost_plans` table; returns the rows compared.
pub(super) fn check(events: &[Event], conn: &Connection, out: &mut Findings) -> Result<usize> {
    let mut expected: BTreeMap<i64, (Row, i64)> = BTreeMap::new();
    let mut current: BTreeMap<i64, i64> = BTreeMap::new();
    for e in events.iter().filter(|e| e.kind == "item.cost") {
        let Ok(data) = serde_json::from_str::<Value>(&e.data) else {
            continue; // reported by the main replay
        };
        let Some(id) = data.get("cost_plan").and_then(Value::as_i64) else {
            out.event(e.id, said!(C::PlanNoId));
            continue;
        };
        let replaces = data.get("replaces").and_then(Value::as_i64);
        let item = e.item_id.unwrap_or_default();
        if replaces != current.get(&item).copied() {
            let said = said!(C::PlanReplaces);
            let said = plan_id(said, "replaces", replaces);
            out.event(e.id, plan_id(said, "current", current.get(&item).copied()));
        }
        if let Some((old, _)) = replaces.and_then(|r| expected.get_mut(&r)) {
            old.current = false;
        }
        current.insert(item, id);
        let text = |k: &str| data.get(k).and_then(Value::as_str).map(str::to_string);
        let row = Row {
            item: e.item_id,
            plan: text("plan"),
            reason: text("reason"),
            at: e.at.clone(),
            current: true,
        };
        expected.insert(id, (row, e.id));
    }

    let mut stmt =
        conn.prepare("SELECT id, item_id, plan, reason, at, current FROM cost_plans ORDER BY id")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            Row {
                item: r.get(1)?,
                plan: r.get(2)?,
                reason: r.get(3)?,
                at: r.get(4)?,
                current: r.get::<_, i64>(5)? == 1,
            },
        ))
    })?;
    let mut seen = 0;
    for row in rows {
        let (id, actual) = row?;
        seen += 1;
        match expected.remove(&id) {
            None => out.push(
                "cost_plans",
                said!(F::RowId, id = id),
                None,
                said!(C::PlanAdded),
            ),
            Some((want, event)) if want != actual => out.push(
                "cost_plans",
                said!(F::RowId, id = id),
                Some(event),
                said!(C::PlanDiffers),
            ),
            Some(_) => {}
        }
    }
    for (id, (_, event)) in expected {
        out.push(
            "cost_plans",
            said!(F::RowId, id = id),
            Some(event),
            said!(C::PlanDeleted),
        );
    }
    Ok(seen)
}

/// A plan's id as a placeholder, or "none".
fn plan_id(said: Said, name: &'static str, id: Option<i64>) -> Said {
    match id {
        Some(id) => said.both(name, id.to_string(), id.to_string()),
        None => said.word(name, C::NoPlan),
    }
}
