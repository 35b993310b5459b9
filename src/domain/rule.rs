//! Decision rules as exact fractions with inclusive (≥, 以上) or strict (>, 过半数) comparison (art. 1259).

use std::fmt;

/// `AtLeast` is "以上" (≥, exactly 2/3 is enough); `MoreThan` is "超过/过半数" (>, exactly half is not).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cmp {
    AtLeast,
    MoreThan,
}

/// A fraction and how to compare against it: `≥ 2/3`, `> 1/2`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Threshold {
    pub num: u32,
    pub den: u32,
    pub cmp: Cmp,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ThresholdError {
    #[error("'{0}' is not a fraction: write it like \">= 2/3\" or \"> 1/2\"")]
    Malformed(String),
    #[error("'{0}' must lie between 0 and 1 with a non-zero denominator")]
    OutOfRange(String),
}

impl Threshold {
    pub const fn at_least(num: u32, den: u32) -> Self {
        Threshold {
            num,
            den,
            cmp: Cmp::AtLeast,
        }
    }

    pub const fn more_than(num: u32, den: u32) -> Self {
        Threshold {
            num,
            den,
            cmp: Cmp::MoreThan,
        }
    }

    /// Whether `part` of `whole` meets the threshold, by cross-multiplication (no floating point).
    /// Nothing out of nothing is never met: an empty base cannot approve or participate.
    pub fn met(&self, part: i64, whole: i64) -> bool {
        if whole <= 0 {
            return false;
        }
        let lhs = part as i128 * self.den as i128;
        let rhs = self.num as i128 * whole as i128;
        match self.cmp {
            Cmp::AtLeast => lhs >= rhs,
            Cmp::MoreThan => lhs > rhs,
        }
    }

    /// The smallest part of `whole` that meets the threshold (whole > 0).
    pub fn smallest_part(&self, whole: i64) -> i64 {
        let prod = self.num as i128 * whole as i128;
        let den = self.den as i128;
        let part = match self.cmp {
            Cmp::AtLeast => (prod + den - 1).div_euclid(den),
            Cmp::MoreThan => prod.div_euclid(den) + 1,
        };
        part as i64
    }

    /// Parses ">= 2/3", "≥2/3", "> 1/2", "2/3" (inclusive when no sign is given, as "以上" is).
    pub fn parse(text: &str) -> Result<Threshold, ThresholdError> {
        let t = text.trim();
        let (cmp, rest) = if let Some(r) = t.strip_prefix(">=").or_else(|| t.strip_prefix('≥')) {
            (Cmp::AtLeast, r)
        } else if let Some(r) = t.strip_prefix('>') {
            (Cmp::MoreThan, r)
        } else {
            (Cmp::AtLeast, t)
        };
        let malformed = || ThresholdError::Malformed(t.to_string());
        let (n, d) = rest.trim().split_once('/').ok_or_else(malformed)?;
        let num: u32 = n.trim().parse().map_err(|_| malformed())?;
        let den: u32 = d.trim().parse().map_err(|_| malformed())?;
        if den == 0 || num > den {
            return Err(ThresholdError::OutOfRange(t.to_string()));
        }
        Ok(Threshold { num, den, cmp })
    }
}

impl fmt::Display for Threshold {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = match self.cmp {
            Cmp::AtLeast => "≥",
            Cmp::MoreThan => ">",
        };
        write!(f, "{sign} {}/{}", self.num, self.den)
    }
}

/// Two thresholds, one by floor area and one by headcount; a missing one is not required.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Double {
    pub area: Option<Threshold>,
    pub heads: Option<Threshold>,
}

/// Who makes up the base of the vote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Electorate {
    /// Every owner in the scope (owners' joint decisions, art. 278).
    Owners,
    /// Only the owners signed in at the meeting (consultative show of hands).
    Present,
}

/// A decision rule: participation measured against all of the electorate, approval against participants.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Rule {
    pub name: String,
    /// A line for the minutes saying why this rule applies.
    pub basis: String,
    pub electorate: Electorate,
    pub participation: Double,
    pub approval: Double,
    /// `false` for discussion-only items (rule `none`).
    pub votes: bool,
}

pub const CIVIL_CODE_MAJOR: &str = "civil-code-major";
pub const CIVIL_CODE_ORDINARY: &str = "civil-code-ordinary";
pub const SHOW_OF_HANDS: &str = "show-of-hands";
pub const NONE: &str = "none";

/// The names of the built-in rules, for error hints.
pub const BUILTIN_RULES: [&str; 4] = [CIVIL_CODE_MAJOR, CIVIL_CODE_ORDINARY, SHOW_OF_HANDS, NONE];

