//! Account health and knowledge risk (kam-model.md section 4, last paragraph): a score per key
//! account that is explained, never a black box. Every point lost is a [`Finding`] that says which
//! rule fired, why, with the specifics, and what to do about it.
//!
//! The score starts at 100 and each rule subtracts up to its [`Rule::max_points`]; the maxima add
//! up to more than 100, so the score is clamped at 0. A missing dossier is judged exactly like an
//! empty one: a key account nobody has written anything about is the riskiest kind.
//!
//! Conventions shared by all rules:
//! - a *contact* is a [`Person`] of the dossier with a non-blank name (rows the user added but
//!   never named are ignored);
//! - the people *on our side* who know a contact are read from [`Person::our_owner`], which may
//!   list several names separated by `,` `;` `/` `&` `+` or the word `and`; names are compared
//!   as account names are ([`normalise_name`]: case and spacing do not matter);
//! - dates are calendar dates; `today` is the user's local date, passed in by the caller.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{normalise_name, AccountStatus, ActionStatus, Attitude, DmuRole, Dossier, Person, Section, Workspace};

/// Days after the latest recorded contact at which the relationship counts as gone quiet.
pub const CONTACT_STALE_DAYS: i64 = 90;
/// Days after the dossier's last update at which the plan counts as untouched.
pub const PLAN_STALE_DAYS: i64 = 180;

/// The rules of the health score, in the order findings are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// Sections of the dossier still empty (up to 25 points, proportional).
    Completeness,
    /// Nobody in the decision-making unit is the economic buyer / decider (15).
    EconomicBuyer,
    /// Nobody on the customer's side is a champion of ours (10).
    Champion,
    /// No executive sponsor from our top management (10).
    ExecutiveSponsor,
    /// No recorded contact in the last 90 days (10).
    ContactFreshness,
    /// The dossier has not been updated in 180 days, or never recorded as updated (5).
    PlanFreshness,
    /// Actions past their due date and still open or in progress (5 each, up to 15).
    OverdueActions,
    /// Contacts nobody on our side owns (2 each, up to 6).
    UnownedContacts,
    /// The whole relationship runs through one person on our side, or through nobody (10).
    SinglePointOfContact,
    /// The account is marked at risk (10) or lost (20).
    Status,
}

impl Rule {
    /// Every rule, in the order findings are listed.
    pub const ALL: [Rule; 10] = [
        Rule::Completeness,
        Rule::EconomicBuyer,
        Rule::Champion,
        Rule::ExecutiveSponsor,
        Rule::ContactFreshness,
        Rule::PlanFreshness,
        Rule::OverdueActions,
        Rule::UnownedContacts,
        Rule::SinglePointOfContact,
        Rule::Status,
    ];

    /// Stable identifier (same as the serialised form); safe to store or use in CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            Rule::Completeness => "completeness",
            Rule::EconomicBuyer => "economic_buyer",
            Rule::Champion => "champion",
            Rule::ExecutiveSponsor => "executive_sponsor",
            Rule::ContactFreshness => "contact_freshness",
            Rule::PlanFreshness => "plan_freshness",
            Rule::OverdueActions => "overdue_actions",
            Rule::UnownedContacts => "unowned_contacts",
            Rule::SinglePointOfContact => "single_point_of_contact",
            Rule::Status => "status",
        }
    }

    /// Short name of the rule, for a heading or a legend.
    pub fn label(self) -> &'static str {
        match self {
            Rule::Completeness => "Dossier completeness",
            Rule::EconomicBuyer => "Economic buyer known",
            Rule::Champion => "Champion on the customer's side",
            Rule::ExecutiveSponsor => "Executive sponsor",
            Rule::ContactFreshness => "Recent contact",
            Rule::PlanFreshness => "Plan kept up to date",
            Rule::OverdueActions => "Actions on time",
            Rule::UnownedContacts => "Every contact has an owner",
            Rule::SinglePointOfContact => "Relationship not in one head",
            Rule::Status => "Account status",
        }
    }

    /// The most points the rule can take off the score.
    pub fn max_points(self) -> u32 {
        match self {
            Rule::Completeness => 25,
            Rule::EconomicBuyer => 15,
            Rule::Champion | Rule::ExecutiveSponsor | Rule::ContactFreshness | Rule::SinglePointOfContact => 10,
            Rule::PlanFreshness => 5,
            Rule::OverdueActions => 15,
            Rule::UnownedContacts => 6,
            Rule::Status => 20,
        }
    }
}

/// One rule that cost the account points, with the reason in plain words and what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: Rule,
    /// Points taken off the score by this rule (always at least 1).
    pub points_lost: u32,
    /// What is wrong, naming the people, dates and sections concerned.
    pub reason: String,
    /// A concrete next step.
    pub what_to_do: String,
}

/// The health of one account: a score from 0 to 100 and the findings that explain every point
/// lost. `score == 100 - sum(points_lost)`, clamped at 0.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Health {
    pub score: u32,
    pub findings: Vec<Finding>,
}

impl Health {
    /// Points lost in total before clamping (may exceed 100).
    pub fn points_lost(&self) -> u32 {
        self.findings.iter().map(|f| f.points_lost).sum()
    }
}

/// What kind of knowledge concentration an item reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConcentrationKind {
    /// Customer contacts known to only one person on our side (one item per such person).
    OnlyOneKnows,
    /// A key account whose whole relationship runs through one person on our side, or nobody.
    SinglePointOfContact,
}

