//! `check`, `intake`, `meetings`, and the discussion commands (`note`, `proposal`, `step`).

use std::collections::HashSet;
use std::path::Path;

use anyhow::Result;

use crate::domain::{FlatRef, MeetingPlan, Step};
use crate::i18n::{CmdText as K, Said, said};
use crate::intake::agenda::parse_agenda_with_floors;
use crate::intake::roster::read_roster;
use crate::intake::{Location, Problem, Problems};
use crate::store::{ItemText, Store};

use super::say::{count, lang, say};

/// Reads an agenda file and validates it; every problem of every file is collected.
fn read_agenda(file: &Path, roster: &(HashSet<FlatRef>, Floors)) -> Result<MeetingPlan, Problems> {
    let (flats, floors) = roster;
    parse_agenda_with_floors(
        &file.display().to_string(),
        &toml_text(file)?,
        flats,
        floors,
    )
}

/// The floors a roster's floor column gives, by flat.
type Floors = std::collections::HashMap<FlatRef, u32>;

/// The text of a TOML file (an agenda, a cost plan): UTF-8, or refused saying how to save it.
pub(super) fn toml_text(file: &Path) -> Result<String, Problems> {
    let name = file.display().to_string();
    let bytes = crate::intake::read_input(
        file,
        crate::intake::MAX_AGENDA_BYTES,
        crate::i18n::IntakeText::AnAgenda,
    )
    .map_err(|p| Problems(vec![p]))?;
    let whole_file = |message: Said, hint: Said| {
        Problems(vec![Problem::said(&name, Location::File, message, hint)])
    };
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(whole_file(said!(K::Utf16), said!(K::SaveAsUtf8)));
    }
    if bytes.contains(&0) {
        return Err(whole_file(said!(K::Binary), said!(K::BinaryHint)));
    }
    String::from_utf8(bytes).map_err(|e| {
        let before = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(before);
        let line = text.matches('\n').count() + 1;
        let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Problems(vec![Problem::said(
            &name,
            Location::Text { line, column },
            said!(K::NotUtf8),
            said!(K::SaveAsUtf8),
        )])
    })
}

/// `check FILE...`: validates against the database's roster (or a roster file), and against the
/// database's meetings as `intake` would (or says that it could not); writes nothing.
pub fn check(db: &Path, files: &[std::path::PathBuf], roster: Option<&Path>) -> Result<()> {
    let store = match db.exists() {
        true => Some(Store::open_read_only(db)?),
        false => None,
    };
    let roster = match (roster, &store) {
        (Some(file), _) => {
            let rows = read_roster(file)?;
            let floors = rows.iter().filter_map(|r| Some((r.flat.clone(), r.floor?)));
            (
                rows.iter().map(|r| r.flat.clone()).collect(),
                floors.collect(),
            )
        }
        (None, None) => return Err(said!(K::NoDbToCheck, path = db.display()).into()),
        (None, Some(store)) => {
            let flats = store.flat_set()?;
            if flats.is_empty() {
                return Err(said!(K::NoRosterYet).into());
            }
            (flats, store.given_floors()?)
        }
    };
    let mut all = Vec::new();
    let mut passed = 0;
    for file in files {
        let plan = match read_agenda(file, &roster) {
            Ok(plan) => plan,
            Err(Problems(p)) => {
                all.extend(p);
                continue;
            }
        };
        // What intake would refuse: the same meeting again, a number its kind already has.
        if let Some(store) = &store {
            match store.check_intake(&plan) {
                Ok(()) => {}
                Err(crate::store::StoreError::Said(why)) => {
                    let name = file.display().to_string();
                    let hint = Said::verbatim("");
                    all.push(Problem::said(&name, Location::File, why, hint));
                    continue;
                }
                Err(e) => return Err(e.into()),
            }
        }
        passed += 1;
        say(
            K::CheckOk,
            &[
                ("file", &file.display()),
                ("title", &plan.title),
                ("items", &count(plan.items.len() as i64, K::Item, K::Items)),
            ],
        );
        let text = std::fs::read_to_string(file).unwrap_or_default();
        if let Some(starts) = crate::intake::agenda::start_without_offset(&text) {
            say(
                K::CheckOffset,
                &[
                    ("file", &file.display()),
                    ("starts", &starts),
                    ("offset", &crate::localtime::offset_text(plan.offset)),
                ],
            );
        }
    }
    if store.is_none() && passed > 0 {
        say(K::CheckNoMeetings, &[("path", &db.display())]);
    }
    if all.is_empty() {
        Ok(())
    } else {
        Err(Problems(all).into())
    }
}

/// `intake FILE`: the same checks as `check`, then the meeting is created; prints its id.
pub fn intake(store: &mut Store, file: &Path) -> Result<()> {
    let flats = store.flat_set()?;
    if flats.is_empty() {
        return Err(said!(K::NoRosterForIntake).into());
    }
    let plan = read_agenda(file, &(flats, store.given_floors()?))?;
    let id = store.intake(&plan, &file.display().to_string())?;
    println!("{id}");
    Ok(())
}

pub fn list(store: &Store, json: bool) -> Result<()> {
    let meetings = store.meetings()?;
    if json {
        let rows: Vec<serde_json::Value> = meetings
            .iter()
            .map(|m| {
                serde_json::json!({
                    "id": m.id,
                    "number": m.number,
                    "title": m.title,
                    "kind": m.kind.as_str(),
                    "starts": crate::localtime::rfc3339(m.starts, m.offset),
                    "place": m.place,
                    "host": m.host,
                    "secretary": m.secretary,
                    "items": m.items,
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(());
    }
    if meetings.is_empty() {
        say(K::NoMeetings, &[]);
    }
    for m in &meetings {
        say(
            K::MeetingLine,
            &[
                ("id", &format!("{:>3}", m.id)),
                ("starts", &m.local_start().strftime("%Y-%m-%d %H:%M")),
                ("title", &m.title),
                ("place", &m.place),
                ("items", &count(m.items, K::Item, K::Items)),
            ],
        );
    }
    Ok(())
}

pub fn note(
    store: &mut Store,
    (meeting, item): (&str, i64),
    speaker: &str,
    point: &str,
    at: Option<&str>,
) -> Result<()> {
    let meeting = store.resolve_meeting(meeting)?;
    let stated = super::stated::stated(store, meeting, at)?;
    store
        .add_note_at(meeting, item, speaker, point, stated)
        .map_err(|e| super::stated::named(e, at))?;
    say(K::Noted, &[("item", &item)]);
    super::stated::say_back(store, meeting, stated)
}

pub fn proposal(
    store: &mut Store,
    meeting: &str,
    item: i64,
    text: &str,
    resolution: bool,
) -> Result<()> {
    let meeting = store.resolve_meeting(meeting)?;
    let field = if resolution {
        ItemText::Resolution
    } else {
        ItemText::Proposal
    };
    store.set_text(meeting, item, field, text)?;
    let said = if resolution {
        K::ResolutionRecorded
    } else {
        K::ProposalRecorded
    };
    say(said, &[("item", &item)]);
    Ok(())
}

pub fn step(store: &mut Store, meeting: &str, item: i64, step: &str) -> Result<()> {
    let meeting = store.resolve_meeting(meeting)?;
    let to = Step::parse(step).ok_or_else(|| said!(K::NotAStep, step = step))?;
    let record = store.set_step(meeting, item, to)?;
    let step = crate::export::labels::step(record.step, lang());
    say(K::StepNow, &[("item", &item), ("step", &step)]);
    Ok(())
}
