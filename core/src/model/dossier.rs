//! The dossier (the account plan) and its rules: what fills a section, completeness, the
//! people list's numbering, the whitespace cells. Its list items are in `dossier_items`, the
//! items' stable ids in `ids`.

use super::aftersale::{Complaint, Promise, ReferenceRequest};
use super::closed_list::closed_list;
pub use super::dossier_items::*;
pub use super::lists::*;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
    /// At which level the account is key (company, department, salesperson).
    #[serde(default)]
    pub key_level: KeyLevel,
    /// The health score kept for each month (docs/model.md §7.2), oldest first: the dossier's
    /// trend over the years. Kept by the app, not typed; absent from files when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub health_months: Vec<HealthMonth>,
    /// Targets per calendar year, compared with the actuals (`analysis::targets`); absent from
    /// files when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<super::Target>,
}

/// The health score of one account in one calendar month: the last score the app saw in that
/// month. `id` is the month, `YYYY-MM`, so that two copies of a plan merge month by month.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct HealthMonth {
    pub id: String,
    pub score: u32,
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

/// The highest score a dossier gives a portfolio-matrix factor (scores run 0 to 10).
pub const FACTOR_SCORE_MAX: u8 = 10;

impl Dossier {
    pub fn new(account_id: &str) -> Self {
        Dossier { account_id: account_id.to_string(), ..Default::default() }
    }

    /// The scores given on one axis of the portfolio matrix, by factor key.
    pub fn factor_scores(&self, axis: super::MatrixAxis) -> &BTreeMap<String, u8> {
        match axis {
            super::MatrixAxis::Attractiveness => &self.attractiveness,
            super::MatrixAxis::Strength => &self.strength,
        }
    }

    /// The score given to a factor (by its [`super::Factor::score_key`]), if any.
    pub fn factor_score(&self, axis: super::MatrixAxis, key: &str) -> Option<u8> {
        self.factor_scores(axis).get(key).copied()
    }

    /// Sets or clears a factor's score. A typed score is rounded to a whole number and kept
    /// within 0–[`FACTOR_SCORE_MAX`]; `None` or a value that is not a number clears it.
    pub fn set_factor_score(&mut self, axis: super::MatrixAxis, key: &str, score: Option<f64>) {
        let map = match axis {
            super::MatrixAxis::Attractiveness => &mut self.attractiveness,
            super::MatrixAxis::Strength => &mut self.strength,
        };
        match score.filter(|v| v.is_finite()) {
            Some(v) => {
                // Clamped first, so the cast below is exact.
                let v = v.round().clamp(0.0, f64::from(FACTOR_SCORE_MAX));
                map.insert(key.to_string(), v as u8);
            }
            None => {
                map.remove(key);
            }
        }
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
                    || self.targets.iter().any(|t| t.year.is_some())
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
        super::aftersale::number_items(&mut self.targets, |t| &mut t.id);
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
    use crate::model::MatrixAxis;

    #[test]
    fn factor_scores_are_whole_numbers_within_the_scale() {
        let mut d = Dossier::new("x");
        for (typed, kept) in [(7.4, Some(7)), (7.5, Some(8)), (-3.0, Some(0)), (12.0, Some(10)), (f64::NAN, None)] {
            d.set_factor_score(MatrixAxis::Strength, "Fit", Some(typed));
            assert_eq!(d.factor_score(MatrixAxis::Strength, "Fit"), kept, "{typed}");
        }
        d.set_factor_score(MatrixAxis::Attractiveness, "Fit", Some(4.0));
        assert_eq!(d.attractiveness.get("Fit"), Some(&4));
        d.set_factor_score(MatrixAxis::Attractiveness, "Fit", None);
        assert!(d.attractiveness.is_empty());
        assert_eq!(d.strength.get("Fit"), None, "the NaN cleared it");
    }

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
    fn a_decision_needs_who_and_why_and_a_demotion_how_the_customer_is_told() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 14).unwrap();
        assert_eq!(
            KeyDecision::new(day, true, "  ", "Joint roadmap", ""),
            Err(DecisionError::Unexplained { promoted: true })
        );
        assert_eq!(
            KeyDecision::new(day, false, "Board", "\t", "Call"),
            Err(DecisionError::Unexplained { promoted: false })
        );
        assert_eq!(KeyDecision::new(day, false, "Board", "Volume fell", " "), Err(DecisionError::CustomerNotTold));
        let d = KeyDecision::new(day, true, " Board ", " Joint roadmap ", "ignored for a promotion").unwrap();
        assert_eq!(
            d,
            KeyDecision {
                id: Default::default(),
                date: day,
                promoted: true,
                by: "Board".into(),
                why: "Joint roadmap".into(),
                customer_told: String::new(),
            }
        );
        let d = KeyDecision::new(day, false, "Board", "Volume fell", " The KAM tells the COO in person. ").unwrap();
        assert_eq!(d.customer_told, "The KAM tells the COO in person.");
        // Decisions recorded before the question read as not told, and are written as they were.
        let old: KeyDecision =
            serde_json::from_str(r#"{"date":"2026-03-14","promoted":false,"by":"B","why":"W"}"#).unwrap();
        assert_eq!(old.customer_told, "");
        assert!(!serde_json::to_string(&old).unwrap().contains("customer_told"));
    }

    #[test]
    fn the_key_level_is_the_company_unless_said_and_travels_by_id() {
        let d: Dossier = serde_json::from_str(r#"{"account_id":"x"}"#).unwrap();
        assert_eq!(d.key_level, KeyLevel::Company);
        let mut d = Dossier::new("x");
        d.key_level = KeyLevel::Department;
        let text = serde_json::to_string(&d).unwrap();
        assert!(text.contains(r#""key_level":"department""#), "{text}");
        assert_eq!(serde_json::from_str::<Dossier>(&text).unwrap().key_level, KeyLevel::Department);
        assert_eq!(KeyLevel::ALL.iter().map(|l| l.id()).collect::<Vec<_>>(), ["company", "department", "salesperson"]);
    }

    #[test]
    fn a_decision_for_an_account_no_longer_there_is_refused_after_who_and_why() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 14).unwrap();
        let mut ws = super::super::Workspace::default();
        let id = ws.add_account("Nordhavn").unwrap().id.clone();
        assert_eq!(
            KeyDecision::for_account(&ws, "gone", day, true, ["Board", "Why", ""]),
            Err(DecisionError::AccountGone)
        );
        assert_eq!(
            KeyDecision::for_account(&ws, "gone", day, true, ["", "Why", ""]),
            Err(DecisionError::Unexplained { promoted: true })
        );
        assert!(
            KeyDecision::for_account(&ws, &id, day, false, ["Board", "Why", "By letter"]).is_ok_and(|d| !d.promoted)
        );
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
