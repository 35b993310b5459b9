//! The double tally: headcount and floor area, participation and approval, consents, and the outlook.

use std::collections::HashMap;
use std::hash::BuildHasher;

use super::area::Area;
use super::flat::FlatRef;
use super::rule::{Double, Electorate, Rule, Threshold};

/// The store's id of an owner; the counting unit of every vote.
pub type OwnerId = i64;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Choice {
    Yes,
    No,
    Abstain,
}

impl Choice {
    pub const ALL: [Choice; 3] = [Choice::Yes, Choice::No, Choice::Abstain];

    pub fn as_str(self) -> &'static str {
        match self {
            Choice::Yes => "yes",
            Choice::No => "no",
            Choice::Abstain => "abstain",
        }
    }

    /// The stored form (`yes`, `no`, `abstain`) as the database's bytes: no text check per ballot.
    pub fn from_stored(bytes: &[u8]) -> Option<Choice> {
        match bytes {
            b"yes" => Some(Choice::Yes),
            b"no" => Some(Choice::No),
            b"abstain" => Some(Choice::Abstain),
            _ => None,
        }
    }

    /// Accepts yes/no/abstain, y/n/a, 同意/反对/弃权, 赞成.
    pub fn parse(text: &str) -> Option<Choice> {
        // The stored forms first: this runs once per ballot in every tally.
        match text {
            "yes" => return Some(Choice::Yes),
            "no" => return Some(Choice::No),
            "abstain" => return Some(Choice::Abstain),
            _ => {}
        }
        match text.trim().to_lowercase().as_str() {
            "yes" | "y" | "同意" | "赞成" => Some(Choice::Yes),
            "no" | "n" | "反对" | "不同意" => Some(Choice::No),
            "abstain" | "a" | "弃权" => Some(Choice::Abstain),
            _ => None,
        }
    }
}

/// An owner of the electorate, with the sum of the areas of their flats inside the scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Member {
    pub owner: OwnerId,
    pub area: Area,
}

/// Groups flats in scope by owner: each owner counts once, with the areas of all their flats added;
/// in owner order. (Sorting is several times cheaper than hashing 20,000 flats.)
pub fn members_of(flats: impl IntoIterator<Item = (OwnerId, Area)>) -> Vec<Member> {
    let mut flats: Vec<(OwnerId, Area)> = flats.into_iter().collect();
    flats.sort_unstable_by_key(|&(owner, _)| owner);
    let mut members: Vec<Member> = Vec::with_capacity(flats.len());
    for (owner, area) in flats {
        match members.last_mut() {
            Some(m) if m.owner == owner => m.area += area,
            _ => members.push(Member { owner, area }),
        }
    }
    members
}

/// A flat whose owner must vote yes (the shaft or landing takes part of their exclusive part).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequiredConsent {
    pub flat: FlatRef,
    pub owner: OwnerId,
}

/// Headcount and area together.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Counts {
    pub owners: i64,
    pub area: Area,
}

impl Counts {
    fn add(&mut self, area: Area) {
        self.owners += 1;
        self.area += area;
    }

    fn plus(self, other: Counts) -> Counts {
        Counts {
            owners: self.owners + other.owners,
            area: self.area + other.area,
        }
    }
}

/// Which condition of a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    ParticipationArea,
    ParticipationHeads,
    ApprovalArea,
    ApprovalHeads,
}

/// One threshold checked: the part, the whole it is measured against, and whether it is met.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Condition {
    pub measure: Measure,
    pub threshold: Threshold,
    /// Owners, or hundredths of m² for area measures.
    pub part: i64,
    pub whole: i64,
    pub met: bool,
}

/// Where a required consent stands.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ConsentState {
    pub flat: FlatRef,
    pub owner: OwnerId,
    pub choice: Option<Choice>,
}

impl ConsentState {
    pub fn met(&self) -> bool {
        self.choice == Some(Choice::Yes)
    }
}

/// How the vote stands, given that the ballots already cast stay as they are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outlook {
    /// The item has no vote (rule `none`).
    NoVote,
    /// Passes whatever the owners who have not voted yet do.
    CertainToPass,
    /// Passes on the ballots so far; the remaining owners could still change that.
    PassingSoFar,
    /// Participation is not reached yet but still can be.
    AwaitingParticipation,
    /// Participation is reached, approval or a consent not yet.
    FailingSoFar,
    /// Even if every remaining owner voted yes, participation could not be reached.
    ParticipationUnreachable,
    /// Even if every remaining owner voted yes, approval could not be reached.
    ApprovalUnreachable,
    /// An owner whose consent is required has voted no or abstained, or cannot vote.
    ConsentRefused,
}

