//! Account health and knowledge risk (docs/model.md section 4, last paragraph): a score per key
//! account that is explained, never a black box. Every point lost is a [`Finding`] that says which
//! rule fired and carries the facts behind it ([`HealthFact`]: the people, dates, counts and
//! sections concerned); the app puts them into words (`src/ui/words/health.rs`).
//!
//! The score starts at 100 and each rule subtracts up to its [`Rule::max_points`]; the maxima add
//! up to more than 100, so the score is clamped at 0. A missing dossier is judged exactly like an
//! empty one: a key account nobody has written anything about is the riskiest kind.
//!
//! Each rule lives in its own module with its points and its tests; [`RULES`] lists them once, in
//! the order findings are shown.
//!
//! Conventions shared by all rules:
//! - a *contact* is a [`Person`] of the dossier with a non-blank name (rows the user added but
//!   never named are ignored);
//! - the people *on our side* who know a contact are read from [`Person::our_owner`], which may
//!   list several names separated by `,` `;` `/` `&` `+` or the word `and`; names are compared
//!   as account names are ([`crate::model::normalise_name`]: case and spacing do not matter);
//! - dates are calendar dates; `today` is the user's local date, passed in by the caller.

mod aftersale;
mod completeness;
mod concentration;
mod decision_unit;
mod freshness;
mod months;
mod overdue;
mod ownership;
mod people;
mod sponsor;
mod status;

#[cfg(test)]
mod fixtures;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Dossier, Person, Workspace};

mod findings;

pub use aftersale::{MissedPromise, OpenComplaint};
pub use concentration::{knowledge_concentration, ConcentrationFact, ConcentrationItem, ContactRef};
pub use findings::{Finding, Health, HealthBand, HealthFact, OverdueAction, FAIR_FROM, GOOD_FROM};
pub use freshness::{CONTACT_STALE_DAYS, PLAN_STALE_DAYS};
pub use months::{health_to_keep, health_trend, month_id, HealthTrend, TrendMonth, TREND_MONTHS};
pub use ownership::SinglePoint;

/// The rules of the health score. Their order is the order of [`RULES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// Sections of the dossier still empty (proportional).
    Completeness,
    /// Nobody in the decision-making unit is the economic buyer / decider.
    EconomicBuyer,
    /// Nobody on the customer's side is a champion of ours.
    Champion,
    /// No executive sponsor from our top management.
    ExecutiveSponsor,
    /// No recorded contact in the last [`CONTACT_STALE_DAYS`] days.
    ContactFreshness,
    /// The dossier has not been updated in [`PLAN_STALE_DAYS`] days, or never recorded as updated.
    PlanFreshness,
    /// Actions past their due date and still open or in progress.
    OverdueActions,
    /// Promises to the customer marked missed in the last year.
    MissedPromises,
    /// Complaints of high severity not yet resolved.
    OpenComplaints,
    /// More complaints in the last 90 days than in the 90 before.
    ComplaintTrend,
    /// Contacts nobody on our side owns.
    UnownedContacts,
    /// The whole relationship runs through one person on our side, or through nobody.
    SinglePointOfContact,
    /// The account is marked at risk or lost.
    Status,
}

/// One rule of the score: which it is, the most points it can take, and its check.
struct RuleEntry {
    rule: Rule,
    max_points: u32,
    check: fn(&Subject) -> Option<Finding>,
}

/// Every rule, in the order findings are listed: the one place that order is decided.
const RULES: [RuleEntry; 13] = [
    RuleEntry { rule: Rule::Completeness, max_points: completeness::MAX_POINTS, check: completeness::check },
    RuleEntry {
        rule: Rule::EconomicBuyer,
        max_points: decision_unit::ECONOMIC_BUYER_POINTS,
        check: decision_unit::economic_buyer,
    },
    RuleEntry { rule: Rule::Champion, max_points: decision_unit::CHAMPION_POINTS, check: decision_unit::champion },
    RuleEntry { rule: Rule::ExecutiveSponsor, max_points: sponsor::POINTS, check: sponsor::check },
    RuleEntry { rule: Rule::ContactFreshness, max_points: freshness::CONTACT_POINTS, check: freshness::contact },
    RuleEntry { rule: Rule::PlanFreshness, max_points: freshness::PLAN_POINTS, check: freshness::plan },
    RuleEntry { rule: Rule::OverdueActions, max_points: overdue::MAX_POINTS, check: overdue::check },
    RuleEntry { rule: Rule::MissedPromises, max_points: aftersale::MISSED_MAX_POINTS, check: aftersale::missed },
    RuleEntry { rule: Rule::OpenComplaints, max_points: aftersale::OPEN_HIGH_MAX_POINTS, check: aftersale::open_high },
    RuleEntry { rule: Rule::ComplaintTrend, max_points: aftersale::RISING_POINTS, check: aftersale::rising },
    RuleEntry { rule: Rule::UnownedContacts, max_points: ownership::UNOWNED_MAX_POINTS, check: ownership::unowned },
    RuleEntry {
        rule: Rule::SinglePointOfContact,
        max_points: ownership::SINGLE_POINT_POINTS,
        check: ownership::single_point_of_contact,
    },
    RuleEntry { rule: Rule::Status, max_points: status::LOST_POINTS, check: status::check },
];

