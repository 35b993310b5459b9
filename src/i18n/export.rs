use super::catalogue;

catalogue! {
    /// Texts of the export command and the exported documents added for filing and posting.
    ExportText {
        WritingCsv => "写出 CSV 时出错：`{detail}`", "writing the CSV failed: `{detail}`";
        WritingJson => "写出 JSON 时出错：`{detail}`", "writing the JSON failed: `{detail}`";
        WritingXlsx => "写出工作簿时出错：`{detail}`", "writing the workbook failed: `{detail}`";
        Masked => "公示已隐去：姓名 {names}，电话号码 {phones}，身份证号 {ids}，电子邮箱 {emails}。",
            "masked on the notice: {names}, {phones}, {ids}, {emails}.";
        Name => "处", "name";
        Names => "处", "names";
        PhoneNumber => "处", "phone number";
        PhoneNumbers => "处", "phone numbers";
        IdNumber => "处", "ID number";
        IdNumbers => "处", "ID numbers";
        Email => "处", "e-mail address";
        Emails => "处", "e-mail addresses";
        Passage => "处", "passage";
        Passages => "处", "passages";
        CheckClean => "未发现疑似姓名。张贴前仍请通读一遍。",
            "nothing on the notice looks like a name; still read it through before posting.";
        CheckFound => "张贴前请核对以下 {n}疑似姓名（未自动隐去，可在原记录中改写）：",
            "before posting, review {n} that may name a person (not masked; reword the record where needed):";
        CheckFailed => "公示中有 {n}疑似姓名待核对，未写入文件",
            "{n} of the notice may name a person: nothing was written";
        PageOf => "第 {page} 页 共 {pages} 页", "Page {page} of {pages}";
        DigestFooter => "记录摘要 SHA-256（第 {event} 号事件）：{hash}", "Record digest SHA-256 (event #{event}): {hash}";
        UnsoldFlats => "开发商未售房屋 {n} 套", "developer's unsold flats ({n})";
        MeetingNumber => "会议届次", "Meeting";
        NthMeeting => "本小区第 {n} 次会议", "no. {n} of the estate";
        SignInAnnex => "附件：签到表", "Annex: sign-in list";
        Attended => "到会方式", "Attended";
        LeftEarly => "中途离场", "left early";
        Kept => "{path} 已存在，保留原文件，新文件写入 {new}", "{path} exists and was kept; wrote {new}";
    }
}
