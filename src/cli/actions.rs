//! `raise`, `backlog`, `schedule` and `actions` (the ledger across meetings).

use anyhow::Result;
use jiff::civil::Date;

use crate::domain::Responsible;
use crate::domain::action::is_overdue;
use crate::localtime::{local_date, rfc3339_stored};
use crate::store::{ActionRecord, NewAction, Store};

use super::args::ActionsCommand;
use super::parse_flat;
use super::say::{lang, say, text};
use crate::export::labels as lb;
use crate::i18n::{CmdText as K, said};

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
            say(K::ConcernLogged, &[("id", &c.id)]);
        }
        Some(m) => {
            let meeting = store.resolve_meeting(m)?;
            let number = store.raise_on_agenda(meeting, text, by, from.as_ref())?;
            say(K::ItemAdded, &[("item", &number), ("meeting", &meeting)]);
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
            .map(|f| lb::raised_by("", Some(&f.to_string()), lang()))
            .unwrap_or_default();
        let status = if c.item_id.is_some() {
            text(K::ScheduledMark, &[])
        } else {
            String::new()
        };
        let date = local_date(&c.raised_at, offset).map_or_else(String::new, |d| d.to_string());
        say(
            K::ConcernLine,
            &[
                ("id", &format!("{:>3}", c.id)),
                ("date", &date),
                ("by", &c.raised_by),
                ("from", &from),
                ("text", &c.text),
                ("status", &status),
            ],
        );
    }
    if concerns.is_empty() {
        say(K::BacklogEmpty, &[]);
    }
    Ok(())
}

pub fn schedule(store: &mut Store, concern: i64, meeting: &str) -> Result<()> {
    let meeting = store.resolve_meeting(meeting)?;
    let number = store.schedule_concern(concern, meeting)?;
    say(
        K::Scheduled,
        &[
            ("concern", &concern),
            ("item", &number),
            ("meeting", &meeting),
        ],
    );
    Ok(())
}

fn parse_date(text: &str) -> Result<Date> {
    let year = jiff::Zoned::now().year();
    crate::domain::written::parse_date(text, year)
        .ok_or_else(|| said!(K::BadDate, text = text).into())
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
            say(K::ActionAdded, &[("id", &a.id)]);
            Ok(())
        }
        ActionsCommand::Update { id, note, meeting } => {
            let meeting = meeting_arg(store, meeting.as_deref())?;
            store.update_action(id, meeting, &note)?;
            say(K::ActionUpdated, &[("id", &id)]);
            Ok(())
        }
        ActionsCommand::Close {
            id,
            confirm,
            meeting,
        } => {
            let meeting = meeting_arg(store, meeting.as_deref())?;
            store.close_action(id, meeting, &confirm)?;
            say(K::ActionClosed, &[("id", &id)]);
            Ok(())
        }
    }
}

pub fn list(store: &Store, all: bool, json: bool) -> Result<()> {
    let today = crate::localtime::now_local().date();
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
        say(K::NoOpenActions, &[]);
    }
    for a in &actions {
        let due = a
            .due
            .map(|d| d.to_string())
            .unwrap_or_else(|| text(K::NoDue, &[]));
        let overdue = if is_overdue(a.status, a.due, today) {
            text(K::OverdueMark, &[])
        } else {
            String::new()
        };
        say(
            K::ActionLine,
            &[
                ("id", &format!("{:>3}", a.id)),
                ("status", &lb::action_status(a.status, lang())),
                ("overdue", &overdue),
                ("what", &a.what),
                ("who", &lb::responsible(&a.responsible, lang())),
                ("due", &due),
            ],
        );
        if let Some(item) = &a.item_title {
            println!("     {}", text(K::ActionItem, &[("item", item)]));
        }
        for p in &a.progress {
            let date = local_date(&p.at, offset).map_or_else(String::new, |d| d.to_string());
            let line = text(K::ActionProgress, &[("date", &date), ("note", &p.note)]);
            println!("     {line}");
        }
        if let Some(c) = &a.confirmation {
            println!("     {}", text(K::ActionConfirmed, &[("confirmation", c)]));
        }
    }
    Ok(())
}
