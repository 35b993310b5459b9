//! `verify`: is the record what its events say?
//!
//! First the event chain is walked (each row's hash over its content and the previous row's hash).
//! Then the events are replayed to rebuild what the tables must hold — every ballot with its history,
//! sign-ins, items (step, vote, result, proposal, resolution, and a digest of what was taken in),
//! notes, meetings, the roster (a digest written by each import), actions, concerns — and the tables
//! are compared with it row by row. An edit made with the `sqlite3` shell shows either as a broken
//! link (events edited, removed, reordered) or as a row that no event accounts for.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::events::{Event, first_broken_link, read_events};
use super::{Result, Store};

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

/// One row that does not fit: which table, which row, what is wrong, and the event it contradicts.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    pub table: String,
    pub row: String,
    pub event: Option<i64>,
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: {}", self.table, self.row, self.message)?;
        if let Some(e) = self.event {
            write!(f, " (event {e})")?;
        }
        Ok(())
    }
}

/// What `verify` found.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Verification {
    /// Number of events in the chain.
    pub events: usize,
    /// The chain head: the hash of the last event.
    pub head: String,
    /// Rows compared per table.
    pub checked: Vec<(&'static str, usize)>,
    /// Everything that does not fit, the chain first; empty when the record is intact.
    pub findings: Vec<Finding>,
}

impl Verification {
    pub fn is_intact(&self) -> bool {
        self.findings.is_empty()
    }
}

/// At most this many findings are kept: a mass edit would otherwise list the whole database.
const MAX_FINDINGS: usize = 1000;

impl Store {
    /// Walks the event chain, replays the events, and compares the tables with what they describe.
    pub fn verify(&self) -> Result<Verification> {
        verify_connection(&self.conn)
    }
}

/// `verify` on any connection (an open store, or a backup being checked before a restore).
pub(crate) fn verify_connection(conn: &Connection) -> Result<Verification> {
    let events = read_events(conn, None)?;
    let mut out = Findings::default();
    if let Some((id, why)) = first_broken_link(&events) {
        out.push("events", format!("id {id}"), Some(id), why);
    }
    let expected = Replay::run(&events, &mut out);
    let checked = vec![
        ("ballots", expected.compare_ballots(conn, &mut out)?),
        ("attendance", expected.compare_attendance(conn, &mut out)?),
        ("items", expected.compare_items(conn, &mut out)?),
        ("notes", expected.compare_notes(conn, &mut out)?),
        ("meetings", expected.compare_meetings(conn, &mut out)?),
        ("flats", expected.compare_roster(conn, &mut out)?),
        ("estate", expected.compare_estate(conn, &mut out)?),
        ("actions", expected.compare_actions(conn, &mut out)?),
        ("concerns", expected.compare_concerns(conn, &mut out)?),
    ];
    Ok(Verification {
        events: events.len(),
        head: events
            .last()
            .map_or_else(|| super::GENESIS.to_string(), |e| e.hash.clone()),
        checked,
        findings: out.0,
    })
}

#[derive(Default)]
struct Findings(Vec<Finding>);

impl Findings {
    fn push(&mut self, table: &str, row: String, event: Option<i64>, message: String) {
        if self.0.len() < MAX_FINDINGS {
            self.0.push(Finding {
                table: table.to_string(),
                row,
                event,
                message,
            });
        }
    }

    /// One column against what an event set it to.
    fn field<T: PartialEq + Shown>(
        &mut self,
        table: &str,
        row: &str,
        column: &str,
        actual: &T,
        expected: &Set<T>,
    ) {
        if *actual != expected.value {
            self.push(
                table,
                row.to_string(),
                Some(expected.event),
                format!(
                    "{column} is {} but the events say {}",
                    actual.shown(),
                    expected.value.shown()
                ),
            );
        }
    }
}

/// How a value is quoted in a finding.
trait Shown {
    fn shown(&self) -> String;
}

impl Shown for String {
    fn shown(&self) -> String {
        // Long texts (a statement, a proposal) are cut: the row and event say where to look.
        let line = self.lines().next().unwrap_or("");
        if line.chars().count() > 40 || line.len() < self.len() {
            format!("'{}…'", line.chars().take(40).collect::<String>())
        } else {
            format!("'{self}'")
        }
    }
}

impl Shown for i64 {
    fn shown(&self) -> String {
        self.to_string()
    }
}

impl Shown for bool {
    fn shown(&self) -> String {
        self.to_string()
    }
}

