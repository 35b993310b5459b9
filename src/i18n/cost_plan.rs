//! Texts of an agenda's cost plan (`[items.cost]`) when it cannot be right, and of a plan that cannot
//! be shared out: the problems `check` reports and the reasons the domain gives.

use super::{Said, catalogue, said};
use crate::domain::cost::{CostError, DecimalError};

catalogue! {
    /// A problem with a cost plan.
    CostPlanText {
        WriteUnderHeader => "请把方案写在 [items.cost] 标题下，如 {example}",
            "write the plan below an [items.cost] header, e.g. {example}";
        PlanOfItem => "议题 {n} 的费用分摊方案：{error}", "the cost plan of item {n}: {error}";
        CheckSubsidy => "补贴从总费用中扣除：请核对这两个数", "the subsidy is deducted from the amount: check both figures";
        NoCoefficientFor => "议题 {n} 的费用分摊方案缺少这些楼层的系数：{floors}",
            "the cost plan of item {n} has no coefficient for floor {floors}";
        FloorOfFlat => "{floor} 层（{flat}）", "{floor} ({flat})";
        EveryFloor => "请为范围内每一层给出系数（不分摊的楼层写 0）",
            "give every floor of the scope a coefficient (0 for a floor that pays nothing)";
        FloorUnreadable => "无法从房号看出 {flats} 在哪一层", "the floor of {flats} cannot be read from the room number";
        FloorFromRoom => "费用按楼层分摊：房号须是楼层加门号（501 在 5 层）",
            "cost is shared by floor: rooms must be numbered floor then door (501 is on floor 5)";
        KeyValue => "「{key}」：{error}", "'{key}': {error}";
        WritePositive => "请写正数：{what}", "write a positive number: {what}";
        Write => "请写{what}", "write {what}";
        Yuan => "以元为单位、精确到分的金额，如 780000.00", "yuan, to the fen: 780000.00";
        Coefficient => "系数，如 0.3 或 1.25", "a coefficient such as 0.3 or 1.25";
        NotAFloor => "「{name}」不是楼层号", "'{name}' is not a floor number";
        WholeFloors => "每层写成从 1 起的整数：{example}", "write each floor as a whole number from 1: {example}";
        FloorValue => "第 {floor} 层：{error}", "floor {floor}: {error}";
        NoFloorsGiven => "费用分摊方案没有列出楼层", "the cost plan gives no floors";
        NotANumber => "「{text}」不是数字（请写成 780000.00 这样）", "'{text}' is not a number (write it like 780000.00)";
        TooManyDecimals => "「{text}」超过 {n} 位小数", "'{text}' has more than {n} decimals";
        Negative => "「{text}」是负数", "'{text}' is negative";
        TooLarge => "「{text}」太大", "'{text}' is too large";
        SubsidyExceeds => "补贴（{subsidy}）大于总费用（{amount}）", "the subsidy ({subsidy}) is larger than the amount ({amount})";
        NoFloors => "方案没有楼层：请给每层一个系数，如 1 = 0, 2 = 0.3",
            "the plan has no floors: give each floor a coefficient, e.g. 1 = 0, 2 = 0.3";
        NoFlats => "议题范围内没有房屋，无人分摊费用", "no flat is in the item's scope, so nobody shares the cost";
        NoCoefficient => "{flat} 在 {floor} 层，该层没有系数：请在方案的 floors 中加上 {floor} = …",
            "flat {flat} is on floor {floor}, which has no coefficient: add {floor} = … to the plan's floors";
        NobodyPays => "范围内每套房屋的系数都是 0，业主分摊的 {to_raise} 无人承担",
            "every flat in scope has coefficient 0, so nobody pays the {to_raise} to raise";
    }
}

/// Why a written number is not a valid amount or coefficient.
pub fn decimal_error(e: &DecimalError) -> Said {
    use CostPlanText as C;
    match e {
        DecimalError::NotANumber(text) => said!(C::NotANumber, text = text),
        DecimalError::TooManyDecimals(text, n) => said!(C::TooManyDecimals, text = text, n = n),
        DecimalError::Negative(text) => said!(C::Negative, text = text),
        DecimalError::TooLarge(text) => said!(C::TooLarge, text = text),
    }
}

/// Why a plan cannot be shared out.
pub fn cost_error(e: &CostError) -> Said {
    use CostPlanText as C;
    match e {
        CostError::SubsidyExceedsAmount { amount, subsidy } => {
            said!(C::SubsidyExceeds, amount = amount, subsidy = subsidy)
        }
        CostError::NoFloors => said!(C::NoFloors),
        CostError::NoFlats => said!(C::NoFlats),
        CostError::NoCoefficient { flat, floor } => {
            said!(C::NoCoefficient, flat = flat, floor = floor)
        }
        CostError::NobodyPays { to_raise } => said!(C::NobodyPays, to_raise = to_raise),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cost::Fen;
    use crate::lang::Lang;

    /// The English is the domain's own wording; the Chinese is not the English.
    #[test]
    fn every_reason_in_both_languages() {
        let decimals = [
            DecimalError::NotANumber("x".into()),
            DecimalError::TooManyDecimals("0.12345".into(), 4),
            DecimalError::Negative("-1".into()),
            DecimalError::TooLarge("9".repeat(30)),
        ];
        for e in &decimals {
            let s = decimal_error(e);
            assert_eq!(s.render(Lang::En), e.to_string());
            assert_ne!(s.render(Lang::Zh), s.render(Lang::En));
        }
        let costs = [
            CostError::SubsidyExceedsAmount {
                amount: Fen(100),
                subsidy: Fen(200),
            },
            CostError::NoFloors,
            CostError::NoFlats,
            CostError::NoCoefficient {
                flat: crate::domain::FlatRef::new("3", "2", "501"),
                floor: 5,
            },
            CostError::NobodyPays { to_raise: Fen(100) },
        ];
        for e in &costs {
            let s = cost_error(e);
            assert_eq!(s.render(Lang::En), e.to_string());
            assert_ne!(s.render(Lang::Zh), s.render(Lang::En));
        }
    }
}
