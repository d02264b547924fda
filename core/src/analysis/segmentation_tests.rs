use super::*;
use crate::model::SegmentationSettings;
use proptest::prelude::*;

fn input(name: &str, revenue: &[f64]) -> SegmentInput {
    SegmentInput {
        id: name.to_lowercase().into(),
        name: name.into(),
        is_key: false,
        revenue: revenue.to_vec(),
        profit: vec![0.0; revenue.len()],
        has_profit: false,
        first_period: 0,
    }
}

fn flat(name: &str, total: f64) -> SegmentInput {
    input(name, &[total / 12.0; 12])
}

fn classes(s: &Segmentation) -> Vec<(String, &'static str)> {
    s.rows.iter().map(|r| (r.name.to_string(), r.abc.letter())).collect()
}

#[test]
fn empty_portfolio_gives_empty_result() {
    let s = segment(&[], &SegmentationSettings::default());
    assert!(s.rows.is_empty());
    assert_eq!(s.measure_total, 0.0);
    assert_eq!(s.concentration.top1_pct, 0.0);
    assert!(s.warnings.is_empty());
}

#[test]
fn single_dominant_account_is_a() {
    let s = segment(&[flat("Solo", 1000.0)], &SegmentationSettings::default());
    assert_eq!(s.rows[0].abc, AbcClass::A);
    assert_eq!(s.rows[0].xyz, Ok(XyzClass::X));
    assert_eq!(s.rows[0].share_pct, 100.0);
    assert!(s.rows[0].flags.contains(Flag::MonoClient));
}

#[test]
fn boundary_crossing_account_keeps_higher_class() {
    // 70, 15, 10, 5: above-shares 0, 70, 85, 95 → A, A, B, C.
    let s =
        segment(&[flat("W", 70.0), flat("X", 15.0), flat("Y", 10.0), flat("Z", 5.0)], &SegmentationSettings::default());
    assert_eq!(classes(&s), vec![("W".into(), "A"), ("X".into(), "A"), ("Y".into(), "B"), ("Z".into(), "C")]);
}

#[test]
fn exactly_at_limit_goes_down() {
    // 80 above → not < 80 → B.
    let s = segment(&[flat("P", 80.0), flat("Q", 20.0)], &SegmentationSettings::default());
    assert_eq!(classes(&s), vec![("P".into(), "A"), ("Q".into(), "B")]);
}

#[test]
fn ties_break_by_name_then_id() {
    let mut b = flat("Same", 10.0);
    b.id = "b".into();
    let mut a = flat("Same", 10.0);
    a.id = "a".into();
    let s = segment(&[flat("Zed", 10.0), b, flat("Alpha", 10.0), a], &SegmentationSettings::default());
    let ids: Vec<_> = s.rows.iter().map(|r| &*r.id).collect();
    assert_eq!(ids, vec!["alpha", "a", "b", "zed"]);
}

#[test]
fn zero_and_negative_values_are_c_and_not_counted() {
    let mut loss = input("Loss", &[-5.0; 12]);
    loss.has_profit = false;
    let s = segment(&[flat("Big", 100.0), input("Zero", &[0.0; 12]), loss], &SegmentationSettings::default());
    assert!((s.measure_total - 100.0).abs() < 1e-9);
    let zero = s.rows.iter().find(|r| &*r.name == "Zero").unwrap();
    assert_eq!(zero.abc, AbcClass::C);
    assert_eq!(zero.xyz, Err(Unclassified::NoPurchase));
    let loss = s.rows.iter().find(|r| &*r.name == "Loss").unwrap();
    assert_eq!(loss.abc, AbcClass::C);
    assert_eq!(loss.share_pct, 0.0);
}

