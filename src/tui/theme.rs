//! Colours that read on a projector and in a 16-colour terminal; with NO_COLOR, emphasis only.

use ratatui::style::{Color, Modifier, Style};

#[derive(Clone, Copy, Debug)]
pub struct Theme {
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub accent: Style,
    pub selected: Style,
    pub yes: Style,
    pub no: Style,
    pub abstain: Style,
    pub ok: Style,
    pub bad: Style,
    pub warn: Style,
    pub bar: Style,
    pub bar_empty: Style,
    pub key: Style,
}

impl Theme {
    /// Named ANSI colours only: they map onto any 16-colour palette and stay legible projected.
    pub fn colour() -> Theme {
        let base = Style::default();
        Theme {
            text: base,
            dim: base.fg(Color::DarkGray),
            title: base.add_modifier(Modifier::BOLD),
            accent: base.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            selected: base.add_modifier(Modifier::REVERSED),
            yes: base.fg(Color::Green).add_modifier(Modifier::BOLD),
            no: base.fg(Color::Red).add_modifier(Modifier::BOLD),
            abstain: base.fg(Color::Yellow),
            ok: base.fg(Color::Green).add_modifier(Modifier::BOLD),
            bad: base.fg(Color::Red).add_modifier(Modifier::BOLD),
            warn: base.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            bar: base.fg(Color::Cyan),
            bar_empty: base.fg(Color::DarkGray),
            key: base.fg(Color::Black).bg(Color::Gray),
        }
    }

    /// No colour at all (NO_COLOR): meaning carried by bold, underline and reverse video.
    pub fn plain() -> Theme {
        let base = Style::default();
        let bold = base.add_modifier(Modifier::BOLD);
        Theme {
            text: base,
            dim: base,
            title: bold,
            accent: bold,
            selected: base.add_modifier(Modifier::REVERSED),
            yes: bold,
            no: bold.add_modifier(Modifier::UNDERLINED),
            abstain: base.add_modifier(Modifier::ITALIC),
            ok: bold,
            bad: bold.add_modifier(Modifier::UNDERLINED),
            warn: bold,
            bar: base,
            bar_empty: base,
            key: base.add_modifier(Modifier::REVERSED),
        }
    }

    /// Colour unless NO_COLOR is set to anything non-empty (no-color.org).
    pub fn from_env() -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::plain(),
            _ => Theme::colour(),
        }
    }
}
