//! Words for the programme: the seven steps and their evidence, the key-account list's
//! warnings, the qualification criteria, the portfolio-matrix quadrants, the metrics' input
//! problems, and the key accounts' share against the healthy range.

use crate::i18n::{tr, tr_args, tr_plural, trc};
use kam_core::analysis::{
    CheckStatus, CountRange, Criterion, CriterionCheck, KeyAccountWarning, KeyShareRange, MetricsProblem,
    ProgrammeCheck, Quadrant, StepFact, INNOVATOR_SHARE, KEY_ACCOUNTS_MAX, KEY_ACCOUNTS_MIN, MANAGER_LOAD_MAX,
    MANAGER_LOAD_MIN, MAX_HORIZON_YEARS,
};

use super::choices::Words;
use super::text::plural;
use kam_core::model::{Factor, FactorPreset, MatrixAxis, ProgrammeProblem, LOST_AFTER_MONTHS, STRATEGIC_REASONS};

/// The title of a step, e.g. "Senior management support".
pub fn step_title(fact: &StepFact) -> &'static str {
    match fact {
        StepFact::OrganisationalChange => tr("KAM is an organisational change"),
        StepFact::SeniorSupport { .. } => tr("Senior management support"),
        StepFact::Champion { .. } => tr("A KAM champion drives the programme"),
        StepFact::Identification { .. } => tr("Identify key accounts carefully"),
        StepFact::Managers { .. } => tr("Appoint and train key account managers"),
        StepFact::Measures { .. } => tr("The right measures: profit, lifetime value, cost to serve"),
        StepFact::Renewal { .. } => tr("Benchmark and renew"),
    }
}

/// "Step 2: Senior management support", the heading on the Programme page.
pub fn step_heading(check: &ProgrammeCheck) -> String {
    tr_args("Step {0}: {1}", &[("0", &check.step), ("1", &(step_title(&check.fact)))])
}

/// A step's status as the Programme page's badge shows it.
pub fn check_status(status: CheckStatus) -> &'static str {
    match status {
        CheckStatus::Met => tr("Met"),
        CheckStatus::Attention => tr("Needs attention"),
        CheckStatus::Discuss => tr("Discuss"),
    }
}

/// The printed checklist's line head: "Senior management support — needs attention: ".
pub fn check_print_head(check: &ProgrammeCheck) -> String {
    let status = match check.status {
        CheckStatus::Met => tr("met"),
        CheckStatus::Attention => tr("needs attention"),
        CheckStatus::Discuss => tr("discuss"),
    };
    format!("{} — {status}: ", step_title(&check.fact))
}

/// "5–25", the usual number of key accounts.
fn key_account_range() -> String {
    format!("{KEY_ACCOUNTS_MIN}–{KEY_ACCOUNTS_MAX}")
}

