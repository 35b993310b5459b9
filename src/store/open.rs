//! How a database file is opened: created (`init`, `demo`), opened to write (it must exist and be
//! ours), or opened to read (read-only, no WAL switch, no migration: the file's bytes stay as they
//! are, even on a write-protected copy). A file that is not a Pavilion database is refused untouched.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::{Result, Store, StoreError, schema};
use crate::i18n::{StoreText as S, said};

/// Whether the connection's file is a Pavilion database: our application id, or (files from before
/// it was set) a known schema version with our event table. An empty file is not one.
fn is_ours(conn: &Connection) -> Result<bool> {
    let app: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    if app == schema::APPLICATION_ID {
        return Ok(true);
    }
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let events = conn
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'")?
        .exists([])?;
    Ok(app == 0 && version >= 1 && events)
}

/// A file holding no schema at all (new, or zero bytes): one `init` may create a database in.
fn is_blank(conn: &Connection) -> Result<bool> {
    let objects: i64 = conn.query_row("SELECT COUNT(*) FROM sqlite_master", [], |r| r.get(0))?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    Ok(objects == 0 && version == 0)
}

/// A file of schema `found`, newer than this build knows, is not opened (its tables may mean
/// more than this build would keep).
pub(crate) fn refuse_newer(path: &Path, found: i64) -> Result<()> {
    if found > schema::VERSION {
        return Err(StoreError::NewerSchema {
            path: path.display().to_string(),
            found,
            known: schema::VERSION,
        });
    }
    Ok(())
}

fn not_ours(path: &Path) -> StoreError {
    StoreError::NotOurs(path.display().to_string())
}

/// Refuses a file that is neither ours nor (when `blank_ok`) blank; reading it is all this does.
pub(super) fn check_identity(conn: &Connection, path: &Path, blank_ok: bool) -> Result<()> {
    // A file that is not SQLite at all fails to read: that is not ours either.
    let ours = is_ours(conn).map_err(|_| not_ours(path))?;
    if ours || (blank_ok && is_blank(conn).map_err(|_| not_ours(path))?) {
        Ok(())
    } else {
        Err(not_ours(path))
    }
}

/// Percent-encodes a path for an SQLite URI: `?`, `#` and `%` would otherwise end or escape it,
/// and each byte of a non-ASCII name (a Chinese folder) must reach SQLite as that byte.
pub(crate) fn uri_path(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for &b in path.as_os_str().as_bytes() {
        match b {
            b'?' | b'#' | b'%' | 0x80.. => out.push_str(&format!("%{b:02X}")),
            _ => out.push(b as char),
        }
    }
    out
}

/// A store on `conn` for `path` whose commits are not checked: a reader, or a copy in memory.
fn unguarded(conn: Connection, path: &Path) -> Store {
    Store {
        conn,
        path: path.to_path_buf(),
        clock: jiff::Timestamp::now,
        upgraded: None,
        opened: Box::new(super::identity::Opened::of(path)),
        background: Default::default(),
    }
}

impl Store {
    /// Opens an existing Pavilion database to write: never creates a file, refuses one that is not
    /// ours, and then migrates like [`Store::open`].
    pub fn open_existing(path: &Path) -> Result<Store> {
        if !path.is_file() {
            return Err(said!(S::NoDatabase, path = path.display()).into());
        }
        {
            let conn = Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
            .map_err(|_| not_ours(path))?;
            check_identity(&conn, path, false)?;
        }
        Store::open(path)
    }

    /// A copy of the database in memory, brought up to this build's schema: what a dry run works
    /// on, so that the file is never written (not even migrated) and no lock is needed. Writes go
    /// to the copy and are gone when it is dropped.
    pub fn open_in_memory_copy(path: &Path) -> Result<Store> {
        let source = Store::open_read_only(path)?;
        let mut conn = Connection::open_in_memory()?;
        {
            use rusqlite::backup::{Backup, StepResult};
            let copy = Backup::new(&source.conn, &mut conn)?;
            // Every page in one step: one consistent read of the file.
            while copy.step(-1)? != StepResult::Done {
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
        }
        conn.pragma_update(None, "foreign_keys", "ON")?;
        schema::migrations().to_latest(&mut conn)?;
        Ok(unguarded(conn, path))
    }

    /// Opens a database to read only: no WAL switch, no migration, nothing written to the file.
    /// A write-protected file (a copy kept as evidence) is opened as immutable. Refuses a newer
    /// schema and a file that is not ours.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        if !path.is_file() {
            return Err(said!(S::NoDatabase, path = path.display()).into());
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let protected = std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly());
        let open = |immutable: bool| -> Result<Connection> {
            let uri = format!(
                "file:{}?mode=ro{}",
                uri_path(path),
                if immutable { "&immutable=1" } else { "" }
            );
            let conn = Connection::open_with_flags(uri, flags)?;
            conn.busy_timeout(std::time::Duration::from_secs(5))?;
            // A first read: a WAL file that cannot get its shared memory fails here, not later.
            conn.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0))?;
            Ok(conn)
        };
        let conn = match open(protected) {
            Ok(c) => c,
            // Its folder may be write-protected too (a USB stick): read it as it lies.
            Err(_) if !protected => open(true).map_err(|_| not_ours(path))?,
            Err(_) => return Err(not_ours(path)),
        };
        check_identity(&conn, path, false)?;
        refuse_newer(
            path,
            conn.pragma_query_value(None, "user_version", |r| r.get(0))?,
        )?;
        Ok(unguarded(conn, path))
    }
}
