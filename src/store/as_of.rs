//! The roster as it stood: now, or just after a given event (a closed vote is counted, called and
//! shown with the flats, areas and owners of the moment it closed, whatever later imports changed).

use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::{Area, FlatRef, Scope};

use super::Result;

/// One flat of the roster as it stood, with its owner then.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Standing {
    pub flat_id: i64,
    pub flat: FlatRef,
    pub area: Area,
    pub owner_id: i64,
    pub owner_name: String,
    pub owner_key: String,
    pub phone: Option<String>,
}

impl From<Standing> for super::RosterEntry {
    fn from(s: Standing) -> Self {
        super::RosterEntry {
            flat_id: s.flat_id,
            flat: s.flat,
            area: s.area,
            owner_id: s.owner_id,
            owner_key: s.owner_key,
            owner_name: s.owner_name,
            phone: s.phone,
        }
    }
}

/// Whether the file keeps the roster's history (schema 3 on); older files are read as they are now.
pub(crate) fn history_kept(conn: &Connection) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'flat_history'",
        )?
        .exists([])?)
}

/// SQL condition and parameters selecting the flats of a scope (lists are filtered after).
fn scope_condition(scope: Option<&Scope>) -> (&'static str, Vec<String>) {
    match scope {
        None | Some(Scope::Estate | Scope::Flats(_)) => ("", vec![]),
        Some(Scope::Building(b)) => (" AND f.building = ?2", vec![b.clone()]),
        Some(Scope::Unit { building, unit }) => (
            " AND f.building = ?2 AND f.unit = ?3",
            vec![building.clone(), unit.clone()],
        ),
    }
}

/// The active flats (of a scope, if given) as they stood after event `as_of`, or now; unordered.
pub(crate) fn flats(
    conn: &Connection,
    as_of: Option<i64>,
    scope: Option<&Scope>,
) -> Result<Vec<Standing>> {
    let (cond, args) = scope_condition(scope);
    let as_of = as_of.filter(|_| history_kept(conn).unwrap_or(false));
    let sql = match as_of {
        Some(_) => format!(
            "SELECT f.id, f.building, f.unit, f.room, h.area_centi, h.owner_id, h.owner_name,
                    o.key, o.phone
             FROM flats f JOIN flat_history h ON h.flat_id = f.id AND h.since =
                 (SELECT MAX(x.since) FROM flat_history x WHERE x.flat_id = f.id AND x.since <= ?1)
             JOIN owners o ON o.id = h.owner_id
             WHERE h.active = 1{cond}"
        ),
        None => format!(
            "SELECT f.id, f.building, f.unit, f.room, f.area_centi, f.owner_id, o.name, o.key,
                    o.phone
             FROM flats f JOIN owners o ON o.id = f.owner_id
             WHERE f.active = 1 AND ?1 IS NULL{cond}"
        ),
    };
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut values: Vec<rusqlite::types::Value> = vec![as_of.into()];
    values.extend(args.into_iter().map(Into::into));
    let rows = stmt.query_map(rusqlite::params_from_iter(values), |r| {
        Ok(Standing {
            flat_id: r.get(0)?,
            flat: FlatRef::new(
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ),
            area: Area(r.get(4)?),
            owner_id: r.get(5)?,
            owner_name: r.get(6)?,
            owner_key: r.get(7)?,
            phone: r.get(8)?,
        })
    })?;
    let mut out = Vec::new();
    for row in rows {
        let row = row?;
        if scope.is_none_or(|s| s.contains(&row.flat)) {
            out.push(row);
        }
    }
    Ok(out)
}

/// The owner of a flat (listed or since retired) as it stood after event `as_of`, or now.
pub(crate) fn owner_of(
    conn: &Connection,
    flat: &FlatRef,
    as_of: Option<i64>,
) -> Result<Option<i64>> {
    let as_of = as_of.filter(|_| history_kept(conn).unwrap_or(false));
    let sql = match as_of {
        Some(_) => {
            "SELECT h.owner_id FROM flats f JOIN flat_history h ON h.flat_id = f.id
             WHERE f.building = ?1 AND f.unit = ?2 AND f.room = ?3 AND h.since <= ?4
             ORDER BY h.since DESC LIMIT 1"
        }
        None => {
            "SELECT f.owner_id FROM flats f
             WHERE f.building = ?1 AND f.unit = ?2 AND f.room = ?3 AND ?4 IS NULL"
        }
    };
    Ok(conn
        .prepare_cached(sql)?
        .query_row(params![flat.building, flat.unit, flat.room, as_of], |r| {
            r.get(0)
        })
        .optional()?)
}

/// The event that closed an item's vote, if it is closed.
pub(crate) fn close_event(conn: &Connection, meeting: i64, item: i64) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached(
            "SELECT MAX(id) FROM events WHERE meeting_id = ?1 AND item_id = ?2 AND kind = 'vote.close'",
        )?
        .query_row([meeting, item], |r| r.get(0))?)
}

/// The roster a meeting's minutes are written with: as it stood at the meeting's last sign-in,
/// ballot or close once no vote of it is still open; None (now) while one is.
pub(crate) fn meeting_epoch(conn: &Connection, meeting: i64) -> Result<Option<i64>> {
    let open: i64 = conn.query_row(
        "SELECT COUNT(*) FROM items WHERE meeting_id = ?1 AND vote = 'open'
             AND json_extract(rule, '$.votes') AND step NOT IN ('withdrawn', 'deferred', 'closed')",
        [meeting],
        |r| r.get(0),
    )?;
    if open > 0 {
        return Ok(None);
    }
    Ok(conn
        .prepare_cached(
            "SELECT MAX(id) FROM events WHERE meeting_id = ?1
             AND kind IN ('meeting.intake', 'attend', 'ballot', 'ballot.withdraw', 'vote.close')",
        )?
        .query_row([meeting], |r| r.get(0))?)
}
