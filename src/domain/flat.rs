//! Flat addresses: building, unit, room — written `3-2-501`, `3 2 501` or `3栋2单元501`.

use std::cmp::Ordering;
use std::fmt;

/// Where a flat is. Parts are kept as text (some estates letter their buildings) and compared naturally.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FlatRef {
    pub building: String,
    pub unit: String,
    pub room: String,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a flat: write building-unit-room, e.g. 3-2-501 or 3栋2单元501")]
pub struct FlatRefError(pub String);

impl FlatRef {
    pub fn new(
        building: impl Into<String>,
        unit: impl Into<String>,
        room: impl Into<String>,
    ) -> Self {
        FlatRef {
            building: building.into(),
            unit: unit.into(),
            room: room.into(),
        }
    }

    /// Accepts `3-2-501`, `3 2 501`, `3/2/501`, `3栋2单元501`, `3号楼2单元501室`, `3#楼2单元0501`,
    /// full-width digits: each part in the one form a roster keeps (see `address`).
    pub fn parse(text: &str) -> Result<FlatRef, FlatRefError> {
        let parts = super::address::split_parts(text);
        match parts.as_slice() {
            [b, u, r] => Ok(FlatRef::new(b, u, r)),
            _ => Err(FlatRefError(text.trim().to_string())),
        }
    }

    /// Floor from the room number (501 → 5, 1203 → 12); rooms that are not numbers have none.
    pub fn floor(&self) -> Option<u32> {
        self.room.parse::<u32>().ok().map(|n| n / 100)
    }

    /// The sort order of a roll call: building, unit, floor, room — numbers compared as numbers.
    pub fn natural_cmp(&self, other: &FlatRef) -> Ordering {
        natural_cmp(&self.building, &other.building)
            .then_with(|| natural_cmp(&self.unit, &other.unit))
            .then_with(|| self.floor().cmp(&other.floor()))
            .then_with(|| natural_cmp(&self.room, &other.room))
    }
}

impl fmt::Display for FlatRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Padded only when a width or precision asks for it: most uses just want the text.
        if f.width().is_none() && f.precision().is_none() {
            write!(f, "{}-{}-{}", self.building, self.unit, self.room)
        } else {
            f.pad(&format!("{}-{}-{}", self.building, self.unit, self.room))
        }
    }
}

impl serde::Serialize for FlatRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for FlatRef {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        FlatRef::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl PartialOrd for FlatRef {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for FlatRef {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key().cmp(&other.key())
    }
}

/// A flat's place in roll-call order (see [`FlatRef::natural_cmp`]), then its texts: the order of
/// `FlatRef` itself. Worked out once per flat, sorting compares numbers instead of parsing the
/// same texts again at each of the 1.7 million comparisons 100,000 flats take.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct FlatKey<'a> {
    building: Natural<'a>,
    unit: Natural<'a>,
    floor: Option<u32>,
    room: Natural<'a>,
    text: (&'a str, &'a str, &'a str),
}

/// A part compared as [`natural_cmp`] does: numbers first, by value; then other text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Natural<'a> {
    Number(u64),
    Text(&'a str),
}

impl<'a> Natural<'a> {
    fn of(text: &'a str) -> Self {
        text.parse().map_or(Natural::Text(text), Natural::Number)
    }
}

impl FlatRef {
    pub fn key(&self) -> FlatKey<'_> {
        FlatKey {
            building: Natural::of(&self.building),
            unit: Natural::of(&self.unit),
            floor: self.floor(),
            room: Natural::of(&self.room),
            text: (&self.building, &self.unit, &self.room),
        }
    }
}

/// Sorts `items` by their flat, as `sort_by` with `FlatRef`'s order would (equal flats keep their
/// order), each flat's key worked out once.
pub fn sort_by_flat<T>(items: &mut [T], flat: impl Fn(&T) -> &FlatRef) {
    let mut order: Vec<(FlatKey<'_>, usize)> = items
        .iter()
        .enumerate()
        .map(|(i, t)| (flat(t).key(), i))
        .collect();
    order.sort_unstable();
    let mut order: Vec<usize> = order.into_iter().map(|(_, i)| i).collect();
    // Put each item where it goes, one cycle of the permutation at a time (no second vector of
    // items: at 100,000 flats that would be megabytes more at the peak).
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start || from == at {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// Compares text with embedded numbers as numbers ("2" < "10"), then as text.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    match (a.parse::<u64>(), b.parse::<u64>()) {
        (Ok(x), Ok(y)) => x.cmp(&y),
        (Ok(_), Err(_)) => Ordering::Less,
        (Err(_), Ok(_)) => Ordering::Greater,
        _ => a.cmp(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_every_written_form() {
        let want = FlatRef::new("3", "2", "501");
        for text in [
            "3-2-501",
            "3 2 501",
            "3栋2单元501",
            "3号楼2单元501室",
            " 3/2/501 ",
            "3幢2单元501",
        ] {
            assert_eq!(FlatRef::parse(text), Ok(want.clone()), "{text}");
        }
        assert!(FlatRef::parse("3-2").is_err());
        assert!(FlatRef::parse("").is_err());
        assert!(FlatRef::parse("3-2-501-1").is_err());
    }

    proptest::proptest! {
        #[test]
        fn sorting_by_keys_is_sorting_by_flats(
            parts in proptest::collection::vec(
                (0usize..6, 0usize..6, 0usize..8, 0u8..4),
                0..60,
            )
        ) {
            const TEXTS: [&str; 8] = ["1", "01", "2", "10", "A", "", "1203", "99999999999999999999"];
            let mut items: Vec<(FlatRef, u8)> = parts
                .iter()
                .map(|&(b, u, r, tag)| (FlatRef::new(TEXTS[b], TEXTS[u], TEXTS[r]), tag))
                .collect();
            let mut want = items.clone();
            want.sort_by(|a, b| a.0.natural_cmp(&b.0)
                .then_with(|| a.0.building.cmp(&b.0.building))
                .then_with(|| a.0.unit.cmp(&b.0.unit))
                .then_with(|| a.0.room.cmp(&b.0.room)));
            sort_by_flat(&mut items, |i| &i.0);
            proptest::prop_assert_eq!(items, want);
        }
    }

    #[test]
    fn orders_by_building_unit_floor_room() {
        let mut flats: Vec<FlatRef> = ["10-1-101", "2-1-1201", "2-1-201", "2-2-101", "2-1-202"]
            .iter()
            .map(|t| FlatRef::parse(t).unwrap())
            .collect();
        flats.sort();
        let shown: Vec<String> = flats.iter().map(|f| f.to_string()).collect();
        assert_eq!(
            shown,
            ["2-1-201", "2-1-202", "2-1-1201", "2-2-101", "10-1-101"]
        );
    }

    #[test]
    fn floor_from_room_number() {
        assert_eq!(FlatRef::parse("3-2-501").unwrap().floor(), Some(5));
        assert_eq!(FlatRef::parse("3-2-1203").unwrap().floor(), Some(12));
        assert_eq!(FlatRef::parse("3-2-A1").unwrap().floor(), None);
    }
}
