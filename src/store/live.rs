//! What the live count of an open vote reads: two indexes (schema 9), so no flat row and no ballot
//! row is visited — each current ballot's choice is in its `ballots_live` entry, each active flat's
//! owner, area, building and unit in its `flats_live` entry, in owner order. Only a count shown while
//! the vote is open reads them; a closing counts from the tables themselves (the result it records
//! must not depend on an index whose definition could be changed), and a file of an older schema,
//! opened by a reader that does not migrate it, is read as before.

use rusqlite::Connection;

use crate::domain::{Area, Scope};

use super::Result;
use super::as_of::{owners_and_areas, scope_condition, shares as table_shares};

/// Each owner's current choice on item ?1, from the index alone. A withdrawal (no choice) is
/// skipped as it is read, not tested for by SQLite on every entry.
pub(crate) const BALLOTS: &str = "SELECT owner_id, choice FROM ballots INDEXED BY ballots_live
     WHERE item_id = ?1 AND current = 1";

/// Whether the file has both indexes.
pub(crate) fn indexes(conn: &Connection) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT COUNT(*) FROM sqlite_master
             WHERE type = 'index' AND name IN ('ballots_live', 'flats_live')",
        )?
        .query_row([], |r| r.get::<_, i64>(0))?
        == 2)
}

/// The query of each active flat's owner and area under a scope's condition (?1 is NULL: now).
fn shares_sql(cond: &str) -> String {
    format!(
        "SELECT f.owner_id, f.area_centi FROM flats f INDEXED BY flats_live
         WHERE f.active = 1 AND ?1 IS NULL{cond}"
    )
}

/// Each active flat of a scope now: its owner and area, owners grouped. A list of flats (matched
/// by their texts) and a file without the index are read from the table.
pub(crate) fn shares(conn: &Connection, scope: &Scope) -> Result<Vec<(i64, Area)>> {
    if matches!(scope, Scope::Flats(_)) || !indexes(conn)? {
        return table_shares(conn, None, scope);
    }
    let (cond, args) = scope_condition(Some(scope));
    owners_and_areas(conn, &shares_sql(cond), None, args)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;
    use crate::store::events::plan;

    #[test]
    fn the_live_count_reads_index_entries_only() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("plan.db")).unwrap();
        let conn = store.connection();
        assert!(indexes(conn).unwrap());
        let ballots = plan(conn, BALLOTS);
        assert_eq!(
            ballots,
            ["SEARCH ballots USING COVERING INDEX ballots_live (item_id=?)"]
        );
        for scope in ["estate", "3", "3-2"] {
            let scope = Scope::parse(scope).unwrap();
            let (cond, _) = scope_condition(Some(&scope));
            let steps = plan(conn, &shares_sql(cond));
            assert_eq!(
                steps,
                ["SCAN f USING COVERING INDEX flats_live"],
                "{scope:?}"
            );
        }
    }
}
