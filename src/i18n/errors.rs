//! The library's errors in the reader's language: message values and typed errors are rendered
//! from the catalogue; anything else (SQLite's, the system's) as it says itself.

use std::error::Error;
use std::path::Path;

use super::CliText as C;
use super::Said;
use super::StoreText as S;
use crate::domain::flat::FlatRefError;
use crate::domain::scope::ScopeError;
use crate::lang::Lang;
use crate::store::StoreError;
use crate::store::lock::{Holder, LockError};

/// One error (not its causes) in `lang`.
pub fn describe(e: &(dyn Error + 'static), lang: Lang) -> String {
    if let Some(s) = e.downcast_ref::<Said>() {
        return s.render(lang);
    }
    match e.downcast_ref::<StoreError>() {
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
        ];
        for e in &examples {
            let (zh, en) = (
                describe(e.as_ref(), Lang::Zh),
                describe(e.as_ref(), Lang::En),
            );
            assert!(!zh.contains('{') && !en.contains('{'), "{zh} / {en}");
            assert_ne!(zh, en);
        }
    }
}
