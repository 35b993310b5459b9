//! The library's errors in the reader's language: message values and typed errors are rendered
//! from the catalogue; anything else (SQLite's, the system's) as it says itself.

use std::error::Error;
use std::path::Path;

use super::CliText as C;
use super::ExportText as E;
use super::Said;
use super::StoreText as S;
use crate::domain::flat::FlatRefError;
use crate::domain::scope::ScopeError;
use crate::export::ExportError;
use crate::lang::Lang;
use crate::store::StoreError;
use crate::store::lock::{Holder, LockError};

/// Any error as a message value, with its causes: a message value stays itself; another kind is
/// rendered now in both languages.
pub fn said_of(e: &(dyn Error + 'static)) -> Said {
    match (e.downcast_ref::<Said>(), e.downcast_ref::<StoreError>()) {
        (Some(s), _) | (_, Some(StoreError::Said(s))) => s.clone(),
        _ => Said::each(with_causes(e, Lang::Zh), with_causes(e, Lang::En)),
    }
}

/// An error and what caused it, in `lang`: "cannot create x: permission denied".
pub fn with_causes(e: &(dyn Error + 'static), lang: Lang) -> String {
    let mut parts = vec![describe(e, lang)];
    let mut link = e;
    while !includes_its_cause(link)
        && let Some(cause) = link.source()
    {
        parts.push(describe(cause, lang));
        link = cause;
    }
    parts.join(super::terms::colon(lang))
}

/// Errors whose rendering already quotes their cause (another program's words, marked as such).
pub fn includes_its_cause(e: &(dyn Error + 'static)) -> bool {
    matches!(
        e.downcast_ref::<StoreError>(),
        Some(StoreError::Sqlite(_) | StoreError::Migration(_))
    ) || matches!(
        e.downcast_ref::<ExportError>(),
        Some(ExportError::Csv(_) | ExportError::Json(_) | ExportError::Xlsx(_))
    )
}

/// One error (not its causes) in `lang`.
pub fn describe(e: &(dyn Error + 'static), lang: Lang) -> String {
    if let Some(s) = e.downcast_ref::<Said>() {
        return s.render(lang);
    }
    match e.downcast_ref::<ExportError>() {
        Some(ExportError::Store(e)) => return describe(e, lang),
        Some(ExportError::Csv(e)) => return E::WritingCsv.fill(lang, &[("detail", e)]),
        Some(ExportError::Json(e)) => return E::WritingJson.fill(lang, &[("detail", e)]),
        Some(ExportError::Xlsx(e)) => return E::WritingXlsx.fill(lang, &[("detail", e)]),
        Some(ExportError::Io(e)) => return super::io_reason(e).render(lang),
        None => {}
    }
    match e.downcast_ref::<StoreError>() {
        Some(StoreError::Sqlite(e)) => return S::Database.fill(lang, &[("detail", e)]),
        Some(StoreError::Migration(e)) => return S::Migration.fill(lang, &[("detail", e)]),
        Some(StoreError::Said(s) | StoreError::AgainstFailed(s)) => return s.render(lang),
        Some(StoreError::NewerSchema { path, found, known }) => {
            return S::NewerSchema
                .fill(lang, &[("path", path), ("found", found), ("known", known)]);
        }
        Some(StoreError::NotOurs(path)) => return S::NotOurs.fill(lang, &[("path", path)]),
        Some(StoreError::NotSameFile) => return super::RecordText::NotSameFile.get(lang).into(),
        _ => {}
    }
    if let Some(FlatRefError(text)) = e.downcast_ref::<FlatRefError>() {
        return C::NotAFlat.fill(lang, &[("text", text)]);
    }
    if let Some(ScopeError(text)) = e.downcast_ref::<ScopeError>() {
        return C::NotAScope.fill(lang, &[("text", text)]);
    }
    match e.downcast_ref::<LockError>() {
        Some(LockError::Held { db, holder, waited }) => {
            held(lang, db, holder.as_ref(), waited.as_secs())
        }
        Some(LockError::Io { path, source }) => {
            C::CannotLock.fill(lang, &[("path", &path.display()), ("error", source)])
        }
        None => e.to_string(),
    }
}

/// The one-host-at-a-time refusal.
fn held(lang: Lang, db: &Path, holder: Option<&Holder>, waited: u64) -> String {
    let who = match holder {
        Some(h) => C::Holder.fill(
            lang,
            &[
                ("command", &h.command),
                ("pid", &h.pid),
                ("since", &h.since),
            ],
        ),
        None => C::AnotherPavilion.get(lang).to_string(),
    };
    let db = db.display();
    if waited == 0 {
        C::LockHeld.fill(lang, &[("db", &db), ("who", &who)])
    } else {
        C::LockBusy.fill(lang, &[("db", &db), ("who", &who), ("s", &waited)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// Every typed error of the library, rendered in both languages: no placeholder left, and the
    /// Chinese is not the English.
    #[test]
    fn every_error_kind_renders_in_both_languages() {
        let examples: Vec<Box<dyn Error>> = vec![
            Box::new(FlatRefError("9-9".into())),
            Box::new(ScopeError("3-2-1-1".into())),
            Box::new(LockError::Held {
                db: "p.db".into(),
                holder: Some(Holder {
                    pid: 7,
                    since: "2026-11-28 19:00:00".into(),
                    command: "run".into(),
                }),
                waited: Duration::ZERO,
            }),
            Box::new(LockError::Held {
                db: "p.db".into(),
                holder: None,
                waited: Duration::from_secs(3),
            }),
            Box::new(StoreError::NewerSchema {
                path: "p.db".into(),
                found: 9,
                known: 4,
            }),
            Box::new(StoreError::NotOurs("p.db".into())),
            Box::new(StoreError::NotSameFile),
            Box::new(LockError::Io {
                path: "p.db.lock".into(),
                source: std::io::Error::other("denied"),
            }),
            Box::new(StoreError::Sqlite(rusqlite::Error::InvalidQuery)),
            Box::new(ExportError::Store(StoreError::NotSameFile)),
            Box::new(ExportError::Json(
                serde_json::from_str::<i32>("x").unwrap_err(),
            )),
            Box::new(ExportError::Xlsx(
                rust_xlsxwriter::XlsxError::SheetnameCannotBeBlank(String::new()),
            )),
            Box::new(ExportError::Csv(::csv::Error::from(std::io::Error::other(
                "full",
            )))),
        ];
        for e in &examples {
            let (zh, en) = (
                describe(e.as_ref(), Lang::Zh),
                describe(e.as_ref(), Lang::En),
            );
            assert!(!zh.contains('{') && !en.contains('{'), "{zh} / {en}");
            assert_ne!(zh, en);
            // As a message value (the screens), with its causes, the same words.
            let said = said_of(e.as_ref());
            assert_eq!(said.render(Lang::Zh), with_causes(e.as_ref(), Lang::Zh));
            assert_eq!(said.render(Lang::En), with_causes(e.as_ref(), Lang::En));
        }
    }

    /// The store's refusals of backups, restores, actions and speaking turns are message values
    /// (a kind and its data), not English sentences.
    #[test]
    fn the_stores_refusals_are_message_values() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("p.db");
        let mut store = crate::store::Store::open(&db).unwrap();
        store.init("红旗小区").unwrap();
        let copy = dir.path().join("copy.db");
        store.backup_to(&copy).unwrap();
        let refusals: Vec<StoreError> = vec![
            store.backup_to(&copy).unwrap_err(),
            crate::store::backup::Candidate::open(&dir.path().join("none.db"), &db)
                .err()
                .unwrap(),
            {
                std::fs::write(dir.path().join("text.db"), "不是数据库").unwrap();
                crate::store::backup::Candidate::open(&dir.path().join("text.db"), &db)
                    .err()
                    .unwrap()
            },
        ];
        for e in refusals {
            let StoreError::Said(s) = &e else {
                panic!("not a message value: {e:?}");
            };
            assert!(!s.key().is_empty(), "{e:?}");
            let (zh, en) = (describe(&e, Lang::Zh), describe(&e, Lang::En));
            assert!(zh.contains("p.db") || zh.contains(".db"), "{zh}");
            assert_ne!(zh, en);
        }
    }
}
