//! Everything an export shows, gathered from the store once into one immutable value. This is the
//! only module of `export` that touches the store; every renderer is a pure function of a snapshot.

use std::collections::HashMap;

use jiff::Timestamp;
use jiff::civil::Date;

use crate::domain::{ActionStatus, Area, Choice, Counts, FlatRef, Responsible, Step, Tally};
use crate::store::{
    ActionRecord, BallotRecord, EnteredLater, GENESIS, ItemRecord, MeetingRecord, Method, Presence,
    ProgressRecord, RosterEntry, Store, StoreError,
};

use super::privacy::Masked;

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

/// One agenda item through the three steps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemSnapshot {
    pub item: ItemRecord,
    /// Step 2: the discussion, in the order the points were made.
    pub notes: Vec<Note>,
    /// The figures: recorded at closing, or counted now while the vote is open. None without a vote.
    pub tally: Option<Tally>,
    /// The named roll call: every current ballot, in building/unit/floor/room order.
    pub roll_call: Vec<RollLine>,
    /// Ballots replaced or withdrawn, with the reasons given.
    pub corrections: Vec<Correction>,
    /// Actions agreed on this item at this meeting (step 3).
    pub actions: Vec<i64>,
    /// When the closing of the vote was entered, if later from paper.
    pub closed_entered: Option<Timestamp>,
    /// How the cost is shared by floor, if the item has a plan.
    pub cost: Option<super::cost::ItemCost>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub speaker: String,
    pub point: String,
    pub at: Option<Timestamp>,
    /// When it was entered, if later from paper.
    pub entered: Option<Timestamp>,
}

/// One owner's current ballot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RollLine {
    /// The flat the ballot was given for.
    pub flat: FlatRef,
    /// Every flat of the owner in the item's scope (the ballot counts for all of them).
    pub flats: Vec<FlatRef>,
    pub owner: String,
    pub area: Area,
    pub choice: Choice,
    pub method: Method,
    pub proxy: Option<String>,
    pub at: Option<Timestamp>,
    /// When it was entered, if later from paper.
    pub entered: Option<Timestamp>,
}

/// A ballot that was replaced by a later one, or withdrawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Correction {
    pub flat: FlatRef,
    pub owner: String,
    /// The choice before; None if the earlier entry was a withdrawal.
    pub before: Option<Choice>,
    /// The choice after; None for a withdrawal.
    pub after: Option<Choice>,
    pub reason: Option<String>,
    pub at: Option<Timestamp>,
    /// When it was entered, if later from paper.
    pub entered: Option<Timestamp>,
}

/// The action ledger as it stood for this meeting.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActionLedger {
    /// Agreed at this meeting.
    pub new: Vec<ActionLine>,
    /// From earlier meetings, still open when this one took place.
    pub carried: Vec<ActionLine>,
    /// From earlier meetings, struck off since the previous meeting.
    pub closed: Vec<ActionLine>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionLine {
    pub id: i64,
    pub what: String,
    pub item_title: Option<String>,
    /// The local date of the meeting that agreed it, if any.
    pub origin: Option<Date>,
    pub responsible: Responsible,
    pub due: Option<Date>,
    /// The status as it stood for this meeting (a later closing is not shown in older minutes).
    pub status: ActionStatus,
    pub overdue: bool,
    pub progress: Vec<Progress>,
    pub closed_at: Option<Timestamp>,
    pub confirmation: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub at: Option<Timestamp>,
    pub note: String,
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
    pub names: Vec<String>,
    pub phones: Vec<String>,
}

