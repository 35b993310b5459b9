//! Written ballots as they come back from door-to-door collection (扫楼): one row per flat, several
//! rows of one owner giving one ballot, checked in one pass and recorded in one transaction — linear in
//! the rows, whatever their number.

use std::collections::HashMap;

use rusqlite::params;

use crate::domain::rule::Electorate;
use crate::domain::{Choice, FlatRef};
use crate::export::labels::choice as word;
use crate::i18n::{BallotText, Said, StoreText as S, said};
use crate::lang::Lang;

use super::ballot_rows::{Voter, insert_ballot};
use super::ballots::{check_open, check_voter};
use super::{BallotInput, Method, Result, Store, StoreError};

/// One row of a ballots file.
#[derive(Clone, Debug)]
pub struct WrittenBallot {
    /// 1-based row in the file, for messages.
    pub row: usize,
    pub flat: FlatRef,
    pub choice: Choice,
}

/// What an import of written ballots did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WrittenOutcome {
    /// Ballots recorded (one per owner).
    pub recorded: usize,
    /// Owners whose current ballot already said the same (a file imported again; an owner who voted
    /// in person the same way): nothing recorded for them.
    pub unchanged: usize,
    /// Rows that were a further flat of an owner already counted, with the same choice.
    pub extra_rows: usize,
    /// Ballots cast in person (or by proxy) replaced by a written one: flat, old and new choice.
    pub replaced: Vec<(FlatRef, Choice, Choice)>,
}

/// Why the import was refused: problems by row, or in-person ballots it would replace without
/// `--replace`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WrittenRefusal {
    Rows(Vec<(usize, Said)>),
    WouldReplace(Vec<(FlatRef, Choice, Choice)>),
}

/// An owner's current ballot: its id, its choice (none: withdrawn) and how it was given.
type Current = (i64, Option<Choice>, Method);

/// An owner's ballot as the file gives it: the row (its index) and whose ballot it is.
struct OwnerBallot {
    index: usize,
    voter: Voter,
}

impl Store {
    /// Records written ballots all or nothing. A ballot cast in person that a written one would change
    /// is replaced only with `replace` (the reason, which goes on record); otherwise the whole file is
    /// refused, listing those flats.
    pub fn import_written_ballots(
        &mut self,
        meeting: i64,
        number: i64,
        ballots: &[WrittenBallot],
        replace: Option<&str>,
    ) -> Result<std::result::Result<WrittenOutcome, WrittenRefusal>> {
        self.import_written_ballots_at(meeting, number, ballots, replace, None)
    }

