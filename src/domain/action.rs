//! Step 3 (社区办事): who does what by when, carried from meeting to meeting until residents confirm it.

use std::fmt;

use jiff::civil::Date;

/// Who is responsible for an action.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Responsible {
    CommunityOffice,
    PropertyCompany,
    OwnersCommittee,
    Person(String),
}

impl Responsible {
    /// Accepts the English keys and the usual Chinese names; anything else is a named person.
    pub fn parse(text: &str) -> Responsible {
        let t = text.trim();
        match t.to_lowercase().as_str() {
            "community" | "community-office" | "社区" | "社区居委会" | "居委会" | "社区办" => {
                Responsible::CommunityOffice
            }
            "property" | "property-company" | "物业" | "物业公司" => {
                Responsible::PropertyCompany
            }
            "committee" | "owners-committee" | "业委会" | "业主委员会" => {
                Responsible::OwnersCommittee
            }
            _ => Responsible::Person(t.to_string()),
        }
    }

    /// The stored form: a fixed key, or the person's name.
    pub fn key(&self) -> &str {
        match self {
            Responsible::CommunityOffice => "community",
            Responsible::PropertyCompany => "property",
            Responsible::OwnersCommittee => "committee",
            Responsible::Person(name) => name,
        }
    }
}

impl fmt::Display for Responsible {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.key())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActionStatus {
    Open,
    InProgress,
    /// Struck off after residents confirmed it is done (销号).
    Closed,
}

impl ActionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::InProgress => "in-progress",
            ActionStatus::Closed => "closed",
        }
    }

    pub fn parse(text: &str) -> Option<ActionStatus> {
        [
            ActionStatus::Open,
            ActionStatus::InProgress,
            ActionStatus::Closed,
        ]
        .into_iter()
        .find(|s| s.as_str() == text)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ActionError {
    #[error("an action is closed only with a note of who confirmed it is done")]
    NoConfirmation,
    #[error("the action is already closed")]
    AlreadyClosed,
    #[error("an action needs a description of what is to be done")]
    NoDescription,
}

/// Checks that a closing note is present and the action not closed already.
pub fn check_close(status: ActionStatus, confirmation: &str) -> Result<(), ActionError> {
    if status == ActionStatus::Closed {
        return Err(ActionError::AlreadyClosed);
    }
    if confirmation.trim().is_empty() {
        return Err(ActionError::NoConfirmation);
    }
    Ok(())
}

/// Overdue: past its due date and not closed.
pub fn is_overdue(status: ActionStatus, due: Option<Date>, today: Date) -> bool {
    status != ActionStatus::Closed && due.is_some_and(|d| d < today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn responsible_parties() {
        assert_eq!(Responsible::parse("物业公司"), Responsible::PropertyCompany);
        assert_eq!(
            Responsible::parse("community"),
            Responsible::CommunityOffice
        );
        assert_eq!(Responsible::parse("业委会"), Responsible::OwnersCommittee);
        assert_eq!(
            Responsible::parse("王秀兰"),
            Responsible::Person("王秀兰".into())
        );
        assert_eq!(
            Responsible::parse(Responsible::PropertyCompany.key()),
            Responsible::PropertyCompany
        );
    }

    #[test]
    fn closing_needs_a_confirmation_note() {
        assert_eq!(
            check_close(ActionStatus::Open, "  "),
            Err(ActionError::NoConfirmation)
        );
        assert_eq!(
            check_close(ActionStatus::Closed, "ok"),
            Err(ActionError::AlreadyClosed)
        );
        assert_eq!(
            check_close(ActionStatus::InProgress, "3栋居民代表确认"),
            Ok(())
        );
    }

    #[test]
    fn overdue_only_while_open() {
        let today = date(2026, 11, 21);
        assert!(is_overdue(
            ActionStatus::Open,
            Some(date(2026, 11, 20)),
            today
        ));
        assert!(!is_overdue(ActionStatus::Open, Some(today), today));
        assert!(!is_overdue(
            ActionStatus::Closed,
            Some(date(2026, 1, 1)),
            today
        ));
        assert!(!is_overdue(ActionStatus::InProgress, None, today));
    }
}
