//! The estate's totals and the areas of those signed in, counted by SQLite: what the screens' first
//! frame needs, without the list of every owner (which they read once, after it).

use std::collections::HashMap;

use crate::domain::Area;

use super::{Result, Store};

impl Store {
    /// Owners with an active flat, and the area of all active flats.
    pub fn roster_totals(&self) -> Result<(i64, Area)> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT COUNT(DISTINCT owner_id), COALESCE(SUM(area_centi), 0) FROM flats WHERE active = 1",
        )?;
        Ok(stmt.query_row([], |r| Ok((r.get(0)?, Area(r.get(1)?))))?)
    }

    /// The area of each owner signed in to the meeting (here, by proxy, or left): their active flats.
    pub fn areas_signed_in(&self, meeting: i64) -> Result<HashMap<i64, Area>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.owner_id, SUM(f.area_centi) FROM attendance a
             JOIN flats f ON f.owner_id = a.owner_id AND f.active = 1
             WHERE a.meeting_id = ?1 GROUP BY a.owner_id",
        )?;
        let rows = stmt.query_map([meeting], |r| Ok((r.get(0)?, Area(r.get(1)?))))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
