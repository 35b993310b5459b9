//! Digests of rows fixed when they are written, so `verify` can tell whether they changed since.

use rusqlite::Connection;
use rusqlite::types::ValueRef;
use sha2::{Digest, Sha256};

use crate::store::Result;

/// Columns of a meeting fixed at intake (`others` changes through its own event).
pub(crate) const MEETING_DIGEST_SQL: &str =
    "SELECT title, kind, starts, utc_offset, place, host, secretary, objections_to,
     objections_until, source, created_at FROM meetings WHERE id = ?1";

/// Columns of an item fixed when it is added (step, vote, texts change through their own events).
pub(crate) const ITEM_DIGEST_SQL: &str =
    "SELECT meeting_id, number, title, raised_by, raised_from, raised_on, statement, category,
     rule, scope, consents FROM items WHERE id = ?1";

const OWNERS_DIGEST_SQL: &str = "SELECT id, key, name, phone FROM owners ORDER BY id";
const FLATS_DIGEST_SQL: &str =
    "SELECT id, building, unit, room, area_centi, owner_id, active FROM flats ORDER BY id";

/// SHA-256 over every value of every row a query returns, each typed and length-prefixed.
fn digest_into<P: rusqlite::Params>(
    h: &mut Sha256,
    conn: &Connection,
    sql: &str,
    params: P,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(sql)?;
    let columns = stmt.column_count();
    let mut rows = stmt.query(params)?;
    while let Some(r) = rows.next()? {
        h.update(b"R");
        for c in 0..columns {
            match r.get_ref(c)? {
                ValueRef::Null => h.update([0u8]),
                ValueRef::Integer(i) => {
                    h.update([1u8]);
                    h.update(i.to_le_bytes());
                }
                ValueRef::Real(f) => {
                    h.update([2u8]);
                    h.update(f.to_le_bytes());
                }
                ValueRef::Text(t) => {
                    h.update([3u8]);
                    h.update((t.len() as u64).to_le_bytes());
                    h.update(t);
                }
                ValueRef::Blob(b) => {
                    h.update([4u8]);
                    h.update((b.len() as u64).to_le_bytes());
                    h.update(b);
                }
            }
        }
    }
    Ok(())
}

/// The digest of what one query returns, as hex.
pub(crate) fn digest_rows<P: rusqlite::Params>(
    conn: &Connection,
    sql: &str,
    params: P,
) -> Result<String> {
    let mut h = Sha256::new();
    digest_into(&mut h, conn, sql, params)?;
    Ok(format!("{:x}", h.finalize()))
}

/// The digest of the whole roster (owners and flats) as it stands.
pub(crate) fn roster_digest(conn: &Connection) -> Result<String> {
    let mut h = Sha256::new();
    h.update(b"owners");
    digest_into(&mut h, conn, OWNERS_DIGEST_SQL, [])?;
    h.update(b"flats");
    digest_into(&mut h, conn, FLATS_DIGEST_SQL, [])?;
    Ok(format!("{:x}", h.finalize()))
}
