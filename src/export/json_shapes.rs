//! JSON shapes other tools rely on. `TallyJson` is the `tally --json` contract of DESIGN §2:
//! areas as strings with exactly two decimals, never floats. Field order is the documented order.

use serde::Serialize;

use crate::domain::tally::{Condition, Measure};
use crate::domain::{Area, Counts, Outlook, Tally};

#[derive(Serialize)]
pub struct CountsJson {
    pub owners: i64,
    pub area_m2: String,
}

impl From<Counts> for CountsJson {
    fn from(c: Counts) -> Self {
        CountsJson {
            owners: c.owners,
            area_m2: c.area.to_string(),
        }
    }
}

#[derive(Serialize)]
pub struct ConditionJson {
    pub measure: Measure,
    pub threshold: String,
    /// Owners, or m² with two decimals for area measures.
    pub part: String,
    pub whole: String,
    pub met: bool,
}

impl From<&Condition> for ConditionJson {
    fn from(c: &Condition) -> Self {
        let show = |v: i64| match c.measure {
            Measure::ParticipationArea | Measure::ApprovalArea => Area(v).to_string(),
            _ => v.to_string(),
        };
        ConditionJson {
            measure: c.measure,
            threshold: c.threshold.to_string(),
            part: show(c.part),
            whole: show(c.whole),
            met: c.met,
        }
    }
}

#[derive(Serialize)]
pub struct ConsentJson {
    pub flat: String,
    pub choice: Option<&'static str>,
    pub met: bool,
}

#[derive(Serialize)]
pub struct TallyJson {
    pub meeting: i64,
    pub item: i64,
    pub rule: String,
    /// "open" while ballots may change, "closed" once the result is recorded.
    pub status: &'static str,
    pub total: CountsJson,
    pub participating: CountsJson,
    pub yes: CountsJson,
    pub no: CountsJson,
    pub abstain: CountsJson,
    pub participation_met: bool,
    pub approval_met: bool,
    pub consents_met: bool,
    pub passed: bool,
    // Beyond the documented shape: detail for tools that want it.
    pub outlook: Outlook,
    pub remaining: CountsJson,
    pub participation_shortfall: CountsJson,
    pub conditions: Vec<ConditionJson>,
    pub consents: Vec<ConsentJson>,
}

impl TallyJson {
    pub fn new(meeting: i64, item: i64, rule: &str, closed: bool, t: &Tally) -> TallyJson {
        TallyJson {
            meeting,
            item,
            rule: rule.to_string(),
            status: if closed { "closed" } else { "open" },
            total: t.total.into(),
            participating: t.participating.into(),
            yes: t.yes.into(),
            no: t.no.into(),
            abstain: t.abstain.into(),
            participation_met: t.participation_met,
            approval_met: t.approval_met,
            consents_met: t.consents_met,
            passed: t.passed,
            outlook: t.outlook,
            remaining: t.remaining.into(),
            participation_shortfall: t.participation_shortfall.into(),
            conditions: t.conditions.iter().map(ConditionJson::from).collect(),
            consents: t
                .consents
                .iter()
                .map(|c| ConsentJson {
                    flat: c.flat.to_string(),
                    choice: c.choice.map(|c| c.as_str()),
                    met: c.met(),
                })
                .collect(),
        }
    }
}
