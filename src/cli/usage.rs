//! Mistakes on the command line itself (status 2): clap finds them; they are said here in the
//! reader's language. English keeps clap's own words; help (`--help`) is clap's, in English.

use std::process::ExitCode;

use clap::error::{ContextKind, ErrorKind};

use super::outcome::Exit;
use crate::i18n::UsageText as U;
use crate::lang::Lang;

/// The command line as given, read with its help in the reader's language; or, for a mistake (or
/// `--help`), the status to end with once it is said.
pub fn parse() -> Result<super::Cli, ExitCode> {
    use clap::{CommandFactory, FromArgMatches};
    let cmd = match Lang::detect(lang_in_args(std::env::args().skip(1))) {
        Lang::Zh => super::help_zh::chinese(super::Cli::command()),
        Lang::En => super::Cli::command(),
    };
    cmd.try_get_matches()
        .and_then(|m| super::Cli::from_arg_matches(&m))
        .map_err(fail)
}

/// Says what is wrong with the command line and gives the status: 2, or 0 for `--help`.
pub fn fail(e: clap::Error) -> ExitCode {
    let shown_as_clap_says = matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion);
    let lang = Lang::detect(lang_in_args(std::env::args().skip(1)));
    if shown_as_clap_says || lang == Lang::En {
        let _ = e.print();
        return ExitCode::from(e.exit_code() as u8);
    }
    for line in say(&e, lang) {
        eprintln!("{line}");
    }
    Exit::Usage.into()
}

/// `--lang zh`, `--lang=en` among the arguments, read before clap reads them.
fn lang_in_args(mut args: impl Iterator<Item = String>) -> Option<Lang> {
    let word = |w: &str| match w {
        "zh" => Some(Lang::Zh),
        "en" => Some(Lang::En),
        _ => None,
    };
    let mut found = None;
    while let Some(a) = args.next() {
        if a == "--lang" {
            found = args.next().as_deref().and_then(word).or(found);
        } else if let Some(v) = a.strip_prefix("--lang=") {
            found = word(v).or(found);
        }
    }
    found
}

/// The lines of a mistake: what is wrong, the usage line, where the help is.
fn say(e: &clap::Error, lang: Lang) -> Vec<String> {
    // A list (missing arguments, values, suggestions) with the language's separator.
    let get = |k: ContextKind| {
        e.get(k).map(|v| match v {
            clap::error::ContextValue::Strings(v) => {
                v.join(crate::i18n::terms::list_separator(lang))
            }
            v => v.to_string(),
        })
    };
    let arg = get(ContextKind::InvalidArg)
        .or_else(|| get(ContextKind::InvalidSubcommand))
        .unwrap_or_default();
    let mut what = match e.kind() {
        ErrorKind::InvalidSubcommand => U::UnknownCommand.fill(lang, &[("arg", &arg)]),
        ErrorKind::UnknownArgument => U::UnknownOption.fill(lang, &[("arg", &arg)]),
        ErrorKind::MissingRequiredArgument => U::Missing.fill(lang, &[("args", &arg)]),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            U::MissingCommand.get(lang).to_string()
        }
        ErrorKind::InvalidValue => {
            let value = get(ContextKind::InvalidValue).unwrap_or_default();
            let mut s = U::BadValue.fill(lang, &[("value", &value), ("arg", &arg)]);
            if let Some(valid) = get(ContextKind::ValidValue) {
                s.push_str(&U::Takes.fill(lang, &[("values", &valid)]));
            }
            s
        }
        ErrorKind::ArgumentConflict => {
            let other = get(ContextKind::PriorArg).unwrap_or_default();
            U::Conflict.fill(lang, &[("arg", &arg), ("other", &other)])
        }
        ErrorKind::ValueValidation => {
            let value = get(ContextKind::InvalidValue).unwrap_or_default();
            let why = std::error::Error::source(e)
                .map(ToString::to_string)
                .unwrap_or_default();
            U::Invalid.fill(lang, &[("arg", &arg), ("value", &value), ("why", &why)])
        }
        _ => {
            let detail = e.kind().as_str().unwrap_or("").to_string();
            U::Other.fill(lang, &[("detail", &detail)])
        }
    };
    let suggested =
        get(ContextKind::SuggestedSubcommand).or_else(|| get(ContextKind::SuggestedArg));
    if let Some(s) = suggested {
        what.push_str(if lang == Lang::Zh { "。" } else { ". " });
        what.push_str(&U::DidYouMean.fill(lang, &[("suggested", &s)]));
    }
    let mut lines = vec![format!(
        "pavilion: {}",
        U::Error.fill(lang, &[("what", &what)])
    )];
    let usage = get(ContextKind::Usage).unwrap_or_default();
    let usage = usage.trim().trim_start_matches("Usage:").trim().to_string();
    if !usage.is_empty() {
        lines.push(U::Usage.fill(lang, &[("usage", &usage)]));
    }
    // The command as far as it names one: `pavilion ballot`.
    let command: Vec<&str> = usage
        .split_whitespace()
        .take_while(|w| !w.starts_with(['<', '[', '-']))
        .collect();
    let command = match command.join(" ") {
        c if c.is_empty() => "pavilion".to_string(),
        c => c,
    };
    lines.push(U::MoreHelp.fill(lang, &[("command", &command)]));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_is_read_before_clap_reads_the_line() {
        let args = |v: &[&str]| {
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .into_iter()
        };
        assert_eq!(
            lang_in_args(args(&["--lang", "zh", "ballot"])),
            Some(Lang::Zh)
        );
        assert_eq!(lang_in_args(args(&["ballot", "--lang=en"])), Some(Lang::En));
        assert_eq!(lang_in_args(args(&["ballot", "--lang", "fr"])), None);
        assert_eq!(lang_in_args(args(&["ballot"])), None);
    }
}
