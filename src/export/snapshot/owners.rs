//! The roster read for an export, looked at owner by owner: each owner's name, flats and area.
//! Kept as the roster's positions sorted by owner (4 bytes a flat) rather than a map of each
//! owner's name and flats (about 9 MB at 100,000 flats, held while the roll call is built).

use crate::domain::{Area, FlatRef};
use crate::store::RosterEntry;

/// The owners of a roster, in owner-id order.
pub(super) struct Owners<'a> {
    roster: &'a [RosterEntry],
    /// Positions in the roster, by owner id; one owner's flats in roster (flat) order.
    by_owner: Vec<u32>,
}

/// One owner's entries in the roster (at least one).
#[derive(Clone, Copy)]
pub(super) struct Owner<'a> {
    roster: &'a [RosterEntry],
    at: &'a [u32],
}

impl<'a> Owners<'a> {
    pub fn new(roster: &'a [RosterEntry]) -> Owners<'a> {
        let mut by_owner: Vec<u32> = (0..roster.len())
            .map(|k| u32::try_from(k).expect("fewer than 4 billion flats"))
            .collect();
        // An owner's flats stay in the roster's order, so the first is the one named first.
        by_owner.sort_unstable_by_key(|&k| (roster[k as usize].owner_id, k));
        Owners { roster, by_owner }
    }

    /// Every owner once.
    pub fn each(&self) -> impl Iterator<Item = Owner<'_>> {
        self.by_owner
            .chunk_by(|a, b| self.roster[*a as usize].owner_id == self.roster[*b as usize].owner_id)
            .map(|at| Owner {
                roster: self.roster,
                at,
            })
    }

    /// The owner with this id, if the roster lists any flat of theirs.
    pub fn get(&self, owner: i64) -> Option<Owner<'_>> {
        let id = |k: &u32| self.roster[*k as usize].owner_id;
        let start = self.by_owner.partition_point(|k| id(k) < owner);
        let len = self.by_owner[start..].partition_point(|k| id(k) == owner);
        (len > 0).then(|| Owner {
            roster: self.roster,
            at: &self.by_owner[start..start + len],
        })
    }
}

impl<'a> Owner<'a> {
    /// The owner's roster entries, in flat order.
    pub fn entries(self) -> impl Iterator<Item = (usize, &'a RosterEntry)> {
        self.at
            .iter()
            .map(move |&k| (k as usize, &self.roster[k as usize]))
    }

    /// The name on the owner's first flat.
    pub fn name(self) -> &'a str {
        &self.roster[self.at[0] as usize].owner_name
    }

    pub fn flats(self) -> impl Iterator<Item = &'a FlatRef> {
        self.entries().map(|(_, e)| &e.flat)
    }

    /// The area of all the owner's flats.
    pub fn area(self) -> Area {
        self.entries().map(|(_, e)| e.area).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(flat: &str, owner_id: i64, name: &str, area: i64) -> RosterEntry {
        RosterEntry {
            flat_id: 0,
            flat: FlatRef::parse(flat).unwrap(),
            area: Area(area),
            owner_id,
            owner_key: String::new(),
            owner_name: name.into(),
            phone: None,
        }
    }

    #[test]
    fn each_owner_once_with_their_flats_in_roster_order() {
        let roster = [
            entry("1-1-101", 7, "王秀兰", 100),
            entry("1-1-102", 3, "李四", 200),
            entry("1-1-201", 7, "王秀兰（二）", 50),
            entry("2-1-101", 5, "张三", 10),
            entry("2-1-102", 3, "李四", 1),
        ];
        let owners = Owners::new(&roster);
        let seen: Vec<(i64, &str, Vec<String>, Area)> = owners
            .each()
            .map(|o| {
                let id = o.entries().next().unwrap().1.owner_id;
                (
                    id,
                    o.name(),
                    o.flats().map(ToString::to_string).collect(),
                    o.area(),
                )
            })
            .collect();
        assert_eq!(
            seen,
            [
                (
                    3,
                    "李四",
                    vec!["1-1-102".into(), "2-1-102".into()],
                    Area(201)
                ),
                (5, "张三", vec!["2-1-101".into()], Area(10)),
                (
                    7,
                    "王秀兰",
                    vec!["1-1-101".into(), "1-1-201".into()],
                    Area(150)
                ),
            ]
        );
        let seven: Vec<usize> = owners.get(7).unwrap().entries().map(|(k, _)| k).collect();
        assert_eq!(seven, [0, 2]);
        assert_eq!(owners.get(3).unwrap().name(), "李四");
        assert!(owners.get(4).is_none() && owners.get(8).is_none() && owners.get(1).is_none());
        assert!(Owners::new(&[]).get(1).is_none());
    }
}
