//! The host's side of the room display (`pavilion show`): which item is open, and what the host chose
//! to show (`D` on the item screen cycles: follow me → agenda → this item's result → blank). Written
//! to the store's display row whenever it changes, through the same store thread as everything else.

use jiff::Timestamp;

use crate::store::{DisplayMode, DisplayState};

use super::app::{App, Screen};
use super::worker::Request;

/// What the host chose, and what was last written.
#[derive(Clone, Debug, Default)]
pub struct DisplaySync {
    pub mode: DisplayMode,
    pub shown_item: Option<i64>,
    sent: Option<DisplayState>,
}

/// `D`: the next choice. "Result" shows the item the host is on.
pub fn cycle(app: &mut App) {
    let item = app.current_item().map(|i| i.number);
    let d = &mut app.display;
    d.mode = match d.mode {
        DisplayMode::Follow => DisplayMode::Agenda,
        DisplayMode::Agenda if item.is_some() => DisplayMode::Result,
        DisplayMode::Agenda | DisplayMode::Result => DisplayMode::Blank,
        DisplayMode::Blank => DisplayMode::Follow,
    };
    d.shown_item = (d.mode == DisplayMode::Result).then_some(item).flatten();
    let text = crate::i18n::ShowText::Choice.fill(
        app.lang,
        &[("choice", &mode_label(app.display.mode).get(app.lang))],
    );
    app.say(text);
}

fn mode_label(mode: DisplayMode) -> crate::i18n::ShowText {
    use crate::i18n::ShowText as S;
    match mode {
        DisplayMode::Follow => S::ChoiceFollow,
        DisplayMode::Agenda => S::ChoiceAgenda,
        DisplayMode::Result => S::ChoiceResult,
        DisplayMode::Blank => S::ChoiceBlank,
    }
}

/// The display row as the host's screens stand now, if it differs from what was last written.
/// A running timer's end moves by a second now and then as ticks and clock drift apart: not a change.
pub fn sync(app: &mut App, now: Timestamp) -> Option<Request> {
    let meeting = app.model.as_ref()?.meeting.id;
    let item = match app.screen {
        Screen::Item | Screen::RollCall => app.current_item().map(|i| i.number),
        _ => None,
    };
    let timer_ends = match app.timer {
        Some((left, true)) if left > 0 => Some(now.as_second() + i64::from(left)),
        _ => None,
    };
    let d = &app.display;
    let sent_ends = d
        .sent
        .as_ref()
        .and_then(|s| s.timer_ends.as_deref())
        .and_then(|t| t.parse::<Timestamp>().ok())
        .map(|t| t.as_second());
    let same_timer = match (timer_ends, sent_ends) {
        (Some(a), Some(b)) => (a - b).abs() <= 1,
        (a, b) => a == b,
    };
    let state = DisplayState {
        meeting: Some(meeting),
        item,
        mode: d.mode,
        shown_item: d.shown_item,
        timer_ends: if same_timer {
            d.sent.as_ref().and_then(|s| s.timer_ends.clone())
        } else {
            timer_ends
                .and_then(|s| Timestamp::from_second(s).ok())
                .map(|t| t.to_string())
        },
    };
    if d.sent.as_ref() == Some(&state) {
        return None;
    }
    app.display.sent = Some(state.clone());
    Some(Request::Display(state))
}
