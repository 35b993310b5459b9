//! The paper around meetings against their events: each meeting's notice settings as the last
//! `meeting.notice` event left them, and each guest (列席) as `guest.add` / `guest.remove` wrote it.

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde_json::Value;

use super::findings::Findings;
use super::replay::lacking;
use crate::i18n::{FindingText as F, Said, said};
use crate::store::Result;
use crate::store::events::Event;

/// The event kinds this check replays.
pub(super) fn replays(kind: &str) -> bool {
    matches!(kind, "meeting.notice" | "guest.add" | "guest.remove")
}

#[derive(Debug, PartialEq)]
struct Notice {
    issuer: Option<String>,
    posted_on: Option<String>,
    notice_days: Option<i64>,
    show_officers: bool,
    at: String,
}

#[derive(Debug, PartialEq)]
struct Guest {
    meeting: Option<i64>,
    name: Option<String>,
    role: Option<String>,
    at: String,
    removed_at: Option<String>,
}

/// Replays the events and compares `notice_settings` and `guests`; returns the rows compared.
pub(super) fn check(
    events: &[Event],
    conn: &Connection,
    out: &mut Findings,
) -> Result<[(&'static str, usize); 2]> {
    let mut notices: BTreeMap<i64, (Notice, i64)> = BTreeMap::new();
    let mut guests: BTreeMap<i64, (Guest, i64)> = BTreeMap::new();
    for e in events {
        let Ok(data) = serde_json::from_str::<Value>(&e.data) else {
            continue; // reported by the main replay
        };
        let text = |k: &str| data.get(k).and_then(Value::as_str).map(str::to_string);
        let guest = data.get("guest").and_then(Value::as_i64);
        match (e.kind.as_str(), e.meeting_id, guest) {
            ("meeting.notice", Some(m), _) => {
                let row = Notice {
                    issuer: text("issuer"),
                    posted_on: text("posted_on"),
                    notice_days: data.get("notice_days").and_then(Value::as_i64),
                    show_officers: data.get("show_officers") == Some(&Value::Bool(true)),
                    at: e.at.clone(),
                };
                notices.insert(m, (row, e.id));
            }
            ("guest.add", _, Some(id)) => {
                let row = Guest {
                    meeting: e.meeting_id,
                    name: text("name"),
                    role: text("role"),
                    at: e.at.clone(),
                    removed_at: None,
                };
                guests.insert(id, (row, e.id));
            }
            ("guest.remove", _, Some(id)) => match guests.get_mut(&id) {
                Some((g, event)) => {
                    g.removed_at = Some(e.at.clone());
                    *event = e.id;
                }
                None => out.event(e.id, said!(F::GuestNeverAdded, id = id)),
            },
            _ => out.event(e.id, lacking(e, F::LacksMeetingOrGuest)),
        }
    }
    let settings = compare(
        conn,
        "notice_settings",
        "SELECT meeting_id, issuer, posted_on, notice_days, show_officers, at FROM notice_settings",
        |r| {
            Ok(Notice {
                issuer: r.get(1)?,
                posted_on: r.get(2)?,
                notice_days: r.get(3)?,
                show_officers: r.get::<_, i64>(4)? == 1,
                at: r.get(5)?,
            })
        },
        notices,
        out,
    )?;
    let guest_rows = compare(
        conn,
        "guests",
        "SELECT id, meeting_id, name, role, at, removed_at FROM guests",
        |r| {
            Ok(Guest {
                meeting: r.get(1)?,
                name: r.get(2)?,
                role: r.get(3)?,
                at: r.get(4)?,
                removed_at: r.get(5)?,
            })
        },
        guests,
        out,
    )?;
    Ok([("notice_settings", settings), ("guests", guest_rows)])
}

/// Compares a table keyed by its first column with what the events describe.
fn compare<R: PartialEq>(
    conn: &Connection,
    table: &str,
    sql: &str,
    row: impl Fn(&rusqlite::Row) -> rusqlite::Result<R>,
    mut expected: BTreeMap<i64, (R, i64)>,
    out: &mut Findings,
) -> Result<usize> {
    let mut stmt = conn.prepare(&format!("{sql} ORDER BY 1"))?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, row(r)?)))?;
    let mut seen = 0;
    for r in rows {
        let (key, actual) = r?;
        seen += 1;
        let name = row_name(table, key);
        match expected.remove(&key) {
            None => out.push(table, name, None, said!(F::Added).word("what", F::Row)),
            Some((want, event)) if want != actual => out.push(
                table,
                name,
                Some(event),
                said!(F::Differs).word("what", F::Row),
            ),
            Some(_) => {}
        }
    }
    for (key, (_, event)) in expected {
        out.push(
            table,
            row_name(table, key),
            Some(event),
            said!(F::MissingRecorded).word("what", F::Row),
        );
    }
    Ok(seen)
}

/// How a row is named in a finding: guests by id, notice settings by their meeting.
fn row_name(table: &str, key: i64) -> Said {
    match table {
        "guests" => said!(F::RowId, id = key),
        _ => said!(F::RowMeeting, meeting = key),
    }
}
