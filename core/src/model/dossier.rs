use serde::{Deserialize, Serialize};

/// The six reasons an account can be key (kam-model.md section 2). An account may have several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyReason {
    BigRevenue,
    Potential,
    Reference,
    Partner,
    MoreCompetent,
    Innovator,
}

impl KeyReason {
    pub const ALL: [KeyReason; 6] = [
        KeyReason::BigRevenue,
        KeyReason::Potential,
        KeyReason::Reference,
        KeyReason::Partner,
        KeyReason::MoreCompetent,
        KeyReason::Innovator,
    ];

    pub fn label(self) -> &'static str {
        match self {
            KeyReason::BigRevenue => "Big revenue / profit",
            KeyReason::Potential => "Big potential",
            KeyReason::Reference => "Famous / reference",
            KeyReason::Partner => "Partner",
            KeyReason::MoreCompetent => "More competent than us",
            KeyReason::Innovator => "Innovator",
        }
    }
}

/// A person on the customer's side who matters for the relationship. Fields marked personal are
/// removed from exports "without personal details".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    #[serde(default)]
    pub title: String,
    /// Role in the decision: decider, influencer, user, technical evaluator, finance, gatekeeper, coach.
    #[serde(default)]
    pub role: String,
    /// Attitude towards us, from champion to opponent.
    #[serde(default)]
    pub attitude: String,
    /// Who on our side owns the relationship with this person.
    #[serde(default)]
    pub our_owner: String,
    /// Personal: birthday as free text or ISO date.
    #[serde(default)]
    pub birthday: String,
    /// Personal: hobbies, family, values.
    #[serde(default)]
    pub personal_notes: String,
}

/// The account plan of one key account (kam-model.md section 4). Only the parts the app fills
/// so far are here; more sections join as they get screens.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Dossier {
    pub account_id: String,
    #[serde(default)]
    pub overview: String,
    #[serde(default)]
    pub employees: Option<u32>,
    #[serde(default)]
    pub reasons: Vec<KeyReason>,
    /// The executive sponsor from our top management.
    #[serde(default)]
    pub executive_sponsor: String,
    #[serde(default)]
    pub people: Vec<Person>,
    #[serde(default)]
    pub competitors: Vec<String>,
}

impl Dossier {
    pub fn new(account_id: &str) -> Self {
        Dossier { account_id: account_id.to_string(), ..Default::default() }
    }

    /// How many of the dossier's tracked parts hold something, out of how many.
    pub fn filled_parts(&self) -> (usize, usize) {
        let parts = [
            !self.overview.trim().is_empty(),
            self.employees.is_some(),
            !self.reasons.is_empty(),
            !self.executive_sponsor.trim().is_empty(),
            !self.people.is_empty(),
            !self.competitors.is_empty(),
        ];
        (parts.iter().filter(|p| **p).count(), parts.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_dossier_has_nothing_filled() {
        assert_eq!(Dossier::new("x").filled_parts(), (0, 6));
    }

    #[test]
    fn reasons_serialise_in_snake_case() {
        let json = serde_json::to_string(&KeyReason::MoreCompetent).unwrap();
        assert_eq!(json, "\"more_competent\"");
    }
}