impl<T: Shown> Shown for Option<T> {
    fn shown(&self) -> String {
        self.as_ref().map_or_else(|| "empty".into(), Shown::shown)
    }
}

/// A value and the event that set it.
#[derive(Clone, Debug)]
struct Set<T> {
    value: T,
    event: i64,
}

fn set<T>(value: T, event: i64) -> Set<T> {
    Set { value, event }
}

fn text(data: &Value, key: &str) -> Option<String> {
    data.get(key).and_then(Value::as_str).map(str::to_string)
}

fn int(data: &Value, key: &str) -> Option<i64> {
    data.get(key).and_then(Value::as_i64)
}

#[derive(Clone, Debug)]
struct ExpBallot {
    item: Set<i64>,
    owner: Set<i64>,
    flat: Set<Option<String>>,
    choice: Set<Option<String>>,
    method: Set<String>,
    proxy: Set<Option<String>>,
    reason: Set<Option<String>>,
    at: Set<String>,
    current: Set<bool>,
}

#[derive(Clone, Debug)]
struct ExpAttendance {
    status: Set<String>,
    proxy: Set<Option<String>>,
    at: Set<String>,
}

/// What the tally stored at closing must be.
#[derive(Clone, Debug)]
enum ExpResult {
    /// The exact JSON the event recorded.
    Exact(Option<String>),
    /// Older events recorded only whether it passed.
    Passed(Option<bool>),
}

#[derive(Clone, Debug)]
struct ExpItem {
    added: i64,
    meeting: Set<Option<i64>>,
    number: Set<Option<i64>>,
    title: Set<Option<String>>,
    digest: Option<Set<String>>,
    step: Set<String>,
    vote: Set<String>,
    result: Set<ExpResult>,
    closed_at: Set<Option<String>>,
    /// None: the item was added by a build that did not record its proposal.
    proposal: Option<Set<Option<String>>>,
    resolution: Set<Option<String>>,
}

#[derive(Clone, Debug)]
struct ExpNote {
    speaker: String,
    point: String,
    at: String,
    event: i64,
}

#[derive(Clone, Debug)]
struct ExpMeeting {
    digest: Option<Set<String>>,
    title: Set<Option<String>>,
    created_at: Set<String>,
    others: Set<String>,
}

#[derive(Clone, Debug)]
struct ExpProgress {
    meeting: Option<i64>,
    note: String,
    at: String,
    event: i64,
}

#[derive(Clone, Debug)]
struct ExpAction {
    item: Set<Option<i64>>,
    meeting: Set<Option<i64>>,
    what: Set<Option<String>>,
    responsible: Set<Option<String>>,
    due: Set<Option<String>>,
    status: Set<String>,
    created_at: Set<String>,
    closed_at: Set<Option<String>>,
    confirmation: Set<Option<String>>,
    progress: Vec<ExpProgress>,
}

#[derive(Clone, Debug)]
struct ExpConcern {
    text: Set<Option<String>>,
    by: Set<Option<String>>,
    from: Set<Option<String>>,
    raised_at: Set<String>,
    item: Set<Option<i64>>,
}

/// The state the events describe.
#[derive(Default)]
struct Replay {
    ballots: BTreeMap<i64, ExpBallot>,
    /// The current ballot of (item, owner).
    current: HashMap<(i64, i64), i64>,
    attendance: BTreeMap<(i64, i64), ExpAttendance>,
    items: BTreeMap<i64, ExpItem>,
    notes: BTreeMap<i64, Vec<ExpNote>>,
    meetings: BTreeMap<i64, ExpMeeting>,
    /// The roster digest of the last import, and its event (None for imports from before digests).
    roster: Option<(Option<String>, i64)>,
    estate: Option<(Option<String>, Set<String>)>,
    actions: BTreeMap<i64, ExpAction>,
    concerns: BTreeMap<i64, ExpConcern>,
    /// False once an `item.add` from before concerns were named in it is seen.
    concern_links_known: bool,
}

impl Replay {
    fn run(events: &[Event], out: &mut Findings) -> Replay {
        let mut r = Replay {
            concern_links_known: true,
            ..Replay::default()
        };
        for e in events {
            let data: Value = match serde_json::from_str(&e.data) {
                Ok(v) => v,
                Err(_) => {
                    out.push(
                        "events",
                        format!("id {}", e.id),
                        Some(e.id),
                        "its data is not readable JSON".into(),
                    );
                    continue;
                }
            };
            r.apply(e, &data, out);
        }
        r
    }

