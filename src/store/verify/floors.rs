//! The floors of `flat_floors` against the last `roster.floors` event, which holds the whole set.

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde_json::Value;

use super::findings::Findings;
use crate::store::Result;
use crate::store::events::Event;

/// Compares the table with the floors the last `roster.floors` event recorded; returns the rows compared.
pub(super) fn check(last: Option<&Event>, conn: &Connection, out: &mut Findings) -> Result<usize> {
    let mut expected: BTreeMap<i64, u32> = BTreeMap::new();
    if let Some(e) = last {
        let pairs = serde_json::from_str::<Value>(&e.data)
            .ok()
            .and_then(|d| serde_json::from_value::<Vec<(i64, u32)>>(d["floors"].clone()).ok());
        match pairs {
            Some(pairs) => expected.extend(pairs),
            None => out.event(e.id, "the 'roster.floors' event lacks its floors".into()),
        }
    }
    let event = last.map(|e| e.id);
    let table = crate::store::floors::stored(conn)?;
    for (flat, floor) in &table {
        match expected.remove(flat) {
            Some(want) if want == *floor => {}
            Some(want) => out.push(
                "flat_floors",
                format!("flat {flat}"),
                event,
                format!("floor {floor}, but the roster import recorded floor {want}"),
            ),
            None => out.push(
                "flat_floors",
                format!("flat {flat}"),
                event,
                "no roster import recorded this floor: it was added behind the program's back"
                    .into(),
            ),
        }
    }
    for flat in expected.keys() {
        out.push(
            "flat_floors",
            format!("flat {flat}"),
            event,
            "a floor the roster import recorded is missing: it was deleted".into(),
        );
    }
    Ok(table.len())
}