/// A customer contact, located in its account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactRef {
    pub account_id: String,
    pub account_name: String,
    pub contact: String,
}

/// One place where knowledge about key accounts lives in a single head.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConcentrationItem {
    pub kind: ConcentrationKind,
    /// The person on our side the knowledge depends on; empty when nobody on our side is named.
    pub person: String,
    /// The key accounts concerned (ids).
    pub account_ids: Vec<String>,
    /// The contacts concerned: those only `person` knows, or the account's contacts.
    pub contacts: Vec<ContactRef>,
    pub reason: String,
    pub what_to_do: String,
}

/// The names in an `our_owner` field: several owners may be written in one field.
fn owner_names(field: &str) -> Vec<String> {
    field
        .split([',', ';', '/', '&', '+'])
        .flat_map(split_word_and)
        .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|n| !n.is_empty())
        .collect()
}

/// Splits "Maria and Pekka" on the whole word `and` (any case).
fn split_word_and(part: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = part;
    loop {
        let lower = rest.to_lowercase();
        // Lower-casing can change byte lengths for some scripts; only split when it did not.
        let found = (lower.len() == rest.len()).then(|| lower.find(" and ")).flatten();
        match found {
            Some(i) => {
                out.push(&rest[..i]);
                rest = &rest[i + 5..];
            }
            None => {
                out.push(rest);
                return out;
            }
        }
    }
}

/// Named contacts of a dossier.
fn contacts(d: &Dossier) -> impl Iterator<Item = &Person> {
    d.people.iter().filter(|p| !p.name.trim().is_empty())
}

fn name_of(p: &Person) -> String {
    p.name.trim().to_string()
}

/// A list in words: "A", "A and B", "A, B and C".
fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => format!("{} and {}", init.iter().map(|s| s.as_ref()).collect::<Vec<_>>().join(", "), last.as_ref()),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A set of names kept in first-seen spelling, compared by [`normalise_name`].
#[derive(Default)]
struct Names(BTreeMap<String, String>);

impl Names {
    fn add(&mut self, name: &str) {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if !name.is_empty() {
            self.0.entry(normalise_name(&name)).or_insert(name);
        }
    }
    fn len(&self) -> usize {
        self.0.len()
    }
    fn first(&self) -> Option<&String> {
        self.0.values().next()
    }
}

/// The relationship runs through one person on our side (or nobody): that person's name (empty
/// for nobody) and the finding, if so.
fn single_point(manager: &str, account_name: &str, d: &Dossier) -> Option<(String, Finding)> {
    let people: Vec<&Person> = contacts(d).collect();
    let mut owners = Names::default();
    for p in &people {
        for o in owner_names(&p.our_owner) {
            owners.add(&o);
        }
    }
    let mut ours = Names::default();
    ours.add(manager);
    for m in &d.team {
        ours.add(&m.name);
    }
    for (k, v) in &owners.0 {
        ours.0.entry(k.clone()).or_insert_with(|| v.clone());
    }
    let rule = Rule::SinglePointOfContact;
    let points_lost = rule.max_points();
    let names: Vec<String> = people.iter().map(|p| name_of(p)).collect();
    if people.len() >= 2 && owners.len() == 1 {
        let who = owners.first().cloned().unwrap_or_default();
        let known = people.iter().filter(|p| !owner_names(&p.our_owner).is_empty()).count();
        let contacts_text = if known == people.len() {
            format!("the {} ({})", plural(people.len(), "contact", "contacts"), and_list(&names))
        } else {
            format!("{known} of the {} contacts", people.len())
        };
        let finding = Finding {
            rule,
            points_lost,
            reason: format!("Nobody on our side but {who} knows {contacts_text} at {account_name}."),
            what_to_do: format!(
                "Introduce a second colleague to the most important contacts, starting with the decider, and have {who} write what they know into the dossier."
            ),
        };
        return Some((who, finding));
    }
    match ours.len() {
        0 => Some((
            String::new(),
            Finding {
                rule,
                points_lost,
                reason: format!("Nobody on our side is named for {account_name}: no key account manager, no account team, no contact owners."),
                what_to_do: "Name a key account manager and an account team, and record who on our side knows each contact.".into(),
            },
        )),
        1 => {
            let who = ours.first().cloned().unwrap_or_default();
            let about = if people.is_empty() { "and no customer contacts are recorded".to_string() } else { format!("and the only one who knows {}", and_list(&names)) };
            let finding = Finding {
                rule,
                points_lost,
                reason: format!("{who} is the only person on our side working with {account_name}, {about}."),
                what_to_do: format!("Add a second person to the account team (a colleague from delivery, service or the solution side) and let {who} introduce them to the customer."),
            };
            Some((who, finding))
        }
        _ => None,
    }
}

