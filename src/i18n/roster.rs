use super::catalogue;

catalogue! {
    /// Texts of roster import: the summary a secretary checks against the spreadsheet.
    RosterText {
        SheetRead => "工作表「{sheet}」：表头在第 {row} 行，读取 {rows} 行，面积 {area} ㎡",
            "sheet '{sheet}': header in row {row}, {rows} rows read, area {area} m²";
        FileRead => "表头在第 {row} 行，读取 {rows} 行，面积 {area} ㎡",
            "header in row {row}, {rows} rows read, area {area} m²";
        AreaColumn => "面积取自「{used}」列", "area taken from the column '{used}'";
        AreaColumnOthers => "面积取自「{used}」列（未用：{others}）",
            "area taken from the column '{used}' (not used: {others})";
        AddressColumn => "楼栋、单元、房号取自「{header}」列",
            "building, unit and room taken from the column '{header}'";
        TotalRows => "跳过合计行：第 {rows} 行", "total rows skipped: {rows}";
        Filled => "合并或空白的楼栋/单元格按上方填充：{n} 处（第 {rows} 行）",
            "merged or empty building/unit cells filled from above: {n} (rows {rows})";
        SkippedNoHeader => "跳过工作表「{sheet}」：没有表头（开头为「{text}」）",
            "sheet '{sheet}' skipped: no header row (it begins '{text}')";
        SkippedEmpty => "跳过空工作表「{sheet}」", "empty sheet '{sheet}' skipped";
        SkippedNoFlats => "跳过工作表「{sheet}」：第 {row} 行表头下没有房屋",
            "sheet '{sheet}' skipped: no flats below its header in row {row}";
        DelimiterTab => "各列以制表符分隔", "the columns are separated by tabs";
        DelimiterSemicolon => "各列以分号分隔", "the columns are separated by semicolons";
        Totals => "合计：读取 {rows} 行，{flats} 套房屋，{owners} 名业主，总面积 {area} ㎡",
            "in all: {rows} rows read, {flats} flats, {owners} owners, total area {area} m²";
        Rounded => "带计算误差的面积已取两位小数：{n} 处（{rows}）",
            "areas with float noise rounded to hundredths: {n} ({rows})";
        ByCertificate => "按证件号识别的业主：{n} 名（证件号只以加盐散列保存）",
            "owners identified by ID or certificate number: {n} (the numbers are kept only as a salted hash)";
        MergedByPhone => "同名同电话，计为一名业主：{name}（{flats}）",
            "same name and phone, counted as one owner: {name} ({flats})";
        UnsoldByName => "按名称计为开发商（原单位）未售房，合计一名业主：{flats}",
            "counted by name as the developer's unsold flats, one owner together: {flats}";
        SameName => "注意：{name} 名下 {n} 套房屋（{flats}）按不同业主计；如为同一人，请在“业主编号”列填写相同编号",
            "warning: {name} is named on {n} flats ({flats}), counted as different owners; if one person, give these rows the same owner id (业主编号)";
        FarCells => "注意：远离表格的单元格未读取：{cells}",
            "warning: cells far outside the table were not read: {cells}";
        Imported => "已导入 {flats} 套房屋、{owners} 名业主（新增 {added} 套，更新 {updated} 套，不再列出 {retired} 套；新增业主 {owners_added} 名，更新 {owners_updated} 名）",
            "imported {flats} flats of {owners} owners ({added} flats added, {updated} updated, {retired} no longer listed; {owners_added} owners added, {owners_updated} updated)";
        More => "等共 {n} 处", "and more, {n} in all";
    }
}
