//! Which flats a vote concerns: the estate, one building, one unit, or a list of flats.

use std::fmt;

use super::address::split_parts;
use super::flat::FlatRef;

#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    Estate,
    Building(String),
    Unit { building: String, unit: String },
    Flats(Vec<FlatRef>),
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "'{0}' is not a scope: write \"estate\", a building (\"3\"), a unit (\"3-2\") or a list of flats"
)]
pub struct ScopeError(pub String);

impl Scope {
    /// Parses "estate" / "全小区", "3" / "3栋", "3-2" / "3栋2单元".
    pub fn parse(text: &str) -> Result<Scope, ScopeError> {
        let plain = super::written::half_width(text);
        let t = plain.trim();
        if matches!(
            t.to_lowercase().as_str(),
            "estate" | "all" | "全小区" | "小区"
        ) {
            return Ok(Scope::Estate);
        }
        match split_parts(t).as_slice() {
            [b] => Ok(Scope::Building(b.to_string())),
            [b, u] => Ok(Scope::Unit {
                building: b.to_string(),
                unit: u.to_string(),
            }),
            _ => Err(ScopeError(t.to_string())),
        }
    }

    pub fn contains(&self, flat: &FlatRef) -> bool {
        match self {
            Scope::Estate => true,
            Scope::Building(b) => &flat.building == b,
            Scope::Unit { building, unit } => &flat.building == building && &flat.unit == unit,
            Scope::Flats(list) => list.contains(flat),
        }
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scope::Estate => f.write_str("estate"),
            Scope::Building(b) => f.write_str(b),
            Scope::Unit { building, unit } => write!(f, "{building}-{unit}"),
            Scope::Flats(list) => {
                let names: Vec<String> = list.iter().map(ToString::to_string).collect();
                f.write_str(&names.join(", "))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_filters() {
        let unit = Scope::parse("3栋2单元").unwrap();
        assert_eq!(
            unit,
            Scope::Unit {
                building: "3".into(),
                unit: "2".into()
            }
        );
        assert!(unit.contains(&FlatRef::parse("3-2-501").unwrap()));
        assert!(!unit.contains(&FlatRef::parse("3-1-501").unwrap()));
        assert!(!unit.contains(&FlatRef::parse("13-2-501").unwrap()));
        let building = Scope::parse("3").unwrap();
        assert!(building.contains(&FlatRef::parse("3-1-101").unwrap()));
        assert!(!building.contains(&FlatRef::parse("4-1-101").unwrap()));
        assert!(
            Scope::parse("estate")
                .unwrap()
                .contains(&FlatRef::parse("9-9-909").unwrap())
        );
        let list = Scope::Flats(vec![FlatRef::parse("1-1-101").unwrap()]);
        assert!(list.contains(&FlatRef::parse("1-1-101").unwrap()));
        assert!(!list.contains(&FlatRef::parse("1-1-102").unwrap()));
        assert!(Scope::parse("3-2-501").is_err());
        assert_eq!(unit.to_string(), "3-2");
    }
}
