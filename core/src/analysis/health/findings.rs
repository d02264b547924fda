//! What the score is made of: the facts each rule found, the findings with their points, the
//! score and its band. The rules that produce them are the sibling modules.

use chrono::NaiveDate;
use serde::Serialize;

use super::{MissedPromise, OpenComplaint, Rule, SinglePoint};
use crate::model::Section;

/// What a rule found, with everything needed to say it: names as written in the dossier
/// (trimmed), counts, dates and sections. Which rule it belongs to is [`HealthFact::rule`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "fact", rename_all = "snake_case")]
pub enum HealthFact {
    /// The dossier is `complete_pct` % complete; `missing` are the empty sections (of `sections`),
    /// `fill_next` the few to fill first.
    IncompleteDossier {
        account: String,
        complete_pct: u32,
        sections: usize,
        missing: Vec<Section>,
        fill_next: Vec<Section>,
    },
    /// None of the `people` contacts (possibly none at all) is the economic buyer.
    NoEconomicBuyer {
        account: String,
        people: usize,
    },
    /// Nobody is a champion; `supporters` are the contacts to develop into one.
    NoChampion {
        account: String,
        supporters: Vec<String>,
    },
    NoExecutiveSponsor {
        account: String,
    },
    /// The latest recorded contact was with `with` on `on`, `days_ago` days ago, more than
    /// `stale_after_days`.
    ContactStale {
        account: String,
        with: String,
        on: NaiveDate,
        days_ago: i64,
        stale_after_days: i64,
    },
    /// None of the `contacts` (possibly none at all) has a date of last contact.
    NoContactDates {
        account: String,
        contacts: usize,
    },
    /// The dossier was last changed on `on`, `days_ago` days ago, more than `stale_after_days`.
    PlanStale {
        account: String,
        on: NaiveDate,
        days_ago: i64,
        stale_after_days: i64,
    },
    /// The dossier has no date of its last change.
    PlanNeverDated {
        account: String,
    },
    /// Open or in-progress actions past their due date, in the dossier's order.
    OverdueActions {
        actions: Vec<OverdueAction>,
    },
    /// Promises missed within the last year, in the dossier's order.
    MissedPromises {
        account: String,
        promises: Vec<MissedPromise>,
    },
    /// Complaints of high severity still open, in the dossier's order.
    OpenHighComplaints {
        account: String,
        complaints: Vec<OpenComplaint>,
    },
    /// `this_window` complaints in the last `window_days` days against `previous_window` before.
    ComplaintsRising {
        account: String,
        this_window: usize,
        previous_window: usize,
        window_days: u64,
    },
    /// Contacts nobody on our side is named as owning.
    UnownedContacts {
        account: String,
        contacts: Vec<String>,
    },
    /// The relationship runs through one person on our side, or through nobody.
    SinglePointOfContact {
        account: String,
        single: SinglePoint,
    },
    AtRisk {
        account: String,
    },
    /// Lost, with the win-back plan if one is written.
    Lost {
        account: String,
        winback_plan: Option<String>,
    },
}

impl HealthFact {
    /// The rule this fact is a finding of.
    pub fn rule(&self) -> Rule {
        match self {
            HealthFact::IncompleteDossier { .. } => Rule::Completeness,
            HealthFact::NoEconomicBuyer { .. } => Rule::EconomicBuyer,
            HealthFact::NoChampion { .. } => Rule::Champion,
            HealthFact::NoExecutiveSponsor { .. } => Rule::ExecutiveSponsor,
            HealthFact::ContactStale { .. } | HealthFact::NoContactDates { .. } => Rule::ContactFreshness,
            HealthFact::PlanStale { .. } | HealthFact::PlanNeverDated { .. } => Rule::PlanFreshness,
            HealthFact::OverdueActions { .. } => Rule::OverdueActions,
            HealthFact::MissedPromises { .. } => Rule::MissedPromises,
            HealthFact::OpenHighComplaints { .. } => Rule::OpenComplaints,
            HealthFact::ComplaintsRising { .. } => Rule::ComplaintTrend,
            HealthFact::UnownedContacts { .. } => Rule::UnownedContacts,
            HealthFact::SinglePointOfContact { .. } => Rule::SinglePointOfContact,
            HealthFact::AtRisk { .. } | HealthFact::Lost { .. } => Rule::Status,
        }
    }
}

/// An overdue action as the dossier has it (text and owner may be blank).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OverdueAction {
    pub text: String,
    pub owner: String,
    pub due: NaiveDate,
}

/// One rule that cost the account points, and what it found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: Rule,
    /// Points taken off the score by this rule (always at least 1).
    pub points_lost: u32,
    pub fact: HealthFact,
}

impl Finding {
    /// A finding of the fact's rule; the rule is read from the fact so the two cannot disagree.
    pub(super) fn new(points_lost: u32, fact: HealthFact) -> Self {
        Finding { rule: fact.rule(), points_lost, fact }
    }
}

/// The health of one account: a score from 0 to 100 and the findings that explain every point
/// lost. `score == 100 - sum(points_lost)`, clamped at 0.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Health {
    pub score: u32,
    pub findings: Vec<Finding>,
}

/// Lowest score still counted as good, and as fair; below fair is poor.
pub const GOOD_FROM: u32 = 75;
pub const FAIR_FROM: u32 = 50;

/// A score's band, for the colour of the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HealthBand {
    Good,
    Fair,
    Poor,
}

impl HealthBand {
    /// Stable identifier (same as the serialised form), used as a CSS class.
    pub fn id(self) -> &'static str {
        match self {
            HealthBand::Good => "good",
            HealthBand::Fair => "fair",
            HealthBand::Poor => "poor",
        }
    }
}

impl Health {
    /// Points lost in total before clamping (may exceed 100).
    pub fn points_lost(&self) -> u32 {
        self.findings.iter().map(|f| f.points_lost).sum()
    }

    pub fn band(&self) -> HealthBand {
        HealthBand::of(self.score)
    }
}

impl HealthBand {
    /// The band of a score (of one account, or a mean of several).
    pub fn of(score: u32) -> HealthBand {
        if score >= GOOD_FROM {
            HealthBand::Good
        } else if score >= FAIR_FROM {
            HealthBand::Fair
        } else {
            HealthBand::Poor
        }
    }
}