impl Outlook {
    /// Whether the remaining owners can no longer change the result.
    pub fn is_settled(self) -> bool {
        matches!(
            self,
            Outlook::CertainToPass
                | Outlook::ParticipationUnreachable
                | Outlook::ApprovalUnreachable
                | Outlook::ConsentRefused
        )
    }
}

/// The full double tally of one item (stored as JSON when a vote closes).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Tally {
    pub total: Counts,
    pub participating: Counts,
    pub yes: Counts,
    pub no: Counts,
    pub abstain: Counts,
    /// Members who have not voted yet.
    pub remaining: Counts,
    pub conditions: Vec<Condition>,
    pub consents: Vec<ConsentState>,
    pub participation_met: bool,
    pub approval_met: bool,
    pub consents_met: bool,
    pub passed: bool,
    pub outlook: Outlook,
    /// How many more owners and how much more area must take part; zero when reached.
    pub participation_shortfall: Counts,
    /// Ballots from owners outside the electorate (e.g. not present for a show of hands): not counted.
    pub ignored_ballots: usize,
}

/// What counting the ballots gives, before any rule is applied.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    pub total: Counts,
    pub yes: Counts,
    pub no: Counts,
    pub abstain: Counts,
}

impl Figures {
    /// Counts each member once, with their area, under their current choice.
    pub fn count<S: BuildHasher>(
        members: &[Member],
        ballots: &HashMap<OwnerId, Choice, S>,
    ) -> Figures {
        let mut f = Figures::default();
        for m in members {
            f.total.add(m.area);
            f.shift(m.area, None, ballots.get(&m.owner).copied());
        }
        f
    }

    /// Moves one owner of `area` from one choice (or none) to another: how the roll call keeps
    /// its count up to date without counting everyone again.
    pub fn shift(&mut self, area: Area, from: Option<Choice>, to: Option<Choice>) {
        if let Some(c) = from {
            let counts = self.counts_mut(c);
            counts.owners -= 1;
            counts.area = counts.area - area;
        }
        if let Some(c) = to {
            self.counts_mut(c).add(area);
        }
    }

    fn counts_mut(&mut self, c: Choice) -> &mut Counts {
        match c {
            Choice::Yes => &mut self.yes,
            Choice::No => &mut self.no,
            Choice::Abstain => &mut self.abstain,
        }
    }

    pub fn participating(&self) -> Counts {
        self.yes.plus(self.no).plus(self.abstain)
    }
}

/// Counts a vote. `members` is the electorate (each owner once, with their area in scope); `ballots`
/// holds each owner's current choice. Exact integer arithmetic throughout.
pub fn tally<S: BuildHasher>(
    rule: &Rule,
    members: &[Member],
    ballots: &HashMap<OwnerId, Choice, S>,
    consents: &[RequiredConsent],
) -> Tally {
    let figures = Figures::count(members, ballots);
    let in_electorate = |owner: OwnerId| members.iter().any(|m| m.owner == owner);
    let counted = figures.participating().owners as usize;
    judge(
        rule,
        figures,
        consents,
        ballots,
        &in_electorate,
        ballots.len().saturating_sub(counted),
    )
}

/// Applies a rule to counted figures: conditions, consents, the result and the outlook.
/// `in_electorate` says whether an owner belongs to the electorate (for required consents).
pub fn judge<S: BuildHasher>(
    rule: &Rule,
    figures: Figures,
    consents: &[RequiredConsent],
    ballots: &HashMap<OwnerId, Choice, S>,
    in_electorate: &dyn Fn(OwnerId) -> bool,
    ignored_ballots: usize,
) -> Tally {
    let Figures {
        total,
        yes,
        no,
        abstain,
    } = figures;
    let participating = figures.participating();
    let remaining = Counts {
        owners: total.owners - participating.owners,
        area: total.area - participating.area,
    };
    let consents: Vec<ConsentState> = consents
        .iter()
        .map(|c| ConsentState {
            flat: c.flat.clone(),
            owner: c.owner,
            choice: ballots
                .get(&c.owner)
                .copied()
                .filter(|_| in_electorate(c.owner)),
        })
        .collect();

    let conditions = conditions(rule, total, participating, yes);
    let all_met = |prefix_participation: bool| {
        conditions
            .iter()
            .filter(|c| is_participation(c.measure) == prefix_participation)
            .all(|c| c.met)
    };
    let participation_met = rule.votes && total.owners > 0 && all_met(true);
    let approval_met = rule.votes && participating.owners > 0 && all_met(false);
    let consents_met = consents.iter().all(ConsentState::met);
    let passed = participation_met && approval_met && consents_met;

    let participation_shortfall = shortfall(&rule.participation, total, participating);
    let outlook = if !rule.votes {
        Outlook::NoVote
    } else {
        let o = outlook(
            rule,
            total,
            participating,
            yes,
            remaining,
            &consents,
            passed,
            participation_met,
            in_electorate,
        );
        if rule.electorate == Electorate::Present {
            unsettled(o, &consents)
        } else {
            o
        }
    };

    Tally {
        total,
        participating,
        yes,
        no,
        abstain,
        remaining,
        conditions,
        consents,
        participation_met,
        approval_met,
        consents_met,
        passed,
        outlook,
        participation_shortfall,
        ignored_ballots,
    }
}

