//! Writing one ballot: its row (the owner's earlier ballot no longer current) and its event, inside
//! the caller's transaction. Shared by ballots given at the roll call and files of written ballots.

use rusqlite::{OptionalExtension, params};

use super::ballots::BallotInput;
use super::stated::When;
use super::{Ids, ItemRecord, Result, events};

/// Whose ballot it is: the flat it names and that flat's owner (all a ballot row records of them).
#[derive(Clone, Copy, Debug)]
pub(super) struct Voter {
    pub(super) flat_id: i64,
    pub(super) owner_id: i64,
}

impl From<&super::RosterEntry> for Voter {
    fn from(e: &super::RosterEntry) -> Voter {
        Voter {
            flat_id: e.flat_id,
            owner_id: e.owner_id,
        }
    }
}

/// Writes one ballot inside the caller's transaction; returns its id. The same ballot given again
/// changes nothing and records nothing.
pub(super) fn record_ballot(
    tx: &rusqlite::Transaction,
    events: &mut events::Appender,
    when: &When,
    item: &ItemRecord,
    entry: &super::RosterEntry,
    input: &BallotInput,
) -> Result<i64> {
    // Cached statements: a ballot import runs these once per ballot (compiling them each time
    // was a quarter of its time).
    let previous: Option<(i64, Option<String>, String)> = tx
        .prepare_cached(
            "SELECT id, choice, method FROM ballots WHERE item_id = ?1 AND owner_id = ?2 AND current = 1",
        )?
        .query_row(params![item.id, entry.owner_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?;
    if let Some((id, Some(choice), method)) = &previous
        && choice == input.choice.as_str()
        && method == input.method.as_str()
    {
        return Ok(*id);
    }
    let voter = Voter::from(entry);
    insert_ballot(tx, events, when, item, voter, input, previous.map(|p| p.0))
}

/// Records a ballot that replaces `previous` (the owner's current ballot, if any): the row, and its
/// event. For callers that already know the current ballots (a file of written ballots).
pub(super) fn insert_ballot(
    tx: &rusqlite::Transaction,
    events: &mut events::Appender,
    when: &When,
    item: &ItemRecord,
    voter: Voter,
    input: &BallotInput,
    previous: Option<i64>,
) -> Result<i64> {
    if let Some(id) = previous {
        tx.prepare_cached("UPDATE ballots SET current = 0 WHERE id = ?1")?
            .execute([id])?;
    }
    let proxy = input.proxy.map(str::trim).filter(|p| !p.is_empty());
    let reason = input.reason.map(str::trim).filter(|r| !r.is_empty());
    tx.prepare_cached(
        "INSERT INTO ballots (item_id, owner_id, flat_id, choice, method, proxy_name, reason, at, current)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1)",
    )?
    .execute(params![item.id, voter.owner_id, voter.flat_id, input.choice.as_str(), input.method.as_str(), proxy, reason, when.row])?;
    let id = tx.last_insert_rowid();
    let ids = Ids {
        meeting: Some(item.meeting_id),
        item: Some(item.id),
        owner: Some(voter.owner_id),
    };
    let data = BallotData {
        ballot: id,
        choice: input.choice.as_str(),
        flat: input.flat.to_string(),
        method: input.method.as_str(),
        proxy,
        reason,
        replaces: previous,
        stated_at: when.stated.then_some(when.row.as_str()),
    };
    events.append(tx, &when.event, "ballot", ids, &data)?;
    Ok(id)
}

/// The data of a `ballot` event. Its fields are in the order `serde_json::json!` writes keys
/// (sorted), so the JSON is byte for byte what the earlier map form gave; written from a struct,
/// a file of 100,000 ballots builds no map per ballot.
#[derive(serde::Serialize)]
struct BallotData<'a> {
    ballot: i64,
    choice: &'a str,
    flat: String,
    method: &'a str,
    proxy: Option<&'a str>,
    reason: Option<&'a str>,
    replaces: Option<i64>,
    /// A paper record entered afterwards (`--at`): the time it states (see `stated::When::mark`).
    #[serde(skip_serializing_if = "Option::is_none")]
    stated_at: Option<&'a str>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ballot_events_data_is_the_json_the_map_form_wrote() {
        let data = BallotData {
            ballot: 7,
            choice: "yes",
            flat: "3-2-501".into(),
            method: "written",
            proxy: None,
            reason: Some("原票有误"),
            replaces: Some(3),
            stated_at: None,
        };
        let map = serde_json::json!({
            "ballot": 7,
            "flat": "3-2-501",
            "choice": "yes",
            "method": "written",
            "proxy": None::<&str>,
            "reason": "原票有误",
            "replaces": 3,
        });
        assert_eq!(serde_json::to_string(&data).unwrap(), map.to_string());
    }
}
