//! Reading what people bring: agenda files (TOML) and rosters (CSV in UTF-8/GBK, XLSX).
//! Every problem is reported with where it is and what to do; nothing is written unless all is valid.

pub mod agenda;
pub mod ballots;
pub mod encoding;
pub mod problem;
pub mod roster;

pub use problem::{Location, Problem, Problems};