/// The health of one account on `today` (the user's local date). Works for any account id; an
/// account without a dossier is judged as if its dossier were empty.
pub fn account_health(ws: &Workspace, account_id: &str, today: NaiveDate) -> Health {
    let account = ws.account(account_id);
    let account_name = account.map_or(account_id, |a| a.name.as_str());
    let manager = account.map_or("", |a| a.manager.as_str());
    let empty;
    let d = match ws.dossier(account_id) {
        Some(d) => d,
        None => {
            empty = Dossier::new(account_id);
            &empty
        }
    };
    let mut findings = Vec::new();

    // Completeness.
    let pct = d.completeness_pct().min(100);
    let lost = (Rule::Completeness.max_points() * (100 - pct) + 50) / 100;
    if lost > 0 {
        let missing: Vec<Section> = d.missing_sections();
        let titles: Vec<&str> = missing.iter().map(|s| section_title(*s)).collect();
        let first: Vec<String> = missing.iter().take(3).map(|s| format!("{} ({})", section_title(*s), section_needs(*s))).collect();
        findings.push(Finding {
            rule: Rule::Completeness,
            points_lost: lost,
            reason: format!(
                "The dossier of {account_name} is {pct} % complete: {} of {} sections {} empty: {}.",
                missing.len(),
                Section::ALL.len(),
                if missing.len() == 1 { "is" } else { "are" },
                and_list(&titles)
            ),
            what_to_do: format!("Fill in {} next.", and_list(&first)),
        });
    }

    // Decision-making unit.
    let people: Vec<&Person> = contacts(d).collect();
    if !people.iter().any(|p| p.role == DmuRole::EconomicBuyer) {
        findings.push(Finding {
            rule: Rule::EconomicBuyer,
            points_lost: Rule::EconomicBuyer.max_points(),
            reason: if people.is_empty() {
                format!("No one in the decision-making unit of {account_name} is recorded, so we do not know who decides.")
            } else {
                format!("None of the {} recorded at {account_name} is the economic buyer who decides.", plural(people.len(), "person", "people"))
            },
            what_to_do: "Find out who signs off the budget for what we sell, and add them to the decision-making unit as economic buyer / decider.".into(),
        });
    }
    if !people.iter().any(|p| p.attitude == Attitude::Champion) {
        let supporters: Vec<String> = people.iter().filter(|p| p.attitude == Attitude::Supporter).map(|p| name_of(p)).collect();
        findings.push(Finding {
            rule: Rule::Champion,
            points_lost: Rule::Champion.max_points(),
            reason: format!("Nobody at {account_name} is a champion who argues for us when we are not in the room."),
            what_to_do: if supporters.is_empty() {
                "Find a person who gains from our success, win them as a supporter, and develop them into a champion.".into()
            } else {
                format!("Develop {} from supporter to champion: share plans early, help them win internally.", and_list(&supporters))
            },
        });
    }
    if d.executive_sponsor.trim().is_empty() {
        findings.push(Finding {
            rule: Rule::ExecutiveSponsor,
            points_lost: Rule::ExecutiveSponsor.max_points(),
            reason: format!("{account_name} has no executive sponsor from our top management."),
            what_to_do: "Ask a member of top management to sponsor the account, meet the customer's leadership and back the account plan.".into(),
        });
    }

    // Freshness.
    let latest = people.iter().filter_map(|p| p.last_contact.map(|c| (c, name_of(p)))).max_by_key(|(c, _)| *c);
    match latest {
        Some((date, _)) if (today - date).num_days() <= CONTACT_STALE_DAYS => {}
        Some((date, who)) => findings.push(Finding {
            rule: Rule::ContactFreshness,
            points_lost: Rule::ContactFreshness.max_points(),
            reason: format!(
                "The last recorded contact at {account_name} was with {who} on {date}, {} days ago (more than {CONTACT_STALE_DAYS}).",
                (today - date).num_days()
            ),
            what_to_do: format!("Call or meet {who} or another contact soon, and record the date of the contact."),
        }),
        None => findings.push(Finding {
            rule: Rule::ContactFreshness,
            points_lost: Rule::ContactFreshness.max_points(),
            reason: if people.is_empty() {
                format!("No contacts at {account_name} are recorded, so no contact either.")
            } else {
                format!("No date of last contact is recorded for any of the {} at {account_name}.", plural(people.len(), "contact", "contacts"))
            },
            what_to_do: "Record when each contact was last met or called; get in touch with those not seen in three months.".into(),
        }),
    }
    match d.updated {
        Some(date) if (today - date).num_days() <= PLAN_STALE_DAYS => {}
        Some(date) => findings.push(Finding {
            rule: Rule::PlanFreshness,
            points_lost: Rule::PlanFreshness.max_points(),
            reason: format!("The account plan of {account_name} was last changed on {date}, {} days ago (more than {PLAN_STALE_DAYS}).", (today - date).num_days()),
            what_to_do: "Review the plan with the account team: objectives, actions, people and status.".into(),
        }),
        None => findings.push(Finding {
            rule: Rule::PlanFreshness,
            points_lost: Rule::PlanFreshness.max_points(),
            reason: format!("There is no record of when the account plan of {account_name} was last updated."),
            what_to_do: "Review the plan with the account team and save it, so its date is recorded.".into(),
        }),
    }

    // Overdue actions.
    let overdue: Vec<String> = d
        .actions
        .iter()
        .filter(|a| matches!(a.status, ActionStatus::Open | ActionStatus::InProgress) && a.due.is_some_and(|due| due < today))
        .map(|a| {
            let text = if a.text.trim().is_empty() { "(untitled action)" } else { a.text.trim() };
            let due = a.due.map(|d| d.to_string()).unwrap_or_default();
            if a.owner.trim().is_empty() {
                format!("\"{text}\" (no owner, due {due})")
            } else {
                format!("\"{text}\" ({}, due {due})", a.owner.trim())
            }
        })
        .collect();
    if !overdue.is_empty() {
        let n = u32::try_from(overdue.len()).unwrap_or(u32::MAX);
        findings.push(Finding {
            rule: Rule::OverdueActions,
            points_lost: n.saturating_mul(5).min(Rule::OverdueActions.max_points()),
            reason: format!("{} overdue: {}.", plural(overdue.len(), "action is", "actions are"), and_list(&overdue)),
            what_to_do: "Do them, or agree a new due date with the owner, or mark them dropped.".into(),
        });
    }

    // Knowledge concentration.
    let unowned: Vec<String> = people.iter().filter(|p| owner_names(&p.our_owner).is_empty()).map(|p| name_of(p)).collect();
    if !unowned.is_empty() {
        let n = u32::try_from(unowned.len()).unwrap_or(u32::MAX);
        findings.push(Finding {
            rule: Rule::UnownedContacts,
            points_lost: n.saturating_mul(2).min(Rule::UnownedContacts.max_points()),
            reason: format!(
                "{} at {account_name} {} nobody on our side who owns the relationship: {}.",
                plural(unowned.len(), "contact", "contacts"),
                if unowned.len() == 1 { "has" } else { "have" },
                and_list(&unowned)
            ),
            what_to_do: "Name who on our side owns each of these relationships.".into(),
        });
    }
    if let Some((_, f)) = single_point(manager, account_name, d) {
        findings.push(f);
    }

    // Status.
    match d.status {
        AccountStatus::Active => {}
        AccountStatus::AtRisk => findings.push(Finding {
            rule: Rule::Status,
            points_lost: 10,
            reason: format!("{account_name} is marked at risk."),
            what_to_do: "Agree a recovery plan with the executive sponsor: what went wrong, who fixes it, by when.".into(),
        }),
        AccountStatus::Lost => findings.push(Finding {
            rule: Rule::Status,
            points_lost: 20,
            reason: format!("{account_name} is marked lost."),
            what_to_do: if d.winback_plan.trim().is_empty() {
                "Decide whether to win it back; if so, write the win-back approach (special offer, gift, discount…) in the Status section.".into()
            } else {
                format!("Work the win-back plan: {}", d.winback_plan.trim())
            },
        }),
    }

    let total: u32 = findings.iter().map(|f| f.points_lost).sum();
    Health { score: 100u32.saturating_sub(total), findings }
}

