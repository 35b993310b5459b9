//! The discussion (支部议事): who asked to speak, who is speaking, and their countdown. The
//! length is set for the meeting (3 minutes unless the host changes it); at 30 seconds the time
//! turns to a warning, at zero the terminal bell rings (the host can turn it off). A note taken
//! while someone speaks is theirs.

use std::collections::VecDeque;

use ratatui::text::{Line, Span};

use crate::i18n::T;

use super::super::app::App;

/// The speaking time a turn starts with (3 minutes, a common rule of procedure).
pub const DEFAULT_SECONDS: u32 = 180;
/// The step by which the host changes the length.
const STEP: u32 = 30;
/// When the countdown turns to a warning.
pub const WARN_AT: u32 = 30;

#[derive(Clone, Debug)]
pub struct Queue {
    /// Names waiting, in the order they asked.
    pub waiting: VecDeque<String>,
    /// Who has the floor.
    pub speaking: Option<String>,
    pub bell: bool,
    /// The bell is due (read and cleared by the loop, which rings the terminal).
    pub ring: bool,
}

impl Default for Queue {
    fn default() -> Queue {
        Queue {
            waiting: VecDeque::new(),
            speaking: None,
            bell: true,
            ring: false,
        }
    }
}

/// The next in line takes the floor with a fresh countdown.
pub fn next(app: &mut App) {
    match app.speakers.waiting.pop_front() {
        Some(name) => {
            app.speakers.speaking = Some(name);
            app.timer = Some((length(app), true));
        }
        None => {
            app.speakers.speaking = None;
            app.timer = None;
            app.warn(app.t(T::NoOneWaiting));
        }
    }
}

/// The speaker is done: the floor is free, the countdown stops.
pub fn done(app: &mut App) {
    app.speakers.speaking = None;
    app.timer = None;
}

/// The turn of the item on screen: as the host set it for the item or the meeting, else 3 minutes.
pub fn length(app: &App) -> u32 {
    app.current_item()
        .and_then(|i| app.model.as_ref()?.turns.get(&i.id).copied())
        .unwrap_or(DEFAULT_SECONDS)
}

/// Longer or shorter turns for this item, from the next turn on; saved, so the length holds after
/// a restart and becomes the meeting's for items without their own.
pub fn adjust(app: &mut App, longer: bool) {
    let Some(item) = app.current_item().cloned() else {
        return;
    };
    let old = length(app);
    let seconds = if longer {
        (old + STEP).min(crate::store::MAX_TURN_SECONDS)
    } else {
        old.saturating_sub(STEP).max(STEP)
    };
    if let Some(m) = &mut app.model {
        m.turns.insert(item.id, seconds);
    }
    app.send(super::super::worker::Request::TurnLength {
        item: item.number,
        seconds,
    });
    let text = T::TurnLength.fill(
        app.lang,
        &[
            ("m", &(seconds / 60)),
            ("s", &format!("{:02}", seconds % 60)),
        ],
    );
    app.say(text);
}

pub fn toggle_bell(app: &mut App) {
    app.speakers.bell = !app.speakers.bell;
    let t = if app.speakers.bell {
        T::BellOn
    } else {
        T::BellOff
    };
    app.say(app.t(t));
}

/// One second of the countdown; at zero the bell is due (once).
pub fn tick(app: &mut App) -> bool {
    match &mut app.timer {
        Some((left, true)) if *left > 0 => {
            *left -= 1;
            if *left == 0 && app.speakers.bell {
                app.speakers.ring = true;
            }
            true
        }
        _ => false,
    }
}

/// The line under the item's title: who speaks, the time left, who waits.
pub fn line(app: &App) -> Option<Line<'static>> {
    let q = &app.speakers;
    if q.speaking.is_none() && q.waiting.is_empty() && app.timer.is_none() {
        return None;
    }
    let th = app.theme;
    let mut spans = Vec::new();
    if let Some((left, running)) = app.timer {
        let style = if left == 0 {
            th.bad
        } else if left <= WARN_AT {
            th.warn
        } else {
            th.accent
        };
        let who = q
            .speaking
            .as_ref()
            .map(|w| format!(" {w}"))
            .unwrap_or_default();
        let text = if left == 0 {
            format!("{}{who} {}", app.t(T::SpeakingTimer), app.t(T::TimeUp))
        } else {
            format!(
                "{}{who} {:02}:{:02}{}",
                app.t(T::SpeakingTimer),
                left / 60,
                left % 60,
                if running { "" } else { " ‖" }
            )
        };
        spans.push(Span::styled(text, style));
        if left > 0 && left <= WARN_AT {
            spans.push(Span::styled(
                format!(" {}", app.t(T::TimeAlmostUp)),
                th.warn,
            ));
        }
    }
    if !q.waiting.is_empty() {
        let names: Vec<&str> = q.waiting.iter().map(String::as_str).collect();
        let sep = if app.lang == crate::lang::Lang::Zh {
            "、"
        } else {
            ", "
        };
        spans.push(Span::styled(
            format!(
                "   {}",
                T::Waiting.fill(
                    app.lang,
                    &[("n", &names.len()), ("names", &names.join(sep))]
                )
            ),
            th.dim,
        ));
    }
    Some(Line::from(spans))
}