    fn apply(&mut self, e: &Event, data: &Value, out: &mut Findings) {
        let id = e.id;
        let mut lacks = |what: &str| {
            out.push(
                "events",
                format!("id {id}"),
                Some(id),
                format!("the '{}' event lacks {what}", e.kind),
            )
        };
        match e.kind.as_str() {
            "estate.init" => self.estate = Some((text(data, "name"), set(e.at.clone(), id))),
            "roster.import" => self.roster = Some((text(data, "digest"), id)),
            "meeting.intake" => {
                let Some(m) = e.meeting_id else {
                    return lacks("its meeting");
                };
                self.meetings.insert(
                    m,
                    ExpMeeting {
                        digest: text(data, "digest").map(|d| set(d, id)),
                        title: set(text(data, "title"), id),
                        created_at: set(e.at.clone(), id),
                        others: set(String::new(), id),
                    },
                );
            }
            "meeting.others" => {
                if let Some(m) = e.meeting_id.and_then(|m| self.meetings.get_mut(&m)) {
                    m.others = set(text(data, "others").unwrap_or_default(), id);
                } else {
                    lacks("a meeting taken in before it");
                }
            }
            "item.add" => {
                let Some(item) = e.item_id else {
                    return lacks("its item");
                };
                match data.get("concern") {
                    None => self.concern_links_known = false,
                    Some(c) => {
                        if let Some(concern) = c.as_i64().and_then(|c| self.concerns.get_mut(&c)) {
                            concern.item = set(Some(item), id);
                        }
                    }
                }
                self.items.insert(
                    item,
                    ExpItem {
                        added: id,
                        meeting: set(e.meeting_id, id),
                        number: set(int(data, "number"), id),
                        title: set(text(data, "title"), id),
                        digest: text(data, "digest").map(|d| set(d, id)),
                        step: set("raised".into(), id),
                        vote: set("open".into(), id),
                        result: set(ExpResult::Exact(None), id),
                        closed_at: set(None, id),
                        proposal: data
                            .get("proposal")
                            .map(|p| set(p.as_str().map(str::to_string), id)),
                        resolution: set(None, id),
                    },
                );
            }
            "item.step" => {
                let Some(item) = e.item_id.and_then(|i| self.items.get_mut(&i)) else {
                    return lacks("an item added before it");
                };
                let from = text(data, "from");
                if from.as_deref() != Some(item.step.value.as_str()) {
                    out.push(
                        "events",
                        format!("id {id}"),
                        Some(id),
                        format!(
                            "it moves item {} from {} but the item was {} (event {})",
                            e.item_id.unwrap_or_default(),
                            from.shown(),
                            item.step.value.shown(),
                            item.step.event
                        ),
                    );
                }
                item.step = set(text(data, "to").unwrap_or_default(), id);
            }
            "item.proposal" | "item.resolution" => {
                let Some(item) = e.item_id.and_then(|i| self.items.get_mut(&i)) else {
                    return lacks("an item added before it");
                };
                let value = set(text(data, "text"), id);
                if e.kind == "item.proposal" {
                    item.proposal = Some(value);
                } else {
                    item.resolution = value;
                }
            }
            "vote.close" => {
                let Some(item) = e.item_id.and_then(|i| self.items.get_mut(&i)) else {
                    return lacks("an item added before it");
                };
                item.vote = set("closed".into(), id);
                item.closed_at = set(Some(e.at.clone()), id);
                let result = match data.get("result") {
                    Some(v) => ExpResult::Exact(v.as_str().map(str::to_string)),
                    // An item without a vote records no figures.
                    None if data.get("votes") == Some(&Value::Bool(false)) => {
                        ExpResult::Exact(None)
                    }
                    None => ExpResult::Passed(data.get("passed").and_then(Value::as_bool)),
                };
                item.result = set(result, id);
            }
            "note.add" => {
                let Some(item) = e.item_id else {
                    return lacks("its item");
                };
                self.notes.entry(item).or_default().push(ExpNote {
                    speaker: text(data, "speaker").unwrap_or_default(),
                    point: text(data, "point").unwrap_or_default(),
                    at: e.at.clone(),
                    event: id,
                });
            }
            "attend" => {
                let (Some(meeting), Some(owner)) = (e.meeting_id, e.owner_id) else {
                    return lacks("its meeting and owner");
                };
                self.attendance.insert(
                    (meeting, owner),
                    ExpAttendance {
                        status: set(text(data, "status").unwrap_or_default(), id),
                        proxy: set(text(data, "proxy"), id),
                        at: set(e.at.clone(), id),
                    },
                );
            }
            "ballot" | "ballot.withdraw" => self.ballot(e, data, out),
            "action.add" => {
                let Some(action) = int(data, "action") else {
                    return lacks("its action id");
                };
                self.actions.insert(
                    action,
                    ExpAction {
                        item: set(e.item_id, id),
                        meeting: set(e.meeting_id, id),
                        what: set(text(data, "what"), id),
                        responsible: set(text(data, "responsible"), id),
                        due: set(text(data, "due"), id),
                        status: set("open".into(), id),
                        created_at: set(e.at.clone(), id),
                        closed_at: set(None, id),
                        confirmation: set(None, id),
                        progress: Vec::new(),
                    },
                );
            }
            "action.progress" => {
                let Some(action) = int(data, "action").and_then(|a| self.actions.get_mut(&a))
                else {
                    return lacks("an action added before it");
                };
                action.status = set("in-progress".into(), id);
                action.progress.push(ExpProgress {
                    meeting: e.meeting_id,
                    note: text(data, "note").unwrap_or_default(),
                    at: e.at.clone(),
                    event: id,
                });
            }
            "action.close" => {
                let Some(action) = int(data, "action").and_then(|a| self.actions.get_mut(&a))
                else {
                    return lacks("an action added before it");
                };
                action.status = set("closed".into(), id);
                action.closed_at = set(Some(e.at.clone()), id);
                action.confirmation = set(text(data, "confirmation"), id);
            }
            "concern.raise" => {
                let Some(concern) = int(data, "concern") else {
                    return lacks("its concern id");
                };
                self.concerns.insert(
                    concern,
                    ExpConcern {
                        text: set(text(data, "text"), id),
                        by: set(text(data, "by"), id),
                        from: set(text(data, "from"), id),
                        raised_at: set(e.at.clone(), id),
                        item: set(None, id),
                    },
                );
            }
            // Kinds this build does not know change nothing it checks.
            _ => {}
        }
    }

