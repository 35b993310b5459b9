use super::catalogue;

catalogue! {
    /// Texts of `ballot-import`: written ballots as they come back.
    BallotText {
        OwnerTwoChoices => "{flat} 的业主也拥有 {other}（第 {row} 行），那一行为“{first}”，这一行为“{this}”：同一业主只能有一个意见",
            "the owner of {flat} also owns {other} (row {row}), which votes {first} where this row votes {this}: one owner gives one choice";
        Unchanged => "已有相同表决、无需再记录的业主：{n} 名",
            "owners whose ballot already said the same, nothing recorded: {n}";
        ExtraRows => "同一业主其他房屋的票（意见相同，计一票）：{n} 行",
            "rows for further flats of an owner already counted (same choice, one ballot): {n}";
        Replaced => "已替换现场表决：{flat}（{old} → {new}），理由：{reason}",
            "in-person ballot replaced: {flat} ({old} → {new}), reason: {reason}";
        WouldReplace => "以下书面票会替换现场或委托表决：{list}；未记录任何票。核实后加 --replace 理由 再导入",
            "these written ballots would replace ballots cast in person or by proxy: {list}; nothing was recorded. Check them, then import again with --replace REASON";
    }
}
