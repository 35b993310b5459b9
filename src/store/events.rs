//! The append-only event table, a hash chain: each row carries the SHA-256 of its content and of the
//! row before, so an edit made behind the program's back shows.

use rusqlite::{Connection, OptionalExtension, Transaction};
use sha2::{Digest, Sha256};

use super::{Ids, Result, Store};

/// The `prev_hash` of the first event.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub id: i64,
    pub at: String,
    pub kind: String,
    pub meeting_id: Option<i64>,
    pub item_id: Option<i64>,
    pub owner_id: Option<i64>,
    pub data: String,
    pub prev_hash: String,
    pub hash: String,
}

/// The hash of an event: SHA-256 over the previous hash and every field, each length-prefixed so
/// no two different rows can produce the same input.
pub fn event_hash(e: &Event) -> String {
    let mut h = Sha256::new();
    let opt = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    for part in [
        e.prev_hash.as_str(),
        &e.id.to_string(),
        &e.at,
        &e.kind,
        &opt(e.meeting_id),
        &opt(e.item_id),
        &opt(e.owner_id),
        &e.data,
    ] {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    format!("{:x}", h.finalize())
}

/// Appends one event inside the caller's transaction.
pub(crate) fn append(
    tx: &Transaction,
    at: &str,
    kind: &str,
    ids: Ids,
    data: serde_json::Value,
) -> Result<i64> {
    Appender::new(tx)?.append(tx, at, kind, ids, &data)
}

/// Appends events one after another inside one transaction, keeping the last event's id and hash
/// in memory instead of reading them back for each (a file of written ballots appends 100,000).
/// The chain it writes is exactly the one single appends would write. Nothing else may append in
/// the transaction while it is in use; if something did, the next id would already be taken and
/// the insert fails (the id is the table's primary key) rather than forking the chain.
pub(crate) struct Appender {
    prev_id: i64,
    prev_hash: String,
}

impl Appender {
    /// An appender that continues after the transaction's last event.
    pub(crate) fn new(tx: &Transaction) -> Result<Appender> {
        let last: Option<(i64, String)> = tx
            .prepare_cached("SELECT id, hash FROM events ORDER BY id DESC LIMIT 1")?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let (prev_id, prev_hash) = last.unwrap_or((0, GENESIS.to_string()));
        Ok(Appender { prev_id, prev_hash })
    }

    /// Appends one event after the last one appended (or found); returns its id. `data` is written
    /// as compact JSON (a `serde_json::Value`, or a struct whose fields serialise the same way).
    pub(crate) fn append(
        &mut self,
        tx: &Transaction,
        at: &str,
        kind: &str,
        ids: Ids,
        data: &impl serde::Serialize,
    ) -> Result<i64> {
        let mut event = Event {
            id: self.prev_id + 1,
            at: at.to_string(),
            kind: kind.to_string(),
            meeting_id: ids.meeting,
            item_id: ids.item,
            owner_id: ids.owner,
            // Plain values and string-keyed maps cannot fail to serialise (as `Value::to_string`,
            // which this replaces, panicked if they did).
            data: serde_json::to_string(data).expect("event data is JSON"),
            prev_hash: self.prev_hash.clone(),
            hash: String::new(),
        };
        event.hash = event_hash(&event);
        tx.prepare_cached(
            "INSERT INTO events (id, at, kind, meeting_id, item_id, owner_id, data, prev_hash, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(rusqlite::params![
            event.id,
            event.at,
            event.kind,
            event.meeting_id,
            event.item_id,
            event.owner_id,
            event.data,
            event.prev_hash,
            event.hash
        ])?;
        self.prev_id = event.id;
        self.prev_hash = event.hash;
        Ok(event.id)
    }
}

/// One meeting's events, read through the index on `meeting_id` (an `?1 IS NULL OR …` condition
/// would make SQLite scan the whole history instead).
const MEETING_EVENTS: &str =
    "SELECT id, at, kind, meeting_id, item_id, owner_id, data, prev_hash, hash FROM events
     WHERE meeting_id = ?1 ORDER BY id";
/// How many events a meeting has and its last one (an export's digest).
const MEETING_DIGEST: &str = "SELECT COUNT(*), MAX(id) FROM events WHERE meeting_id = ?1";
const ALL_EVENTS: &str = "SELECT id, at, kind, meeting_id, item_id, owner_id, data, prev_hash, hash FROM events ORDER BY id";

