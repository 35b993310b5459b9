//! JSON with every figure, for other tools. Tallies use the `tally --json` shape ([`TallyJson`]);
//! areas are strings with two decimals, times are local RFC 3339 with the meeting's offset.

use std::io::Write;

use jiff::Timestamp;
use serde::Serialize;

use crate::lang::Lang;

use super::json_shapes::{CountsJson, TallyJson};
use super::labels;
use super::snapshot::{ActionLine, ItemSnapshot, MeetingSnapshot, RollLine, Variant};

/// The version of this document's shape; bumped when a field changes meaning or goes away.
pub const SHAPE_VERSION: u32 = 1;

#[derive(Serialize)]
struct ExportJson<'a> {
    format: &'static str,
    version: u32,
    variant: &'static str,
    lang: &'static str,
    estate: &'a str,
    meeting: MeetingJson<'a>,
    attendance: AttendanceJson<'a>,
    items: Vec<ItemJson<'a>>,
    actions: LedgerJson<'a>,
    objections: ObjectionsJson<'a>,
    notice: super::paper::NoticeJson<'a>,
    digest: DigestJson<'a>,
}

#[derive(Serialize)]
struct MeetingJson<'a> {
    id: i64,
    /// 第 N 次会议: the host's number, or the meeting's place by date.
    number: usize,
    title: &'a str,
    kind: &'static str,
    starts: Option<String>,
    place: &'a str,
    host: &'a str,
    secretary: &'a str,
}

#[derive(Serialize)]
struct AttendanceJson<'a> {
    in_person: CountsJson,
    proxy: CountsJson,
    here: CountsJson,
    left: CountsJson,
    estate: CountsJson,
    proxies: Vec<ProxyJson<'a>>,
    others: &'a str,
    guests: Vec<super::paper::GuestJson<'a>>,
}

#[derive(Serialize)]
struct ProxyJson<'a> {
    flats: Vec<String>,
    owner: &'a str,
    holder: &'a str,
}

#[derive(Serialize)]
struct ItemJson<'a> {
    number: i64,
    title: &'a str,
    step: &'static str,
    raised_by: &'a str,
    raised_from: Option<String>,
    raised_on: Option<String>,
    category: Option<&'a str>,
    statement: &'a str,
    discussion: Vec<NoteJson<'a>>,
    proposal: Option<&'a str>,
    /// How the cost is shared by floor, when the item has a plan.
    cost: Option<super::cost_data::CostJson<'a>>,
    rule: RuleJson<'a>,
    scope: String,
    /// "open", "closed", or "none" for items without a vote.
    vote: &'static str,
    closed_at: Option<String>,
    /// When the closing was entered, if later from paper (minutes only).
    #[serde(skip_serializing_if = "Option::is_none")]
    closed_entered_at: Option<String>,
    tally: Option<TallyJson>,
    roll_call: RollCallJson<'a>,
    corrections: Vec<CorrectionJson<'a>>,
    resolution: Option<&'a str>,
    actions: &'a [i64],
}

#[derive(Serialize)]
struct NoteJson<'a> {
    speaker: &'a str,
    point: &'a str,
    at: Option<String>,
    /// When it was entered, if later from paper (minutes only).
    #[serde(skip_serializing_if = "Option::is_none")]
    entered_at: Option<String>,
}

#[derive(Serialize)]
struct RuleJson<'a> {
    name: &'a str,
    basis: String,
    votes: bool,
}

#[derive(Serialize)]
struct BallotJson<'a> {
    flat: String,
    flats: Vec<String>,
    owner: &'a str,
    area_m2: String,
    choice: &'static str,
    method: &'static str,
    proxy: Option<&'a str>,
    at: Option<String>,
    /// When it was entered, if later from paper (minutes only).
    #[serde(skip_serializing_if = "Option::is_none")]
    entered_at: Option<String>,
}

