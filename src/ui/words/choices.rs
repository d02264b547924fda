//! Words for the closed lists of the model: the label of every choice, the hints under the key
//! reasons, the dossier's section titles and the skill names. The core knows only the stable
//! ids (`kam_core::model::Choice`); what a person reads is written here, once.

use kam_core::model::{
    AccountStatus, ActionStatus, Attitude, CellState, Choice, DmuRole, EventKind, KeyReason, Measure, Outcome,
    PeriodLength, RelationshipStage, Section, Skill,
};

/// The words of a closed list's variants.
pub trait Words: Choice {
    /// The name shown in selects, tables and sentences.
    fn label(self) -> &'static str;
    /// A line explaining the choice, where the page shows one.
    fn hint(self) -> Option<&'static str> {
        None
    }
}

impl Words for KeyReason {
    fn label(self) -> &'static str {
        match self {
            KeyReason::BigRevenue => "Big revenue / profit",
            KeyReason::Potential => "Big potential",
            KeyReason::Reference => "Famous / reference",
            KeyReason::Partner => "Partner",
            KeyReason::MoreCompetent => "More competent than us",
            KeyReason::Innovator => "Innovator",
        }
    }

    /// What the reason means, as a hint under its checkbox.
    fn hint(self) -> Option<&'static str> {
        Some(match self {
            KeyReason::BigRevenue => "A large share of our profit now (filled from the data).",
            KeyReason::Potential => "Has the need and the budget, but buys little from us yet.",
            KeyReason::Reference => "A name that opens doors in its industry or region.",
            KeyReason::Partner => "Shares plans and budgets, tests ideas with us.",
            KeyReason::MoreCompetent => "Demanding; teaches us professional standards.",
            KeyReason::Innovator => "Buys new products and ideas first.",
        })
    }
}

impl Words for DmuRole {
    fn label(self) -> &'static str {
        match self {
            DmuRole::EconomicBuyer => "Economic buyer / decider",
            DmuRole::User => "User",
            DmuRole::TechnicalEvaluator => "Technical evaluator",
            DmuRole::Finance => "Finance",
            DmuRole::Influencer => "Influencer",
            DmuRole::Gatekeeper => "Gatekeeper",
            DmuRole::Coach => "Coach",
            DmuRole::Unknown => "Not yet known",
        }
    }
}

impl Words for Attitude {
    fn label(self) -> &'static str {
        match self {
            Attitude::Champion => "Champion",
            Attitude::Supporter => "Supporter",
            Attitude::Neutral => "Neutral",
            Attitude::Sceptic => "Sceptic",
            Attitude::Opponent => "Opponent",
            Attitude::Unknown => "Not yet known",
        }
    }
}

impl Words for EventKind {
    fn label(self) -> &'static str {
        match self {
            EventKind::Delivery => "Delivery",
            EventKind::Win => "Win",
            EventKind::Loss => "Loss",
            EventKind::Problem => "Problem",
            EventKind::Resolution => "Resolution",
            EventKind::Meeting => "Meeting",
            EventKind::Note => "Note",
        }
    }
}

impl Words for CellState {
    fn label(self) -> &'static str {
        match self {
            CellState::Bought => "Bought from us",
            CellState::InProgress => "In progress",
            CellState::Opportunity => "Opportunity",
            CellState::Competitor => "With a competitor",
            CellState::NotRelevant => "Not relevant",
            CellState::Unknown => "Not yet known",
        }
    }
}

impl Words for ActionStatus {
    fn label(self) -> &'static str {
        match self {
            ActionStatus::Open => "Open",
            ActionStatus::InProgress => "In progress",
            ActionStatus::Done => "Done",
            ActionStatus::Dropped => "Dropped",
        }
    }
}

impl Words for AccountStatus {
    fn label(self) -> &'static str {
        match self {
            AccountStatus::Active => "Active",
            AccountStatus::AtRisk => "At risk",
            AccountStatus::Lost => "Lost",
        }
    }
}

impl Words for RelationshipStage {
    fn label(self) -> &'static str {
        match self {
            RelationshipStage::Exploratory => "Exploratory",
            RelationshipStage::Basic => "Basic",
            RelationshipStage::Cooperative => "Cooperative",
            RelationshipStage::Interdependent => "Interdependent",
            RelationshipStage::Integrated => "Integrated",
            RelationshipStage::Unknown => "Not yet assessed",
        }
    }
}

