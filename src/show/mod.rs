//! `pavilion show [MEETING]`: the room's display for a projector or TV, in a second terminal window.
//!
//! It follows the host's database from another process: a read-only connection (it works while the host's
//! screens hold the database), change detection by polling `PRAGMA data_version` every
//! [`POLL`] — so a commit is on the display within about that — and nothing else while nothing changes.
//! It never writes and takes no lock; when the host's program quits it says it waits for the host and
//! goes on when the host comes back. It shows no names and no phone numbers: flats only as counts.

pub mod digits;
pub mod draw;
pub mod model;
pub mod source;
pub mod theme;

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Result;
use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};

use crate::lang::Lang;
use model::{Board, View};
use source::Source;
use theme::{ShowTheme, ThemeName};

/// How often the database is asked whether anything was committed.
pub const POLL: Duration = Duration::from_millis(100);

/// Opens the display until `q`, Esc or Ctrl-C.
pub fn run(path: &Path, meeting: Option<i64>, lang: Lang, theme: ThemeName) -> Result<()> {
    let theme = ShowTheme::new(theme);
    let mut source = Source::new(path, meeting);
    let mut board = Board {
        meeting_title: String::new(),
        host_here: false,
        view: View::Blank,
        timer_ends: None,
    };
    let mut terminal = crate::tui::open_terminal()?;
    let result = (|| -> Result<()> {
        let mut dirty = true;
        let mut last_second = 0;
        loop {
            if let Some(new) = source.poll() {
                board = new;
                dirty = true;
            }
            let now = jiff::Timestamp::now();
            // A running timer counts down once a second; nothing else redraws by the clock.
            if board.timer_ends.is_some_and(|t| t >= now) && now.as_second() != last_second {
                last_second = now.as_second();
                dirty = true;
            }
            if dirty {
                let started = Instant::now();
                terminal
                    .draw(|f| draw::draw(&board, lang, &theme, now, f.area(), f.buffer_mut()))?;
                tracing::debug!(
                    micros = started.elapsed().as_micros() as u64,
                    "display redrawn"
                );
                dirty = false;
            }
            if event::poll(POLL)? {
                match event::read()? {
                    Event::Key(k) if k.kind == KeyEventKind::Press => {
                        let ctrl_c = k.code == KeyCode::Char('c')
                            && k.modifiers.contains(KeyModifiers::CONTROL);
                        if ctrl_c || matches!(k.code, KeyCode::Char('q') | KeyCode::Esc) {
                            return Ok(());
                        }
                    }
                    Event::Resize(..) => dirty = true,
                    _ => {}
                }
            }
        }
    })();
    ratatui::restore();
    result
}
