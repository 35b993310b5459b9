//! The one key table: every binding carries its description, so the footer and the `?` help are
//! drawn from the same entries that dispatch the keys.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::T;

/// What a key does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Quit,
    Help,
    Back,
    Up,
    Down,
    Open,
    SignIn,
    Actions,
    Raise,
    RollCall,
    Yes,
    No,
    Abstain,
    StepBack,
    Undo,
    AllYes,
    CloseVote,
    Present,
    Proxy,
    Guest,
    Leave,
    Note,
    Proposal,
    Resolution,
    Timer,
    AddAction,
    Progress,
    CloseAction,
    Export,
    Defer,
    Withdraw,
    NextFormat,
    ToggleVariant,
    PageUp,
    PageDown,
    First,
    Last,
    /// Roll call: type a flat or a name to jump to it.
    Find,
    /// Roll call of those present: show the absent owners too (or hide them again).
    ShowAll,
    /// What the room display shows (`pavilion show`).
    Display,
    /// The item's cost plan: set or change it.
    Cost,
    /// Backlog: open it; schedule the chosen concern into this meeting.
    Backlog,
    Schedule,
    /// A new item typed in on screen.
    NewItem,
    /// Setting up on screen: a new meeting, the meeting's header, an item, the agenda's order.
    NewMeeting,
    EditMeeting,
    EditItem,
    /// How the meeting's public notice closes.
    Notice,
    MoveUp,
    MoveDown,
    /// The speakers' queue: someone asks to speak, the next takes the floor, the speaker is done.
    AddSpeaker,
    NextSpeaker,
    DoneSpeaker,
    Longer,
    Shorter,
    Bell,
}

/// Which screen a binding works on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum On {
    Overview,
    SignIn,
    Item,
    RollCall,
    Actions,
    Export,
    Backlog,
    /// Every screen (not while typing in a form).
    All,
}

/// A key as written in the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum K {
    Char(char),
    Ctrl(char),
    Enter,
    Esc,
    Up,
    Down,
    Backspace,
    F(u8),
    PageUp,
    PageDown,
    Home,
    End,
}

impl K {
    fn matches(self, ev: &KeyEvent) -> bool {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        match self {
            K::Char(c) => !ctrl && ev.code == KeyCode::Char(c),
            K::Ctrl(c) => ctrl && ev.code == KeyCode::Char(c),
            K::Enter => ev.code == KeyCode::Enter,
            K::Esc => ev.code == KeyCode::Esc,
            K::Up => ev.code == KeyCode::Up,
            K::Down => ev.code == KeyCode::Down,
            K::Backspace => ev.code == KeyCode::Backspace,
            K::F(n) => ev.code == KeyCode::F(n),
            K::PageUp => ev.code == KeyCode::PageUp,
            K::PageDown => ev.code == KeyCode::PageDown,
            K::Home => ev.code == KeyCode::Home,
            K::End => ev.code == KeyCode::End,
        }
    }

    pub fn label(self) -> String {
        match self {
            K::Char(' ') => "Space".into(),
            K::Char(c) => c.to_string(),
            K::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            K::Enter => "Enter".into(),
            K::Esc => "Esc".into(),
            K::Up => "↑".into(),
            K::Down => "↓".into(),
            K::Backspace => "⌫".into(),
            K::F(n) => format!("F{n}"),
            K::PageUp => "PgUp".into(),
            K::PageDown => "PgDn".into(),
            K::Home => "Home".into(),
            K::End => "End".into(),
        }
    }
}

pub struct Binding {
    pub keys: &'static [K],
    pub action: Action,
    pub on: On,
    pub label: T,
}

const fn b(keys: &'static [K], action: Action, on: On, label: T) -> Binding {
    Binding {
        keys,
        action,
        on,
        label,
    }
}

