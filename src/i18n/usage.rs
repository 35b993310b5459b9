//! Texts of mistakes on the command line itself (status 2), which clap finds.

use super::catalogue;

catalogue! {
    /// A mistake in how the command line is written.
    UsageText {
        Error => "命令行有误：{what}", "the command line is wrong: {what}";
        UnknownCommand => "没有命令“{arg}”", "there is no command '{arg}'";
        UnknownOption => "没有选项“{arg}”", "there is no option '{arg}'";
        Missing => "缺少 {args}", "missing {args}";
        MissingCommand => "缺少命令", "a command is missing";
        BadValue => "“{value}”不是 {arg} 可取的值", "'{value}' is not a value {arg} takes";
        Takes => "（可取：{values}）", " (it takes: {values})";
        Conflict => "{arg} 不能与 {other} 同时使用", "{arg} cannot be used with {other}";
        Invalid => "{arg} 的值“{value}”无效（{why}）", "the value '{value}' of {arg} is not valid ({why})";
        Other => "clap 原文：`{detail}`", "clap said: `{detail}`";
        DidYouMean => "是不是要写 {suggested}？", "did you mean {suggested}?";
        Usage => "用法：`{usage}`", "usage: `{usage}`";
        MoreHelp => "各命令和选项的说明：`{command} --help`", "what each command and option does: `{command} --help`";
    }
}
