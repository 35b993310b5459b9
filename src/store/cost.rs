//! Cost plans of items: taken in with the agenda, changed later as events with every earlier plan kept.

use rusqlite::{OptionalExtension, Transaction, params};

use crate::domain::Scope;
use crate::domain::cost::{CostError, CostFlat, CostPlan, Sharing};
use crate::i18n::terms::counted;
use crate::i18n::{CostText as C, Said, cost_error, said};
use crate::lang::Lang;

use super::{Ids, ItemRecord, Result, Store, StoreError, events};

/// One version of an item's cost plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CostPlanRecord {
    pub id: i64,
    pub item_id: i64,
    pub plan: CostPlan,
    /// Why the plan was changed (none for the plan taken in with the agenda).
    pub reason: Option<String>,
    pub at: String,
    pub current: bool,
}

/// The plan as stored and as the event carries it: the same JSON text, so `verify` compares text.
pub(crate) fn plan_json(plan: &CostPlan) -> String {
    serde_json::to_string(plan).unwrap_or_default()
}

/// Records a plan for an item inside the caller's transaction; the previous plan stays, not current.
pub(crate) fn insert_plan(
    tx: &Transaction,
    now: &str,
    meeting: i64,
    item: i64,
    plan: &CostPlan,
    reason: Option<&str>,
) -> Result<i64> {
    let replaces: Option<i64> = tx
        .query_row(
            "SELECT id FROM cost_plans WHERE item_id = ?1 AND current = 1",
            [item],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(old) = replaces {
        tx.execute("UPDATE cost_plans SET current = 0 WHERE id = ?1", [old])?;
    }
    let json = plan_json(plan);
    tx.execute(
        "INSERT INTO cost_plans (item_id, plan, reason, at, current) VALUES (?1, ?2, ?3, ?4, 1)",
        params![item, json, reason, now],
    )?;
    let id = tx.last_insert_rowid();
    events::append(
        tx,
        now,
        "item.cost",
        Ids {
            meeting: Some(meeting),
            item: Some(item),
            owner: None,
        },
        serde_json::json!({
            "cost_plan": id,
            "replaces": replaces,
            "plan": json,
            "reason": reason,
        }),
    )?;
    Ok(id)
}

fn record_from_row(r: &rusqlite::Row) -> rusqlite::Result<CostPlanRecord> {
    let json: String = r.get(2)?;
    Ok(CostPlanRecord {
        id: r.get(0)?,
        item_id: r.get(1)?,
        plan: serde_json::from_str(&json).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, Box::new(e))
        })?,
        reason: r.get(3)?,
        at: r.get(4)?,
        current: r.get::<_, i64>(5)? == 1,
    })
}

