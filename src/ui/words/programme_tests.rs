use super::*;
use kam_core::analysis::Overload;
use kam_core::model::KeyReason;

#[test]
fn step_evidence_keeps_its_wording() {
    assert_eq!(
        step_evidence(&StepFact::SeniorSupport { sponsored: 3, key_accounts: 6 }),
        "3 of 6 key accounts have an executive sponsor."
    );
    assert_eq!(step_evidence(&StepFact::Champion { name: Some("Eva Saar".into()) }), "Eva Saar drives the programme.");
    assert_eq!(
        step_evidence(&StepFact::Champion { name: None }),
        "No KAM champion is named yet (Settings → Key-account programme)."
    );
    assert_eq!(
        step_evidence(&StepFact::Identification {
            key_accounts: 6,
            range: CountRange::Inside,
            criteria_written: false,
            meeting: 5
        }),
        "6 key accounts (inside 5–25); the criteria are not written down yet; 5 of 6 meet them."
    );
    assert_eq!(
        step_evidence(&StepFact::Identification {
            key_accounts: 1,
            range: CountRange::Below,
            criteria_written: true,
            meeting: 1
        }),
        "1 key account (fewer than the usual 5–25); written criteria exist; 1 of 1 meet them."
    );
    assert_eq!(
        step_evidence(&StepFact::Identification {
            key_accounts: 30,
            range: CountRange::Above,
            criteria_written: true,
            meeting: 30
        }),
        "30 key accounts (more than the usual 5–25: start small); written criteria exist; 30 of 30 meet them."
    );
    assert_eq!(
        step_evidence(&StepFact::Managers { managers: 3, overloaded: vec![], unmanaged: 1, assessed: 1 }),
        "3 managers; none carries more than 3 accounts; 1 key account without a manager; skills self-assessed by 1 of 3."
    );
    assert_eq!(
        step_evidence(&StepFact::Managers {
            managers: 1,
            overloaded: vec![Overload { manager: "Maria Lind".into(), key_accounts: 6 }],
            unmanaged: 0,
            assessed: 0
        }),
        "1 manager; more than 3 accounts: Maria Lind (6); 0 key accounts without a manager; skills self-assessed by 0 of 1."
    );
    assert_eq!(
        step_evidence(&StepFact::Measures { filled: 1, key_accounts: 6, on_profit: false }),
        "CLV and cost to serve filled for 1 of 6. The order data has no profit column: import profit to judge accounts by what they earn."
    );
    assert_eq!(
        step_evidence(&StepFact::Measures { filled: 1, key_accounts: 6, on_profit: true }),
        "CLV and cost to serve filled for 1 of 6."
    );
    assert_eq!(
        step_evidence(&StepFact::Renewal { retire: vec!["Uppsala BioLabs AB".into()], candidates: vec![] }),
        "Key accounts that no longer meet the criteria: Uppsala BioLabs AB. Candidates that now do: none."
    );
}

#[test]
fn step_headings_and_statuses() {
    let check = ProgrammeCheck {
        step: 2,
        status: CheckStatus::Attention,
        fact: StepFact::SeniorSupport { sponsored: 0, key_accounts: 0 },
    };
    assert_eq!(step_heading(&check), "Step 2: Senior management support");
    assert_eq!(check_status(check.status), "Needs attention");
    assert_eq!(check_print_head(&check), "Senior management support — needs attention: ");
}

#[test]
fn key_account_warnings_keep_their_wording() {
    assert_eq!(
        key_account_warning(&KeyAccountWarning::TooFew { key_accounts: 0 }),
        "0 key accounts: a programme usually holds 5 to 25."
    );
    assert_eq!(
        key_account_warning(&KeyAccountWarning::TooFew { key_accounts: 1 }),
        "1 key account: a programme usually holds 5 to 25."
    );
    assert_eq!(
        key_account_warning(&KeyAccountWarning::TooMany { key_accounts: 30 }),
        "30 key accounts: more than 25 spreads attention thin. Start small."
    );
    assert_eq!(
        key_account_warning(&KeyAccountWarning::ManagerOverloaded(Overload {
            manager: "Maria Lind".into(),
            key_accounts: 4
        })),
        "Maria Lind manages 4 key accounts: one manager carries 1 to 3."
    );
    assert_eq!(
        key_account_warning(&KeyAccountWarning::ManyInnovators { tagged: 3, customers: 40 }),
        "3 of 40 customers (7.5\u{a0}%) are tagged innovators; the articles put innovators at about 2.5\u{a0}% of customers. Check that each one really takes up new products and ideas first."
    );
    assert_eq!(usual_key_account_range(), "usual range 5–25");
    assert_eq!(manager_load_note(CountRange::Above), "over the 1–3 rule");
    assert_eq!(manager_load_note(CountRange::Inside), "within 1–3");
}