/// What the workspace shows for a step, in a sentence or two.
pub fn step_evidence(fact: &StepFact) -> String {
    match fact {
        StepFact::OrganisationalChange => {
            tr("Agree that the programme runs for years and changes how the company works, not only how it sells.")
                .into()
        }
        StepFact::SeniorSupport { sponsored, key_accounts } => tr_args(
            "{sponsored} of {key_accounts} key accounts have an executive sponsor.",
            &[("sponsored", &sponsored), ("key_accounts", &key_accounts)],
        ),
        StepFact::Champion { name: None } => {
            tr("No KAM champion is named yet (Settings → Key-account programme).").into()
        }
        StepFact::Champion { name: Some(name) } => tr_args("{name} drives the programme.", &[("name", &name)]),
        StepFact::Identification { key_accounts, range, criteria_written, meeting } => tr_args(
            "{0} ({1}); {2}; {meeting} of {key_accounts} meet them.",
            &[
                ("0", &plural(*key_accounts, "key account", "key accounts")),
                (
                    "1",
                    &(match range {
                        CountRange::Below => tr_args("fewer than the usual {0}", &[("0", &(key_account_range()))]),
                        CountRange::Above => {
                            tr_args("more than the usual {0}: start small", &[("0", &(key_account_range()))])
                        }
                        CountRange::Inside => tr_args("inside {range}", &[("range", &key_account_range())]),
                    }),
                ),
                (
                    "2",
                    &(if *criteria_written {
                        tr("written criteria exist")
                    } else {
                        tr("the criteria are not written down yet")
                    }),
                ),
                ("meeting", &meeting),
                ("key_accounts", &key_accounts),
            ],
        ),
        StepFact::Managers { managers, overloaded, unmanaged, assessed } => tr_args(
            "{0}; {1}{2} without a manager; skills self-assessed by {assessed} of {managers}.",
            &[
                ("0", &plural(*managers, "manager", "managers")),
                (
                    "1",
                    &(if overloaded.is_empty() {
                        tr_args(
                            "none carries more than {MANAGER_LOAD_MAX} accounts; ",
                            &[("MANAGER_LOAD_MAX", &MANAGER_LOAD_MAX)],
                        )
                    } else {
                        let list: Vec<String> =
                            overloaded.iter().map(|o| format!("{} ({})", o.manager, o.key_accounts)).collect();
                        tr_args(
                            "more than {MANAGER_LOAD_MAX} accounts: {1}; ",
                            &[("MANAGER_LOAD_MAX", &MANAGER_LOAD_MAX), ("1", &(list.join(", ")))],
                        )
                    }),
                ),
                ("2", &plural(*unmanaged, "key account", "key accounts")),
                ("assessed", &assessed),
                ("managers", &managers),
            ],
        ),
        StepFact::Measures { filled, key_accounts, on_profit } => tr_args(
            "CLV and cost to serve filled for {filled} of {key_accounts}.{2}",
            &[
                ("filled", &filled),
                ("key_accounts", &key_accounts),
                (
                    "2",
                    &(if *on_profit {
                        ""
                    } else {
                        tr(" The order data has no profit column: import profit to judge accounts by what they earn.")
                    }),
                ),
            ],
        ),
        StepFact::Renewal { retire, candidates } => {
            let list = |v: &[String]| if v.is_empty() { tr("none").to_string() } else { v.join(", ") };
            tr_args(
                "Key accounts that no longer meet the criteria: {0}. Candidates that now do: {1}.",
                &[("0", &list(retire)), ("1", &list(candidates))],
            )
        }
    }
}

/// A warning about the key-account list.
pub fn key_account_warning(w: &KeyAccountWarning) -> String {
    match w {
        KeyAccountWarning::TooFew { key_accounts } => tr_args(
            "{0}: a programme usually holds {KEY_ACCOUNTS_MIN} to {KEY_ACCOUNTS_MAX}.",
            &[
                ("0", &plural(*key_accounts, "key account", "key accounts")),
                ("KEY_ACCOUNTS_MIN", &KEY_ACCOUNTS_MIN),
                ("KEY_ACCOUNTS_MAX", &KEY_ACCOUNTS_MAX),
            ],
        ),
        KeyAccountWarning::TooMany { key_accounts } => tr_args(
            "{key_accounts} key accounts: more than {KEY_ACCOUNTS_MAX} spreads attention thin. Start small.",
            &[("key_accounts", &key_accounts), ("KEY_ACCOUNTS_MAX", &KEY_ACCOUNTS_MAX)],
        ),
        KeyAccountWarning::ManagerOverloaded(o) => tr_args(
            "{0} manages {1} key accounts: one manager carries {MANAGER_LOAD_MIN} to {MANAGER_LOAD_MAX}.",
            &[
                ("0", &o.manager),
                ("1", &o.key_accounts),
                ("MANAGER_LOAD_MIN", &MANAGER_LOAD_MIN),
                ("MANAGER_LOAD_MAX", &MANAGER_LOAD_MAX),
            ],
        ),
        KeyAccountWarning::ManyInnovators { tagged, customers } => tr_args(
            "{tagged} of {customers} customers ({share}) are tagged innovators; the articles put innovators at about {expected} of customers. Check that each one really takes up new products and ideas first.",
            &[
                ("tagged", &tagged),
                ("customers", &customers),
                ("share", &crate::i18n::fmt::percent(100.0 * *tagged as f64 / (*customers).max(1) as f64)),
                ("expected", &crate::i18n::fmt::percent(100.0 * INNOVATOR_SHARE)),
            ],
        ),
    }
}

