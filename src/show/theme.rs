//! The display's two high-contrast themes: light text on black (`dark`, the default, for projectors in
//! a dim pavilion) and black on white (`light`, for a TV in daylight). Every cell gets its background.

use ratatui::style::{Color, Modifier, Style};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
}

#[derive(Clone, Copy, Debug)]
pub struct ShowTheme {
    pub base: Style,
    pub dim: Style,
    pub title: Style,
    pub figure: Style,
    pub ok: Style,
    pub bad: Style,
    pub warn: Style,
    pub bar: Style,
    pub bar_empty: Style,
    pub mark: Style,
    pub current: Style,
}

impl ShowTheme {
    pub fn new(name: ThemeName) -> ShowTheme {
        let (fg, bg, dim, figure, ok, bad, warn) = match name {
            ThemeName::Dark => (
                Color::White,
                Color::Black,
                Color::Gray,
                Color::LightCyan,
                Color::LightGreen,
                Color::LightRed,
                Color::LightYellow,
            ),
            ThemeName::Light => (
                Color::Black,
                Color::White,
                Color::DarkGray,
                Color::Blue,
                Color::Green,
                Color::Red,
                Color::Magenta,
            ),
        };
        let base = Style::default().fg(fg).bg(bg);
        let bold = |c: Color| base.fg(c).add_modifier(Modifier::BOLD);
        ShowTheme {
            base,
            dim: base.fg(dim),
            title: base.add_modifier(Modifier::BOLD),
            figure: bold(figure),
            ok: bold(ok),
            bad: bold(bad),
            warn: bold(warn),
            bar: base.fg(figure),
            bar_empty: base.fg(dim),
            mark: bold(fg),
            current: base.add_modifier(Modifier::REVERSED | Modifier::BOLD),
        }
    }
}
