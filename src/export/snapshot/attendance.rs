//! Who came to the meeting: the sign-in list, proxies and the counts.

use jiff::Timestamp;

use crate::domain::{Area, Counts, FlatRef};
use crate::store::{EnteredLater, MeetingRecord, Presence, Store, StoreError};

use super::instant;
use super::owners::Owners;

/// Who came: owners in person and by proxy (headcount and area), and other participants.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attendance {
    pub in_person: Counts,
    pub proxy: Counts,
    /// Signed in, then left before the end.
    pub left: Counts,
    /// Every owner of the estate, for reference.
    pub estate: Counts,
    /// Owners represented by a proxy holder, in flat order.
    pub proxies: Vec<ProxyLine>,
    /// Community, property company, representatives … as the secretary wrote it.
    pub others: String,
    /// The sign-in list (签到表): every owner signed in, in flat order (minutes only).
    pub sign_in: Vec<SignIn>,
}

/// One owner on the sign-in list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignIn {
    pub flats: Vec<FlatRef>,
    pub owner: String,
    pub presence: Presence,
    /// When the owner signed in (or left, for one who left).
    pub at: Option<Timestamp>,
    /// When it was entered, if later from paper.
    pub entered: Option<Timestamp>,
}

impl Attendance {
    /// Owners at the meeting: in person and by proxy.
    pub fn here(&self) -> Counts {
        Counts {
            owners: self.in_person.owners + self.proxy.owners,
            area: self.in_person.area + self.proxy.area,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProxyLine {
    pub flats: Vec<FlatRef>,
    pub owner: String,
    pub holder: String,
}

/// An owner's name and flats, as the attendance keeps them.
fn owned(owners: &Owners, owner: i64) -> (String, Vec<FlatRef>) {
    owners.get(owner).map_or_else(Default::default, |o| {
        (o.name().to_string(), o.flats().cloned().collect())
    })
}

pub(super) fn gather_attendance(
    store: &Store,
    meeting: &MeetingRecord,
    owners: &Owners,
    later: &EnteredLater,
) -> Result<Attendance, StoreError> {
    let mut a = Attendance {
        others: meeting.others.clone(),
        ..Attendance::default()
    };
    for o in owners.each() {
        add(&mut a.estate, o.area());
    }
    for (owner, record) in store.attendance(meeting.id)? {
        let area = owners.get(owner).map(|o| o.area()).unwrap_or_default();
        let (name, flats) = owned(owners, owner);
        a.sign_in.push(SignIn {
            flats,
            owner: name,
            presence: record.presence.clone(),
            at: instant(&record.at),
            entered: later.sign_ins.get(&owner).copied(),
        });
        match &record.presence {
            Presence::Present => add(&mut a.in_person, area),
            Presence::Proxy(holder) => {
                add(&mut a.proxy, area);
                let (name, flats) = owned(owners, owner);
                a.proxies.push(ProxyLine {
                    flats,
                    owner: name,
                    holder: holder.clone(),
                });
            }
            Presence::Left => add(&mut a.left, area),
        }
    }
    a.sign_in
        .sort_by(|x, y| (x.flats.first(), &x.owner).cmp(&(y.flats.first(), &y.owner)));
    a.proxies.sort_by(|x, y| {
        (x.flats.first(), &x.owner, &x.holder).cmp(&(y.flats.first(), &y.owner, &y.holder))
    });
    Ok(a)
}

fn add(c: &mut Counts, area: Area) {
    c.owners += 1;
    c.area += area;
}
