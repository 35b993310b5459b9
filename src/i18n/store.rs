//! Texts of the store's refusals: what cannot be recorded, and why.

use super::catalogue;

catalogue! {
    /// A refusal of the store, or a record it cannot find.
    StoreText {
        NoDatabase => "{path} 处没有数据库：请先用 `pavilion init --estate 小区名称` 建立（或用 --db PATH 指定）", "no database at {path}: create one with `pavilion init --estate NAME` (or give --db PATH)";
        NewerSchema => "{path} 是更新版本的 pavilion 写的（数据结构第 {found} 版；本程序只认识到第 {known} 版）：请更新 pavilion，或打开一个备份", "{path} was written by a newer version of pavilion (schema {found}; this build knows up to {known}): update pavilion, or open a backup";
        NotOurs => "{path} 不是议事亭数据库（其他程序的文件，或是空文件）：未作任何改动；请用 --db 指定正确的文件，或用 `pavilion init` 新建", "{path} is not a Pavilion database (another program's file, or empty): it was not changed; give the right --db, or create one with `pavilion init`";
        NoEstate => "数据库中还没有小区：请先运行 `pavilion init --estate 小区名称`", "no estate in this database yet: run `pavilion init --estate NAME` first";
        EstateNeedsName => "小区需要一个名称", "the estate needs a name";
        EstateExists => "这个数据库已存有小区“{estate}”：另一个小区请用另一个 --db", "this database already holds the estate '{estate}'; use another --db for another estate";
        FlatNotInRoster => "房号 {flat} 不在业主名册中（见 `pavilion roster list`）", "flat {flat} is not in the roster (see `pavilion roster list`)";
        ConcernNeedsText => "诉求需要写明内容和提出人", "a concern needs what was raised and who raised it";
        NoConcern => "待议事项中没有诉求 {id}", "no concern {id} in the backlog";
        ConcernScheduled => "诉求 {id} 已列入议程", "concern {id} is already on an agenda";
        ActionNeedsWho => "办理事项需要责任方", "an action needs someone responsible";
        ProgressNeedsNote => "进展需要写明办了什么", "a progress update needs a note of what happened";
        NoAction => "没有办理事项 {id}（见 `pavilion actions list`）", "no action {id} (see `pavilion actions list`)";
        NotSignedIn => "{flat} 的业主尚未签到：只有到会的人才能离场", "the owner of {flat} is not signed in: only someone present can leave";
        ProxyNeedsName => "委托到会需要写明受托人姓名", "a proxy needs the name of the person holding the authorisation";
        AlreadyTakenIn => "此议程已导入为议事会 {id}（“{title}”）；如需修改，请修改该次议事会", "this agenda was already taken in as meeting {id} ('{title}'); to change it, edit that meeting";
        NoMeeting => "没有议事会 {id}（见 `pavilion meetings`）", "no meeting {id} (see `pavilion meetings`)";
        NoMeetingsYet => "还没有议事会：用 `pavilion intake FILE` 导入议程", "no meetings yet: take one in with `pavilion intake FILE`";
        NotAMeeting => "“{text}”不是议事会：请给出编号或 `latest`", "'{text}' is not a meeting: give its number or `latest`";
        NoItem => "议事会 {meeting} 没有议题 {item}（议题从 1 起编号）", "meeting {meeting} has no item {item} (items are numbered from 1)";
        NoItemId => "没有编号为 {id} 的议题", "no item with id {id}";
        StepRefused => "议题 {item}：处于“{from}”的议题不能改为“{to}”", "item {item}: an item that is {from} cannot become {to}";
        DecidedByClosing => "议题 {item} 需要表决：结束表决后才成为“已决定”（`pavilion close {meeting} {item}`）", "item {item} has a vote: it becomes decided when the vote is closed (`pavilion close {meeting} {item}`)";
        NoteNeedsPoint => "发言记录需要写明发言要点", "a discussion note needs the point that was made";
        ProposalStays => "议题 {item}：表决已结束，所表决的方案不能再改", "item {item}: the vote is closed; the proposal it decided stays";
        OwnerVotesOnce => "{flat} 的业主已通过 {first} 表决：拥有多套房屋的业主只表决一次", "a second ballot for the owner of {flat}, who already votes through {first}: an owner of several flats votes once";
        ProxyBallotNeedsName => "委托表决需要写明受托人姓名（--proxy 姓名）", "a proxy ballot needs the proxy holder's name (--proxy NAME)";
        NothingToWithdraw => "{flat} 的业主在议题 {item} 上没有可撤回的表决", "the owner of {flat} has no ballot on item {item} to withdraw";
        NoVoteOnItem => "议题 {item} 只议不决（规则 none）：没有表决", "item {item} is for discussion only (rule none): it has no vote";
        VoteIsClosed => "议题 {item} 的表决已结束，不能再更改", "the vote on item {item} is closed; ballots can no longer change";
        NotBeingVoted => "议题 {item} 现为“{step}”：不在表决中", "item {item} is {step}: it is not being voted on";
        OutsideScope => "房号 {flat} 不在议题 {item} 的表决范围（{scope}）内：只有范围内的业主表决", "flat {flat} is outside the scope of item {item} ({scope}): only owners in scope vote";
        SignInFirst => "议题 {item} 由到会者表决：请先为 {flat} 的业主签到（`pavilion attend`）", "item {item} is decided by those present: sign the owner of {flat} in first (`pavilion attend`)";
        AlreadyClosed => "议题 {item} 的表决已经结束", "the vote on item {item} is already closed";
        NoVoteToClose => "议题 {item} 现为“{step}”：没有可结束的表决", "item {item} is {step}: there is no vote to close";
        BadCreationTime => "议事会 {meeting} 的创建时间“{text}”无法识别：数据库可能被改动过，请运行 `pavilion verify`", "meeting {meeting}: its creation time '{text}' cannot be read: the database may have been edited; run `pavilion verify`";
        TurnLength => "每人发言时限为 1 到 {max} 秒，不能是 {seconds} 秒", "a speaking turn lasts 1 to {max} seconds, not {seconds}";
        ActionNeedsWhat => "办理事项需要写明要办什么", "an action needs a description of what is to be done";
        ActionNeedsConfirmation => "办结一项办理事项需要写明由谁确认已办好", "an action is closed only with a note of who confirmed it is done";
        ActionAlreadyClosed => "该办理事项已经办结", "the action is already closed";
        SignInNotRecorded => "{flat} 的签到没有记下：请再签一次", "the sign-in of {flat} was not recorded: sign in again";
        Database => "数据库出错；SQLite 原文：`{detail}`", "the database failed; SQLite said: `{detail}`";
        Migration => "数据库结构无法升级；原文：`{detail}`", "the database's structure cannot be upgraded; the upgrade said: `{detail}`";
        UnknownBallot => "议题 {item} 有一张已存选票的表决意见或表决方式无法识别：数据库可能被改动过，请运行 `pavilion verify`", "a stored ballot of item {item} has an unknown choice or method: the database may have been edited; run `pavilion verify`";
    }
}
