//! What a roster import changes: each flat added, changed, retired or given back, the open votes it
//! touches, and the history it leaves (one row per changed flat, from the import's event on).

use std::collections::HashSet;

use rusqlite::{Connection, params};

use crate::domain::{Area, FlatRef, Rule, Scope, Step};

use super::{ImportSummary, Result};

/// How a roster file is taken in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportMode {
    /// Work out what would change; write nothing.
    DryRun,
    /// Import; without `yes`, an import that needs confirmation writes nothing.
    Import { yes: bool },
}

/// A flat as one roster version has it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct FlatState {
    pub area: Area,
    pub owner_key: String,
    pub owner_name: String,
    pub active: bool,
}

/// One flat the import changes: as it was (None: new) and as it will be.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct FlatChange {
    pub flat: FlatRef,
    pub before: Option<FlatState>,
    pub after: FlatState,
}

impl FlatChange {
    pub fn added(&self) -> bool {
        self.before.is_none()
    }

    /// Listed before, not any more.
    pub fn retired(&self) -> bool {
        self.before.as_ref().is_some_and(|b| b.active) && !self.after.active
    }

    /// Another owner (not merely a corrected name).
    pub fn owner_changed(&self) -> bool {
        self.before
            .as_ref()
            .is_some_and(|b| b.owner_key != self.after.owner_key)
    }

    pub fn area_changed(&self) -> bool {
        self.before
            .as_ref()
            .is_some_and(|b| b.area != self.after.area)
    }
}

/// Why an open vote is touched by an import.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Touch {
    /// A flat in the vote's scope gets another owner or another area.
    OwnerOrArea,
    /// A flat whose owner has voted leaves the roster.
    VoterRetired,
    /// A flat whose owner's consent is required leaves the roster.
    ConsentRetired,
}

/// One open vote an import touches, through one flat.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct OpenVoteTouch {
    pub meeting: i64,
    pub item: i64,
    pub title: String,
    pub flat: FlatRef,
    pub touch: Touch,
}

/// Everything an import would do.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct RosterPlan {
    pub summary: ImportSummary,
    pub changes: Vec<FlatChange>,
    pub touches: Vec<OpenVoteTouch>,
    /// Active flats before the import.
    pub active_before: usize,
}

/// Why an import needs `--yes`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Confirmation {
    /// It touches open votes.
    OpenVotes(usize),
    /// It retires more than a tenth of the flats: (retired, active before).
    ManyRetired(usize, usize),
}

impl RosterPlan {
    /// What must be confirmed before this import is written; empty when nothing.
    pub fn confirmations(&self) -> Vec<Confirmation> {
        let mut out = Vec::new();
        if !self.touches.is_empty() {
            out.push(Confirmation::OpenVotes(self.touches.len()));
        }
        let retired = self.changes.iter().filter(|c| c.retired()).count();
        // More than a tenth: retired / before > 1 / 10, by cross-multiplication.
        if retired * 10 > self.active_before {
            out.push(Confirmation::ManyRetired(retired, self.active_before));
        }
        out
    }
}

/// Current flats whose state differs from their latest history row (or that have none).
const DIFFERS: &str = "FROM flats f JOIN owners o ON o.id = f.owner_id
     LEFT JOIN flat_history h ON h.flat_id = f.id
         AND h.since = (SELECT MAX(x.since) FROM flat_history x WHERE x.flat_id = f.id)
     LEFT JOIN owners ho ON ho.id = h.owner_id
     WHERE h.flat_id IS NULL OR h.area_centi <> f.area_centi OR h.owner_id <> f.owner_id
         OR h.owner_name <> o.name OR h.active <> f.active";