/// When those present decide, more people may still sign in: nothing is settled before the vote
/// closes, except a required consent already refused.
fn unsettled(o: Outlook, consents: &[ConsentState]) -> Outlook {
    let refused = consents
        .iter()
        .any(|c| matches!(c.choice, Some(Choice::No | Choice::Abstain)));
    match o {
        Outlook::CertainToPass => Outlook::PassingSoFar,
        Outlook::ParticipationUnreachable => Outlook::AwaitingParticipation,
        Outlook::ApprovalUnreachable => Outlook::FailingSoFar,
        Outlook::ConsentRefused if !refused => Outlook::AwaitingParticipation,
        other => other,
    }
}

fn is_participation(m: Measure) -> bool {
    matches!(m, Measure::ParticipationArea | Measure::ParticipationHeads)
}

fn conditions(rule: &Rule, total: Counts, participating: Counts, yes: Counts) -> Vec<Condition> {
    let mut out = Vec::with_capacity(4);
    let mut push = |measure, threshold: Option<Threshold>, part: i64, whole: i64| {
        if let Some(t) = threshold {
            out.push(Condition {
                measure,
                threshold: t,
                part,
                whole,
                met: t.met(part, whole),
            });
        }
    };
    push(
        Measure::ParticipationArea,
        rule.participation.area,
        participating.area.0,
        total.area.0,
    );
    push(
        Measure::ParticipationHeads,
        rule.participation.heads,
        participating.owners,
        total.owners,
    );
    push(
        Measure::ApprovalArea,
        rule.approval.area,
        yes.area.0,
        participating.area.0,
    );
    push(
        Measure::ApprovalHeads,
        rule.approval.heads,
        yes.owners,
        participating.owners,
    );
    out
}

/// Whether every threshold of `double` holds for `part` of `whole`.
fn double_met(double: &Double, part: Counts, whole: Counts) -> bool {
    double.area.is_none_or(|t| t.met(part.area.0, whole.area.0))
        && double
            .heads
            .is_none_or(|t| t.met(part.owners, whole.owners))
        && whole.owners > 0
}

fn shortfall(participation: &Double, total: Counts, participating: Counts) -> Counts {
    let need = |t: Option<Threshold>, part: i64, whole: i64| match t {
        Some(t) if whole > 0 => (t.smallest_part(whole) - part).max(0),
        _ => 0,
    };
    Counts {
        owners: need(participation.heads, participating.owners, total.owners),
        area: Area(need(participation.area, participating.area.0, total.area.0)),
    }
}

#[allow(clippy::too_many_arguments)]
fn outlook(
    rule: &Rule,
    total: Counts,
    participating: Counts,
    yes: Counts,
    remaining: Counts,
    consents: &[ConsentState],
    passed: bool,
    participation_met: bool,
    in_electorate: &dyn Fn(OwnerId) -> bool,
) -> Outlook {
    // A refused consent, or a consent owner who cannot vote, settles the item: it cannot pass.
    if consents
        .iter()
        .any(|c| matches!(c.choice, Some(Choice::No | Choice::Abstain)) || !in_electorate(c.owner))
    {
        return Outlook::ConsentRefused;
    }
    // Best case: every remaining owner votes yes. Both participation and the approval ratio only rise.
    let best_participating = participating.plus(remaining);
    if !double_met(&rule.participation, best_participating, total) {
        return Outlook::ParticipationUnreachable;
    }
    if !double_met(&rule.approval, yes.plus(remaining), best_participating) {
        return Outlook::ApprovalUnreachable;
    }
    if passed {
        // Worst case: every remaining owner votes no (abstaining counts the same against approval).
        let consents_all_given = consents.iter().all(ConsentState::met);
        if consents_all_given && double_met(&rule.approval, yes, best_participating) {
            return Outlook::CertainToPass;
        }
        return Outlook::PassingSoFar;
    }
    if participation_met {
        Outlook::FailingSoFar
    } else {
        Outlook::AwaitingParticipation
    }
}

mod sorted;
pub use sorted::{Ballots, tally_sorted};

#[cfg(test)]
mod tests;
