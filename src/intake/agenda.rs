//! Agenda files (TOML): parse, validate against the roster, report every problem with line and column.
//!
//! The file is parsed with toml's spanned tree (`DeTable`) and walked by hand rather than through serde,
//! so that one reading finds every problem, each at the key or value it concerns. The format is
//! documented in `agendas/README.md`.

mod cost;
mod items;
mod meeting;
mod report;
mod roster_view;
mod rules;
mod suggest;
mod table;
mod when;

use std::collections::HashSet;

use toml::de::DeTable;

use crate::domain::{FlatRef, MeetingPlan};

use super::Problems;
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
    // An editor's byte order mark is invisible; dropping it keeps columns on line 1 as the user sees them.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut report = Report::new(file, text);
    let document = match DeTable::parse(text) {
        Ok(document) => document,
        Err(e) => {
            report.at(
                e.span().map_or(0, |s| s.start),
                format!("TOML syntax error: {}", e.message().trim()),
                "fix the syntax here (text in double quotes, one key = value per line); the rest of the file was not checked",
            );
            return Err(report.into_problems());
        }
    };
    let document = document.get_ref();
    unknown_top_keys(&mut report, document);

    let header = Header::read(&mut report, document.get("meeting"));
    let rules = RuleBook::read(&mut report, document.get("rules"));
    let ctx = Context {
        rules: &rules,
        roster: RosterView::new(flats),
        meeting_date: header.as_ref().and_then(Header::date),
    };
    let items = read_items(&mut report, &ctx, document.get("items"));

    let plan = items.and_then(|items| header?.into_plan(items));
    match plan {
        Some(plan) if report.is_clean() => Ok(plan),
        _ => {
            if report.is_clean() {
                // Every path that drops a value reports why; this only guards against a gap in that.
                report.at(0, "the agenda could not be read", "");
            }
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
            "meeting details go below the [meeting] header".to_string()
        } else if ITEM_KEYS.iter().any(|k| k.key == typed) {
            "item details go below an [[items]] header".to_string()
        } else if let Some(k) = closest(typed, &TOP_KEYS) {
            let header = match k {
                "meeting" => "[meeting]",
                "rules" => "[rules.NAME]",
                _ => "[[items]]",
            };
            format!("did you mean {header}?")
        } else {
            "an agenda holds [meeting], [rules.NAME] and [[items]]".to_string()
        };
        report.at(
            key.span().start,
            format!("unknown key '{typed}' at the top of the file"),
            hint,
        );
    }
}