    /// A ballot or a withdrawal: a new ballot row, and the one it replaces is no longer current.
    fn ballot(&mut self, e: &Event, data: &Value, out: &mut Findings) {
        let id = e.id;
        let row = format!("id {id}");
        let (Some(item), Some(owner)) = (e.item_id, e.owner_id) else {
            out.push(
                "events",
                row,
                Some(id),
                format!("the '{}' event lacks its item and owner", e.kind),
            );
            return;
        };
        let withdraw = e.kind == "ballot.withdraw";
        // Withdrawals from before the payload named their row took the next id.
        let ballot = int(data, "ballot").or_else(|| {
            withdraw.then(|| self.ballots.keys().next_back().copied().unwrap_or(0) + 1)
        });
        let Some(ballot) = ballot else {
            out.push(
                "events",
                row,
                Some(id),
                "the 'ballot' event lacks its ballot id".into(),
            );
            return;
        };
        if let Some(i) = self.items.get(&item)
            && i.vote.value == "closed"
        {
            out.push(
                "events",
                row.clone(),
                Some(id),
                format!(
                    "a ballot on item {item} after its vote closed (event {})",
                    i.vote.event
                ),
            );
        }
        let replaces = int(data, "replaces");
        let current = self.current.get(&(item, owner)).copied();
        if replaces != current {
            out.push(
                "events",
                row.clone(),
                Some(id),
                format!(
                    "it replaces ballot {} but the owner's current ballot was {}",
                    replaces.shown(),
                    current.shown()
                ),
            );
        }
        let mut method = text(data, "method");
        if let Some(previous) = replaces.and_then(|r| self.ballots.get_mut(&r)) {
            previous.current = set(false, id);
            if withdraw {
                method = Some(previous.method.value.clone());
            }
        }
        if self.ballots.contains_key(&ballot) {
            out.push(
                "events",
                row,
                Some(id),
                format!("it records ballot {ballot} a second time"),
            );
        }
        self.current.insert((item, owner), ballot);
        self.ballots.insert(
            ballot,
            ExpBallot {
                item: set(item, id),
                owner: set(owner, id),
                flat: set(text(data, "flat"), id),
                choice: set(if withdraw { None } else { text(data, "choice") }, id),
                method: set(method.unwrap_or_default(), id),
                proxy: set(if withdraw { None } else { text(data, "proxy") }, id),
                reason: set(text(data, "reason"), id),
                at: set(e.at.clone(), id),
                current: set(true, id),
            },
        );
    }

