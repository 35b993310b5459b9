//! Texts of the command line: opening the database, refusals, the lock, verify, backup and restore.

use super::catalogue;

catalogue! {
    /// A text of the command line.
    CliText {
        Cell => "第 {row} 行，{column} 列（{header}）", "row {row}, column {column} ({header})";
        ProblemsFound => "发现 {problems}，未写入任何内容", "{problems} found; nothing was written";
        Problem => "处问题", "problem";
        Problems => "处问题", "problems";
        Holder => "`pavilion {command}`（进程 {pid}，自 {since} 起）", "`pavilion {command}` (process {pid}, since {since})";
        AnotherPavilion => "另一个 pavilion", "another pavilion";
        LockHeld => "{db} 已在 {who} 中打开：同一时间只能有一位主持人，请先在那里关闭", "{db} is already open in {who}: only one host at a time — close it there first";
        LockBusy => "{db} 正被 {who} 使用，已等待 {s} 秒：请待其完成后再试，或先关闭主持人界面", "{db} is in use by {who}; waited {s} s: try again when it is done, or close the host's screens first";
        CannotLock => "无法锁定 {path}：{error}", "cannot lock {path}: {error}";
        Unverified => "记录与事件链不符（{problems}），第一处：{first}", "the record does not match its events ({problems}); the first: {first}";
        DigestNotFound => "没有哪个事件的摘要是 {digest}：打印之后记录被改写过，或它属于另一个数据库", "no event has the digest {digest}: the record was rewritten since it was printed, or it belongs to another database";
        NotAFlat => "“{text}”不是房号：请写成 楼-单元-室，例如 3-2-501 或 3栋2单元501", "'{text}' is not a flat: write building-unit-room, e.g. 3-2-501 or 3栋2单元501";
        NotAScope => "“{text}”不是表决范围：请写 estate（全小区）、3（3号楼）、3-2（3号楼2单元）或房号列表", "'{text}' is not a scope: write \"estate\", a building (\"3\"), a unit (\"3-2\") or a list of flats";
        // Opening the database
        NoHome => "找不到可存放数据的主目录：请用 --db PATH 指定数据库", "no home directory to keep the data in: give --db PATH";
        CannotCreate => "无法创建 {path}：{error}", "cannot create {path}: {error}";
        Upgraded => "已将 {path} 的数据结构从第 {from} 版升级到第 {to} 版；升级前的数据库保存在 {backup}", "upgraded {path} from schema {from} to {to}; the database as it was is kept in {backup}";
        EstateCreated => "已在 {path} 中建立小区“{estate}”", "created estate '{estate}' in {path}";
        Warning => "注意", "warning";
        NoTerminal => "无法打开终端：{error}。界面须在终端窗口中运行", "cannot open the terminal: {error}. The screens run in a terminal window";
        Note => "提示", "note";
        AutoBackupFailed => "自动备份失败：{error}", "the automatic backup failed: {error}";
        // verify
        NotADigest => "“{digest}”不是完整的摘要：请照抄纪要上的十六进制摘要（至少 32 位）", "'{digest}' is not a full digest: copy at least 32 hexadecimal digits from the minutes";
        VerifyOk => "无误：{events}，事件链完整，链头 {head}", "ok: {events}, chain intact, head {head}";
        Events => "个事件", "events";
        Event => "个事件", "event";
        TablesMatch => "各表与事件一致：{counted}", "the tables match the events: {counted}";
        AndMore => "……另有 {n} 处", "… and {n} more";
        DigestFound => "摘要 {digest} 是第 {event} 个事件（共 {events} 个，{at}）：到那时为止的记录未被改动", "the digest {digest} is event {event} of {events} ({at}): the record up to then is unchanged";
        // backup and restore
        BackedUp => "已备份到 {path}（{events}，链头 {head}）；复制后已核对", "backed up to {path} ({events}, head {head}); checked after copying";
        BackupLine => "备份：{path}——小区 {estate}，{meetings}，{events}（最近 {last}），链头 {head}", "backup:  {path} — estate {estate}, {meetings}, {events} (last {last}), head {head}";
        CurrentLine => "当前：{path}——小区 {estate}，{meetings}，{events}（最近 {last}），链头 {head}", "current: {path} — estate {estate}, {meetings}, {events} (last {last}), head {head}";
        Meeting => "次议事会", "meeting";
        Meetings => "次议事会", "meetings";
        NoEstate => "（无）", "(none)";
        Never => "从未", "never";
        ConfirmRestore => "用这个备份替换 {path}？当前数据库会保存在 backups/ 中。确认请输入 yes 或 是：", "Replace {path} with this backup? The current database is kept in backups/. Type yes: ";
        NotRestored => "未恢复：没有任何改动", "not restored: nothing was changed";
        CurrentKept => "当前数据库已保存在 {path}", "the current database is kept in {path}";
        RestoredButUnverified => "已恢复，但核对（verify）发现问题", "restored, but verify reports problems";
        Restored => "已用 {file} 恢复 {path}（{events}，链头 {head}）；核对：无误", "restored {path} from {file} ({events}, head {head}); verify: ok";
    }
}
