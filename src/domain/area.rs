//! Floor area in integer hundredths of a square metre: no floating point anywhere in a tally.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Sub};

/// An area in hundredths of m² (`Area(5505)` is 55.05 m²).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Area(pub i64);

/// Why a text is not an area.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AreaError {
    #[error("empty")]
    Empty,
    #[error("'{0}' is not a number (write it like 56.45)")]
    NotANumber(String),
    #[error("'{0}' has more than two decimals")]
    TooManyDecimals(String),
    #[error("'{0}' is not positive")]
    NotPositive(String),
    #[error("'{0}' is too large")]
    TooLarge(String),
}

impl Area {
    pub const ZERO: Area = Area(0);

    pub fn centi(self) -> i64 {
        self.0
    }

    /// Parses "56.45", "56.4", "56" (optionally with a trailing ㎡ or m²); the area must be positive.
    pub fn parse_positive(text: &str) -> Result<Area, AreaError> {
        let area = Area::parse(text)?;
        if area.0 <= 0 {
            return Err(AreaError::NotPositive(text.trim().to_string()));
        }
        Ok(area)
    }

    /// Parses a decimal with at most two decimals, without going through floating point.
    pub fn parse(text: &str) -> Result<Area, AreaError> {
        let t = text.trim();
        let t = t
            .strip_suffix('㎡')
            .or_else(|| t.strip_suffix("m²"))
            .unwrap_or(t)
            .trim();
        if t.is_empty() {
            return Err(AreaError::Empty);
        }
        let (neg, digits) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t.strip_prefix('+').unwrap_or(t)),
        };
        let (int, frac) = match digits.split_once('.') {
            Some((i, f)) => (i, f),
            None => (digits, ""),
        };
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if int.is_empty() && frac.is_empty()
            || !all_digits(int)
            || !all_digits(frac)
            || (digits.contains('.') && frac.is_empty())
        {
            return Err(AreaError::NotANumber(text.trim().to_string()));
        }
        if frac.len() > 2 {
            return Err(AreaError::TooManyDecimals(text.trim().to_string()));
        }
        let too_large = || AreaError::TooLarge(text.trim().to_string());
        let int_value: i64 = if int.is_empty() {
            0
        } else if int.len() > 12 {
            return Err(too_large());
        } else {
            int.parse().map_err(|_| too_large())?
        };
        let frac_value: i64 = match frac.len() {
            0 => 0,
            1 => frac.parse::<i64>().unwrap_or(0) * 10,
            _ => frac.parse::<i64>().unwrap_or(0),
        };
        let value = int_value * 100 + frac_value;
        if neg {
            // A negative area is a number, just not a valid one; say so precisely.
            return Err(AreaError::NotPositive(text.trim().to_string()));
        }
        Ok(Area(value))
    }
}

impl fmt::Display for Area {
    /// Always two decimals: "1623.40".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let text = format!("{sign}{}.{:02}", abs / 100, abs % 100);
        f.pad(&text)
    }
}

/// Serialised as a string with exactly two decimals ("1623.40"), never as a float.
impl serde::Serialize for Area {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Area {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Area::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl Add for Area {
    type Output = Area;
    fn add(self, rhs: Area) -> Area {
        Area(self.0 + rhs.0)
    }
}

impl AddAssign for Area {
    fn add_assign(&mut self, rhs: Area) {
        self.0 += rhs.0;
    }
}

impl Sub for Area {
    type Output = Area;
    fn sub(self, rhs: Area) -> Area {
        Area(self.0 - rhs.0)
    }
}

impl Sum for Area {
    fn sum<I: Iterator<Item = Area>>(iter: I) -> Area {
        iter.fold(Area::ZERO, Add::add)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_exact_hundredths() {
        assert_eq!(Area::parse("56.45"), Ok(Area(5645)));
        assert_eq!(Area::parse("56.4"), Ok(Area(5640)));
        assert_eq!(Area::parse("56"), Ok(Area(5600)));
        assert_eq!(Area::parse(" 0.05 "), Ok(Area(5)));
        assert_eq!(Area::parse("88.10㎡"), Ok(Area(8810)));
        assert_eq!(Area::parse(".5"), Ok(Area(50)));
    }

    #[test]
    fn rejects_bad_areas() {
        assert!(matches!(
            Area::parse("56.456"),
            Err(AreaError::TooManyDecimals(_))
        ));
        assert!(matches!(Area::parse("abc"), Err(AreaError::NotANumber(_))));
        assert!(matches!(Area::parse("5,6"), Err(AreaError::NotANumber(_))));
        assert!(matches!(Area::parse("56."), Err(AreaError::NotANumber(_))));
        assert!(matches!(Area::parse(""), Err(AreaError::Empty)));
        assert!(matches!(
            Area::parse_positive("-3.00"),
            Err(AreaError::NotPositive(_))
        ));
        assert!(matches!(
            Area::parse_positive("0"),
            Err(AreaError::NotPositive(_))
        ));
    }

    #[test]
    fn displays_two_decimals() {
        assert_eq!(Area(162340).to_string(), "1623.40");
        assert_eq!(Area(5).to_string(), "0.05");
        assert_eq!(Area(0).to_string(), "0.00");
        assert_eq!(format!("{:>8}", Area(5505)), "   55.05");
    }
}
