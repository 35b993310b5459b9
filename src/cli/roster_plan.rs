//! `roster import --dry-run` and the confirmation an import needs: what it changes (flats added,
//! changed, retired; owner changes), the open votes it touches, and `--yes`.

use anyhow::{Result, bail};

use crate::domain::RosterRow;
use crate::i18n::RecordText;
use crate::lang::Lang;
use crate::store::{Confirmation, FlatChange, ImportMode, ImportSummary, RosterPlan, Store, Touch};

/// Added flats listed one by one up to this many (a first import lists the whole estate).
const ADDED_LISTED: usize = 20;

/// Imports (or with `dry_run` only shows) a roster; an import that touches open votes or retires
/// more than a tenth of the flats is shown and refused without `yes`. Returns what was imported.
pub fn import(
    store: &mut Store,
    rows: &[RosterRow],
    source: &str,
    dry_run: bool,
    yes: bool,
    lang: Lang,
) -> Result<Option<ImportSummary>> {
    let mode = if dry_run {
        ImportMode::DryRun
    } else {
        ImportMode::Import { yes }
    };
    let outcome = store.import_roster_with(rows, source, mode)?;
    if outcome.written {
        return Ok(Some(outcome.plan.summary));
    }
    for line in lines(&outcome.plan, dry_run, lang) {
        println!("{line}");
    }
    if dry_run {
        return Ok(None);
    }
    bail!("{}", RecordText::NeedsYes.get(lang))
}

/// The plan as lines for the secretary: totals, each change, each open vote touched, and why it
/// needs confirming.
pub fn lines(plan: &RosterPlan, dry_run: bool, lang: Lang) -> Vec<String> {
    let c = &plan.changes;
    let added = c.iter().filter(|c| c.added()).count();
    let retired = c.iter().filter(|c| c.retired()).count();
    let owners = c.iter().filter(|c| c.owner_changed()).count();
    let changed = c.len() - added - retired;
    let mut out = Vec::new();
    if c.is_empty() {
        out.push(RecordText::Unchanged.get(lang).to_string());
    } else {
        let head = if dry_run {
            RecordText::DryRun
        } else {
            RecordText::Planned
        };
        out.push(head.fill(
            lang,
            &[
                ("added", &added),
                ("changed", &changed),
                ("retired", &retired),
                ("owners", &owners),
            ],
        ));
    }
    let mut listed = 0;
    for change in c {
        if change.added() {
            listed += 1;
            if listed > ADDED_LISTED {
                continue;
            }
        }
        out.extend(change_lines(change, lang));
    }
    if listed > ADDED_LISTED {
        out.push(RecordText::MoreAdded.fill(lang, &[("n", &(listed - ADDED_LISTED))]));
    }
    for t in &plan.touches {
        let text = match t.touch {
            Touch::OwnerOrArea => RecordText::TouchOwnerOrArea,
            Touch::VoterRetired => RecordText::TouchVoter,
            Touch::ConsentRetired => RecordText::TouchConsent,
        };
        out.push(text.fill(
            lang,
            &[
                ("meeting", &t.meeting),
                ("item", &t.item),
                ("title", &t.title),
                ("flat", &t.flat),
            ],
        ));
    }
    for confirm in plan.confirmations() {
        if let Confirmation::ManyRetired(retired, before) = confirm {
            out.push(
                RecordText::ManyRetired.fill(lang, &[("retired", &retired), ("before", &before)]),
            );
        }
    }
    out
}

/// What changes for one flat, one line per kind of change.
fn change_lines(c: &FlatChange, lang: Lang) -> Vec<String> {
    let flat = &c.flat;
    let after = &c.after;
    let Some(before) = &c.before else {
        return vec![RecordText::Added.fill(
            lang,
            &[
                ("flat", flat),
                ("area", &after.area),
                ("owner", &after.owner_name),
            ],
        )];
    };
    if c.retired() {
        return vec![
            RecordText::Retired.fill(lang, &[("flat", flat), ("owner", &before.owner_name)]),
        ];
    }
    let mut out = Vec::new();
    if !before.active && after.active {
        out.push(RecordText::Returned.fill(
            lang,
            &[
                ("flat", flat),
                ("area", &after.area),
                ("owner", &after.owner_name),
            ],
        ));
    }
    if c.owner_changed() {
        out.push(RecordText::OwnerChanged.fill(
            lang,
            &[
                ("flat", flat),
                ("before", &before.owner_name),
                ("after", &after.owner_name),
            ],
        ));
    } else if before.owner_name != after.owner_name {
        out.push(RecordText::Renamed.fill(
            lang,
            &[
                ("flat", flat),
                ("before", &before.owner_name),
                ("after", &after.owner_name),
            ],
        ));
    }
    if c.area_changed() {
        out.push(RecordText::AreaChanged.fill(
            lang,
            &[
                ("flat", flat),
                ("before", &before.area),
                ("after", &after.area),
            ],
        ));
    }
    out
}