impl MeetingSnapshot {
    /// Gathers a meeting from the store.
    pub fn gather(store: &Store, meeting: i64) -> Result<MeetingSnapshot, StoreError> {
        let record = store.meeting(meeting)?;
        // The roster as it stood: minutes of a finished meeting never change with a later import.
        let roster = store.roster_as_of(store.meeting_epoch(meeting)?)?;
        let mut owner_area: HashMap<i64, Area> = HashMap::new();
        let owner_flats = owner_names(&roster);
        let mut people = People::default();
        for e in &roster {
            *owner_area.entry(e.owner_id).or_default() += e.area;
            people.phones.extend(e.phone.iter().cloned());
        }
        people.names = owner_flats.values().map(|(n, _)| n.clone()).collect();
        people.names.sort();
        people.names.dedup();
        people.phones.sort();
        people.phones.dedup();

        let later = EnteredLater::of_meeting(store, meeting)?;
        let attendance = gather_attendance(store, &record, &owner_area, &owner_flats, &later)?;
        let all_actions = store.actions()?;
        let mut items = Vec::new();
        for item in store.items(meeting)? {
            items.push(gather_item(
                store,
                item,
                (&roster, &owner_flats),
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
fn instant(text: &str) -> Option<Timestamp> {
    text.parse().ok()
}

fn gather_attendance(
    store: &Store,
    meeting: &MeetingRecord,
    owner_area: &HashMap<i64, Area>,
    owner_flats: &HashMap<i64, (String, Vec<FlatRef>)>,
    later: &EnteredLater,
) -> Result<Attendance, StoreError> {
    let mut a = Attendance {
        others: meeting.others.clone(),
        ..Attendance::default()
    };
    for area in owner_area.values() {
        add(&mut a.estate, *area);
    }
    for (owner, record) in store.attendance(meeting.id)? {
        let area = owner_area.get(&owner).copied().unwrap_or_default();
        let (name, flats) = owner_flats.get(&owner).cloned().unwrap_or_default();
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
                let (name, flats) = owner_flats.get(&owner).cloned().unwrap_or_default();
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

/// One item: its notes, its tally, and the roll call and corrections from the ballot history
/// (built here from the roster already read, rather than asking the store once more per item).
fn gather_item(
    store: &Store,
    item: ItemRecord,
    (roster, names): (&[RosterEntry], &Names),
    actions: &[ActionRecord],
    later: &EnteredLater,
) -> Result<ItemSnapshot, StoreError> {
    let mut notes: Vec<Note> = store
        .notes(item.id)?
        .into_iter()
        .enumerate()
        .map(|(k, n)| Note {
            speaker: n.speaker,
            point: n.point,
            at: instant(&n.at),
            entered: later.notes.get(&(item.id, k)).copied(),
        })
        .collect();
    // In the order the points were made: one entered later from paper takes its place.
    notes.sort_by_key(|n| n.at);
    let counted = item.rule.votes
        && (item.vote_closed || !matches!(item.step, Step::Withdrawn | Step::Deferred));
    let tally = if counted {
        Some(store.tally_item(&item)?)
    } else {
        None
    };
    let mut roll_call = Vec::new();
    let mut corrections = Vec::new();
    if item.rule.votes {
        let history = store.ballot_history(item.id)?;
        // A closed vote is called with the roster as it stood when it closed.
        let at_close = match store.roster_epoch(&item)? {
            Some(epoch) => Some(store.roster_as_of(Some(epoch))?),
            None => None,
        };
        let own_names;
        let (roster, names) = match &at_close {
            Some(r) => {
                own_names = owner_names(r);
                (r.as_slice(), &own_names)
            }
            None => (roster, names),
        };
        // Each owner of the scope once, with all their flats in it, in roll-call order.
        let mut order: Vec<i64> = Vec::new();
        let mut in_scope: HashMap<i64, (&str, Vec<FlatRef>, Area)> = HashMap::new();
        for e in roster.iter().filter(|e| item.scope.contains(&e.flat)) {
            let entry = in_scope.entry(e.owner_id).or_insert_with(|| {
                order.push(e.owner_id);
                (e.owner_name.as_str(), Vec::with_capacity(1), Area::ZERO)
            });
            entry.1.push(e.flat.clone());
            entry.2 += e.area;
        }
        let mut current: HashMap<i64, &BallotRecord> = history
            .iter()
            .filter(|b| b.current && b.choice.is_some())
            .map(|b| (b.owner_id, b))
            .collect();
        for owner in &order {
            let (Some(b), Some((name, flats, area))) = (current.remove(owner), in_scope.get(owner))
            else {
                continue;
            };
            let Some(choice) = b.choice else { continue };
            roll_call.push(RollLine {
                flat: b.flat.clone(),
                flats: flats.clone(),
                owner: name.to_string(),
                area: *area,
                choice,
                method: b.method,
                proxy: b.proxy_name.clone(),
                at: instant(&b.at),
                entered: later.ballots.get(&b.id).copied(),
            });
        }
        corrections = changes(store, &history, names, later)?;
    }
    let mut own_actions: Vec<i64> = actions
        .iter()
        .filter(|a| a.item_id == Some(item.id) && a.meeting_id == Some(item.meeting_id))
        .map(|a| a.id)
        .collect();
    own_actions.sort_unstable();
    let cost = super::cost::ItemCost::gather(store, &item)?;
    Ok(ItemSnapshot {
        closed_entered: later.closes.get(&item.id).copied(),
        cost,
        item,
        notes,
        tally,
        roll_call,
        corrections,
        actions: own_actions,
    })
}

/// Each owner's name and flats, by owner id.
type Names = HashMap<i64, (String, Vec<FlatRef>)>;

/// Each owner's name and flats in a roster.
fn owner_names(roster: &[RosterEntry]) -> HashMap<i64, (String, Vec<FlatRef>)> {
    let mut out: HashMap<i64, (String, Vec<FlatRef>)> = HashMap::new();
    for e in roster {
        // Most owners have one flat: room for one (an empty Vec's first push makes room for four).
        out.entry(e.owner_id)
            .or_insert_with(|| (e.owner_name.clone(), Vec::with_capacity(1)))
            .1
            .push(e.flat.clone());
    }
    out
}

/// Each change of an owner's ballot: the earlier entry, what replaced it, and why.
fn changes(
    store: &Store,
    history: &[BallotRecord],
    names: &HashMap<i64, (String, Vec<FlatRef>)>,
    later: &EnteredLater,
) -> Result<Vec<Correction>, StoreError> {
    let mut last: HashMap<i64, &BallotRecord> = HashMap::new();
    let mut out = Vec::new();
    for b in history {
        if let Some(prev) = last.insert(b.owner_id, b) {
            let owner = match names.get(&b.owner_id) {
                Some((n, _)) => n.clone(),
                // The owner's flats left the scope or the roster since: look the flat up.
                None => store
                    .find_flat(&b.flat)
                    .map(|e| e.owner_name)
                    .unwrap_or_default(),
            };
            out.push(Correction {
                flat: b.flat.clone(),
                owner,
                before: prev.choice,
                after: b.choice,
                reason: b.reason.clone(),
                at: instant(&b.at),
                entered: later.ballots.get(&b.id).copied(),
            });
        }
    }
    Ok(out)
}

/// Sorts the ledger: new actions of this meeting, those carried from earlier meetings, and those
/// closed since the previous meeting. The ledger is taken as it stood at the end of the meeting's
/// day (or when the next meeting began, if that was sooner): what happened later belongs to the
/// next meeting's minutes, so old minutes exported later read as they did on the day.
fn gather_ledger(
    store: &Store,
    meeting: &MeetingRecord,
    actions: Vec<ActionRecord>,
) -> Result<ActionLedger, StoreError> {
    let meetings = store.meetings()?;
    let pos = meetings.iter().position(|m| m.id == meeting.id);
    let next = pos.and_then(|p| meetings.get(p + 1)).map(|m| m.starts);
    let cutoff = day_end(meeting, next);
    let since = pos
        .and_then(|p| p.checked_sub(1))
        .map(|p| day_end(&meetings[p], Some(meeting.starts)));
    let before_cutoff = |t: Option<Timestamp>| t.is_some_and(|t| t < cutoff);
    let starts: HashMap<i64, &MeetingRecord> = meetings.iter().map(|m| (m.id, m)).collect();
    let today = meeting.local_start().date();
    let mut ledger = ActionLedger::default();
    for a in actions {
        let origin = a.meeting_id.and_then(|id| starts.get(&id).copied());
        let progress: Vec<Progress> = a
            .progress
            .iter()
            .map(|p: &ProgressRecord| Progress {
                at: instant(&p.at),
                note: p.note.clone(),
            })
            .filter(|p| before_cutoff(p.at))
            .collect();
        let closed_at = a.closed_at.as_deref().and_then(instant);
        let closed_then = a.status == ActionStatus::Closed && before_cutoff(closed_at);
        let status = if closed_then {
            ActionStatus::Closed
        } else if progress.is_empty() {
            ActionStatus::Open
        } else {
            ActionStatus::InProgress
        };
        let line = ActionLine {
            id: a.id,
            what: a.what,
            item_title: a.item_title,
            origin: origin.map(|m| m.local_start().date()),
            responsible: a.responsible,
            due: a.due,
            status,
            overdue: crate::domain::action::is_overdue(status, a.due, today),
            progress,
            closed_at: closed_at.filter(|_| closed_then),
            confirmation: a.confirmation.filter(|_| closed_then),
        };
        if a.meeting_id == Some(meeting.id) {
            ledger.new.push(line);
            continue;
        }
        let origin_time = match origin {
            Some(m) => Some(m.starts),
            None => instant(&a.created_at),
        };
        if origin_time.is_none_or(|t| t >= meeting.starts) {
            continue;
        }
        if !closed_then {
            ledger.carried.push(line);
        } else if since.is_none_or(|s| line.closed_at.is_some_and(|c| c >= s)) {
            ledger.closed.push(line);
        }
    }
    for list in [&mut ledger.new, &mut ledger.carried, &mut ledger.closed] {
        list.sort_by_key(|a| a.id);
    }
    Ok(ledger)
}

/// The end of a meeting's local day, or the start of the next meeting if that comes first.
fn day_end(m: &MeetingRecord, next: Option<Timestamp>) -> Timestamp {
    let end = m
        .local_start()
        .date()
        .tomorrow()
        .ok()
        .and_then(|d| m.offset.to_timestamp(d.at(0, 0, 0, 0)).ok())
        .unwrap_or(Timestamp::MAX);
    next.map_or(end, |n| end.min(n))
}
