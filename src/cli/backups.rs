//! `pavilion backups [--json]`: the automatic backups of the database, their sizes and what each
//! is from, and what the data directory holds in all.

use std::path::Path;

use anyhow::Result;

use crate::i18n::BackupText as B;
use crate::i18n::terms::counted;
use crate::lang::Lang;
use crate::store::backup::catalog::{self, CLOSE_BACKUPS_KEPT, EXIT_BACKUPS_KEPT, Kind};
use crate::store::backup::{backups_dir, status, stem};

/// Bytes as `12.3 MB` (decimal megabytes, integer arithmetic), `800 kB` or `512 B`.
pub fn size(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{}.{} MB", bytes / 1_000_000, bytes % 1_000_000 / 100_000)
    } else if bytes >= 1_000 {
        format!("{} kB", bytes / 1_000)
    } else {
        format!("{bytes} B")
    }
}

fn kind_text(kind: Kind) -> B {
    match kind {
        Kind::Close => B::Close,
        Kind::Exit => B::Exit,
        Kind::Upgrade => B::Upgrade,
        Kind::Restore => B::Restore,
        Kind::Damaged => B::Damaged,
    }
}

fn file_len(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}

/// `YYYYMMDD-HHMMSS` as `YYYY-MM-DD HH:MM:SS`.
/// When a backup was made: its name's stamp (`20261128-193000`), the machine's local time then.
fn made(stamp: &str) -> Option<jiff::civil::DateTime> {
    jiff::civil::DateTime::strptime("%Y%m%d-%H%M%S", stamp).ok()
}

/// A local time of this machine (a backup's, the background backup's) as RFC 3339, with the
/// machine's offset at that time; as it is if it does not read.
fn machine_rfc3339(local: Option<jiff::civil::DateTime>, text: &str) -> String {
    local
        .and_then(|dt| dt.to_zoned(crate::localtime::machine_zone().clone()).ok())
        .map_or_else(
            || text.to_string(),
            |z| crate::localtime::rfc3339(z.timestamp(), z.offset()),
        )
}

/// A backup's time for people: as each language writes a date and time.
fn shown(stamp: &str, lang: Lang) -> String {
    made(stamp).map_or_else(|| stamp.to_string(), |dt| crate::i18n::date_time(lang, dt))
}

pub fn list(db: &Path, json: bool, wait: bool, lang: Lang) -> Result<()> {
    if wait {
        status::wait(db);
    }
    let background = status::read(db);
    let dir = backups_dir(db);
    let entries = catalog::entries(&dir, &stem(db))?;
    let total: u64 = entries.iter().map(|e| e.bytes).sum();
    let db_bytes = file_len(db);
    let wal_bytes = file_len(&crate::store::backup::with_suffix(db, "-wal"));
    if json {
        let rows: Vec<serde_json::Value> = entries
            .iter()
            .map(|e| {
                let c = catalog::contents(&e.path);
                serde_json::json!({
                    "file": e.path.file_name().map(|n| n.to_string_lossy().into_owned()),
                    "kind": e.name.kind.label(),
                    "made": machine_rfc3339(made(&e.name.stamp), &e.name.stamp),
                    "bytes": e.bytes,
                    "events": c.as_ref().ok().map(|c| c.events),
                    "head": c.as_ref().ok().and_then(|c| c.head.clone()),
                    "meeting": c.as_ref().ok().and_then(|c| c.meeting),
                    "item": c.as_ref().ok().and_then(|c| c.item),
                    "readable": c.is_ok(),
                })
            })
            .collect();
        let out = serde_json::json!({
            "database": db.display().to_string(),
            "database_bytes": db_bytes,
            "wal_bytes": wal_bytes,
            "folder": dir.display().to_string(),
            "backups": rows,
            "backups_bytes": total,
            "exit_backups_kept": EXIT_BACKUPS_KEPT,
            "close_backups_kept": CLOSE_BACKUPS_KEPT,
            "background": background.as_ref().map(|s| serde_json::json!({
                "state": if s.abandoned() { "abandoned" } else { match s.state {
                    status::State::Running => "running",
                    status::State::Failed => "failed",
                }},
                "kind": s.kind,
                "pid": s.pid,
                "at": machine_rfc3339(
                    jiff::civil::DateTime::strptime("%Y-%m-%d %H:%M:%S", &s.at).ok(),
                    &s.at,
                ),
                "error": s.error,
            })),
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(());
    }
    let dir_text = dir.display().to_string();
    let db_text = db.display().to_string();
    println!(
        "{}",
        B::Heading.fill(lang, &[("db", &db_text), ("dir", &dir_text)])
    );
    if let Some(s) = &background {
        println!("  {}", s.describe(lang));
    }
    if entries.is_empty() {
        println!("  {}", B::None.get(lang));
    }
    for e in &entries {
        let what = match catalog::contents(&e.path) {
            Ok(c) => {
                let mut what = counted(lang, c.events, B::Event, B::Events);
                if let (Kind::Close, Some(m), Some(i)) = (e.name.kind, c.meeting, c.item) {
                    what = format!(
                        "{} · {what}",
                        B::MeetingItem.fill(lang, &[("meeting", &m), ("item", &i)])
                    );
                }
                what
            }
            Err(err) => B::Unreadable.fill(lang, &[("why", &err)]),
        };
        println!(
            "  {}  {:<10}  {:>9}  {what}  {}",
            shown(&e.name.stamp, lang),
            kind_text(e.name.kind).get(lang),
            size(e.bytes),
            e.path
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default()
        );
    }
    println!(
        "{}",
        B::Totals.fill(
            lang,
            &[
                ("db", &size(db_bytes)),
                ("wal", &size(wal_bytes)),
                ("files", &counted(lang, entries.len(), B::File, B::Files)),
                ("total", &size(total)),
            ]
        )
    );
    println!(
        "{}",
        B::Policy.fill(
            lang,
            &[("n", &EXIT_BACKUPS_KEPT), ("closes", &CLOSE_BACKUPS_KEPT)]
        )
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_written_without_floating_point() {
        assert_eq!(size(512), "512 B");
        assert_eq!(size(81_920), "81 kB");
        assert_eq!(size(110_250_000), "110.2 MB");
        assert_eq!(size(2_090_000_000), "2090.0 MB");
    }

    #[test]
    fn a_backups_time_is_said_as_each_language_writes_one() {
        assert_eq!(shown("20261203-055012", Lang::Zh), "2026年12月3日 05:50");
        assert_eq!(shown("20261203-055012", Lang::En), "3 Dec 2026 05:50");
        assert_eq!(shown("garbled", Lang::En), "garbled");
        let at = machine_rfc3339(made("20261203-055012"), "");
        assert!(
            at.starts_with("2026-12-03T05:50:12") && at.len() == 25,
            "{at}"
        );
    }
}
