use super::catalogue;

catalogue! {
    /// Texts of the XLSX workbook: sheet names and the headings the other documents do not have.
    WorkbookText {
        SheetRollCall => "表决记录", "Roll call";
        SheetSignIn => "签到表", "Sign-in";
        SheetLedger => "办理事项台账", "Action ledger";
        LedgerPart => "分类", "List";
        Holder => "受托人", "Proxy holder";
        SheetCost => "费用分摊", "Cost sharing";
        SheetCostPlans => "费用方案", "Cost plans";
    }
}
