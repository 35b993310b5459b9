//! Facts about a meeting that only the screens ask for.

use super::{Result, Store};
use crate::i18n::said;

impl Store {
    /// When the meeting's record was created (intake, or set up on screen): what existed before
    /// it is "carried over" to this meeting.
    pub fn meeting_created_at(&self, meeting: i64) -> Result<jiff::Timestamp> {
        let text: String = self.conn.query_row(
            "SELECT created_at FROM meetings WHERE id = ?1",
            [meeting],
            |r| r.get(0),
        )?;
        text.parse().map_err(|_| {
            said!(
                crate::i18n::StoreText::BadCreationTime,
                meeting = meeting,
                text = text
            )
            .into()
        })
    }
}
