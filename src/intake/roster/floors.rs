//! Floors given by the roster's floor column (楼层), for sharing a cost by floor when room numbers do
//! not tell the floor (A1, 甲) or tell it wrongly. Where both give one and they differ, the column is
//! used and the import says so, flat by flat.

use crate::domain::address::fold_width;
use crate::domain::{FlatRef, RosterRow};
use crate::i18n::RosterFloorText as F;
use crate::lang::Lang;

use super::summary::Summary;

/// A flat whose floor column and room number disagree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FloorConflict {
    pub flat: FlatRef,
    /// What the floor column says (and what is used).
    pub column: u32,
    /// What the room number says.
    pub room: u32,
}

/// A floor as a roster writes it: 5, 5层, 5楼, 5F, full-width digits. Floors count from 1.
pub fn parse_floor(text: &str) -> Option<u32> {
    let folded = fold_width(text);
    let t = folded.trim();
    let t = ["层", "楼", "F", "f"]
        .iter()
        .find_map(|s| t.strip_suffix(s))
        .unwrap_or(t)
        .trim();
    t.parse::<u32>().ok().filter(|f| *f > 0)
}

/// Flats whose floor column and room number give different floors.
pub fn conflicts(rows: &[RosterRow]) -> Vec<FloorConflict> {
    rows.iter()
        .filter_map(|r| {
            let column = r.floor?;
            let room = r.flat.floor().filter(|f| *f > 0)?;
            (column != room).then(|| FloorConflict {
                flat: r.flat.clone(),
                column,
                room,
            })
        })
        .collect()
}

/// The summary's lines about floors: how many the column gave, and every disagreement.
pub(super) fn lines(s: &Summary, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    if s.floors_given > 0 {
        out.push(F::Given.fill(lang, &[("n", &s.floors_given)]));
    }
    for c in &s.floor_conflicts {
        out.push(F::Conflict.fill(
            lang,
            &[("flat", &c.flat), ("column", &c.column), ("room", &c.room)],
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Area, Owner};

    #[test]
    fn floors_as_rosters_write_them() {
        for (text, floor) in [("5", 5), ("5层", 5), ("１２楼", 12), ("3F", 3), (" 7 ", 7)] {
            assert_eq!(parse_floor(text), Some(floor), "{text}");
        }
        for text in ["0", "-1", "五", "B1", "5.5", ""] {
            assert_eq!(parse_floor(text), None, "{text}");
        }
    }

    #[test]
    fn a_column_that_disagrees_with_the_room_number_is_listed() {
        let row = |room: &str, floor: Option<u32>| RosterRow {
            flat: FlatRef::new("3", "2", room),
            area: Area(8000),
            owner: Owner {
                key: room.into(),
                name: "x".into(),
                phone: None,
            },
            floor,
        };
        let rows = [
            row("501", Some(5)),
            row("A1", Some(2)),
            row("1401", Some(13)),
            row("601", None),
        ];
        assert_eq!(
            conflicts(&rows),
            [FloorConflict {
                flat: FlatRef::new("3", "2", "1401"),
                column: 13,
                room: 14
            }]
        );
        assert_eq!(rows[1].floor(), Some(2));
        assert_eq!(rows[3].floor(), Some(6));
    }
}