impl Rule {
    /// Art. 278 matters 6–8: double ≥ 2/3 participation, double ≥ 3/4 of participants approve.
    pub fn civil_code_major() -> Rule {
        Rule {
            name: CIVIL_CODE_MAJOR.into(),
            basis: "Civil Code art. 278 (matters 6–8): double ≥ 2/3 participation, double ≥ 3/4 approval of participants".into(),
            electorate: Electorate::Owners,
            participation: Double { area: Some(Threshold::at_least(2, 3)), heads: Some(Threshold::at_least(2, 3)) },
            approval: Double { area: Some(Threshold::at_least(3, 4)), heads: Some(Threshold::at_least(3, 4)) },
            votes: true,
        }
    }

    /// Art. 278 other matters: double ≥ 2/3 participation, double > 1/2 of participants approve.
    pub fn civil_code_ordinary() -> Rule {
        Rule {
            name: CIVIL_CODE_ORDINARY.into(),
            basis: "Civil Code art. 278 (other matters): double ≥ 2/3 participation, double > 1/2 approval of participants".into(),
            electorate: Electorate::Owners,
            participation: Double { area: Some(Threshold::at_least(2, 3)), heads: Some(Threshold::at_least(2, 3)) },
            approval: Double { area: Some(Threshold::more_than(1, 2)), heads: Some(Threshold::more_than(1, 2)) },
            votes: true,
        }
    }

    /// Consultative: those present vote; more than half of those voting (by headcount) approve.
    pub fn show_of_hands() -> Rule {
        Rule {
            name: SHOW_OF_HANDS.into(),
            basis: "Consultative item: show of hands of those present, > 1/2 of those voting"
                .into(),
            electorate: Electorate::Present,
            participation: Double::default(),
            approval: Double {
                area: None,
                heads: Some(Threshold::more_than(1, 2)),
            },
            votes: true,
        }
    }

    /// Discussion only: no vote.
    pub fn none() -> Rule {
        Rule {
            name: NONE.into(),
            basis: "Discussion only: no vote".into(),
            electorate: Electorate::Present,
            participation: Double::default(),
            approval: Double::default(),
            votes: false,
        }
    }

    /// A built-in rule by name, or by its Chinese alias (重大事项, 一般事项, 举手表决, 只议不决).
    pub fn builtin(name: &str) -> Option<Rule> {
        match name {
            CIVIL_CODE_MAJOR | "重大事项" => Some(Rule::civil_code_major()),
            CIVIL_CODE_ORDINARY | "一般事项" => Some(Rule::civil_code_ordinary()),
            SHOW_OF_HANDS | "举手表决" => Some(Rule::show_of_hands()),
            NONE | "只议不决" => Some(Rule::none()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_follow_article_1259() {
        let two_thirds = Threshold::at_least(2, 3);
        assert!(two_thirds.met(8, 12), "exactly 2/3 is enough");
        assert!(!two_thirds.met(7, 12));
        assert!(two_thirds.met(6, 9), "two-thirds of 9 is 6, not 7");
        let half = Threshold::more_than(1, 2);
        assert!(!half.met(4, 8), "exactly half is not more than half");
        assert!(half.met(5, 8));
        let three_quarters = Threshold::at_least(3, 4);
        assert!(three_quarters.met(6, 8));
        assert!(!three_quarters.met(5, 8));
        assert!(
            !three_quarters.met(0, 0),
            "nothing out of nothing is never met"
        );
    }

    #[test]
    fn smallest_part_meets_and_one_less_does_not() {
        for t in [
            Threshold::at_least(2, 3),
            Threshold::more_than(1, 2),
            Threshold::at_least(3, 4),
        ] {
            for whole in 1..200 {
                let p = t.smallest_part(whole);
                assert!(t.met(p, whole), "{t} {p}/{whole}");
                assert!(!t.met(p - 1, whole), "{t} {}/{whole}", p - 1);
            }
        }
    }

    #[test]
    fn parses_thresholds() {
        assert_eq!(Threshold::parse(">= 2/3"), Ok(Threshold::at_least(2, 3)));
        assert_eq!(Threshold::parse("≥3/4"), Ok(Threshold::at_least(3, 4)));
        assert_eq!(Threshold::parse("> 1/2"), Ok(Threshold::more_than(1, 2)));
        assert_eq!(Threshold::parse("2/3"), Ok(Threshold::at_least(2, 3)));
        assert!(Threshold::parse("0.66").is_err());
        assert!(Threshold::parse("3/2").is_err());
        assert!(Threshold::parse("1/0").is_err());
    }
}
