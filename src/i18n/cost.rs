//! Texts of the cost sharing (加装电梯费用分摊): the `cost` command, the minutes, the item screen.

use super::catalogue;

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
        Changed => "{at} 修改分摊方案，原因：{reason}（原方案保留在记录中）", "Plan changed on {at}: {reason} (the earlier plan is kept in the record)";
        CannotShare => "无法分摊费用：{why}", "The cost cannot be shared: {why}";
        NoPlan => "议题 {n} 没有费用分摊方案", "item {n} has no cost plan";
    }
}
