//! Words for account health and knowledge concentration: the rule names, why each finding cost
//! points and what to do about it, and the same for each place where knowledge lives in one head.

use crate::i18n::{tr, tr_args, tr_plural};
use kam_core::analysis::{
    ConcentrationFact, ConcentrationItem, Finding, HealthBand, HealthFact, HealthTrend, OverdueAction, Rule,
    SinglePoint,
};

use super::choices::{section_needs, Words};
use super::text::{and_list, or_default, plural};

/// Short name of a rule, for a heading or a legend.
pub fn rule_label(rule: Rule) -> &'static str {
    match rule {
        Rule::Completeness => tr("Dossier completeness"),
        Rule::EconomicBuyer => tr("Economic buyer known"),
        Rule::Champion => tr("Champion on the customer's side"),
        Rule::ExecutiveSponsor => tr("Executive sponsor"),
        Rule::ContactFreshness => tr("What we know is current"),
        Rule::PlanFreshness => tr("Plan kept up to date"),
        Rule::OverdueActions => tr("Actions on time"),
        Rule::MissedPromises => tr("Promises kept"),
        Rule::OpenComplaints => tr("Serious complaints resolved"),
        Rule::ComplaintTrend => tr("Complaints not rising"),
        Rule::UnownedContacts => tr("Every contact has an owner"),
        Rule::SinglePointOfContact => tr("Relationship not in one head"),
        Rule::Status => tr("Account status"),
    }
}

/// How the dossier's health over time is kept.
pub const TREND_NOTE: &str = "The app keeps each key account's health score once a month, whenever it is open that month: success in key account management is measured in years. A month it was not opened stays empty.";

/// A band's name, beside a score.
pub fn band_label(band: HealthBand) -> String {
    match band {
        HealthBand::Good => tr("good"),
        HealthBand::Fair => tr("fair"),
        HealthBand::Poor => tr("poor"),
    }
    .to_string()
}

/// The trend in a sentence: this month's score, and the one a year before.
pub fn trend_summary(t: &HealthTrend) -> String {
    let now = match t.latest {
        Some(s) => tr_args("Health this month: {0} ({1}).", &[("0", &s), ("1", &band_label(HealthBand::of(s)))]),
        None => tr("No health kept this month yet.").into(),
    };
    let before = match (t.latest, t.year_ago) {
        (Some(now), Some(then)) if now > then => {
            tr_args("Twelve months ago: {0}, {1} points lower.", &[("0", &then), ("1", &(now - then))])
        }
        (Some(now), Some(then)) if now < then => {
            tr_args("Twelve months ago: {0}, {1} points higher.", &[("0", &then), ("1", &(then - now))])
        }
        (_, Some(then)) => tr_args("Twelve months ago: {0}.", &[("0", &then)]),
        (_, None) => tr("Nothing kept twelve months ago.").into(),
    };
    let years = t.years();
    let span = match (years.first(), years.last()) {
        (Some(a), Some(b)) if a != b => tr_args(" Kept from {0} to {1}.", &[("0", a), ("1", b)]),
        _ => String::new(),
    };
    format!("{now} {before}{span}")
}

/// How many findings an account has, after its name: " — 3 findings".
pub fn findings_count(n: usize) -> String {
    format!(" — {}", plural(n, "finding", "findings"))
}

