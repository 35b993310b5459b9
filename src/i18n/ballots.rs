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
        Change => "{flat}（{old} → {new}）", "{flat} ({old} → {new})";
        RowUnreadable => "第 {row} 行：{error}", "row {row}: {error}";
        CheckQuoting => "请检查引号", "check the quoting";
        NotChoiceColumn => "「{text}」不是表决意见列", "'{text}' is not the choice column";
        TheColumns => "两列依次为：房号,表决意见", "the columns are room,choice";
        NotAChoice => "「{text}」不是表决意见", "'{text}' is not a choice";
        WriteChoice => "填写 同意、反对 或 弃权（也可写 yes/no/abstain）", "write yes, no or abstain (同意, 反对, 弃权)";
        FlatTwice => "房屋 {flat} 出现两次（第一次在第 {first} 行）：那一行为“{there}”，这一行为“{here}”",
            "flat {flat} appears twice (first in row {first}): {there} there, {here} here";
        KeepSigned => "保留业主签名的那张票", "keep the ballot the owner signed";
        NoBallots => "文件中没有表决票", "no ballots in the file";
        OnePerLine => "每张票一行：房号,表决意见", "one line per ballot: room,choice";
    }
}