    fn compare_ballots(&self, conn: &Connection, out: &mut Findings) -> Result<usize> {
        let mut stmt = conn.prepare(
            "SELECT b.id, b.item_id, b.owner_id, f.building || '-' || f.unit || '-' || f.room,
                    b.choice, b.method, b.proxy_name, b.reason, b.at, b.current
             FROM ballots b LEFT JOIN flats f ON f.id = b.flat_id ORDER BY b.id",
        )?;
        let mut rows = stmt.query([])?;
        let mut seen = 0;
        let mut left: BTreeMap<i64, &ExpBallot> =
            self.ballots.iter().map(|(k, v)| (*k, v)).collect();
        while let Some(r) = rows.next()? {
            seen += 1;
            let id: i64 = r.get(0)?;
            let row = format!("id {id}");
            let Some(x) = left.remove(&id) else {
                out.push(
                    "ballots",
                    row,
                    None,
                    "no event records this ballot: it was added behind the program's back".into(),
                );
                continue;
            };
            out.field("ballots", &row, "item_id", &r.get::<_, i64>(1)?, &x.item);
            out.field("ballots", &row, "owner_id", &r.get::<_, i64>(2)?, &x.owner);
            out.field(
                "ballots",
                &row,
                "flat",
                &r.get::<_, Option<String>>(3)?,
                &x.flat,
            );
            out.field(
                "ballots",
                &row,
                "choice",
                &r.get::<_, Option<String>>(4)?,
                &x.choice,
            );
            out.field(
                "ballots",
                &row,
                "method",
                &r.get::<_, String>(5)?,
                &x.method,
            );
            out.field(
                "ballots",
                &row,
                "proxy_name",
                &r.get::<_, Option<String>>(6)?,
                &x.proxy,
            );
            out.field(
                "ballots",
                &row,
                "reason",
                &r.get::<_, Option<String>>(7)?,
                &x.reason,
            );
            out.field("ballots", &row, "at", &r.get::<_, String>(8)?, &x.at);
            out.field(
                "ballots",
                &row,
                "current",
                &r.get::<_, bool>(9)?,
                &x.current,
            );
        }
        for (id, x) in left {
            out.push(
                "ballots",
                format!("id {id}"),
                Some(x.item.event),
                "this ballot is recorded by an event but missing from the table: it was deleted"
                    .into(),
            );
        }
        Ok(seen)
    }

    fn compare_attendance(&self, conn: &Connection, out: &mut Findings) -> Result<usize> {
        let mut stmt = conn.prepare(
            "SELECT meeting_id, owner_id, status, proxy_name, at FROM attendance ORDER BY meeting_id, owner_id",
        )?;
        let mut rows = stmt.query([])?;
        let mut seen = 0;
        let mut left: BTreeMap<(i64, i64), &ExpAttendance> =
            self.attendance.iter().map(|(k, v)| (*k, v)).collect();
        while let Some(r) = rows.next()? {
            seen += 1;
            let key: (i64, i64) = (r.get(0)?, r.get(1)?);
            let row = format!("meeting {} owner {}", key.0, key.1);
            let Some(x) = left.remove(&key) else {
                out.push(
                    "attendance",
                    row,
                    None,
                    "no event records this sign-in: it was added behind the program's back".into(),
                );
                continue;
            };
            out.field(
                "attendance",
                &row,
                "status",
                &r.get::<_, String>(2)?,
                &x.status,
            );
            out.field(
                "attendance",
                &row,
                "proxy_name",
                &r.get::<_, Option<String>>(3)?,
                &x.proxy,
            );
            out.field("attendance", &row, "at", &r.get::<_, String>(4)?, &x.at);
        }
        for ((m, o), x) in left {
            out.push(
                "attendance",
                format!("meeting {m} owner {o}"),
                Some(x.status.event),
                "this sign-in is recorded by an event but missing from the table: it was deleted"
                    .into(),
            );
        }
        Ok(seen)
    }