/// What is wrong, naming the people, dates and sections concerned.
pub fn reason(f: &Finding) -> String {
    match &f.fact {
        HealthFact::IncompleteDossier { account, complete_pct, sections, missing, .. } => {
            let titles: Vec<&str> = missing.iter().map(|s| s.label()).collect();
            tr_plural(missing.len(), "The dossier of {account} is {complete_pct} % complete: {n} of {sections} sections is empty: {list}.", "The dossier of {account} is {complete_pct} % complete: {n} of {sections} sections are empty: {list}.", &[("account", &account), ("complete_pct", &complete_pct), ("sections", &sections), ("list", &and_list(&titles))])
        }
        HealthFact::NoEconomicBuyer { account, people: 0 } => {
            tr_args("No one in the decision-making unit of {account} is recorded, so we do not know who decides.", &[("account", &account)])
        }
        HealthFact::NoEconomicBuyer { account, people } => {
            tr_args("None of the {0} recorded at {account} is the economic buyer who decides.", &[("0", &plural(*people, "person", "people")), ("account", &account)])
        }
        HealthFact::NoChampion { account, .. } => {
            tr_args("Nobody at {account} is a champion who argues for us when we are not in the room.", &[("account", &account)])
        }
        HealthFact::NoExecutiveSponsor { account } => {
            tr_args("{account} has no executive sponsor from our top management.", &[("account", &account)])
        }
        HealthFact::ContactStale { account, with, on, days_ago, stale_after_days } => {
            tr_args("What we know of {account} may be out of date: the last recorded contact was with {with} on {on}, {days_ago} days ago (more than {stale_after_days}).", &[("account", &account), ("with", &with), ("on", &on), ("days_ago", &days_ago), ("stale_after_days", &stale_after_days)])
        }
        HealthFact::NoContactDates { account, contacts: 0 } => {
            tr_args("No contacts at {account} are recorded, so no contact either.", &[("account", &account)])
        }
        HealthFact::NoContactDates { account, contacts } => {
            tr_args("No date of last contact is recorded for any of the {0} at {account}.", &[("0", &plural(*contacts, "contact", "contacts")), ("account", &account)])
        }
        HealthFact::PlanStale { account, on, days_ago, stale_after_days } => {
            tr_args("The account plan of {account} was last changed on {on}, {days_ago} days ago (more than {stale_after_days}).", &[("account", &account), ("on", &on), ("days_ago", &days_ago), ("stale_after_days", &stale_after_days)])
        }
        HealthFact::PlanNeverDated { account } => {
            tr_args("There is no record of when the account plan of {account} was last updated.", &[("account", &account)])
        }
        HealthFact::OverdueActions { actions } => {
            let listed: Vec<String> = actions.iter().map(overdue_action).collect();
            tr_plural(actions.len(), "{n} action is overdue: {list}.", "{n} actions are overdue: {list}.", &[("list", &and_list(&listed))])
        }
        HealthFact::MissedPromises { account, promises } => {
            let listed: Vec<String> =
                promises.iter().map(|p| super::aftersale::missed_promise(&p.text, &p.owner, p.function, p.due)).collect();
            tr_plural(promises.len(), "{n} promise to {account} was missed in the last year: {list}.", "{n} promises to {account} were missed in the last year: {list}.", &[("account", &account), ("list", &and_list(&listed))])
        }
        HealthFact::OpenHighComplaints { account, complaints } => {
            let listed: Vec<String> =
                complaints.iter().map(|c| super::aftersale::open_complaint(c.kind, c.date, &c.text)).collect();
            tr_plural(complaints.len(), "{n} complaint of high severity from {account} is not resolved: {list}.", "{n} complaints of high severity from {account} are not resolved: {list}.", &[("account", &account), ("list", &and_list(&listed))])
        }
        HealthFact::ComplaintsRising { account, this_window, previous_window, window_days } => tr_args("Complaints from {account} are rising: {this_window} in the last {window_days} days against {previous_window} in the {window_days} before.", &[("account", &account), ("this_window", &this_window), ("window_days", &window_days), ("previous_window", &previous_window)]),
        HealthFact::UnownedContacts { account, contacts } => tr_plural(contacts.len(), "{n} contact at {account} has nobody on our side who owns the relationship: {list}.", "{n} contacts at {account} have nobody on our side who owns the relationship: {list}.", &[("account", &account), ("list", &and_list(contacts))]),
        HealthFact::SinglePointOfContact { account, single } => single_point_reason(account, single),
        HealthFact::AtRisk { account } => tr_args("{account} is marked at risk.", &[("account", &account)]),
        HealthFact::Lost { account, .. } => tr_args("{account} is marked lost.", &[("account", &account)]),
    }
}

