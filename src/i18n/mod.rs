//! The message catalogue: every fixed text a user can see, in Chinese and English.
//!
//! Each area keeps its texts in a file of its own (`screens.rs`, ...), one `catalogue!` per file. A key
//! without both languages does not compile; each catalogue's own test checks that the placeholders agree.

use crate::domain::{Counts, Outlook, Tally};
use crate::lang::Lang;

mod agenda;
mod agenda_keys;
pub mod all;
mod backups;
mod ballots;
mod cli;
mod commands;
mod cost;
mod cost_findings;
pub mod errors;
mod export;
mod findings;
mod glossary;
mod intake;
mod io;
mod paper;
mod record;
mod roster;
mod roster_floor;
mod roster_problems;
mod said;
mod screens;
mod setup;
mod show;
mod stated;
mod store;
pub mod tables;
pub mod terms;
mod usage;
mod workbook;

pub use agenda::AgendaText;
pub use agenda_keys::AgendaKeyText;
pub use backups::BackupText;
pub use ballots::BallotText;
pub use cli::CliText;
pub use commands::CmdText;
pub use cost::{CostText, cost_error, decimal_error};
pub use cost_findings::CostFindingText;
pub use export::ExportText;
pub use findings::FindingText;
pub use intake::IntakeText;
pub use io::{IoText, io_reason};
pub use paper::PaperText;
pub use record::RecordText;
pub use roster::RosterText;
pub use roster_floor::RosterFloorText;
pub use roster_problems::RosterProblem;
pub use said::Said;
pub(crate) use said::said;
pub use screens::T;
pub use setup::SetupText;
pub use show::ShowText;
pub use stated::StatedText;
pub use store::StoreText;
pub use tables::{TableText, table_name};
pub use usage::UsageText;
pub use workbook::WorkbookText;

/// A table of texts, one enum per area of the program.
pub trait Catalogue: Copy + std::fmt::Debug + 'static {
    const ALL: &'static [Self];

    /// The text in the reader's language, placeholders unfilled.
    fn text(self, lang: Lang) -> &'static str;

    /// The text with `{name}` placeholders filled in.
    fn fill(self, lang: Lang, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        fill(self.text(lang), args)
    }
}

/// `{name}` placeholders of `template` replaced by their values.
pub fn fill(template: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

/// Declares one catalogue: `catalogue! { Name { Key => "中文", "English"; ... } }`.
/// It also declares the catalogue's test (so: one catalogue per file).
macro_rules! catalogue {
    ($(#[$meta:meta])* $name:ident { $($key:ident => $zh:literal, $en:literal;)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($key),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$key),*];

            pub fn get(self, lang: $crate::lang::Lang) -> &'static str {
                match (self, lang) {
                    $(($name::$key, $crate::lang::Lang::Zh) => $zh,
                      ($name::$key, $crate::lang::Lang::En) => $en,)*
                }
            }

            /// The text with `{name}` placeholders filled in.
            pub fn fill(
                self,
                lang: $crate::lang::Lang,
                args: &[(&str, &dyn std::fmt::Display)],
            ) -> String {
                $crate::i18n::fill(self.get(lang), args)
            }
        }

        impl $crate::i18n::Catalogue for $name {
            const ALL: &'static [$name] = $name::ALL;
            fn text(self, lang: $crate::lang::Lang) -> &'static str {
                self.get(lang)
            }
        }

        #[cfg(test)]
        mod catalogue_tests {
            #[test]
            fn every_text_exists_in_both_languages_with_the_same_placeholders() {
                $crate::i18n::check_catalogue(super::$name::ALL);
            }
        }
    };
}
pub(crate) use catalogue;

/// Panics naming the first text that lacks a language or whose placeholders differ between them.
pub fn check_catalogue<C: Catalogue>(all: &[C]) {
    fn placeholders(s: &str) -> Vec<&str> {
        let mut out: Vec<&str> = s
            .split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(n, _)| n))
            .collect();
        out.sort();
        out
    }
    for t in all {
        let (zh, en) = (t.text(Lang::Zh), t.text(Lang::En));
        assert!(!zh.trim().is_empty(), "{t:?} has no Chinese text");
        assert!(!en.trim().is_empty(), "{t:?} has no English text");
        assert_eq!(
            placeholders(zh),
            placeholders(en),
            "{t:?}: placeholders differ"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders() {
        let s = T::Matches.fill(Lang::En, &[("n", &3)]);
        assert_eq!(s, "3 owners");
    }
}

/// The plain verdict: "passes so far", "cannot pass any more", "participation not yet reached (…)".
pub fn verdict(t: &Tally, lang: Lang) -> String {
    match t.outlook {
        Outlook::NoVote => T::VerdictNoVote.get(lang).into(),
        Outlook::CertainToPass => T::VerdictCertain.get(lang).into(),
        Outlook::PassingSoFar => T::VerdictPassing.get(lang).into(),
        // A show of hands has no participation threshold: it only waits for votes.
        Outlook::AwaitingParticipation if t.participation_shortfall == Counts::default() => {
            T::VerdictNoVotesYet.get(lang).into()
        }
        Outlook::AwaitingParticipation => T::VerdictAwaiting.fill(
            lang,
            &[
                ("owners", &t.participation_shortfall.owners),
                ("area", &t.participation_shortfall.area),
            ],
        ),
        Outlook::FailingSoFar => T::VerdictFailing.get(lang).into(),
        Outlook::ParticipationUnreachable => T::VerdictNoParticipation.get(lang).into(),
        Outlook::ApprovalUnreachable => T::VerdictNoApproval.get(lang).into(),
        Outlook::ConsentRefused => T::VerdictNoConsent.get(lang).into(),
    }
}

/// A date in the reader's convention: 2026年11月28日 / 28 Nov 2026.
pub fn date(lang: Lang, d: jiff::civil::Date) -> String {
    match lang {
        Lang::Zh => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        Lang::En => d.strftime("%-d %b %Y").to_string(),
    }
}

/// A date and time to the minute: 2026年11月28日 19:00 / 28 Nov 2026 19:00.
pub fn date_time(lang: Lang, dt: jiff::civil::DateTime) -> String {
    format!("{} {}", date(lang, dt.date()), dt.strftime("%H:%M"))
}

#[cfg(test)]
mod date_tests {
    use super::*;

    #[test]
    fn dates_in_the_readers_convention() {
        let d = jiff::civil::date(2026, 11, 28);
        assert_eq!(date(Lang::Zh, d), "2026年11月28日");
        assert_eq!(date(Lang::En, d), "28 Nov 2026");
        assert_eq!(date_time(Lang::En, d.at(19, 0, 0, 0)), "28 Nov 2026 19:00");
    }
}
