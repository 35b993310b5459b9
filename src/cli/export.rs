//! `export MEETING --format md|html|json|csv|docx|xlsx [--public] [-o FILE]`: the minutes or the public notice.

use std::io::{BufWriter, ErrorKind, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::{Args, ValueEnum};

use crate::export::{self, ExportError, Format, Options, Variant};
use crate::i18n::terms::counted;
use crate::i18n::{CliText, CmdText as K, ExportText, said};
use crate::lang::Lang;
use crate::store::Store;

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// The meeting id (or `latest`)
    pub meeting: String,
    /// md, html, json, csv (the roll call), docx, or xlsx (roll call, sign-in list, action ledger)
    /// [default: from the -o file's extension]
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<FormatArg>,
    /// The public notice (公示): owners' names masked, no phone numbers
    #[arg(long)]
    pub public: bool,
    /// Write to FILE (or into the directory FILE, with a default name) instead of standard output
    #[arg(long = "output", short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Where residents raise objections to the notice [default: from the agenda]
    #[arg(long, value_name = "TEXT")]
    pub objections_to: Option<String>,
    /// Last day for objections, YYYY-MM-DD [default: from the agenda]
    #[arg(long, value_name = "DATE")]
    pub objections_until: Option<String>,
    /// Review the public notice before posting: list what it masked and what may still name a
    /// person; writes nothing and fails if anything is left to review (implies --public)
    #[arg(long)]
    pub check: bool,
    /// Overwrite an existing output file (by default it is kept and the new file gets a numbered name)
    #[arg(long)]
    pub force: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    #[value(alias = "markdown")]
    Md,
    #[value(alias = "htm")]
    Html,
    Json,
    Csv,
    Docx,
    Xlsx,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Md => Format::Markdown,
            FormatArg::Html => Format::Html,
            FormatArg::Json => Format::Json,
            FormatArg::Csv => Format::Csv,
            FormatArg::Docx => Format::Docx,
            FormatArg::Xlsx => Format::Xlsx,
        }
    }
}

impl From<super::args::Lang> for Lang {
    fn from(l: super::args::Lang) -> Lang {
        match l {
            super::args::Lang::Zh => Lang::Zh,
            super::args::Lang::En => Lang::En,
        }
    }
}

pub fn run(store: &Store, a: ExportArgs, lang: Lang) -> Result<()> {
    let meeting = store.resolve_meeting(&a.meeting)?;
    let format = match (a.format, &a.output) {
        (Some(f), _) => Format::from(f),
        (None, Some(out)) => out
            .extension()
            .and_then(|e| e.to_str())
            .and_then(Format::from_extension)
            .ok_or_else(|| said!(K::FormatFromName, path = out.display()))?,
        // The check reads the notice's text, whatever format it would be written in.
        (None, None) if a.check => Format::Markdown,
        (None, None) => return Err(said!(K::NoFormat).into()),
    };
    let objections_until = a
        .objections_until
        .as_deref()
        .map(|d| {
            crate::domain::written::parse_date(d, jiff::Zoned::now().year())
                .ok_or_else(|| said!(K::ObjectionsUntil, text = d))
        })
        .transpose()?;
    let variant = if a.public || a.check {
        Variant::PublicNotice
    } else {
        Variant::Minutes
    };
    let options = Options {
        format,
        variant,
        lang,
        objections_to: a.objections_to,
        objections_until,
    };
    if variant == Variant::PublicNotice {
        let m = store.meeting(meeting)?;
        let to = options.objections_to.is_some() || m.objections_to.is_some();
        let until = options.objections_until.is_some()
            || m.objections_until.is_some()
            || store.notice_settings(meeting)?.posted_on.is_some();
        if !(to && until) {
            eprintln!(
                "pavilion: {}{}",
                crate::i18n::terms::label(lang, CliText::Note.get(lang)),
                K::NoticeBlanks.get(lang)
            );
        }
        super::paper::notice_blanks(store, meeting, lang)?;
    }
    let snapshot = export::prepare(store, meeting, &options)?;
    if variant == Variant::PublicNotice {
        let m = snapshot.masked();
        eprintln!(
            "pavilion: {}",
            ExportText::Masked.fill(
                lang,
                &[
                    (
                        "names",
                        &counted(lang, m.names, ExportText::Name, ExportText::Names)
                    ),
                    (
                        "phones",
                        &counted(
                            lang,
                            m.phones,
                            ExportText::PhoneNumber,
                            ExportText::PhoneNumbers
                        )
                    ),
                    (
                        "ids",
                        &counted(lang, m.ids, ExportText::IdNumber, ExportText::IdNumbers)
                    ),
                    (
                        "emails",
                        &counted(lang, m.emails, ExportText::Email, ExportText::Emails)
                    ),
                ]
            )
        );
    }
    if a.check {
        return check(&snapshot, lang);
    }
    // Written as it is made: the file (or standard output) gets the rows as they come.
    let render = |to: &mut dyn Write| export::render_to(&snapshot, format, lang, to);
    match a.output {
        None => {
            let mut out = BufWriter::with_capacity(256 * 1024, std::io::stdout().lock());
            let written = render(&mut out).and_then(|()| Ok(out.flush()?));
            match written.map_err(ExportError::into_io) {
                Ok(()) => {}
                Err(Ok(e)) if e.kind() == ErrorKind::BrokenPipe => {
                    return Err(super::reader_left::ReaderLeft.into());
                }
                Err(Ok(e)) => {
                    return Err(export::file::cannot_write(Path::new("stdout"), &e).into());
                }
                Err(Err(e)) => return Err(e.into()),
            }
        }
        Some(path) => {
            let path = if export::file::is_folder(&path) {
                path.join(export::default_file_name(
                    &store.meeting(meeting)?,
                    format,
                    variant,
                    lang,
                ))
            } else {
                path
            };
            let written = export::file::write_new_with(&path, a.force, |w| {
                render(w).map_err(|e| match e.into_io() {
                    Ok(e) => anyhow::Error::from(export::file::cannot_write(&path, &e)),
                    Err(e) => e.into(),
                })
            })?;
            if written == path {
                println!("{}", K::Wrote.fill(lang, &[("path", &path.display())]));
            } else {
                println!(
                    "{}",
                    ExportText::Kept.fill(
                        lang,
                        &[("path", &path.display()), ("new", &written.display())]
                    )
                );
            }
        }
    }
    // The process ends after this command: the snapshot is left to the system, not freed row by
    // row (tens of milliseconds at 20,000 ballots).
    std::mem::forget(snapshot);
    Ok(())
}

/// Lists what on the notice may still name a person; fails if there is anything to review.
fn check(notice: &export::MeetingSnapshot, lang: Lang) -> Result<()> {
    let found = notice.suspicious(lang);
    if found.is_empty() {
        println!("{}", ExportText::CheckClean.get(lang));
        return Ok(());
    }
    let n = |lang| counted(lang, found.len(), ExportText::Passage, ExportText::Passages);
    println!("{}", ExportText::CheckFound.fill(lang, &[("n", &n(lang))]));
    for f in &found {
        println!("  {f}");
    }
    Err(said!(ExportText::CheckFailed)
        .both("n", n(Lang::Zh), n(Lang::En))
        .into())
}
