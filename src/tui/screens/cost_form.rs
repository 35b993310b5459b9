//! Changing an item's cost plan on screen (key `m` on the item screen): amount, subsidy, whether the
//! area counts, each floor's coefficient, and why. The store keeps the earlier plan and refuses a change
//! while owners are voting; a field that does not read is named and keeps its text.

use std::collections::BTreeMap;

use crate::domain::cost::{Coefficient, CostPlan, Fen};
use crate::i18n::{T, cost_error, decimal_error};
use crate::lang::Lang;

use super::super::app::{App, FormFor, Modal};
use super::super::form::{Field, Form};

/// The fields, in this order (the indexes of [`plan`]'s errors).
const AMOUNT: usize = 0;
const SUBSIDY: usize = 1;
const BY_AREA: usize = 2;
const FLOORS: usize = 3;

/// Opens the form on item `number`, filled with its current plan (or empty when it has none).
pub fn open(app: &mut App, id: i64, number: i64) {
    let lang = app.lang;
    let current = app
        .model
        .as_ref()
        .and_then(|m| m.costs.get(&id))
        .map(|c| &c.plan);
    let text = |f: &dyn Fn(&CostPlan) -> String| current.map(f).unwrap_or_default();
    let yes_no = |b: bool| if b { T::CostYes } else { T::CostNo }.get(lang).to_string();
    let floors = |p: &CostPlan| {
        let parts: Vec<String> = p.floors.iter().map(|(f, c)| format!("{f} = {c}")).collect();
        parts.join(", ")
    };
    let reason = Field::line(T::CostReason);
    let form = Form::new(
        T::CostPlanTitle,
        vec![
            Field::line(T::CostAmount).with(&text(&|p| p.amount_fen.to_string())),
            Field::line(T::CostSubsidy)
                .optional()
                .with(&text(&|p| p.subsidy_fen.to_string())),
            Field::line(T::CostByArea)
                .hint(T::CostByAreaHint)
                .with(&yes_no(current.is_some_and(|p| p.by_area))),
            Field::text(T::CostFloors)
                .hint(T::CostFloorsHint)
                .with(&text(&floors)),
            // A first plan needs no reason; a change does (it goes into the minutes).
            if current.is_some() {
                reason
            } else {
                reason.optional()
            },
        ],
    );
    app.modal = Some(Modal::Form(form, FormFor::Cost { item: number }));
}

/// The plan typed in, or the field that does not read (its index) and why.
pub fn plan(values: &[String], lang: Lang) -> Result<CostPlan, (usize, String)> {
    let money = |i: usize| match values[i].trim() {
        "" if i == SUBSIDY => Ok(Fen::ZERO),
        t => Fen::parse_yuan(t).map_err(|e| (i, decimal_error(&e).render(lang))),
    };
    let plan = CostPlan {
        amount_fen: money(AMOUNT)?,
        subsidy_fen: money(SUBSIDY)?,
        by_area: yes_no(&values[BY_AREA]).ok_or((BY_AREA, T::CostNotYesNo.get(lang).into()))?,
        floors: floors(&values[FLOORS], lang).map_err(|e| (FLOORS, e))?,
    };
    plan.check().map_err(|e| {
        let field = if plan.floors.is_empty() {
            FLOORS
        } else {
            SUBSIDY
        };
        (field, cost_error(&e).render(lang))
    })?;
    Ok(plan)
}

fn yes_no(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "是" | "y" | "yes" | "true" | "1" => Some(true),
        "否" | "n" | "no" | "false" | "0" | "" => Some(false),
        _ => None,
    }
}

/// "1 = 0, 2 = 0.3" — separated by commas (either width), 、, ; or new lines; `=` or `：` between
/// floor and coefficient, as a Chinese input method may type them.
fn floors(text: &str, lang: Lang) -> Result<BTreeMap<u32, Coefficient>, String> {
    let mut out = BTreeMap::new();
    let parts = text
        .split([',', '，', '、', ';', '；', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty());
    for part in parts {
        let bad = || T::CostNotAFloor.fill(lang, &[("part", &part)]);
        let (floor, c) = part.split_once(['=', '＝', ':', '：']).ok_or_else(bad)?;
        let floor = floor
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|f| *f > 0)
            .ok_or_else(bad)?;
        let c = Coefficient::parse(c).map_err(|e| decimal_error(&e).render(lang))?;
        out.insert(floor, c);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(amount: &str, subsidy: &str, by_area: &str, floors: &str) -> Vec<String> {
        [amount, subsidy, by_area, floors, "补贴到位"]
            .map(String::from)
            .to_vec()
    }

    #[test]
    fn reads_the_plan_as_typed_with_full_width_signs() {
        let p = plan(
            &values(
                "780000",
                "200000.5",
                "否",
                "1 = 0，2＝0.06、3：0.14\n4 = 0.22",
            ),
            Lang::Zh,
        )
        .unwrap();
        assert_eq!(p.amount_fen, Fen(78_000_000));
        assert_eq!(p.subsidy_fen, Fen(20_000_050));
        assert!(!p.by_area);
        let floors: Vec<String> = p.floors.iter().map(|(f, c)| format!("{f}={c}")).collect();
        assert_eq!(floors, ["1=0", "2=0.06", "3=0.14", "4=0.22"]);
        let p = plan(&values("1", "", "yes", "1 = 1"), Lang::En).unwrap();
        assert_eq!((p.subsidy_fen, p.by_area), (Fen::ZERO, true));
    }

    #[test]
    fn names_the_field_that_does_not_read() {
        let field = |v: Vec<String>| plan(&v, Lang::En).unwrap_err();
        assert_eq!(field(values("1.234", "", "", "1 = 0")).0, AMOUNT);
        assert_eq!(field(values("9", "10", "", "1 = 0")).0, SUBSIDY);
        assert_eq!(field(values("9", "", "maybe", "1 = 0")).0, BY_AREA);
        let (f, why) = field(values("9", "", "", "1 = 0, two = 0.3"));
        assert_eq!(
            (f, why.as_str()),
            (FLOORS, "'two = 0.3' is not 'floor = coefficient'")
        );
        let (f, why) = field(values("9", "", "", "1 = -0.3"));
        assert_eq!((f, why.as_str()), (FLOORS, "'-0.3' is negative"));
        assert_eq!(field(values("9", "", "", "")).0, FLOORS);
    }
}
