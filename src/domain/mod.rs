//! The rules of a consultation meeting, pure: no I/O, no terminal, no database.

pub mod action;
pub mod address;
pub mod area;
pub mod cost;
pub mod flat;
pub mod item;
pub mod meeting;
pub mod notice;
pub mod roster;
pub mod rule;
pub mod scope;
pub mod tally;
pub mod written;

pub use action::{ActionStatus, Responsible};
pub use area::Area;
pub use flat::FlatRef;
pub use item::Step;
pub use meeting::{ItemPlan, MeetingKind, MeetingPlan};
pub use notice::NoticeSettings;
pub use roster::{Owner, RosterRow};
pub use rule::{Rule, Threshold};
pub use scope::Scope;
pub use tally::{Choice, Counts, Member, Outlook, OwnerId, RequiredConsent, Tally};
