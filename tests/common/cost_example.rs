//! The worked example of a cost plan, shared by the domain's unit tests
//! (`src/domain/cost/tests.rs` includes this file by `#[path]`) and the integration tests: the
//! including module brings `Coefficient`, `CostPlan` and `Fen` into scope.

use std::collections::BTreeMap;

use super::{Coefficient, CostPlan, Fen};

/// The plan of a six-storey unit: ground floor 0, each floor up 0.3 more (0, 0.3, …, 1.5).
pub fn six_storeys(amount_yuan: &str, subsidy_yuan: &str, by_area: bool) -> CostPlan {
    let floors: BTreeMap<u32, Coefficient> = [
        (1, "0"),
        (2, "0.3"),
        (3, "0.6"),
        (4, "0.9"),
        (5, "1.2"),
        (6, "1.5"),
    ]
    .iter()
    .map(|(f, c)| (*f, Coefficient::parse(c).unwrap()))
    .collect();
    CostPlan {
        amount_fen: Fen::parse_yuan(amount_yuan).unwrap(),
        subsidy_fen: Fen::parse_yuan(subsidy_yuan).unwrap(),
        floors,
        by_area,
    }
}
