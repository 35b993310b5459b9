use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;

#[path = "../../../tests/common/cost_example.rs"]
mod example;
use example::six_storeys as plan;

fn coefficients(pairs: &[(u32, &str)]) -> BTreeMap<u32, Coefficient> {
    pairs
        .iter()
        .map(|(f, c)| (*f, Coefficient::parse(c).unwrap()))
        .collect()
}

/// The unit: six storeys, two flats a floor (x01 of 60 m², x02 of 90 m²).
fn six_storey_unit() -> Vec<CostFlat> {
    let mut flats = Vec::new();
    for floor in 1..=6u32 {
        for (door, area) in [(1, 6000), (2, 9000)] {
            flats.push(CostFlat {
                flat: FlatRef::new("3", "2", format!("{floor}0{door}")),
                floor,
                area: Area(area),
            });
        }
    }
    flats
}

fn fen_of(sharing: &Sharing, room: &str) -> i64 {
    sharing
        .shares
        .iter()
        .find(|s| s.flat.room == room)
        .unwrap()
        .fen
        .0
}

#[test]
fn six_storeys_by_floor_with_a_subsidy() {
    // ¥780,000 less ¥200,000 subsidy: 58,000,000 fen over a total coefficient of 9.
    let s = plan("780000", "200000.00", false)
        .share(&six_storey_unit())
        .unwrap();
    assert_eq!(s.to_raise_fen, Fen(58_000_000));
    // Exact shares: 1933333⅓, 3866666⅔, 5800000, 7733333⅓, 9666666⅔; four fen left over go to the
    // remainders of ⅔ (floors 3 and 6).
    let want = [
        ("101", 0),
        ("102", 0),
        ("201", 1_933_333),
        ("202", 1_933_333),
        ("301", 3_866_667),
        ("302", 3_866_667),
        ("401", 5_800_000),
        ("402", 5_800_000),
        ("501", 7_733_333),
        ("502", 7_733_333),
        ("601", 9_666_667),
        ("602", 9_666_667),
    ];
    for (room, fen) in want {
        assert_eq!(fen_of(&s, room), fen, "{room}");
    }
    let floors: Vec<(u32, i64)> = s.floors.iter().map(|f| (f.floor, f.fen.0)).collect();
    assert_eq!(
        floors,
        [
            (1, 0),
            (2, 3_866_666),
            (3, 7_733_334),
            (4, 11_600_000),
            (5, 15_466_666),
            (6, 19_333_334)
        ]
    );
}

#[test]
fn six_storeys_weighted_by_area() {
    // Weights coefficient × m²: 18, 27, 36, 54, 54, 81, 72, 108, 90, 135 (total 675).
    let s = plan("580000", "0", true).share(&six_storey_unit()).unwrap();
    let want = [
        ("201", 1_546_667), // 1546666⅔
        ("202", 2_320_000),
        ("301", 3_093_333), // 3093333⅓
        ("302", 4_640_000),
        ("401", 4_640_000),
        ("402", 6_960_000),
        ("501", 6_186_667), // 6186666⅔
        ("502", 9_280_000),
        ("601", 7_733_333), // 7733333⅓
        ("602", 11_600_000),
    ];
    for (room, fen) in want {
        assert_eq!(fen_of(&s, room), fen, "{room}");
    }
    assert_eq!(s.shares.iter().map(|x| x.fen.0).sum::<i64>(), 58_000_000);
}

#[test]
fn an_amount_that_does_not_divide_goes_to_the_earlier_address_on_a_tie() {
    // ¥1.00 among three equal flats: 33⅓ each; the one fen left goes to the first address.
    let flats: Vec<CostFlat> = ["301", "302", "303"]
        .iter()
        .map(|r| CostFlat {
            flat: FlatRef::new("3", "2", *r),
            floor: 3,
            area: Area(5000),
        })
        .collect();
    let p = CostPlan {
        amount_fen: Fen(100),
        subsidy_fen: Fen(0),
        floors: coefficients(&[(3, "1")]),
        by_area: false,
    };
    // The input order does not matter: the sharing sorts by address.
    let mut reversed = flats.clone();
    reversed.reverse();
    for input in [flats, reversed] {
        let s = p.share(&input).unwrap();
        let got: Vec<(String, i64)> = s
            .shares
            .iter()
            .map(|x| (x.flat.room.clone(), x.fen.0))
            .collect();
        assert_eq!(
            got,
            [("301".into(), 34), ("302".into(), 33), ("303".into(), 33)]
        );
    }
}

