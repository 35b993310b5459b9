use super::catalogue;

catalogue! {
    /// Texts of the record's guards: what a roster import changes, the open votes it touches, and
    /// why it needs --yes.
    RecordText {
        DryRun => "试导入，未写入任何内容：新增 {added} 户，变更 {changed} 户，不再列出 {retired} 户，其中换业主 {owners} 户",
            "dry run, nothing written: {added} flats added, {changed} changed, {retired} no longer listed, {owners} of them with another owner";
        Planned => "此次导入将：新增 {added} 户，变更 {changed} 户，不再列出 {retired} 户，其中换业主 {owners} 户",
            "this import would add {added} flats, change {changed}, no longer list {retired}; {owners} of them get another owner";
        Unchanged => "名册没有变化", "the roster does not change";
        Added => "新增 {flat}：{area} ㎡，业主 {owner}", "added {flat}: {area} m², owner {owner}";
        MoreAdded => "……另有新增 {n} 户", "… and {n} more flats added";
        Retired => "不再列出 {flat}（原业主 {owner}）", "no longer listed: {flat} (owner was {owner})";
        Returned => "重新列出 {flat}：{area} ㎡，业主 {owner}", "listed again: {flat}: {area} m², owner {owner}";
        OwnerChanged => "{flat} 换业主：{before} → {after}", "{flat} changes owner: {before} → {after}";
        AreaChanged => "{flat} 面积：{before} ㎡ → {after} ㎡", "{flat} area: {before} m² → {after} m²";
        Renamed => "{flat} 业主姓名：{before} → {after}", "{flat} owner's name: {before} → {after}";
        TouchOwnerOrArea => "进行中的表决：议事会 {meeting} 第 {item} 项「{title}」——{flat} 在表决范围内，业主或面积将改变",
            "open vote: meeting {meeting} item {item} '{title}' — {flat} is in its scope and changes owner or area";
        TouchVoter => "进行中的表决：议事会 {meeting} 第 {item} 项「{title}」——已表决的 {flat} 将不再列出（已投的票仍归投票的业主）",
            "open vote: meeting {meeting} item {item} '{title}' — {flat}, whose owner has voted, leaves the roster (the ballot stays with the owner who cast it)";
        TouchConsent => "进行中的表决：议事会 {meeting} 第 {item} 项「{title}」——须经其业主同意的 {flat} 将不再列出",
            "open vote: meeting {meeting} item {item} '{title}' — {flat}, whose owner's consent is required, leaves the roster";
        ManyRetired => "此次导入将使 {retired} 户（原有 {before} 户）不再列出，超过一成",
            "this import would no longer list {retired} of {before} flats: more than a tenth";
        DigestLater => "此后该议事会又记录了 {n} 个事件：据此摘要打印的纪要早于现在的记录",
            "the meeting recorded {n} more events after it: minutes printed with this digest are older than the record";
        BackupBroken => "备份 {file} 自身的事件链在第 {event} 个事件处断开：{why}", "the backup {file} has a broken chain itself at event {event}: {why}";
        SidecarDiffers => "备份 {file} 与其旁边的 .head 文件记载的链头不符：备份被改动过", "the backup {file} does not match the chain head in its .head file: the backup was altered";
        BackupLonger => "备份 {file} 有 {events} 个事件，而现在的记录只有 {current} 个：备份之后有事件被删除", "the backup {file} holds {events} events but the record only {current}: events were removed since the backup";
        BackupDiffers => "现在记录的第 {event} 个事件与备份 {file} 的链头不同：备份之前的历史被改写过", "event {event} of the record differs from the chain head of the backup {file}: the history before the backup was rewritten";
        AgainstOk => "备份 {file}（{events} 个事件，链头 {head}）正是本记录的开头：备份之前的历史未被改写", "the backup {file} ({events} events, head {head}) is where this record began: the history before it was not rewritten";
        SidecarWritten => "链头另记在 {path}", "the chain head is also written in {path}";
        ConsentNeverListed => "须经其业主同意的 {flat} 从未在名册中", "flat {flat}, whose consent is required, was never in the roster";
        NotSameFile => "数据库文件在打开之后被删除、移走或替换：未写入任何内容，此后也不再写入它",
            "the database file was deleted, moved or replaced after it was opened: nothing was written, and nothing more will be";
        NeedsYes => "未导入任何内容：核对以上内容后，加 --yes 重新运行",
            "nothing was imported: check the above, then run again with --yes";
    }
}