#[test]
fn xyz_uses_population_cv_with_empty_periods_as_zero() {
    // Values 10,10,10,0 → mean 7.5, sd 4.33, cv 57.7 % → Z.
    let s = segment(&[input("Gap", &[10.0, 10.0, 10.0, 0.0])], &SegmentationSettings::default());
    let cv = s.rows[0].cv_pct.unwrap();
    assert!((cv - 57.735).abs() < 0.01, "{cv}");
    assert_eq!(s.rows[0].xyz, Ok(XyzClass::Z));
    // 9, 11, 10 → sd 0.816, cv 8.16 % → X; 8,12,10 → 16.3 % → Y.
    let s = segment(
        &[input("Steady", &[9.0, 11.0, 10.0]), input("Wobbly", &[8.0, 12.0, 10.0])],
        &SegmentationSettings::default(),
    );
    assert_eq!(s.rows.iter().find(|r| &*r.name == "Steady").unwrap().xyz, Ok(XyzClass::X));
    assert_eq!(s.rows.iter().find(|r| &*r.name == "Wobbly").unwrap().xyz, Ok(XyzClass::Y));
}

#[test]
fn one_period_and_recent_first_purchase_are_unclassified() {
    let s = segment(&[input("One", &[5.0])], &SegmentationSettings::default());
    assert_eq!(s.rows[0].xyz, Err(Unclassified::TooFewPeriods(1)));
    let mut recent = input("Recent", &[0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 4.0, 4.0]);
    recent.first_period = 10;
    let s = segment(&[recent.clone()], &SegmentationSettings::default());
    assert_eq!(s.rows[0].xyz, Err(Unclassified::TooFewPeriods(2)));
    // From period 9 on: 0, 4, 4 counted → classified, not diluted by the nine empty months before.
    recent.first_period = 9;
    let s = segment(&[recent], &SegmentationSettings::default());
    assert_eq!(s.rows[0].cv_pct.map(|c| c.round()), Some(71.0));
}

#[test]
fn profit_measure_with_negative_mean_is_unclassified() {
    let mut a = input("Mixed", &[10.0; 4]);
    a.profit = vec![5.0, -10.0, 1.0, -2.0];
    a.has_profit = true;
    let mut b = input("Good", &[10.0; 4]);
    b.profit = vec![2.0; 4];
    b.has_profit = true;
    let settings = SegmentationSettings { measure: Measure::Profit, ..Default::default() };
    let s = segment(&[a, b], &settings);
    assert_eq!(&*s.rows[0].name, "Good");
    let mixed = &s.rows[1];
    assert_eq!(mixed.abc, AbcClass::C);
    assert_eq!(mixed.xyz, Err(Unclassified::NonPositiveMean));
    assert!(s.flags_on_profit && s.ranked_on_profit);
}

#[test]
fn profit_is_the_ranking_only_when_chosen_and_in_the_data() {
    let profit = SegmentationSettings { measure: Measure::Profit, ..Default::default() };
    let no_profit = [flat("Acme", 100.0), flat("Beta", 50.0)];
    let s = segment(&no_profit, &profit);
    assert!(!s.ranked_on_profit && !s.flags_on_profit, "no profit figures: ranked on revenue");
    let mut with_profit = no_profit.clone();
    for i in with_profit.iter_mut() {
        i.has_profit = true;
        i.profit = vec![1.0; 12];
    }
    assert!(segment(&with_profit, &profit).ranked_on_profit);
    let revenue = SegmentationSettings::default();
    let s = segment(&with_profit, &revenue);
    assert!(!s.ranked_on_profit && s.flags_on_profit, "revenue chosen: ranked on revenue, flags still on profit");
}

#[test]
fn dependency_flags_and_warning_words() {
    let mut big = input("Acme", &[10.0; 12]);
    big.profit = vec![2.4; 12];
    big.has_profit = true;
    let mut rest = input("Rest", &[50.0; 12]);
    rest.profit = vec![7.6; 12];
    rest.has_profit = true;
    let s = segment(&[big, rest], &SegmentationSettings::default());
    let acme = s.rows.iter().find(|r| &*r.name == "Acme").unwrap();
    assert_eq!(acme.flags.iter().collect::<Vec<_>>(), vec![Flag::KeyBySize, Flag::CriticalDependency]);
    // Rest brings 76 %: a mono-client, named first (it ranks first).
    assert!(
        matches!(&s.warnings[0], SegmentationWarning::MonoClient { name, on_profit: true, .. } if &**name == "Rest"),
        "{:?}",
        s.warnings
    );
    let SegmentationWarning::CriticalDependency { name, share_pct, on_profit } = &s.warnings[1] else {
        panic!("{:?}", s.warnings)
    };
    assert_eq!((&**name, share_pct.round(), *on_profit), ("Acme", 24.0, true));
}

