//! The file itself: SQLite's own integrity check, and the schema (tables, indexes, triggers and
//! their SQL) against what the migrations create — an index redefined under the program would
//! otherwise let it read a different set of rows than the one it believes it reads.

use std::collections::BTreeMap;

use rusqlite::Connection;

use super::findings::Findings;
use crate::i18n::{FindingText as F, Said, said};
use crate::store::{Result, schema};

/// Every schema object of a connection: (type, name) → SQL.
fn objects(conn: &Connection) -> Result<BTreeMap<(String, String), Option<String>>> {
    let mut stmt = conn.prepare("SELECT type, name, sql FROM sqlite_master")?;
    let rows = stmt.query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The schema the migrations create up to `version`.
fn expected(version: i64) -> Result<BTreeMap<(String, String), Option<String>>> {
    let mut conn = Connection::open_in_memory()?;
    schema::migrations().to_version(&mut conn, version.max(0) as usize)?;
    objects(&conn)
}

/// A schema object, named with its kind in the reader's language.
fn object(kind: &str, name: &str) -> Said {
    let row = said!(F::RowObject, name = name);
    match kind {
        "table" => row.word("kind", F::KindTable),
        "index" => row.word("kind", F::KindIndex),
        "trigger" => row.word("kind", F::KindTrigger),
        "view" => row.word("kind", F::KindView),
        other => row.both("kind", other, other),
    }
}

pub(super) fn check(conn: &Connection, out: &mut Findings) -> Result<()> {
    let mut integrity = conn.prepare("PRAGMA integrity_check")?;
    let lines = integrity.query_map([], |r| r.get::<_, String>(0))?;
    for line in lines {
        let line = line?;
        if line != "ok" {
            out.push(
                "(file)",
                said!(F::RowIntegrity),
                None,
                said!(F::IntegrityCheck, line = line),
            );
        }
    }
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if !(1..=schema::VERSION).contains(&version) {
        out.push(
            "(file)",
            said!(F::RowSchema),
            None,
            said!(F::UnknownVersion, version = version),
        );
        return Ok(());
    }
    let want = expected(version)?;
    let have = objects(conn)?;
    for ((kind, name), sql) in &have {
        match want.get(&(kind.clone(), name.clone())) {
            None => out.push("(schema)", object(kind, name), None, said!(F::ObjectAdded)),
            Some(w) if w != sql => out.push(
                "(schema)",
                object(kind, name),
                None,
                said!(F::ObjectDiffers),
            ),
            Some(_) => {}
        }
    }
    for (kind, name) in want.keys() {
        if !have.contains_key(&(kind.clone(), name.clone())) {
            out.push(
                "(schema)",
                object(kind, name),
                None,
                said!(F::ObjectDropped),
            );
        }
    }
    Ok(())
}
