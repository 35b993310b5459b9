//! Sharing an elevator retrofit's cost by floor (DOMAIN §6), exactly, in fen.
//!
//! Each flat's weight is its floor's coefficient (optionally times its area); its exact share of the amount
//! to raise is `to_raise × weight / total weight`, a fraction of integers. Shares are rounded down to the
//! fen and the fen left over go, one each, to the flats with the largest remainders (the largest-remainder
//! method), so the shares add up exactly to the amount to raise.
//!
//! Ties between equal remainders are broken by a fixed order: the larger weight first, then the flat's
//! address order (building, unit, floor, room, numbers as numbers). So of two equal flats 501 and 502
//! sharing an odd fen, 501 pays it. The order depends on nothing but the plan and the flats.

use std::collections::BTreeMap;
use std::fmt;

use super::area::Area;
use super::flat::FlatRef;

/// Money in fen (分): `Fen(123456)` is ¥1234.56.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(transparent)]
pub struct Fen(pub i64);

/// A floor's coefficient, an exact decimal with at most four places (kept in ten-thousandths).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Coefficient(i64);

/// Why a decimal text is not an amount or a coefficient.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecimalError {
    #[error("'{0}' is not a number (write it like 780000.00)")]
    NotANumber(String),
    #[error("'{0}' has more than {1} decimals")]
    TooManyDecimals(String, u32),
    #[error("'{0}' is negative")]
    Negative(String),
    #[error("'{0}' is too large")]
    TooLarge(String),
}

/// Parses a non-negative decimal with at most `places` decimals into an integer of that scale
/// ("0.3" with 4 places → 3000), without floating point. Thousands separators are not accepted.
pub fn parse_decimal(text: &str, places: u32) -> Result<i64, DecimalError> {
    let t = text.trim();
    let shown = || t.to_string();
    if let Some(rest) = t.strip_prefix('-') {
        return Err(if parse_decimal(rest, places).is_ok() {
            DecimalError::Negative(shown())
        } else {
            DecimalError::NotANumber(shown())
        });
    }
    let digits = t.strip_prefix('+').unwrap_or(t);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty())
        || !all_digits(int)
        || !all_digits(frac)
        || (digits.contains('.') && frac.is_empty())
    {
        return Err(DecimalError::NotANumber(shown()));
    }
    if frac.len() > places as usize {
        return Err(DecimalError::TooManyDecimals(shown(), places));
    }
    let scale = 10i64.pow(places);
    let int_value: i64 = if int.is_empty() {
        0
    } else if int.trim_start_matches('0').len() > 12 {
        return Err(DecimalError::TooLarge(shown()));
    } else {
        int.parse().map_err(|_| DecimalError::TooLarge(shown()))?
    };
    let frac_value: i64 = if frac.is_empty() {
        0
    } else {
        frac.parse::<i64>().unwrap_or(0) * 10i64.pow(places - frac.len() as u32)
    };
    Ok(int_value * scale + frac_value)
}

impl Fen {
    pub const ZERO: Fen = Fen(0);

    /// Parses yuan exact to the fen: "780000", "780000.5", "780000.50".
    pub fn parse_yuan(text: &str) -> Result<Fen, DecimalError> {
        parse_decimal(text, 2).map(Fen)
    }
}

impl fmt::Display for Fen {
    /// Yuan with two decimals: "1234.56".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        f.pad(&format!("{sign}{}.{:02}", abs / 100, abs % 100))
    }
}

impl Coefficient {
    const SCALE: i64 = 10_000;

    /// Parses "0", "0.3", "1.25", "1.2345" (non-negative, at most four decimals).
    pub fn parse(text: &str) -> Result<Coefficient, DecimalError> {
        parse_decimal(text, 4).map(Coefficient)
    }

    /// The coefficient in ten-thousandths (1.2 → 12000).
    pub fn ten_thousandths(self) -> i64 {
        self.0
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }
}

impl fmt::Display for Coefficient {
    /// The shortest exact decimal: "0", "0.3", "1.25", "2".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (int, frac) = (self.0 / Self::SCALE, self.0 % Self::SCALE);
        let text = if frac == 0 {
            int.to_string()
        } else {
            let digits = format!("{frac:04}");
            format!("{int}.{}", digits.trim_end_matches('0'))
        };
        f.pad(&text)
    }
}

impl serde::Serialize for Coefficient {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Coefficient {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Coefficient::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// How an item's cost is shared: the amount, the subsidy deducted, and the coefficient of each floor.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CostPlan {
    pub amount_fen: Fen,
    pub subsidy_fen: Fen,
    /// Floor number → coefficient. Every floor with a flat in scope needs one (0 for floors that pay nothing).
    pub floors: BTreeMap<u32, Coefficient>,
    /// Each flat's weight is its coefficient times its area (else the coefficient alone).
    pub by_area: bool,
}

/// A flat taking part in the sharing: where it is, its floor and its area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CostFlat {
    pub flat: FlatRef,
    pub floor: u32,
    pub area: Area,
}

/// One flat's share.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Share {
    pub flat: FlatRef,
    pub floor: u32,
    pub coefficient: Coefficient,
    pub area_m2: Area,
    pub fen: Fen,
}

/// The subtotal of one floor.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct FloorTotal {
    pub floor: u32,
    pub coefficient: Coefficient,
    pub flats: usize,
    pub fen: Fen,
}

