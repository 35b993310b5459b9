//! Closing a vote: the figures and the result recorded once, and the item decided.

use jiff::Timestamp;
use rusqlite::params;

use crate::domain::Step;
use crate::i18n::terms::step;
use crate::i18n::{StoreText as S, said};

use super::{Ids, ItemTally, Result, Store, events};

impl Store {
    /// Closes the vote: records the figures and the result; the item becomes decided.
    /// An item without a vote (rule none) is simply recorded as decided.
    pub fn close_vote(&mut self, meeting: i64, number: i64) -> Result<ItemTally> {
        self.close_vote_at(meeting, number, None)
    }

    /// [`Store::close_vote`], at the time a paper record states (entered later), if given: no
    /// ballot may be later, and a show of hands counts those present then.
    pub fn close_vote_at(
        &mut self,
        meeting: i64,
        number: i64,
        stated: Option<Timestamp>,
    ) -> Result<ItemTally> {
        // The figures are counted inside the write transaction: no ballot can come in between
        // the count and the result recorded.
        let tx = self.begin_write()?;
        let item = self.item(meeting, number)?;
        if item.vote_closed {
            return Err(said!(S::AlreadyClosed, item = number).into());
        }
        if matches!(item.step, Step::Withdrawn | Step::Deferred | Step::Closed) {
            return Err(said!(S::NoVoteToClose, item = number)
                .word("step", step(item.step))
                .into());
        }
        let when = self.when(meeting, stated)?;
        self.check_stated_close(&item, &when)?;
        let tally = self.count(&item, true, when.stated.then_some(when.row.as_str()))?;
        let now = when.event.clone();
        super::meetings::advance_to_discussed(&tx, &now, &item)?;
        let result = item
            .rule
            .votes
            .then(|| serde_json::to_string(&tally).unwrap_or_default());
        tx.execute(
            "UPDATE items SET vote = 'closed', result = ?2, closed_at = ?3 WHERE id = ?1",
            params![item.id, result, when.row],
        )?;
        events::append(
            &tx,
            &now,
            "vote.close",
            Ids {
                meeting: Some(meeting),
                item: Some(item.id),
                owner: None,
            },
            when.mark(serde_json::json!({
                "rule": item.rule.name,
                "votes": item.rule.votes,
                "passed": tally.passed,
                "participating_owners": tally.participating.owners,
                "participating_area": tally.participating.area.to_string(),
                "yes_owners": tally.yes.owners,
                "yes_area": tally.yes.area.to_string(),
                "no_owners": tally.no.owners,
                "abstain_owners": tally.abstain.owners,
                "result": result,
            })),
        )?;
        let ids = Ids {
            meeting: Some(meeting),
            item: Some(item.id),
            owner: None,
        };
        // Only a discussed item becomes decided here: a discussion-only item may have moved on.
        if matches!(item.step, Step::Raised | Step::Discussed) {
            super::meetings::move_step(&tx, &now, ids, item.id, Step::Discussed, Step::Decided)?;
        }
        tx.commit()?;
        let item = self.item(meeting, number)?;
        Ok(ItemTally { item, tally })
    }
}
