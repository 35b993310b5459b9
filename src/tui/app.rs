//! The host's application state: which screen, which modal, what the store last said, and the
//! requests waiting to go to the store. Pure: no terminal, no database — tests drive it with keys.

use std::cell::Cell;
use std::collections::HashSet;

use jiff::civil::Date;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyEvent, KeyEventKind};

use crate::domain::Choice;
use crate::i18n::T;
use crate::lang::Lang;
use crate::store::Method;

use super::form::{Form, FormKey};
use super::keys::{Action, On, action_for};
use super::model::{Model, RollCall, Roster};
use super::screens;
use super::screens::wording::colon;
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
    Backlog,
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
            Screen::Backlog => T::ScreenBacklog,
        }
    }

    pub fn keys(self) -> On {
        match self {
            Screen::Overview => On::Overview,
            Screen::SignIn => On::SignIn,
            Screen::Item => On::Item,
            Screen::RollCall => On::RollCall,
            Screen::Actions => On::Actions,
            Screen::Raise => On::All,
            Screen::Export => On::Export,
            Screen::Backlog => On::Backlog,
        }
    }
}

/// What a form, once saved, is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormFor {
    Proxy {
        flat: crate::domain::FlatRef,
    },
    Note {
        item: i64,
    },
    Proposal {
        item: i64,
    },
    Resolution {
        item: i64,
    },
    AddAction {
        item: Option<i64>,
    },
    Progress {
        action: i64,
    },
    CloseAction {
        action: i64,
    },
    /// A new item typed in on screen.
    NewItem,
    /// A meeting set up on screen, or the current one's header changed.
    NewMeeting,
    EditMeeting,
    /// An item of the agenda changed (by its number).
    EditItem {
        item: i64,
    },
    /// An item's cost plan set or changed on screen.
    Cost {
        item: i64,
    },
    /// Someone who sat in (列席): name and role.
    Guest,
    /// How the meeting's public notice closes.
    Notice,
    /// Someone asks to speak.
    Speaker,
    /// A ballot handed in by a proxy for an owner who is not here: the holder's name.
    ProxyBallot {
        owner: i64,
        flat: crate::domain::FlatRef,
        choice: Choice,
    },
    /// Changing a recorded ballot: the reason, which goes into the record and the minutes.
    Correction {
        owner: i64,
        flat: crate::domain::FlatRef,
        choice: Choice,
        method: Method,
        proxy: Option<String>,
    },
    /// The database file is gone or replaced: where to save a copy of the record still open.
    Rescue,
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
    /// Schedule a backlog concern into this meeting.
    Schedule {
        concern: i64,
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
    /// A ballot for an owner who is not here: how did it come (written, proxy, in person after all)?
    Channel {
        owner: i64,
        flat: crate::domain::FlatRef,
        name: String,
        choice: Choice,
    },
}

/// One owner's ballot as it was before the host changed it.
#[derive(Clone, Debug)]
pub struct UndoStep {
    pub owner: i64,
    pub flat: crate::domain::FlatRef,
    pub previous: Option<super::roll::Cast>,
}

/// What one key did at the roll call (one ballot, or everyone present at once), so `u` puts it
/// back in one step.
#[derive(Clone, Debug)]
pub struct Undo {
    pub item: i64,
    pub steps: Vec<UndoStep>,
}

pub struct App {
    pub lang: Lang,
    pub theme: Theme,
    pub today: Date,
    pub screen: Screen,
    pub modal: Option<Modal>,
    pub model: Option<Model>,
    /// The roster's list (empty until the store thread sends it, just after the first frame).
    pub roster: std::sync::Arc<Roster>,
    pub roll: Option<RollCall>,
    /// Selected agenda item (index into `model.items`).
    pub selected_item: usize,
    pub sign_in: screens::sign_in::State,
    /// Index into the roll call's entries (the list may hide some; the cursor never rests on them).
    pub roll_cursor: usize,
    /// `/` at the roll call: what is typed so far.
    pub roll_find: Option<String>,
    /// At a roll call of those present, show the absent owners too.
    pub roll_show_all: bool,
    /// Rows of the list drawn last (for PageUp/PageDown), and whether the terminal was too small.
    pub page: Cell<usize>,
    pub too_small: Cell<bool>,
    /// Scroll offset of the item screen's right-hand panel.
    pub item_scroll: usize,
    /// How far the item screen can scroll, as last drawn.
    pub scroll_max: Cell<usize>,
    /// Owners whose ballot was sent but not yet committed: shown as "recording…", never as a vote.
    pub pending: HashSet<i64>,
    pub undo: Vec<Undo>,
    pub actions_cursor: usize,
    pub backlog_cursor: usize,
    /// The speakers' queue and the length of a turn.
    pub speakers: screens::speakers::Queue,
    pub raise: Form,
    pub export: screens::export::State,
    /// Seconds left on the speaking timer, and whether it runs.
    pub timer: Option<(u32, bool)>,
    pub status: Option<(String, bool)>,
    /// A form whose request is with the store: shown again if the store refuses it.
    pub sent_form: Option<(Form, FormFor)>,
    /// The raise form was sent: cleared once stored, shown again with the reason if refused.
    pub raise_sent: bool,
    /// The meeting's form was saved with F3: its notice settings open once it is stored.
    pub then_notice: bool,
    pub quit: bool,
    /// What the room display shows (`pavilion show`), as the host chose it.
    pub display: super::display::DisplaySync,
    /// Set once the database file is deleted or replaced under the screens: nothing more is written.
    pub lost: Option<screens::rescue::Lost>,
    outbox: Vec<Request>,
}