impl Words for Outcome {
    fn label(self) -> &'static str {
        match self {
            Outcome::Open => "Open",
            Outcome::Won => "Won",
            Outcome::Lost => "Lost",
            Outcome::Withdrawn => "Withdrawn",
        }
    }
}

/// A section's label is its title on the dossier page and in its table of contents.
impl Words for Section {
    fn label(self) -> &'static str {
        match self {
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
            Section::AfterSale => "After-sale",
            Section::Status => "Status",
        }
    }
}

/// What fills a section, shown after "Missing: " while the section is empty (the rule itself is
/// `Dossier::section_filled`).
pub fn section_needs(section: Section) -> &'static str {
    match section {
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
        Section::AfterSale => "a complaint, a promise or a reference asked for",
        Section::Status => "the relationship stage or status",
    }
}

/// The skills of the key account manager profile.
impl Words for Skill {
    fn label(self) -> &'static str {
        match self {
            Skill::ProductKnowledge => "Product knowledge",
            Skill::SellingIdeas => "Selling ideas",
            Skill::CustomerBusiness => "Understanding the customer's business",
            Skill::BusinessCommunication => "Business communication",
            Skill::AnalyticalThinking => "Analytical thinking",
            Skill::Negotiation => "Negotiation",
            Skill::ProjectManagement => "Project management",
        }
    }
}

/// The measure select of the Portfolio and Settings.
impl Words for Measure {
    fn label(self) -> &'static str {
        match self {
            Measure::Revenue => "Revenue",
            Measure::Profit => "Profit",
        }
    }
}

/// The period select of Settings: the periods a window is cut into.
impl Words for PeriodLength {
    fn label(self) -> &'static str {
        match self {
            PeriodLength::Month => "Months",
            PeriodLength::Quarter => "Quarters",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_label_is_written<C: Words + std::fmt::Debug>() {
        let mut seen = std::collections::HashSet::new();
        for c in C::all() {
            assert!(!c.label().trim().is_empty(), "{c:?} has no label");
            assert!(c.hint().is_none_or(|h| !h.trim().is_empty()), "{c:?} has an empty hint");
            assert!(seen.insert(c.label()), "{c:?} shares its label with another choice");
        }
    }

    #[test]
    fn every_variant_of_every_list_has_a_label() {
        every_label_is_written::<KeyReason>();
        every_label_is_written::<DmuRole>();
        every_label_is_written::<Attitude>();
        every_label_is_written::<EventKind>();
        every_label_is_written::<CellState>();
        every_label_is_written::<ActionStatus>();
        every_label_is_written::<AccountStatus>();
        every_label_is_written::<RelationshipStage>();
        every_label_is_written::<Outcome>();
        every_label_is_written::<Section>();
        every_label_is_written::<Skill>();
        every_label_is_written::<Measure>();
        every_label_is_written::<PeriodLength>();
        for r in KeyReason::ALL {
            assert!(r.hint().is_some(), "{r:?} needs a hint under its checkbox");
        }
        for s in Section::ALL {
            assert!(!section_needs(*s).is_empty());
        }
    }

    #[test]
    fn labels_keep_their_english() {
        assert_eq!(DmuRole::EconomicBuyer.label(), "Economic buyer / decider");
        assert_eq!(Attitude::Unknown.label(), "Not yet known");
        assert_eq!(RelationshipStage::Unknown.label(), "Not yet assessed");
        assert_eq!(CellState::Competitor.label(), "With a competitor");
        assert_eq!(KeyReason::MoreCompetent.label(), "More competent than us");
        assert_eq!(KeyReason::Potential.hint(), Some("Has the need and the budget, but buys little from us yet."));
        assert_eq!(Section::Qualification.label(), "Why key");
        assert_eq!(section_needs(Section::Metrics), "cost to serve, margin or wallet");
        assert_eq!(Skill::CustomerBusiness.label(), "Understanding the customer's business");
        assert_eq!(PeriodLength::Quarter.label(), "Quarters");
        assert_eq!(DmuRole::Finance.hint(), None);
    }
}
