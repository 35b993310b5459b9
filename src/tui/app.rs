//! The host's application state: which screen, which modal, what the store last said, and the
//! requests waiting to go to the store. Pure: no terminal, no database — tests drive it with keys.

use std::collections::HashSet;

use jiff::civil::Date;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyEvent, KeyEventKind};

use crate::i18n::T;
use crate::lang::Lang;
use crate::store::BallotRecord;

use super::form::{Form, FormKey};
use super::keys::{Action, On, action_for};
use super::model::{Model, RollCall};
use super::screens;
use super::theme::Theme;
use super::worker::{Reply, Request};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Overview,
    SignIn,
    Item,
    RollCall,
    Actions,
    Raise,
    Export,
}

impl Screen {
    pub fn title(self) -> T {
        match self {
            Screen::Overview => T::ScreenOverview,
            Screen::SignIn => T::ScreenSignIn,
            Screen::Item => T::ScreenItem,
            Screen::RollCall => T::ScreenRollCall,
            Screen::Actions => T::ScreenActions,
            Screen::Raise => T::ScreenRaise,
            Screen::Export => T::ScreenExport,
        }
    }

    fn keys(self) -> On {
        match self {
            Screen::Overview => On::Overview,
            Screen::SignIn => On::SignIn,
            Screen::Item => On::Item,
            Screen::RollCall => On::RollCall,
            Screen::Actions => On::Actions,
            Screen::Raise => On::All,
            Screen::Export => On::Export,
        }
    }
}

/// What a form, once saved, is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormFor {
    Proxy { flat: crate::domain::FlatRef },
    Note { item: i64 },
    Proposal { item: i64 },
    Resolution { item: i64 },
    AddAction { item: Option<i64> },
    Progress { action: i64 },
    CloseAction { action: i64 },
}

/// A question that needs a yes before anything is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Confirm {
    AllYes {
        item: i64,
        owners: Vec<i64>,
    },
    CloseVote {
        item: i64,
    },
    /// Defer or withdraw an item.
    Step {
        item: i64,
        to: crate::domain::Step,
    },
}

pub enum Modal {
    Help,
    Form(Form, FormFor),
    Confirm(Confirm),
}

/// What the host did at the roll call, so `u` can put it back.
#[derive(Clone, Debug)]
pub struct Undo {
    pub item: i64,
    pub owner: i64,
    pub flat: crate::domain::FlatRef,
    pub previous: Option<BallotRecord>,
}

pub struct App {
    pub lang: Lang,
    pub theme: Theme,
    pub today: Date,
    pub screen: Screen,
    pub modal: Option<Modal>,
    pub model: Option<Model>,
    pub roll: Option<RollCall>,
    /// Selected agenda item (index into `model.items`).
    pub selected_item: usize,
    pub sign_in: screens::sign_in::State,
    pub roll_cursor: usize,
    /// Owners whose ballot was sent but not yet committed: shown as "recording…", never as a vote.
    pub pending: HashSet<i64>,
    pub undo: Vec<Undo>,
    pub actions_cursor: usize,
    pub raise: Form,
    pub export: screens::export::State,
    /// Seconds left on the speaking timer, and whether it runs.
    pub timer: Option<(u32, bool)>,
    pub status: Option<(String, bool)>,
    pub quit: bool,
    /// What the room display shows (`pavilion show`), as the host chose it.
    pub display: super::display::DisplaySync,
    outbox: Vec<Request>,
}

/// The speaking time a timer starts with (3 minutes, a common rule of procedure).
pub const SPEAKING_SECONDS: u32 = 180;

impl App {
    pub fn new(lang: Lang, theme: Theme, today: Date) -> App {
        App {
            lang,
            theme,
            today,
            screen: Screen::Overview,
            modal: None,
            model: None,
            roll: None,
            selected_item: 0,
            sign_in: screens::sign_in::State::default(),
            roll_cursor: 0,
            pending: HashSet::new(),
            undo: Vec::new(),
            actions_cursor: 0,
            raise: screens::raise::new_form(),
            export: screens::export::State::default(),
            timer: None,
            status: None,
            quit: false,
            display: Default::default(),
            outbox: vec![Request::Reload],
        }
    }

