//! The public notice (公示) made from the minutes' snapshot: the same decisions and figures, the
//! discussion left out, and every text that stays passed through one [`Redactor`].

use crate::domain::Responsible;

use super::privacy::{Masked, Redactor};
use super::snapshot::{MeetingSnapshot, Variant};

impl MeetingSnapshot {
    /// Everyone the meeting names outside the roster: the host and secretary, who raised an item,
    /// speakers, proxy holders, persons responsible for an action.
    fn people_named(&self) -> Vec<&str> {
        let m = &self.meeting;
        let mut names: Vec<&str> = Vec::new();
        names.extend([m.host.as_str(), m.secretary.as_str()]);
        names.extend(self.attendance.proxies.iter().map(|p| p.holder.as_str()));
        names.extend(self.guests.iter().map(|g| g.name.as_str()));
        for it in &self.items {
            names.push(&it.item.raised_by);
            names.extend(it.notes.iter().map(|n| n.speaker.as_str()));
            names.extend(it.roll_call.iter().filter_map(|r| r.proxy.as_deref()));
        }
        let ledger = &self.actions;
        for a in ledger
            .new
            .iter()
            .chain(&ledger.carried)
            .chain(&ledger.closed)
        {
            if let Responsible::Person(p) = &a.responsible {
                names.push(p);
            }
        }
        names
    }

    pub(crate) fn redactor(&self) -> Redactor {
        let r = Redactor::new(
            self.people.names.sorted(),
            self.people_named(),
            self.people.phones.sorted(),
        );
        // The community may decide to name its host and secretary: then in full everywhere on the
        // notice (header, ledger, free text), never full in one place and masked in another.
        let m = &self.meeting;
        match self.notice.show_officers {
            true => r.showing([m.host.as_str(), m.secretary.as_str()]),
            false => r,
        }
    }

    /// What [`MeetingSnapshot::public`] masked, by kind.
    pub fn masked(&self) -> Masked {
        self.masked
    }

    /// The public notice: the same decisions and figures; people's names masked (王*兰), phone and
    /// ID numbers and e-mail addresses masked, the discussion left out.
    pub fn public(&self) -> MeetingSnapshot {
        let r = self.redactor();
        let mut s = self.clone();
        s.variant = Variant::PublicNotice;
        let m = &mut s.meeting;
        m.title = r.text(&m.title);
        m.place = r.text(&m.place);
        m.host = r.person(&m.host);
        m.secretary = r.person(&m.secretary);
        m.others = r.text(&m.others);
        m.objections_to = m.objections_to.as_deref().map(|t| r.text(t));
        s.objections.to = s.objections.to.as_deref().map(|t| r.text(t));
        s.attendance.others = r.text(&s.attendance.others);
        for g in &mut s.guests {
            g.name = r.person(&g.name);
            g.role = r.text(&g.role);
        }
        // Who signed in when is for the minutes.
        s.attendance.sign_in.clear();
        for p in &mut s.attendance.proxies {
            p.owner = r.person(&p.owner);
            p.holder = r.person(&p.holder);
        }
        for it in &mut s.items {
            let i = &mut it.item;
            i.title = r.text(&i.title);
            i.raised_by = r.person(&i.raised_by);
            i.statement = r.text(&i.statement);
            i.category = i.category.as_deref().map(|t| r.text(t));
            i.proposal = i.proposal.as_deref().map(|t| r.text(t));
            i.resolution = i.resolution.as_deref().map(|t| r.text(t));
            i.rule.basis = r.text(&i.rule.basis);
            it.notes.clear();
            it.cost = it.cost.as_ref().map(|c| c.redacted(|t| r.text(t)));
            for line in &mut it.roll_call {
                line.owner = r.person(&line.owner).into();
                line.proxy = line.proxy.as_deref().map(|p| r.person(p).into());
            }
            for c in &mut it.corrections {
                c.owner = r.person(&c.owner);
                c.reason = c.reason.as_deref().map(|t| r.text(t));
            }
        }
        let ledger = &mut s.actions;
        for a in ledger
            .new
            .iter_mut()
            .chain(&mut ledger.carried)
            .chain(&mut ledger.closed)
        {
            a.what = r.text(&a.what);
            a.item_title = a.item_title.as_deref().map(|t| r.text(t));
            if let Responsible::Person(name) = &a.responsible {
                a.responsible = Responsible::Person(r.person(name));
            }
            for p in &mut a.progress {
                p.note = r.text(&p.note);
            }
            a.confirmation = a.confirmation.as_deref().map(|t| r.text(t));
        }
        s.masked = r.masked();
        s
    }

    /// What on this (public) snapshot's notice may still name a person, in document order: for the
    /// secretary to review before posting.
    pub fn suspicious(&self, lang: crate::lang::Lang) -> Vec<String> {
        use super::document::Block;
        let doc = super::document::build(self, lang);
        let mut out = Vec::new();
        let mut look = |t: &str| out.extend(super::privacy::suspicious(t));
        look(&doc.title);
        for block in doc.sections.iter().flat_map(|s| &s.blocks) {
            match block {
                Block::Heading(_, t) | Block::Para(t) | Block::Quote(t) | Block::Verdict(t, _) => {
                    look(t)
                }
                Block::Labelled(_, t) => look(t),
                Block::Table(_) | Block::RollCall(..) => {
                    let (_, rows) = block.table().expect("a table");
                    rows.iter().for_each(|row| row.iter().for_each(|c| look(c)));
                }
                Block::Closing(lines) => lines.iter().for_each(|l| look(l)),
                Block::Chart(_) => {}
            }
        }
        out
    }
}
