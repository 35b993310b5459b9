//! `--help` in Chinese. The English help is the commands' own (their doc comments, which clap
//! shows); this table gives each the Chinese, by where it is: a command's path (`roster import`),
//! or a command's path and an argument (`ballot.proxy`). A test holds the two in step: every help
//! text has its Chinese, and every Chinese text a help text.

use clap::{Arg, ArgAction, Command};

/// (where, Chinese).
const HELP: &[(&str, &str)] = &[
    ("", "议事亭（Pavilion）：离线召开小区议事会"),
    (
        ".db",
        "数据库文件（默认：$PAVILION_DB，否则为数据目录中的 pavilion.db）",
    ),
    (
        ".lang",
        "所有信息使用的语言（默认：按 LC_ALL/LC_MESSAGES/LANG，否则为中文）",
    ),
    ("demo", "用自带的示例小区和议程打开主持界面（无需准备）"),
    ("run", "打开某次议事会的主持界面（默认：最近一次）"),
    ("show", "投影仪或电视上的大屏：只读，随主持界面实时变化"),
    (
        "show.meeting",
        "要显示的议事会（默认：主持人正打开的一次，否则最近一次）",
    ),
    (
        "show.theme",
        "dark：黑底亮字（投影仪）；light：白底黑字（白天的电视）",
    ),
    ("init", "为一个小区建立数据库"),
    ("roster", "业主和房屋"),
    (
        "roster import",
        "从 CSV（UTF-8、带 BOM 的 UTF-8、GBK）或 XLSX 导入或更新业主和房屋",
    ),
    (
        "roster import.dry_run",
        "只显示会有哪些变化（新增、变更、不再列出的房屋；业主变化），不写入",
    ),
    (
        "roster import.yes",
        "即使涉及进行中的表决，或有超过十分之一的房屋不再列出，也照样导入",
    ),
    ("roster list", "列出房屋和业主"),
    ("check", "对照业主名册检查议程文件；不写入"),
    ("check.roster", "对照这个名册文件检查，而不是数据库中的名册"),
    ("intake", "按议程文件建立议事会及其议题；输出议事会编号"),
    (
        "meeting",
        "某次议事会的纸面材料：公示如何落款（`meeting set`）",
    ),
    (
        "meeting set",
        "公示如何落款：发布单位、张贴日期、公示期；是否写出主持人和记录人的全名。未给出的选项保持原值；输出设置",
    ),
    ("meeting set.meeting", "议事会编号（或 `latest`）"),
    (
        "meeting set.issuer",
        "公示的发布单位（如 红旗小区业主委员会、红旗社区居民委员会）；\"\" 留空",
    ),
    (
        "meeting set.posted_on",
        "公示张贴日期，如 2026-12-15；\"\" 留空待手写",
    ),
    ("meeting set.notice_days", "公示天数，含张贴当天（默认：7）"),
    (
        "meeting set.show_officers",
        "在公示上写出主持人和记录人的全名（按社区的决定）",
    ),
    (
        "meeting set.mask_officers",
        "在公示上隐去主持人和记录人的姓名（默认）",
    ),
    (
        "meeting set.reissue",
        "公示已发出（已张贴且表决均已结束）：仍要修改，并重新公示",
    ),
    ("guest", "列席人员：添加、删除、列出"),
    (
        "guest add",
        "记下一位列席人员（社区、物业公司、律师……）及其身份",
    ),
    ("guest add.role", "身份，如 社区书记、物业经理、律师"),
    ("guest add.reissue", "公示已发出：仍要修改，并重新公示"),
    ("guest remove", "撤下误记的一条（`guest list` 显示的编号）"),
    ("guest list", "某次议事会的列席人员"),
    ("meetings", "列出议事会"),
    ("attend", "为业主签到（按其一套房号）、委托到会或离场"),
    ("attend.proxy", "受托人姓名（书面授权）"),
    ("attend.leave", "记为已离场"),
    (
        "attend.at",
        "会后补录纸质记录：记录所载时间（2026-11-28 19:20，或会议当天的 19:20；除非写明时区，按会议当地时间）",
    ),
    (
        "ballot",
        "记一张表决票：该房屋的业主同意、反对或弃权（或撤回表决）",
    ),
    ("ballot.proxy", "由受托人投票"),
    ("ballot.written", "收回的书面表决票"),
    ("ballot.reason", "更正先前表决的原因"),
    (
        "ballot.at",
        "会后补录纸质记录：记录所载时间（2026-11-28 19:20，或会议当天的 19:20；除非写明时区，按会议当地时间）",
    ),
    (
        "ballot-import",
        "从 CSV 文件导入书面表决票（房号,表决意见；每套房屋一行）：全部导入或全不导入",
    ),
    (
        "ballot-import.replace",
        "以书面票替换与之不符的本人表决，并写明原因",
    ),
    (
        "ballot-import.at",
        "会后补录：这批表决票交回的时间（2026-11-28 19:50，或会议当天的 19:50；除非写明时区，按会议当地时间）",
    ),
    ("close", "结束一项议题的表决并记下结果"),
    (
        "close.at",
        "会后补录纸质记录：记录所载时间（2026-11-28 19:20，或会议当天的 19:20；除非写明时区，按会议当地时间）",
    ),
    ("tally", "显示一项议题的计票（人数和面积）"),
    (
        "cost",
        "一项议题的费用（加装电梯）按楼层分摊到每户，精确到分",
    ),
    (
        "cost.json",
        "一个 JSON 对象：金额以分为单位的整数，系数为精确的小数字符串",
    ),
    (
        "cost.csv",
        "各户分摊额，CSV 格式（带 BOM 的 UTF-8，供 Excel 打开）",
    ),
    (
        "cost.set",
        "把方案改为 FILE 中的方案（议程 [items.cost] 的各项）；原方案保留",
    ),
    (
        "cost.reason",
        "方案修改的原因（修改已有方案时必填；写入纪要）",
    ),
    ("note", "记下议题讨论中的一条发言（支部议事）"),
    (
        "note.at",
        "会后补录纸质记录：记录所载时间（2026-11-28 19:20，或会议当天的 19:20；除非写明时区，按会议当地时间）",
    ),
    (
        "proposal",
        "写下议题的方案，或加 --resolution 写下表决后的决议",
    ),
    ("step", "把议题改为另一状态（暂缓、已撤回、已销号……）"),
    (
        "raise",
        "记下居民提出的诉求（列入待议事项，或用 --meeting 直接列入某次议程）",
    ),
    ("raise.meeting", "直接列入这次议事会的议程"),
    ("backlog", "待议事项：已提出的诉求"),
    ("backlog.all", "也列出已列入议程的诉求"),
    ("schedule", "把一件待议的诉求列入某次议事会的议程"),
    ("actions", "跨会议的办理事项台账"),
    (
        "actions list",
        "未销号的办理事项（加 --all 也列出已销号的）",
    ),
    ("actions add", "添加办理事项：办什么、谁负责、何时办完"),
    (
        "actions add.who",
        "community | property | committee | 人名（也可写 社区/物业/业委会）",
    ),
    ("actions add.due", "办结期限，如 2026-12-15"),
    ("actions add.item", "议题编号（与 --meeting 同用）"),
    ("actions update", "记下办理事项的进展"),
    ("actions close", "居民确认办好后销号"),
    ("actions close.confirm", "由谁确认、如何确认"),
    (
        "export",
        "会议纪要，或加 --public 的公示，格式为 Markdown、HTML、JSON 或 CSV",
    ),
    ("export.meeting", "议事会编号（或 `latest`）"),
    (
        "export.format",
        "md、html、json、csv（唱票记录）、docx 或 xlsx（唱票记录、签到表、办理事项台账）（默认：按 -o 文件的扩展名）",
    ),
    ("export.public", "公示：隐去业主姓名，不含电话号码"),
    (
        "export.output",
        "写入 FILE（或以默认文件名写入目录 FILE），而不是标准输出",
    ),
    (
        "export.objections_to",
        "居民对公示提出异议的地点（默认：取自议程）",
    ),
    (
        "export.objections_until",
        "提出异议的最后一天，如 2026-12-15（默认：取自议程）",
    ),
    (
        "export.check",
        "张贴前检查公示：列出隐去了什么、还有什么可能指名道姓；不写入，仍有待查内容时失败（即 --public）",
    ),
    (
        "export.force",
        "覆盖已有的输出文件（默认保留原文件，新文件加编号命名）",
    ),
    (
        "agenda-template",
        "把议事会写成带注释的议程文件（TOML），`intake` 可再次导入",
    ),
    (
        "agenda-template.meeting",
        "议事会编号（或 `latest`）（默认：latest）",
    ),
    ("agenda-template.output", "写入 FILE，而不是标准输出"),
    (
        "agenda-template.force",
        "覆盖已有文件（默认保留原文件，新文件加编号命名）",
    ),
    (
        "ballots",
        "一项议题的表决票：范围内每位业主一张，每页 A4 印两张，HTML 或 DOCX",
    ),
    ("ballots.meeting", "议事会编号（或 `latest`）"),
    ("ballots.item", "议题编号"),
    (
        "ballots.return_by",
        "表决票交回的截止日期，如 2026-12-15（不给则留空待填）",
    ),
    (
        "ballots.format",
        "html 或 docx（默认：按 -o 文件的扩展名，否则 html）",
    ),
    (
        "ballots.output",
        "写入 FILE（或以默认文件名写入目录 FILE），而不是标准输出",
    ),
    (
        "ballots.force",
        "覆盖已有的输出文件（默认保留原文件，新文件加编号命名）",
    ),
    (
        "sign-in-sheet",
        "某次议事会的空白签到表：每位业主一行，留出签名处，HTML 或 DOCX",
    ),
    ("sign-in-sheet.meeting", "议事会编号（或 `latest`）"),
    (
        "sign-in-sheet.format",
        "html 或 docx（默认：按 -o 文件的扩展名，否则 html）",
    ),
    (
        "sign-in-sheet.output",
        "写入 FILE（或以默认文件名写入目录 FILE），而不是标准输出",
    ),
    (
        "sign-in-sheet.force",
        "覆盖已有的输出文件（默认保留原文件，新文件加编号命名）",
    ),
    (
        "verify",
        "核查事件链，以及表决票、签到、议题和结果是否与事件所载相符",
    ),
    (
        "verify.digest",
        "并确认这个记录摘要（以前纪要上印的链头）在事件链中",
    ),
    ("verify.against", "并确认当前记录是从这份较早的备份开始的"),
    (
        "backup",
        "安全地复制数据库（如复制到 U 盘）：复制为新文件 FILE，或在文件夹 FOLDER 中按日期命名",
    ),
    (
        "backups",
        "backups/ 中的自动备份：大小、来自何时何事、保留哪些",
    ),
    (
        "backups.wait",
        "先等仍在进行的自动备份做完（主持界面退出或 `close` 之后）",
    ),
    (
        "backup-handoff",
        "（内部使用）完成主持界面或 `close` 交出的自动备份",
    ),
    (
        "restore",
        "用备份替换数据库：先检查备份，当前数据库保留在 backups/ 中（已损坏的原样移入）",
    ),
    ("restore.yes", "不再询问确认"),
];

