//! `raise`, `backlog`, `schedule` and `actions` (the ledger across meetings).

use anyhow::Result;
use jiff::civil::Date;

use crate::domain::Responsible;
use crate::domain::action::is_overdue;
use crate::localtime::{local_date, rfc3339_stored};
use crate::store::{ActionRecord, NewAction, Store};

use super::args::ActionsCommand;
use super::parse_flat;

pub fn raise(
    store: &mut Store,
    text: &str,
    by: &str,
    from: Option<&str>,
    meeting: Option<&str>,
) -> Result<()> {
    let from = from.map(parse_flat).transpose()?;
    match meeting {
        None => {
            let c = store.raise_concern(text, by, from.as_ref())?;
            println!("concern {} logged in the backlog", c.id);
        }
        Some(m) => {
            let meeting = store.resolve_meeting(m)?;
            let number = store.raise_on_agenda(meeting, text, by, from.as_ref())?;
            println!("item {number} added to meeting {meeting}");
        }
    }
    Ok(())
}

pub fn backlog(store: &Store, all: bool, json: bool) -> Result<()> {
    let concerns = store.concerns(!all)?;
    let offset = crate::localtime::estate_offset(store);
    if json {
        let rows: Vec<serde_json::Value> = concerns
            .iter()
            .map(|c| {
                serde_json::json!({
                    "id": c.id, "text": c.text, "raised_by": c.raised_by,
                    "raised_from": c.raised_from.as_ref().map(ToString::to_string),
                    "raised_at": rfc3339_stored(&c.raised_at, offset), "item_id": c.item_id,
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(());
    }
    for c in &concerns {
        let from = c
            .raised_from
            .as_ref()
            .map(|f| format!(" ({f})"))
            .unwrap_or_default();
        let status = if c.item_id.is_some() {
            " [scheduled]"
        } else {
            ""
        };
        println!(
            "{:>3}  {}  {}{from}: {}{status}",
            c.id,
            local_date(&c.raised_at, offset).map_or_else(String::new, |d| d.to_string()),
            c.raised_by,
            c.text
        );
    }
    if concerns.is_empty() {
        println!("the backlog is empty");
    }
    Ok(())
}

pub fn schedule(store: &mut Store, concern: i64, meeting: &str) -> Result<()> {
    let meeting = store.resolve_meeting(meeting)?;
    let number = store.schedule_concern(concern, meeting)?;
    println!("concern {concern} is item {number} of meeting {meeting}");
    Ok(())
}

fn parse_date(text: &str) -> Result<Date> {
    text.parse::<Date>().map_err(|_| {
        anyhow::anyhow!("'{text}' is not a date: write it as YYYY-MM-DD, e.g. 2026-12-15")
    })
}

fn meeting_arg(store: &Store, meeting: Option<&str>) -> Result<Option<i64>> {
    Ok(meeting.map(|m| store.resolve_meeting(m)).transpose()?)
}

pub fn run(store: &mut Store, cmd: ActionsCommand) -> Result<()> {
    match cmd {
        ActionsCommand::List { all, json } => list(store, all, json),
        ActionsCommand::Add {
            what,
            who,
            due,
            meeting,
            item,
        } => {
            let meeting = meeting_arg(store, meeting.as_deref())?;
            let due = due.as_deref().map(parse_date).transpose()?;
            let new = NewAction {
                item: item.zip(meeting).map(|(n, m)| (m, n)),
                meeting,
                what: &what,
                responsible: Responsible::parse(&who),
                due,
            };
            let a = store.add_action(&new)?;
            println!("action {} added", a.id);
            Ok(())
        }
        ActionsCommand::Update { id, note, meeting } => {
            let meeting = meeting_arg(store, meeting.as_deref())?;
            store.update_action(id, meeting, &note)?;
            println!("action {id} updated");
            Ok(())
        }
        ActionsCommand::Close {
            id,
            confirm,
            meeting,
        } => {
            let meeting = meeting_arg(store, meeting.as_deref())?;
            store.close_action(id, meeting, &confirm)?;
            println!("action {id} closed");
            Ok(())
        }
    }
}

pub fn list(store: &Store, all: bool, json: bool) -> Result<()> {
    let today = jiff::Zoned::now().date();
    let offset = crate::localtime::estate_offset(store);
    let at = |t: &Option<String>| t.as_deref().map(|t| rfc3339_stored(t, offset));
    let actions: Vec<ActionRecord> = store
        .actions()?
        .into_iter()
        .filter(|a| all || a.status != crate::domain::ActionStatus::Closed)
        .collect();
    if json {
        let rows: Vec<serde_json::Value> = actions
            .iter()
            .map(|a| {
                serde_json::json!({
                    "id": a.id, "item_id": a.item_id, "meeting_id": a.meeting_id, "item": a.item_title,
                    "what": a.what, "responsible": a.responsible.key(),
                    "due": a.due.map(|d| d.to_string()), "status": a.status.as_str(),
                    "overdue": is_overdue(a.status, a.due, today),
                    "closed_at": at(&a.closed_at), "confirmation": a.confirmation,
                    "progress": a.progress.iter().map(|p| serde_json::json!({"at": rfc3339_stored(&p.at, offset), "note": p.note})).collect::<Vec<_>>(),
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(());
    }
    if actions.is_empty() {
        println!("no open actions");
    }
    for a in &actions {
        let due = a
            .due
            .map(|d| d.to_string())
            .unwrap_or_else(|| "no due date".into());
        let overdue = if is_overdue(a.status, a.due, today) {
            " OVERDUE"
        } else {
            ""
        };
        println!(
            "{:>3}  [{}{overdue}] {} — {} (due {due})",
            a.id,
            a.status.as_str(),
            a.what,
            a.responsible
        );
        if let Some(item) = &a.item_title {
            println!("     item: {item}");
        }
        for p in &a.progress {
            println!("     {}: {}", &p.at[..10.min(p.at.len())], p.note);
        }
        if let Some(c) = &a.confirmation {
            println!("     confirmed: {c}");
        }
    }
    Ok(())
}