    pub fn t(&self, t: T) -> &'static str {
        t.get(self.lang)
    }

    pub fn send(&mut self, r: Request) {
        self.outbox.push(r);
    }

    /// Requests for the store, in the order they were made.
    pub fn take_requests(&mut self) -> Vec<Request> {
        if let Some(r) = super::display::sync(self, jiff::Timestamp::now()) {
            self.outbox.push(r);
        }
        std::mem::take(&mut self.outbox)
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.status = Some((text.into(), false));
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.status = Some((text.into(), true));
    }

    /// The item the host is on (agenda selection).
    pub fn current_item(&self) -> Option<&crate::store::ItemRecord> {
        self.model
            .as_ref()
            .and_then(|m| m.items.get(self.selected_item))
    }

    pub fn on_key(&mut self, ev: KeyEvent) {
        if ev.kind == KeyEventKind::Release {
            return;
        }
        match self.modal.take() {
            Some(Modal::Help) => {
                // Any key closes the help.
            }
            Some(Modal::Form(mut form, purpose)) => match form.handle_key(ev, self.lang) {
                FormKey::Editing => self.modal = Some(Modal::Form(form, purpose)),
                FormKey::Cancel => {}
                FormKey::Submit | FormKey::SubmitAlt => screens::submit_form(self, &form, purpose),
            },
            Some(Modal::Confirm(c)) => {
                use ratatui::crossterm::event::KeyCode;
                match ev.code {
                    KeyCode::Char('y' | 'Y') | KeyCode::Enter => {
                        screens::roll_call::confirmed(self, c)
                    }
                    KeyCode::Char('n' | 'N') | KeyCode::Esc => {}
                    _ => self.modal = Some(Modal::Confirm(c)),
                }
            }
            None => self.on_screen_key(ev),
        }
    }

    fn on_screen_key(&mut self, ev: KeyEvent) {
        if self.screen == Screen::Raise {
            return screens::raise::on_key(self, ev);
        }
        let action = action_for(self.screen.keys(), &ev);
        if self.screen == Screen::SignIn && action.is_none() {
            return self.sign_in.type_key(ev);
        }
        let Some(action) = action else { return };
        self.status = None;
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.modal = Some(Modal::Help),
            Action::Back => self.back(),
            Action::Display => super::display::cycle(self),
            _ => match self.screen {
                Screen::Overview => screens::overview::on_action(self, action),
                Screen::SignIn => screens::sign_in::on_action(self, action),
                Screen::Item => screens::item::on_action(self, action),
                Screen::RollCall => screens::roll_call::on_action(self, action),
                Screen::Actions => screens::actions::on_action(self, action),
                Screen::Export => screens::export::on_action(self, action),
                Screen::Raise => {}
            },
        }
    }

    fn back(&mut self) {
        self.screen = match self.screen {
            Screen::RollCall => Screen::Item,
            _ => Screen::Overview,
        };
    }

    /// Pasted text (bracketed paste) goes to whatever is being typed into.
    pub fn on_paste(&mut self, text: &str) {
        match (&mut self.modal, self.screen) {
            (Some(Modal::Form(form, _)), _) => form.paste(text),
            (None, Screen::Raise) => self.raise.paste(text),
            (None, Screen::SignIn) => self.sign_in.paste(text),
            _ => {}
        }
    }

    /// One second passed. Returns whether the screen changed.
    pub fn on_tick(&mut self) -> bool {
        match &mut self.timer {
            Some((left, true)) if *left > 0 => {
                *left -= 1;
                true
            }
            _ => false,
        }
    }

    pub fn timer_running(&self) -> bool {
        matches!(self.timer, Some((l, true)) if l > 0)
    }

    pub fn on_reply(&mut self, reply: Reply) {
        match reply {
            Reply::Model(m) => {
                let items = m.items.len();
                self.model = Some(*m);
                self.selected_item = self.selected_item.min(items.saturating_sub(1));
                // A reloaded model carries the tallies of record; keep the roll call's item in step.
                if let (Some(roll), Some(model)) = (&mut self.roll, &self.model)
                    && let Some(item) = model.items.iter().find(|i| i.id == roll.item.id)
                {
                    roll.item = item.clone();
                }
            }
            Reply::RollCall(r) => {
                if let Some(model) = &mut self.model {
                    model.tallies.insert(r.item.id, r.tally.clone());
                }
                self.pending.clear();
                self.roll_cursor = self.roll_cursor.min(r.entries.len().saturating_sub(1));
                self.roll = Some(*r);
            }
            Reply::Attended { owner, record } => {
                if let Some(model) = &mut self.model {
                    model.attendance.insert(owner, record);
                }
                if let Some(roll) = &mut self.roll
                    && let Some(&i) = roll.index.get(&owner)
                {
                    roll.entries[i].presence = self
                        .model
                        .as_ref()
                        .and_then(|m| m.attendance.get(&owner))
                        .map(|a| a.presence.clone());
                }
            }
            Reply::Ballot {
                item,
                owner,
                ballot,
            } => {
                self.pending.remove(&owner);
                if let Some(roll) = &mut self.roll
                    && roll.item.number == item
                {
                    roll.apply(owner, ballot);
                    if let Some(model) = &mut self.model {
                        model.tallies.insert(roll.item.id, roll.tally.clone());
                    }
                }
            }
            Reply::Exported(path) => {
                self.export.last = Some(path.display().to_string());
                self.say(format!("{}: {}", self.t(T::ExportedTo), path.display()));
            }
            Reply::Failed(e) => {
                self.pending.clear();
                self.warn(format!("{}: {e}", self.t(T::Error)));
            }
        }
    }

    pub fn draw(&mut self, frame: &mut Frame) {
        let area = frame.area();
        screens::draw(self, area, frame.buffer_mut());
    }
}
