//! How long a speaking turn lasts, set by the host per item; the latest setting in a meeting is its
//! length for items without one of their own. Kept as events (`speaking.turn`): the rule of
//! procedure the meeting ran under is part of its record, and no table is needed.

use rusqlite::OptionalExtension;

use super::{Ids, Result, Store, events};

/// The longest turn the screens offer (30 minutes).
pub const MAX_TURN_SECONDS: u32 = 30 * 60;

/// The latest speaking-turn event of meeting ?1, item ?2's own first.
pub(crate) const LATEST_TURN: &str =
    "SELECT data FROM events WHERE meeting_id = ?1 AND kind = 'speaking.turn'
     ORDER BY item_id = ?2 DESC, id DESC LIMIT 1";

impl Store {
    /// Sets an item's speaking turn (seconds, 1 to 30 minutes).
    pub fn set_turn_length(&mut self, meeting: i64, number: i64, seconds: u32) -> Result<()> {
        let tx = self.begin_write()?;
        let item = self.item(meeting, number)?;
        if seconds == 0 || seconds > MAX_TURN_SECONDS {
            return Err(crate::i18n::said!(
                crate::i18n::StoreText::TurnLength,
                max = MAX_TURN_SECONDS,
                seconds = seconds
            )
            .into());
        }
        let now = self.now();
        events::append(
            &tx,
            &now,
            "speaking.turn",
            Ids {
                meeting: Some(meeting),
                item: Some(item.id),
                owner: None,
            },
            serde_json::json!({ "seconds": seconds }),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The turn of an item: its own setting, else the meeting's latest, else none (the default).
    pub fn turn_length(&self, meeting: i64, item_id: i64) -> Result<Option<u32>> {
        let data: Option<String> = self
            .conn
            .prepare_cached(LATEST_TURN)?
            .query_row([meeting, item_id], |r| r.get(0))
            .optional()?;
        Ok(data
            .and_then(|d| serde_json::from_str::<serde_json::Value>(&d).ok())
            .and_then(|v| v.get("seconds")?.as_u64())
            .and_then(|s| u32::try_from(s).ok()))
    }
}
