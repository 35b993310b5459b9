//! Records entered later from paper (补录) in the minutes: the time the paper states, marked as
//! entered later, with when it was entered. The public notice shows the stated time alone.

use jiff::Timestamp;

use crate::i18n::StatedText as X;
use crate::lang::Lang;
use crate::store::MeetingRecord;

use super::document::Block;
use super::labels as lb;
use super::snapshot::{MeetingSnapshot, Variant};

/// `when` (a stated time as shown) marked as entered later at `entered`, in the minutes.
pub fn mark(s: &MeetingSnapshot, when: String, entered: Option<Timestamp>, lang: Lang) -> String {
    match entered {
        Some(e) if s.variant() == Variant::Minutes => X::Mark.fill(
            lang,
            &[("at", &when), ("entered", &moment(&s.meeting, e, lang))],
        ),
        _ => when,
    }
}

/// When the vote closed (`when`, as shown), marked in the minutes if entered later from paper.
pub fn closed(s: &MeetingSnapshot, when: String, entered: Option<Timestamp>, lang: Lang) -> String {
    match entered {
        Some(e) if s.variant() == Variant::Minutes => X::ClosedMark.fill(
            lang,
            &[("at", &when), ("entered", &moment(&s.meeting, e, lang))],
        ),
        _ => lb::closed_at(&when, lang),
    }
}

/// When a record was entered, for machines (the minutes' JSON); None on the public notice.
pub fn machine(s: &MeetingSnapshot, entered: Option<Timestamp>) -> Option<String> {
    entered
        .filter(|_| s.variant() == Variant::Minutes)
        .and_then(|e| lb::rfc3339(Some(e), s.meeting.offset))
}

/// What the mark means, once in the minutes that have such records.
pub fn explained(s: &MeetingSnapshot, lang: Lang) -> Option<Block<'static>> {
    (s.entered_later && s.variant() == Variant::Minutes)
        .then(|| Block::Para(X::Explained.get(lang).into()))
}

fn moment(m: &MeetingRecord, at: Timestamp, lang: Lang) -> String {
    lb::moment(Some(at), m.offset, m.local_start().date(), lang)
}
