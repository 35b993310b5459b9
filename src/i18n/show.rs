//! Texts of the room display (`pavilion show`): what the residents see on the projector.

use super::catalogue;

catalogue! {
    /// A text of the room display.
    ShowText {
        Waiting => "等待主持人打开议事亭……", "Waiting for the host…";
        NoMeeting => "还没有议事会：请主持人先导入议程", "No meeting yet: the host takes in an agenda first";
        NoItem => "议程中没有议题 {n}", "The agenda has no item {n}";
        Item => "议题 {n}", "Item {n}";
        VoteOpen => "表决进行中", "Vote in progress";
        VoteClosed => "表决已结束", "Vote closed";
        NoVote => "只议不决", "Discussion only";
        Participation => "参与表决", "Taking part";
        Approval => "同意", "Approval";
        ByArea => "按面积", "by area";
        ByOwners => "按人数", "by owners";
        Need => "需 {threshold}", "need {threshold}";
        Met => "已达到", "reached";
        NotMet => "未达到", "not reached";
        OwnersOf => "{part}/{whole} 名", "{part} of {whole} owners";
        AreaOf => "{part}/{whole} ㎡", "{part} of {whole} m²";
        Consents => "须同意的业主：已同意 {yes} · 待同意 {pending} · 未同意 {refused}",
            "Required consents: {yes} given · {pending} awaited · {refused} refused";
        Remaining => "还有 {owners}未表决", "{owners} still to vote";
        Outlook => "表决情况：{verdict}", "Outlook: {verdict}";
        Result => "表决结果：{result}", "Result: {result}";
        ClosedAt => "{at} 结束表决", "closed {at}";
        Agenda => "议程", "Agenda";
        Timer => "发言计时", "Speaking time";
        Passed => "通过", "passed";
        NotPassed => "未通过", "not passed";
        Voting => "表决中", "voting";
        Choice => "大屏显示：{choice}", "Room display: {choice}";
        ChoiceFollow => "跟随主持人", "follow the host";
        ChoiceAgenda => "议程", "the agenda";
        ChoiceResult => "本议题表决结果", "this item's result";
        ChoiceBlank => "空白", "blank";
    }
}