#[test]
fn key_account_share_outside_range_is_warned() {
    let mut k = flat("Key", 90.0);
    k.is_key = true;
    let s = segment(&[k, flat("Other", 10.0)], &SegmentationSettings::default());
    assert_eq!(s.concentration.key_count, 1);
    assert!((s.concentration.key_revenue_pct - 90.0).abs() < 1e-9);
    assert_eq!(
        s.warnings,
        vec![
            SegmentationWarning::MonoClient { name: "Key".into(), share_pct: 90.0, on_profit: false },
            SegmentationWarning::KeyShare {
                share_pct: 90.0,
                range: KeyShareRange::MonoDependent { mono_pct: 75.0 },
                on_profit: false
            },
            SegmentationWarning::NoProfitData,
        ]
    );
}

#[test]
fn key_share_is_judged_against_the_healthy_range() {
    let settings = SegmentationSettings::default();
    assert_eq!(key_share_range(20.0, &settings), KeyShareRange::Below { low_pct: 30.0, high_pct: 55.0 });
    assert_eq!(key_share_range(30.0, &settings), KeyShareRange::Inside { low_pct: 30.0, high_pct: 55.0 });
    assert_eq!(key_share_range(55.0, &settings), KeyShareRange::Inside { low_pct: 30.0, high_pct: 55.0 });
    assert_eq!(key_share_range(60.0, &settings), KeyShareRange::Above { low_pct: 30.0, high_pct: 55.0 });
    assert_eq!(key_share_range(80.0, &settings), KeyShareRange::MonoDependent { mono_pct: 75.0 });
    // Inside the range: no warning about the key accounts' share.
    let mut k = flat("Key", 40.0);
    k.is_key = true;
    let s = segment(&[k, flat("Other", 30.0), flat("Third", 30.0)], &settings);
    assert!(!s.warnings.iter().any(|w| matches!(w, SegmentationWarning::KeyShare { .. })), "{:?}", s.warnings);
}

#[test]
fn cells_have_their_roles() {
    assert_eq!(cell_role(AbcClass::A, Some(XyzClass::Y)), CellRole::Protect);
    assert_eq!(cell_role(AbcClass::B, Some(XyzClass::Z)), CellRole::Stabilise);
    assert_eq!(cell_role(AbcClass::C, Some(XyzClass::Z)), CellRole::RarelyWorthKam);
    assert_eq!(cell_role(AbcClass::C, Some(XyzClass::X)), CellRole::Efficient);
    assert_eq!(cell_role(AbcClass::A, None), CellRole::NotEnoughHistory);
}

#[test]
fn segment_codes_of_rows() {
    let s = segment(&[flat("Steady", 100.0), input("Short", &[5.0])], &SegmentationSettings::default());
    assert_eq!(s.rows[0].code(), "AX");
    assert_eq!(s.rows[1].code(), "C?");
}

#[test]
fn flag_ids_are_their_serde_names() {
    for f in Flag::ALL {
        assert_eq!(serde_json::to_value(f).unwrap(), serde_json::Value::String(f.id().into()));
    }
}

#[test]
fn matrix_counts_every_account_once() {
    let s = segment(
        &[flat("A1", 70.0), input("Gap", &[10.0, 0.0, 10.0, 0.0, 10.0, 0.0]), input("None", &[0.0; 6])],
        &SegmentationSettings::default(),
    );
    let classified: usize = s.matrix.iter().flatten().map(|c| c.count).sum();
    let unclassified: usize = s.unclassified.iter().map(|c| c.count).sum();
    assert_eq!(classified + unclassified, 3);
    assert_eq!(s.matrix[0][0].count, 1);
}

