//! `attend`, `ballot`, `ballot-import`, `close`, `tally`.

use anyhow::Result;

use crate::domain::{Choice, Tally};
use crate::export::json_shapes::TallyJson;
use crate::export::labels as lb;
use crate::i18n::{CmdText as K, T, said};
use crate::store::{BallotInput, ItemRecord, Method, Presence, Store};
use crate::textwidth::{pad, pad_left};

use super::say::{lang, say, text};
use super::{parse_flat, stated};

pub fn attend(
    store: &mut Store,
    meeting: &str,
    rooms: &[String],
    (proxy, leave): (Option<String>, bool),
    at: Option<&str>,
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
    let stated = stated::stated(store, meeting, at)?;
    store
        .check_sign_ins(meeting, &flats, &presence, stated)
        .map_err(|e| stated::named(e, at))?;
    for flat in &flats {
        let entry = store
            .attend_at(meeting, flat, &presence, stated)
            .map_err(|e| stated::named(e, at))?;
        let presence = match presence {
            Presence::Present => T::InPerson,
            Presence::Proxy(_) => T::ByProxy,
            Presence::Left => T::Left,
        };
        say(
            K::Attended,
            &[
                ("flat", flat),
                ("owner", &entry.owner_name),
                ("presence", &presence.get(lang())),
            ],
        );
    }
    stated::say_back(store, meeting, stated)
}

pub struct BallotArgs<'a> {
    pub meeting: &'a str,
    pub item: i64,
    pub room: &'a str,
    pub choice: &'a str,
    pub proxy: Option<String>,
    pub written: bool,
    pub reason: Option<String>,
    pub at: Option<&'a str>,
}

pub fn ballot(store: &mut Store, a: BallotArgs) -> Result<()> {
    let meeting = store.resolve_meeting(a.meeting)?;
    let flat = parse_flat(a.room)?;
    let stated = stated::stated(store, meeting, a.at)?;
    if a.choice == "withdraw" {
        store
            .withdraw_ballot_at(meeting, a.item, &flat, a.reason.as_deref(), stated)
            .map_err(|e| stated::named(e, a.at))?;
        say(K::BallotWithdrawn, &[("item", &a.item), ("flat", &flat)]);
        return stated::say_back(store, meeting, stated);
    }
    let choice = Choice::parse(a.choice).ok_or_else(|| said!(K::BadChoice))?;
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
    let b = store
        .cast_ballot_at(meeting, a.item, &input, stated)
        .map_err(|e| stated::named(e, a.at))?;
    say(
        K::BallotRecorded,
        &[
            ("item", &a.item),
            ("flat", &flat),
            ("choice", &lb::choice(choice, lang())),
            ("method", &lb::method(b.method, lang())),
        ],
    );
    stated::say_back(store, meeting, stated)
}

pub fn close(
    store: &mut Store,
    (meeting, item): (&str, i64),
    at: Option<&str>,
    lang: crate::lang::Lang,
) -> Result<()> {
    let meeting = store.resolve_meeting(meeting)?;
    let stated = stated::stated(store, meeting, at)?;
    let t = store
        .close_vote_at(meeting, item, stated)
        .map_err(|e| stated::named(e, at))?;
    if t.item.rule.votes {
        let result = if t.tally.passed {
            T::ResultPassed
        } else {
            T::ResultFailed
        };
        say(
            K::VoteClosed,
            &[("item", &item), ("result", &result.get(lang))],
        );
        print_tally(&t.item, &t.tally, lang);
    } else {
        say(K::ClosedNoVote, &[("item", &item)]);
    }
    stated::say_back(store, meeting, stated)
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
    let status = if item.vote_closed {
        K::VoteClosedWord
    } else {
        K::VoteOpenWord
    };
    say(
        K::TallyHead,
        &[
            ("item", &item.number),
            ("title", &item.title),
            ("rule", &lb::rule_name(&item.rule, lang)),
            ("scope", &lb::scope(&item.scope, lang)),
            ("status", &status.get(lang)),
        ],
    );
    let rows = [
        (T::Total, t.total),
        (T::Participating, t.participating),
        (T::Yes, t.yes),
        (T::No, t.no),
        (T::Abstain, t.abstain),
    ];
    // Labels padded by display width, so Chinese labels line up too.
    let label_w = rows
        .iter()
        .map(|(l, _)| crate::textwidth::width(l.get(lang)))
        .max()
        .unwrap_or(0)
        + 2;
    println!(
        "{}{}{}",
        pad("", label_w),
        pad_left(K::OwnersColumn.get(lang), 12),
        pad_left(K::AreaColumn.get(lang), 14)
    );
    for (label, c) in rows {
        println!(
            "{}{}{}",
            pad(label.get(lang), label_w),
            pad_left(&c.owners.to_string(), 12),
            pad_left(&c.area.to_string(), 14)
        );
    }
    for c in &t.conditions {
        let met = if c.met { T::Met } else { T::NotMet };
        let line = text(
            K::TallyCondition,
            &[
                ("what", &lb::measure(c.measure, lang)),
                ("threshold", &lb::threshold(&c.threshold, lang)),
                ("met", &met.get(lang)),
            ],
        );
        println!("  {line}");
    }
    for c in &t.consents {
        let choice = c
            .choice
            .map_or(T::NotVoted.get(lang), |c| lb::choice(c, lang));
        let line = text(K::TallyConsent, &[("flat", &c.flat), ("choice", &choice)]);
        println!("  {line}");
    }
    say(
        K::TallyVerdict,
        &[("verdict", &crate::i18n::verdict(t, lang))],
    );
}
