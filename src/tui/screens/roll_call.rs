//! Roll call (唱票): the owners of the item's scope in building/unit/floor order, one key each for
//! yes/no/abstain, step back, undo, "everyone present votes yes" (confirmed), and the live tally.
//! A ballot appears on screen only once the store has committed it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use crate::domain::Choice;
use crate::i18n::T;
use crate::store::{Method, Presence};
use crate::textwidth::{pad, pad_left};

use super::super::app::{App, Confirm, Modal, Screen, Undo};
use super::super::keys::Action;
use super::super::worker::Request;

pub fn on_action(app: &mut App, action: Action) {
    let Some(roll) = &app.roll else { return };
    let n = roll.entries.len();
    let closed = roll.item.vote_closed;
    let item = roll.item.number;
    match action {
        Action::Up | Action::StepBack => app.roll_cursor = app.roll_cursor.saturating_sub(1),
        Action::Down => app.roll_cursor = (app.roll_cursor + 1).min(n.saturating_sub(1)),
        Action::Yes | Action::No | Action::Abstain if closed => app.warn(app.t(T::VoteClosed)),
        Action::Yes => vote(app, Choice::Yes),
        Action::No => vote(app, Choice::No),
        Action::Abstain => vote(app, Choice::Abstain),
        Action::Undo => match app.undo.pop() {
            Some(u) if !closed => {
                app.pending.insert(u.owner);
                if let Some(&i) = app.roll.as_ref().and_then(|r| r.index.get(&u.owner)) {
                    app.roll_cursor = i;
                }
                app.send(Request::Restore {
                    item: u.item,
                    owner: u.owner,
                    flat: u.flat,
                    previous: u.previous,
                });
            }
            _ => app.warn(app.t(T::NothingToUndo)),
        },
        Action::AllYes if !closed => {
            let owners: Vec<i64> = roll
                .entries
                .iter()
                .filter(|e| e.ballot.is_none() && !app.pending.contains(&e.owner_id))
                .filter(|e| e.presence.as_ref().is_some_and(Presence::is_here))
                .map(|e| e.owner_id)
                .collect();
            app.modal = Some(Modal::Confirm(Confirm::AllYes { item, owners }));
        }
        Action::CloseVote if !closed => {
            app.modal = Some(Modal::Confirm(Confirm::CloseVote { item }))
        }
        _ => {}
    }
}

/// Sends the ballot of the owner under the cursor and moves on; it shows once committed.
fn vote(app: &mut App, choice: Choice) {
    let Some(roll) = &app.roll else { return };
    let Some(e) = roll.entries.get(app.roll_cursor) else {
        return;
    };
    let (method, proxy) = match &e.presence {
        Some(Presence::Proxy(name)) => (Method::Proxy, Some(name.clone())),
        _ => (Method::InPerson, None),
    };
    let flat = e
        .ballot
        .as_ref()
        .map(|b| b.flat.clone())
        .unwrap_or_else(|| e.flats[0].clone());
    let undo = Undo {
        item: roll.item.number,
        owner: e.owner_id,
        flat: flat.clone(),
        previous: e.ballot.clone(),
    };
    let request = Request::Ballot {
        item: roll.item.number,
        owner: e.owner_id,
        flat,
        choice,
        method,
        proxy,
    };
    let (owner, last) = (e.owner_id, roll.entries.len().saturating_sub(1));
    app.pending.insert(owner);
    app.undo.push(undo);
    app.send(request);
    app.roll_cursor = (app.roll_cursor + 1).min(last);
}

