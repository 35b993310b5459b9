//! Texts of `pavilion backups` and of `restore` over a damaged or missing database.

use super::catalogue;

catalogue! {
    /// A text about backups.
    BackupText {
        Heading => "{db} 的自动备份（{dir}）：", "Automatic backups of {db} (in {dir}):";
        Policy => "保留规则：升级前和恢复前的副本、移出的损坏文件全部保留；表决关闭时的备份保留最近 {closes} 份，更早的每次会议保留最后一份；退出界面时的备份只保留最近 {n} 份；内容未变时不再备份。", "Kept: every copy made before an upgrade or a restore, every damaged file set aside; of the backups made when a vote closed, the last {closes}, and of older ones the last of each meeting; of the backups made when the screens closed, the last {n}. Nothing is copied when nothing changed.";
        None => "（还没有自动备份）", "(no automatic backups yet)";
        Close => "表决关闭", "vote closed";
        Exit => "退出界面", "screens closed";
        Upgrade => "升级前", "before upgrade";
        Restore => "恢复前", "before restore";
        Damaged => "损坏，已移出", "damaged, set aside";
        MeetingItem => "第 {meeting} 次会议第 {item} 项", "meeting {meeting}, item {item}";
        Event => "个事件", "event";
        Events => "个事件", "events";
        Unreadable => "无法读取：{why}", "unreadable: {why}";
        Totals => "数据库 {db}（含日志 {wal}）；备份 {files}，共 {total}", "database {db} (log {wal} more); backups: {files}, {total} in all";
        File => "份", "file";
        Files => "份", "files";
        CurrentDamaged => "当前：{db}——已损坏（{why}）：恢复时将把它移到 backups/ 保留", "current: {db} — damaged ({why}): restoring moves it into backups/ and keeps it";
        CurrentMissing => "当前：{db}——不存在", "current: {db} — missing";
        SetAside => "已损坏的数据库移到了 {path}（保留，未删除）", "the damaged database was moved to {path} (kept, not deleted)";
        CopyExists => "{path} 已经存在：请换一个新的文件名，或给出一个文件夹", "{path} already exists: give a new file name or a folder";
        CannotNameCopy => "无法把副本命名为 {path}：{error}", "cannot name the copy {path}: {error}";
        CannotCreateFolder => "无法建立文件夹 {path}：{error}", "cannot create the folder {path}: {error}";
        CannotReadBackup => "无法读取 {path}：{error}", "cannot read {path}: {error}";
        CopyDiffers => "{path} 中的副本与数据库不一致（第 {event} 个事件不同）：副本未保留", "the copy in {path} does not match the database (event {event} differs): the copy was not kept";
        FileDamaged => "{path} 已损坏（SQLite 完整性检查：`{detail}`）", "{path} is damaged (SQLite integrity check: `{detail}`)";
        ChainBroken => "{path}：第 {event} 个事件：{why}", "{path}: event {event}: {why}";
        CannotMove => "无法把 {from} 移到 {to}：{error}", "cannot move {from} to {to}: {error}";
        CannotRemove => "无法删除 {path}：{error}", "cannot remove {path}: {error}";
        NoBackupFile => "{path} 处没有备份文件", "no backup file at {path}";
        NotABackup => "{path} 不是议事亭数据库，也不是它的备份", "{path} is not a pavilion database (or a backup of one)";
        FailsVerify => "{path} 未通过核查（{problems}；第一处：{first}）：未恢复", "{path} does not pass verify ({problems}; the first: {first}): it was not restored";
        ThreadStopped => "制作备份的线程因内部错误而停止", "its thread stopped on an internal error";
        NoThread => "无法为它启动线程：{error}", "no thread for it: {error}";
        CannotOpenLock => "无法打开 {path}：{error}", "cannot open {path}: {error}";
        CannotLock => "无法锁定 {path}：{error}", "cannot lock {path}: {error}";
        CalledOff => "这份备份已取消：另一份备份代替了它", "the copy was called off: another one replaces it";
        AlreadyRestored => "这个备份已经恢复过了", "the backup was already restored";
        FailedNow => "自动备份失败：{error}（已记录的内容不受影响；下一次自动备份会重做）", "automatic backup failed: {error} (what was recorded is unaffected; the next automatic backup makes it again)";
        LastFailed => "上次自动备份（{kind}，{at}）失败：{error}；下一次自动备份会重做", "the last automatic backup ({kind}, {at}) failed: {error}; the next automatic backup makes it again";
        Running => "另一个进程（{pid}）正在制作自动备份（{kind}，始于 {at}）", "an automatic backup ({kind}, since {at}) is being made by process {pid}";
        Abandoned => "自动备份（{kind}，始于 {at}）没有做完（进程 {pid} 已不在）；下一次自动备份会重做", "the automatic backup ({kind}, started {at}) did not finish (process {pid} is gone); the next automatic backup makes it again";
        CannotCopy => "当前数据库无法复制（{why}），已整个移到 {path}（保留，未删除）", "the current database could not be copied ({why}); it was moved as it is to {path} (kept, not deleted)";
    }
}
