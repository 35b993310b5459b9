//! Floors given by the roster's floor column (`flat_floors`): replaced as a whole by an import that
//! changes them, with a `roster.floors` event holding the whole set, so `verify` can replay it. Flats
//! without a row here take their floor from the room number.

use std::collections::{BTreeMap, HashMap};

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
    events::append(
        tx,
        now,
        "roster.floors",
        Ids::default(),
        serde_json::json!({ "floors": wanted.iter().collect::<Vec<_>>() }),
    )?;
    Ok(())
}

/// The recorded floors: flat id → floor (none in a file from before migration 5, read as it is).
pub(crate) fn stored(conn: &rusqlite::Connection) -> Result<BTreeMap<i64, u32>> {
    if !has_table(conn)? {
        return Ok(BTreeMap::new());
    }
    let mut stmt = conn.prepare_cached("SELECT flat_id, floor FROM flat_floors")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Store {
    /// The floors the roster's floor column gave, by flat.
    pub fn given_floors(&self) -> Result<HashMap<FlatRef, u32>> {
        if !has_table(&self.conn)? {
            return Ok(HashMap::new());
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.building, f.unit, f.room, x.floor FROM flat_floors x JOIN flats f ON f.id = x.flat_id",
        )?;
        let rows = stmt.query_map([], |r| {
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

/// Whether the file has `flat_floors`: readers open an older file without migrating it.
fn has_table(conn: &rusqlite::Connection) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'flat_floors'",
        )?
        .exists([])?)
}