/// The card note under the number of key accounts: "usual range 5–25".
pub fn usual_key_account_range() -> String {
    tr_args("usual range {0}", &[("0", &key_account_range())])
}

/// The Key accounts page's advice when none is marked yet, after the link to the portfolio
/// table, with the usual range in it.
pub fn choose_few_key_accounts() -> String {
    tr_args(". Choose few ({KEY_ACCOUNTS_MIN} to {KEY_ACCOUNTS_MAX}), for written reasons: size, potential, reference, partnership, competence or innovation.", &[("KEY_ACCOUNTS_MIN", &KEY_ACCOUNTS_MIN), ("KEY_ACCOUNTS_MAX", &KEY_ACCOUNTS_MAX)])
}

/// A manager's load against the 1–3 rule, for the managers' table.
pub fn manager_load_note(range: CountRange) -> String {
    match range {
        CountRange::Above => tr_args(
            "over the {MANAGER_LOAD_MIN}–{MANAGER_LOAD_MAX} rule",
            &[("MANAGER_LOAD_MIN", &MANAGER_LOAD_MIN), ("MANAGER_LOAD_MAX", &MANAGER_LOAD_MAX)],
        ),
        CountRange::Below | CountRange::Inside => tr_args(
            "within {MANAGER_LOAD_MIN}–{MANAGER_LOAD_MAX}",
            &[("MANAGER_LOAD_MIN", &MANAGER_LOAD_MIN), ("MANAGER_LOAD_MAX", &MANAGER_LOAD_MAX)],
        ),
    }
}

/// The key accounts' share against the healthy range: "inside the healthy 30–55 %", or what is
/// wrong; `None` (no share) when the data has no profit.
pub fn healthy_range_note(range: Option<KeyShareRange>) -> String {
    match range {
        None => tr("no profit in the data").into(),
        Some(KeyShareRange::MonoDependent { mono_pct }) => tr_args(
            "above {mono_pct} %: mono-dependent on key accounts",
            &[("mono_pct", &(format!("{:.0}", mono_pct)))],
        ),
        Some(KeyShareRange::Above { low_pct, high_pct }) => tr_args(
            "above the healthy {low_pct}–{high_pct} %",
            &[("low_pct", &(format!("{:.0}", low_pct))), ("high_pct", &(format!("{:.0}", high_pct)))],
        ),
        Some(KeyShareRange::Below { low_pct, high_pct }) => tr_args(
            "below the healthy {low_pct}–{high_pct} %",
            &[("low_pct", &(format!("{:.0}", low_pct))), ("high_pct", &(format!("{:.0}", high_pct)))],
        ),
        Some(KeyShareRange::Inside { low_pct, high_pct }) => tr_args(
            "inside the healthy {low_pct}–{high_pct} %",
            &[("low_pct", &(format!("{:.0}", low_pct))), ("high_pct", &(format!("{:.0}", high_pct)))],
        ),
    }
}

/// The settings' healthy range of the key accounts' share, "healthy 30–55 %" (Portfolio card).
pub fn healthy_range(low_pct: f64, high_pct: f64) -> String {
    tr_args(
        "healthy {low}–{high} %",
        &[("low", &crate::i18n::fmt::number(low_pct, 0)), ("high", &crate::i18n::fmt::number(high_pct, 0))],
    )
}

