use super::aftersale::{Complaint, Promise, ReferenceRequest};
use super::closed_list::closed_list;
pub use super::lists::*;
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;

/// A person on the customer's side who matters for the relationship. Fields under "personal"
/// are removed from exports "without personal details".
/// Read through [`PersonRecord`](super::restore::PersonRecord), which keeps a first-release
/// free-text role or attitude.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "super::restore::PersonRecord")]
pub struct Person {
    /// Unique within the dossier; `reports_to` points at it. 0 = not yet numbered (older data).
    pub id: u32,
    /// Stable id across copies of the plan: the people list merges as a set by it (`id` is only
    /// unique within one copy). Empty in older data until [`Dossier::assign_ids`] gives one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub uid: String,
    pub name: String,
    pub title: String,
    pub reports_to: Option<u32>,
    pub role: DmuRole,
    /// Influence on the decision, 1 (little) to 5 (decisive).
    pub influence: Option<u8>,
    pub attitude: Attitude,
    pub expectations: String,
    pub last_contact: Option<NaiveDate>,
    /// Who on our side owns the relationship with this person.
    pub our_owner: String,
    // Personal details.
    /// Birthday as `YYYY-MM-DD`, or `--MM-DD` when the year is not known.
    pub birthday: String,
    pub family: String,
    pub hobbies: String,
    pub values: String,
    pub phone: String,
    pub email: String,
    /// Private notes (older files: hobbies, family and values written together).
    pub personal_notes: String,
}

impl Person {
    /// Month and day of the birthday, if one is written in a form the app understands.
    pub fn birthday_month_day(&self) -> Option<(u32, u32)> {
        parse_birthday(&self.birthday)
    }
}

/// `YYYY-MM-DD`, `--MM-DD` or `MM-DD` → (month, day); 29 February is valid without a year.
pub fn parse_birthday(text: &str) -> Option<(u32, u32)> {
    let t = text.trim();
    let md = if let Some(rest) = t.strip_prefix("--") {
        rest
    } else if t.len() == 10 {
        t.parse::<NaiveDate>().ok()?;
        &t[5..]
    } else {
        t
    };
    let (m, d) = md.split_once('-')?;
    let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
    // 2000 is a leap year, so 29 February passes.
    NaiveDate::from_ymd_opt(2000, m, d).map(|_| (m, d))
}

/// A competitor trying to win the account. Older files stored only the name, as a string.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Competitor {
    /// Stable id of the item: lists merge as sets by it (`crate::merge`). Empty in older data until
    /// [`Dossier::assign_ids`] gives one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub name: String,
    /// What they sell in to this account.
    pub offering: String,
    pub position: String,
    pub strengths: String,
    pub threats: String,
}

