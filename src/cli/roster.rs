//! `roster import` and `roster list`.

use std::path::Path;

use anyhow::Result;

use crate::i18n::RosterText;
use crate::intake::roster::read_roster_import;
use crate::lang::Lang;
use crate::textwidth::{pad, pad_left};

use super::args::RosterCommand;

pub fn run(path: &Path, cmd: RosterCommand, lang: Lang) -> Result<()> {
    match cmd {
        RosterCommand::Import { file, dry_run, yes } => {
            // A dry run works on a copy in memory (brought up to this build's schema there): the
            // file is never written, not even upgraded.
            let mut store = if dry_run {
                crate::store::Store::open_in_memory_copy(path)?
            } else {
                super::open(path, false)?
            };
            // Read and validate the whole file before writing anything.
            let import = read_roster_import(&file, &store.id_salt()?)?;
            for line in import.summary.lines(lang) {
                println!("{line}");
            }
            let source = file.display().to_string();
            let imported =
                super::roster_plan::import(&mut store, &import.rows, &source, dry_run, yes, lang)?;
            let Some(s) = imported else {
                return Ok(());
            };
            println!(
                "{}",
                RosterText::Imported.fill(
                    lang,
                    &[
                        ("flats", &s.flats),
                        ("owners", &s.owners),
                        ("added", &s.flats_added),
                        ("updated", &s.flats_updated),
                        ("retired", &s.flats_retired),
                        ("owners_added", &s.owners_added),
                        ("owners_updated", &s.owners_updated),
                    ],
                )
            );
            // An open item's cost plan the new roster no longer fits is said, not left to be found.
            for warning in store.unshareable_plans()? {
                println!("{}", warning.render(lang));
            }
            Ok(())
        }
        RosterCommand::List { json } => {
            let store = super::read(path)?;
            let roster = store.roster()?;
            if json {
                let rows: Vec<serde_json::Value> = roster
                    .iter()
                    .map(|e| {
                        serde_json::json!({
                            "flat": e.flat.to_string(),
                            "area_m2": e.area.to_string(),
                            "owner_id": e.owner_key,
                            "owner_name": e.owner_name,
                            "phone": e.phone,
                        })
                    })
                    .collect();
                println!("{}", serde_json::to_string_pretty(&rows)?);
                return Ok(());
            }
            let owners: std::collections::HashSet<i64> =
                roster.iter().map(|e| e.owner_id).collect();
            let unit = crate::tui::screens::wording::area_unit(super::say::lang());
            for e in &roster {
                println!(
                    "{} {} {unit}  {} {}",
                    pad(&e.flat.to_string(), 10),
                    pad_left(&e.area.to_string(), 8),
                    pad(&e.owner_name, 16),
                    e.owner_key
                );
            }
            let area: crate::domain::Area = roster.iter().map(|e| e.area).sum();
            let lang = super::say::lang();
            super::say::say(
                crate::i18n::CmdText::RosterTotal,
                &[
                    ("flats", &crate::i18n::terms::flats(lang, roster.len())),
                    ("owners", &crate::i18n::terms::owners(lang, owners.len())),
                    ("area", &area),
                ],
            );
            Ok(())
        }
    }
}