/// The whole sharing: each flat's share (in address order) and each floor's subtotal (lowest first).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Sharing {
    pub amount_fen: Fen,
    pub subsidy_fen: Fen,
    pub to_raise_fen: Fen,
    pub by_area: bool,
    pub shares: Vec<Share>,
    pub floors: Vec<FloorTotal>,
}

/// Why a plan cannot be shared out.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CostError {
    #[error("the subsidy ({subsidy}) is larger than the amount ({amount})")]
    SubsidyExceedsAmount { amount: Fen, subsidy: Fen },
    #[error("the plan has no floors: give each floor a coefficient, e.g. 1 = 0, 2 = 0.3")]
    NoFloors,
    #[error("no flat is in the item's scope, so nobody shares the cost")]
    NoFlats,
    #[error(
        "flat {flat} is on floor {floor}, which has no coefficient: add {floor} = … to the plan's floors"
    )]
    NoCoefficient { flat: FlatRef, floor: u32 },
    #[error("every flat in scope has coefficient 0, so nobody pays the {to_raise} to raise")]
    NobodyPays { to_raise: Fen },
}

impl CostPlan {
    /// The amount the owners raise: the amount less the subsidy.
    pub fn to_raise(&self) -> Fen {
        Fen(self.amount_fen.0 - self.subsidy_fen.0)
    }

    /// Checks what needs no roster: the subsidy fits in the amount and there are floors.
    pub fn check(&self) -> Result<(), CostError> {
        if self.subsidy_fen > self.amount_fen {
            return Err(CostError::SubsidyExceedsAmount {
                amount: self.amount_fen,
                subsidy: self.subsidy_fen,
            });
        }
        if self.floors.is_empty() {
            return Err(CostError::NoFloors);
        }
        Ok(())
    }

    /// A flat's weight: its coefficient (in ten-thousandths), times its area in hundredths of m² if
    /// the plan weights by area.
    fn weight(&self, flat: &CostFlat) -> Result<i128, CostError> {
        let coefficient = self
            .floors
            .get(&flat.floor)
            .ok_or_else(|| CostError::NoCoefficient {
                flat: flat.flat.clone(),
                floor: flat.floor,
            })?;
        let c = i128::from(coefficient.0);
        Ok(if self.by_area {
            c * i128::from(flat.area.centi())
        } else {
            c
        })
    }

    /// Shares the amount to raise among `flats` (see the module's documentation for the method).
    pub fn share(&self, flats: &[CostFlat]) -> Result<Sharing, CostError> {
        self.check()?;
        if flats.is_empty() {
            return Err(CostError::NoFlats);
        }
        let mut flats: Vec<&CostFlat> = flats.iter().collect();
        super::flat::sort_by_flat(&mut flats, |f| &f.flat);
        let weights = flats
            .iter()
            .map(|f| self.weight(f))
            .collect::<Result<Vec<i128>, _>>()?;
        let total: i128 = weights.iter().sum();
        let to_raise = self.to_raise();
        let amounts = if to_raise.0 == 0 {
            vec![0; flats.len()]
        } else if total == 0 {
            return Err(CostError::NobodyPays { to_raise });
        } else {
            largest_remainder(i128::from(to_raise.0), &weights, total)
        };
        let shares: Vec<Share> = flats
            .iter()
            .zip(amounts)
            .map(|(f, fen)| Share {
                flat: f.flat.clone(),
                floor: f.floor,
                coefficient: self.floors[&f.floor],
                area_m2: f.area,
                fen: Fen(fen),
            })
            .collect();
        let mut by_floor: BTreeMap<u32, FloorTotal> = BTreeMap::new();
        for s in &shares {
            let t = by_floor.entry(s.floor).or_insert(FloorTotal {
                floor: s.floor,
                coefficient: s.coefficient,
                flats: 0,
                fen: Fen::ZERO,
            });
            t.flats += 1;
            t.fen.0 += s.fen.0;
        }
        Ok(Sharing {
            amount_fen: self.amount_fen,
            subsidy_fen: self.subsidy_fen,
            to_raise_fen: to_raise,
            by_area: self.by_area,
            shares,
            floors: by_floor.into_values().collect(),
        })
    }
}

/// `amount × weight / total` for each weight, rounded down, plus one fen each for the largest
/// remainders until the sum is `amount`. `weights` come in address order; ties go to the larger weight,
/// then to the earlier address. Needs `total > 0`.
fn largest_remainder(amount: i128, weights: &[i128], total: i128) -> Vec<i64> {
    let exact: Vec<(i128, i128)> = weights
        .iter()
        .map(|w| (amount * w / total, amount * w % total))
        .collect();
    let given: i128 = exact.iter().map(|(q, _)| q).sum();
    let left = usize::try_from(amount - given).unwrap_or(0);
    let mut order: Vec<usize> = (0..weights.len()).collect();
    // Remainders share the denominator `total`, so comparing them compares the fractions exactly.
    order.sort_by(|&a, &b| {
        exact[b]
            .1
            .cmp(&exact[a].1)
            .then_with(|| weights[b].cmp(&weights[a]))
            .then_with(|| a.cmp(&b))
    });
    let mut out: Vec<i64> = exact.iter().map(|(q, _)| *q as i64).collect();
    for &i in order.iter().take(left) {
        out[i] += 1;
    }
    out
}

#[cfg(test)]
mod tests;
