//! The estate's totals and the areas of those signed in, counted by SQLite: what the screens' first
//! frame needs, without the list of every owner (which they read once, after it).

use std::collections::HashMap;

use crate::domain::Area;

use super::{Result, Store};

impl Store {
    /// Owners with an active flat, and the area of all active flats. Counted in owner order (the
    /// order of the index `flats_live`, so no sort), which costs half what `COUNT(DISTINCT)` does.
    pub fn roster_totals(&self) -> Result<(i64, Area)> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT owner_id, area_centi FROM flats WHERE active = 1 ORDER BY owner_id",
        )?;
        let mut rows = stmt.query([])?;
        let (mut owners, mut area, mut last) = (0, Area::ZERO, None);
        while let Some(r) = rows.next()? {
            let owner: i64 = r.get(0)?;
            if last != Some(owner) {
                owners += 1;
                last = Some(owner);
            }
            area += Area(r.get(1)?);
        }
        Ok((owners, area))
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