/// An event from a row of `SELECT id, at, kind, meeting_id, item_id, owner_id, data, prev_hash, hash`.
pub(crate) fn event_of(r: &rusqlite::Row) -> rusqlite::Result<Event> {
    Ok(Event {
        id: r.get(0)?,
        at: r.get(1)?,
        kind: r.get(2)?,
        meeting_id: r.get(3)?,
        item_id: r.get(4)?,
        owner_id: r.get(5)?,
        data: r.get(6)?,
        prev_hash: r.get(7)?,
        hash: r.get(8)?,
    })
}

/// All events of a connection in order (optionally only those of one meeting).
pub(crate) fn read_events(conn: &Connection, meeting: Option<i64>) -> Result<Vec<Event>> {
    let mut stmt = conn.prepare(if meeting.is_some() {
        MEETING_EVENTS
    } else {
        ALL_EVENTS
    })?;
    let params: Vec<i64> = meeting.into_iter().collect();
    let rows = stmt.query_map(rusqlite::params_from_iter(params), event_of)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The first event of a list whose hash or link does not fit, if any.
pub(crate) fn first_broken_link(events: &[Event]) -> Option<(i64, String)> {
    let mut walk = ChainWalk::default();
    events
        .iter()
        .find_map(|e| walk.check(e).map(|why| (e.id, why.to_string())))
}

/// The chain walked one event at a time, in order: what is wrong with each link, if anything.
pub(crate) struct ChainWalk {
    next_id: i64,
    prev: String,
}

impl Default for ChainWalk {
    fn default() -> ChainWalk {
        ChainWalk {
            next_id: 1,
            prev: GENESIS.to_string(),
        }
    }
}

impl ChainWalk {
    /// A walk that continues after event `id` with this hash (checked earlier).
    pub(crate) fn after(id: i64, hash: String) -> ChainWalk {
        ChainWalk {
            next_id: id + 1,
            prev: hash,
        }
    }

    /// The id of the last event walked (0 before any).
    pub(crate) fn last_id(&self) -> i64 {
        self.next_id - 1
    }

    pub(crate) fn check(&mut self, e: &Event) -> Option<crate::i18n::Said> {
        use crate::i18n::{FindingText as F, said};
        let expected_id = self.next_id;
        self.next_id = e.id + 1;
        let prev = std::mem::replace(&mut self.prev, e.hash.clone());
        if e.id != expected_id {
            return Some(said!(F::ChainGap, expected = expected_id));
        }
        if e.prev_hash != prev {
            return Some(said!(F::ChainLink));
        }
        if event_hash(e) != e.hash {
            return Some(said!(F::ChainHash));
        }
        None
    }

    /// The hash of the last event walked (GENESIS before any).
    pub(crate) fn head(&self) -> &str {
        &self.prev
    }
}

/// Calls `f` with each event in order, one at a time (the chain may be far larger than memory).
pub(crate) fn each_event(conn: &Connection, f: impl FnMut(&Event) -> Result<()>) -> Result<()> {
    each_event_after(conn, 0, f)
}

/// Calls `f` with each event after event `after`, in order, one at a time.
pub(crate) fn each_event_after(
    conn: &Connection,
    after: i64,
    mut f: impl FnMut(&Event) -> Result<()>,
) -> Result<()> {
    let mut stmt = conn.prepare(
        "SELECT id, at, kind, meeting_id, item_id, owner_id, data, prev_hash, hash FROM events
         WHERE id > ?1 ORDER BY id",
    )?;
    let mut rows = stmt.query([after])?;
    while let Some(r) = rows.next()? {
        f(&event_of(r)?)?;
    }
    Ok(())
}

/// The chain head of a connection: the hash of the last event (or GENESIS when empty).
pub(crate) fn head(conn: &Connection) -> Result<String> {
    Ok(conn
        .query_row(
            "SELECT hash FROM events ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or_else(|| GENESIS.to_string()))
}

impl Store {
    /// All events in order (optionally only those of one meeting).
    pub fn events(&self, meeting: Option<i64>) -> Result<Vec<Event>> {
        read_events(&self.conn, meeting)
    }

    /// How many events a meeting has, and its last one's id and hash: read through the index,
    /// no event kept in memory (an export's digest of a meeting of 80,000 ballots).
    pub fn meeting_digest(&self, meeting: i64) -> Result<(usize, Option<(i64, String)>)> {
        let (count, last): (i64, Option<i64>) = self
            .conn
            .prepare_cached(MEETING_DIGEST)?
            .query_row([meeting], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let last = match last {
            Some(id) => Some((
                id,
                self.conn
                    .prepare_cached("SELECT hash FROM events WHERE id = ?1")?
                    .query_row([id], |r| r.get(0))?,
            )),
            None => None,
        };
        Ok((count as usize, last))
    }

    /// The first event whose hash or link does not fit, if any.
    pub fn broken_link(&self) -> Result<Option<(i64, String)>> {
        Ok(first_broken_link(&self.events(None)?))
    }

    /// The chain head: the hash of the last event (or GENESIS when empty).
    pub fn chain_head(&self) -> Result<String> {
        head(&self.conn)
    }
}

/// A query's plan, one line per step (every parameter bound to 1), for tests that a read goes
/// through the index meant for it.
#[cfg(test)]
pub(crate) fn plan(conn: &Connection, sql: &str) -> Vec<String> {
    let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
    let ones = vec![1; stmt.parameter_count()];
    stmt.query_map(rusqlite::params_from_iter(ones), |r| r.get::<_, String>(3))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_meetings_events_of_one_kind_are_found_without_walking_the_meeting() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("plan.db")).unwrap();
        for sql in [
            super::super::turns::LATEST_TURN,
            super::super::as_of::CLOSE_EVENT,
        ] {
            let steps = plan(store.connection(), sql);
            assert!(
                steps.iter().any(|s| s.starts_with("SEARCH events USING")
                    && s.contains("INDEX events_kind (meeting_id=? AND kind=?")),
                "{sql}: {steps:?}"
            );
        }
    }

    /// An appender whose head went stale (another append in its transaction) cannot fork the
    /// chain: its next insert takes an id already used and fails, and the rolled-back transaction
    /// leaves the file as it was. After commit, a fresh appender continues the chain unbroken.
    #[test]
    fn a_stale_appender_fails_instead_of_forking_the_chain() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("chain.db")).unwrap();
        let before = store.events(None).unwrap();
        let json = || serde_json::json!({ "note": "test" });
        {
            let tx = store.conn.transaction().unwrap();
            let mut stale = Appender::new(&tx).unwrap();
            append(&tx, "2026-12-03T12:00:00Z", "test", Ids::default(), json()).unwrap();
            let forked = stale.append(&tx, "2026-12-03T12:00:01Z", "test", Ids::default(), &json());
            assert!(
                forked.is_err(),
                "a second event with the same id: {forked:?}"
            );
            // Dropped without commit: rolled back.
        }
        assert_eq!(store.events(None).unwrap(), before, "nothing written");
        let tx = store.conn.transaction().unwrap();
        let mut fresh = Appender::new(&tx).unwrap();
        for second in 0..3 {
            let at = format!("2026-12-03T12:00:0{second}Z");
            fresh
                .append(&tx, &at, "test", Ids::default(), &json())
                .unwrap();
        }
        append(&tx, "2026-12-03T12:00:09Z", "test", Ids::default(), json()).unwrap();
        tx.commit().unwrap();
        let events = store.events(None).unwrap();
        assert_eq!(events.len(), before.len() + 4);
        let mut prev = before
            .last()
            .map_or(GENESIS.to_string(), |e| e.hash.clone());
        for (i, e) in events.iter().enumerate() {
            assert_eq!(e.id, i as i64 + 1, "ids without gaps");
            if i >= before.len() {
                assert_eq!(e.prev_hash, prev, "event {} links to the one before", e.id);
            }
            assert_eq!(e.hash, event_hash(e));
            prev = e.hash.clone();
        }
    }

    #[test]
    fn one_meetings_events_are_read_through_the_index_not_a_scan_of_the_history() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("plan.db")).unwrap();
        // verify's and export's reads of one meeting: its events, its digest, the marks of what
        // was entered later, the event its roster is taken at.
        for sql in [
            MEETING_EVENTS,
            MEETING_DIGEST,
            super::super::stated::LATER_EVENTS,
            super::super::as_of::MEETING_EPOCH,
        ] {
            let steps = plan(store.connection(), sql);
            assert!(
                steps.iter().any(|s| s.starts_with("SEARCH events USING")
                    && (s.contains("INDEX events_meeting (meeting_id=?")
                        || s.contains("INDEX events_kind (meeting_id=?"))),
                "{sql}: {steps:?}"
            );
            assert!(
                !steps
                    .iter()
                    .any(|s| s.starts_with("SCAN events") || s.contains("TEMP B-TREE")),
                "no scan, no sort: {sql}: {steps:?}"
            );
        }
    }
}
