//! Everything an export shows, gathered from the store once into one immutable value. This is the
//! only module of `export` that touches the store; every renderer is a pure function of a snapshot.

use jiff::Timestamp;
use jiff::civil::Date;

use crate::store::{EnteredLater, GENESIS, MeetingRecord, Store, StoreError};

use super::privacy::Masked;

mod attendance;
mod item;
mod ledger;
mod owners;

pub use attendance::{Attendance, ProxyLine, SignIn};
pub use item::{Correction, ItemSnapshot, Note, RollLine};
pub use ledger::{ActionLedger, ActionLine, Progress};

use attendance::gather_attendance;
use item::gather_item;
use ledger::gather_ledger;
use owners::Owners;

/// Minutes for the archive, or the public notice for the notice board (names masked).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Variant {
    /// 会议纪要: full names, signature block.
    Minutes,
    /// 公示: owners' names masked, no phone numbers, where and until when to object.
    PublicNotice,
}

/// One meeting as it stands in the database, ready to render.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingSnapshot {
    pub estate: String,
    pub meeting: MeetingRecord,
    /// The meeting's number in the estate's series (第 N 次会议): the host's, or its place by date.
    pub number: usize,
    pub attendance: Attendance,
    pub items: Vec<ItemSnapshot>,
    pub actions: ActionLedger,
    /// Where residents raise objections to the public notice, and until when.
    pub objections: Objections,
    /// How the notice closes: issuer, posting day, notice period, officers named or masked.
    pub notice: crate::domain::NoticeSettings,
    /// Those who sat in (列席), in the order they were entered.
    pub guests: Vec<super::paper::GuestLine>,
    /// The meeting's last recorded event, so a printed copy can be matched to the database.
    pub digest: Digest,
    /// Some records were entered later from paper, at the time the paper states (补录).
    pub entered_later: bool,
    /// Set only by [`MeetingSnapshot::public`], which masks the names.
    pub(crate) variant: Variant,
    /// Roster names and phone numbers, to find and mask them in free text for the public notice.
    pub(crate) people: People,
    /// What [`MeetingSnapshot::public`] masked.
    pub(crate) masked: Masked,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Objections {
    pub to: Option<String>,
    pub until: Option<Date>,
}

/// The hash of the meeting's last event in the hash chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Digest {
    pub event: i64,
    pub events: usize,
    pub hash: String,
}

/// Roster names (full → masked) and phone numbers: what a public notice must not show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct People {
    pub names: Texts,
    pub phones: Texts,
}

/// Texts kept end to end in one string: at 100,000 flats the roster's names and phone numbers as a
/// `String` each took about 12 MB, this about 3. Sorted only when a notice needs them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Texts {
    text: String,
    ends: Vec<u32>,
}

impl Texts {
    fn new<'a>(texts: impl Iterator<Item = &'a str>) -> Texts {
        let mut out = Texts::default();
        for t in texts {
            out.text.push_str(t);
            out.ends
                .push(u32::try_from(out.text.len()).expect("less than 4 GB of names"));
        }
        out.text.shrink_to_fit();
        out.ends.shrink_to_fit();
        out
    }

    /// The texts sorted, each once.
    pub fn sorted(&self) -> Vec<&str> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        let mut texts: Vec<&str> = starts
            .zip(&self.ends)
            .map(|(start, &end)| &self.text[start as usize..end as usize])
            .collect();
        texts.sort_unstable();
        texts.dedup();
        texts
    }
}

impl MeetingSnapshot {
    /// Gathers a meeting from the store.
    pub fn gather(store: &Store, meeting: i64) -> Result<MeetingSnapshot, StoreError> {
        let record = store.meeting(meeting)?;
        // The roster as it stood: minutes of a finished meeting never change with a later import.
        let epoch = store.meeting_epoch(meeting)?;
        let roster = store.roster_as_of(epoch)?;
        let owners = Owners::new(&roster);
        let people = People {
            names: Texts::new(owners.each().map(|o| o.name())),
            phones: Texts::new(roster.iter().filter_map(|e| e.phone.as_deref())),
        };

        let later = EnteredLater::of_meeting(store, meeting)?;
        let attendance = gather_attendance(store, &record, &owners, &later)?;
        let all_actions = store.actions()?;
        let mut items = Vec::new();
        for item in store.items(meeting)? {
            items.push(gather_item(
                store,
                item,
                (epoch, &owners),
                &all_actions,
                &later,
            )?);
        }
        let actions = gather_ledger(store, &record, all_actions)?;
        let number = store.series_number(record.id)? as usize;
        let digest = match store.meeting_digest(meeting)? {
            (events, Some((event, hash))) => Digest {
                event,
                events,
                hash,
            },
            (_, None) => Digest {
                event: 0,
                events: 0,
                hash: GENESIS.to_string(),
            },
        };
        let notice = store.notice_settings(meeting)?;
        let guests = store
            .guests(meeting)?
            .into_iter()
            .map(|g| super::paper::GuestLine {
                name: g.name,
                role: g.role,
            })
            .collect();
        Ok(MeetingSnapshot {
            estate: store.estate()?.unwrap_or_default(),
            // Objections are taken until the notice comes down, unless the agenda says otherwise.
            objections: Objections {
                to: record.objections_to.clone(),
                until: record
                    .objections_until
                    .or(notice.period().map(|(_, until)| until)),
            },
            notice,
            guests,
            meeting: record,
            number,
            attendance,
            items,
            actions,
            digest,
            entered_later: !later.is_empty(),
            variant: Variant::Minutes,
            people,
            masked: Masked::default(),
        })
    }

    pub fn variant(&self) -> Variant {
        self.variant
    }

    /// Replaces where and until when objections can be raised (given on the command line).
    pub fn with_objections(mut self, to: Option<String>, until: Option<Date>) -> MeetingSnapshot {
        if let Some(to) = to.filter(|t| !t.trim().is_empty()) {
            let to = to.trim();
            self.objections.to = Some(match self.variant {
                Variant::Minutes => to.to_string(),
                Variant::PublicNotice => self.redactor().text(to),
            });
        }
        if until.is_some() {
            self.objections.until = until;
        }
        self
    }
}

/// A stored time (UTC, RFC 3339); None if it does not parse.
pub(super) fn instant(text: &str) -> Option<Timestamp> {
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::Texts;

    #[test]
    fn texts_come_back_sorted_each_once() {
        let t = Texts::new(["王秀兰", "", "李四", "王秀兰", "Li"].into_iter());
        assert_eq!(t.sorted(), ["", "Li", "李四", "王秀兰"]);
        assert!(Texts::new(std::iter::empty()).sorted().is_empty());
    }
}
