//! Texts of the cost sharing (加装电梯费用分摊): the `cost` command, the minutes, the item screen.

use super::{Said, catalogue, said};
use crate::domain::cost::{CostError, DecimalError};

catalogue! {
    /// A text of the cost sharing.
    CostText {
        Heading => "费用分摊", "Cost sharing";
        Amount => "总费用", "Total cost";
        Subsidy => "补贴", "Subsidy";
        ToRaise => "业主分摊", "Shared by the owners";
        Method => "分摊方式", "Method";
        ByFloor => "按楼层系数", "by floor coefficient";
        ByFloorArea => "按楼层系数×建筑面积", "by floor coefficient × floor area";
        Yuan => "{amount} 元", "¥{amount}";
        Rounding => "各户金额按精确分数计算，以最大余数法取整到分，合计与业主分摊总额分毫不差；余数相同时权重大者优先，再按房号顺序。",
            "Each share is an exact fraction rounded to the fen by the largest-remainder method, so the shares add up exactly to the amount shared; between equal remainders the larger weight goes first, then the earlier flat.";
        PerFlat => "各户分摊", "Share of each flat";
        PerFloor => "各楼层小计", "Subtotal by floor";
        Flat => "房号", "Flat";
        Floor => "楼层", "Floor";
        Coefficient => "系数", "Coefficient";
        AreaM2 => "面积（㎡）", "Area (m²)";
        Flats => "户数", "Flats";
        ShareYuan => "金额（元）", "Amount (yuan)";
        Total => "合计", "Total";
        Changed => "{at} 修改分摊方案，原因：{reason}。原方案（保留在记录中）：{earlier}", "Plan changed on {at}: {reason}. Earlier plan (kept in the record): {earlier}";
        PlanLine => "总费用 {amount} 元，补贴 {subsidy} 元，{method}，楼层系数 {floors}", "total ¥{amount}, subsidy ¥{subsidy}, {method}, floor coefficients {floors}";
        CsvHeading => "第 {n} 项费用分摊：总费用 {amount} 元；补贴 {subsidy} 元；业主分摊 {to_raise} 元；{method}", "Item {n} cost sharing: total ¥{amount}; subsidy ¥{subsidy}; shared by the owners ¥{to_raise}; {method}";
        CsvPlans => "第 {n} 项费用分摊方案的修改（修改前的方案及现行方案）", "Item {n} cost plan changes (the plans replaced and the current plan)";
        Plan => "方案", "Plan";
        PlanCurrent => "现行方案", "current plan";
        PlanReplaced => "修改前方案", "plan before a change";
        AmountYuan => "总费用（元）", "Total cost (yuan)";
        SubsidyYuan => "补贴（元）", "Subsidy (yuan)";
        ToRaiseYuan => "业主分摊（元）", "Shared by the owners (yuan)";
        FloorCoefficients => "楼层系数", "Floor coefficients";
        ChangedAt => "修改时间", "Changed at";
        ChangeReason => "修改原因", "Reason for the change";
        Remarks => "说明", "Remarks";
        CsvCannotShare => "第 {n} 项费用无法分摊：{why}", "Item {n}: the cost cannot be shared: {why}";
        CannotShare => "无法分摊费用：{why}", "The cost cannot be shared: {why}";
        NoPlan => "议题 {n} 没有费用分摊方案", "item {n} has no cost plan";
        WriteUnderHeader => "请把方案写在 [items.cost] 标题下，如 {example}", "write the plan below an [items.cost] header, e.g. {example}";
        FloorOfFlat => "{floor} 层（{flat}）", "{floor} ({flat})";
        MissingFloors => "议题 {n} 的费用分摊方案缺少楼层系数：{floors}", "the cost plan of item {n} has no coefficient for floor {floors}";
        MissingFloorsHint => "请为范围内的每一层写一个系数（不分摊的楼层写 0）", "give every floor of the scope a coefficient (0 for a floor that pays nothing)";
        NotAFloor => "“{name}”不是楼层号", "'{name}' is not a floor number";
        NotAFloorHint => "每层写成从 1 起的整数：floors = { 1 = 0, 2 = 0.3 }", "write each floor as a whole number from 1: floors = { 1 = 0, 2 = 0.3 }";
        FloorValue => "第 {floor} 层：{why}", "floor {floor}: {why}";
        KeyValue => "“{key}”：{why}", "'{key}': {why}";
        NotANumber => "“{text}”不是数字", "'{text}' is not a number";
        TooManyDecimals => "“{text}”的小数超过 {places} 位", "'{text}' has more than {places} decimals";
        Negative => "“{text}”是负数", "'{text}' is negative";
        TooLarge => "“{text}”太大", "'{text}' is too large";
        WriteYuan => "请写元，精确到分：780000.00", "write yuan, to the fen: 780000.00";
        WriteCoefficient => "请写系数，如 0.3 或 1.25（最多 4 位小数，不能为负）", "write a coefficient such as 0.3 or 1.25 (at most 4 decimals, not negative)";
        NoPlanInFile => "文件中没有费用分摊方案", "the file holds no cost plan";
        SetHow => "在文件中写出 [items.cost] 的各项：amount、subsidy、by_area、floors", "write the keys of [items.cost] in the file: amount, subsidy, by_area, floors";
        PlanOfItem => "议题 {n} 的费用分摊方案：{why}", "the cost plan of item {n}: {why}";
        SubsidyExceeds => "补贴（{subsidy} 元）大于总费用（{amount} 元）", "the subsidy (¥{subsidy}) is larger than the amount (¥{amount})";
        SubsidyHint => "补贴从总费用中扣除：请核对这两个数字", "the subsidy is deducted from the amount: check both figures";
        NoFloors => "方案没有楼层：请为每层写一个系数，如 1 = 0, 2 = 0.3", "the plan has no floors: give each floor a coefficient, e.g. 1 = 0, 2 = 0.3";
        NoFlats => "议题范围内没有房屋，无人分摊费用", "no flat is in the item's scope, so nobody shares the cost";
        NoCoefficient => "{flat} 在 {floor} 层，该层没有系数：请在方案的 floors 中加上 {floor} = …", "flat {flat} is on floor {floor}, which has no coefficient: add {floor} = … to the plan's floors";
        NobodyPays => "范围内各户系数都是 0，{to_raise} 元无人分摊", "every flat in scope has coefficient 0, so nobody pays the ¥{to_raise} to raise";
        FloorUnknown => "{flats} 的楼层无法从房号读出，名册中也没有写明，费用无法按楼层分摊", "the floor of {flats} cannot be read from the room number and the roster does not give it, so the cost cannot be shared by floor";
        FloorUnknownHint => "费用按楼层分摊：房号须为楼层加门牌（501 在 5 层），或在名册中加“楼层”列后重新导入", "cost is shared by floor: number rooms floor then door (501 is on floor 5), or add a 楼层/floor column to the roster and import it again";
        Ballot => "票", "ballot";
        Ballots => "票", "ballots";
        ChangeDuringVote => "议题 {n} 的表决已投 {ballots}：业主正在就现行方案表决，不能修改；请结束表决后再修改并说明原因", "the vote on item {n} has {ballots}: owners are voting on the current plan, so it cannot change now; change it after the vote closes, with a reason";
        ChangeNeedsReason => "修改议题 {n} 已有的费用分摊方案须说明原因（--reason）", "changing the cost plan of item {n} needs a reason (--reason)";
        Unchanged => "议题 {n} 的新方案与现行方案相同：未作修改", "the new plan of item {n} is the same as the current one: nothing changed";
        ImportBreaksPlan => "注意：按现在的名册，议事会 {meeting} 议题 {n} 的费用无法分摊：{why}；请修改费用方案（cost --set，或在议题页按 m）", "warning: with the roster as it now stands, the cost of item {n} of meeting {meeting} cannot be shared: {why}; change the plan (cost --set, or m on the item screen)";
        ScopeBreaksPlan => "议题 {n} 的范围不能这样改，否则费用无法分摊：{why}", "the scope of item {n} cannot change so, or its cost could not be shared: {why}";
        PlanSet => "议题 {n} 的费用分摊方案现为第 {version} 版：业主分摊 {to_raise} 元", "the cost plan of item {n} is now version {version}: ¥{to_raise} shared by the owners";
    }
}

/// A plan's problem, in the reader's language.
pub fn cost_error(e: &CostError) -> Said {
    match e {
        CostError::SubsidyExceedsAmount { amount, subsidy } => {
            said!(CostText::SubsidyExceeds, amount = amount, subsidy = subsidy)
        }
        CostError::NoFloors => said!(CostText::NoFloors),
        CostError::NoFlats => said!(CostText::NoFlats),
        CostError::NoCoefficient { flat, floor } => {
            said!(CostText::NoCoefficient, flat = flat, floor = floor)
        }
        CostError::NobodyPays { to_raise } => said!(CostText::NobodyPays, to_raise = to_raise),
    }
}

/// A decimal that is not an amount or a coefficient, in the reader's language.
pub fn decimal_error(e: &DecimalError) -> Said {
    match e {
        DecimalError::NotANumber(t) => said!(CostText::NotANumber, text = t),
        DecimalError::TooManyDecimals(t, places) => {
            said!(CostText::TooManyDecimals, text = t, places = places)
        }
        DecimalError::Negative(t) => said!(CostText::Negative, text = t),
        DecimalError::TooLarge(t) => said!(CostText::TooLarge, text = t),
    }
}
