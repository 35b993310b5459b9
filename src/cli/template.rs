//! `agenda-template [MEETING] [-o FILE] [--force]`: the meeting as a commented agenda file.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use crate::export::agenda_template::agenda_template;
use crate::i18n::{CmdText as K, ExportText};
use crate::lang::Lang;
use crate::store::Store;

#[derive(Args, Debug)]
pub struct TemplateArgs {
    /// The meeting id (or `latest`) [default: latest]
    pub meeting: Option<String>,
    /// Write to FILE instead of standard output
    #[arg(long = "output", short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite an existing file (by default it is kept and the new file gets a numbered name)
    #[arg(long)]
    pub force: bool,
}

pub fn run(store: &Store, a: TemplateArgs, lang: Lang) -> Result<()> {
    let meeting =
        store.meeting(store.resolve_meeting(a.meeting.as_deref().unwrap_or("latest"))?)?;
    let mut items = Vec::new();
    for item in store.items(meeting.id)? {
        let plan = store.cost_plan(item.id)?.map(|p| p.plan);
        items.push((item, plan));
    }
    let notice = store.notice_settings(meeting.id)?;
    let text = agenda_template(&meeting, &notice, &items);
    match a.output {
        None => super::reader_left::write_stdout(text.as_bytes())?,
        Some(path) => {
            let written = crate::export::file::write_new(&path, text.as_bytes(), a.force)?;
            if written == path {
                println!("{}", K::Wrote.fill(lang, &[("path", &path.display())]));
            } else {
                let args: [(&str, &dyn std::fmt::Display); 2] =
                    [("path", &path.display()), ("new", &written.display())];
                println!("{}", ExportText::Kept.fill(lang, &args));
            }
        }
    }
    Ok(())
}