    fn compare_items(&self, conn: &Connection, out: &mut Findings) -> Result<usize> {
        let mut stmt = conn.prepare(
            "SELECT id, meeting_id, number, title, step, vote, result, closed_at, proposal, resolution
             FROM items ORDER BY id",
        )?;
        let mut rows = stmt.query([])?;
        let mut seen = 0;
        let mut left: BTreeMap<i64, &ExpItem> = self.items.iter().map(|(k, v)| (*k, v)).collect();
        while let Some(r) = rows.next()? {
            seen += 1;
            let id: i64 = r.get(0)?;
            let row = format!("id {id}");
            let Some(x) = left.remove(&id) else {
                out.push(
                    "items",
                    row,
                    None,
                    "no event records this item: it was added behind the program's back".into(),
                );
                continue;
            };
            out.field(
                "items",
                &row,
                "meeting_id",
                &Some(r.get::<_, i64>(1)?),
                &x.meeting,
            );
            if x.number.value.is_some() {
                out.field(
                    "items",
                    &row,
                    "number",
                    &Some(r.get::<_, i64>(2)?),
                    &x.number,
                );
            }
            if x.title.value.is_some() {
                out.field(
                    "items",
                    &row,
                    "title",
                    &Some(r.get::<_, String>(3)?),
                    &x.title,
                );
            }
            if let Some(digest) = &x.digest {
                let actual = digest_rows(conn, ITEM_DIGEST_SQL, [id])?;
                if actual != digest.value {
                    out.push(
                        "items",
                        row.clone(),
                        Some(x.added),
                        "what was taken in (title, statement, rule, scope or required consents) was changed"
                            .into(),
                    );
                }
            }
            out.field("items", &row, "step", &r.get::<_, String>(4)?, &x.step);
            out.field("items", &row, "vote", &r.get::<_, String>(5)?, &x.vote);
            let result: Option<String> = r.get(6)?;
            match &x.result.value {
                ExpResult::Exact(expected) => out.field(
                    "items",
                    &row,
                    "result",
                    &result,
                    &set(expected.clone(), x.result.event),
                ),
                ExpResult::Passed(expected) => {
                    let passed = result
                        .as_deref()
                        .and_then(|t| serde_json::from_str::<Value>(t).ok())
                        .and_then(|v| v.get("passed").and_then(Value::as_bool));
                    if passed != *expected {
                        out.push(
                            "items",
                            row.clone(),
                            Some(x.result.event),
                            format!(
                                "the recorded result says passed = {} but the events say {}",
                                passed.shown(),
                                expected.shown()
                            ),
                        );
                    }
                }
            }
            out.field(
                "items",
                &row,
                "closed_at",
                &r.get::<_, Option<String>>(7)?,
                &x.closed_at,
            );
            if let Some(proposal) = &x.proposal {
                out.field(
                    "items",
                    &row,
                    "proposal",
                    &r.get::<_, Option<String>>(8)?,
                    proposal,
                );
            }
            out.field(
                "items",
                &row,
                "resolution",
                &r.get::<_, Option<String>>(9)?,
                &x.resolution,
            );
        }
        for (id, x) in left {
            out.push(
                "items",
                format!("id {id}"),
                Some(x.added),
                "this item is recorded by an event but missing from the table: it was deleted"
                    .into(),
            );
        }
        Ok(seen)
    }

    fn compare_notes(&self, conn: &Connection, out: &mut Findings) -> Result<usize> {
        let mut stmt =
            conn.prepare("SELECT id, item_id, speaker, point, at FROM notes ORDER BY id")?;
        let mut rows = stmt.query([])?;
        let mut seen = 0;
        let mut taken: HashMap<i64, usize> = HashMap::new();
        while let Some(r) = rows.next()? {
            seen += 1;
            let id: i64 = r.get(0)?;
            let item: i64 = r.get(1)?;
            let row = format!("id {id}");
            let k = taken.entry(item).or_default();
            let Some(x) = self.notes.get(&item).and_then(|n| n.get(*k)) else {
                out.push(
                    "notes",
                    row,
                    None,
                    format!("no event records this note on item {item}: it was added behind the program's back"),
                );
                continue;
            };
            *k += 1;
            let actual = (
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            );
            if actual != (x.speaker.clone(), x.point.clone(), x.at.clone()) {
                out.push(
                    "notes",
                    row,
                    Some(x.event),
                    format!(
                        "the note reads {}: {} ({}) but the event recorded {}: {} ({})",
                        actual.0, actual.1, actual.2, x.speaker, x.point, x.at
                    ),
                );
            }
        }
        for (item, notes) in &self.notes {
            for x in notes.iter().skip(taken.get(item).copied().unwrap_or(0)) {
                out.push(
                    "notes",
                    format!("item {item}"),
                    Some(x.event),
                    "a note recorded by this event is missing from the table: it was deleted"
                        .into(),
                );
            }
        }
        Ok(seen)
    }

