//! What the roster holds, asked the way agenda checks need it, with hints that list what does exist
//! ("unit 3-2 has rooms 101, 102, …") so a typo can be fixed without opening the roster.

use std::collections::{HashMap, HashSet};

use crate::domain::FlatRef;
use crate::domain::flat::natural_cmp;
use crate::i18n::{AgendaText as A, Said, said};

pub(super) struct RosterView<'f> {
    flats: &'f HashSet<FlatRef>,
    /// Floors the roster's floor column gives (others come from room numbers).
    floors: Option<&'f HashMap<FlatRef, u32>>,
}

impl<'f> RosterView<'f> {
    pub(super) fn new(flats: &'f HashSet<FlatRef>) -> Self {
        RosterView {
            flats,
            floors: None,
        }
    }

    pub(super) fn with_floors(self, floors: &'f HashMap<FlatRef, u32>) -> Self {
        RosterView {
            floors: Some(floors),
            ..self
        }
    }

    /// A flat's floor: as the roster's floor column gives it, else from its room number.
    pub(super) fn floor(&self, flat: &FlatRef) -> Option<u32> {
        let given = self.floors.and_then(|f| f.get(flat).copied());
        given.or_else(|| flat.floor().filter(|f| *f > 0))
    }

    /// No roster given: checks against it are skipped (the file can be checked before a roster is imported).
    pub(super) fn is_empty(&self) -> bool {
        self.flats.is_empty()
    }

    /// Every flat of the roster (none when no roster was given).
    pub(super) fn flats(&self) -> impl Iterator<Item = &'f FlatRef> {
        self.flats.iter()
    }

    pub(super) fn has_flat(&self, flat: &FlatRef) -> bool {
        self.is_empty() || self.flats.contains(flat)
    }

    pub(super) fn has_building(&self, building: &str) -> bool {
        self.is_empty() || self.flats.iter().any(|f| f.building == building)
    }

    pub(super) fn has_unit(&self, building: &str, unit: &str) -> bool {
        self.is_empty()
            || self
                .flats
                .iter()
                .any(|f| f.building == building && f.unit == unit)
    }

    /// What exists around a flat that is not in the roster.
    pub(super) fn flat_hint(&self, flat: &FlatRef) -> Said {
        if self.has_unit(&flat.building, &flat.unit) {
            let rooms = self.sorted(|f| {
                (f.building == flat.building && f.unit == flat.unit).then(|| f.room.clone())
            });
            said!(A::RoomsOfUnit, building = flat.building, unit = flat.unit)
                .with("rooms", &list(&rooms))
        } else {
            self.unit_hint(&flat.building)
        }
    }

    /// What exists in a building (or in the estate) when a unit is not in the roster.
    pub(super) fn unit_hint(&self, building: &str) -> Said {
        if self.has_building(building) {
            let units = self.sorted(|f| (f.building == building).then(|| f.unit.clone()));
            said!(A::UnitsOfBuilding, building = building).with("units", &list(&units))
        } else {
            self.building_hint()
        }
    }

    pub(super) fn building_hint(&self) -> Said {
        let buildings = self.sorted(|f| Some(f.building.clone()));
        said!(A::BuildingsOfRoster).with("buildings", &list(&buildings))
    }

    /// Distinct parts picked from the flats, in natural order (2 before 10).
    fn sorted(&self, pick: impl Fn(&FlatRef) -> Option<String>) -> Vec<String> {
        let mut parts: Vec<String> = self
            .flats
            .iter()
            .filter_map(pick)
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        parts.sort_by(|a, b| natural_cmp(a, b).then_with(|| a.cmp(b)));
        parts
    }
}

/// A readable list; long ones are shortened to their ends and a count.
fn list(parts: &[String]) -> Said {
    const LONGEST: usize = 24;
    if parts.len() <= LONGEST {
        Said::verbatim("{list}").both("list", parts.join("、"), parts.join(", "))
    } else {
        said!(
            A::ListInAll,
            first = parts[0],
            second = parts[1],
            last = parts[parts.len() - 1],
            n = parts.len()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roster() -> HashSet<FlatRef> {
        let mut flats = HashSet::new();
        for b in ["1", "2", "10"] {
            for u in ["1", "2"] {
                for r in ["101", "102", "201", "1001"] {
                    flats.insert(FlatRef::new(b, u, r));
                }
            }
        }
        flats
    }

    #[test]
    fn hints_name_what_exists_in_natural_order() {
        let flats = roster();
        let view = RosterView::new(&flats);
        assert_eq!(
            view.flat_hint(&FlatRef::new("2", "1", "301")),
            "check the room number: unit 2-1 has rooms 101, 102, 201, 1001"
        );
        assert_eq!(
            view.flat_hint(&FlatRef::new("2", "3", "101")),
            "building 2 has units 1, 2"
        );
        assert_eq!(
            view.flat_hint(&FlatRef::new("4", "1", "101")),
            "the roster has buildings 1, 2, 10"
        );
    }

    #[test]
    fn an_empty_roster_checks_nothing() {
        let flats = HashSet::new();
        let view = RosterView::new(&flats);
        assert!(view.has_flat(&FlatRef::new("9", "9", "909")));
        assert!(view.has_unit("9", "9"));
    }

    #[test]
    fn long_lists_are_shortened() {
        let parts: Vec<String> = (1..=30).map(|n| n.to_string()).collect();
        assert_eq!(list(&parts), "1, 2, … 30 (30 in all)");
    }
}