/// "12.0 %", as the criteria write shares and thresholds.
fn pct(v: f64) -> String {
    format!("{v:.1} %")
}

fn measure(on_profit: bool) -> &'static str {
    // "of": the measure follows "a share of" ("доля выручки").
    if on_profit {
        trc("of", "profit")
    } else {
        trc("of", "revenue")
    }
}

/// What a criterion asks: "Share of our profit above 10.0 %".
pub fn criterion_label(c: &Criterion) -> String {
    match c {
        Criterion::ShareAbove { on_profit, threshold_pct, .. } => {
            tr_args("Share of our {0} above {1}", &[("0", &measure(*on_profit)), ("1", &pct(*threshold_pct))])
        }
        Criterion::RevenueAtLeast { threshold, .. } => {
            tr_args("Revenue in the window at least {threshold}", &[("threshold", &(format!("{:.0}", threshold)))])
        }
        Criterion::StrategicReasons { need, .. } => tr_plural(
            *need,
            "At least {n} strategic reason justified in writing",
            "At least {n} strategic reasons justified in writing",
            &[],
        ),
        Criterion::ThreePs { .. } => tr("Prospect: need, solvency and power").into(),
    }
}

/// What the account shows against a criterion: "12.0 % of profit in the window".
pub fn criterion_detail(c: &Criterion) -> String {
    match c {
        Criterion::ShareAbove { on_profit, share_pct: Some(s), .. } => {
            tr_args("{0} of {1} in the window", &[("0", &pct(*s)), ("1", &measure(*on_profit))])
        }
        Criterion::ShareAbove { share_pct: None, .. } => tr("No orders in the window").into(),
        Criterion::RevenueAtLeast { revenue, .. } => {
            tr_args("{revenue} in the window", &[("revenue", &(format!("{:.0}", revenue)))])
        }
        Criterion::StrategicReasons { justified, unjustified, .. } => {
            if justified.is_empty() && unjustified.is_empty() {
                tr("None given").into()
            } else {
                let mut parts: Vec<String> = justified.iter().map(|r| r.label().to_string()).collect();
                parts.extend(unjustified.iter().map(|r| tr_args("{0} (no justification yet)", &[("0", &r.label())])));
                parts.join(", ")
            }
        }
        Criterion::ThreePs { all_met: true } => tr("All three P's are met").into(),
        Criterion::ThreePs { all_met: false } => tr("One of the three P's is not met").into(),
    }
}

/// Why a candidate qualifies: the labels of the criteria it meets, "; "-separated.
pub fn criteria_met(checks: &[CriterionCheck]) -> String {
    checks.iter().filter(|c| c.met).map(|c| criterion_label(&c.criterion)).collect::<Vec<_>>().join("; ")
}

/// A quadrant's name on the portfolio matrix.
pub fn quadrant_label(q: Quadrant) -> &'static str {
    match q {
        Quadrant::Strategic => trc("quadrant", "Strategic"),
        Quadrant::Star => trc("quadrant", "Star"),
        Quadrant::Status => trc("quadrant", "Status"),
        Quadrant::Streamline => trc("quadrant", "Streamline"),
    }
}

/// A preset factor's name, e.g. "Profit potential".
pub fn preset_name(p: FactorPreset) -> &'static str {
    match p {
        FactorPreset::VolumeGrowth => tr("Volume and growth potential"),
        FactorPreset::ProfitPotential => tr("Profit potential"),
        FactorPreset::StrategicFit => tr("Strategic fit with our offering"),
        FactorPreset::ReferenceValue => tr("Reference and innovation value"),
        FactorPreset::EaseOfBusiness => tr("Ease of doing business"),
        FactorPreset::OfferingFit => tr("Fit of our products and services"),
        FactorPreset::RelationshipAccess => tr("Relationship and access"),
        FactorPreset::PriceTerms => tr("Price and commercial terms"),
        FactorPreset::DeliveryRecord => tr("Delivery and service record"),
        FactorPreset::Reputation => tr("Reputation with the customer"),
    }
}

