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
pub(super) fn scope_condition(scope: Option<&Scope>) -> (&'static str, Vec<String>) {
    match scope {
        None | Some(Scope::Estate | Scope::Flats(_)) => ("", vec![]),
        Some(Scope::Building(b)) => (" AND f.building = ?2", vec![b.clone()]),
        Some(Scope::Unit { building, unit }) => (
            " AND f.building = ?2 AND f.unit = ?3",
            vec![building.clone(), unit.clone()],
        ),
    }
}

/// Each flat's history row in force after event ?1: one pass over `flat_history` in its primary
/// key's order (SQLite takes a bare column from the row holding the MAX), instead of a lookup of
/// the latest `since` per flat (four times slower at 20,000 flats).
const STOOD: &str = "SELECT flat_id, MAX(since) AS since, area_centi, owner_id, owner_name, active
     FROM flat_history WHERE since <= ?1 GROUP BY flat_id";

/// What a count needs of each active flat of a scope, as it stood after event `as_of` or now:
/// its owner and area, in flat order. Reads no text and no index but the tables' own keys (the
/// count a closing records must not depend on an index whose definition could change).
pub(crate) fn shares(
    conn: &Connection,
    as_of: Option<i64>,
    scope: &Scope,
) -> Result<Vec<(i64, Area)>> {
    if let Scope::Flats(_) = scope {
        return Ok(flats(conn, as_of, Some(scope))?
            .into_iter()
            .map(|s| (s.owner_id, s.area))
            .collect());
    }
    let (cond, args) = scope_condition(Some(scope));
    let as_of = as_of.filter(|_| history_kept(conn).unwrap_or(false));
    let sql = match (as_of, cond.is_empty()) {
        (Some(_), true) => {
            format!("SELECT owner_id, area_centi FROM ({STOOD}) WHERE active = 1 ORDER BY flat_id")
        }
        (Some(_), false) => format!(
            "SELECT h.owner_id, h.area_centi FROM ({STOOD}) h JOIN flats f ON f.id = h.flat_id
             WHERE h.active = 1{cond} ORDER BY h.flat_id"
        ),
        (None, _) => format!(
            "SELECT f.owner_id, f.area_centi FROM flats f NOT INDEXED
             WHERE f.active = 1 AND ?1 IS NULL{cond} ORDER BY f.id"
        ),
    };
    owners_and_areas(conn, &sql, as_of, args)
}

/// Runs a query of (owner, area) rows with the epoch as ?1 and the scope's words after it.
pub(super) fn owners_and_areas(
    conn: &Connection,
    sql: &str,
    as_of: Option<i64>,
    args: Vec<String>,
) -> Result<Vec<(i64, Area)>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut values: Vec<rusqlite::types::Value> = vec![as_of.into()];
    values.extend(args.into_iter().map(Into::into));
    let mut rows = stmt.query(rusqlite::params_from_iter(values))?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push((r.get(0)?, Area(r.get(1)?)));
    }
    Ok(out)
}

/// The active flats (of a scope, if given) as they stood after event `as_of`, or now; unordered.
pub(crate) fn flats(
    conn: &Connection,
    as_of: Option<i64>,
    scope: Option<&Scope>,
) -> Result<Vec<Standing>> {
    flats_with(conn, as_of, scope, "o.key, o.phone")
}

/// The same without the owners' keys and phone numbers (left empty): what a roll call shows does
/// not need them, and at 100,000 flats they are 200,000 texts read for nothing.
pub(crate) fn flats_without_contacts(
    conn: &Connection,
    as_of: Option<i64>,
    scope: Option<&Scope>,
) -> Result<Vec<Standing>> {
    flats_with(conn, as_of, scope, "'', NULL")
}

fn flats_with(
    conn: &Connection,
    as_of: Option<i64>,
    scope: Option<&Scope>,
    contacts: &str,
) -> Result<Vec<Standing>> {
    let (cond, args) = scope_condition(scope);
    let as_of = as_of.filter(|_| history_kept(conn).unwrap_or(false));
    let sql = match as_of {
        Some(_) => format!(
            "SELECT f.id, f.building, f.unit, f.room, h.area_centi, h.owner_id, h.owner_name,
                    {contacts}
             FROM ({STOOD}) h JOIN flats f ON f.id = h.flat_id JOIN owners o ON o.id = h.owner_id
             WHERE h.active = 1{cond}"
        ),
        None => format!(
            "SELECT f.id, f.building, f.unit, f.room, f.area_centi, f.owner_id, o.name, {contacts}
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

/// The event that closed the vote on item ?2 of meeting ?1.
pub(crate) const CLOSE_EVENT: &str =
    "SELECT MAX(id) FROM events WHERE meeting_id = ?1 AND item_id = ?2 AND kind = 'vote.close'";

/// The event that closed an item's vote, if it is closed.
pub(crate) fn close_event(conn: &Connection, meeting: i64, item: i64) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached(CLOSE_EVENT)?
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
        .prepare_cached(MEETING_EPOCH)?
        .query_row([meeting], |r| r.get(0))?)
}

/// The last event of meeting ?1 that the roster of its minutes is taken at.
pub(crate) const MEETING_EPOCH: &str = "SELECT MAX(id) FROM events WHERE meeting_id = ?1
     AND kind IN ('meeting.intake', 'attend', 'ballot', 'ballot.withdraw', 'vote.close')";

/// Whether the roster stood the same after event `a` as after event `b` (None: now): no flat's
/// history row starts between them. A file that keeps no history is read as it is now for both.
pub(crate) fn unchanged(conn: &Connection, a: Option<i64>, b: Option<i64>) -> Result<bool> {
    let (lo, hi) = match (a, b) {
        _ if a == b => return Ok(true),
        (Some(x), Some(y)) => (x.min(y), Some(x.max(y))),
        (Some(x), None) | (None, Some(x)) => (x, None),
        (None, None) => return Ok(true),
    };
    if !history_kept(conn)? {
        return Ok(true);
    }
    Ok(!conn
        .prepare_cached(
            "SELECT 1 FROM flat_history WHERE since > ?1 AND (?2 IS NULL OR since <= ?2) LIMIT 1",
        )?
        .exists(params![lo, hi])?)
}
