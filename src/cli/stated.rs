//! `--at TIME` on `attend`, `ballot`, `ballot-import`, `note` and `close`: a paper record entered
//! afterwards at the time it states. The time is read in the meeting's local time unless it carries an
//! offset, said back in that local time, and a refusal about it names the option and the value as
//! typed.

use anyhow::Result;
use jiff::Timestamp;

use crate::i18n::{StatedText as X, said};
use crate::store::{Store, StoreError};

use super::say::say;

/// The time `--at` states, if given: `2026-11-28 19:20` (any date form `--due` takes), or `19:20`
/// on the meeting's day, in the meeting's local time; or with an offset (`…+08:00`, `…Z`).
pub fn stated(store: &Store, meeting: i64, at: Option<&str>) -> Result<Option<Timestamp>> {
    let Some(text) = at else { return Ok(None) };
    let m = store.meeting(meeting)?;
    let not_a_time = || said!(X::Option, value = text.trim()).with("why", &said!(X::NotATime));
    let (local, offset) = crate::domain::written::parse_moment(text, m.local_start().date())
        .ok_or_else(not_a_time)?;
    let at = offset
        .unwrap_or(m.offset)
        .to_timestamp(local)
        .map_err(|_| not_a_time())?;
    Ok(Some(at))
}

/// A refusal about the stated time, with the option and the value; any other error as it is.
pub fn named(err: StoreError, at: Option<&str>) -> anyhow::Error {
    match (&err, at) {
        (StoreError::Said(why), Some(text))
            if X::ALL.iter().any(|k| format!("{k:?}") == why.key()) =>
        {
            said!(X::Option, value = text.trim())
                .with("why", why)
                .into()
        }
        _ => err.into(),
    }
}

/// Says how a record entered later was taken: at the stated time, in the meeting's local time.
pub fn say_back(store: &Store, meeting: i64, at: Option<Timestamp>) -> Result<()> {
    let Some(at) = at else { return Ok(()) };
    let o = store.meeting(meeting)?.offset;
    let lang = super::say::lang();
    let shown = |t: Timestamp| crate::i18n::date_time(lang, o.to_datetime(t));
    say(
        X::Entered,
        &[("at", &shown(at)), ("now", &shown(Timestamp::now()))],
    );
    Ok(())
}