fn zh(path: &str) -> Option<&'static str> {
    HELP.iter().find(|(p, _)| *p == path).map(|(_, t)| *t)
}

/// The command with its help in Chinese: every command's and argument's text, the headings, and
/// the help flag's own line.
pub fn chinese(cmd: Command) -> Command {
    let cmd = cmd.disable_help_subcommand(true);
    translate(cmd, "")
}

fn translate(mut cmd: Command, path: &str) -> Command {
    if let Some(about) = zh(path) {
        cmd = cmd.about(about).long_about(None);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let help = zh(&format!("{path}.{id}"));
        cmd = cmd.mut_arg(&id, |a| {
            // clap would add "[possible values: …]" and "[default: …]" in English.
            let takes = a.get_action().takes_values();
            let values: Vec<String> = a
                .get_possible_values()
                .iter()
                .filter(|v| takes && !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            let default: Vec<String> = a
                .get_default_values()
                .iter()
                .filter(|_| takes)
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            let mut text = help.map(str::to_string).unwrap_or_default();
            if !values.is_empty() {
                text.push_str(&format!("（可取：{}）", values.join("、")));
            }
            if !default.is_empty() && !text.contains("默认：") {
                text.push_str(&format!("（默认：{}）", default.join("、")));
            }
            let a = match takes {
                true => a.hide_possible_values(true).hide_default_value(true),
                false => a,
            };
            match text.is_empty() {
                true => a,
                false => a.help(text).long_help(None),
            }
        });
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in &names {
        let sub = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(name, |s| translate(s, &sub));
    }
    let mut cmd = cmd.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help("显示说明"),
    );
    if cmd.get_version().is_some() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("显示版本"),
        );
    }
    // The headings in the template, with the full-width colon (clap would write "Options:").
    let positionals = cmd.get_positionals().any(|a| !a.is_hide_set());
    let mut template = String::from("{about-with-newline}\n用法：`{usage}`\n");
    if !names.is_empty() {
        template.push_str("\n命令：\n{subcommands}\n");
    }
    if positionals {
        template.push_str("\n参数：\n{positionals}\n");
    }
    template.push_str("\n选项：\n{options}{after-help}");
    cmd.help_template(template)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every help text of the commands, by where it is.
    fn english(c: &Command, path: &str, out: &mut Vec<String>) {
        if c.get_about().is_some() {
            out.push(path.to_string());
        }
        for a in c.get_arguments() {
            if a.get_help().is_some() {
                out.push(format!("{path}.{}", a.get_id()));
            }
        }
        for s in c.get_subcommands() {
            let p = match path {
                "" => s.get_name().to_string(),
                _ => format!("{path} {}", s.get_name()),
            };
            english(s, &p, out);
        }
    }

    #[test]
    fn every_help_text_has_its_chinese_and_no_chinese_is_left_over() {
        let mut places = Vec::new();
        english(&crate::cli::Cli::command(), "", &mut places);
        let missing: Vec<&String> = places.iter().filter(|p| zh(p).is_none()).collect();
        assert!(missing.is_empty(), "help without Chinese: {missing:?}");
        let stale: Vec<&str> = HELP
            .iter()
            .map(|(p, _)| *p)
            .filter(|p| !places.iter().any(|q| q == p))
            .collect();
        assert!(stale.is_empty(), "Chinese help for nothing: {stale:?}");
        // And the command built in Chinese is a valid command.
        chinese(crate::cli::Cli::command()).debug_assert();
    }
}