#[test]
fn trend_compares_halves() {
    let s = segment(&[input("Up", &[10.0, 10.0, 15.0, 15.0])], &SegmentationSettings::default());
    assert_eq!(s.rows[0].trend_pct, Some(50.0));
}

fn arb_inputs() -> impl Strategy<Value = Vec<SegmentInput>> {
    prop::collection::vec(prop::collection::vec(-50.0f64..1000.0, 1..14), 0..40).prop_map(|series| {
        series
            .into_iter()
            .enumerate()
            .map(|(i, s)| input(&format!("acc{}", i % 7), &s))
            .enumerate()
            .map(|(i, mut inp)| {
                inp.id = format!("id{i}").into();
                inp
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn abc_is_monotone_in_value(inputs in arb_inputs()) {
        let s = segment(&inputs, &SegmentationSettings::default());
        for pair in s.rows.windows(2) {
            prop_assert!(pair[0].revenue >= pair[1].revenue);
            prop_assert!(pair[0].abc <= pair[1].abc, "{:?} before {:?}", pair[0].abc, pair[1].abc);
        }
    }

    #[test]
    fn shares_sum_to_100(inputs in arb_inputs()) {
        let s = segment(&inputs, &SegmentationSettings::default());
        let sum: f64 = s.rows.iter().map(|r| r.share_pct).sum();
        if s.measure_total > 0.0 {
            prop_assert!((sum - 100.0).abs() < 1e-6, "{sum}");
            prop_assert!((s.pareto.last().unwrap() - 100.0).abs() < 1e-6);
            // The first account with positive value is always A.
            prop_assert_eq!(s.rows[0].abc, AbcClass::A);
        } else {
            prop_assert_eq!(sum, 0.0);
        }
    }

    #[test]
    fn every_account_lands_in_exactly_one_cell(inputs in arb_inputs()) {
        let s = segment(&inputs, &SegmentationSettings::default());
        let n: usize = s.matrix.iter().flatten().chain(s.unclassified.iter()).map(|c| c.count).sum();
        prop_assert_eq!(n, inputs.len());
        prop_assert_eq!(s.rows.len(), inputs.len());
    }

    #[test]
    fn result_does_not_depend_on_input_order(mut inputs in arb_inputs()) {
        let a = segment(&inputs, &SegmentationSettings::default());
        inputs.reverse();
        let b = segment(&inputs, &SegmentationSettings::default());
        prop_assert_eq!(a.rows, b.rows);
    }

    #[test]
    fn cv_is_scale_invariant(series in prop::collection::vec(0.0f64..1000.0, 3..24), k in 0.5f64..100.0) {
        let a = segment(&[input("S", &series)], &SegmentationSettings::default());
        let scaled: Vec<f64> = series.iter().map(|v| v * k).collect();
        let b = segment(&[input("S", &scaled)], &SegmentationSettings::default());
        match (a.rows[0].cv_pct, b.rows[0].cv_pct) {
            (Some(x), Some(y)) => prop_assert!((x - y).abs() < 1e-6 * x.max(1.0)),
            (x, y) => prop_assert_eq!(x, y),
        }
    }
}

/// Any f64, with the awkward ones (zeros of both signs, infinities, NaN, repeats) made common.
fn arb_value() -> impl Strategy<Value = f64> {
    prop_oneof![
        3 => prop::num::f64::ANY,
        2 => prop::sample::select(vec![0.0, -0.0, 1.0, -1.0, 1e300, f64::INFINITY, f64::NEG_INFINITY, f64::NAN, 1e-310]),
        2 => (0u32..5).prop_map(f64::from),
    ]
}

proptest! {
    /// The radix sort gives the order of a plain comparison sort: value descending (as
    /// f64::total_cmp, with -0 equal to 0), then the tie-breaker, then the index.
    #[test]
    fn rank_order_equals_a_comparison_sort(values in prop::collection::vec(arb_value(), 0..300), names in prop::collection::vec(0u8..4, 300)) {
        let tie = |a: usize, b: usize| names[a].cmp(&names[b]);
        let got = super::rank_order(&values, tie);
        let mut want: Vec<u32> = (0..values.len() as u32).collect();
        want.sort_by(|&a, &b| {
            let (a, b) = (a as usize, b as usize);
            (values[b] + 0.0).total_cmp(&(values[a] + 0.0)).then_with(|| tie(a, b)).then(a.cmp(&b))
        });
        prop_assert_eq!(got, want);
    }

    /// The lane-wise sums, the one-pass total and trend and the CV agree with the textbook
    /// formulas computed the slow way.
    #[test]
    fn totals_trend_and_cv_agree_with_the_plain_formulas(series in prop::collection::vec(prop::collection::vec(0.0f64..1e6, 1..40), 1..20)) {
        let inputs: Vec<SegmentInput> = series.iter().enumerate().map(|(i, s)| input(&format!("a{i}"), s)).collect();
        let seg = segment(&inputs, &SegmentationSettings::default());
        for (i, s) in series.iter().enumerate() {
            let row = seg.rows.iter().find(|r| *r.name == *format!("a{i}")).unwrap();
            let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0);
            let total: f64 = s.iter().sum();
            prop_assert!(close(row.revenue, total), "{} vs {}", row.revenue, total);
            let half = s.len() / 2;
            let (first, second): (f64, f64) = (s[..half].iter().sum(), s[s.len() - half..].iter().sum());
            match row.trend_pct {
                Some(t) => prop_assert!(close(t, (second - first) / first * 100.0)),
                None => prop_assert!(half == 0 || first <= 0.0),
            }
            let mean = total / s.len() as f64;
            if let Some(cv) = row.cv_pct {
                let sd = (s.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / s.len() as f64).sqrt();
                prop_assert!((cv - sd / mean * 100.0).abs() <= 1e-6 * cv.max(1.0), "{cv}");
            } else {
                prop_assert!(s.len() < 3 || mean <= 0.0);
            }
        }
    }
}

proptest! {
    /// Any numbers at all (NaN, infinities, both zeros, huge values, either measure) give one row
    /// per account and never a panic.
    #[test]
    fn any_numbers_give_one_row_per_account(
        series in prop::collection::vec((prop::collection::vec(arb_value(), 0..8), prop::collection::vec(arb_value(), 0..8), any::<bool>(), 0usize..10), 0..30),
        by_profit in any::<bool>(),
    ) {
        let inputs: Vec<SegmentInput> = series
            .into_iter()
            .enumerate()
            .map(|(i, (revenue, profit, has_profit, first_period))| {
                let periods = revenue.len();
                SegmentInput {
                    id: format!("id{}", i % 5).into(),
                    name: format!("n{}", i % 3).into(),
                    is_key: i % 2 == 0,
                    profit: if has_profit { profit.into_iter().chain(std::iter::repeat(0.0)).take(periods).collect() } else { vec![0.0; periods] },
                    revenue,
                    has_profit,
                    first_period,
                }
            })
            .collect();
        let settings = SegmentationSettings { measure: if by_profit { crate::model::Measure::Profit } else { crate::model::Measure::Revenue }, ..Default::default() };
        let s = segment(&inputs, &settings);
        prop_assert_eq!(s.rows.len(), inputs.len());
        let mut ranks: Vec<usize> = s.rows.iter().map(|r| r.rank).collect();
        ranks.sort_unstable();
        prop_assert_eq!(ranks, (1..=inputs.len()).collect::<Vec<_>>());
    }
}

#[test]
fn the_main_flag_is_the_most_serious() {
    let s = segment(&[flat("Solo", 1000.0)], &SegmentationSettings::default());
    let row = &s.rows[0];
    assert!(row.flags.contains(Flag::MonoClient) && row.flags.contains(Flag::CriticalDependency));
    assert_eq!(row.main_flag(), Some(Flag::MonoClient));
    let even: Vec<SegmentInput> = (0..20).map(|i| flat(&format!("A{i:02}"), 10.0)).collect();
    let s = segment(&even, &SegmentationSettings::default());
    assert!(s.rows.iter().all(|r| r.main_flag().is_none()), "5 % each: no dependency");
}