impl Store {
    /// The current cost plan of an item, if it has one.
    pub fn cost_plan(&self, item_id: i64) -> Result<Option<CostPlanRecord>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id, item_id, plan, reason, at, current FROM cost_plans
                 WHERE item_id = ?1 AND current = 1",
            )?
            .query_row([item_id], record_from_row)
            .optional()?)
    }

    /// Every plan an item has had, oldest first.
    pub fn cost_plan_history(&self, item_id: i64) -> Result<Vec<CostPlanRecord>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, item_id, plan, reason, at, current FROM cost_plans
             WHERE item_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([item_id], record_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Sets (or changes) an item's cost plan, keeping every earlier plan. Refused while owners are
    /// voting on the plan (the vote is open and has a ballot: they would have voted on different
    /// plans); a change of an existing plan must say why; a plan equal to the current one changes
    /// nothing and is refused rather than recorded.
    pub fn set_cost_plan(
        &mut self,
        meeting: i64,
        number: i64,
        plan: &CostPlan,
        reason: Option<&str>,
    ) -> Result<i64> {
        let tx = self.begin_write()?;
        let item = self.item(meeting, number)?;
        plan.check().map_err(|e| of_item(number, &e))?;
        self.sharing_of(&item, plan)?;
        let ballots = self.ballot_history(item.id)?.len();
        if !item.vote_closed && ballots > 0 {
            let count = |lang| counted(lang, ballots, C::Ballot, C::Ballots);
            return Err(said!(C::ChangeDuringVote, n = number)
                .both("ballots", count(Lang::Zh), count(Lang::En))
                .into());
        }
        let reason = reason.map(str::trim).filter(|r| !r.is_empty());
        if let Some(current) = self.cost_plan(item.id)? {
            if current.plan == *plan {
                return Err(said!(C::Unchanged, n = number).into());
            }
            if reason.is_none() {
                return Err(said!(C::ChangeNeedsReason, n = number).into());
            }
        }
        let now = self.now();
        let id = insert_plan(&tx, &now, meeting, item.id, plan, reason)?;
        tx.commit()?;
        Ok(id)
    }

    /// Refuses `scope` for an item whose cost plan could not be shared among that scope's flats (a
    /// floor without a coefficient, a flat without a floor), saying what to add to the plan first.
    pub(crate) fn check_cost_scope(&self, item: &ItemRecord, scope: &Scope) -> Result<()> {
        let Some(record) = self.cost_plan(item.id)? else {
            return Ok(());
        };
        let moved = ItemRecord {
            scope: scope.clone(),
            ..item.clone()
        };
        match self.sharing_of(&moved, &record.plan) {
            Err(StoreError::Said(why)) => Err(said!(C::ScopeBreaksPlan, n = item.number)
                .with("why", &why)
                .into()),
            other => other.map(|_| ()),
        }
    }

    /// The open items whose current cost plan cannot be shared among their flats as the roster now
    /// stands (an import brought in a floor the plan has no coefficient for), each said with why.
    pub fn unshareable_plans(&self) -> Result<Vec<Said>> {
        let mut stmt = self.conn.prepare(
            "SELECT i.meeting_id, i.number FROM cost_plans c JOIN items i ON i.id = c.item_id
             WHERE c.current = 1 AND i.vote = 'open' ORDER BY i.meeting_id, i.number",
        )?;
        let items = stmt
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut out = Vec::new();
        for (meeting, number) in items {
            let item = self.item(meeting, number)?;
            if let Err(StoreError::Said(why)) = self.cost_sharing(&item) {
                out.push(
                    said!(C::ImportBreaksPlan, meeting = meeting, n = number).with("why", &why),
                );
            }
        }
        Ok(out)
    }

    /// Each flat's share of an item's current plan; `None` when the item has no plan.
    pub fn cost_sharing(&self, item: &ItemRecord) -> Result<Option<Sharing>> {
        match self.cost_plan(item.id)? {
            Some(record) => self.sharing_of(item, &record.plan).map(Some),
            None => Ok(None),
        }
    }

    /// Shares `plan` among the active flats of the item's scope, with their areas and floors as they
    /// stood when its vote closed.
    fn sharing_of(&self, item: &ItemRecord, plan: &CostPlan) -> Result<Sharing> {
        let mut flats = Vec::new();
        let mut floorless = Vec::new();
        let as_of = self.roster_epoch(item)?;
        let given = self.given_floors_as_of(as_of)?;
        for entry in self.roster_as_of(as_of)? {
            if !item.scope.contains(&entry.flat) {
                continue;
            }
            let floor = given.get(&entry.flat).copied();
            match floor.or_else(|| entry.flat.floor().filter(|f| *f > 0)) {
                Some(floor) => flats.push(CostFlat {
                    flat: entry.flat,
                    floor,
                    area: entry.area,
                }),
                None => floorless.push(entry.flat.to_string()),
            }
        }
        if !floorless.is_empty() {
            let why = said!(C::FloorUnknown, flats = floorless.join(", "));
            return Err(said!(C::PlanOfItem, n = item.number)
                .with("why", &why)
                .into());
        }
        plan.share(&flats).map_err(|e| of_item(item.number, &e))
    }
}

/// "the cost plan of item N: …" as a refusal.
fn of_item(number: i64, e: &CostError) -> StoreError {
    said!(C::PlanOfItem, n = number)
        .with("why", &cost_error(e))
        .into()
}