#[test]
fn healthy_range_notes() {
    assert_eq!(healthy_range(30.0, 55.0), "healthy 30–55 %");
    assert_eq!(healthy_range_note(None), "no profit in the data");
    assert_eq!(
        healthy_range_note(Some(KeyShareRange::Inside { low_pct: 30.0, high_pct: 55.0 })),
        "inside the healthy 30–55 %"
    );
    assert_eq!(
        healthy_range_note(Some(KeyShareRange::Below { low_pct: 30.0, high_pct: 55.0 })),
        "below the healthy 30–55 %"
    );
    assert_eq!(
        healthy_range_note(Some(KeyShareRange::Above { low_pct: 30.0, high_pct: 55.0 })),
        "above the healthy 30–55 %"
    );
    assert_eq!(
        healthy_range_note(Some(KeyShareRange::MonoDependent { mono_pct: 75.0 })),
        "above 75 %: mono-dependent on key accounts"
    );
}

#[test]
fn criteria_keep_their_wording() {
    let share = Criterion::ShareAbove { on_profit: true, threshold_pct: 10.0, share_pct: Some(12.0) };
    assert_eq!(criterion_label(&share), "Share of our profit above 10.0 %");
    assert_eq!(criterion_detail(&share), "12.0 % of profit in the window");
    assert_eq!(
        criterion_detail(&Criterion::ShareAbove { on_profit: false, threshold_pct: 10.0, share_pct: None }),
        "No orders in the window"
    );
    let revenue = Criterion::RevenueAtLeast { threshold: 500_000.0, revenue: 600_000.4 };
    assert_eq!(criterion_label(&revenue), "Revenue in the window at least 500000");
    assert_eq!(criterion_detail(&revenue), "600000 in the window");
    let reasons = Criterion::StrategicReasons {
        need: 2,
        justified: vec![KeyReason::Partner],
        unjustified: vec![KeyReason::Innovator],
    };
    assert_eq!(criterion_label(&reasons), "At least 2 strategic reasons justified in writing");
    assert_eq!(
        criterion_detail(&reasons),
        format!("{}, {} (no justification yet)", KeyReason::Partner.label(), KeyReason::Innovator.label())
    );
    assert_eq!(
        criterion_detail(&Criterion::StrategicReasons { need: 1, justified: vec![], unjustified: vec![] }),
        "None given"
    );
    assert_eq!(criterion_detail(&Criterion::ThreePs { all_met: false }), "One of the three P's is not met");
    let checks = [
        CriterionCheck { criterion: share, met: true },
        CriterionCheck { criterion: reasons, met: false },
        CriterionCheck { criterion: revenue, met: true },
    ];
    assert_eq!(criteria_met(&checks), "Share of our profit above 10.0 %; Revenue in the window at least 500000");
}

#[test]
fn quadrants_and_metrics_problems() {
    assert_eq!(quadrant_label(Quadrant::Streamline), "Streamline");
    assert_eq!(quadrant_advice(Quadrant::Strategic), "Invest: joint plans, senior contacts, the best team.");
    assert_eq!(metrics_problem(MetricsProblem::Horizon), "The horizon is 1 to 30 years.");
    assert_eq!(metrics_problem(MetricsProblem::Retention), "Retention is a percentage from 0 to 100.");
}

#[test]
fn programme_problems_in_words() {
    assert_eq!(
        programme_problems(&[
            ProgrammeProblem::NoFactor(MatrixAxis::Strength),
            ProgrammeProblem::NegativeWeight(MatrixAxis::Attractiveness),
            ProgrammeProblem::LostMonths,
            ProgrammeProblem::StrategicReasons,
        ]),
        [
            "Give the relative strength axis at least one factor.",
            "Weights of attractiveness factors must be zero or more.",
            "An account counts as lost after 1 to 60 months without a purchase.",
            "Strategic reasons needed: a whole number from 1 to 5.",
        ]
    );
}

#[test]
fn factor_names_follow_the_preset_until_one_is_typed() {
    for p in FactorPreset::ALL {
        assert_eq!(preset_name(*p), p.score_key(), "in English a preset reads as earlier versions stored it");
    }
    let f = Factor::from_preset(FactorPreset::ProfitPotential, 25.0);
    assert_eq!(factor_name(&f), "Profit potential");
    assert_eq!(factor_name_to_store(&f, " Profit potential "), "", "the preset's own name is not stored");
    assert_eq!(factor_name_to_store(&f, ""), "", "emptied: the preset's name again");
    let typed = Factor { name: factor_name_to_store(&f, " Margin "), ..f.clone() };
    assert_eq!(factor_name(&typed), "Margin");
    assert_eq!(typed.score_key(), "Profit potential", "its scores stay");
    let own = Factor::named("Profit potential", 5.0);
    assert_eq!(factor_name_to_store(&own, "  "), "", "a factor of one's own can be left unnamed (a problem)");
    assert_eq!(factor_name(&own), "Profit potential");
}