/// The table. Order is the order of the footer and the help.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    b(&[K::Up, K::Down], Action::Down, On::Overview, T::KeyMove),
    b(&[K::Enter], Action::Open, On::Overview, T::KeyOpen),
    b(&[K::Char('s')], Action::SignIn, On::Overview, T::KeySignIn),
    b(&[K::Char('a')], Action::Actions, On::Overview, T::KeyActions),
    b(&[K::Char('r')], Action::Raise, On::Overview, T::KeyRaise),
    b(&[K::Char('e')], Action::Export, On::Overview, T::KeyExport),
    b(&[K::Char('i')], Action::NewItem, On::Overview, T::KeyNewItem),
    b(&[K::Char('b')], Action::Backlog, On::Overview, T::KeyBacklog),
    b(&[K::Char('q')], Action::Quit, On::Overview, T::KeyQuit),
    b(&[K::Char('E')], Action::EditItem, On::Overview, T::KeyEditItem),
    b(&[K::Char('[')], Action::MoveUp, On::Overview, T::KeyMoveUp),
    b(&[K::Char(']')], Action::MoveDown, On::Overview, T::KeyMoveDown),
    b(&[K::Char('m')], Action::EditMeeting, On::Overview, T::KeyEditMeeting),
    b(&[K::Char('M')], Action::NewMeeting, On::Overview, T::KeyNewMeeting),
    b(&[K::Char('N')], Action::Notice, On::Overview, T::KeyNotice),
    b(&[K::Enter], Action::Present, On::SignIn, T::KeyPresent),
    b(&[K::Ctrl('p'), K::F(3)], Action::Proxy, On::SignIn, T::KeyProxy),
    b(&[K::Ctrl('l'), K::F(4)], Action::Leave, On::SignIn, T::KeyLeave),
    b(&[K::Ctrl('g'), K::F(5)], Action::Guest, On::SignIn, T::KeyGuest),
    b(&[K::Up, K::Down], Action::Down, On::SignIn, T::KeyMove),
    b(&[K::PageUp], Action::PageUp, On::SignIn, T::KeyPageUp),
    b(&[K::PageDown], Action::PageDown, On::SignIn, T::KeyPageDown),
    b(&[K::Char('v')], Action::RollCall, On::Item, T::KeyRollCall),
    b(&[K::Char('c')], Action::CloseVote, On::Item, T::KeyCloseVote),
    b(&[K::Char('n')], Action::Note, On::Item, T::KeyNote),
    b(&[K::Char('p')], Action::Proposal, On::Item, T::KeyProposal),
    b(&[K::Char('s')], Action::AddSpeaker, On::Item, T::KeyAddSpeaker),
    b(&[K::Char('g')], Action::NextSpeaker, On::Item, T::KeyNextSpeaker),
    b(&[K::Char('f')], Action::DoneSpeaker, On::Item, T::KeyDoneSpeaker),
    b(&[K::Char('t')], Action::Timer, On::Item, T::KeyTimer),
    b(&[K::Char('+')], Action::Longer, On::Item, T::KeyLonger),
    b(&[K::Char('-')], Action::Shorter, On::Item, T::KeyShorter),
    b(&[K::Char('b')], Action::Bell, On::Item, T::KeyBell),
    b(&[K::Char('d')], Action::Resolution, On::Item, T::KeyResolution),
    b(&[K::Char('a')], Action::AddAction, On::Item, T::KeyAddAction),
    b(&[K::Char('z')], Action::Defer, On::Item, T::KeyDefer),
    b(&[K::Char('x')], Action::Withdraw, On::Item, T::KeyWithdraw),
    b(&[K::Up, K::Down], Action::Down, On::Item, T::KeyScroll),
    b(&[K::PageUp], Action::PageUp, On::Item, T::KeyPageUp),
    b(&[K::PageDown], Action::PageDown, On::Item, T::KeyPageDown),
    b(&[K::Char('D')], Action::Display, On::Item, T::KeyDisplay),
    b(&[K::Char('E')], Action::EditItem, On::Item, T::KeyEditItem),
    b(&[K::Char('m')], Action::Cost, On::Item, T::KeyCost),
    b(&[K::Char('y'), K::Char('1')], Action::Yes, On::RollCall, T::KeyYes),
    b(&[K::Char('n'), K::Char('2')], Action::No, On::RollCall, T::KeyNo),
    b(&[K::Char('a'), K::Char('3')], Action::Abstain, On::RollCall, T::KeyAbstain),
    b(&[K::Char('c')], Action::CloseVote, On::RollCall, T::KeyCloseVote),
    b(&[K::Char('u')], Action::Undo, On::RollCall, T::KeyUndo),
    b(&[K::Char('/')], Action::Find, On::RollCall, T::KeyFind),
    b(&[K::Char('A')], Action::AllYes, On::RollCall, T::KeyAllYes),
    b(&[K::Up, K::Down], Action::Down, On::RollCall, T::KeyMove),
    b(&[K::Backspace], Action::StepBack, On::RollCall, T::KeyStepBack),
    b(&[K::PageUp], Action::PageUp, On::RollCall, T::KeyPageUp),
    b(&[K::PageDown], Action::PageDown, On::RollCall, T::KeyPageDown),
    b(&[K::Home], Action::First, On::RollCall, T::KeyFirst),
    b(&[K::End], Action::Last, On::RollCall, T::KeyLast),
    b(&[K::Char('o')], Action::ShowAll, On::RollCall, T::KeyShowAll),
    b(&[K::Up, K::Down], Action::Down, On::Actions, T::KeyMove),
    b(&[K::Char('n')], Action::AddAction, On::Actions, T::KeyAddAction),
    b(&[K::Char('u')], Action::Progress, On::Actions, T::KeyProgress),
    b(&[K::Char('c')], Action::CloseAction, On::Actions, T::KeyCloseAction),
    b(&[K::PageUp], Action::PageUp, On::Actions, T::KeyPageUp),
    b(&[K::PageDown], Action::PageDown, On::Actions, T::KeyPageDown),
    b(&[K::Up, K::Down], Action::Down, On::Backlog, T::KeyMove),
    b(&[K::Enter], Action::Schedule, On::Backlog, T::KeySchedule),
    b(&[K::Char('f')], Action::NextFormat, On::Export, T::KeyFormat),
    b(&[K::Char('p')], Action::ToggleVariant, On::Export, T::KeyVariant),
    b(&[K::Enter], Action::Export, On::Export, T::KeyExport),
    b(&[K::Char('?')], Action::Help, On::All, T::KeyHelp),
    b(&[K::Esc], Action::Back, On::All, T::KeyBack),
];