#[derive(Serialize)]
struct CorrectionJson<'a> {
    flat: String,
    owner: &'a str,
    /// null: the earlier entry was a withdrawal.
    before: Option<&'static str>,
    /// null: withdrawn.
    after: Option<&'static str>,
    reason: Option<&'a str>,
    at: Option<String>,
    /// When it was entered, if later from paper (minutes only).
    #[serde(skip_serializing_if = "Option::is_none")]
    entered_at: Option<String>,
}

#[derive(Serialize)]
struct LedgerJson<'a> {
    new: Vec<ActionJson<'a>>,
    carried_over: Vec<ActionJson<'a>>,
    closed_since_last: Vec<ActionJson<'a>>,
}

#[derive(Serialize)]
struct ActionJson<'a> {
    id: i64,
    what: &'a str,
    item: Option<&'a str>,
    agreed_on: Option<String>,
    responsible: &'a str,
    due: Option<String>,
    status: &'static str,
    overdue: bool,
    progress: Vec<ProgressJson<'a>>,
    closed_at: Option<String>,
    confirmation: Option<&'a str>,
}

#[derive(Serialize)]
struct ProgressJson<'a> {
    at: Option<String>,
    note: &'a str,
}

#[derive(Serialize)]
struct ObjectionsJson<'a> {
    to: Option<&'a str>,
    until: Option<String>,
}

#[derive(Serialize)]
struct DigestJson<'a> {
    algorithm: &'static str,
    /// The id of the meeting's last event in the hash chain, and how many events the meeting has.
    event: i64,
    events: usize,
    hash: &'a str,
    label: String,
}

/// The roll call, each ballot made as it is written (100,000 of them are never held as JSON values).
struct RollCallJson<'a> {
    s: &'a MeetingSnapshot,
    lines: &'a [RollLine],
}

impl Serialize for RollCallJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (s, o) = (self.s, self.s.meeting.offset);
        serializer.collect_seq(self.lines.iter().map(|r| BallotJson {
            flat: r.flat.to_string(),
            flats: r.flats.iter().map(ToString::to_string).collect(),
            owner: &r.owner,
            area_m2: r.area.to_string(),
            choice: r.choice.as_str(),
            method: r.method.as_str(),
            proxy: r.proxy.as_deref(),
            at: labels::rfc3339(r.at, o),
            entered_at: super::entered::machine(s, r.entered),
        }))
    }
}

/// Writes the document out as it goes (`to` should be buffered: serde writes small pieces).
pub fn write(s: &MeetingSnapshot, lang: Lang, to: &mut dyn Write) -> Result<(), serde_json::Error> {
    let m = &s.meeting;
    let at = |t: Option<Timestamp>| labels::rfc3339(t, m.offset);
    let a = &s.attendance;
    let doc = ExportJson {
        format: "pavilion-meeting",
        version: SHAPE_VERSION,
        variant: match s.variant() {
            Variant::Minutes => "minutes",
            Variant::PublicNotice => "public-notice",
        },
        lang: lang.code(),
        estate: &s.estate,
        meeting: MeetingJson {
            id: m.id,
            number: s.number,
            title: &m.title,
            kind: m.kind.as_str(),
            starts: at(Some(m.starts)),
            place: &m.place,
            host: &m.host,
            secretary: &m.secretary,
        },
        attendance: AttendanceJson {
            in_person: a.in_person.into(),
            proxy: a.proxy.into(),
            here: a.here().into(),
            left: a.left.into(),
            estate: a.estate.into(),
            proxies: a
                .proxies
                .iter()
                .map(|p| ProxyJson {
                    flats: p.flats.iter().map(ToString::to_string).collect(),
                    owner: &p.owner,
                    holder: &p.holder,
                })
                .collect(),
            others: &a.others,
            guests: super::paper::guests_json(s),
        },
        items: s.items.iter().map(|i| item(s, i, lang)).collect(),
        actions: LedgerJson {
            new: s.actions.new.iter().map(|a| action(s, a)).collect(),
            carried_over: s.actions.carried.iter().map(|a| action(s, a)).collect(),
            closed_since_last: s.actions.closed.iter().map(|a| action(s, a)).collect(),
        },
        objections: ObjectionsJson {
            to: s.objections.to.as_deref(),
            until: s.objections.until.map(|d| d.to_string()),
        },
        notice: super::paper::notice_json(&s.notice),
        digest: DigestJson {
            algorithm: "sha-256",
            event: s.digest.event,
            events: s.digest.events,
            hash: &s.digest.hash,
            label: labels::digest(&s.digest.hash, s.digest.event, s.digest.events, lang),
        },
    };
    serde_json::to_writer_pretty(&mut *to, &doc)?;
    to.write_all(b"\n").map_err(serde_json::Error::io)
}