/// A matrix factor's name wherever it is shown: the name typed for it, or else its preset's
/// in the reader's language.
pub fn factor_name(f: &Factor) -> String {
    match f.preset {
        Some(p) if f.name.trim().is_empty() => preset_name(p).to_string(),
        _ => f.name.clone(),
    }
}

/// The name to store for a factor when `typed` is entered for it: for a preset factor, nothing
/// when the field is emptied or still shows the preset's name (it then follows the language);
/// otherwise what was typed.
pub fn factor_name_to_store(f: &Factor, typed: &str) -> String {
    let typed = typed.trim();
    match f.preset {
        Some(p) if typed.is_empty() || typed == preset_name(p) => String::new(),
        _ => typed.to_string(),
    }
}

/// What a quadrant's accounts get from us.
pub fn quadrant_advice(q: Quadrant) -> &'static str {
    match q {
        Quadrant::Strategic => tr("Invest: joint plans, senior contacts, the best team."),
        Quadrant::Star => tr("Build our position: close the gaps the customer sees."),
        Quadrant::Status => tr("Maintain efficiently: keep service high, effort lean."),
        Quadrant::Streamline => tr("Serve at low cost; reconsider key status."),
    }
}

/// What is wrong with a metric input.
pub fn metrics_problem(p: MetricsProblem) -> String {
    match p {
        MetricsProblem::Retention => tr("Retention is a percentage from 0 to 100.").into(),
        MetricsProblem::Discount => tr("The discount rate is a percentage from 0 to 100.").into(),
        MetricsProblem::Horizon => {
            tr_args("The horizon is 1 to {MAX_HORIZON_YEARS} years.", &[("MAX_HORIZON_YEARS", &MAX_HORIZON_YEARS)])
        }
        MetricsProblem::NegativeAmount => tr("Cost to serve and wallet cannot be negative.").into(),
    }
}

/// What is wrong with the programme settings, as a sentence.
pub fn programme_problem(p: &ProgrammeProblem) -> String {
    let axis = |a: &MatrixAxis| match a {
        MatrixAxis::Attractiveness => tr("attractiveness"),
        MatrixAxis::Strength => tr("relative strength"),
    };
    match p {
        ProgrammeProblem::NoFactor(a) => tr_args("Give the {0} axis at least one factor.", &[("0", &axis(a))]),
        ProgrammeProblem::NegativeWeight(a) => {
            tr_args("Weights of {0} factors must be zero or more.", &[("0", &axis(a))])
        }
        ProgrammeProblem::NoPositiveWeight(a) => {
            tr_args("At least one {0} factor needs a weight above zero.", &[("0", &axis(a))])
        }
        ProgrammeProblem::UnnamedFactor(a) => tr_args("Every {0} factor needs a name.", &[("0", &axis(a))]),
        ProgrammeProblem::LostMonths => tr_args(
            "An account counts as lost after {0} to {1} months without a purchase.",
            &[("0", &LOST_AFTER_MONTHS.start()), ("1", &LOST_AFTER_MONTHS.end())],
        ),
        ProgrammeProblem::StrategicReasons => tr_args(
            "Strategic reasons needed: a whole number from {0} to {1}.",
            &[("0", &STRATEGIC_REASONS.start()), ("1", &STRATEGIC_REASONS.end())],
        ),
        ProgrammeProblem::RevenueThreshold => tr("The revenue threshold must be a positive amount.").into(),
        ProgrammeProblem::Currency => {
            tr("The currency must be an ISO 4217 code of three capital letters, e.g. EUR.").into()
        }
    }
}

/// Every problem, as the sentences joined.
pub fn programme_problems(problems: &[ProgrammeProblem]) -> Vec<String> {
    problems.iter().map(programme_problem).collect()
}

#[cfg(test)]
#[path = "programme_tests.rs"]
mod tests;
