//! `meeting set` (how the notice closes, and whether it names the host and secretary) and
//! `guest add|remove|list` (those who sat in, 列席).

use anyhow::Result;
use clap::{Args, Subcommand};
use jiff::civil::Date;

use crate::i18n::{PaperText as P, said};
use crate::store::Store;

use super::say::{count, lang, say};

#[derive(Subcommand, Debug)]
pub enum MeetingCommand {
    /// How the public notice closes: issuing body, posting day, notice period; and whether it names
    /// the host and secretary in full. Options left out keep their value; prints the settings
    Set(SetArgs),
}

#[derive(Args, Debug)]
pub struct SetArgs {
    /// The meeting id (or `latest`)
    pub meeting: String,
    /// Who issues the notice (e.g. 红旗小区业主委员会, 红旗社区居民委员会); "" leaves a blank
    #[arg(long, value_name = "TEXT")]
    pub issuer: Option<String>,
    /// The day the notice is posted, YYYY-MM-DD; "" leaves a blank to fill in by hand
    #[arg(long, value_name = "DATE")]
    pub posted_on: Option<String>,
    /// How many days the notice stays up, the posting day included [default: 7]
    #[arg(long, value_name = "N")]
    pub notice_days: Option<i64>,
    /// Name the host and secretary in full on the notice (as the community decided)
    #[arg(long, conflicts_with = "mask_officers")]
    pub show_officers: bool,
    /// Mask the host's and secretary's names on the notice (the default)
    #[arg(long)]
    pub mask_officers: bool,
    /// The notice is already out (posted, votes closed): change it anyway and issue it again
    #[arg(long)]
    pub reissue: bool,
}

#[derive(Subcommand, Debug)]
pub enum GuestCommand {
    /// Record someone who sat in (community, property company, lawyer …) with their role
    Add {
        meeting: String,
        #[arg(long)]
        name: String,
        /// Their role, e.g. 社区书记, 物业经理, 律师
        #[arg(long)]
        role: String,
        /// The notice is already out: change it anyway and issue it again
        #[arg(long)]
        reissue: bool,
    },
    /// Withdraw an entry made by mistake (the number `guest list` shows)
    Remove {
        meeting: String,
        id: i64,
        #[arg(long)]
        reissue: bool,
    },
    /// Those who sat in on a meeting
    List {
        meeting: String,
        #[arg(long)]
        json: bool,
    },
}

impl GuestCommand {
    /// Whether the command writes (and so takes the host's lock).
    pub fn writes(&self) -> bool {
        !matches!(self, GuestCommand::List { .. })
    }
}

/// A DATE typed on the command line, in any of the forms the README lists (2026-12-15,
/// 2026/12/15, 2026.12.15, 2026年12月15日, 12月15日 this year; full-width digits too).
pub(super) fn day(text: &str) -> Result<Date> {
    crate::domain::written::parse_date(text, jiff::Zoned::now().year())
        .ok_or_else(|| said!(crate::i18n::CmdText::BadDate, text = text.trim()).into())
}

fn date_arg(text: &str) -> Result<Option<Date>> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    day(text).map(Some)
}

pub fn meeting(store: &mut Store, cmd: MeetingCommand) -> Result<()> {
    let MeetingCommand::Set(a) = cmd;
    let meeting = store.resolve_meeting(&a.meeting)?;
    let mut s = store.notice_settings(meeting)?;
    if let Some(issuer) = a.issuer {
        s.issuer = Some(issuer).filter(|i| !i.trim().is_empty());
    }
    if let Some(posted) = a.posted_on {
        s.posted_on = date_arg(&posted)?;
    }
    if let Some(days) = a.notice_days {
        s.notice_days = Some(
            crate::domain::notice::valid_days(days)
                .ok_or_else(|| said!(P::BadDays, days = days))?,
        );
    }
    if a.show_officers {
        s.show_officers = true;
    }
    if a.mask_officers {
        s.show_officers = false;
    }
    if store.set_notice(meeting, &s, a.reissue)? {
        say(P::NoticeSet, &[("meeting", &meeting)]);
    } else {
        say(P::NothingChanged, &[]);
    }
    let s = store.notice_settings(meeting)?;
    let unset = P::Unset.get(lang());
    let officers = if s.show_officers {
        P::ShowOfficers
    } else {
        P::MaskOfficers
    };
    say(
        P::SettingsLine,
        &[
            ("issuer", &s.issuer.as_deref().unwrap_or(unset)),
            (
                "posted",
                &s.posted_on
                    .map_or(unset.to_string(), |d| crate::i18n::date(lang(), d)),
            ),
            ("days", &count(s.days(), P::Day, P::Days)),
            ("officers", &officers.get(lang())),
        ],
    );
    Ok(())
}

pub fn guest(store: &mut Store, cmd: GuestCommand) -> Result<()> {
    match cmd {
        GuestCommand::Add {
            meeting,
            name,
            role,
            reissue,
        } => {
            let meeting = store.resolve_meeting(&meeting)?;
            let id = store.add_guest(meeting, &name, &role, reissue)?;
            say(
                P::GuestAdded,
                &[("id", &id), ("name", &name.trim()), ("role", &role.trim())],
            );
        }
        GuestCommand::Remove {
            meeting,
            id,
            reissue,
        } => {
            let meeting = store.resolve_meeting(&meeting)?;
            store.remove_guest(meeting, id, reissue)?;
            say(P::GuestRemoved, &[("id", &id)]);
        }
        GuestCommand::List { meeting, json } => {
            let meeting = store.resolve_meeting(&meeting)?;
            let guests = store.guests(meeting)?;
            if json {
                let list: Vec<_> = guests
                    .iter()
                    .map(|g| serde_json::json!({ "id": g.id, "name": g.name, "role": g.role, "at": g.at }))
                    .collect();
                println!("{}", serde_json::Value::Array(list));
            } else if guests.is_empty() {
                say(P::NoGuests, &[]);
            } else {
                for g in guests {
                    println!("{}\t{}\t{}", g.id, g.name, g.role);
                }
            }
        }
    }
    Ok(())
}

/// Says on stderr what the notice leaves blank to fill in by hand (issuer, posting day).
pub fn notice_blanks(store: &Store, meeting: i64, lang: crate::lang::Lang) -> Result<()> {
    let s = store.notice_settings(meeting)?;
    let note = crate::i18n::terms::label(lang, crate::i18n::CliText::Note.get(lang));
    if s.issuer.is_none() {
        let text = P::NoIssuer.fill(lang, &[("meeting", &meeting)]);
        eprintln!("pavilion: {note}{text}");
    }
    if s.posted_on.is_none() {
        let text = P::NoPosting.fill(lang, &[("meeting", &meeting)]);
        eprintln!("pavilion: {note}{text}");
    }
    Ok(())
}
