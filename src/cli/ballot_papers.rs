//! `ballots MEETING ITEM` (ballot papers, two to an A4 sheet) and `sign-in-sheet MEETING` (the
//! blank sign-in sheet), as HTML or DOCX, to a file (never over an earlier one) or stdout.

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, ValueEnum};

use crate::export::ballot_paper::{self, BallotPapers};
use crate::export::{self, Format};
use crate::i18n::{CliText, CmdText as K, ExportText, PaperText as P, said};
use crate::lang::Lang;
use crate::store::Store;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PaperFormat {
    #[value(alias = "htm")]
    Html,
    Docx,
}

#[derive(Args, Debug)]
pub struct Output {
    /// html or docx [default: from the -o file's extension, else html]
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<PaperFormat>,
    /// Write to FILE (or into the directory FILE, with a default name) instead of standard output
    #[arg(long = "output", short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite an existing output file (by default it is kept and the new file gets a numbered name)
    #[arg(long)]
    pub force: bool,
}

#[derive(Args, Debug)]
pub struct BallotsArgs {
    /// The meeting id (or `latest`)
    pub meeting: String,
    /// The item number
    pub item: i64,
    /// The day the papers must be back, YYYY-MM-DD (without it, a blank to fill in)
    #[arg(long, value_name = "DATE")]
    pub return_by: Option<String>,
    #[command(flatten)]
    pub out: Output,
}

#[derive(Args, Debug)]
pub struct SheetArgs {
    /// The meeting id (or `latest`)
    pub meeting: String,
    #[command(flatten)]
    pub out: Output,
}

impl Output {
    fn format(&self) -> Result<Format> {
        let from_name = self
            .output
            .as_ref()
            .and_then(|o| o.extension())
            .and_then(|e| e.to_str())
            .map(|e| {
                Format::from_extension(e).filter(|f| matches!(f, Format::Html | Format::Docx))
            });
        Ok(match (self.format, from_name) {
            (Some(PaperFormat::Docx), _) => Format::Docx,
            (Some(PaperFormat::Html), _) | (None, None) => Format::Html,
            (None, Some(Some(f))) => f,
            (None, Some(None)) => return Err(said!(P::NotPaperFormat).into()),
        })
    }

    /// Writes the bytes: to stdout, or to a new file (an earlier one is kept) and says where.
    fn write(self, bytes: &[u8], default_name: String, lang: Lang) -> Result<()> {
        let Some(path) = self.output else {
            return super::reader_left::write_stdout(bytes);
        };
        let path = match export::file::is_folder(&path) {
            true => path.join(default_name),
            false => path,
        };
        let written = export::file::write_new(&path, bytes, self.force)?;
        let line = match written == path {
            true => K::Wrote.fill(lang, &[("path", &path.display())]),
            false => ExportText::Kept.fill(
                lang,
                &[("path", &path.display()), ("new", &written.display())],
            ),
        };
        println!("{line}");
        Ok(())
    }
}

/// `meeting-1-2026-11-28-ballots-item-1-zh.docx`, `meeting-1-2026-11-28-sign-in-sheet-en.html`.
fn file_name(
    store: &Store,
    meeting: i64,
    what: &str,
    format: Format,
    lang: Lang,
) -> Result<String> {
    let m = store.meeting(meeting)?;
    Ok(format!(
        "meeting-{meeting}-{}-{what}-{}.{}",
        m.local_start().date(),
        lang.code(),
        format.extension()
    ))
}

pub fn ballots(store: &Store, a: BallotsArgs, lang: Lang) -> Result<()> {
    let meeting = store.resolve_meeting(&a.meeting)?;
    let format = a.out.format()?;
    let return_by = a.return_by.as_deref().map(super::paper::day).transpose()?;
    let papers = BallotPapers::gather(store, meeting, a.item, lang, return_by)?;
    if papers.long() {
        let n = papers.matter.chars().count();
        let text = P::LongMatter.fill(lang, &[("item", &a.item), ("n", &n)]);
        eprintln!("pavilion: {}: {text}", CliText::Note.get(lang));
    }
    let bytes = match format {
        Format::Docx => ballot_paper::render_docx(&papers),
        _ => ballot_paper::render_html(&papers),
    };
    let name = file_name(
        store,
        meeting,
        &format!("ballots-item-{}", a.item),
        format,
        lang,
    )?;
    a.out.write(&bytes, name, lang)
}

pub fn sign_in_sheet(store: &Store, a: SheetArgs, lang: Lang) -> Result<()> {
    let meeting = store.resolve_meeting(&a.meeting)?;
    let format = a.out.format()?;
    let bytes = export::sign_in_sheet(store, meeting, format, lang)?;
    let name = file_name(store, meeting, "sign-in-sheet", format, lang)?;
    a.out.write(&bytes, name, lang)
}