#[test]
fn a_subsidy_covering_everything_leaves_nothing_to_pay() {
    let s = plan("500000", "500000", false)
        .share(&six_storey_unit())
        .unwrap();
    assert!(s.shares.iter().all(|x| x.fen == Fen(0)));
}

#[test]
fn refuses_plans_that_cannot_be_shared() {
    let flats = six_storey_unit();
    assert!(matches!(
        plan("100", "200", false).share(&flats),
        Err(CostError::SubsidyExceedsAmount { .. })
    ));
    let mut missing = plan("100", "0", false);
    missing.floors.remove(&6);
    assert!(matches!(
        missing.share(&flats),
        Err(CostError::NoCoefficient { floor: 6, .. })
    ));
    let mut zero = plan("100", "0", false);
    zero.floors.values_mut().for_each(|c| *c = Coefficient(0));
    assert!(matches!(
        zero.share(&flats),
        Err(CostError::NobodyPays { .. })
    ));
    assert_eq!(plan("100", "0", false).share(&[]), Err(CostError::NoFlats));
}

#[test]
fn decimals_parse_exactly() {
    assert_eq!(Fen::parse_yuan("780000"), Ok(Fen(78_000_000)));
    assert_eq!(Fen::parse_yuan("0.5"), Ok(Fen(50)));
    assert_eq!(Fen::parse_yuan("12.34"), Ok(Fen(1234)));
    assert!(matches!(
        Fen::parse_yuan("1.234"),
        Err(DecimalError::TooManyDecimals(..))
    ));
    assert!(matches!(
        Fen::parse_yuan("-1"),
        Err(DecimalError::Negative(_))
    ));
    assert!(matches!(
        Fen::parse_yuan("1,000"),
        Err(DecimalError::NotANumber(_))
    ));
    assert_eq!(Coefficient::parse("0.3").unwrap().ten_thousandths(), 3000);
    for (text, shown) in [("0", "0"), ("0.30", "0.3"), ("1.25", "1.25"), ("2.0", "2")] {
        assert_eq!(Coefficient::parse(text).unwrap().to_string(), shown);
    }
    assert_eq!(Fen(123_456).to_string(), "1234.56");
    assert_eq!(Fen(5).to_string(), "0.05");
}

fn arb_case() -> impl Strategy<Value = (CostPlan, Vec<CostFlat>)> {
    (
        prop::collection::vec(0i64..30_000, 1..8),
        prop::collection::vec((0usize..8, 1i64..20_000), 1..30),
        0i64..10_000_000_000,
        any::<bool>(),
    )
        .prop_map(|(coefs, flats, amount, by_area)| {
            let floors: BTreeMap<u32, Coefficient> = coefs
                .iter()
                .enumerate()
                .map(|(i, c)| (i as u32 + 1, Coefficient(*c)))
                .collect();
            let flats = flats
                .into_iter()
                .enumerate()
                .map(|(n, (floor, area))| {
                    let floor = (floor % coefs.len()) as u32 + 1;
                    CostFlat {
                        flat: FlatRef::new("1", "1", format!("{floor}{n:02}")),
                        floor,
                        area: Area(area),
                    }
                })
                .collect();
            let plan = CostPlan {
                amount_fen: Fen(amount),
                subsidy_fen: Fen(amount / 3),
                floors,
                by_area,
            };
            (plan, flats)
        })
}

proptest! {
    #[test]
    fn shares_add_up_exactly_and_follow_the_coefficients((plan, flats) in arb_case()) {
        match plan.share(&flats) {
            Err(CostError::NobodyPays { .. }) => {
                prop_assert!(flats.iter().all(|f| plan.floors[&f.floor].is_zero()));
            }
            Err(e) => prop_assert!(false, "unexpected {e}"),
            Ok(s) => {
                prop_assert_eq!(s.shares.iter().map(|x| x.fen.0).sum::<i64>(), plan.to_raise().0);
                prop_assert_eq!(s.floors.iter().map(|x| x.fen.0).sum::<i64>(), plan.to_raise().0);
                let weight = |x: &Share| {
                    let c = i128::from(x.coefficient.ten_thousandths());
                    if plan.by_area { c * i128::from(x.area_m2.centi()) } else { c }
                };
                for a in &s.shares {
                    prop_assert!(a.fen.0 >= 0);
                    if a.coefficient.is_zero() {
                        prop_assert_eq!(a.fen.0, 0, "{} has coefficient 0", &a.flat);
                    }
                    // Monotone: a flat of larger weight (higher coefficient, same area) never pays less.
                    for b in &s.shares {
                        if weight(a) > weight(b) {
                            prop_assert!(a.fen >= b.fen, "{} pays less than {}", &a.flat, &b.flat);
                        }
                    }
                }
            }
        }
    }
}
