//! `check`, `intake`, `meetings`, and the discussion commands (`note`, `proposal`, `step`).

use std::collections::HashSet;
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::domain::{FlatRef, MeetingPlan, Step};
use crate::intake::agenda::parse_agenda;
use crate::intake::roster::read_roster;
use crate::intake::{Location, Problem, Problems};
use crate::store::{ItemText, Store};

/// Reads an agenda file and validates it; every problem of every file is collected.
fn read_agenda(file: &Path, flats: &HashSet<FlatRef>) -> Result<MeetingPlan, Problems> {
    let name = file.display().to_string();
    let bytes = crate::intake::read_input(file, crate::intake::MAX_AGENDA_BYTES, "an agenda")
        .map_err(|p| Problems(vec![p]))?;
    let whole_file = |message: &str, hint: &str| {
        Problems(vec![Problem::new(&name, Location::File, message, hint)])
    };
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(whole_file(
            "the file is UTF-16 text (Notepad's \"Unicode\"), not UTF-8",
            "save the agenda as UTF-8 (in Notepad: Save as… → Encoding: UTF-8)",
        ));
    }
    if bytes.contains(&0) {
        return Err(whole_file(
            "the file holds binary data, not text",
            "an agenda is a text file (.toml) written in an editor: check that this is the right file",
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let before = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(before);
        let line = text.matches('\n').count() + 1;
        let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Problems(vec![Problem::new(
            &name,
            Location::Text { line, column },
            "the file is not valid UTF-8",
            "save the agenda as UTF-8 (in Notepad: Save as… → Encoding: UTF-8)",
        )])
    })?;
    parse_agenda(&name, &text, flats)
}

/// `check FILE...`: validates against the database's roster (or a roster file); writes nothing.
pub fn check(db: &Path, files: &[std::path::PathBuf], roster: Option<&Path>) -> Result<()> {
    let flats: HashSet<FlatRef> = match roster {
        Some(file) => read_roster(file)?.into_iter().map(|r| r.flat).collect(),
        None => {
            if !db.exists() {
                bail!(
                    "no database at {} to check the agenda against: give --roster FILE, or import a roster first",
                    db.display()
                );
            }
            let flats = Store::open_read_only(db)?.flat_set()?;
            if flats.is_empty() {
                bail!(
                    "the database has no roster yet: import one (`pavilion roster import FILE`) or give --roster FILE"
                );
            }
            flats
        }
    };
    let mut all = Vec::new();
    for file in files {
        match read_agenda(file, &flats) {
            Ok(plan) => println!(
                "{}: ok — '{}', {} items",
                file.display(),
                plan.title,
                plan.items.len()
            ),
            Err(Problems(p)) => all.extend(p),
        }
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
        bail!("the database has no roster yet: import one first (`pavilion roster import FILE`)");
    }
    let plan = read_agenda(file, &flats)?;
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
        println!("no meetings yet: take one in with `pavilion intake FILE`");
    }
    for m in &meetings {
        println!(
            "{:>3}  {}  {}  {} ({} items)",
            m.id,
            m.local_start().strftime("%Y-%m-%d %H:%M"),
            m.title,
            m.place,
            m.items
        );
    }
    Ok(())
}

pub fn note(store: &mut Store, meeting: &str, item: i64, speaker: &str, point: &str) -> Result<()> {
    let meeting = store.resolve_meeting(meeting)?;
    store.add_note(meeting, item, speaker, point)?;
    println!("noted on item {item}");
    Ok(())
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
    println!(
        "item {item}: {} recorded",
        if resolution { "resolution" } else { "proposal" }
    );
    Ok(())
}

pub fn step(store: &mut Store, meeting: &str, item: i64, step: &str) -> Result<()> {
    let meeting = store.resolve_meeting(meeting)?;
    let to = Step::parse(step).with_context(|| format!("'{step}' is not a step"))?;
    let record = store.set_step(meeting, item, to)?;
    println!("item {item} is now {}", record.step);
    Ok(())
}