    /// [`Store::import_written_ballots`], papers entered afterwards at the time they were handed in
    /// (`stated`), as [`Store::cast_ballot_at`] enters one: every ballot recorded takes that time,
    /// and a row whose owner has a later ballot, or (for a show of hands) was not present then, is
    /// a problem of that row.
    pub fn import_written_ballots_at(
        &mut self,
        meeting: i64,
        number: i64,
        ballots: &[WrittenBallot],
        replace: Option<&str>,
        stated: Option<jiff::Timestamp>,
    ) -> Result<std::result::Result<WrittenOutcome, WrittenRefusal>> {
        // Everything below is checked inside the write transaction: a vote closed by another
        // writer a moment ago is seen here, and none can close it before this commits.
        let tx = self.begin_write()?;
        let item = self.item(meeting, number)?;
        check_open(&item)?;
        let when = self.when(meeting, stated)?;
        // At a stated time, presence is judged at that time (below), not now.
        let here = match item.rule.electorate {
            Electorate::Present if !when.stated => Some(self.attendance(item.meeting_id)?),
            _ => None,
        };
        let mut outcome = WrittenOutcome::default();
        let mut problems = Vec::new();
        // Each owner's first row, in the file's order; the index of an owner's entry in it.
        let mut chosen: Vec<OwnerBallot> = Vec::new();
        let mut owners: HashMap<i64, usize> = HashMap::with_capacity(ballots.len());
        // The roster read once (one query, not one per row), keyed by the flats it holds.
        let listed = self.listed_flats()?;
        let roster: HashMap<&FlatRef, Voter> = listed.iter().map(|(f, v)| (f, *v)).collect();
        for (i, b) in ballots.iter().enumerate() {
            let voter = match roster.get(&b.flat) {
                Some(v) => *v,
                None => {
                    let e = said!(S::FlatNotInRoster, flat = b.flat);
                    problems.push((b.row, e));
                    continue;
                }
            };
            if let Err(e) = check_voter(&item, &b.flat, voter.owner_id, here.as_ref()) {
                problems.push((b.row, said_of(e)));
                continue;
            }
            match owners.get(&voter.owner_id).map(|&o| chosen[o].index) {
                Some(first) if ballots[first].choice == b.choice => outcome.extra_rows += 1,
                Some(first) => {
                    let f = &ballots[first];
                    let said = Said::new(
                        BallotText::OwnerTwoChoices,
                        &[("flat", &b.flat), ("other", &f.flat), ("row", &f.row)],
                    )
                    .both("first", word(f.choice, Lang::Zh), word(f.choice, Lang::En))
                    .both(
                        "this",
                        word(b.choice, Lang::Zh),
                        word(b.choice, Lang::En),
                    );
                    problems.push((b.row, said));
                }
                None => {
                    owners.insert(voter.owner_id, chosen.len());
                    chosen.push(OwnerBallot { index: i, voter });
                }
            }
        }
        if !problems.is_empty() {
            return Ok(Err(WrittenRefusal::Rows(problems)));
        }
        let current = self.current_ballots(&item)?;
        let mut to_record = Vec::with_capacity(chosen.len());
        for o in &chosen {
            let b = &ballots[o.index];
            match current.get(&o.voter.owner_id) {
                Some((_, Some(choice), _)) if *choice == b.choice => outcome.unchanged += 1,
                Some((_, Some(choice), method)) if *method != Method::Written => {
                    outcome.replaced.push((b.flat.clone(), *choice, b.choice));
                    to_record.push(o);
                }
                _ => to_record.push(o),
            }
        }
        if when.stated {
            for o in &to_record {
                let b = &ballots[o.index];
                if let Err(e) = self.check_stated_ballot(&item, o.voter.owner_id, &b.flat, &when) {
                    problems.push((b.row, said_of(e)));
                }
            }
            if !problems.is_empty() {
                return Ok(Err(WrittenRefusal::Rows(problems)));
            }
        }
        let reason = replace.map(str::trim).filter(|r| !r.is_empty());
        if !outcome.replaced.is_empty() && reason.is_none() {
            return Ok(Err(WrittenRefusal::WouldReplace(outcome.replaced)));
        }
        // The chain's head kept in memory: one read for the file, not one per ballot.
        let mut events = super::events::Appender::new(&tx)?;
        for o in &to_record {
            let b = &ballots[o.index];
            let previous = current.get(&o.voter.owner_id);
            let replaces_in_person =
                previous.is_some_and(|(_, c, m)| c.is_some() && *m != Method::Written);
            let input = BallotInput {
                flat: &b.flat,
                choice: b.choice,
                method: Method::Written,
                proxy: None,
                reason: if replaces_in_person { reason } else { None },
            };
            insert_ballot(
                &tx,
                &mut events,
                &when,
                &item,
                o.voter,
                &input,
                previous.map(|p| p.0),
            )?;
        }
        tx.commit()?;
        outcome.recorded = to_record.len();
        Ok(Ok(outcome))
    }

    /// The flats of the roster now, each with its id and owner: all a file's rows are checked
    /// against (names, keys and phones are not read: 200,000 flats cost a moment, not seconds).
    fn listed_flats(&self) -> Result<Vec<(FlatRef, Voter)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, building, unit, room, owner_id FROM flats WHERE active = 1",
        )?;
        let rows = stmt.query_map([], |r| {
            let flat = FlatRef::new(
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            );
            let voter = Voter {
                flat_id: r.get(0)?,
                owner_id: r.get(4)?,
            };
            Ok((flat, voter))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Each owner's current ballot on an item: its id, its choice (none: withdrawn) and how it was
    /// given.
    fn current_ballots(&self, item: &super::ItemRecord) -> Result<HashMap<i64, Current>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT owner_id, id, choice, method FROM ballots WHERE item_id = ?1 AND current = 1",
        )?;
        let mut rows = stmt.query(params![item.id])?;
        let mut out = HashMap::new();
        while let Some(r) = rows.next()? {
            let choice: Option<String> = r.get(2)?;
            let method: String = r.get(3)?;
            let choice = match choice.as_deref().map(Choice::parse) {
                None => None,
                Some(Some(c)) => Some(c),
                Some(None) => {
                    return Err(said!(S::UnknownBallot, item = item.number).into());
                }
            };
            let Some(method) = Method::parse(&method) else {
                return Err(said!(S::UnknownBallot, item = item.number).into());
            };
            out.insert(r.get(0)?, (r.get(1)?, choice, method));
        }
        Ok(out)
    }
}

/// A refusal as a message value (most already are).
fn said_of(e: StoreError) -> Said {
    crate::i18n::errors::said_of(&e)
}
