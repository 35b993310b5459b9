//! An item's three-step life: raised → discussed → decided → acting → closed, plus deferred and withdrawn.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Step {
    /// 群众说事: a resident raised it.
    Raised,
    /// 支部议事: discussed at a meeting; a proposal may come out of it.
    Discussed,
    /// Decided: by vote, or by the meeting for items without a vote.
    Decided,
    /// 社区办事: actions are under way.
    Acting,
    /// Struck off (销号) once residents confirmed the actions are done, or nothing was to be done.
    Closed,
    /// Postponed to a later meeting.
    Deferred,
    /// Taken back by whoever raised it.
    Withdrawn,
}

/// Whether an item has a vote, and whether it is closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vote {
    /// Discussion only (rule none).
    None,
    Open,
    Closed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("an item that is {from} cannot become {to}")]
pub struct StepError {
    pub from: Step,
    pub to: Step,
}

impl Step {
    pub const ALL: [Step; 7] = [
        Step::Raised,
        Step::Discussed,
        Step::Decided,
        Step::Acting,
        Step::Closed,
        Step::Deferred,
        Step::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Step::Raised => "raised",
            Step::Discussed => "discussed",
            Step::Decided => "decided",
            Step::Acting => "acting",
            Step::Closed => "closed",
            Step::Deferred => "deferred",
            Step::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(text: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// The legal transitions. Nothing is silently dropped: closed and withdrawn are the only ends.
    pub fn can_become(self, to: Step) -> bool {
        use Step::*;
        matches!(
            (self, to),
            (Raised, Discussed | Deferred | Withdrawn)
                | (Discussed, Decided | Deferred | Withdrawn)
                | (Decided, Acting | Closed)
                | (Acting, Closed)
                | (Deferred, Raised | Discussed | Withdrawn)
        )
    }

    /// The legal transitions for an item with the vote it has: an item with a vote becomes decided
    /// only by closing the vote (so never by hand while it is open); a discussion-only item may
    /// also go from discussed straight to acting or closed.
    pub fn can_move(self, to: Step, vote: Vote) -> bool {
        match vote {
            Vote::Open => to != Step::Decided && self.can_become(to),
            Vote::Closed => self.can_become(to),
            Vote::None => {
                self.can_become(to)
                    || matches!((self, to), (Step::Discussed, Step::Acting | Step::Closed))
            }
        }
    }

    pub fn become_(self, to: Step) -> Result<Step, StepError> {
        if self.can_become(to) {
            Ok(to)
        } else {
            Err(StepError { from: self, to })
        }
    }

    /// Still needs attention at a later meeting.
    pub fn is_open(self) -> bool {
        !matches!(self, Step::Closed | Step::Withdrawn)
    }
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_steps_in_order() {
        let mut s = Step::Raised;
        for next in [Step::Discussed, Step::Decided, Step::Acting, Step::Closed] {
            s = s.become_(next).unwrap();
        }
        assert_eq!(s, Step::Closed);
    }

    #[test]
    fn illegal_transitions_are_refused() {
        assert!(
            Step::Raised.become_(Step::Decided).is_err(),
            "no decision without discussion"
        );
        assert!(
            Step::Raised.become_(Step::Closed).is_err(),
            "never silently dropped"
        );
        assert!(Step::Closed.become_(Step::Raised).is_err());
        assert!(Step::Withdrawn.become_(Step::Discussed).is_err());
        assert!(Step::Decided.become_(Step::Discussed).is_err());
        assert!(Step::Deferred.become_(Step::Raised).is_ok());
        let legal = Step::ALL
            .iter()
            .flat_map(|a| Step::ALL.iter().map(move |b| (*a, *b)));
        assert_eq!(legal.filter(|(a, b)| a.can_become(*b)).count(), 12);
        for s in Step::ALL {
            assert_eq!(Step::parse(s.as_str()), Some(s));
            assert!(!s.can_become(s), "{s} to itself is not a change");
        }
    }
}
