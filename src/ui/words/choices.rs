//! Words for the closed lists of the model: the label of every choice, the hints under the key
//! reasons, the dossier's section titles and the skill names. The core knows only the stable
//! ids (`kam_core::model::Choice`); what a person reads is written here, once.

use crate::i18n::tr;
use kam_core::model::{
    AccountStatus, ActionStatus, Attitude, CellState, Choice, DmuRole, EventKind, KeyLevel, KeyReason, Measure,
    Outcome, PeriodLength, RelationshipStage, Section, Skill,
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
            KeyReason::BigRevenue => tr("Big revenue / profit"),
            KeyReason::Potential => tr("Big potential"),
            KeyReason::Reference => tr("Famous / reference"),
            KeyReason::Partner => tr("Partner"),
            KeyReason::MoreCompetent => tr("More competent than us"),
            KeyReason::Innovator => tr("Innovator"),
        }
    }

    /// What the reason means, as a hint under its checkbox.
    fn hint(self) -> Option<&'static str> {
        Some(match self {
            KeyReason::BigRevenue => tr("A large share of our profit now (filled from the data)."),
            KeyReason::Potential => tr("Has the need and the budget, but buys little from us yet."),
            KeyReason::Reference => tr("A name that opens doors in its industry or region."),
            KeyReason::Partner => tr("Shares plans and budgets, tests ideas with us."),
            KeyReason::MoreCompetent => tr("Demanding; teaches us professional standards."),
            KeyReason::Innovator => tr("Buys new products and ideas first."),
        })
    }
}

impl Words for KeyLevel {
    fn label(self) -> &'static str {
        match self {
            KeyLevel::Company => tr("For the whole company (the KAM programme)"),
            KeyLevel::Department => tr("For one department or business unit"),
            KeyLevel::Salesperson => tr("For one salesperson"),
        }
    }
}

impl Words for DmuRole {
    fn label(self) -> &'static str {
        match self {
            DmuRole::EconomicBuyer => tr("Economic buyer / decider"),
            DmuRole::User => tr("User"),
            DmuRole::TechnicalEvaluator => tr("Technical evaluator"),
            DmuRole::Finance => tr("Finance"),
            DmuRole::Influencer => tr("Influencer"),
            DmuRole::Gatekeeper => tr("Gatekeeper"),
            DmuRole::Coach => tr("Coach"),
            DmuRole::Hr => tr("HR / people director"),
            DmuRole::Unknown => tr("Not yet known"),
        }
    }
}

impl Words for Attitude {
    fn label(self) -> &'static str {
        match self {
            Attitude::Champion => tr("Champion"),
            Attitude::Supporter => tr("Supporter"),
            Attitude::Neutral => tr("Neutral"),
            Attitude::Sceptic => tr("Sceptic"),
            Attitude::Opponent => tr("Opponent"),
            Attitude::Unknown => tr("Not yet known"),
        }
    }
}

impl Words for EventKind {
    fn label(self) -> &'static str {
        match self {
            EventKind::Delivery => tr("Delivery"),
            EventKind::Win => tr("Win"),
            EventKind::Loss => tr("Loss"),
            EventKind::Problem => tr("Problem"),
            EventKind::Resolution => tr("Resolution"),
            EventKind::Meeting => tr("Meeting"),
            EventKind::Note => tr("Note"),
        }
    }
}

impl Words for CellState {
    fn label(self) -> &'static str {
        match self {
            CellState::Bought => tr("Bought from us"),
            CellState::InProgress => tr("In progress"),
            CellState::Opportunity => tr("Opportunity"),
            CellState::Competitor => tr("With a competitor"),
            CellState::NotRelevant => tr("Not relevant"),
            CellState::Unknown => tr("Not yet known"),
        }
    }
}

impl Words for ActionStatus {
    fn label(self) -> &'static str {
        match self {
            ActionStatus::Open => tr("Open"),
            ActionStatus::InProgress => tr("In progress"),
            ActionStatus::Done => tr("Done"),
            ActionStatus::Dropped => tr("Dropped"),
        }
    }
}