/// Where knowledge about the key accounts lives in one head, across all key accounts: for each
/// person on our side, the customer contacts only they know (largest first), then each key account
/// whose whole relationship runs through one person or nobody (by account name).
pub fn knowledge_concentration(ws: &Workspace) -> Vec<ConcentrationItem> {
    // normalised owner → (display name, contacts)
    let mut by_owner: BTreeMap<String, (String, Vec<ContactRef>)> = BTreeMap::new();
    let mut single = Vec::new();
    let mut key: Vec<_> = ws.accounts.iter().filter(|a| a.is_key).collect();
    key.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
    for a in key {
        let empty = Dossier::new(&a.id);
        let d = ws.dossier(&a.id).unwrap_or(&empty);
        for p in contacts(d) {
            if let [only] = owner_names(&p.our_owner).as_slice() {
                let entry = by_owner.entry(normalise_name(only)).or_insert_with(|| (only.clone(), Vec::new()));
                entry.1.push(ContactRef { account_id: a.id.clone(), account_name: a.name.clone(), contact: name_of(p) });
            }
        }
        if let Some((person, f)) = single_point(&a.manager, &a.name, d) {
            single.push(ConcentrationItem {
                kind: ConcentrationKind::SinglePointOfContact,
                person,
                account_ids: vec![a.id.clone()],
                contacts: contacts(d).map(|p| ContactRef { account_id: a.id.clone(), account_name: a.name.clone(), contact: name_of(p) }).collect(),
                reason: f.reason,
                what_to_do: f.what_to_do,
            });
        }
    }
    let mut only: Vec<ConcentrationItem> = by_owner
        .into_values()
        .map(|(person, contacts)| {
            let mut account_ids: Vec<String> = Vec::new();
            for c in &contacts {
                if !account_ids.contains(&c.account_id) {
                    account_ids.push(c.account_id.clone());
                }
            }
            let per_account: Vec<String> = account_ids
                .iter()
                .map(|id| {
                    let here: Vec<&str> = contacts.iter().filter(|c| &c.account_id == id).map(|c| c.contact.as_str()).collect();
                    let name = contacts.iter().find(|c| &c.account_id == id).map_or("", |c| c.account_name.as_str());
                    format!("{} ({name})", and_list(&here))
                })
                .collect();
            ConcentrationItem {
                kind: ConcentrationKind::OnlyOneKnows,
                reason: format!(
                    "Only {person} knows {} at {}: {}.",
                    plural(contacts.len(), "contact", "contacts"),
                    plural(account_ids.len(), "key account", "key accounts"),
                    per_account.join("; ")
                ),
                what_to_do: format!("Have {person} introduce a colleague to each of these contacts, and write down what {person} knows about them in the dossiers."),
                person,
                account_ids,
                contacts,
            }
        })
        .collect();
    only.sort_by(|a, b| b.contacts.len().cmp(&a.contacts.len()).then_with(|| a.person.cmp(&b.person)));
    only.extend(single);
    only
}

/// A section's title, for this module's sentences only: a stopgap while the health findings
/// still carry sentences (the app's words are in `src/ui/words/choices.rs`).
fn section_title(s: Section) -> &'static str {
    match s {
        Section::General => "General",
        Section::Qualification => "Why key",
        Section::Timeline => "Relationship history",
        Section::People => "Decision-making unit",
        Section::Competitors => "Competitors",
        Section::Analysis => "Analysis",
        Section::Strategy => "Strategy and whitespace",
        Section::Team => "Account team",
        Section::Plan => "Objectives and actions",
        Section::Metrics => "Metrics",
        Section::Tenders => "Tenders and proposals",
        Section::Status => "Status",
    }
}

