//! Agenda files (TOML): parse, validate against the roster, report every problem with line and column.
//!
//! The file is parsed with toml's spanned tree (`DeTable`) and walked by hand rather than through serde,
//! so that one reading finds every problem, each at the key or value it concerns. The format is
//! documented in `agendas/README.md`.

mod cost;
mod items;
mod meeting;
mod notice;
mod report;
mod roster_view;
mod rules;
mod suggest;
mod table;
mod when;

use std::collections::{HashMap, HashSet};

use toml::de::DeTable;

use crate::domain::{FlatRef, MeetingPlan};
use crate::i18n::{AgendaText as A, Said, said};

use super::Problems;
pub use cost::parse_cost_plan;
use items::{Context, ITEM_KEYS, read_items};
use meeting::{Header, MEETING_KEYS};
use report::Report;
use roster_view::RosterView;
use rules::RuleBook;
use suggest::closest;

/// The tables at the top of an agenda file.
const TOP_KEYS: [&str; 3] = ["meeting", "rules", "items"];

/// Parses and validates an agenda. `file` names it in messages; `flats` are the roster's flats.
///
/// With an empty `flats` the roster checks (flats, buildings and units exist) are skipped, so a file can
/// be checked before any roster is imported; everything else is still checked.
pub fn parse_agenda(
    file: &str,
    text: &str,
    flats: &HashSet<FlatRef>,
) -> Result<MeetingPlan, Problems> {
    parse_agenda_with_floors(file, text, flats, &HashMap::new())
}

/// [`parse_agenda`], knowing the floors the roster's floor column gives (for cost plans: every floor
/// of an item's scope needs a coefficient).
pub fn parse_agenda_with_floors(
    file: &str,
    text: &str,
    flats: &HashSet<FlatRef>,
    floors: &HashMap<FlatRef, u32>,
) -> Result<MeetingPlan, Problems> {
    let text = without_bom(text);
    let (mut report, document) = parse_toml(file, text)?;
    let document = document.get_ref();
    unknown_top_keys(&mut report, document);

    let header = Header::read(&mut report, document.get("meeting"));
    let rules = RuleBook::read(&mut report, document.get("rules"));
    let ctx = Context {
        rules: &rules,
        roster: RosterView::new(flats).with_floors(floors),
        meeting_date: header.as_ref().and_then(Header::date),
    };
    let items = read_items(&mut report, &ctx, document.get("items"));

    report.finish(items.and_then(|items| header?.into_plan(items)))
}

/// An editor's byte order mark is invisible; dropping it keeps columns on line 1 as the user sees them.
fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Parses an agenda or a cost-plan file; a syntax error is its one problem, with the line and column
/// and, where the cause is a full-width character, a hint saying so.
fn parse_toml<'t>(
    file: &'t str,
    text: &'t str,
) -> Result<(Report<'t>, toml::Spanned<DeTable<'t>>), Problems> {
    let mut report = Report::new(file, text);
    match DeTable::parse(text) {
        Ok(document) => Ok((report, document)),
        Err(e) => {
            let at = e.span().map_or(0, |s| s.start);
            report.at(
                at,
                said!(A::SyntaxError, error = e.message().trim()),
                typography_hint(text, at).unwrap_or_else(|| said!(A::FixSyntax)),
            );
            Err(report.into_problems())
        }
    }
}

/// Keys at the top level: a meeting or item key there means a header was forgotten.
fn unknown_top_keys(report: &mut Report, document: &DeTable) {
    for (key, _) in document.iter() {
        let typed = key.get_ref().as_ref();
        if TOP_KEYS.contains(&typed) {
            continue;
        }
        let hint = if MEETING_KEYS.iter().any(|k| k.key == typed) {
            said!(A::MeetingBelow)
        } else if ITEM_KEYS.iter().any(|k| k.key == typed) {
            said!(A::ItemBelow)
        } else if let Some(k) = closest(typed, &TOP_KEYS) {
            let header = match k {
                "meeting" => "[meeting]",
                "rules" => "[rules.NAME]",
                _ => "[[items]]",
            };
            said!(A::DidYouMeanHeader, header = header)
        } else {
            said!(A::TopHolds)
        };
        report.at(key.span().start, said!(A::UnknownTopKey, key = typed), hint);
    }
}

/// A syntax error caused by a Chinese input method: curly quotes or a full-width sign on the line
/// where TOML stopped gets its own hint.
fn typography_hint(text: &str, at: usize) -> Option<Said> {
    let start = text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let line = text[start..].lines().next().unwrap_or("");
    // Curly quotes inside straight ones are text; used instead of them they are the error.
    if line.contains(['“', '”']) && !line.contains('"') {
        return Some(said!(A::CurlyQuotes));
    }
    // Before the first straight quote: the key, the sign and the opening of the value.
    let head = line.split('"').next().unwrap_or("");
    if head.contains('＝') {
        return Some(said!(A::FullWidthEquals));
    }
    let full = head
        .chars()
        .find(|c| matches!(c, '［' | '］' | '＂' | '，' | '：' | '｛' | '｝'));
    full.map(|c| said!(A::FullWidthPunct, char = c))
}

/// The meeting's start as written when it has no UTC offset (it is then taken in this machine's
/// offset, which `check` says).
pub fn start_without_offset(text: &str) -> Option<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let document = DeTable::parse(text).ok()?;
    let meeting = document.get_ref().get("meeting")?;
    let toml::de::DeValue::Table(meeting) = meeting.get_ref() else {
        return None;
    };
    let starts = meeting.get("starts")?;
    let d = match starts.get_ref() {
        toml::de::DeValue::Datetime(d) => *d,
        toml::de::DeValue::String(s) => s.trim().parse::<toml::value::Datetime>().ok()?,
        _ => return None,
    };
    (d.date.is_some() && d.time.is_some() && d.offset.is_none()).then(|| d.to_string())
}
