//! Texts of the command line: summaries, refusals and what to do next.

use super::catalogue;

catalogue! {
    /// A text of the command line.
    CliText {
        Cell => "第 {row} 行，{column} 列（{header}）", "row {row}, column {column} ({header})";
        ProblemsFound => "发现 {problems}，未写入任何内容", "{problems} found; nothing was written";
        Holder => "`pavilion {command}`（进程 {pid}，自 {since} 起）", "`pavilion {command}` (process {pid}, since {since})";
        AnotherPavilion => "另一个 pavilion", "another pavilion";
        LockHeld => "{db} 已在 {who} 中打开：同一时间只能有一位主持人，请先在那里关闭", "{db} is already open in {who}: only one host at a time — close it there first";
        LockBusy => "{db} 正被 {who} 使用，已等待 {s} 秒：请待其完成后再试，或先关闭主持人界面", "{db} is in use by {who}; waited {s} s: try again when it is done, or close the host's screens first";
        Unverified => "记录与事件链不符（{problems}），第一处：{first}", "the record does not match its events ({problems}); the first: {first}";
        DigestNotFound => "没有哪个事件的摘要是 {digest}：打印之后记录被改写过，或它属于另一个数据库", "no event has the digest {digest}: the record was rewritten since it was printed, or it belongs to another database";
    }
}
