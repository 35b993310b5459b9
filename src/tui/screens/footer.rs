//! The key footer. `?` and `Esc` always show; the screen's own keys follow in the table's order
//! as long as they fit whole; whatever does not fit is in the `?` help.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::i18n::T;
use crate::textwidth::width;

use super::super::app::{App, Modal, Screen};
use super::super::keys::{Action, footer, keys_label};

/// One footer entry: the key as written and what it does.
type Entry = (String, String);

/// The entries that fit in `room` columns: `always` kept (at the end), `rest` in priority order
/// up to the first that does not fit whole.
fn fit(rest: Vec<Entry>, always: Vec<Entry>, room: usize) -> Vec<Entry> {
    let cost = |(k, l): &Entry| width(k) + width(l) + 4;
    let mut left = room.saturating_sub(always.iter().map(cost).sum());
    let mut out = Vec::new();
    for e in rest {
        if cost(&e) > left {
            break;
        }
        left -= cost(&e);
        out.push(e);
    }
    out.extend(always);
    out
}

fn entries_of_screen(app: &App) -> (Vec<Entry>, Vec<Entry>) {
    let (mut rest, mut always) = (Vec::new(), Vec::new());
    let closed =
        app.screen == Screen::RollCall && app.roll.as_ref().is_some_and(|r| r.item.vote_closed);
    for b in footer(app.screen_keys()) {
        // A closed vote takes no ballots: its keys would only be refused.
        let voting = matches!(
            b.action,
            Action::Yes
                | Action::No
                | Action::Abstain
                | Action::Undo
                | Action::AllYes
                | Action::CloseVote
        );
        if closed && voting {
            continue;
        }
        let e = (keys_label(b), b.label.get(app.lang).to_string());
        if matches!(b.action, Action::Help | Action::Back | Action::Quit) {
            always.push(e);
        } else {
            rest.push(e);
        }
    }
    (rest, always)
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let t = |k: &str, l: T| (k.to_string(), app.t(l).to_string());
    let mut prefix: Vec<Span> = Vec::new();
    let (rest, always) = match (&app.modal, app.screen) {
        (Some(Modal::Form(form, _)), _) => form_entries(app, &form.keys),
        (None, Screen::Raise) => form_entries(app, &app.raise.keys),
        (Some(Modal::Confirm(_)), _) => (vec![], vec![t("Y", T::KeyConfirm), t("N", T::KeyCancel)]),
        (Some(Modal::Channel { .. }), _) => (vec![], vec![t("Esc", T::KeyCancel)]),
        (Some(Modal::Help), _) => (vec![], vec![t("Esc", T::KeyBack)]),
        (None, Screen::RollCall) if app.roll_find.is_some() => {
            let typed = app.roll_find.clone().unwrap_or_default();
            prefix.push(Span::styled(
                format!(" {}", app.t(T::FindPrompt)),
                app.theme.title,
            ));
            prefix.push(Span::raw(typed));
            prefix.push(Span::styled(" ", app.theme.selected));
            prefix.push(Span::raw(" "));
            (vec![], vec![t("Enter", T::KeyJump), t("Esc", T::KeyCancel)])
        }
        _ => entries_of_screen(app),
    };
    let used: usize = prefix.iter().map(|s| width(&s.content)).sum();
    let room = (area.width as usize).saturating_sub(used);
    let mut spans = prefix;
    for (k, l) in fit(rest, always, room) {
        spans.push(Span::styled(format!(" {k} "), app.theme.key));
        spans.push(Span::raw(format!(" {l} ")));
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}

/// A form's keys: saving and cancelling always show.
fn form_entries(app: &App, keys: &[(&'static str, T)]) -> (Vec<Entry>, Vec<Entry>) {
    let (mut rest, mut always) = (Vec::new(), Vec::new());
    for (k, l) in keys {
        let e = (k.to_string(), app.t(*l).to_string());
        if matches!(*k, "Esc" | "F2") {
            always.push(e);
        } else {
            rest.push(e);
        }
    }
    (rest, always)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_always_entries_and_drops_what_does_not_fit() {
        let e = |k: &str, l: &str| (k.to_string(), l.to_string());
        let rest = vec![e("y", "同意同意"), e("a", "abstain"), e("n", "no")];
        let always = vec![e("?", "help"), e("Esc", "back")];
        let got = fit(rest, always, 40);
        let keys: Vec<&str> = got.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            ["y", "?", "Esc"],
            "in order: nothing after the first that does not fit"
        );
    }
}
