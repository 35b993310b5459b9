use super::catalogue;

catalogue! {
    /// Texts of problems with an input file as a whole: reading it, its size, its text encoding, its
    /// CSV or workbook form (rosters, agendas, written ballots).
    IntakeText {
        InSheet => "{file}（工作表「{sheet}」）", "{file} (sheet {sheet})";
        Unreadable => "文件无法读取：{error}", "the file cannot be read: {error}";
        CheckPath => "请检查文件名和所在文件夹", "check the file name and folder";
        TooLarge => "文件有 {size} MB，超过{what}的上限（最多 {limit} MB）",
            "the file is {size} MB, more than {what} can be ({limit} MB at most)";
        RightFile => "请确认选的是不是这个文件", "check that this is the right file";
        AnAgenda => "议程文件", "an agenda";
        ARoster => "业主名册", "a roster";
        ABallotFile => "书面表决票文件", "a file of written ballots";
        SaveAsUtf8 => "请用 Excel 或 WPS 打开，另存为“CSV UTF-8（逗号分隔）”，再导入另存的文件",
            "open it in Excel or WPS and save it as \"CSV UTF-8 (comma delimited)\", then import that file";
        SaveAsCsv => "请用 Excel 或 WPS 打开，另存为“CSV UTF-8（逗号分隔）”",
            "open it in Excel or WPS and save it as \"CSV UTF-8 (comma delimited)\"";
        BomNotUtf8 => "文件标明是 UTF-8，但第 {line} 行有不是 UTF-8 的字节",
            "the file says it is UTF-8 but line {line} has bytes that are not UTF-8";
        Utf16 => "文件是 UTF-16 文本（Excel 的“Unicode 文本”），不是 CSV",
            "the file is UTF-16 text (Excel's \"Unicode text\"), not CSV";
        DamagedUtf8 => "第 {line} 行有不是 UTF-8 的字节，而文件其余部分是 UTF-8",
            "line {line} has bytes that are not UTF-8, though the rest of the file is";
        MixedEncodings => "文件混用了两种文字编码：第 {utf8} 行是 UTF-8，第 {other} 行不是（是否从别的文件复制了几行进来？）",
            "the file mixes two text encodings: line {utf8} is UTF-8 but line {other} is not (rows copied in from another file?)";
        UnknownEncoding => "无法识别文字编码：第 {line} 行既不是 UTF-8 也不是 GBK",
            "the text encoding could not be recognised: line {line} is neither UTF-8 nor GBK";
        NotCsv => "文件无法按 CSV 读取：{error}", "the file could not be read as CSV: {error}";
        AmbiguousDelimiter => "各列可能以逗号分隔，也可能以{name}分隔：无法确定",
            "the columns may be separated by commas or by {name}: the file is ambiguous";
        Tabs => "制表符", "tabs";
        Semicolons => "分号", "semicolons";
        WorkbookUnreadable => "无法打开工作簿：{reason}", "the workbook could not be opened: {reason}";
        SaveWorkbookAgain => "请用 Excel 或 WPS 打开，取消密码后另存为 .xlsx，或另存为“CSV UTF-8（逗号分隔）”",
            "open it in Excel or WPS and save it again as .xlsx without a password, or save it as \"CSV UTF-8 (comma delimited)\"";
        NoWorksheet => "工作簿中没有工作表", "the workbook has no worksheet";
        PutOnWorksheet => "请把名册放在一个工作表中", "put the roster on a worksheet";
        NotAWorkbook => "文件名像 Excel 工作簿，内容却不是", "the file is named like an Excel workbook but is not one";
        SaveAsXlsxOrCsv => "请用 Excel 或 WPS 打开，另存为 .xlsx 或“CSV UTF-8（逗号分隔）”",
            "open it in Excel or WPS and save it as .xlsx or as \"CSV UTF-8 (comma delimited)\"";
    }
}
