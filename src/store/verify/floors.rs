//! The roster's floors against their `roster.floors` events, each of which holds the whole set:
//! `flat_floors` against the last, and every kept set (`floor_sets`, `floor_history`) against the
//! event that recorded it.

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde_json::Value;

use super::findings::Findings;
use crate::i18n::{CostFindingText as C, Said, said};
use crate::store::Result;
use crate::store::events::Event;
use crate::store::floors;

/// Compares the floors' tables with the `roster.floors` events; returns the rows compared.
pub(super) fn check(
    events: &[Event],
    conn: &Connection,
    out: &mut Findings,
) -> Result<Vec<(&'static str, usize)>> {
    let mut sets: floors::FloorSets = BTreeMap::new();
    for e in events {
        let pairs = serde_json::from_str::<Value>(&e.data)
            .ok()
            .and_then(|d| serde_json::from_value::<Vec<(i64, u32)>>(d["floors"].clone()).ok());
        match pairs {
            Some(pairs) => {
                sets.insert(e.id, pairs.into_iter().collect());
            }
            None => out.event(e.id, said!(C::FloorsNoSet)),
        }
    }
    let last = events.last().map(|e| e.id);
    let now = last
        .and_then(|id| sets.get(&id))
        .cloned()
        .unwrap_or_default();
    let table = floors::stored(conn)?;
    compare("flat_floors", &table, now, last, out, |flat| {
        said!(C::RowFlat, flat = flat)
    });
    let mut checked = vec![("flat_floors", table.len())];
    if let Some((mut listed, mut kept)) = floors::history(conn)? {
        checked.push(("floor_sets", listed.len()));
        checked.push(("floor_history", kept.values().map(BTreeMap::len).sum()));
        for (since, want) in sets {
            if !listed.remove(&since) {
                let row = said!(C::RowSet, since = since);
                out.push("floor_sets", row, Some(since), said!(C::SetDeleted));
            }
            let have = kept.remove(&since).unwrap_or_default();
            compare("floor_history", &have, want, Some(since), out, |flat| {
                said!(C::RowSetFlat, since = since, flat = flat)
            });
        }
        for since in listed {
            let row = said!(C::RowSet, since = since);
            out.push("floor_sets", row, None, said!(C::SetAdded));
        }
        for (since, rows) in kept {
            compare("floor_history", &rows, BTreeMap::new(), None, out, |flat| {
                said!(C::RowSetFlat, since = since, flat = flat)
            });
        }
    }
    Ok(checked)
}

/// One set of floors (flat id → floor) against the set its event recorded.
fn compare(
    table: &str,
    have: &BTreeMap<i64, u32>,
    mut want: BTreeMap<i64, u32>,
    event: Option<i64>,
    out: &mut Findings,
    row: impl Fn(i64) -> Said,
) {
    for (flat, floor) in have {
        match want.remove(flat) {
            Some(w) if w == *floor => {}
            Some(w) => out.push(
                table,
                row(*flat),
                event,
                said!(C::FloorDiffers, floor = floor, want = w),
            ),
            None => out.push(table, row(*flat), event, said!(C::FloorAdded)),
        }
    }
    for flat in want.keys() {
        out.push(table, row(*flat), event, said!(C::FloorDeleted));
    }
}