/// What fills a section, for this module's sentences only (same stopgap as [`section_title`]).
fn section_needs(s: Section) -> &'static str {
    match s {
        Section::General => "an overview, history or organisation",
        Section::Qualification => "a reason with its justification",
        Section::Timeline => "a dated event",
        Section::People => "a person",
        Section::Competitors => "a competitor",
        Section::Analysis => "goals, market, PESTEL or SWOT",
        Section::Strategy => "a strategy or a whitespace cell",
        Section::Team => "an executive sponsor or team member",
        Section::Plan => "an objective or action",
        Section::Metrics => "cost to serve, margin or wallet",
        Section::Tenders => "a tender or proposal",
        Section::Status => "the relationship stage or status",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Account, Action, TeamMember};
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    const TODAY: (i32, u32, u32) = (2026, 11, 24);

    fn today() -> NaiveDate {
        date(TODAY.0, TODAY.1, TODAY.2)
    }

    fn person(name: &str, role: DmuRole, attitude: Attitude, owner: &str, last: Option<NaiveDate>) -> Person {
        Person { name: name.into(), role, attitude, our_owner: owner.into(), last_contact: last, ..Default::default() }
    }

    /// A key account whose dossier passes every rule.
    fn healthy() -> Workspace {
        let mut a = Account::new("Acme Oy");
        a.is_key = true;
        a.manager = "Maria Lind".into();
        let mut d = Dossier::new(&a.id);
        d.overview = "Logistics".into();
        d.reasons.push(crate::model::KeyReason::Partner);
        d.justifications.insert(crate::model::KeyReason::Partner, "Shares its plan".into());
        d.timeline.push(crate::model::TimelineEvent { date: Some(date(2025, 1, 2)), kind: crate::model::EventKind::Win, text: "Deal".into() });
        d.people = vec![
            person("Jens Madsen", DmuRole::EconomicBuyer, Attitude::Supporter, "Maria Lind", Some(date(2026, 11, 1))),
            person("Anders Kjær", DmuRole::TechnicalEvaluator, Attitude::Champion, "Pekka Virtanen", None),
        ];
        d.competitors.push(crate::model::Competitor { name: "Rival".into(), ..Default::default() });
        d.swot.strengths = "Brand".into();
        d.strategy = "Grow".into();
        d.executive_sponsor = "Henrik Berg".into();
        d.team = vec![TeamMember { name: "Maria Lind".into(), ..Default::default() }, TeamMember { name: "Pekka Virtanen".into(), ..Default::default() }];
        d.actions.push(Action { text: "Call".into(), owner: "Maria Lind".into(), due: Some(date(2026, 12, 1)), status: ActionStatus::Open });
        d.metrics.cost_to_serve = Some(1.0);
        d.proposals.push(crate::model::Proposal { title: "Offer".into(), ..Default::default() });
        d.stage = crate::model::RelationshipStage::Basic;
        d.updated = Some(date(2026, 10, 1));
        Workspace { accounts: vec![a], dossiers: vec![d], ..Default::default() }
    }

    fn dossier_mut(ws: &mut Workspace) -> &mut Dossier {
        &mut ws.dossiers[0]
    }

    fn finding(h: &Health, rule: Rule) -> Option<&Finding> {
        h.findings.iter().find(|f| f.rule == rule)
    }

    fn health(ws: &Workspace) -> Health {
        account_health(ws, "acme oy", today())
    }

    #[test]
    fn a_healthy_account_scores_100_with_no_findings() {
        let h = health(&healthy());
        assert_eq!(h, Health { score: 100, findings: vec![] });
    }

    #[test]
    fn rule_keys_are_stable_and_match_serde() {
        for r in Rule::ALL {
            assert_eq!(serde_json::to_string(&r).unwrap(), format!("\"{}\"", r.key()));
            assert!(!r.label().is_empty());
        }
        let keys: std::collections::HashSet<_> = Rule::ALL.iter().map(|r| r.key()).collect();
        assert_eq!(keys.len(), Rule::ALL.len());
    }

    #[test]
    fn completeness_costs_up_to_25_points_in_proportion() {
        let mut ws = healthy();
        dossier_mut(&mut ws).competitors.clear(); // 11 of 12 → 91 % → 25 × 9 % ≈ 2
        let h = health(&ws);
        let f = finding(&h, Rule::Completeness).expect("fires");
        assert_eq!(f.points_lost, 2);
        assert!(f.reason.contains("91 %") && f.reason.contains("Competitors"), "{}", f.reason);
        assert!(f.what_to_do.contains("Competitors (a competitor)"), "{}", f.what_to_do);
        assert_eq!(h.score, 98);

        // An empty dossier loses all 25.
        let mut ws = healthy();
        let keep = ws.dossiers[0].clone();
        ws.dossiers[0] = Dossier { account_id: keep.account_id, ..Default::default() };
        let f = finding(&health(&ws), Rule::Completeness).cloned().expect("fires");
        assert_eq!(f.points_lost, 25);
        assert!(f.reason.contains("0 %") && f.reason.contains("12 of 12 sections are empty"), "{}", f.reason);
    }

    #[test]
    fn no_economic_buyer_costs_15() {
        let mut ws = healthy();
        dossier_mut(&mut ws).people[0].role = DmuRole::Finance;
        let h = health(&ws);
        let f = finding(&h, Rule::EconomicBuyer).expect("fires");
        assert_eq!(f.points_lost, 15);
        assert!(f.reason.contains("None of the 2 people recorded at Acme Oy"), "{}", f.reason);
        assert_eq!(h.score, 85);
    }

    #[test]
    fn no_champion_costs_10_and_names_supporters_to_develop() {
        let mut ws = healthy();
        dossier_mut(&mut ws).people[1].attitude = Attitude::Neutral;
        let h = health(&ws);
        let f = finding(&h, Rule::Champion).expect("fires");
        assert_eq!(f.points_lost, 10);
        assert!(f.what_to_do.contains("Develop Jens Madsen"), "{}", f.what_to_do);
        assert_eq!(h.score, 90);
    }

    #[test]
    fn no_executive_sponsor_costs_10() {
        let mut ws = healthy();
        dossier_mut(&mut ws).executive_sponsor = "  ".into();
        let h = health(&ws);
        assert_eq!(finding(&h, Rule::ExecutiveSponsor).map(|f| f.points_lost), Some(10));
        assert_eq!(h.score, 90);
    }

    #[test]
    fn contact_older_than_90_days_or_none_costs_10() {
        let mut ws = healthy();
        // Exactly 90 days ago is still fresh.
        dossier_mut(&mut ws).people[0].last_contact = Some(today() - chrono::Days::new(90));
        assert!(finding(&health(&ws), Rule::ContactFreshness).is_none());
        dossier_mut(&mut ws).people[0].last_contact = Some(today() - chrono::Days::new(91));
        let h = health(&ws);
        let f = finding(&h, Rule::ContactFreshness).expect("fires");
        assert_eq!(f.points_lost, 10);
        assert!(f.reason.contains("with Jens Madsen on 2026-08-25, 91 days ago"), "{}", f.reason);
        assert!(f.what_to_do.contains("Jens Madsen"));
        // The latest contact of anyone counts.
        dossier_mut(&mut ws).people[1].last_contact = Some(date(2026, 11, 20));
        assert!(finding(&health(&ws), Rule::ContactFreshness).is_none());
        // No dates at all.
        for p in &mut dossier_mut(&mut ws).people {
            p.last_contact = None;
        }
        let f = finding(&health(&ws), Rule::ContactFreshness).cloned().expect("fires");
        assert!(f.reason.contains("No date of last contact"), "{}", f.reason);
    }

    #[test]
    fn plan_untouched_for_180_days_or_never_dated_costs_5() {
        let mut ws = healthy();
        dossier_mut(&mut ws).updated = Some(today() - chrono::Days::new(180));
        assert!(finding(&health(&ws), Rule::PlanFreshness).is_none());
        dossier_mut(&mut ws).updated = Some(today() - chrono::Days::new(181));
        let h = health(&ws);
        assert_eq!(finding(&h, Rule::PlanFreshness).map(|f| f.points_lost), Some(5));
        assert_eq!(h.score, 95);
        dossier_mut(&mut ws).updated = None;
        let f = finding(&health(&ws), Rule::PlanFreshness).cloned().expect("fires");
        assert!(f.reason.contains("no record"), "{}", f.reason);
    }

    #[test]
    fn overdue_actions_cost_5_each_up_to_15() {
        let mut ws = healthy();
        let act = |text: &str, due: NaiveDate, status: ActionStatus| Action { text: text.into(), owner: "Maria Lind".into(), due: Some(due), status };
        dossier_mut(&mut ws).actions = vec![
            act("Due today", today(), ActionStatus::Open),
            act("Done late", date(2026, 1, 1), ActionStatus::Done),
            act("Dropped", date(2026, 1, 1), ActionStatus::Dropped),
            act("Site visit", date(2026, 11, 10), ActionStatus::Open),
        ];
        let f = finding(&health(&ws), Rule::OverdueActions).cloned().expect("fires");
        assert_eq!(f.points_lost, 5);
        assert_eq!(f.reason, "1 action is overdue: \"Site visit\" (Maria Lind, due 2026-11-10).");
        for i in 0..4 {
            dossier_mut(&mut ws).actions.push(act(&format!("More {i}"), date(2026, 11, 23), ActionStatus::InProgress));
        }
        let f = finding(&health(&ws), Rule::OverdueActions).cloned().expect("fires");
        assert_eq!(f.points_lost, 15);
        assert!(f.reason.starts_with("5 actions are overdue"), "{}", f.reason);
    }

    #[test]
    fn unowned_contacts_cost_2_each_up_to_6() {
        let mut ws = healthy();
        let d = dossier_mut(&mut ws);
        d.people.push(person("Sofie Holm", DmuRole::Finance, Attitude::Neutral, " ", None));
        let f = finding(&health(&ws), Rule::UnownedContacts).cloned().expect("fires");
        assert_eq!(f.points_lost, 2);
        assert_eq!(f.reason, "1 contact at Acme Oy has nobody on our side who owns the relationship: Sofie Holm.");
        for n in ["A", "B", "C"] {
            dossier_mut(&mut ws).people.push(person(n, DmuRole::User, Attitude::Neutral, "", None));
        }
        let f = finding(&health(&ws), Rule::UnownedContacts).cloned().expect("fires");
        assert_eq!(f.points_lost, 6);
        assert!(f.reason.contains("Sofie Holm, A, B and C"), "{}", f.reason);
    }

    #[test]
    fn unnamed_people_are_ignored() {
        let mut ws = healthy();
        dossier_mut(&mut ws).people.push(Person::default());
        assert_eq!(health(&ws).score, 100);
    }

    #[test]
    fn relationship_through_one_owner_costs_10_and_says_who() {
        let mut ws = healthy();
        dossier_mut(&mut ws).people[1].our_owner = "maria  LIND".into();
        let h = health(&ws);
        let f = finding(&h, Rule::SinglePointOfContact).expect("fires");
        assert_eq!(f.points_lost, 10);
        assert_eq!(f.reason, "Nobody on our side but Maria Lind knows the 2 contacts (Jens Madsen and Anders Kjær) at Acme Oy.");
        assert!(f.what_to_do.contains("Maria Lind"));
        assert_eq!(h.score, 90);
    }

    #[test]
    fn one_owner_of_some_contacts_and_unowned_others_still_runs_through_one() {
        let mut ws = healthy();
        let d = dossier_mut(&mut ws);
        d.people[1].our_owner = String::new();
        d.people.push(person("Sofie Holm", DmuRole::Finance, Attitude::Neutral, "Maria Lind", None));
        let h = health(&ws);
        let f = finding(&h, Rule::SinglePointOfContact).expect("fires");
        assert!(f.reason.contains("Maria Lind knows 2 of the 3 contacts"), "{}", f.reason);
        assert!(finding(&h, Rule::UnownedContacts).is_some());
    }

    #[test]
    fn a_shared_owner_field_counts_both_people() {
        let mut ws = healthy();
        let d = dossier_mut(&mut ws);
        d.people[0].our_owner = "Maria Lind and Pekka Virtanen".into();
        d.people[1].our_owner = "Maria Lind".into();
        assert!(finding(&health(&ws), Rule::SinglePointOfContact).is_none());
        assert_eq!(owner_names("Maria Lind, Pekka / Jonas & Anu + Ott AND Eva"), vec!["Maria Lind", "Pekka", "Jonas", "Anu", "Ott", "Eva"]);
        assert_eq!(owner_names("Sandra Anderson"), vec!["Sandra Anderson"], "'and' only splits as a word");
        assert!(owner_names("  ").is_empty());
    }

    #[test]
    fn one_person_on_our_side_at_all_costs_10() {
        let mut ws = healthy();
        let d = dossier_mut(&mut ws);
        d.people.truncate(1); // one contact, owned by Maria Lind
        d.team.truncate(1); // Maria Lind
        let h = health(&ws);
        let f = finding(&h, Rule::SinglePointOfContact).expect("fires");
        assert_eq!(f.reason, "Maria Lind is the only person on our side working with Acme Oy, and the only one who knows Jens Madsen.");
        // A second team member is enough.
        dossier_mut(&mut ws).team.push(TeamMember { name: "Jonas Ek".into(), ..Default::default() });
        assert!(finding(&health(&ws), Rule::SinglePointOfContact).is_none());
    }

    #[test]
    fn nobody_on_our_side_also_fires() {
        let mut ws = healthy();
        ws.accounts[0].manager.clear();
        let d = dossier_mut(&mut ws);
        d.team.clear();
        for p in &mut d.people {
            p.our_owner.clear();
        }
        let f = finding(&health(&ws), Rule::SinglePointOfContact).cloned().expect("fires");
        assert!(f.reason.starts_with("Nobody on our side is named for Acme Oy"), "{}", f.reason);
    }

    #[test]
    fn status_at_risk_costs_10_and_lost_20() {
        let mut ws = healthy();
        dossier_mut(&mut ws).status = AccountStatus::AtRisk;
        assert_eq!(health(&ws).score, 90);
        dossier_mut(&mut ws).status = AccountStatus::Lost;
        let h = health(&ws);
        assert_eq!(h.score, 80);
        assert!(finding(&h, Rule::Status).is_some_and(|f| f.what_to_do.contains("win-back")));
        dossier_mut(&mut ws).winback_plan = "Special offer on service".into();
        let h = health(&ws);
        assert_eq!(finding(&h, Rule::Status).map(|f| f.what_to_do.as_str()), Some("Work the win-back plan: Special offer on service"));
    }

    #[test]
    fn a_missing_dossier_is_judged_as_an_empty_one_and_never_goes_below_zero() {
        let mut ws = healthy();
        let id = ws.dossiers[0].account_id.clone();
        ws.dossiers.clear();
        let missing = health(&ws);
        ws.dossiers.push(Dossier::new(&id));
        let empty = health(&ws);
        assert_eq!(missing, empty);
        let rules: Vec<Rule> = missing.findings.iter().map(|f| f.rule).collect();
        assert_eq!(
            rules,
            vec![Rule::Completeness, Rule::EconomicBuyer, Rule::Champion, Rule::ExecutiveSponsor, Rule::ContactFreshness, Rule::PlanFreshness, Rule::SinglePointOfContact]
        );
        // 25+15+10+10+10+5+10 = 85.
        assert_eq!(missing.score, 15);
        // Everything at once: well past 100 points, clamped to 0.
        let d = dossier_mut(&mut ws);
        d.status = AccountStatus::Lost;
        d.people = vec![person("A", DmuRole::User, Attitude::Neutral, "", None), person("B", DmuRole::User, Attitude::Neutral, "", None), person("C", DmuRole::User, Attitude::Neutral, "", None)];
        d.actions = (0..3).map(|i| Action { text: format!("a{i}"), due: Some(date(2020, 1, 1)), ..Default::default() }).collect();
        let h = health(&ws);
        assert!(h.points_lost() > 100);
        assert_eq!(h.score, 0);
    }

    #[test]
    fn unknown_account_id_does_not_panic() {
        let h = account_health(&Workspace::default(), "ghost", today());
        assert!(h.score < 100);
        assert!(h.findings[0].reason.contains("ghost"));
    }

    #[test]
    fn demo_accounts_have_explained_scores() {
        let ws = crate::demo::demo_workspace();
        let id = |name: &str| ws.accounts.iter().find(|a| a.name == name).map(|a| a.id.clone()).expect("demo account");
        let nordhavn = account_health(&ws, &id("Nordhavn Logistics A/S"), today());
        let rules: Vec<Rule> = nordhavn.findings.iter().map(|f| f.rule).collect();
        // Decider, champion, sponsor and two owners are there; dates of contact and of the plan are
        // not, and the Oslo site visit was due on 10 November.
        assert_eq!(rules, vec![Rule::Completeness, Rule::ContactFreshness, Rule::PlanFreshness, Rule::OverdueActions]);
        assert!(nordhavn.findings[3].reason.contains("Site visit in Oslo with Anders Kjær"));
        assert_eq!(nordhavn.score, 100 - nordhavn.points_lost());

        let helsinki = account_health(&ws, &id("Helsinki Medical Supplies Oy"), today());
        let f = finding(&helsinki, Rule::SinglePointOfContact).expect("Pekka owns both contacts");
        assert_eq!(f.reason, "Nobody on our side but Pekka Virtanen knows the 2 contacts (Liisa Korhonen and Mikko Laine) at Helsinki Medical Supplies Oy.");

        let baltic = account_health(&ws, &id("Baltic Timber Group"), today());
        assert!(finding(&baltic, Rule::ExecutiveSponsor).is_some());
        assert!(finding(&baltic, Rule::SinglePointOfContact).is_some_and(|f| f.reason.starts_with("Maria Lind is the only person")));
        assert!(baltic.score < nordhavn.score);
    }

    #[test]
    fn demo_knowledge_concentration() {
        let ws = crate::demo::demo_workspace();
        let items = knowledge_concentration(&ws);
        let first = &items[0];
        assert_eq!(first.kind, ConcentrationKind::OnlyOneKnows);
        // Maria Lind alone knows Jens Madsen, Sofie Holm (Nordhavn) and Ilze Kalniņa (Baltic Timber).
        assert_eq!(first.person, "Maria Lind");
        assert_eq!(first.contacts.len(), 3);
        assert_eq!(
            first.reason,
            "Only Maria Lind knows 3 contacts at 2 key accounts: Ilze Kalniņa (Baltic Timber Group); Jens Madsen and Sofie Holm (Nordhavn Logistics A/S)."
        );
        let pekka = items.iter().find(|i| i.kind == ConcentrationKind::OnlyOneKnows && i.person == "Pekka Virtanen").expect("Pekka");
        assert_eq!(pekka.contacts.len(), 3, "Anders Kjær, Liisa Korhonen, Mikko Laine");
        let single: Vec<&str> = items
            .iter()
            .filter(|i| i.kind == ConcentrationKind::SinglePointOfContact)
            .map(|i| ws.account(&i.account_ids[0]).map_or("", |a| a.name.as_str()))
            .collect();
        // Nordhavn has two people on our side; every other demo key account runs through one.
        assert_eq!(
            single,
            vec!["Baltic Timber Group", "Helsinki Medical Supplies Oy", "Kraków Automotive Parts", "Tartu Software Partners OÜ", "Uppsala BioLabs AB"]
        );
        let krakow = items.iter().find(|i| i.account_ids == vec!["kraków automotive parts".to_string()]).expect("Kraków");
        assert_eq!(krakow.person, "Maria Lind");
        assert!(krakow.reason.contains("no customer contacts are recorded"), "{}", krakow.reason);
    }

    #[test]
    fn concentration_ignores_accounts_that_are_not_key() {
        let mut ws = healthy();
        ws.accounts[0].is_key = false;
        assert!(knowledge_concentration(&ws).is_empty());
        assert!(knowledge_concentration(&Workspace::default()).is_empty());
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
        ) {
            let mut ws = healthy();
            let d = dossier_mut(&mut ws);
            d.people = people;
            d.executive_sponsor = if sponsor { "CEO".into() } else { String::new() };
            d.status = status;
            d.actions = (0..overdue).map(|i| Action { text: format!("a{i}"), due: Some(date(2026, 1, 1)), ..Default::default() }).collect();
            d.updated = updated_ago.map(|n| today() - chrono::Days::new(n));
            d.team = team.into_iter().map(|n| TeamMember { name: n.into(), ..Default::default() }).collect();
            let h = health(&ws);
            prop_assert!(h.score <= 100);
            prop_assert_eq!(h.score, 100u32.saturating_sub(h.points_lost()));
            let mut seen = std::collections::HashSet::new();
            for f in &h.findings {
                prop_assert!(f.points_lost >= 1 && f.points_lost <= f.rule.max_points(), "{:?}", f);
                prop_assert!(seen.insert(f.rule), "each rule fires at most once");
                prop_assert!(!f.reason.is_empty() && !f.what_to_do.is_empty());
            }
            let order: Vec<Rule> = h.findings.iter().map(|f| f.rule).collect();
            let mut sorted = order.clone();
            sorted.sort();
            prop_assert_eq!(order, sorted, "findings follow Rule::ALL order");
        }
    }
}
