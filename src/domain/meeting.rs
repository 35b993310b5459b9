//! A meeting as planned in an agenda file: its header and its items, validated and ready to store.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::Offset;

use super::cost::CostPlan;
use super::flat::FlatRef;
use super::rule::Rule;
use super::scope::Scope;

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MeetingKind {
    /// Owners' joint decisions (业主共同决定): statutory counting.
    Owners,
    /// Residents' consultation (居民议事): consultative items.
    Residents,
}

impl MeetingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingKind::Owners => "owners",
            MeetingKind::Residents => "residents",
        }
    }

    pub fn parse(text: &str) -> Option<MeetingKind> {
        match text {
            "owners" | "业主" => Some(MeetingKind::Owners),
            "residents" | "居民" => Some(MeetingKind::Residents),
            _ => None,
        }
    }
}

/// The meeting header of an agenda file.
#[derive(Clone, Debug, PartialEq)]
pub struct MeetingPlan {
    pub title: String,
    /// The meeting's number in the estate's series (第 N 次会议), if the host gives one.
    pub number: Option<u32>,
    pub kind: MeetingKind,
    /// When it starts, with the local offset it was written in (kept for display).
    pub starts: Timestamp,
    pub offset: Offset,
    pub place: String,
    pub host: String,
    pub secretary: String,
    /// Where residents can raise objections to the public notice, and until when.
    pub objections_to: Option<String>,
    pub objections_until: Option<Date>,
    /// How the public notice closes (issuer, posting day, period, officers named or masked).
    pub notice: super::notice::NoticeSettings,
    pub items: Vec<ItemPlan>,
}

/// One agenda item: step 1 (who raised it, their words) and how it will be decided.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemPlan {
    pub title: String,
    pub raised_by: String,
    pub raised_from: Option<FlatRef>,
    pub raised_on: Option<Date>,
    pub statement: String,
    pub category: Option<String>,
    pub proposal: Option<String>,
    pub rule: Rule,
    pub scope: Scope,
    pub required_consent: Vec<FlatRef>,
    /// How the cost is shared by floor (elevator retrofits), if the item has a plan.
    pub cost: Option<CostPlan>,
}
