//! How a command ends: its exit status and, on failure, the lines on stderr in the reader's language.
//!
//! Library errors are values (a kind and its data); this is the edge where they become words.

use std::process::ExitCode;

use crate::i18n::CliText as C;
use crate::intake::Problems;
use crate::lang::Lang;
use crate::store::lock::LockError;

/// The exit statuses, documented in the README ("Exit status"). Scripts may rely on them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// Done.
    Ok = 0,
    /// Refused, or the input is invalid: nothing was written.
    Refused = 1,
    /// The command line itself is wrong (clap's own status for usage errors).
    Usage = 2,
    /// `verify` (or the check after `restore`) found that the record does not match its events.
    VerificationFailed = 3,
    /// Another pavilion holds the database (the host's screens, or a writer that did not finish in time).
    Busy = 4,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(e as u8)
    }
}

/// `verify` found problems: the message is already on stderr line by line; this says how many.
#[derive(Debug, thiserror::Error)]
#[error("the record does not match its events ({count} problems); the first: {first}")]
pub struct Unverified {
    pub count: usize,
    pub first: String,
}

/// A digest asked for is not in the chain.
#[derive(Debug, thiserror::Error)]
#[error("no event has the digest {0}")]
pub struct DigestNotFound(pub String);

/// The exit status for an error.
pub fn exit_of(err: &anyhow::Error) -> Exit {
    if err.downcast_ref::<Unverified>().is_some()
        || err.downcast_ref::<DigestNotFound>().is_some()
        || matches!(
            err.downcast_ref::<crate::store::StoreError>(),
            Some(crate::store::StoreError::AgainstFailed(_))
        )
    {
        Exit::VerificationFailed
    } else if matches!(
        err.downcast_ref::<LockError>(),
        Some(LockError::Held { .. })
    ) {
        Exit::Busy
    } else {
        Exit::Refused
    }
}

/// The lines to print on stderr for an error, in the reader's language.
pub fn report(err: &anyhow::Error, lang: Lang) -> Vec<String> {
    if let Some(problems) = err.downcast_ref::<Problems>() {
        let mut lines: Vec<String> = problems.0.iter().map(|p| p.render(lang)).collect();
        let n = problems.0.len();
        lines.push(format!(
            "pavilion: {}",
            C::ProblemsFound.fill(lang, &[("problems", &problems_count(lang, n))])
        ));
        return lines;
    }
    // The context first, then what caused it: "cannot create x: permission denied".
    let mut parts = Vec::new();
    for link in err.chain() {
        parts.push(render(link, lang));
        if crate::i18n::errors::includes_its_cause(link) {
            break;
        }
    }
    vec![format!(
        "pavilion: {}",
        parts.join(crate::i18n::terms::colon(lang))
    )]
}

/// One error of a chain in the reader's language.
fn render(e: &(dyn std::error::Error + 'static), lang: Lang) -> String {
    if let Some(u) = e.downcast_ref::<Unverified>() {
        return C::Unverified.fill(
            lang,
            &[
                ("problems", &problems_count(lang, u.count)),
                ("first", &u.first),
            ],
        );
    }
    if let Some(DigestNotFound(d)) = e.downcast_ref::<DigestNotFound>() {
        return C::DigestNotFound.fill(lang, &[("digest", d)]);
    }
    crate::i18n::errors::describe(e, lang)
}

pub fn problems_count(lang: Lang, n: usize) -> String {
    crate::i18n::terms::counted(lang, n, C::Problem, C::Problems)
}