    fn compare_meetings(&self, conn: &Connection, out: &mut Findings) -> Result<usize> {
        let mut stmt =
            conn.prepare("SELECT id, title, created_at, others FROM meetings ORDER BY id")?;
        let mut rows = stmt.query([])?;
        let mut seen = 0;
        let mut left: BTreeMap<i64, &ExpMeeting> =
            self.meetings.iter().map(|(k, v)| (*k, v)).collect();
        while let Some(r) = rows.next()? {
            seen += 1;
            let id: i64 = r.get(0)?;
            let row = format!("id {id}");
            let Some(x) = left.remove(&id) else {
                out.push(
                    "meetings",
                    row,
                    None,
                    "no event records this meeting: it was added behind the program's back".into(),
                );
                continue;
            };
            out.field(
                "meetings",
                &row,
                "title",
                &Some(r.get::<_, String>(1)?),
                &x.title,
            );
            out.field(
                "meetings",
                &row,
                "created_at",
                &r.get::<_, String>(2)?,
                &x.created_at,
            );
            out.field(
                "meetings",
                &row,
                "others",
                &r.get::<_, String>(3)?,
                &x.others,
            );
            if let Some(digest) = &x.digest
                && digest_rows(conn, MEETING_DIGEST_SQL, [id])? != digest.value
            {
                out.push(
                    "meetings",
                    row,
                    Some(digest.event),
                    "what was taken in (title, time, place, host, secretary …) was changed".into(),
                );
            }
        }
        for (id, x) in left {
            out.push(
                "meetings",
                format!("id {id}"),
                Some(x.created_at.event),
                "this meeting is recorded by an event but missing from the table: it was deleted"
                    .into(),
            );
        }
        Ok(seen)
    }

    fn compare_roster(&self, conn: &Connection, out: &mut Findings) -> Result<usize> {
        let flats: i64 = conn.query_row("SELECT COUNT(*) FROM flats", [], |r| r.get(0))?;
        let owners: i64 = conn.query_row("SELECT COUNT(*) FROM owners", [], |r| r.get(0))?;
        match &self.roster {
            None if flats + owners > 0 => out.push(
                "flats",
                "(all)".into(),
                None,
                "owners and flats are in the database but no roster import is recorded".into(),
            ),
            Some((Some(digest), event)) if roster_digest(conn)? != *digest => out.push(
                "flats",
                "(all)".into(),
                Some(*event),
                "the owners or flats (areas, owners, rooms) differ from what the last roster import recorded"
                    .into(),
            ),
            _ => {}
        }
        Ok(flats as usize)
    }

