//! `export MEETING --format md|html|json|csv [--public] [-o FILE]`: the minutes or the public notice.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::{Args, ValueEnum};

use crate::export::{self, Format, Options, Variant};
use crate::i18n::{CliText, CmdText as K, said};
use crate::lang::Lang;
use crate::store::Store;

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// The meeting id (or `latest`)
    pub meeting: String,
    /// md, html, json or csv (the roll call) [default: from the -o file's extension]
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
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    #[value(alias = "markdown")]
    Md,
    #[value(alias = "htm")]
    Html,
    Json,
    Csv,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Md => Format::Markdown,
            FormatArg::Html => Format::Html,
            FormatArg::Json => Format::Json,
            FormatArg::Csv => Format::Csv,
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
    let variant = if a.public {
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
    if a.public {
        let m = store.meeting(meeting)?;
        let to = options.objections_to.is_some() || m.objections_to.is_some();
        let until = options.objections_until.is_some() || m.objections_until.is_some();
        if !(to && until) {
            eprintln!(
                "pavilion: {}: {}",
                CliText::Note.get(lang),
                K::NoticeBlanks.get(lang)
            );
        }
    }
    let bytes = export::export_with(store, meeting, &options)?;
    match a.output {
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes)
                .and_then(|()| out.flush())
                .map_err(|e| said!(K::CannotWrite, path = "stdout", error = e))?;
        }
        Some(path) => {
            let path = if path.is_dir() {
                path.join(export::default_file_name(
                    &store.meeting(meeting)?,
                    format,
                    variant,
                    lang,
                ))
            } else {
                path
            };
            write_atomically(&path, &bytes)?;
            println!("{}", K::Wrote.fill(lang, &[("path", &path.display())]));
        }
    }
    Ok(())
}

/// Writes a temporary file next to `path`, flushes it to disk, then renames it over `path`: a
/// reader (or a pulled USB stick) never sees half a file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| said!(K::NotAFileName, path = path.display()))?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let written = (|| -> std::io::Result<()> {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(said!(K::CannotWrite, path = path.display(), error = e).into());
    }
    Ok(())
}
