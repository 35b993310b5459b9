//! Texts of paper records entered afterwards (`--at TIME`, 补录): refusals, what the command line
//! says back, and what `verify` finds.

use super::catalogue;

catalogue! {
    /// A record entered later at the time the paper states.
    StatedText {
        InFuture => "补录时间 {at} 晚于现在（{now}）：只能补录已经发生的事", "the stated time {at} is later than now ({now}): only what has already happened can be entered";
        BeforeStart => "补录时间 {at} 早于会议开始（{starts}）", "the stated time {at} is before the meeting began ({starts})";
        SignInLater => "{flat} 的业主已有 {later} 的签到记录：补录时间不能早于它", "the owner of {flat} already has a sign-in record at {later}: a stated time cannot come before it";
        BallotLater => "{flat} 的业主在议题 {item} 上已有 {later} 的表决记录：补录时间不能早于它", "the owner of {flat} already has a ballot on item {item} at {later}: a stated time cannot come before it";
        NotHereThen => "议题 {item} 由到会者表决：{flat} 的业主在 {at} 未签到（先补录签到：`pavilion attend --at`）", "item {item} is decided by those present: the owner of {flat} was not signed in at {at} (enter the sign-in first: `pavilion attend --at`)";
        CloseBeforeBallot => "议题 {item} 有一张 {ballot} 的表决票（{flat}）：表决不能在它之前结束", "item {item} has a ballot at {ballot} ({flat}): its vote cannot have closed before it";
        ChangesClosedVote => "议题 {item} 由到会者表决，已于 {closed} 结束：{at} 的签到或离场会改变当时的到会者，不能再补录", "item {item} is decided by those present and its vote closed at {closed}: a sign-in or leaving at {at} would change who was there, so it cannot be entered now";
        Option => "--at “{value}”：{why}", "--at '{value}': {why}";
        NotATime => "不是时间：请写 2026-11-28 19:20、2026年11月28日 19:20 或只写 19:20（会议当天），按本小区时间；也可写明时差：2026-11-28T19:20+08:00", "not a time: write 2026-11-28 19:20, 2026/11/28 19:20, or 19:20 alone (the meeting's day), in the estate's local time; or with an offset: 2026-11-28T19:20+08:00";
        Entered => "补录：按 {at} 记入（录入于 {now}）", "entered later: recorded as of {at} (entered {now})";
        StatedUnreadable => "补录时间“{stated}”不是时间", "the stated time '{stated}' is not a time";
        StatedAfterRecorded => "补录时间 {stated} 晚于录入时间 {at}", "the stated time {stated} is later than when it was entered ({at})";
        Mark => "{at}（补录，{entered} 录入）", "{at} (entered later, {entered})";
        ClosedMark => "（表决于 {at} 结束；{entered} 补录）", " (vote closed {at}; entered later, {entered})";
        Explained => "注：标有“补录”的记录是会后根据纸质记录录入的，时间为纸质记录所载时间，括号内为录入时间。", "Entries marked 'entered later' were entered afterwards from paper records: their time is the one the paper states, and the time in brackets is when they were entered.";
        BallotNotHere => "议题 {item} 由到会者表决，但补录的这张票在 {at} 时其业主未签到", "item {item} is decided by those present, but the owner of this ballot entered later was not signed in at {at}";
        SignInAfterClose => "议题 {item} 由到会者表决，已于 {closed} 结束：此后补录的 {at} 签到或离场改变了当时的到会者", "item {item} is decided by those present and its vote closed at {closed}: a sign-in or leaving at {at} entered after that changes who was there";
        ClosedBeforeBallot => "议题 {item} 的表决结束于 {closed}，早于它的一张表决票（{ballot}）", "the vote on item {item} closed at {closed}, before one of its ballots ({ballot})";
    }
}