/// The action of a key on a screen. ↑ is listed with ↓ in the table but moves up.
pub fn action_for(on: On, ev: &KeyEvent) -> Option<Action> {
    if ev.code == KeyCode::Up {
        return BINDINGS
            .iter()
            .any(|b| b.on == on && b.action == Action::Down)
            .then_some(Action::Up);
    }
    if ev.code == KeyCode::Char('c') && ev.modifiers.contains(KeyModifiers::CONTROL) {
        return Some(Action::Quit);
    }
    BINDINGS
        .iter()
        .filter(|b| b.on == on || b.on == On::All)
        .find(|b| b.keys.iter().any(|k| k.matches(ev)))
        .map(|b| b.action)
}

/// The bindings shown in a screen's footer.
pub fn footer(on: On) -> impl Iterator<Item = &'static Binding> {
    // The overview is the top: "back" leads nowhere, so it takes no room there.
    BINDINGS
        .iter()
        .filter(move |b| b.on == on || b.on == On::All)
        .filter(move |b| !(on == On::Overview && b.action == Action::Back))
}

/// "y/1" for a binding's keys.
pub fn keys_label(b: &Binding) -> String {
    b.keys
        .iter()
        .map(|k| k.label())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn dispatches_by_screen() {
        assert_eq!(
            action_for(On::RollCall, &key(KeyCode::Char('y'))),
            Some(Action::Yes)
        );
        assert_eq!(
            action_for(On::RollCall, &key(KeyCode::Char('1'))),
            Some(Action::Yes)
        );
        assert_eq!(action_for(On::Overview, &key(KeyCode::Char('y'))), None);
        assert_eq!(
            action_for(On::Actions, &key(KeyCode::Char('c'))),
            Some(Action::CloseAction)
        );
        assert_eq!(
            action_for(On::Item, &key(KeyCode::Up)),
            Some(Action::Up),
            "the item screen scrolls"
        );
        assert_eq!(action_for(On::Overview, &key(KeyCode::PageUp)), None);
        let ctrl_p = KeyEvent::new(KeyCode::Char('p'), KeyModifiers::CONTROL);
        assert_eq!(action_for(On::SignIn, &ctrl_p), Some(Action::Proxy));
        assert_eq!(
            action_for(On::RollCall, &key(KeyCode::Up)),
            Some(Action::Up)
        );
        assert_eq!(action_for(On::Item, &key(KeyCode::Esc)), Some(Action::Back));
    }

    #[test]
    fn no_key_does_two_things_on_one_screen() {
        for on in [
            On::Overview,
            On::SignIn,
            On::Item,
            On::RollCall,
            On::Actions,
        ] {
            let mut seen: Vec<K> = Vec::new();
            for b in footer(on) {
                for k in b.keys {
                    assert!(!seen.contains(k), "{k:?} bound twice on {on:?}");
                    seen.push(*k);
                }
            }
        }
    }
}
