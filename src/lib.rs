pub mod domain;
pub mod intake;
pub mod store;