/// Works out the plan inside the import's transaction, after the tables were brought up to date.
pub(crate) fn plan(
    conn: &Connection,
    summary: ImportSummary,
    active_before: usize,
) -> Result<RosterPlan> {
    let mut stmt = conn.prepare(&format!(
        "SELECT f.building, f.unit, f.room, f.area_centi, o.key, o.name, f.active,
                h.area_centi, ho.key, h.owner_name, h.active {DIFFERS}"
    ))?;
    let rows = stmt.query_map([], |r| {
        let before = match r.get::<_, Option<i64>>(7)? {
            None => None,
            Some(area) => Some(FlatState {
                area: Area(area),
                owner_key: r.get::<_, Option<String>>(8)?.unwrap_or_default(),
                owner_name: r.get(9)?,
                active: r.get(10)?,
            }),
        };
        Ok(FlatChange {
            flat: FlatRef::new(
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ),
            before,
            after: FlatState {
                area: Area(r.get(3)?),
                owner_key: r.get(4)?,
                owner_name: r.get(5)?,
                active: r.get(6)?,
            },
        })
    })?;
    let mut changes: Vec<FlatChange> = rows.collect::<rusqlite::Result<_>>()?;
    crate::domain::flat::sort_by_flat(&mut changes, |c| &c.flat);
    let touches = touches(conn, &changes)?;
    Ok(RosterPlan {
        summary,
        changes,
        touches,
        active_before,
    })
}

/// The open votes the changes touch, in meeting and item order.
fn touches(conn: &Connection, changes: &[FlatChange]) -> Result<Vec<OpenVoteTouch>> {
    let relevant: Vec<&FlatChange> = changes
        .iter()
        .filter(|c| c.retired() || c.owner_changed() || c.area_changed())
        .collect();
    if relevant.is_empty() {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare(
        "SELECT id, meeting_id, number, title, rule, scope, consents, step FROM items
         WHERE vote = 'open' ORDER BY meeting_id, number",
    )?;
    let items = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, String>(6)?,
            r.get::<_, String>(7)?,
        ))
    })?;
    let mut voted = conn.prepare(
        "SELECT DISTINCT f.building, f.unit, f.room FROM ballots b JOIN flats f ON f.id = b.flat_id
         WHERE b.item_id = ?1",
    )?;
    let mut out = Vec::new();
    for row in items {
        let (id, meeting, number, title, rule, scope, consents, step) = row?;
        let (Ok(rule), Ok(scope), Ok(consents)) = (
            serde_json::from_str::<Rule>(&rule),
            serde_json::from_str::<Scope>(&scope),
            serde_json::from_str::<Vec<FlatRef>>(&consents),
        ) else {
            continue;
        };
        let in_play = !matches!(
            Step::parse(&step),
            Some(Step::Withdrawn | Step::Deferred | Step::Closed)
        );
        if !rule.votes || !in_play {
            continue;
        }
        let voters: HashSet<FlatRef> = voted
            .query_map(params![id], |r| {
                Ok(FlatRef::new(
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        for c in &relevant {
            let touch = if c.retired() && consents.contains(&c.flat) {
                Some(Touch::ConsentRetired)
            } else if c.retired() && voters.contains(&c.flat) {
                Some(Touch::VoterRetired)
            } else if !c.retired()
                && (c.owner_changed() || c.area_changed())
                && scope.contains(&c.flat)
            {
                Some(Touch::OwnerOrArea)
            } else {
                None
            };
            if let Some(touch) = touch {
                out.push(OpenVoteTouch {
                    meeting,
                    item: number,
                    title: title.clone(),
                    flat: c.flat.clone(),
                    touch,
                });
            }
        }
    }
    Ok(out)
}

/// The changes as the import's event records them (what `verify` compares the history with).
pub(crate) fn payload(changes: &[FlatChange]) -> serde_json::Value {
    changes
        .iter()
        .map(|c| {
            serde_json::json!({
                "flat": c.flat.to_string(),
                "area": c.after.area.0,
                "owner": c.after.owner_key,
                "name": c.after.owner_name,
                "active": c.after.active,
            })
        })
        .collect()
}

/// Writes a history row, from `event` on, for every flat that differs from its latest one.
pub(crate) fn record_history(conn: &Connection, event: i64) -> Result<()> {
    conn.execute(
        &format!(
            "INSERT INTO flat_history (flat_id, since, area_centi, owner_id, owner_name, active)
             SELECT f.id, ?1, f.area_centi, f.owner_id, o.name, f.active {DIFFERS}"
        ),
        [event],
    )?;
    Ok(())
}

/// What an import did, or (dry run, or refused for want of `yes`) would do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportOutcome {
    pub plan: RosterPlan,
    pub written: bool,
}
