//! Floors given by the roster's floor column (`flat_floors`): replaced as a whole by an import that
//! changes them, with a `roster.floors` event holding the whole set, so `verify` can replay it. Flats
//! without a row here take their floor from the room number. Every set is kept (`floor_sets`,
//! `floor_history`, by the event's id) so a closed vote's cost is shared with the floors of the
//! moment it closed, as its areas and owners are.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rusqlite::{Transaction, params};

use crate::domain::{FlatRef, RosterRow};

use super::{Ids, Result, Store, events};

/// Records the floors `rows` give, inside the import's transaction (after its flats are written);
/// no event when they are the floors already recorded.
pub(crate) fn record(tx: &Transaction, now: &str, rows: &[RosterRow]) -> Result<()> {
    let mut wanted: BTreeMap<i64, u32> = BTreeMap::new();
    {
        let mut id = tx.prepare_cached(
            "SELECT id FROM flats WHERE building = ?1 AND unit = ?2 AND room = ?3",
        )?;
        for r in rows {
            if let Some(floor) = r.floor {
                let flat: i64 = id
                    .query_row(params![r.flat.building, r.flat.unit, r.flat.room], |x| {
                        x.get(0)
                    })?;
                wanted.insert(flat, floor);
            }
        }
    }
    if wanted == stored(tx)? {
        return Ok(());
    }
    tx.execute("DELETE FROM flat_floors", [])?;
    let mut insert =
        tx.prepare_cached("INSERT INTO flat_floors (flat_id, floor) VALUES (?1, ?2)")?;
    for (flat, floor) in &wanted {
        insert.execute(params![flat, floor])?;
    }
    let since = events::append(
        tx,
        now,
        "roster.floors",
        Ids::default(),
        serde_json::json!({ "floors": wanted.iter().collect::<Vec<_>>() }),
    )?;
    tx.execute("INSERT INTO floor_sets (since) VALUES (?1)", [since])?;
    let mut keep =
        tx.prepare_cached("INSERT INTO floor_history (since, flat_id, floor) VALUES (?1, ?2, ?3)")?;
    for (flat, floor) in &wanted {
        keep.execute(params![since, flat, floor])?;
    }
    Ok(())
}

/// Sets of floors by the event that recorded them (flat id → floor).
pub(crate) type FloorSets = BTreeMap<i64, BTreeMap<i64, u32>>;

/// The sets of floors kept: the events listed in `floor_sets`, and the rows of `floor_history` by
/// event; `None` in a file from before migration 7, read as it is.
pub(crate) fn history(conn: &rusqlite::Connection) -> Result<Option<(BTreeSet<i64>, FloorSets)>> {
    if !has(conn, "floor_sets")? {
        return Ok(None);
    }
    let mut stmt = conn.prepare("SELECT since FROM floor_sets")?;
    let listed = stmt
        .query_map([], |r| r.get::<_, i64>(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut rows: FloorSets = BTreeMap::new();
    let mut stmt = conn.prepare("SELECT since, flat_id, floor FROM floor_history")?;
    let all = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?)))?;
    for row in all {
        let (since, flat, floor) = row?;
        rows.entry(since).or_default().insert(flat, floor);
    }
    Ok(Some((listed, rows)))
}

/// The recorded floors: flat id → floor (none in a file from before migration 6, read as it is).
pub(crate) fn stored(conn: &rusqlite::Connection) -> Result<BTreeMap<i64, u32>> {
    if !has(conn, "flat_floors")? {
        return Ok(BTreeMap::new());
    }
    let mut stmt = conn.prepare_cached("SELECT flat_id, floor FROM flat_floors")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Store {
    /// The floors the roster's floor column gives now, by flat.
    pub fn given_floors(&self) -> Result<HashMap<FlatRef, u32>> {
        self.given_floors_as_of(None)
    }

    /// The floors the roster's floor column gave as they stood after event `as_of` (a vote's
    /// close), or now. A file from before migration 7 keeps no history and is read as it is now.
    pub fn given_floors_as_of(&self, as_of: Option<i64>) -> Result<HashMap<FlatRef, u32>> {
        let as_of = match as_of {
            Some(event) if has(&self.conn, "floor_sets")? => Some(event),
            _ => None,
        };
        let sql = match as_of {
            Some(_) => {
                "SELECT f.building, f.unit, f.room, x.floor FROM floor_history x
                 JOIN flats f ON f.id = x.flat_id
                 WHERE x.since = (SELECT MAX(since) FROM floor_sets WHERE since <= ?1)"
            }
            None if has(&self.conn, "flat_floors")? => {
                "SELECT f.building, f.unit, f.room, x.floor FROM flat_floors x
                 JOIN flats f ON f.id = x.flat_id WHERE ?1 IS NULL"
            }
            None => return Ok(HashMap::new()),
        };
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map([as_of], |r| {
            Ok((
                FlatRef::new(
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ),
                r.get(3)?,
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Whether the file has `table`: readers open an older file without migrating it.
fn has(conn: &rusqlite::Connection, table: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1")?
        .exists([table])?)
}
