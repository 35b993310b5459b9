//! The record's tables by name, as `verify` names them to the reader: in Chinese by what they
//! hold; in English by their own names (which are English words, and what a technician looks for).

use super::catalogue;
use crate::lang::Lang;

catalogue! {
    /// A table of the database, in Chinese.
    TableText {
        Events => "事件", "events";
        Meetings => "议事会", "meetings";
        Items => "议题", "items";
        Ballots => "表决票", "ballots";
        Attendance => "签到", "attendance";
        Notes => "发言记录", "notes";
        Flats => "房屋", "flats";
        FlatHistory => "房屋变更记录", "flat_history";
        Owners => "业主", "owners";
        Estate => "小区", "estate";
        Actions => "办理事项", "actions";
        ActionProgress => "办理进展", "action_progress";
        Concerns => "诉求", "concerns";
        CostPlans => "费用分摊方案", "cost_plans";
        FlatFloors => "房屋楼层", "flat_floors";
        FloorSets => "楼层设置", "floor_sets";
        FloorHistory => "楼层变更记录", "floor_history";
        NoticeSettings => "公示设置", "notice_settings";
        Guests => "列席人员", "guests";
        Display => "大屏状态", "display";
    }
}

/// A table's name for the reader: the catalogue's, or the table's own for one it does not list.
pub fn table_name(table: &str, lang: Lang) -> String {
    TableText::ALL
        .iter()
        .find(|t| t.get(Lang::En) == table)
        .map_or_else(|| table.to_string(), |t| t.get(lang).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_of_the_record_has_a_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.db");
        drop(crate::store::Store::open(&path).unwrap());
        let conn = rusqlite::Connection::open(&path).unwrap();
        let mut stmt = conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'",
            )
            .unwrap();
        let tables: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert!(tables.len() > 15, "{tables:?}");
        let unnamed: Vec<&String> = tables
            .iter()
            .filter(|t| !TableText::ALL.iter().any(|k| k.get(Lang::En) == t.as_str()))
            .collect();
        assert!(unnamed.is_empty(), "tables without a name: {unnamed:?}");
        assert_eq!(table_name("guests", Lang::Zh), "列席人员");
        assert_eq!(table_name("guests", Lang::En), "guests");
        assert_eq!(table_name("other", Lang::Zh), "other");
    }
}