/// A concrete next step for a finding.
pub fn what_to_do(f: &Finding) -> String {
    match &f.fact {
        HealthFact::IncompleteDossier { fill_next, .. } => {
            let next: Vec<String> = fill_next.iter().map(|s| format!("{} ({})", s.label(), section_needs(*s))).collect();
            tr_args("Fill in {0} next.", &[("0", &and_list(&next))])
        }
        HealthFact::NoEconomicBuyer { .. } => {
            tr("Find out who signs off the budget for what we sell, and add them to the decision-making unit as economic buyer / decider.").into()
        }
        HealthFact::NoChampion { supporters, .. } if supporters.is_empty() => {
            tr("Find a person who gains from our success, win them as a supporter, and develop them into a champion.").into()
        }
        HealthFact::NoChampion { supporters, .. } => {
            tr_args("Develop {0} from supporter to champion: share plans early, help them win internally.", &[("0", &and_list(supporters))])
        }
        HealthFact::NoExecutiveSponsor { .. } => {
            tr("Ask a member of top management to sponsor the account, meet the customer's leadership and back the account plan.").into()
        }
        HealthFact::ContactStale { with, .. } => tr_args("Check that what we know still holds: ask {with} or another contact what has changed in their plans, people and needs, and record the date. Not a visit quota: a call or an informal talk counts.", &[("with", &with)]),
        HealthFact::NoContactDates { .. } => {
            tr("Record when each contact was last met or called, so the plan shows how current our knowledge of them is.").into()
        }
        HealthFact::PlanStale { .. } => tr("Review the plan with the account team: objectives, actions, people and status.").into(),
        HealthFact::PlanNeverDated { .. } => tr("Review the plan with the account team and save it, so its date is recorded.").into(),
        HealthFact::OverdueActions { .. } => tr("Do them, or agree a new due date with the owner, or mark them dropped.").into(),
        HealthFact::MissedPromises { .. } => {
            tr("Tell the customer what went wrong and what is done now, and agree with the owners what they can keep before promising again.").into()
        }
        HealthFact::OpenHighComplaints { .. } => {
            tr("Resolve them first: call the customer, name who fixes each, and record the day it is resolved.").into()
        }
        HealthFact::ComplaintsRising { .. } => {
            tr("Look for the common cause with operations and the account team, and tell the customer what changes.").into()
        }
        HealthFact::UnownedContacts { .. } => tr("Name who on our side owns each of these relationships.").into(),
        HealthFact::SinglePointOfContact { single, .. } => single_point_what_to_do(single),
        HealthFact::AtRisk { .. } => tr("Agree a recovery plan with the executive sponsor: what went wrong, who fixes it, by when.").into(),
        HealthFact::Lost { winback_plan: None, .. } => {
            tr("Decide whether to win it back; if so, write the win-back approach (special offer, gift, discount…) in the Status section.").into()
        }
        HealthFact::Lost { winback_plan: Some(plan), .. } => tr_args("Work the win-back plan: {plan}", &[("plan", &plan)]),
    }
}

/// An overdue action in a list: "\"Site visit\" (Maria Lind, due 2026-11-10)".
fn overdue_action(a: &OverdueAction) -> String {
    let text = or_default(&a.text, tr("(untitled action)"));
    let owner = or_default(&a.owner, tr("no owner"));
    tr_args(
        "\"{text}\" ({owner}, due {date})",
        &[("text", &text), ("owner", &owner), ("date", &crate::i18n::fmt::date(a.due))],
    )
}

/// Why one account's relationship is in one head (the health finding and the concentration item
/// say the same).
fn single_point_reason(account: &str, single: &SinglePoint) -> String {
    match single {
        SinglePoint::OneOwner { who, contacts, known } => {
            let contacts_text = if *known == contacts.len() {
                tr_args(
                    "the {contacts} ({names})",
                    &[("contacts", &plural(contacts.len(), "contact", "contacts")), ("names", &and_list(contacts))],
                )
            } else {
                tr_args("{known} of the {1} contacts", &[("known", &known), ("1", &contacts.len())])
            };
            tr_args(
                "Nobody on our side but {who} knows {contacts_text} at {account}.",
                &[("who", &who), ("contacts_text", &contacts_text), ("account", &account)],
            )
        }
        SinglePoint::NobodyNamed => tr_args(
            "Nobody on our side is named for {account}: no key account manager, no account team, no contact owners.",
            &[("account", &account)],
        ),
        SinglePoint::OnlyOneOfUs { who, contacts } => {
            let about = if contacts.is_empty() {
                tr("and no customer contacts are recorded").to_string()
            } else {
                tr_args("and the only one who knows {0}", &[("0", &and_list(contacts))])
            };
            tr_args(
                "{who} is the only person on our side working with {account}, {about}.",
                &[("who", &who), ("account", &account), ("about", &about)],
            )
        }
    }
}

