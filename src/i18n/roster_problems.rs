use super::catalogue;

catalogue! {
    /// Texts of the roster reader's problems: a header, a row, a cell that cannot be right.
    RosterProblem {
        FieldBuilding => "楼栋", "building";
        FieldUnit => "单元", "unit";
        FieldRoom => "房号", "room";
        FieldAddress => "房屋地址", "address";
        FieldArea => "面积", "area";
        FieldOwnerName => "业主姓名", "owner name";
        FieldOwnerId => "业主编号", "owner id";
        FieldCertificate => "证件号码", "ID or certificate number";
        FieldPhone => "电话", "phone";
        FieldUnsold => "未售标记", "unsold marker";
        FieldFloor => "楼层", "floor";
        HeaderHint => "表头行写明各列：楼栋、单元、房号、建筑面积(㎡)、业主姓名（也可用英文表头 building/unit/room/area_m2/owner_name），其下每户一行",
            "the header row names the columns: 楼栋, 单元, 房号, 建筑面积(㎡), 业主姓名 (or building, unit, room, area_m2, owner_name); below it, one row per flat";
        HeaderNotInFirstRows => "{hint}；前 {n} 行中没有一行是表头", "{hint}; no row of the first {n} does";
        HeaderInSomeSheet => "{hint}；名册可放在一个工作表中，也可每栋楼一个工作表",
            "{hint}, in one sheet or one sheet per building";
        NoHeaderRow => "第 {row} 行没有写明各列（内容为「{text}」）",
            "row {row} does not name the columns (it reads '{text}')";
        EmptyFile => "文件是空的", "the file is empty";
        NoSheetIsRoster => "没有一个工作表写明名册的各列：{sheets}",
            "no worksheet names the roster's columns: {sheets}";
        SheetBegins => "{sheet}（「{text}」）", "{sheet} ('{text}')";
        SheetEmpty => "{sheet}（空）", "{sheet} (empty)";
        NoFlats => "表头行（第 {row} 行）下没有房屋", "there are no flats below the header row (row {row})";
        AddFlats => "在表头下每户一行，写明楼栋、单元、房号、面积和业主姓名",
            "add one row per flat under the header, with building, unit, room, area and owner name";
        NoColumn => "没有{field}列", "there is no {field} column";
        AddColumn => "请加一列，表头为 {header}（可用的表头：{accepted}）",
            "add a column headed {header} (accepted headers: {accepted})";
        SecondColumn => "又一个{field}列（{letter} 列已是「{first}」）",
            "a second {field} column (column {letter} is already {first})";
        KeepOneColumn => "只保留一个{field}列：删除这一列或给它改名",
            "keep one {field} column: delete or rename this one";
        Formula => "「{text}」是 Excel 公式，不是数值", "'{text}' is an Excel formula, not a value";
        PasteValues => "在 Excel 或 WPS 中复制该列，再用“选择性粘贴 → 数值”粘贴回原处，或直接填写数值",
            "in Excel or WPS copy the column and paste it back as values (Paste Special → Values), or type the value itself";
        ForbiddenChar => "单元格中有{what}（U+{code}）", "the cell holds {what} (U+{code})";
        LineBreak => "换行符", "a line break";
        Tab => "制表符", "a tab";
        DirectionControl => "文字方向控制符", "a text-direction control";
        ControlChar => "控制字符", "a control character";
        Retype => "请重新输入该单元格；共有人写在同一格，姓名以“、”分隔",
            "retype the cell; co-owners go on one line, names joined by 、";
        Empty => "{field}是空的", "the {field} is empty";
        EmptyHint => "每户都要有楼栋、单元、房号、面积和业主姓名；如这一行不是房屋，请删除",
            "every flat needs its building, unit, room, area and owner name; delete the row if it is not a flat";
        MissingCells => "缺少{field}：这一行只有 {n} 个单元格", "the {field} is missing: the row has only {n} cells";
        CheckCommas => "请检查这一行的逗号：每户都要有楼栋、单元、房号、面积和业主姓名",
            "check the commas in this row: every flat needs its building, unit, room, area and owner name";
        ExcelError => "单元格是 Excel 错误值 {error}", "the cell holds the Excel error {error}";
        FixFormula => "请改正公式，或直接填写数值", "fix the formula, or type the value itself";
        Date => "Excel 把这个单元格变成了日期", "Excel has turned this cell into a date";
        FormatAsText => "请把该列设为“文本”格式，重新输入后保存", "format the column as Text, type the value again and save";
        FormulaWithoutValue => "公式 ={formula} 没有保存计算结果", "the formula ={formula} has no saved value";
        SaveAgain => "请用 Excel 或 WPS 打开文件后重新保存，或直接填写数值",
            "open the file in Excel or WPS and save it again, or type the value itself";
        NotAFlat => "「{text}」不是一套房屋", "'{text}' is not a flat";
        WriteFlat => "请写明楼栋、单元和房号，如 3-2-501 或 3栋2单元501室",
            "write building, unit and room, e.g. 3-2-501 or 3栋2单元501室";
        BadPart => "「{text}」不能作{field}：在 3-2-501 这样的写法中，“-”、“/”、空格和栋、座、单元、#等用来分隔楼栋、单元和房号",
            "'{text}' cannot be used as a {field}: '-', '/', spaces and markers such as 栋, 座, 单元 or # separate building, unit and room in a flat like 3-2-501";
        OneWord => "{field}请写成一个词，不要带这些字符", "write the {field} as one word, without them";
        AreaEmpty => "面积是空的", "the area is empty";
        AreaNotANumber => "「{text}」不是数字", "'{text}' is not a number";
        AreaDecimals => "「{text}」超过两位小数", "'{text}' has more than two decimals";
        AreaNotPositive => "「{text}」不是正数", "'{text}' is not positive";
        AreaTooLarge => "「{text}」太大", "'{text}' is too large";
        AreaHint => "面积以 ㎡ 为单位，最多两位小数，如 56.45", "write the area in m² with at most two decimals, e.g. 56.45";
        Implausible => "{area} ㎡ 不像一套房屋的面积（应在 {min} 到 {max} ㎡ 之间）",
            "{area} m² is not a plausible area for one flat ({min} to {max} m²)";
        CheckDecimalPoint => "请检查小数点；一套房屋的面积是它登记的建筑面积",
            "check the decimal point; a flat's area is its registered floor area";
        ShortenedPhone => "「{text}」是被 Excel 缩写的电话号码：后几位已经丢失",
            "'{text}' is a phone number Excel shortened: its last digits are lost";
        PhoneAsText => "请在 Excel 或 WPS 中把该列设为“文本”格式，再重新输入号码（或从原来的系统重新导出）",
            "format the column as Text in Excel or WPS and type the numbers again (or export them again from where they came from)";
        NotUnsoldMark => "「{text}」没有说明这套房屋是否未售", "'{text}' does not say whether the flat is unsold";
        UnsoldHint => "填“是”（未售，属开发商）或留空", "write 是 (unsold, the developer's) or leave it empty";
        FlatAgain => "房屋 {flat} 已出现在{place}", "flat {flat} already appears in {place}";
        AtRow => "第 {row} 行", "row {row}";
        AtSheetRow => "工作表「{sheet}」第 {row} 行", "sheet {sheet}, row {row}";
        ListOnce => "每套房屋只列一次；共有人写在同一行，姓名以“、”分隔（如 刘斌艳、莫刚超）",
            "list each flat once; co-owners go in one row, names joined by 、 (e.g. 刘斌艳、莫刚超)";
        OwnerIdConflict => "业主编号 {id} 在第 {row} 行属于 {first}，这一行却写着 {name}",
            "owner id {id} belongs to {first} in row {row}, but this row names {name}";
        OneOwnerId => "业主编号相同的行是同一位业主：请写相同的姓名，或给这位业主单独编号",
            "rows with the same owner id are one owner: write the same name, or give this owner their own id";
    }
}