impl Words for AccountStatus {
    fn label(self) -> &'static str {
        match self {
            AccountStatus::Active => tr("Active"),
            AccountStatus::AtRisk => tr("At risk"),
            AccountStatus::Lost => tr("Lost"),
        }
    }
}

impl Words for RelationshipStage {
    fn label(self) -> &'static str {
        match self {
            RelationshipStage::Exploratory => tr("Exploratory"),
            RelationshipStage::Basic => tr("Basic"),
            RelationshipStage::Cooperative => tr("Cooperative"),
            RelationshipStage::Interdependent => tr("Interdependent"),
            RelationshipStage::Integrated => tr("Integrated"),
            RelationshipStage::Unknown => tr("Not yet assessed"),
        }
    }
}

impl Words for Outcome {
    fn label(self) -> &'static str {
        match self {
            Outcome::Open => tr("Open"),
            Outcome::Won => tr("Won"),
            Outcome::Lost => tr("Lost"),
            Outcome::Withdrawn => tr("Withdrawn"),
        }
    }
}

/// A section's label is its title on the dossier page and in its table of contents.
impl Words for Section {
    fn label(self) -> &'static str {
        match self {
            Section::General => tr("General"),
            Section::Qualification => tr("Why key"),
            Section::Timeline => tr("Relationship history"),
            Section::People => tr("Decision-making unit"),
            Section::Competitors => tr("Competitors"),
            Section::Analysis => tr("Analysis"),
            Section::Strategy => tr("Strategy and whitespace"),
            Section::Team => tr("Account team"),
            Section::Plan => tr("Objectives and actions"),
            Section::Metrics => tr("Metrics"),
            Section::Tenders => tr("Tenders and proposals"),
            Section::AfterSale => tr("After-sale"),
            Section::Status => tr("Status"),
        }
    }
}

/// What fills a section, shown after "Missing: " while the section is empty (the rule itself is
/// `Dossier::section_filled`).
pub fn section_needs(section: Section) -> &'static str {
    match section {
        Section::General => tr("an overview, history or organisation"),
        Section::Qualification => tr("a reason with its justification"),
        Section::Timeline => tr("a dated event"),
        Section::People => tr("a person"),
        Section::Competitors => tr("a competitor"),
        Section::Analysis => tr("goals, market, PESTEL or SWOT"),
        Section::Strategy => tr("a strategy or a whitespace cell"),
        Section::Team => tr("an executive sponsor or team member"),
        Section::Plan => tr("an objective or action"),
        Section::Metrics => tr("cost to serve, margin or wallet"),
        Section::Tenders => tr("a tender or proposal"),
        Section::AfterSale => tr("a complaint, a promise or a reference asked for"),
        Section::Status => tr("the relationship stage or status"),
    }
}

/// The skills of the key account manager profile.
impl Words for Skill {
    fn label(self) -> &'static str {
        match self {
            Skill::ProductKnowledge => tr("Product knowledge"),
            Skill::SellingIdeas => tr("Selling ideas"),
            Skill::CustomerBusiness => tr("Understanding the customer's business"),
            Skill::BusinessCommunication => tr("Business communication"),
            Skill::AnalyticalThinking => tr("Analytical thinking"),
            Skill::Negotiation => tr("Negotiation"),
            Skill::ProjectManagement => tr("Project management"),
        }
    }
}

/// The measure select of the Portfolio and Settings.
impl Words for Measure {
    fn label(self) -> &'static str {
        match self {
            Measure::Revenue => tr("Revenue"),
            Measure::Profit => tr("Profit"),
        }
    }
}

/// The period select of Settings: the periods a window is cut into.
impl Words for PeriodLength {
    fn label(self) -> &'static str {
        match self {
            PeriodLength::Month => tr("Months"),
            PeriodLength::Quarter => tr("Quarters"),
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
