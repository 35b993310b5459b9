//! The cost table of an item (加装电梯费用分摊) in the minutes and the notice — flats and amounts only,
//! never names — and the same rows for the `cost` command.

use crate::domain::cost::{CostPlan, Sharing};
use crate::i18n::{CostText as C, Said};
use crate::lang::Lang;
use crate::store::{ItemRecord, Store, StoreError};

use super::document::{Align, Block, Table};

/// An item's cost plan as the documents show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemCost {
    /// The current plan, as recorded.
    pub plan: CostPlan,
    /// The sharing of the current plan, or why it cannot be shared (said in the document, not hidden:
    /// a later roster import may bring a floor the plan has no coefficient for into an open item's scope).
    pub sharing: Result<Sharing, Said>,
    /// Each change after the first plan, oldest first.
    pub changes: Vec<PlanChange>,
}

/// A change of plan: when (UTC, as stored), why, and the plan it replaced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanChange {
    pub at: String,
    pub reason: String,
    pub earlier: CostPlan,
}

impl ItemCost {
    /// The item's cost, if it has a plan.
    pub fn gather(store: &Store, item: &ItemRecord) -> Result<Option<ItemCost>, StoreError> {
        let history = store.cost_plan_history(item.id)?;
        if history.is_empty() {
            return Ok(None);
        }
        let sharing = match store.cost_sharing(item) {
            Ok(Some(s)) => Ok(s),
            Ok(None) => return Ok(None),
            Err(StoreError::Said(why)) => Err(why),
            Err(e) => return Err(e),
        };
        let plan = history[history.len() - 1].plan.clone();
        let changes = history
            .windows(2)
            .map(|w| PlanChange {
                at: w[1].at.clone(),
                reason: w[1].reason.clone().unwrap_or_default(),
                earlier: w[0].plan.clone(),
            })
            .collect();
        Ok(Some(ItemCost {
            plan,
            sharing,
            changes,
        }))
    }

    /// The same, with every free text passed through `redact` (for the public notice).
    pub fn redacted(&self, redact: impl Fn(&str) -> String) -> ItemCost {
        ItemCost {
            plan: self.plan.clone(),
            sharing: self.sharing.clone(),
            changes: self
                .changes
                .iter()
                .map(|c| PlanChange {
                    reason: redact(&c.reason),
                    ..c.clone()
                })
                .collect(),
        }
    }
}

/// The summary lines: (label, value) for amount, subsidy, amount shared, method.
pub fn summary(s: &Sharing, lang: Lang) -> Vec<(String, String)> {
    let yuan = |f: crate::domain::cost::Fen| C::Yuan.fill(lang, &[("amount", &f)]);
    vec![
        (C::Amount.get(lang).into(), yuan(s.amount_fen)),
        (C::Subsidy.get(lang).into(), yuan(s.subsidy_fen)),
        (C::ToRaise.get(lang).into(), yuan(s.to_raise_fen)),
        (C::Method.get(lang).into(), method(s.by_area, lang).into()),
    ]
}

/// Each flat's share: flat, floor, coefficient, (area,) amount — with a total row.
pub fn flat_table(s: &Sharing, lang: Lang) -> Table {
    let mut head = vec![C::Flat, C::Floor, C::Coefficient];
    if s.by_area {
        head.push(C::AreaM2);
    }
    head.push(C::ShareYuan);
    let mut rows: Vec<Vec<String>> = s
        .shares
        .iter()
        .map(|x| {
            let mut row = vec![
                x.flat.to_string(),
                x.floor.to_string(),
                x.coefficient.to_string(),
            ];
            if s.by_area {
                row.push(x.area_m2.to_string());
            }
            row.push(x.fen.to_string());
            row
        })
        .collect();
    let mut total = vec![C::Total.get(lang).to_string()];
    total.resize(head.len() - 1, String::new());
    total.push(s.to_raise_fen.to_string());
    rows.push(total);
    Table {
        align: head
            .iter()
            .map(|c| {
                if *c == C::Flat {
                    Align::Left
                } else {
                    Align::Right
                }
            })
            .collect(),
        head: head.iter().map(|c| c.get(lang).to_string()).collect(),
        rows,
        class: "cost",
    }
}

/// The subtotal of each floor, with a total row.
pub fn floor_table(s: &Sharing, lang: Lang) -> Table {
    let mut rows: Vec<Vec<String>> = s
        .floors
        .iter()
        .map(|f| {
            vec![
                f.floor.to_string(),
                f.coefficient.to_string(),
                f.flats.to_string(),
                f.fen.to_string(),
            ]
        })
        .collect();
    rows.push(vec![
        C::Total.get(lang).into(),
        String::new(),
        s.shares.len().to_string(),
        s.to_raise_fen.to_string(),
    ]);
    Table {
        head: [C::Floor, C::Coefficient, C::Flats, C::ShareYuan]
            .iter()
            .map(|c| c.get(lang).to_string())
            .collect(),
        align: vec![Align::Left, Align::Right, Align::Right, Align::Right],
        rows,
        class: "cost",
    }
}

/// The blocks of the minutes (and notice) for an item's cost; `when` writes a stored time for readers.
pub fn blocks(cost: &ItemCost, lang: Lang, when: &dyn Fn(&str) -> String) -> Vec<Block<'static>> {
    let mut b = vec![Block::Heading(4, C::Heading.get(lang).into())];
    match &cost.sharing {
        Err(why) => b.push(Block::Para(
            C::CannotShare.fill(lang, &[("why", &why.render(lang))]),
        )),
        Ok(s) => {
            for (label, value) in summary(s, lang) {
                b.push(Block::Labelled(label, value));
            }
            b.push(Block::Para(C::Rounding.get(lang).into()));
            b.push(Block::Table(floor_table(s, lang)));
            b.push(Block::Table(flat_table(s, lang)));
        }
    }
    for c in &cost.changes {
        b.push(Block::Para(C::Changed.fill(
            lang,
            &[
                ("at", &when(&c.at)),
                ("reason", &c.reason),
                ("earlier", &plan_line(&c.earlier, lang)),
            ],
        )));
    }
    b
}

/// A plan in one line: amount, subsidy, method and every floor's coefficient.
pub fn plan_line(p: &CostPlan, lang: Lang) -> String {
    C::PlanLine.fill(
        lang,
        &[
            ("amount", &p.amount_fen),
            ("subsidy", &p.subsidy_fen),
            ("method", &method(p.by_area, lang)),
            ("floors", &floors_line(p)),
        ],
    )
}

/// Every floor's coefficient in one line: "1 = 0, 2 = 0.3".
pub fn floors_line(p: &CostPlan) -> String {
    let floors: Vec<String> = p.floors.iter().map(|(f, c)| format!("{f} = {c}")).collect();
    floors.join(", ")
}

/// The method of sharing in words.
pub fn method(by_area: bool, lang: Lang) -> &'static str {
    if by_area { C::ByFloorArea } else { C::ByFloor }.get(lang)
}
