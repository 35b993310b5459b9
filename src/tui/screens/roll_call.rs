//! Roll call (唱票): the owners of the item's scope in building/unit/floor order, one key each for
//! yes/no/abstain, step back, undo, "everyone present votes yes" (confirmed), and the live tally.
//! A ballot appears on screen only once the store has committed it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::domain::{Choice, FlatRef};
use crate::i18n::T;
use crate::store::{Method, Presence};
use crate::textwidth::{pad, pad_left, truncate, width};

use super::super::app::{App, Confirm, FormFor, Modal, Screen, Undo, UndoStep};
use super::super::find;
use super::super::form::{Field, Form};
use super::super::keys::Action;
use super::super::roll::Here;
use super::super::worker::Request;

pub fn on_action(app: &mut App, action: Action) {
    let Some(roll) = &app.roll else { return };
    let closed = roll.item.vote_closed;
    let item = roll.item.number;
    let page = app.page.get().max(1) as isize;
    match action {
        Action::Up | Action::StepBack => step(app, -1),
        Action::Down => step(app, 1),
        Action::PageUp => step(app, -page),
        Action::PageDown => step(app, page),
        Action::First => step(app, isize::MIN / 2),
        Action::Last => step(app, isize::MAX / 2),
        Action::Find => app.roll_find = Some(String::new()),
        Action::ShowAll => {
            app.roll_show_all = !app.roll_show_all;
            step(app, 0);
        }
        Action::Yes | Action::No | Action::Abstain if closed => app.warn(app.t(T::VoteClosed)),
        Action::Yes => vote(app, Choice::Yes),
        Action::No => vote(app, Choice::No),
        Action::Abstain => vote(app, Choice::Abstain),
        Action::Undo => match app.undo.pop() {
            Some(u) if !closed => {
                for s in &u.steps {
                    app.pending.insert(s.owner);
                }
                if let Some(i) = u
                    .steps
                    .first()
                    .and_then(|s| app.roll.as_ref().and_then(|r| r.row_of(s.owner)))
                {
                    app.roll_cursor = i;
                }
                app.send(Request::Restore {
                    item: u.item,
                    steps: u.steps,
                    reason: app.t(T::UndoReason).to_string(),
                });
            }
            _ => app.warn(app.t(T::NothingToUndo)),
        },
        Action::AllYes if !closed => {
            let owners: Vec<i64> = roll
                .entries
                .iter()
                .filter(|e| e.vote.is_none() && !app.pending.contains(&e.owner_id))
                .filter(|e| e.here.is_some_and(Here::is_here))
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

/// Moves the cursor by `delta` shown rows (hidden entries are skipped); 0 puts it on a shown row.
fn step(app: &mut App, delta: isize) {
    let Some(roll) = &app.roll else { return };
    let shown: Vec<usize> = (0..roll.entries.len())
        .filter(|&i| app.roll_shows(&roll.entries[i]))
        .collect();
    if shown.is_empty() {
        return;
    }
    let at = shown.partition_point(|&i| i < app.roll_cursor) as isize;
    let to = at.saturating_add(delta).clamp(0, shown.len() as isize - 1);
    app.roll_cursor = shown[to as usize];
}

/// A roll call (re)loaded: a fresh one starts at the first owner who has not voted; the cursor
/// never rests on a hidden row.
pub fn settle(app: &mut App, fresh: bool) {
    let n = app.roll.as_ref().map_or(0, |r| r.entries.len());
    if fresh && n > 0 {
        app.roll_show_all = false;
        next_not_voted(app, n - 1);
    } else {
        step(app, 0);
    }
}

/// After a ballot: the next shown owner who has not voted (from the cursor on, then from the top).
fn next_not_voted(app: &mut App, from: usize) {
    let Some(roll) = &app.roll else { return };
    let waiting = |i: &usize| {
        let e = &roll.entries[*i];
        e.vote.is_none() && !app.pending.contains(&e.owner_id) && app.roll_shows(e)
    };
    let n = roll.entries.len();
    if n == 0 {
        return;
    }
    if let Some(i) = (from + 1..n)
        .chain(0..=from.min(n.saturating_sub(1)))
        .find(waiting)
    {
        app.roll_cursor = i;
    } else {
        app.roll_cursor = from;
        step(app, 1);
    }
}

/// A ballot for the owner under the cursor: straight away if they are here; otherwise the host
/// says how it came; a change to a recorded ballot asks for the reason.
fn vote(app: &mut App, choice: Choice) {
    let Some(roll) = &app.roll else { return };
    let at = app.roll_cursor;
    let Some(e) = roll.entries.get(at) else {
        return;
    };
    if app.pending.contains(&e.owner_id) {
        return app.warn(app.t(T::StillRecording));
    }
    let owner = e.owner_id;
    let ballot = roll.ballot(at);
    let flat = ballot
        .as_ref()
        .map(|b| b.flat.clone())
        .unwrap_or_else(|| roll.first_flat(at).clone());
    if let Some(b) = ballot {
        if b.choice == choice {
            return next_not_voted(app, app.roll_cursor);
        }
        let form = Form::new(
            T::CorrectionTitle,
            vec![Field::line(T::CorrectionReason).with(app.t(T::DefaultCorrection))],
        );
        let purpose = FormFor::Correction {
            owner,
            flat,
            choice,
            method: b.method,
            proxy: b.proxy,
        };
        app.modal = Some(Modal::Form(form, purpose));
        return;
    }
    match roll.presence(at) {
        Some(Presence::Present) => {
            send_ballot(app, owner, flat, choice, Method::InPerson, None, None)
        }
        Some(Presence::Proxy(name)) => {
            send_ballot(app, owner, flat, choice, Method::Proxy, Some(name), None)
        }
        _ => {
            let name = roll.name(at).to_string();
            app.modal = Some(Modal::Channel {
                owner,
                flat,
                name,
                choice,
            });
        }
    }
}

/// Sends one ballot, remembers how to undo it, and moves on; it shows once committed.
pub fn send_ballot(
    app: &mut App,
    owner: i64,
    flat: FlatRef,
    choice: Choice,
    method: Method,
    proxy: Option<String>,
    reason: Option<String>,
) {
    let Some(roll) = &app.roll else { return };
    let Some(at) = roll.row_of(owner) else {
        return;
    };
    let item = roll.item.number;
    let previous = roll.ballot(at);
    app.pending.insert(owner);
    app.undo.push(Undo {
        item,
        steps: vec![UndoStep {
            owner,
            flat: flat.clone(),
            previous,
        }],
    });
    app.send(Request::Ballot {
        item,
        owner,
        flat,
        choice,
        method,
        proxy,
        reason,
    });
    next_not_voted(app, at);
}

/// A key in the "how did this ballot come?" dialog.
pub fn channel_key(app: &mut App, modal: Modal, ev: KeyEvent) {
    let Modal::Channel {
        owner,
        flat,
        name,
        choice,
    } = modal
    else {
        return;
    };
    match ev.code {
        KeyCode::Char('w' | '1') => {
            send_ballot(app, owner, flat, choice, Method::Written, None, None)
        }
        KeyCode::Char('p' | '2') => {
            let form = Form::new(T::ChannelProxy, vec![Field::line(T::ProxyName)]);
            let purpose = FormFor::ProxyBallot {
                owner,
                flat,
                choice,
            };
            app.modal = Some(Modal::Form(form, purpose));
        }
        KeyCode::Char('i' | '3') => {
            // Here after all: signed in first, so the attendance and the ballot agree.
            app.send(Request::Attend {
                flat: flat.clone(),
                presence: Presence::Present,
            });
            send_ballot(app, owner, flat, choice, Method::InPerson, None, None)
        }
        KeyCode::Esc | KeyCode::Char('n' | 'q') => {}
        _ => {
            app.modal = Some(Modal::Channel {
                owner,
                flat,
                name,
                choice,
            })
        }
    }
}

/// A key while `/` searches the roll call: the cursor follows the first match as you type.
pub fn find_key(app: &mut App, ev: KeyEvent) {
    let Some(query) = app.roll_find.as_mut() else {
        return;
    };
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    match ev.code {
        KeyCode::Esc | KeyCode::Enter => {
            app.roll_find = None;
            return;
        }
        KeyCode::Char('u') if ctrl => query.clear(),
        KeyCode::Char(c) if !ctrl => query.push(c),
        KeyCode::Backspace => {
            query.pop();
        }
        _ => return,
    }
    let q = find::normalise(query);
    let Some(roll) = &app.roll else { return };
    if q.is_empty() {
        return;
    }
    let found = (0..roll.entries.len())
        .find(|&i| find::owner_matches(&q, roll.name(i), &roll.flat_texts(i)));
    match found {
        Some(i) => {
            if !app.roll_shows(&roll.entries[i]) {
                app.roll_show_all = true;
            }
            app.roll_cursor = i;
        }
        None => app.warn(app.t(T::NoMatch)),
    }
}

/// The host answered yes to a confirmation.
pub fn confirmed(app: &mut App, c: Confirm) {
    match c {
        Confirm::AllYes { item, owners } => {
            let Some(roll) = &app.roll else { return };
            let mut flats = Vec::new();
            let mut steps = Vec::new();
            for owner in owners {
                let Some(i) = roll.row_of(owner) else {
                    continue;
                };
                let (method, proxy) = match roll.presence(i) {
                    Some(Presence::Proxy(name)) => (Method::Proxy, Some(name)),
                    _ => (Method::InPerson, None),
                };
                let flat = roll.first_flat(i);
                steps.push(UndoStep {
                    owner,
                    flat: flat.clone(),
                    previous: None,
                });
                flats.push((owner, flat.clone(), method, proxy));
            }
            for s in &steps {
                app.pending.insert(s.owner);
            }
            app.undo.push(Undo { item, steps });
            app.send(Request::AllPresentYes { item, flats });
            // As after one ballot: on to whoever has not voted yet (the absent, when shown).
            next_not_voted(app, app.roll_cursor);
        }
        Confirm::Step { item, to } => app.send(Request::Step { item, to }),
        Confirm::Schedule { concern } => {
            app.send(Request::Schedule { concern });
            app.screen = Screen::Overview;
        }
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
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    // The result (once closed) is never cut; the title gives way, then the rule.
    let w = head.width as usize;
    let (right, style) = if item.vote_closed {
        (
            super::wording::vote_state(app, item, &roll.tally),
            th.accent,
        )
    } else {
        (super::wording::rule_text(app, &item.rule), th.dim)
    };
    let title = format!("{}. {}", item.number, item.title);
    let title = truncate(&title, w.saturating_sub(width(&right) + 2).max(12));
    let right = truncate(&right, w.saturating_sub(width(&title) + 2));
    Paragraph::new(Line::from(vec![
        Span::styled(title, th.title),
        Span::raw("  "),
        Span::styled(right, style),
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
    let shown: Vec<usize> = (0..roll.entries.len())
        .filter(|&i| app.roll_shows(&roll.entries[i]))
        .collect();
    let hidden = roll.entries.len() - shown.len();
    let rows = inner.height.saturating_sub(1 + u16::from(hidden > 0)) as usize;
    app.page.set(rows.saturating_sub(1).max(1));
    let at = shown.partition_point(|&i| i < app.roll_cursor);
    let first = at
        .saturating_sub(rows / 2)
        .min(shown.len().saturating_sub(rows));
    if hidden > 0 {
        let note = T::AbsentHidden.fill(app.lang, &[("n", &hidden)]);
        let y = inner.y + inner.height - 1;
        Paragraph::new(Span::styled(note, th.dim)).render(
            Rect {
                y,
                height: 1,
                ..inner
            },
            buf,
        );
    }
    for (row, &i) in shown.iter().enumerate().skip(first).take(rows) {
        let e = &roll.entries[i];
        let more = roll.flats(i).len() - 1;
        let flats = if more > 0 {
            format!("{}+{more}", roll.first_flat(i))
        } else {
            roll.first_flat(i).to_string()
        };
        let here = match e.here {
            Some(Here::Present) => ("●", th.ok),
            Some(Here::Proxy) => (app.t(T::KeyProxy), th.accent),
            Some(Here::Left) => (app.t(T::Left), th.dim),
            None => ("○", th.dim),
        };
        let ballot = if app.pending.contains(&e.owner_id) {
            Span::styled(app.t(T::Pending), th.dim)
        } else {
            match &e.vote {
                Some(b) => {
                    let (text, style) = match b.choice {
                        Choice::Yes => (app.t(T::Yes), th.yes),
                        Choice::No => (app.t(T::No), th.no),
                        Choice::Abstain => (app.t(T::Abstain), th.abstain),
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
            Span::raw(pad(roll.name(i), name_w)),
            Span::raw(format!("{} ", pad_left(&e.area.to_string(), area_w - 1))),
            Span::styled(pad(here.0, here_w), here.1),
            ballot,
        ]);
        if i == app.roll_cursor {
            line = line.style(th.selected);
        }
        let y = inner.y + 1 + (row - first) as u16;
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
    super::tally_view::draw_panel(app, &roll.item, &roll.tally, panel, buf);
}

/// The dialog asking how a ballot for an absent owner came.
pub fn draw_channel(app: &App, flat: &str, name: &str, area: Rect, buf: &mut Buffer) {
    let th = app.theme;
    let title = T::ChannelTitle.fill(app.lang, &[("flat", &flat), ("name", &name)]);
    let mut lines = vec![Line::styled(title, th.title), Line::raw("")];
    for (k, t) in [
        ("w/1", T::ChannelWritten),
        ("p/2", T::ChannelProxy),
        ("i/3", T::ChannelInPerson),
        ("Esc", T::KeyCancel),
    ] {
        lines.push(Line::from(vec![
            Span::styled(format!(" {k} "), th.key),
            Span::raw(format!(" {}", app.t(t))),
        ]));
    }
    super::draw_dialog(app, lines, area, buf);
}