impl App {
    pub fn new(lang: Lang, theme: Theme, today: Date) -> App {
        App {
            lang,
            theme,
            today,
            screen: Screen::Overview,
            modal: None,
            model: None,
            roster: Default::default(),
            roll: None,
            selected_item: 0,
            sign_in: screens::sign_in::State::default(),
            roll_cursor: 0,
            roll_find: None,
            roll_show_all: false,
            page: Cell::new(10),
            too_small: Cell::new(false),
            item_scroll: 0,
            scroll_max: Cell::new(0),
            pending: HashSet::new(),
            undo: Vec::new(),
            actions_cursor: 0,
            backlog_cursor: 0,
            speakers: Default::default(),
            raise: screens::raise::new_form(),
            export: screens::export::State::default(),
            timer: None,
            status: None,
            sent_form: None,
            raise_sent: false,
            then_notice: false,
            quit: false,
            display: Default::default(),
            lost: None,
            outbox: vec![Request::Reload, Request::Roster],
        }
    }

    /// No meeting yet: the screens open on the form that sets one up (nothing to load first).
    pub fn set_up_first_meeting(&mut self) {
        self.outbox.retain(|r| matches!(r, Request::Roster));
        let form = screens::setup::meeting_form(self, true);
        self.modal = Some(Modal::Form(form, FormFor::NewMeeting));
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

    /// The key table of the screen the host is on.
    pub fn screen_keys(&self) -> On {
        self.screen.keys()
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
        if self.too_small.get() {
            // Nothing on screen to act on: only quitting works until the terminal grows.
            if action_for(On::All, &ev) == Some(Action::Quit) {
                self.quit = true;
            }
            return;
        }
        match self.modal.take() {
            Some(Modal::Help) => {
                // Any key closes the help.
            }
            Some(Modal::Form(mut form, purpose)) => match form.handle_key(ev, self.lang) {
                FormKey::Editing => screens::setup::open(self, form, purpose),
                FormKey::Cancel => {}
                FormKey::Submit => screens::submit::submit_form(self, form, purpose, false),
                FormKey::SubmitAlt => screens::submit::submit_form(self, form, purpose, true),
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
            Some(m @ Modal::Channel { .. }) => screens::roll_call::channel_key(self, m, ev),
            None if self.roll_find.is_some() && self.screen == Screen::RollCall => {
                screens::roll_call::find_key(self, ev)
            }
            None => self.on_screen_key(ev),
        }
        // A form closed while the file is gone: the copy is offered (once per refused write).
        screens::rescue::offer(self);
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
                Screen::Backlog => screens::backlog::on_action(self, action),
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
        screens::speakers::tick(self)
    }

    pub fn timer_running(&self) -> bool {
        matches!(self.timer, Some((l, true)) if l > 0)
    }

    pub fn on_reply(&mut self, reply: Reply) {
        match reply {
            Reply::Model(m) => {
                if let Some((_, purpose)) = self.sent_form.take() {
                    self.say(match purpose {
                        FormFor::NewMeeting => crate::i18n::SetupText::MeetingCreated
                            .fill(self.lang, &[("id", &m.meeting.id)]),
                        _ => self.t(T::Saved).to_string(),
                    });
                }
                if std::mem::take(&mut self.raise_sent) {
                    self.raise = screens::raise::new_form();
                }
                let items = m.items.len();
                if self
                    .model
                    .as_ref()
                    .is_some_and(|old| old.meeting.id != m.meeting.id)
                {
                    // Another meeting (just set up): nothing of the last one's roll call stays.
                    self.roll = None;
                    self.undo.clear();
                    self.selected_item = 0;
                    self.screen = Screen::Overview;
                }
                self.model = Some(*m);
                self.selected_item = self.selected_item.min(items.saturating_sub(1));
                if std::mem::take(&mut self.then_notice) {
                    screens::notice_form::open(self);
                }
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
                let fresh = self
                    .roll
                    .as_ref()
                    .is_none_or(|old| old.item.id != r.item.id);
                self.roll_cursor = self.roll_cursor.min(r.entries.len().saturating_sub(1));
                self.roll = Some(*r);
                screens::roll_call::settle(self, fresh);
            }
            Reply::Attended { owner, record } => {
                self.sent_form = None;
                let how = screens::sign_in::presence_text(self, Some(&record.presence)).0;
                let who = self
                    .roster
                    .owner(owner)
                    .map(|o| (o.flats.join(","), o.name.clone()));
                // The owner's area for the presence counts: from the roster's list, or the roll
                // call's row (a reload reads it again either way).
                let area = self.roster.owner(owner).map(|o| o.area).or_else(|| {
                    let roll = self.roll.as_ref()?;
                    Some(roll.entries[roll.row_of(owner)?].area)
                });
                if let Some((flat, name)) = who {
                    let args: [(&str, &dyn std::fmt::Display); 3] =
                        [("flat", &flat), ("name", &name), ("how", &how)];
                    self.say(T::SignedIn.fill(self.lang, &args));
                }
                if let Some(model) = &mut self.model {
                    model.attendance.insert(owner, record);
                    if let Some(area) = area {
                        model.areas_here.insert(owner, area);
                    }
                }
                if let Some(roll) = &mut self.roll {
                    let presence = self.model.as_ref().and_then(|m| m.attendance.get(&owner));
                    roll.set_presence(owner, presence.map(|a| &a.presence));
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
                self.say(
                    format!("{}{}", self.t(T::ExportedTo), colon(self.lang))
                        + &path.display().to_string(),
                );
            }
            Reply::BallotFailed { owner, error } => {
                self.forget_ballot(owner);
                let error = error.render(self.lang);
                self.warn(format!("{}{}{error}", self.t(T::Error), colon(self.lang)));
            }
            Reply::GroupFailed { owners, error } => {
                self.forget_group(&owners);
                let error = error.render(self.lang);
                self.warn(format!("{}{}{error}", self.t(T::Error), colon(self.lang)));
            }
            Reply::FileGone { path, owners } => screens::rescue::file_gone(self, path, &owners),
            Reply::Rescued { path, events } => screens::rescue::saved(self, &path, events),
            Reply::Failed(e) if self.sent_form.is_some() || self.raise_sent => {
                self.then_notice = false;
                let e = e.render(self.lang);
                let error = format!("{}{}{e}", self.t(T::Error), colon(self.lang));
                if let Some((mut form, purpose)) = self.sent_form.take() {
                    form.error = Some(error);
                    self.modal = Some(Modal::Form(form, purpose));
                } else {
                    self.raise_sent = false;
                    self.raise.error = Some(error);
                    self.screen = Screen::Raise;
                }
            }
            Reply::Roster(roster) => self.roster = roster,
            Reply::BackupFailed(error) => {
                let error = error.render(self.lang);
                let text = crate::i18n::BackupText::FailedNow.fill(self.lang, &[("error", &error)]);
                self.warn(text);
            }
            Reply::Failed(e) => {
                let e = e.render(self.lang);
                self.pending.clear();
                self.warn(format!("{}{}{e}", self.t(T::Error), colon(self.lang)));
            }
        }
    }

    /// A ballot was not written: the cursor goes back to that owner, the undo stack forgets the
    /// ballot that never was.
    pub fn forget_ballot(&mut self, owner: i64) {
        self.pending.remove(&owner);
        if let Some(i) = self
            .undo
            .iter()
            .rposition(|u| u.steps.len() == 1 && u.steps[0].owner == owner)
        {
            self.undo.remove(i);
        }
        if let Some(i) = self.roll.as_ref().and_then(|r| r.row_of(owner)) {
            self.roll_cursor = i;
        }
    }

    /// "Everyone present yes" was not written: the group leaves the undo stack, so `u` cannot try
    /// to take back ballots that never were.
    pub fn forget_group(&mut self, owners: &[i64]) {
        for o in owners {
            self.pending.remove(o);
        }
        if let Some(i) = self.undo.iter().rposition(|u| {
            u.steps.len() == owners.len() && u.steps.iter().all(|s| owners.contains(&s.owner))
        }) {
            self.undo.remove(i);
        }
    }

    /// Whether the roll call's list shows this entry: at a vote of those present, the absent
    /// (who have not voted) are hidden unless the host asked for them.
    pub fn roll_shows(&self, e: &super::roll::RollRow) -> bool {
        let present_only = self
            .roll
            .as_ref()
            .is_some_and(|r| r.item.rule.electorate == crate::domain::rule::Electorate::Present);
        !present_only
            || self.roll_show_all
            || e.vote.is_some()
            || e.here.is_some_and(super::roll::Here::is_here)
    }

    pub fn draw(&mut self, frame: &mut Frame) {
        let area = frame.area();
        screens::draw(self, area, frame.buffer_mut());
    }
}