fn item<'a>(s: &'a MeetingSnapshot, it: &'a ItemSnapshot, lang: Lang) -> ItemJson<'a> {
    let i = &it.item;
    let o = s.meeting.offset;
    let at = |t: Option<Timestamp>| labels::rfc3339(t, o);
    ItemJson {
        number: i.number,
        title: &i.title,
        step: i.step.as_str(),
        raised_by: &i.raised_by,
        raised_from: i.raised_from.as_ref().map(ToString::to_string),
        raised_on: i.raised_on.map(|d| d.to_string()),
        category: i.category.as_deref(),
        statement: &i.statement,
        discussion: it
            .notes
            .iter()
            .map(|n| NoteJson {
                speaker: &n.speaker,
                point: &n.point,
                at: at(n.at),
                entered_at: super::entered::machine(s, n.entered),
            })
            .collect(),
        proposal: i.proposal.as_deref(),
        cost: it
            .cost
            .as_ref()
            .map(|c| super::cost_data::CostJson::new(s.meeting.id, i.number, c, o, lang)),
        rule: RuleJson {
            name: &i.rule.name,
            basis: labels::rule_basis(&i.rule, lang),
            votes: i.rule.votes,
        },
        scope: i.scope.to_string(),
        vote: match (i.rule.votes, i.vote_closed) {
            (false, _) => "none",
            (true, true) => "closed",
            (true, false) => "open",
        },
        closed_at: i
            .closed_at
            .as_deref()
            .and_then(|c| at(c.parse::<Timestamp>().ok())),
        closed_entered_at: super::entered::machine(s, it.closed_entered),
        tally: it
            .tally
            .as_ref()
            .map(|t| TallyJson::new(s.meeting.id, i.number, &i.rule.name, i.vote_closed, t)),
        roll_call: RollCallJson {
            s,
            lines: &it.roll_call,
        },
        corrections: it
            .corrections
            .iter()
            .map(|c| CorrectionJson {
                flat: c.flat.to_string(),
                owner: &c.owner,
                before: c.before.map(|c| c.as_str()),
                after: c.after.map(|c| c.as_str()),
                reason: c.reason.as_deref(),
                at: at(c.at),
                entered_at: super::entered::machine(s, c.entered),
            })
            .collect(),
        resolution: i.resolution.as_deref(),
        actions: &it.actions,
    }
}

fn action<'a>(s: &MeetingSnapshot, a: &'a ActionLine) -> ActionJson<'a> {
    let o = s.meeting.offset;
    ActionJson {
        id: a.id,
        what: &a.what,
        item: a.item_title.as_deref(),
        agreed_on: a.origin.map(|d| d.to_string()),
        responsible: a.responsible.key(),
        due: a.due.map(|d| d.to_string()),
        status: a.status.as_str(),
        overdue: a.overdue,
        progress: a
            .progress
            .iter()
            .map(|p| ProgressJson {
                at: labels::rfc3339(p.at, o),
                note: &p.note,
            })
            .collect(),
        closed_at: labels::rfc3339(a.closed_at, o),
        confirmation: a.confirmation.as_deref(),
    }
}
