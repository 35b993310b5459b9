//! Texts of the roster's floor column (楼层).

use super::catalogue;

catalogue! {
    /// A text about the floors a roster gives.
    RosterFloorText {
        NotAFloor => "“{text}”不是楼层", "'{text}' is not a floor";
        NotAFloorHint => "楼层写成从 1 起的整数，如 5 或 5层；不知道就留空（按房号推算）", "write the floor as a whole number from 1, e.g. 5 or 5层; leave it empty to read it from the room number";
        Given => "楼层列给出了 {n} 户的楼层（费用按楼层分摊时使用）", "the floor column gives the floor of {n} flat(s) (used when a cost is shared by floor)";
        Conflict => "注意：{flat} 的楼层列写 {column} 层，房号却表示 {room} 层；按楼层列的 {column} 层计算，如有误请改正名册", "warning: the floor column puts {flat} on floor {column} but its room number says floor {room}; floor {column} is used — correct the roster if that is wrong";
    }
}
