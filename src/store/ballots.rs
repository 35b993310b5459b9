//! Ballots (with their history), the roll call, the live tally, and closing a vote.

use std::collections::HashMap;

use jiff::Timestamp;
use rusqlite::{OptionalExtension, params};

use crate::domain::rule::Electorate;
use crate::domain::tally::{Ballots, Member, RequiredConsent, members_of, tally_sorted};
use crate::domain::{Choice, FlatRef, Scope, Step, Tally};

use crate::i18n::terms::{self, step};
use crate::i18n::{StoreText as S, said};
use crate::lang::Lang;

use super::ballot_rows::record_ballot;
use super::stated::When;
use super::{
    BallotRecord, Ids, ItemRecord, Method, Result, Store, StoreError, as_of, events, live,
};

/// A ballot to record.
#[derive(Clone, Debug)]
pub struct BallotInput<'a> {
    pub flat: &'a FlatRef,
    pub choice: Choice,
    pub method: Method,
    pub proxy: Option<&'a str>,
    /// Why an earlier ballot is being corrected.
    pub reason: Option<&'a str>,
}

impl<'a> BallotInput<'a> {
    /// A ballot given in person at the roll call.
    pub fn in_person(flat: &'a FlatRef, choice: Choice) -> BallotInput<'a> {
        BallotInput {
            flat,
            choice,
            method: Method::InPerson,
            proxy: None,
            reason: None,
        }
    }
}

/// An item with its tally: live while the vote is open, as recorded once closed.
#[derive(Clone, Debug)]
pub struct ItemTally {
    pub item: ItemRecord,
    pub tally: Tally,
}

pub(super) const BALLOT_COLUMNS: &str =
    "b.id, b.item_id, b.owner_id, f.building, f.unit, f.room, b.choice, b.method,
     b.proxy_name, b.reason, b.at, b.current";

pub(super) fn ballot_from_row(r: &rusqlite::Row) -> rusqlite::Result<BallotRecord> {
    let choice: Option<String> = r.get(6)?;
    let method: String = r.get(7)?;
    Ok(BallotRecord {
        id: r.get(0)?,
        item_id: r.get(1)?,
        owner_id: r.get(2)?,
        flat: FlatRef::new(
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
        ),
        choice: choice.as_deref().and_then(Choice::parse),
        method: Method::parse(&method).unwrap_or(Method::InPerson),
        proxy_name: r.get(8)?,
        reason: r.get(9)?,
        at: r.get(10)?,
        current: r.get(11)?,
    })
}

impl Store {
    /// The roster an item is counted and called with: as it stood when its vote closed, or now.
    pub fn roster_epoch(&self, item: &ItemRecord) -> Result<Option<i64>> {
        if !item.vote_closed {
            return Ok(None);
        }
        as_of::close_event(&self.conn, item.meeting_id, item.id)
    }

    /// The electorate of an item: owners in scope (only those signed in, for a show of hands).
    pub fn electorate(&self, item: &ItemRecord) -> Result<Vec<Member>> {
        self.electorate_read(item, true)
    }

    /// The electorate; `live` reads an open vote's from `flats_live` (a closing reads the
    /// table: the count it records must not depend on an index).
    fn electorate_read(&self, item: &ItemRecord, live: bool) -> Result<Vec<Member>> {
        let as_of = self.roster_epoch(item)?;
        let members = if live && as_of.is_none() {
            members_of(live::shares(&self.conn, &item.scope)?)
        } else {
            members_in_scope(&self.conn, &item.scope, as_of)?
        };
        if item.rule.electorate == Electorate::Present {
            let here = self.attendance(item.meeting_id)?;
            return Ok(members
                .into_iter()
                .filter(|m| here.get(&m.owner).is_some_and(|a| a.presence.is_here()))
                .collect());
        }
        Ok(members)
    }

    /// Each owner's current choice on an item.
    pub fn current_choices(&self, item_id: i64) -> Result<HashMap<i64, Choice>> {
        Ok(current_list(&self.conn, item_id, false)?
            .into_iter()
            .collect())
    }