impl Rule {
    /// Every rule, in the order findings are listed (read from [`RULES`]).
    pub const ALL: [Rule; RULES.len()] = {
        let mut all = [Rule::Completeness; RULES.len()];
        let mut i = 0;
        while i < RULES.len() {
            all[i] = RULES[i].rule;
            i += 1;
        }
        all
    };

    /// Stable identifier (same as the serialised form); safe to store or use in CSS classes.
    pub fn id(self) -> &'static str {
        match self {
            Rule::Completeness => "completeness",
            Rule::EconomicBuyer => "economic_buyer",
            Rule::Champion => "champion",
            Rule::ExecutiveSponsor => "executive_sponsor",
            Rule::ContactFreshness => "contact_freshness",
            Rule::PlanFreshness => "plan_freshness",
            Rule::OverdueActions => "overdue_actions",
            Rule::MissedPromises => "missed_promises",
            Rule::OpenComplaints => "open_complaints",
            Rule::ComplaintTrend => "complaint_trend",
            Rule::UnownedContacts => "unowned_contacts",
            Rule::SinglePointOfContact => "single_point_of_contact",
            Rule::Status => "status",
        }
    }

    /// The most points the rule can take off the score.
    pub fn max_points(self) -> u32 {
        RULES.iter().find(|e| e.rule == self).map_or(0, |e| e.max_points)
    }
}

/// What every rule looks at: the account's name and manager, its dossier (an empty one when it
/// has none), the dossier's named contacts, and the day.
struct Subject<'a> {
    account: &'a str,
    manager: &'a str,
    dossier: &'a Dossier,
    contacts: Vec<&'a Person>,
    today: NaiveDate,
}

/// The health of one account on `today` (the user's local date). Works for any account id; an
/// account without a dossier is judged as if its dossier were empty.
pub fn account_health(ws: &Workspace, account_id: &str, today: NaiveDate) -> Health {
    let account = ws.account(account_id);
    let empty = Dossier::new(account_id);
    let dossier = ws.dossier(account_id).unwrap_or(&empty);
    let subject = Subject {
        account: account.map_or(account_id, |a| a.name.as_str()),
        manager: account.map_or("", |a| a.manager.as_str()),
        dossier,
        contacts: people::contacts(dossier).collect(),
        today,
    };
    let findings: Vec<Finding> = RULES.iter().filter_map(|e| (e.check)(&subject)).collect();
    let total: u32 = findings.iter().map(|f| f.points_lost).sum();
    Health { score: 100u32.saturating_sub(total), findings }
}

/// One key account's health, with its name for the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccountHealth {
    pub account_id: String,
    pub account_name: String,
    pub health: Health,
}

