//! Ballot papers (表决票) for written ballots collected door to door (扫楼): one per owner in the
//! item's scope, two to an A4 sheet (each an A5 half to cut apart), as HTML or DOCX. Each names the
//! estate, the meeting, the item and the matter, the rule in plain words, the owner's flats and
//! area, boxes for 同意/反对/弃权, signature and date lines, and the day to return it by.

mod docx;
mod html;

use jiff::civil::Date;

use crate::domain::rule::Double;
use crate::domain::{Area, FlatRef, Rule};
use crate::i18n::PaperText as P;
use crate::lang::Lang;
use crate::store::{Store, StoreError};

use super::labels as lb;

/// What a matter longer than this (in characters) risks: not fitting half a page.
pub const LONG_MATTER: usize = 360;

/// One owner's paper.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaperOwner {
    pub name: String,
    /// The owner's flats in the item's scope (one ballot counts for all of them).
    pub flats: Vec<FlatRef>,
    pub area: Area,
}

/// Everything the papers of one item say, in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BallotPapers {
    pub lang: Lang,
    pub estate: String,
    pub meeting: String,
    pub time: String,
    pub item: String,
    /// What is voted on: the proposal, else the resident's statement.
    pub matter: String,
    pub rule: String,
    pub return_by: Option<Date>,
    pub owners: Vec<PaperOwner>,
}

impl BallotPapers {
    /// Gathers the papers of an item: every owner with a flat in its scope, in flat order.
    pub fn gather(
        store: &Store,
        meeting: i64,
        number: i64,
        lang: Lang,
        return_by: Option<Date>,
    ) -> Result<BallotPapers, StoreError> {
        let m = store.meeting(meeting)?;
        let item = store.item(meeting, number)?;
        if !item.rule.votes {
            return Err(crate::i18n::said!(P::NoVoteNoPapers, item = number).into());
        }
        let mut owners: Vec<(i64, PaperOwner)> = Vec::new();
        for e in store.roster_as_of(store.roster_epoch(&item)?)? {
            if !item.scope.contains(&e.flat) {
                continue;
            }
            match owners.iter_mut().find(|(id, _)| *id == e.owner_id) {
                Some((_, o)) => {
                    o.flats.push(e.flat);
                    o.area += e.area;
                }
                None => owners.push((
                    e.owner_id,
                    PaperOwner {
                        name: e.owner_name,
                        flats: vec![e.flat],
                        area: e.area,
                    },
                )),
            }
        }
        let matter = item
            .proposal
            .clone()
            .filter(|p| !p.trim().is_empty())
            .unwrap_or_else(|| item.statement.clone());
        Ok(BallotPapers {
            lang,
            estate: store.estate()?.unwrap_or_default(),
            meeting: m.title.clone(),
            time: lb::meeting_time(m.local_start(), lang),
            item: lb::item_heading(item.number, &item.title, lang),
            matter: matter.trim().to_string(),
            rule: rule_words(&item.rule, lang),
            return_by,
            owners: owners.into_iter().map(|(_, o)| o).collect(),
        })
    }

    /// The owner's flats, joined.
    pub fn flats(&self, o: &PaperOwner) -> String {
        lb::list_sep(self.lang).join_display(&o.flats)
    }

    /// "请于 2026年12月5日 前交回" or a blank to fill in.
    pub fn return_line(&self) -> String {
        let date = self.return_by.map_or_else(
            || P::DateBlank.get(self.lang).to_string(),
            |d| lb::date(d, self.lang),
        );
        P::ReturnBy.fill(self.lang, &[("date", &date)])
    }

    /// The owner line: name, flats, area.
    pub fn owner_line(&self, o: &PaperOwner) -> [(String, String); 3] {
        let l = self.lang;
        [
            (P::PaperOwner.get(l).into(), o.name.clone()),
            (P::PaperFlats.get(l).into(), self.flats(o)),
            (P::PaperArea.get(l).into(), format!("{} m²", o.area)),
        ]
    }

    /// The three choices, in the order the law names them.
    pub fn choices(&self) -> [String; 3] {
        use crate::domain::Choice;
        [Choice::Yes, Choice::No, Choice::Abstain].map(|c| lb::choice(c, self.lang).to_string())
    }

    /// The matter is long enough that a paper may not fit half a page.
    pub fn long(&self) -> bool {
        self.matter.chars().count() > LONG_MATTER
    }

    pub fn title(&self) -> String {
        P::PaperTitle.fill(self.lang, &[("estate", &self.estate)])
    }
}

/// The rule in plain words: its name, then what taking part and approval must reach.
pub fn rule_words(rule: &Rule, lang: Lang) -> String {
    let mut out = lb::rule_name(rule, lang);
    let both = |d: &Double, area: P, heads: P| {
        let parts: Vec<String> = [(d.area, area), (d.heads, heads)]
            .into_iter()
            .filter_map(|(t, key)| t.map(|t| key.fill(lang, &[("t", &lb::threshold(&t, lang))])))
            .collect();
        (!parts.is_empty()).then(|| parts.join(P::And.get(lang)))
    };
    if let Some(p) = both(&rule.participation, P::ShareArea, P::ShareHeads) {
        out.push_str(&P::TakingPartMust.fill(lang, &[("what", &p)]));
    }
    if let Some(a) = both(&rule.approval, P::ShareAreaVoting, P::ShareHeadsVoting) {
        out.push_str(&P::ApprovalMust.fill(lang, &[("what", &a)]));
    }
    out.push_str(P::FullStop.get(lang));
    out
}

/// The papers as an HTML file (two per A4 sheet when printed).
pub fn render_html(p: &BallotPapers) -> Vec<u8> {
    html::render(p)
}

/// The papers as a Word document (A4, two per sheet).
pub fn render_docx(p: &BallotPapers) -> Vec<u8> {
    docx::render(p)
}