fn single_point_what_to_do(single: &SinglePoint) -> String {
    match single {
        SinglePoint::OneOwner { who, .. } => tr_args("Introduce a second colleague to the most important contacts, starting with the decider, and have {who} write what they know into the dossier.", &[("who", &who)]),
        SinglePoint::NobodyNamed => tr("Name a key account manager and an account team, and record who on our side knows each contact.").into(),
        SinglePoint::OnlyOneOfUs { who, .. } => {
            tr_args("Add a second person to the account team (a colleague from delivery, service or the solution side) and let {who} introduce them to the customer.", &[("who", &who)])
        }
    }
}

/// Where the knowledge sits and why it matters.
pub fn concentration_reason(c: &ConcentrationItem) -> String {
    match &c.fact {
        ConcentrationFact::OnlyOneKnows => {
            let per_account: Vec<String> = c
                .contacts_by_account()
                .into_iter()
                .map(|(name, contacts)| format!("{} ({name})", and_list(&contacts)))
                .collect();
            tr_args(
                "Only {0} knows {1} at {2}: {3}.",
                &[
                    ("0", &c.person),
                    ("1", &(plural(c.contacts.len(), "contact", "contacts"))),
                    ("2", &(plural(c.account_ids.len(), "key account", "key accounts"))),
                    ("3", &per_account.join("; ")),
                ],
            )
        }
        ConcentrationFact::SinglePointOfContact { account, single } => single_point_reason(account, single),
    }
}