    /// The consents an item requires, each with the flat's owner (as it stood when the vote closed);
    /// a flat since retired still names its last owner.
    pub fn required_consents(&self, item: &ItemRecord) -> Result<Vec<RequiredConsent>> {
        let as_of = self.roster_epoch(item)?;
        consents_of(&self.conn, &item.consents, as_of)
    }

    /// Counts an open item from the ballots now; a closed item gives the figures recorded at closing.
    pub fn tally_item(&self, item: &ItemRecord) -> Result<Tally> {
        if let (true, Some(result)) = (item.vote_closed, &item.result) {
            return Ok(result.clone());
        }
        self.count(item, false, None)
    }

    /// Counts an item from its ballots; `thorough` reads them without any index (the count a
    /// closing records must not depend on an index whose definition could be changed under it).
    /// `at`: a stated time of closing, at which those present are the electorate of a show of hands.
    pub(super) fn count(
        &self,
        item: &ItemRecord,
        thorough: bool,
        at: Option<&str>,
    ) -> Result<Tally> {
        let members = match at {
            Some(at) if item.rule.electorate == Electorate::Present => {
                let here = self.present_at(item.meeting_id, at)?;
                members_in_scope(&self.conn, &item.scope, self.roster_epoch(item)?)?
                    .into_iter()
                    .filter(|m| here.get(&m.owner).copied().unwrap_or(false))
                    .collect()
            }
            _ => self.electorate_read(item, !thorough)?,
        };
        // Both in owner order: each member's choice is found by walking the two lists together.
        let ballots = Ballots::new(current_list(&self.conn, item.id, thorough)?);
        let consents = self.required_consents(item)?;
        Ok(tally_sorted(&item.rule, &members, &ballots, &consents))
    }

    pub fn tally(&self, meeting: i64, number: i64) -> Result<ItemTally> {
        let item = self.item(meeting, number)?;
        let tally = self.tally_item(&item)?;
        Ok(ItemTally { item, tally })
    }

    /// Records a ballot for the owner of a flat, replacing (and keeping as history) their earlier one.
    pub fn cast_ballot(
        &mut self,
        meeting: i64,
        number: i64,
        input: &BallotInput,
    ) -> Result<BallotRecord> {
        self.cast_ballot_at(meeting, number, input, None)
    }

    /// [`Store::cast_ballot`], at the time a paper record states (entered later), if given.
    pub fn cast_ballot_at(
        &mut self,
        meeting: i64,
        number: i64,
        input: &BallotInput,
        stated: Option<Timestamp>,
    ) -> Result<BallotRecord> {
        let tx = self.begin_write()?;
        let item = self.item(meeting, number)?;
        let when = self.when(meeting, stated)?;
        let entry = self.check_ballot(&item, input, &when)?;
        let mut events = events::Appender::new(&tx)?;
        let id = record_ballot(&tx, &mut events, &when, &item, &entry, input)?;
        tx.commit()?;
        self.ballot(id)
    }

    /// Records many ballots (written ballots collected door to door) all or nothing: every ballot is
    /// checked first; on any problem nothing is written and every problem is returned with its index.
    pub fn cast_ballots(
        &mut self,
        meeting: i64,
        number: i64,
        inputs: &[BallotInput],
    ) -> Result<Result<usize, Vec<(usize, StoreError)>>> {
        let tx = self.begin_write()?;
        let item = self.item(meeting, number)?;
        let mut entries = Vec::with_capacity(inputs.len());
        let mut problems = Vec::new();
        let mut seen: HashMap<i64, usize> = HashMap::new();
        let when = When::now(self.now());
        for (i, input) in inputs.iter().enumerate() {
            match self.check_ballot(&item, input, &when) {
                Ok(entry) => {
                    if let Some(&first) = seen.get(&entry.owner_id) {
                        problems.push((
                            i,
                            StoreError::Said(said!(
                                S::OwnerVotesOnce,
                                flat = input.flat,
                                first = inputs[first].flat
                            )),
                        ));
                    } else {
                        seen.insert(entry.owner_id, i);
                    }
                    entries.push(entry);
                }
                Err(e) => problems.push((i, e)),
            }
        }
        if !problems.is_empty() {
            return Ok(Err(problems));
        }
        let mut events = events::Appender::new(&tx)?;
        for (entry, input) in entries.iter().zip(inputs) {
            record_ballot(&tx, &mut events, &when, &item, entry, input)?;
        }
        tx.commit()?;
        Ok(Ok(inputs.len()))
    }