impl<'de> Deserialize<'de> for Competitor {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(default)]
        #[derive(Default)]
        struct Full {
            id: String,
            name: String,
            offering: String,
            position: String,
            strengths: String,
            threats: String,
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Either {
            Name(String),
            Full(Full),
        }
        Ok(match Either::deserialize(d)? {
            Either::Name(name) => Competitor { name, ..Default::default() },
            Either::Full(f) => Competitor {
                id: f.id,
                name: f.name,
                offering: f.offering,
                position: f.position,
                strengths: f.strengths,
                threats: f.threats,
            },
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TimelineEvent {
    /// Stable id of the item: lists merge as sets by it (`crate::merge`). Empty in older data until
    /// [`Dossier::assign_ids`] gives one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub date: Option<NaiveDate>,
    pub kind: EventKind,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Pestel {
    pub political: String,
    pub economic: String,
    pub social: String,
    pub technological: String,
    pub environmental: String,
    pub legal: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Swot {
    pub strengths: String,
    pub weaknesses: String,
    pub opportunities: String,
    pub threats: String,
}

/// One cell of the whitespace grid.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WhitespaceCell {
    /// Stable id of the item: lists merge as sets by it (`crate::merge`). Empty in older data until
    /// [`Dossier::assign_ids`] gives one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub offering: String,
    pub unit: String,
    pub state: CellState,
    /// Potential yearly revenue of the cell, when known.
    pub potential: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TeamMember {
    /// Stable id of the item: lists merge as sets by it (`crate::merge`). Empty in older data until
    /// [`Dossier::assign_ids`] gives one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub name: String,
    pub responsibility: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Objective {
    /// Stable id of the item: lists merge as sets by it (`crate::merge`). Empty in older data until
    /// [`Dossier::assign_ids`] gives one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub text: String,
    /// How success is measured.
    pub measure: String,
    pub due: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Action {
    /// Stable id of the item: lists merge as sets by it (`crate::merge`). Empty in older data until
    /// [`Dossier::assign_ids`] gives one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub text: String,
    pub owner: String,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
}

/// The inputs of the account's metrics; revenue and profit come from the order history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Metrics {
    /// Yearly cost to serve the account (account team, logistics, special terms).
    pub cost_to_serve: Option<f64>,
    /// Expected yearly margin; empty = the window's profit minus the cost to serve.
    pub yearly_margin: Option<f64>,
    /// Chance the account stays from one year to the next, in percent.
    pub retention_pct: f64,
    /// Discount rate per year, in percent.
    pub discount_pct: f64,
    pub horizon_years: u32,
    /// The customer's total yearly spend in our categories, when known (share of wallet).
    pub wallet: Option<f64>,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics {
            cost_to_serve: None,
            yearly_margin: None,
            retention_pct: 85.0,
            discount_pct: 8.0,
            horizon_years: 5,
            wallet: None,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Tender {
    /// Stable id of the item: lists merge as sets by it (`crate::merge`). Empty in older data until
    /// [`Dossier::assign_ids`] gives one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub title: String,
    /// The tender's submission date; preparation starts 9 months before.
    pub date: Option<NaiveDate>,
    pub notes: String,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Proposal {
    /// Stable id of the item: lists merge as sets by it (`crate::merge`). Empty in older data until
    /// [`Dossier::assign_ids`] gives one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub title: String,
    pub value: Option<f64>,
    pub sent: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    /// The customer confirmed receipt (no follow-up call needed).
    pub receipt_confirmed: bool,
    pub next_steps: String,
    /// What makes it urgent for the customer.
    pub urgency: String,
    /// The date agreed for the next call or meeting.
    pub agreed_date: Option<NaiveDate>,
    pub outcome: Outcome,
}

/// A recurring governance meeting or review of the annual calendar ("annual clock").
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Meeting {
    /// Stable id of the item: lists merge as sets by it (`crate::merge`). Empty in older data until
    /// [`Dossier::assign_ids`] gives one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub title: String,
    /// Month of the year, 1–12.
    pub month: u32,
    /// Day of the month, when fixed.
    pub day: Option<u32>,
    pub with: String,
}

/// A promotion to key status or a demotion, with who decided and why. Kept for good.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyDecision {
    /// Stable id of the item: lists merge as sets by it (`crate::merge`). Empty in older data until
    /// [`Dossier::assign_ids`] gives one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub date: NaiveDate,
    /// Defaults: a lean record leaves empty values out (`crate::merge`).
    #[serde(default)]
    pub promoted: bool,
    #[serde(default)]
    pub by: String,
    #[serde(default)]
    pub why: String,
}

/// Why a promotion or demotion is not recorded (nothing is changed). The words are the app's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionError {
    /// Who decided, or why, is not said: a decision is kept for good, so both must be.
    Unexplained { promoted: bool },
    /// The account is no longer in the workspace (removed in another tab?).
    AccountGone,
}

impl KeyDecision {
    /// A decision taken on `date` to promote (`promoted`) or demote an account, by `by`, for
    /// `why` (both trimmed). Refused when either is blank: the decision stays in the account's
    /// history, and a decision nobody owns or explains is worth nothing there.
    pub fn new(date: NaiveDate, promoted: bool, by: &str, why: &str) -> Result<KeyDecision, DecisionError> {
        let (by, why) = (by.trim(), why.trim());
        if by.is_empty() || why.is_empty() {
            return Err(DecisionError::Unexplained { promoted });
        }
        Ok(KeyDecision { id: String::new(), date, promoted, by: by.into(), why: why.into() })
    }

    /// The same, for an account of `ws`: refused also when `account_id` is no longer there.
    pub fn for_account(
        ws: &super::Workspace,
        account_id: &str,
        date: NaiveDate,
        promoted: bool,
        by: &str,
        why: &str,
    ) -> Result<KeyDecision, DecisionError> {
        let decision = KeyDecision::new(date, promoted, by, why)?;
        if ws.account(account_id).is_none() {
            return Err(DecisionError::AccountGone);
        }
        Ok(decision)
    }
}

/// The three P's of a prospect: need, solvency, power. `None` = not yet judged.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ThreePs {
    pub need: Option<bool>,
    pub need_note: String,
    pub solvency: Option<bool>,
    pub solvency_note: String,
    pub power: Option<bool>,
    pub power_note: String,
}

impl ThreePs {
    /// `Some(true)` when all three are met, `Some(false)` when one is not, `None` while any is open.
    pub fn verdict(&self) -> Option<bool> {
        let all = [self.need, self.solvency, self.power];
        if all.contains(&Some(false)) {
            Some(false)
        } else if all.iter().all(|p| *p == Some(true)) {
            Some(true)
        } else {
            None
        }
    }
}

/// The account plan of one key (or candidate) account (docs/model.md section 4).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Dossier {
    pub account_id: String,
    // General.
    pub overview: String,
    pub employees: Option<u32>,
    pub history: String,
    pub organisation: String,
    pub market: String,
    pub financials: String,
    // Qualification.
    pub reasons: Vec<KeyReason>,
    /// A short justification per reason.
    pub justifications: BTreeMap<KeyReason, String>,
    pub three_ps: ThreePs,
    pub decisions: Vec<KeyDecision>,
    // Relationship.
    pub timeline: Vec<TimelineEvent>,
    pub people: Vec<Person>,
    pub competitors: Vec<Competitor>,
    // Analysis.
    pub goals: String,
    pub market_situation: String,
    pub pestel: Pestel,
    pub swot: Swot,
    // Strategy.
    pub strategy: String,
    pub offerings: Vec<String>,
    pub units: Vec<String>,
    pub whitespace: Vec<WhitespaceCell>,
    // Team.
    /// The executive sponsor from our top management.
    pub executive_sponsor: String,
    pub team: Vec<TeamMember>,
    // Plan.
    pub objectives: Vec<Objective>,
    pub actions: Vec<Action>,
    pub meetings: Vec<Meeting>,
    pub metrics: Metrics,
    pub tenders: Vec<Tender>,
    pub proposals: Vec<Proposal>,
    // Status.
    pub status: AccountStatus,
    pub lost_criterion: String,
    pub winback_plan: String,
    // Portfolio matrix.
    /// Score 0–10 per attractiveness factor name.
    pub attractiveness: BTreeMap<String, u8>,
    /// Score 0–10 per relative-strength factor name.
    pub strength: BTreeMap<String, u8>,
    pub stage: RelationshipStage,
    /// When the dossier was last changed (ISO date), for freshness.
    pub updated: Option<NaiveDate>,
    // After-sale (appended last: older files and records simply lack them).
    #[serde(default)]
    pub complaints: Vec<Complaint>,
    #[serde(default)]
    pub references: Vec<ReferenceRequest>,
    #[serde(default)]
    pub promises: Vec<Promise>,
}

/// FNV-1a, 64 bit: a short, stable digest for ids derived from content (not a security hash).
pub(crate) fn fnv64(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

closed_list! {
    /// The dossier's sections, in the order the page shows them. Adding a section is one line
    /// here plus its fill rule in [`Dossier::section_filled`] (the compiler asks for it), its
    /// words and its view; the count of sections and the completeness follow from `ALL`.
    pub enum Section {
        General = "general",
        Qualification = "qualification",
        Timeline = "timeline",
        People = "people",
        Competitors = "competitors",
        Analysis = "analysis",
        Strategy = "strategy",
        Team = "team",
        Plan = "plan",
        Metrics = "metrics",
        Tenders = "tenders",
        AfterSale = "after_sale",
        Status = "status",
    }
}

fn filled(s: &str) -> bool {
    !s.trim().is_empty()
}

impl Dossier {
    pub fn new(account_id: &str) -> Self {
        Dossier { account_id: account_id.to_string(), ..Default::default() }
    }

    /// Whether a section holds enough to be called filled: its core, the one thing a workshop
    /// would write first. (What a section still needs, in words, is the app's to say.)
    pub fn section_filled(&self, section: Section) -> bool {
        match section {
            Section::General => filled(&self.overview) || filled(&self.history) || filled(&self.organisation),
            Section::Qualification => {
                self.reasons.iter().any(|r| self.justifications.get(r).is_some_and(|j| filled(j)))
            }
            Section::Timeline => self.timeline.iter().any(|e| e.date.is_some() && filled(&e.text)),
            Section::People => self.people.iter().any(|p| filled(&p.name)),
            Section::Competitors => self.competitors.iter().any(|c| filled(&c.name)),
            Section::Analysis => {
                let p = &self.pestel;
                let s = &self.swot;
                [
                    &self.goals,
                    &self.market_situation,
                    &p.political,
                    &p.economic,
                    &p.social,
                    &p.technological,
                    &p.environmental,
                    &p.legal,
                    &s.strengths,
                    &s.weaknesses,
                    &s.opportunities,
                    &s.threats,
                ]
                .iter()
                .any(|t| filled(t))
            }
            Section::Strategy => {
                filled(&self.strategy) || self.whitespace.iter().any(|c| c.state != CellState::Unknown)
            }
            Section::Team => filled(&self.executive_sponsor) || self.team.iter().any(|m| filled(&m.name)),
            Section::Plan => {
                self.objectives.iter().any(|o| filled(&o.text)) || self.actions.iter().any(|a| filled(&a.text))
            }
            Section::Metrics => {
                self.metrics.cost_to_serve.is_some()
                    || self.metrics.yearly_margin.is_some()
                    || self.metrics.wallet.is_some()
            }
            Section::Tenders => {
                self.tenders.iter().any(|t| filled(&t.title)) || self.proposals.iter().any(|p| filled(&p.title))
            }
            Section::AfterSale => {
                self.complaints.iter().any(|c| c.date.is_some() || filled(&c.text))
                    || self.references.iter().any(|r| r.asked_on.is_some() || filled(&r.from_whom))
                    || self.promises.iter().any(|p| filled(&p.text))
            }
            Section::Status => {
                self.status != AccountStatus::Active
                    || filled(&self.winback_plan)
                    || self.stage != RelationshipStage::Unknown
            }
        }
    }

    /// The sections not yet filled, in page order.
    pub fn missing_sections(&self) -> Vec<Section> {
        Section::ALL.iter().copied().filter(|s| !self.section_filled(*s)).collect()
    }

    /// How many sections are filled, out of how many.
    pub fn filled_parts(&self) -> (usize, usize) {
        let n = Section::ALL.iter().filter(|s| self.section_filled(**s)).count();
        (n, Section::ALL.len())
    }

    /// Completeness in whole percent.
    pub fn completeness_pct(&self) -> u32 {
        let (n, total) = self.filled_parts();
        (n * 100 / total) as u32
    }

    /// Marks the dossier as changed on `today` (for freshness). Every stored change of a
    /// dossier calls this once, with the app's one reading of the clock for that change.
    pub fn touch(&mut self, today: NaiveDate) {
        self.updated = Some(today);
    }

    /// Gives every list item that has no id one, and a second item with an id already used in
    /// its list a new one, so that each list merges as a set of items (`crate::merge`).
    ///
    /// `fresh` is `Some(seed)` for items added here and now (the write path passes its clock's
    /// device and time, so that two people adding an item at the same place get two items).
    /// `None` derives ids from the account, the list and the item's natural key (a person's or
    /// competitor's name, an action's text, a cell's offering and unit…), for data read without
    /// ids (files of versions 1–2, older records): two people reading old copies of one plan get
    /// the same ids for the same items, so those merge field by field (as the format-2 merge
    /// matched them); an item renamed in one old copy stays apart, never lost.
    pub fn assign_ids(&mut self, fresh: Option<&str>) {
        let account = self.account_id.clone();
        let mut made = 0usize;
        let mut id_for = |list: &str, natural: String| match fresh {
            Some(seed) => {
                made += 1;
                format!("{seed}.{made}")
            }
            None => format!("{:016x}", fnv64(&format!("{account}\u{1f}{list}\u{1f}{natural}"))),
        };
        fn fill<T>(
            items: &mut [T],
            list: &str,
            id: fn(&mut T) -> &mut String,
            natural: fn(&T) -> String,
            id_for: &mut impl FnMut(&str, String) -> String,
        ) {
            let mut used = std::collections::HashSet::new();
            for item in items.iter_mut() {
                let taken = !id(item).is_empty() && !used.insert(id(item).clone());
                if id(item).is_empty() || taken {
                    let mut new = id_for(list, natural(item));
                    while !used.insert(new.clone()) {
                        new.push('~');
                    }
                    *id(item) = new;
                }
            }
        }
        fill(&mut self.people, "people", |p| &mut p.uid, |p| p.name.trim().to_lowercase(), &mut id_for);
        fill(&mut self.competitors, "competitors", |c| &mut c.id, |c| c.name.trim().to_lowercase(), &mut id_for);
        fill(
            &mut self.timeline,
            "timeline",
            |e| &mut e.id,
            |e| format!("{}\u{1f}{}", e.date.map(|d| d.to_string()).unwrap_or_default(), e.text),
            &mut id_for,
        );
        fill(
            &mut self.whitespace,
            "whitespace",
            |c| &mut c.id,
            |c| format!("{}\u{1f}{}", c.offering, c.unit),
            &mut id_for,
        );
        fill(&mut self.team, "team", |m| &mut m.id, |m| m.name.trim().to_lowercase(), &mut id_for);
        fill(&mut self.objectives, "objectives", |o| &mut o.id, |o| o.text.clone(), &mut id_for);
        fill(&mut self.actions, "actions", |a| &mut a.id, |a| a.text.clone(), &mut id_for);
        fill(&mut self.meetings, "meetings", |m| &mut m.id, |m| format!("{}\u{1f}{}", m.title, m.month), &mut id_for);
        fill(&mut self.tenders, "tenders", |t| &mut t.id, |t| t.title.clone(), &mut id_for);
        fill(&mut self.proposals, "proposals", |p| &mut p.id, |p| p.title.clone(), &mut id_for);
        fill(
            &mut self.decisions,
            "decisions",
            |x| &mut x.id,
            |x| format!("{}\u{1f}{}\u{1f}{}", x.date, x.promoted, x.by),
            &mut id_for,
        );
    }

    /// Changes the people list (add, remove, relink) and keeps its numbering: the one way an
    /// edit changes who is in the list.
    pub fn change_people(&mut self, change: impl FnOnce(&mut Vec<Person>)) {
        change(&mut self.people);
        self.number_people();
    }

    /// Gives every person a unique, non-zero id (older data had none) and drops `reports_to`
    /// links that point at nobody or at the person themselves. Ids already in use are kept.
    /// Run by [`restore_dossier`](super::restore::restore_dossier) and [`Dossier::change_people`].
    pub(crate) fn number_people(&mut self) {
        let mut seen = std::collections::HashSet::new();
        let mut next = self.people.iter().map(|p| p.id).max().unwrap_or(0);
        for p in &mut self.people {
            if p.id == 0 || !seen.insert(p.id) {
                next += 1;
                p.id = next;
                seen.insert(p.id);
            }
        }
        let ids: std::collections::HashSet<u32> = self.people.iter().map(|p| p.id).collect();
        for p in &mut self.people {
            if p.reports_to.is_some_and(|r| r == p.id || !ids.contains(&r)) {
                p.reports_to = None;
            }
        }
    }

    /// Gives every after-sale item a unique id (see [`number_items`](super::aftersale::number_items)).
    /// Run by [`restore_dossier`](super::restore::restore_dossier).
    pub(crate) fn number_item_ids(&mut self) {
        super::aftersale::number_items(&mut self.complaints, |c| &mut c.id);
        super::aftersale::number_items(&mut self.references, |r| &mut r.id);
        super::aftersale::number_items(&mut self.promises, |p| &mut p.id);
    }

    /// The whitespace cell for an offering and unit, if one is recorded.
    pub fn cell(&self, offering: &str, unit: &str) -> Option<&WhitespaceCell> {
        self.whitespace.iter().find(|c| c.offering == offering && c.unit == unit)
    }

    /// Sets a whitespace cell, creating it if needed.
    pub fn set_cell(&mut self, offering: &str, unit: &str, change: impl FnOnce(&mut WhitespaceCell)) {
        if let Some(c) = self.whitespace.iter_mut().find(|c| c.offering == offering && c.unit == unit) {
            change(c);
        } else {
            let mut c = WhitespaceCell { offering: offering.into(), unit: unit.into(), ..Default::default() };
            change(&mut c);
            self.whitespace.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_dossier_has_nothing_filled() {
        let d = Dossier::new("x");
        assert_eq!(d.filled_parts(), (0, Section::ALL.len()));
        assert_eq!(d.completeness_pct(), 0);
        for s in Section::ALL {
            assert!(!d.section_filled(*s), "{s:?}");
        }
        assert_eq!(d.missing_sections(), Section::ALL);
    }

    #[test]
    fn one_field_per_section_fills_every_section() {
        let mut d = Dossier::new("x");
        d.overview = "Logistics".into();
        d.reasons.push(KeyReason::Partner);
        d.justifications.insert(KeyReason::Partner, "Shares its 3-year plan".into());
        d.timeline.push(TimelineEvent {
            id: Default::default(),
            date: NaiveDate::from_ymd_opt(2025, 1, 2),
            kind: EventKind::Win,
            text: "Framework deal".into(),
        });
        d.people.push(Person { name: "Ann".into(), ..Default::default() });
        d.competitors.push(Competitor { name: "Rival".into(), ..Default::default() });
        d.swot.strengths = "Brand".into();
        d.set_cell("Pallets", "Retail", |c| c.state = CellState::Opportunity);
        d.executive_sponsor = "CEO".into();
        d.actions.push(Action { text: "Call".into(), ..Default::default() });
        d.metrics.cost_to_serve = Some(1.0);
        d.proposals.push(Proposal { title: "Offer".into(), ..Default::default() });
        d.stage = RelationshipStage::Basic;
        assert_eq!(d.filled_parts(), (Section::ALL.len() - 1, Section::ALL.len()));
        d.promises.push(Promise { text: "Spare parts in 48 h".into(), ..Default::default() });
        assert_eq!(d.filled_parts(), (Section::ALL.len(), Section::ALL.len()));
        assert!(d.missing_sections().is_empty());
        assert_eq!(d.completeness_pct(), 100);
    }

    #[test]
    fn after_sale_is_filled_by_a_dated_complaint_an_asked_reference_or_a_promise() {
        let mut d = Dossier::new("x");
        d.complaints.push(Complaint::default());
        d.references.push(ReferenceRequest::default());
        d.promises.push(Promise { text: " ".into(), ..Default::default() });
        assert!(!d.section_filled(Section::AfterSale), "blank rows do not fill it");
        d.complaints[0].date = NaiveDate::from_ymd_opt(2026, 3, 1);
        assert!(d.section_filled(Section::AfterSale));
        d.complaints.clear();
        d.references[0].from_whom = "Jens Madsen".into();
        assert!(d.section_filled(Section::AfterSale));
        assert_eq!(Section::ALL.len(), 13);
    }

    #[test]
    fn a_reason_without_justification_does_not_fill_qualification() {
        let mut d = Dossier::new("x");
        d.reasons.push(KeyReason::Partner);
        assert!(!d.section_filled(Section::Qualification));
        d.justifications.insert(KeyReason::Partner, "  ".into());
        assert!(!d.section_filled(Section::Qualification));
        d.justifications.insert(KeyReason::Partner, "Joint roadmap".into());
        assert!(d.section_filled(Section::Qualification));
    }

    #[test]
    fn a_decision_needs_who_and_why() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 14).unwrap();
        assert_eq!(
            KeyDecision::new(day, true, "  ", "Joint roadmap"),
            Err(DecisionError::Unexplained { promoted: true })
        );
        assert_eq!(KeyDecision::new(day, false, "Board", "\t"), Err(DecisionError::Unexplained { promoted: false }));
        let d = KeyDecision::new(day, true, " Board ", " Joint roadmap ").unwrap();
        assert_eq!(
            d,
            KeyDecision {
                id: Default::default(),
                date: day,
                promoted: true,
                by: "Board".into(),
                why: "Joint roadmap".into()
            }
        );
    }

    #[test]
    fn a_decision_for_an_account_no_longer_there_is_refused_after_who_and_why() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 14).unwrap();
        let mut ws = super::super::Workspace::default();
        let id = ws.add_account("Nordhavn").unwrap().id.clone();
        assert_eq!(KeyDecision::for_account(&ws, "gone", day, true, "Board", "Why"), Err(DecisionError::AccountGone));
        assert_eq!(
            KeyDecision::for_account(&ws, "gone", day, true, "", "Why"),
            Err(DecisionError::Unexplained { promoted: true })
        );
        assert!(KeyDecision::for_account(&ws, &id, day, false, "Board", "Why").is_ok_and(|d| !d.promoted));
    }

    #[test]
    fn touching_a_dossier_stamps_the_day() {
        let mut d = Dossier::new("x");
        let day = NaiveDate::from_ymd_opt(2026, 3, 14).unwrap();
        d.touch(day);
        assert_eq!(d.updated, Some(day));
    }

    #[test]
    fn reasons_serialise_in_snake_case() {
        let json = serde_json::to_string(&KeyReason::MoreCompetent).unwrap();
        assert_eq!(json, "\"more_competent\"");
    }

    #[test]
    fn version_one_dossiers_still_read() {
        // The shape files of format version 1 carried: strings for role, attitude and competitors.
        let json = r#"{"account_id":"a","overview":"o","employees":5,"reasons":["partner"],"executive_sponsor":"CEO",
            "people":[{"name":"Jens","title":"COO","role":"Decider","attitude":"Supporter","our_owner":"Maria","birthday":"1971-03-14","personal_notes":"Sails"}],
            "competitors":["LogiNord"]}"#;
        let d: Dossier = serde_json::from_str(json).unwrap();
        assert_eq!(d.people[0].role, DmuRole::EconomicBuyer);
        assert_eq!(d.people[0].attitude, Attitude::Supporter);
        assert_eq!(d.competitors[0].name, "LogiNord");
        assert_eq!(d.metrics, Metrics::default());
        let again: Dossier = serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
        assert_eq!(again, d);
    }

    #[test]
    fn choices_parse_ids_and_old_text() {
        for r in DmuRole::ALL {
            assert_eq!(DmuRole::parse(r.id()), *r);
        }
        for a in Attitude::ALL {
            assert_eq!(Attitude::parse(a.id()), *a);
        }
        assert_eq!(DmuRole::parse("Technical evaluator"), DmuRole::TechnicalEvaluator);
        assert_eq!(DmuRole::parse("  CFO "), DmuRole::Finance);
        assert_eq!(Attitude::parse("something else"), Attitude::Unknown);
        assert_eq!(CellState::parse("in_progress"), CellState::InProgress);
    }

    #[test]
    fn birthdays_with_and_without_year() {
        assert_eq!(parse_birthday("1980-02-29"), Some((2, 29)));
        assert_eq!(parse_birthday("--02-29"), Some((2, 29)));
        assert_eq!(parse_birthday("12-31"), Some((12, 31)));
        assert_eq!(parse_birthday("1981-02-29"), None, "no 29 February in 1981");
        assert_eq!(parse_birthday("--02-30"), None);
        assert_eq!(parse_birthday("soon"), None);
        assert_eq!(parse_birthday(""), None);
    }

    #[test]
    fn people_get_unique_ids_and_broken_links_go() {
        let mut d = Dossier::new("x");
        d.people = vec![
            Person { id: 0, name: "A".into(), ..Default::default() },
            Person { id: 4, name: "B".into(), reports_to: Some(4), ..Default::default() },
            Person { id: 4, name: "C".into(), reports_to: Some(99), ..Default::default() },
            Person { id: 0, name: "D".into(), reports_to: Some(4), ..Default::default() },
        ];
        d.number_people();
        let ids: Vec<u32> = d.people.iter().map(|p| p.id).collect();
        assert_eq!(ids, vec![5, 4, 6, 7]);
        assert_eq!(d.people[1].reports_to, None, "a person cannot report to themselves");
        assert_eq!(d.people[2].reports_to, None, "nobody has id 99");
        assert_eq!(d.people[3].reports_to, Some(4));
    }

    #[test]
    fn three_ps_verdict() {
        let mut p = ThreePs::default();
        assert_eq!(p.verdict(), None);
        p.need = Some(true);
        p.solvency = Some(true);
        assert_eq!(p.verdict(), None);
        p.power = Some(true);
        assert_eq!(p.verdict(), Some(true));
        p.solvency = Some(false);
        assert_eq!(p.verdict(), Some(false));
    }
}