/// A concrete next step to spread the knowledge.
pub fn concentration_what_to_do(c: &ConcentrationItem) -> String {
    match &c.fact {
        ConcentrationFact::OnlyOneKnows => {
            let person = &c.person;
            tr_args("Have {person} introduce a colleague to each of these contacts, and write down what {person} knows about them in the dossiers.", &[("person", &person)])
        }
        ConcentrationFact::SinglePointOfContact { single, .. } => single_point_what_to_do(single),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use kam_core::analysis::{account_health, knowledge_concentration};
    use kam_core::model::Section;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    fn finding(fact: HealthFact) -> Finding {
        Finding { rule: fact.rule(), points_lost: 1, fact }
    }

    fn acme() -> String {
        "Acme Oy".into()
    }

    #[test]
    fn every_rule_has_a_label() {
        for r in Rule::ALL {
            assert!(!rule_label(r).is_empty());
        }
        assert_eq!(rule_label(Rule::SinglePointOfContact), "Relationship not in one head");
        assert_eq!((findings_count(1), findings_count(3)), (" — 1 finding".to_string(), " — 3 findings".to_string()));
    }

    #[test]
    fn completeness_names_the_empty_sections_and_the_next_ones() {
        let one = finding(HealthFact::IncompleteDossier {
            account: acme(),
            complete_pct: 92,
            sections: 13,
            missing: vec![Section::Competitors],
            fill_next: vec![Section::Competitors],
        });
        assert_eq!(reason(&one), "The dossier of Acme Oy is 92 % complete: 1 of 13 sections is empty: Competitors.");
        assert_eq!(what_to_do(&one), "Fill in Competitors (a competitor) next.");
        let all = finding(HealthFact::IncompleteDossier {
            account: acme(),
            complete_pct: 0,
            sections: 13,
            missing: Section::ALL.to_vec(),
            fill_next: Section::ALL[..3].to_vec(),
        });
        assert!(
            reason(&all)
                .starts_with("The dossier of Acme Oy is 0 % complete: 13 of 13 sections are empty: General, Why key, "),
            "{}",
            reason(&all)
        );
        assert_eq!(
            what_to_do(&all),
            "Fill in General (an overview, history or organisation), Why key (a reason with its justification) and Relationship history (a dated event) next."
        );
    }

    #[test]
    fn after_sale_findings_in_english() {
        use kam_core::analysis::{MissedPromise, OpenComplaint};
        use kam_core::model::{ComplaintKind, PromiseFunction};
        let missed = finding(HealthFact::MissedPromises {
            account: acme(),
            promises: vec![MissedPromise {
                text: "Weekend deliveries".into(),
                owner: "".into(),
                function: PromiseFunction::SupplyChain,
                due: Some(date(2026, 11, 1)),
            }],
        });
        assert_eq!(
            reason(&missed),
            "1 promise to Acme Oy was missed in the last year: \"Weekend deliveries\" (no owner named, supply chain, due 2026-11-01)."
        );
        let open = finding(HealthFact::OpenHighComplaints {
            account: acme(),
            complaints: vec![OpenComplaint {
                kind: ComplaintKind::Billing,
                date: Some(date(2026, 10, 2)),
                text: "Invoiced twice".into(),
            }],
        });
        assert_eq!(
            reason(&open),
            "1 complaint of high severity from Acme Oy is not resolved: billing of 2026-10-02: \"Invoiced twice\"."
        );
        let rising = finding(HealthFact::ComplaintsRising {
            account: acme(),
            this_window: 3,
            previous_window: 1,
            window_days: 90,
        });
        assert_eq!(
            reason(&rising),
            "Complaints from Acme Oy are rising: 3 in the last 90 days against 1 in the 90 before."
        );
        assert_eq!(rule_label(Rule::MissedPromises), "Promises kept");
    }

    #[test]
    fn decision_unit_and_sponsor() {
        assert_eq!(
            reason(&finding(HealthFact::NoEconomicBuyer { account: acme(), people: 2 })),
            "None of the 2 people recorded at Acme Oy is the economic buyer who decides."
        );
        assert_eq!(
            reason(&finding(HealthFact::NoEconomicBuyer { account: acme(), people: 1 })),
            "None of the 1 person recorded at Acme Oy is the economic buyer who decides."
        );
        assert_eq!(
            reason(&finding(HealthFact::NoEconomicBuyer { account: acme(), people: 0 })),
            "No one in the decision-making unit of Acme Oy is recorded, so we do not know who decides."
        );
        let champion = finding(HealthFact::NoChampion { account: acme(), supporters: vec!["Jens Madsen".into()] });
        assert_eq!(
            what_to_do(&champion),
            "Develop Jens Madsen from supporter to champion: share plans early, help them win internally."
        );
        assert_eq!(
            what_to_do(&finding(HealthFact::NoChampion { account: acme(), supporters: vec![] })),
            "Find a person who gains from our success, win them as a supporter, and develop them into a champion."
        );
        assert_eq!(
            reason(&finding(HealthFact::NoExecutiveSponsor { account: acme() })),
            "Acme Oy has no executive sponsor from our top management."
        );
    }

    #[test]
    fn freshness() {
        let stale = finding(HealthFact::ContactStale {
            account: acme(),
            with: "Jens Madsen".into(),
            on: date(2026, 8, 25),
            days_ago: 91,
            stale_after_days: 90,
        });
        assert_eq!(
            reason(&stale),
            "What we know of Acme Oy may be out of date: the last recorded contact was with Jens Madsen on 2026-08-25, 91 days ago (more than 90)."
        );
        assert_eq!(
            what_to_do(&stale),
            "Check that what we know still holds: ask Jens Madsen or another contact what has changed in their plans, people and needs, and record the date. Not a visit quota: a call or an informal talk counts."
        );
        assert_eq!(
            reason(&finding(HealthFact::NoContactDates { account: acme(), contacts: 2 })),
            "No date of last contact is recorded for any of the 2 contacts at Acme Oy."
        );
        assert_eq!(
            reason(&finding(HealthFact::NoContactDates { account: acme(), contacts: 0 })),
            "No contacts at Acme Oy are recorded, so no contact either."
        );
        assert_eq!(
            reason(&finding(HealthFact::PlanStale {
                account: acme(),
                on: date(2026, 5, 27),
                days_ago: 181,
                stale_after_days: 180
            })),
            "The account plan of Acme Oy was last changed on 2026-05-27, 181 days ago (more than 180)."
        );
        assert_eq!(
            reason(&finding(HealthFact::PlanNeverDated { account: acme() })),
            "There is no record of when the account plan of Acme Oy was last updated."
        );
    }

    #[test]
    fn overdue_actions_are_listed_with_owner_and_due_date() {
        let act =
            |text: &str, owner: &str| OverdueAction { text: text.into(), owner: owner.into(), due: date(2026, 11, 10) };
        let one = finding(HealthFact::OverdueActions { actions: vec![act("Site visit", "Maria Lind")] });
        assert_eq!(reason(&one), "1 action is overdue: \"Site visit\" (Maria Lind, due 2026-11-10).");
        let two = finding(HealthFact::OverdueActions { actions: vec![act("Site visit", "Maria Lind"), act("", "")] });
        assert_eq!(reason(&two), "2 actions are overdue: \"Site visit\" (Maria Lind, due 2026-11-10) and \"(untitled action)\" (no owner, due 2026-11-10).");
    }

    #[test]
    fn ownership_and_single_points() {
        let unowned = finding(HealthFact::UnownedContacts { account: acme(), contacts: vec!["Sofie Holm".into()] });
        assert_eq!(
            reason(&unowned),
            "1 contact at Acme Oy has nobody on our side who owns the relationship: Sofie Holm."
        );
        let four = finding(HealthFact::UnownedContacts {
            account: acme(),
            contacts: ["Sofie Holm", "A", "B", "C"].map(String::from).to_vec(),
        });
        assert_eq!(
            reason(&four),
            "4 contacts at Acme Oy have nobody on our side who owns the relationship: Sofie Holm, A, B and C."
        );
        let single = |single| finding(HealthFact::SinglePointOfContact { account: acme(), single });
        let all = single(SinglePoint::OneOwner {
            who: "Maria Lind".into(),
            contacts: vec!["Jens Madsen".into(), "Anders Kjær".into()],
            known: 2,
        });
        assert_eq!(
            reason(&all),
            "Nobody on our side but Maria Lind knows the 2 contacts (Jens Madsen and Anders Kjær) at Acme Oy."
        );
        assert_eq!(
            what_to_do(&all),
            "Introduce a second colleague to the most important contacts, starting with the decider, and have Maria Lind write what they know into the dossier."
        );
        let some = single(SinglePoint::OneOwner {
            who: "Maria Lind".into(),
            contacts: vec!["A".into(), "B".into(), "C".into()],
            known: 2,
        });
        assert_eq!(reason(&some), "Nobody on our side but Maria Lind knows 2 of the 3 contacts at Acme Oy.");
        let only = single(SinglePoint::OnlyOneOfUs { who: "Maria Lind".into(), contacts: vec!["Jens Madsen".into()] });
        assert_eq!(
            reason(&only),
            "Maria Lind is the only person on our side working with Acme Oy, and the only one who knows Jens Madsen."
        );
        let nobody = single(SinglePoint::NobodyNamed);
        assert_eq!(
            reason(&nobody),
            "Nobody on our side is named for Acme Oy: no key account manager, no account team, no contact owners."
        );
    }

    #[test]
    fn status() {
        assert_eq!(reason(&finding(HealthFact::AtRisk { account: acme() })), "Acme Oy is marked at risk.");
        let lost = finding(HealthFact::Lost { account: acme(), winback_plan: None });
        assert_eq!(reason(&lost), "Acme Oy is marked lost.");
        assert!(what_to_do(&lost).contains("win-back approach"));
        let plan = finding(HealthFact::Lost { account: acme(), winback_plan: Some("Special offer on service".into()) });
        assert_eq!(what_to_do(&plan), "Work the win-back plan: Special offer on service");
    }

    #[test]
    fn demo_sentences() {
        let ws = crate::ui::words::demo::demo_workspace();
        let today = date(2026, 11, 24);
        let id =
            |name: &str| ws.accounts().iter().find(|a| a.name == name).map(|a| a.id.clone()).expect("demo account");
        let helsinki = account_health(&ws, &id("Helsinki Medical Supplies Oy"), today);
        let f =
            helsinki.findings.iter().find(|f| f.rule == Rule::SinglePointOfContact).expect("Pekka owns both contacts");
        assert_eq!(reason(f), "Nobody on our side but Pekka Virtanen knows the 2 contacts (Liisa Korhonen and Mikko Laine) at Helsinki Medical Supplies Oy.");
        let nordhavn = account_health(&ws, &id("Nordhavn Logistics A/S"), today);
        assert!(
            nordhavn.findings.iter().any(|f| reason(f).contains("overdue") && reason(f).contains("Site visit in Oslo")),
            "the e2e test looks for these words"
        );

        let items = knowledge_concentration(&ws);
        assert_eq!(
            concentration_reason(&items[0]),
            "Only Maria Lind knows 3 contacts at 2 key accounts: Ilze Kalniņa (Baltic Timber Group); Jens Madsen and Sofie Holm (Nordhavn Logistics A/S)."
        );
        assert_eq!(
            concentration_what_to_do(&items[0]),
            "Have Maria Lind introduce a colleague to each of these contacts, and write down what Maria Lind knows about them in the dossiers."
        );
        let krakow =
            items.iter().find(|i| i.account_ids == vec!["kraków automotive parts".to_string()]).expect("Kraków");
        assert_eq!(concentration_reason(krakow), "Maria Lind is the only person on our side working with Kraków Automotive Parts, and no customer contacts are recorded.");
    }
}
