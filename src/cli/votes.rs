//! `attend`, `ballot`, `ballot-import`, `close`, `tally`.

use anyhow::{Context, Result};

use crate::domain::tally::Measure;
use crate::domain::{Choice, Tally};
use crate::export::json_shapes::TallyJson;
use crate::store::{BallotInput, ItemRecord, Method, Presence, Store};
use crate::textwidth::pad_left;

use super::parse_flat;

pub fn attend(
    store: &mut Store,
    meeting: &str,
    rooms: &[String],
    proxy: Option<String>,
    leave: bool,
) -> Result<()> {
    let meeting = store.resolve_meeting(meeting)?;
    let presence = match (proxy, leave) {
        (_, true) => Presence::Left,
        (Some(name), _) => Presence::Proxy(name),
        (None, false) => Presence::Present,
    };
    // Check every room before signing anyone in, so a typo leaves nothing half done.
    let flats = rooms
        .iter()
        .map(|r| parse_flat(r))
        .collect::<Result<Vec<_>>>()?;
    for flat in &flats {
        store.find_flat(flat)?;
    }
    for flat in &flats {
        let entry = store.attend(meeting, flat, &presence)?;
        println!("{flat} {}: {}", entry.owner_name, presence.as_str());
    }
    Ok(())
}

pub struct BallotArgs<'a> {
    pub meeting: &'a str,
    pub item: i64,
    pub room: &'a str,
    pub choice: &'a str,
    pub proxy: Option<String>,
    pub written: bool,
    pub reason: Option<String>,
}

pub fn ballot(store: &mut Store, a: BallotArgs) -> Result<()> {
    let meeting = store.resolve_meeting(a.meeting)?;
    let flat = parse_flat(a.room)?;
    if a.choice == "withdraw" {
        store.withdraw_ballot(meeting, a.item, &flat, a.reason.as_deref())?;
        println!("item {}: ballot of {flat} withdrawn", a.item);
        return Ok(());
    }
    let choice = Choice::parse(a.choice).context("the choice is yes, no or abstain")?;
    let method = match (&a.proxy, a.written) {
        (Some(_), _) => Method::Proxy,
        (None, true) => Method::Written,
        (None, false) => Method::InPerson,
    };
    let input = BallotInput {
        flat: &flat,
        choice,
        method,
        proxy: a.proxy.as_deref(),
        reason: a.reason.as_deref(),
    };
    let b = store.cast_ballot(meeting, a.item, &input)?;
    println!(
        "item {}: {flat} {} ({})",
        a.item,
        choice.as_str(),
        b.method.as_str()
    );
    Ok(())
}

pub fn close(store: &mut Store, meeting: &str, item: i64, lang: crate::lang::Lang) -> Result<()> {
    let meeting = store.resolve_meeting(meeting)?;
    let t = store.close_vote(meeting, item)?;
    if t.item.rule.votes {
        println!(
            "item {item} closed: {}",
            if t.tally.passed {
                "PASSED"
            } else {
                "NOT PASSED"
            }
        );
        print_tally(&t.item, &t.tally, lang);
    } else {
        println!("item {item} recorded as decided (discussion only, no vote)");
    }
    Ok(())
}

pub fn tally(
    store: &Store,
    meeting: &str,
    item: i64,
    json: bool,
    lang: crate::lang::Lang,
) -> Result<()> {
    let meeting = store.resolve_meeting(meeting)?;
    let t = store.tally(meeting, item)?;
    if json {
        let shape = TallyJson::new(
            meeting,
            item,
            &t.item.rule.name,
            t.item.vote_closed,
            &t.tally,
        );
        println!("{}", serde_json::to_string(&shape)?);
    } else {
        print_tally(&t.item, &t.tally, lang);
    }
    Ok(())
}

fn print_tally(item: &ItemRecord, t: &Tally, lang: crate::lang::Lang) {
    let status = if item.vote_closed { "closed" } else { "open" };
    println!(
        "item {}: {} — {} (scope {}, vote {status})",
        item.number, item.title, item.rule.name, item.scope
    );
    println!("{:<16}{:>8}{:>14}", "", "owners", "area m²");
    for (label, c) in [
        ("total", t.total),
        ("participating", t.participating),
        ("yes", t.yes),
        ("no", t.no),
        ("abstain", t.abstain),
    ] {
        println!(
            "{label:<16}{:>8}{}",
            c.owners,
            pad_left(&c.area.to_string(), 14)
        );
    }
    for c in &t.conditions {
        let what = match c.measure {
            Measure::ParticipationArea => "participation by area",
            Measure::ParticipationHeads => "participation by headcount",
            Measure::ApprovalArea => "approval by area",
            Measure::ApprovalHeads => "approval by headcount",
        };
        println!(
            "  {what} {}: {}",
            c.threshold,
            if c.met { "met" } else { "not met" }
        );
    }
    for c in &t.consents {
        let choice = c.choice.map_or("not voted", |c| c.as_str());
        println!("  required consent of {}: {choice}", c.flat);
    }
    println!("verdict: {}", crate::i18n::verdict(t, lang));
}
