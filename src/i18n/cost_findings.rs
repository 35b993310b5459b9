use super::catalogue;

catalogue! {
    /// Texts of `verify`'s findings on cost plans and the roster's floors.
    CostFindingText {
        RowFlat => "房屋 {flat}", "flat {flat}";
        RowSet => "事件 {since} 记载的楼层", "floors recorded by event {since}";
        RowSetFlat => "事件 {since} 记载的楼层，房屋 {flat}", "floors recorded by event {since}, flat {flat}";
        NoPlan => "无", "none";
        PlanNoId => "“item.cost”事件缺少费用方案编号", "the 'item.cost' event lacks its plan id";
        PlanReplaces => "它取代费用方案 {replaces}，但该议题当时的方案为 {current}", "it replaces cost plan {replaces} but the item's current plan was {current}";
        PlanAdded => "没有事件记载此费用方案：它是绕过本程序添加的", "no event records this cost plan: it was added behind the program's back";
        PlanDiffers => "费用方案与其事件所记载的不同", "the cost plan differs from what its events recorded";
        PlanDeleted => "此事件记载的费用方案在表中没有：它被删除了", "a cost plan recorded by this event is missing from the table: it was deleted";
        FloorsNoSet => "“roster.floors”事件缺少楼层", "the 'roster.floors' event lacks its floors";
        FloorDiffers => "楼层为 {floor}，而名册导入记载为 {want}", "floor {floor}, but the roster import recorded floor {want}";
        FloorAdded => "没有名册导入记载此楼层：它是绕过本程序添加的", "no roster import recorded this floor: it was added behind the program's back";
        FloorDeleted => "名册导入记载的此楼层没有了：它被删除了", "a floor the roster import recorded is missing: it was deleted";
        SetAdded => "没有名册导入记载这组楼层：它是绕过本程序添加的", "no roster import recorded this set of floors: it was added behind the program's back";
        SetDeleted => "此名册导入记载的这组楼层没有保留：它被删除了", "the set of floors this roster import recorded is not kept: it was deleted";
    }
}