/// The host answered yes to a confirmation.
pub fn confirmed(app: &mut App, c: Confirm) {
    match c {
        Confirm::AllYes { item, owners } => {
            let Some(roll) = &app.roll else { return };
            let mut flats = Vec::new();
            for owner in owners {
                let Some(e) = roll.index.get(&owner).map(|&i| &roll.entries[i]) else {
                    continue;
                };
                let (method, proxy) = match &e.presence {
                    Some(Presence::Proxy(name)) => (Method::Proxy, Some(name.clone())),
                    _ => (Method::InPerson, None),
                };
                app.undo.push(Undo {
                    item,
                    owner,
                    flat: e.flats[0].clone(),
                    previous: None,
                });
                app.pending.insert(owner);
                flats.push((owner, e.flats[0].clone(), method, proxy));
            }
            app.send(Request::AllPresentYes { item, flats });
        }
        Confirm::Step { item, to } => app.send(Request::Step { item, to }),
        Confirm::CloseVote { item } => {
            app.undo.clear();
            app.send(Request::CloseVote { item });
            if app.screen == Screen::Item {
                app.roll = None;
            }
        }
    }
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let th = app.theme;
    let Some(roll) = &app.roll else {
        Paragraph::new(app.t(T::Pending)).render(area, buf);
        return;
    };
    let item = &roll.item;
    let closed = if item.vote_closed {
        let r = if roll.tally.passed {
            T::ResultPassed
        } else {
            T::ResultFailed
        };
        format!("  [{} · {}]", app.t(T::VoteClosed), app.t(r))
    } else {
        String::new()
    };
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    Paragraph::new(Line::from(vec![
        Span::styled(format!("{}. {}", item.number, item.title), th.title),
        Span::styled(
            format!("  {}", super::rule_label(&item.rule.name).get(app.lang)),
            th.dim,
        ),
        Span::styled(closed, th.accent),
    ]))
    .render(head, buf);
    let list_w = (body.width * 58 / 100).max(47);
    let [list, panel] =
        Layout::horizontal([Constraint::Length(list_w), Constraint::Min(20)]).areas(body);

    let block = Block::default().borders(Borders::RIGHT);
    let inner = block.inner(list);
    block.render(list, buf);
    let w = inner.width as usize;
    // The ballot column keeps room for "同意（书面）" / "Abstain (written)"; the name takes the rest.
    let (flat_w, area_w, here_w, ballot_w) = (10, 8, 7, 12);
    let name_w = w
        .saturating_sub(flat_w + area_w + here_w + ballot_w + 1)
        .clamp(6, 24);
    let header = format!(
        "{}{}{} {}{}",
        pad(app.t(T::Flat), flat_w),
        pad(app.t(T::Owner), name_w),
        pad_left(app.t(T::Area), area_w - 1),
        pad(app.t(T::Presence), here_w),
        app.t(T::Ballot)
    );
    Paragraph::new(Span::styled(header, th.dim)).render(Rect { height: 1, ..inner }, buf);
    let rows = inner.height.saturating_sub(1) as usize;
    let cursor = app.roll_cursor.min(roll.entries.len().saturating_sub(1));
    let first = cursor
        .saturating_sub(rows / 2)
        .min(roll.entries.len().saturating_sub(rows));
    for (i, e) in roll.entries.iter().enumerate().skip(first).take(rows) {
        let flats = if e.flats.len() > 1 {
            format!("{}+{}", e.flats[0], e.flats.len() - 1)
        } else {
            e.flats[0].to_string()
        };
        let here = match &e.presence {
            Some(Presence::Present) => ("●", th.ok),
            Some(Presence::Proxy(_)) => (app.t(T::KeyProxy), th.accent),
            Some(Presence::Left) => (app.t(T::Left), th.dim),
            None => ("○", th.dim),
        };
        let ballot = if app.pending.contains(&e.owner_id) {
            Span::styled(app.t(T::Pending), th.dim)
        } else {
            match &e.ballot {
                Some(b) => {
                    let (text, style) = match b.choice {
                        Some(Choice::Yes) => (app.t(T::Yes), th.yes),
                        Some(Choice::No) => (app.t(T::No), th.no),
                        Some(Choice::Abstain) => (app.t(T::Abstain), th.abstain),
                        None => ("", th.dim),
                    };
                    let how = match b.method {
                        Method::Written => format!("({})", app.t(T::Written)),
                        Method::Proxy => format!("({})", app.t(T::KeyProxy)),
                        Method::InPerson => String::new(),
                    };
                    Span::styled(format!("{text}{how}"), style)
                }
                None => Span::styled("·", th.dim),
            }
        };
        let mut line = Line::from(vec![
            Span::raw(pad(&flats, flat_w)),
            Span::raw(pad(&e.owner_name, name_w)),
            Span::raw(format!("{} ", pad_left(&e.area.to_string(), area_w - 1))),
            Span::styled(pad(here.0, here_w), here.1),
            ballot,
        ]);
        if i == cursor {
            line = line.style(th.selected);
        }
        let y = inner.y + 1 + (i - first) as u16;
        Paragraph::new(line).render(
            Rect {
                y,
                height: 1,
                ..inner
            },
            buf,
        );
    }
    let panel = Rect {
        x: panel.x + 1,
        width: panel.width.saturating_sub(1),
        ..panel
    };
    super::tally_view::draw_panel(app, &roll.tally, panel, buf);
}