    fn check_ballot(
        &self,
        item: &ItemRecord,
        input: &BallotInput,
        when: &When,
    ) -> Result<super::RosterEntry> {
        let entry = self.check_can_vote(item, input.flat, when)?;
        if input.method == Method::Proxy && input.proxy.is_none_or(|p| p.trim().is_empty()) {
            return Err(said!(S::ProxyBallotNeedsName).into());
        }
        Ok(entry)
    }

    /// Withdraws an owner's current ballot (undo at the roll call); the withdrawn ballot stays as history.
    pub fn withdraw_ballot(
        &mut self,
        meeting: i64,
        number: i64,
        flat: &FlatRef,
        reason: Option<&str>,
    ) -> Result<()> {
        self.withdraw_ballot_at(meeting, number, flat, reason, None)
    }

    /// [`Store::withdraw_ballot`], at the time a paper record states (entered later), if given.
    pub fn withdraw_ballot_at(
        &mut self,
        meeting: i64,
        number: i64,
        flat: &FlatRef,
        reason: Option<&str>,
        stated: Option<Timestamp>,
    ) -> Result<()> {
        let tx = self.begin_write()?;
        let item = self.item(meeting, number)?;
        let when = self.when(meeting, stated)?;
        let entry = self.check_can_vote(&item, flat, &when)?;
        let previous: Option<(i64, String)> = tx
            .query_row(
                "SELECT id, method FROM ballots WHERE item_id = ?1 AND owner_id = ?2 AND current = 1 AND choice IS NOT NULL",
                params![item.id, entry.owner_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((previous, method)) = previous else {
            return Err(said!(S::NothingToWithdraw, flat = flat, item = number).into());
        };
        tx.execute("UPDATE ballots SET current = 0 WHERE id = ?1", [previous])?;
        tx.execute(
            "INSERT INTO ballots (item_id, owner_id, flat_id, choice, method, reason, at, current)
             VALUES (?1, ?2, ?3, NULL, ?4, ?5, ?6, 1)",
            params![
                item.id,
                entry.owner_id,
                entry.flat_id,
                method,
                reason,
                when.row
            ],
        )?;
        let withdrawal = tx.last_insert_rowid();
        events::append(
            &tx,
            &when.event,
            "ballot.withdraw",
            Ids {
                meeting: Some(meeting),
                item: Some(item.id),
                owner: Some(entry.owner_id),
            },
            when.mark(serde_json::json!({
                "flat": flat.to_string(),
                "replaces": previous,
                "reason": reason,
                "ballot": withdrawal,
            })),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Checks that the owner of `flat` may vote on `item` now (or at the stated time: present
    /// then, when those present decide, and not before a ballot of theirs recorded already).
    fn check_can_vote(
        &self,
        item: &ItemRecord,
        flat: &FlatRef,
        when: &When,
    ) -> Result<super::RosterEntry> {
        check_open(item)?;
        let entry = self.find_flat(flat)?;
        let here = match item.rule.electorate {
            Electorate::Present if !when.stated => Some(self.attendance(item.meeting_id)?),
            _ => None,
        };
        check_voter(item, &entry.flat, entry.owner_id, here.as_ref())?;
        self.check_stated_ballot(item, entry.owner_id, flat, when)?;
        Ok(entry)
    }

    pub fn ballot(&self, id: i64) -> Result<BallotRecord> {
        Ok(self.conn.query_row(
            &format!("SELECT {BALLOT_COLUMNS} FROM ballots b JOIN flats f ON f.id = b.flat_id WHERE b.id = ?1"),
            [id],
            ballot_from_row,
        )?)
    }

    /// Every ballot of an item, earlier ones and withdrawals included, in the order given.
    pub fn ballot_history(&self, item_id: i64) -> Result<Vec<BallotRecord>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {BALLOT_COLUMNS} FROM ballots b JOIN flats f ON f.id = b.flat_id WHERE b.item_id = ?1 ORDER BY b.id"
        ))?;
        let rows = stmt.query_map([item_id], ballot_from_row)?;
        let mut out: Vec<BallotRecord> = rows.collect::<rusqlite::Result<_>>()?;
        // Grown by doubling: up to twice the room needed (10 MB at 70,000 ballots).
        out.shrink_to_fit();
        Ok(out)
    }
}

/// Refuses ballots on an item without an open vote.
pub(super) fn check_open(item: &ItemRecord) -> Result<()> {
    let n = item.number;
    if !item.rule.votes {
        return Err(said!(S::NoVoteOnItem, item = n).into());
    }
    if item.vote_closed {
        return Err(said!(S::VoteIsClosed, item = n).into());
    }
    if matches!(item.step, Step::Withdrawn | Step::Deferred | Step::Closed) {
        return Err(said!(S::NotBeingVoted, item = n)
            .word("step", step(item.step))
            .into());
    }
    Ok(())
}

/// Refuses a voter outside the item's scope, or not here when those present decide (`here` is the
/// meeting's attendance, given for such items).
pub(super) fn check_voter(
    item: &ItemRecord,
    flat: &FlatRef,
    owner_id: i64,
    here: Option<&HashMap<i64, super::AttendanceRecord>>,
) -> Result<()> {
    let n = item.number;
    if !item.scope.contains(flat) {
        return Err(said!(S::OutsideScope, item = n, flat = flat)
            .both(
                "scope",
                terms::scope(&item.scope, Lang::Zh),
                terms::scope(&item.scope, Lang::En),
            )
            .into());
    }
    if let Some(here) = here
        && !here.get(&owner_id).is_some_and(|a| a.presence.is_here())
    {
        return Err(said!(S::SignInFirst, item = n, flat = flat).into());
    }
    Ok(())
}

/// The owners of a scope with their area in it, as the roster stood after `as_of` (or now).
pub(crate) fn members_in_scope(
    conn: &rusqlite::Connection,
    scope: &Scope,
    as_of: Option<i64>,
) -> Result<Vec<Member>> {
    Ok(members_of(as_of::shares(conn, as_of, scope)?))
}

/// The required consents of an item with each flat's owner as it stood after `as_of` (or now).
pub(crate) fn consents_of(
    conn: &rusqlite::Connection,
    flats: &[FlatRef],
    as_of: Option<i64>,
) -> Result<Vec<RequiredConsent>> {
    flats
        .iter()
        .map(|flat| {
            let owner = as_of::owner_of(conn, flat, as_of)?.ok_or_else(|| {
                StoreError::from(said!(
                    crate::i18n::RecordText::ConsentNeverListed,
                    flat = flat
                ))
            })?;
            Ok(RequiredConsent {
                flat: flat.clone(),
                owner,
            })
        })
        .collect()
}

/// Each owner's current choice on an item; `thorough` reads the table itself, through no index,
/// in the order stored. The live count reads `ballots_live` where the file has it, in owner
/// order: its entries hold the choice, so no ballot row is visited.
fn current_list(
    conn: &rusqlite::Connection,
    item_id: i64,
    thorough: bool,
) -> Result<Vec<(i64, Choice)>> {
    let sql = if thorough {
        "SELECT owner_id, choice FROM ballots NOT INDEXED
         WHERE item_id = ?1 AND current = 1 AND choice IS NOT NULL"
    } else if live::indexes(conn)? {
        live::BALLOTS
    } else {
        "SELECT owner_id, choice FROM ballots INDEXED BY ballots_current
         WHERE item_id = ?1 AND current = 1 AND choice IS NOT NULL"
    };
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query([item_id])?;
    let mut read = Vec::new();
    // Read the choice in place: no string allocated per ballot.
    while let Some(r) = rows.next()? {
        if let Some(c) = Choice::from_stored(r.get_ref(1)?.as_bytes().unwrap_or(b"")) {
            read.push((r.get::<_, i64>(0)?, c));
        }
    }
    Ok(read)
}
