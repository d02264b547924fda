use super::closed_list::closed_list;
use serde::{Deserialize, Serialize};

/// One weighted factor of the portfolio matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Factor {
    /// Default: a lean record leaves an empty name out (`crate::merge`).
    #[serde(default)]
    pub name: String,
    /// Relative weight; weights need not add up to 100, they are normalised.
    pub weight: f64,
}

fn factors(list: &[(&str, f64)]) -> Vec<Factor> {
    list.iter().map(|(n, w)| Factor { name: (*n).into(), weight: *w }).collect()
}

closed_list! {
    /// One skill of the key account manager profile (docs/model.md section 8). Scores are stored
    /// by position in `ALL`, so new skills go at the end.
    pub enum Skill {
        ProductKnowledge = "product_knowledge",
        SellingIdeas = "selling_ideas",
        CustomerBusiness = "customer_business",
        BusinessCommunication = "business_communication",
        AnalyticalThinking = "analytical_thinking",
        Negotiation = "negotiation",
        ProjectManagement = "project_management",
    }
}

/// A key account manager's self-assessment: a score 1–5 per skill and development notes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SkillAssessment {
    pub manager: String,
    /// Scores in the order of [`Skill::ALL`]; `None` = not assessed.
    pub scores: Vec<Option<u8>>,
    pub notes: String,
}

/// The programme's own decisions: its written criteria, the portfolio-matrix factors, when an
/// account counts as lost, the KAM champion, and the managers' skills. It travels with the plan
/// (stored in IndexedDB, carried in exported files), unlike display preferences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Programme {
    /// The criteria as written and agreed (docs/model.md section 2: write them down, keep them).
    pub criteria_text: String,
    /// Key by size also when the window's revenue reaches this absolute amount.
    pub revenue_threshold: Option<f64>,
    /// How many strategic reasons (other than size), each justified in writing, qualify an account.
    pub min_strategic_reasons: u32,
    pub attractiveness: Vec<Factor>,
    pub strength: Vec<Factor>,
    /// An account is lost after this many months without a purchase.
    pub lost_after_months: u32,
    /// The KAM champion who drives the programme (step 3).
    pub champion: String,
    pub skills: Vec<SkillAssessment>,
    /// The currency amounts are in (ISO 4217, e.g. "EUR"); `None` until chosen, when the app
    /// shows the default of the reader's language. Files before it read without it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
}

/// Whether `code` has the shape of an ISO 4217 currency code: three capital letters.
pub fn is_currency_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

impl Default for Programme {
    fn default() -> Self {
        Programme {
            criteria_text: String::new(),
            revenue_threshold: None,
            min_strategic_reasons: 1,
            attractiveness: factors(&[
                ("Volume and growth potential", 30.0),
                ("Profit potential", 25.0),
                ("Strategic fit with our offering", 20.0),
                ("Reference and innovation value", 15.0),
                ("Ease of doing business", 10.0),
            ]),
            strength: factors(&[
                ("Fit of our products and services", 30.0),
                ("Relationship and access", 25.0),
                ("Price and commercial terms", 20.0),
                ("Delivery and service record", 15.0),
                ("Reputation with the customer", 10.0),
            ]),
            lost_after_months: 6,
            champion: String::new(),
            skills: Vec::new(),
            currency: None,
        }
    }
}

/// The two axes of the key-account portfolio matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatrixAxis {
    Attractiveness,
    Strength,
}

/// The programme's "lost after" months must lie in this range.
pub const LOST_AFTER_MONTHS: std::ops::RangeInclusive<u32> = 1..=60;

/// Something that makes the programme settings unusable (worded by the UI).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgrammeProblem {
    /// The axis has no factor.
    NoFactor(MatrixAxis),
    /// A factor's weight is negative or not a number.
    NegativeWeight(MatrixAxis),
    /// The axis has factors, but their weights add up to zero.
    NoPositiveWeight(MatrixAxis),
    /// A factor has no name.
    UnnamedFactor(MatrixAxis),
    /// "Lost after" lies outside [`LOST_AFTER_MONTHS`].
    LostMonths,
    /// The revenue threshold is zero, negative or not a number.
    RevenueThreshold,
    /// The currency is not three capital letters (ISO 4217).
    Currency,
}

impl Programme {
    /// What is wrong with the programme settings; empty when they can be used.
    pub fn problems(&self) -> Vec<ProgrammeProblem> {
        let mut out = Vec::new();
        for (axis, list) in [(MatrixAxis::Attractiveness, &self.attractiveness), (MatrixAxis::Strength, &self.strength)]
        {
            if list.is_empty() {
                out.push(ProgrammeProblem::NoFactor(axis));
            }
            if list.iter().any(|f| !f.weight.is_finite() || f.weight < 0.0) {
                out.push(ProgrammeProblem::NegativeWeight(axis));
            }
            if !list.is_empty() && list.iter().map(|f| f.weight).sum::<f64>() <= 0.0 {
                out.push(ProgrammeProblem::NoPositiveWeight(axis));
            }
            if list.iter().any(|f| f.name.trim().is_empty()) {
                out.push(ProgrammeProblem::UnnamedFactor(axis));
            }
        }
        if !LOST_AFTER_MONTHS.contains(&self.lost_after_months) {
            out.push(ProgrammeProblem::LostMonths);
        }
        if self.revenue_threshold.is_some_and(|t| !t.is_finite() || t <= 0.0) {
            out.push(ProgrammeProblem::RevenueThreshold);
        }
        if self.currency.as_deref().is_some_and(|c| !is_currency_code(c)) {
            out.push(ProgrammeProblem::Currency);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currency_is_an_iso_code_and_optional_in_files() {
        let mut p = Programme::default();
        assert!(!serde_json::to_string(&p).unwrap().contains("currency"));
        p.currency = Some("EUR".into());
        assert!(p.problems().is_empty());
        let back: Programme = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
        assert_eq!(back.currency.as_deref(), Some("EUR"));
        for bad in ["eur", "EU", "EURO", "€"] {
            p.currency = Some(bad.into());
            assert_eq!(p.problems(), vec![ProgrammeProblem::Currency], "{bad}");
        }
        let old: Programme = serde_json::from_str(r#"{"criteria_text": "x"}"#).unwrap();
        assert_eq!(old.currency, None);
    }

    #[test]
    fn defaults_are_usable() {
        assert!(Programme::default().problems().is_empty());
    }

    #[test]
    fn bad_settings_are_named() {
        let mut p = Programme::default();
        p.strength.clear();
        p.attractiveness[0].weight = -1.0;
        p.lost_after_months = 0;
        assert_eq!(
            p.problems(),
            [
                ProgrammeProblem::NegativeWeight(MatrixAxis::Attractiveness),
                ProgrammeProblem::NoFactor(MatrixAxis::Strength),
                ProgrammeProblem::LostMonths
            ]
        );
    }

    #[test]
    fn missing_fields_take_defaults() {
        let p: Programme = serde_json::from_str(r#"{"criteria_text":"Profit share over 10 %"}"#).unwrap();
        assert_eq!(p.lost_after_months, 6);
        assert_eq!(p.attractiveness.len(), 5);
    }
}