    fn compare_estate(&self, conn: &Connection, out: &mut Findings) -> Result<usize> {
        let actual: Option<(String, String)> = conn
            .query_row("SELECT name, created_at FROM estate", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        match (&self.estate, actual) {
            (None, None) => Ok(0),
            (None, Some(_)) => {
                out.push(
                    "estate",
                    "id 1".into(),
                    None,
                    "no event records the estate: it was added behind the program's back".into(),
                );
                Ok(1)
            }
            (Some((_, at)), None) => {
                out.push(
                    "estate",
                    "id 1".into(),
                    Some(at.event),
                    "the estate is recorded by an event but missing: it was deleted".into(),
                );
                Ok(0)
            }
            (Some((name, at)), Some((n, a))) => {
                out.field(
                    "estate",
                    "id 1",
                    "name",
                    &Some(n),
                    &set(name.clone(), at.event),
                );
                out.field("estate", "id 1", "created_at", &a, at);
                Ok(1)
            }
        }
    }

    fn compare_actions(&self, conn: &Connection, out: &mut Findings) -> Result<usize> {
        let mut stmt = conn.prepare(
            "SELECT id, item_id, meeting_id, what, responsible, due, status, created_at, closed_at, confirmation
             FROM actions ORDER BY id",
        )?;
        let mut rows = stmt.query([])?;
        let mut seen = 0;
        let mut left: BTreeMap<i64, &ExpAction> =
            self.actions.iter().map(|(k, v)| (*k, v)).collect();
        while let Some(r) = rows.next()? {
            seen += 1;
            let id: i64 = r.get(0)?;
            let row = format!("id {id}");
            let Some(x) = left.remove(&id) else {
                out.push(
                    "actions",
                    row,
                    None,
                    "no event records this action: it was added behind the program's back".into(),
                );
                continue;
            };
            out.field(
                "actions",
                &row,
                "item_id",
                &r.get::<_, Option<i64>>(1)?,
                &x.item,
            );
            out.field(
                "actions",
                &row,
                "meeting_id",
                &r.get::<_, Option<i64>>(2)?,
                &x.meeting,
            );
            out.field(
                "actions",
                &row,
                "what",
                &Some(r.get::<_, String>(3)?),
                &x.what,
            );
            out.field(
                "actions",
                &row,
                "responsible",
                &Some(r.get::<_, String>(4)?),
                &x.responsible,
            );
            out.field(
                "actions",
                &row,
                "due",
                &r.get::<_, Option<String>>(5)?,
                &x.due,
            );
            out.field(
                "actions",
                &row,
                "status",
                &r.get::<_, String>(6)?,
                &x.status,
            );
            out.field(
                "actions",
                &row,
                "created_at",
                &r.get::<_, String>(7)?,
                &x.created_at,
            );
            out.field(
                "actions",
                &row,
                "closed_at",
                &r.get::<_, Option<String>>(8)?,
                &x.closed_at,
            );
            out.field(
                "actions",
                &row,
                "confirmation",
                &r.get::<_, Option<String>>(9)?,
                &x.confirmation,
            );
        }
        for (id, x) in left {
            out.push(
                "actions",
                format!("id {id}"),
                Some(x.created_at.event),
                "this action is recorded by an event but missing from the table: it was deleted"
                    .into(),
            );
        }
        // Progress notes, in order, per action.
        let mut stmt = conn.prepare(
            "SELECT id, action_id, meeting_id, note, at FROM action_progress ORDER BY id",
        )?;
        let mut rows = stmt.query([])?;
        let mut taken: HashMap<i64, usize> = HashMap::new();
        while let Some(r) = rows.next()? {
            seen += 1;
            let id: i64 = r.get(0)?;
            let action: i64 = r.get(1)?;
            let row = format!("id {id}");
            let k = taken.entry(action).or_default();
            let Some(x) = self.actions.get(&action).and_then(|a| a.progress.get(*k)) else {
                out.push(
                    "action_progress",
                    row,
                    None,
                    format!("no event records this progress on action {action}: it was added behind the program's back"),
                );
                continue;
            };
            *k += 1;
            let actual = (
                r.get::<_, Option<i64>>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            );
            if actual != (x.meeting, x.note.clone(), x.at.clone()) {
                out.push(
                    "action_progress",
                    row,
                    Some(x.event),
                    format!(
                        "the progress note reads '{}' ({}) but the event recorded '{}' ({})",
                        actual.1, actual.2, x.note, x.at
                    ),
                );
            }
        }
        for (action, a) in &self.actions {
            for x in a
                .progress
                .iter()
                .skip(taken.get(action).copied().unwrap_or(0))
            {
                out.push(
                    "action_progress",
                    format!("action {action}"),
                    Some(x.event),
                    "a progress note recorded by this event is missing: it was deleted".into(),
                );
            }
        }
        Ok(seen)
    }

    fn compare_concerns(&self, conn: &Connection, out: &mut Findings) -> Result<usize> {
        let mut stmt = conn.prepare(
            "SELECT id, text, raised_by, raised_from, raised_at, item_id FROM concerns ORDER BY id",
        )?;
        let mut rows = stmt.query([])?;
        let mut seen = 0;
        let mut left: BTreeMap<i64, &ExpConcern> =
            self.concerns.iter().map(|(k, v)| (*k, v)).collect();
        while let Some(r) = rows.next()? {
            seen += 1;
            let id: i64 = r.get(0)?;
            let row = format!("id {id}");
            let Some(x) = left.remove(&id) else {
                out.push(
                    "concerns",
                    row,
                    None,
                    "no event records this concern: it was added behind the program's back".into(),
                );
                continue;
            };
            out.field(
                "concerns",
                &row,
                "text",
                &Some(r.get::<_, String>(1)?),
                &x.text,
            );
            out.field(
                "concerns",
                &row,
                "raised_by",
                &Some(r.get::<_, String>(2)?),
                &x.by,
            );
            out.field(
                "concerns",
                &row,
                "raised_from",
                &r.get::<_, Option<String>>(3)?,
                &x.from,
            );
            out.field(
                "concerns",
                &row,
                "raised_at",
                &r.get::<_, String>(4)?,
                &x.raised_at,
            );
            if self.concern_links_known {
                out.field(
                    "concerns",
                    &row,
                    "item_id",
                    &r.get::<_, Option<i64>>(5)?,
                    &x.item,
                );
            }
        }
        for (id, x) in left {
            out.push(
                "concerns",
                format!("id {id}"),
                Some(x.raised_at.event),
                "this concern is recorded by an event but missing from the table: it was deleted"
                    .into(),
            );
        }
        Ok(seen)
    }
}
