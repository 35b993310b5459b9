//! The salt of this database's ID-number hashes: the estate's name and creation time, fixed at
//! `init`, so the same ID gives the same owner key at every import into this database and a different
//! one in any other.

use super::{Result, Store};

impl Store {
    pub fn id_salt(&self) -> Result<Vec<u8>> {
        use rusqlite::OptionalExtension;
        let row: Option<(String, String)> = self
            .conn
            .query_row("SELECT name, created_at FROM estate", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        let (name, created) = row.unwrap_or_default();
        Ok(format!("{}\u{0}{created}", name).into_bytes())
    }
}