/// The health of every key account, lowest score first (then by name): the programme's list.
pub fn key_accounts_health(ws: &Workspace, today: NaiveDate) -> Vec<AccountHealth> {
    let mut rows: Vec<AccountHealth> = ws
        .accounts()
        .iter()
        .filter(|a| a.is_key)
        .map(|a| AccountHealth {
            account_id: a.id.clone(),
            account_name: a.name.clone(),
            health: account_health(ws, &a.id, today),
        })
        .collect();
    rows.sort_by(|a, b| a.health.score.cmp(&b.health.score).then_with(|| a.account_name.cmp(&b.account_name)));
    rows
}

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::*;
    use crate::model::{AccountStatus, Action, Attitude, DmuRole, TeamMember};
    use proptest::prelude::*;

    #[test]
    fn a_healthy_account_scores_100_with_no_findings() {
        let h = health(&healthy());
        assert_eq!(h, Health { score: 100, findings: vec![] });
        assert_eq!(h.band(), HealthBand::Good);
    }

    #[test]
    fn rule_ids_are_stable_and_match_serde() {
        for r in Rule::ALL {
            assert_eq!(serde_json::to_string(&r).unwrap(), format!("\"{}\"", r.id()));
        }
        let ids: std::collections::HashSet<_> = Rule::ALL.iter().map(|r| r.id()).collect();
        assert_eq!(ids.len(), Rule::ALL.len());
        assert_eq!(
            Rule::ALL,
            [
                Rule::Completeness,
                Rule::EconomicBuyer,
                Rule::Champion,
                Rule::ExecutiveSponsor,
                Rule::ContactFreshness,
                Rule::PlanFreshness,
                Rule::OverdueActions,
                Rule::MissedPromises,
                Rule::OpenComplaints,
                Rule::ComplaintTrend,
                Rule::UnownedContacts,
                Rule::SinglePointOfContact,
                Rule::Status,
            ],
            "the table's order is the order findings are listed"
        );
        let maxima: Vec<u32> = Rule::ALL.iter().map(|r| r.max_points()).collect();
        assert_eq!(maxima, vec![25, 15, 10, 10, 10, 5, 15, 15, 10, 5, 6, 10, 20]);
        assert_eq!(maxima.iter().sum::<u32>(), 156, "docs/model.md section 11 gives the sum");
    }

    #[test]
    fn bands_follow_the_score() {
        let band = |score| Health { score, findings: vec![] }.band();
        assert_eq!(
            (band(75), band(74), band(50), band(49)),
            (HealthBand::Good, HealthBand::Fair, HealthBand::Fair, HealthBand::Poor)
        );
        assert_eq!(serde_json::to_string(&HealthBand::Fair).unwrap(), format!("\"{}\"", HealthBand::Fair.id()));
    }

    #[test]
    fn a_missing_dossier_is_judged_as_an_empty_one_and_never_goes_below_zero() {
        let mut ws = healthy();
        let id = ws.dossiers_mut()[0].account_id.clone();
        ws.remove_dossier(&id);
        let missing = health(&ws);
        ws.upsert_dossier(Dossier::new(&id));
        let empty = health(&ws);
        assert_eq!(missing, empty);
        let found: Vec<(Rule, u32)> = missing.findings.iter().map(|f| (f.rule, f.points_lost)).collect();
        assert_eq!(
            found,
            vec![
                (Rule::Completeness, 25),
                (Rule::EconomicBuyer, 15),
                (Rule::Champion, 10),
                (Rule::ExecutiveSponsor, 10),
                (Rule::ContactFreshness, 10),
                (Rule::PlanFreshness, 5),
                (Rule::SinglePointOfContact, 10),
            ]
        );
        assert_eq!(missing.score, 15);
        assert_eq!(missing.band(), HealthBand::Poor);
        // Everything at once: well past 100 points, clamped to 0.
        let d = dossier_mut(&mut ws);
        d.status = AccountStatus::Lost;
        d.people = vec![
            person("A", DmuRole::User, Attitude::Neutral, "", None),
            person("B", DmuRole::User, Attitude::Neutral, "", None),
            person("C", DmuRole::User, Attitude::Neutral, "", None),
        ];
        d.actions = (0..3)
            .map(|i| Action { text: format!("a{i}"), due: Some(date(2020, 1, 1)), ..Default::default() })
            .collect();
        let h = health(&ws);
        assert!(h.points_lost() > 100);
        assert_eq!(h.score, 0);
    }

    #[test]
    fn unknown_account_id_does_not_panic_and_names_the_id() {
        let h = account_health(&Workspace::default(), "ghost", today());
        assert!(h.score < 100);
        assert!(matches!(&h.findings[0].fact, HealthFact::IncompleteDossier { account, .. } if account == "ghost"));
    }

    #[test]
    fn demo_accounts_have_explained_scores() {
        let ws = crate::demo::test_demo();
        let id =
            |name: &str| ws.accounts().iter().find(|a| a.name == name).map(|a| a.id.clone()).expect("demo account");
        let nordhavn = account_health(&ws, &id("Nordhavn Logistics A/S"), today());
        let rules: Vec<Rule> = nordhavn.findings.iter().map(|f| f.rule).collect();
        // Decider, champion, sponsor and two owners are there; dates of contact and of the plan are
        // not, and the Oslo site visit was due on 10 November.
        assert_eq!(rules, vec![Rule::Completeness, Rule::ContactFreshness, Rule::PlanFreshness, Rule::OverdueActions]);
        let HealthFact::OverdueActions { actions } = &nordhavn.findings[3].fact else {
            panic!("{:?}", nordhavn.findings[3])
        };
        assert!(actions.iter().any(|a| a.text.contains("Site visit in Oslo with Anders Kjær")), "{actions:?}");
        assert_eq!(nordhavn.score, 100 - nordhavn.points_lost());

        let helsinki = account_health(&ws, &id("Helsinki Medical Supplies Oy"), today());
        let f = finding(&helsinki, Rule::SinglePointOfContact).expect("Pekka owns both contacts");
        assert_eq!(
            f.fact,
            HealthFact::SinglePointOfContact {
                account: "Helsinki Medical Supplies Oy".into(),
                single: SinglePoint::OneOwner {
                    who: "Pekka Virtanen".into(),
                    contacts: vec!["Liisa Korhonen".into(), "Mikko Laine".into()],
                    known: 2
                },
            }
        );

        let baltic = account_health(&ws, &id("Baltic Timber Group"), today());
        assert!(finding(&baltic, Rule::ExecutiveSponsor).is_some());
        assert!(finding(&baltic, Rule::SinglePointOfContact)
            .is_some_and(|f| matches!(&f.fact, HealthFact::SinglePointOfContact { single: SinglePoint::OnlyOneOfUs { who, .. }, .. } if who == "Maria Lind")));
        assert!(baltic.score < nordhavn.score);
    }

    #[test]
    fn key_accounts_are_listed_lowest_score_first() {
        let ws = crate::demo::test_demo();
        let rows = key_accounts_health(&ws, today());
        assert_eq!(rows.len(), ws.accounts().iter().filter(|a| a.is_key).count());
        assert!(rows
            .windows(2)
            .all(|w| (w[0].health.score, &w[0].account_name) <= (w[1].health.score, &w[1].account_name)));
        for r in &rows {
            assert_eq!(r.health, account_health(&ws, &r.account_id, today()));
        }
        let mut ws = healthy();
        ws.accounts_mut()[0].is_key = false;
        assert!(key_accounts_health(&ws, today()).is_empty());
    }

    fn arb_person() -> impl Strategy<Value = Person> {
        (
            prop::sample::select(vec!["", "Ann", "Bo", "Cy", "Dee"]),
            prop::sample::select(DmuRole::ALL.to_vec()),
            prop::sample::select(Attitude::ALL.to_vec()),
            prop::sample::select(vec!["", "Maria", "Pekka", "maria", "Maria, Pekka"]),
            prop::option::of(0u64..400),
        )
            .prop_map(|(name, role, attitude, owner, ago)| Person {
                name: name.into(),
                role,
                attitude,
                our_owner: owner.into(),
                last_contact: ago.map(|d| today() - chrono::Days::new(d)),
                ..Default::default()
            })
    }

    proptest! {
        #[test]
        fn score_is_explained_by_its_findings(
            people in prop::collection::vec(arb_person(), 0..6),
            sponsor in prop::bool::ANY,
            status in prop::sample::select(AccountStatus::ALL.to_vec()),
            overdue in 0usize..6,
            updated_ago in prop::option::of(0u64..400),
            team in prop::collection::vec(prop::sample::select(vec!["Maria", "Pekka", "Jonas"]), 0..3),
            complaints in prop::collection::vec((0u64..400, prop::sample::select(crate::model::Severity::ALL.to_vec()), prop::bool::ANY), 0..6),
            promises in prop::collection::vec((0u64..500, prop::sample::select(crate::model::PromiseState::ALL.to_vec())), 0..6),
        ) {
            let mut ws = healthy();
            let d = dossier_mut(&mut ws);
            d.people = people;
            d.executive_sponsor = if sponsor { "CEO".into() } else { String::new() };
            d.status = status;
            d.actions = (0..overdue).map(|i| Action { text: format!("a{i}"), due: Some(date(2026, 1, 1)), ..Default::default() }).collect();
            d.updated = updated_ago.map(|n| today() - chrono::Days::new(n));
            d.team = team.into_iter().map(|n| TeamMember { name: n.into(), ..Default::default() }).collect();
            d.complaints = complaints.into_iter().map(|(ago, severity, resolved)| crate::model::Complaint {
                date: Some(today() - chrono::Days::new(ago)),
                severity,
                resolved_on: resolved.then(today),
                ..Default::default()
            }).collect();
            d.promises = promises.into_iter().map(|(ago, state)| crate::model::Promise {
                due: Some(today() - chrono::Days::new(ago)),
                state,
                ..Default::default()
            }).collect();
            let h = health(&ws);
            prop_assert!(h.score <= 100);
            prop_assert_eq!(h.score, 100u32.saturating_sub(h.points_lost()));
            let mut seen = std::collections::HashSet::new();
            for f in &h.findings {
                prop_assert!(f.points_lost >= 1 && f.points_lost <= f.rule.max_points(), "{:?}", f);
                prop_assert!(seen.insert(f.rule), "each rule fires at most once");
                prop_assert_eq!(f.rule, f.fact.rule());
            }
            let order: Vec<Rule> = h.findings.iter().map(|f| f.rule).collect();
            let mut sorted = order.clone();
            sorted.sort();
            prop_assert_eq!(order, sorted, "findings follow Rule::ALL order");
        }
    }
}
