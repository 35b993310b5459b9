//! Pavilion (议事亭): run neighbourhood consultation meetings offline — residents raise it, the
//! branch discusses it, the community acts on it.

pub mod cli;
pub mod demo;
pub mod domain;
pub mod export;
pub mod i18n;
pub mod intake;
pub mod lang;
pub mod localtime;
pub mod show;
pub mod store;
pub mod textwidth;
pub mod tui;
