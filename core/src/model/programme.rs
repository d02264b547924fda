use super::closed_list::closed_list;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One weighted factor of the portfolio matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Factor {
    /// The name the user gave it. Empty for a [`preset`](Self::preset) factor means "the preset's
    /// name in the reader's language" (worded by the app); a typed name overrides it. Default: a
    /// lean record leaves an empty name out (`crate::merge`).
    #[serde(default)]
    pub name: String,
    /// Relative weight; weights need not add up to 100, they are normalised.
    pub weight: f64,
    /// The factor the app proposes that this one is, if any. Files before it read without it
    /// (the restore recognises the old English names, [`Programme::adopt_presets`]); an id this
    /// version does not know reads as none.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "known_preset")]
    pub preset: Option<FactorPreset>,
}

/// A preset id, or none for an id of a later version (the factor keeps its name and weight).
fn known_preset<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<FactorPreset>, D::Error> {
    Ok(Option::<String>::deserialize(d)?.and_then(|id| FactorPreset::from_id(&id)))
}

impl Factor {
    /// A factor of the user's own, under the name given.
    pub fn named(name: impl Into<String>, weight: f64) -> Factor {
        Factor { name: name.into(), weight, preset: None }
    }

    /// A preset factor under its own name (the reader's language).
    pub fn from_preset(preset: FactorPreset, weight: f64) -> Factor {
        Factor { name: String::new(), weight, preset: Some(preset) }
    }

    /// The key a dossier stores this factor's score under ([`crate::model::Dossier`]'s
    /// `attractiveness` and `strength`): a preset's [`FactorPreset::score_key`], whatever name it is
    /// shown under, so that renaming it or switching the language keeps its scores; otherwise
    /// the name.
    pub fn score_key(&self) -> &str {
        match self.preset {
            Some(p) => p.score_key(),
            None => &self.name,
        }
    }

    /// Whether the factor has no name at all: none typed and no preset's to show.
    pub fn is_unnamed(&self) -> bool {
        self.preset.is_none() && self.name.trim().is_empty()
    }
}

closed_list! {
    /// The portfolio-matrix factors the app proposes (docs/model.md section 9): five of customer
    /// attractiveness, then five of our relative strength. Their names are the app's words, in
    /// the reader's language.
    pub enum FactorPreset {
        VolumeGrowth = "volume_growth",
        ProfitPotential = "profit_potential",
        StrategicFit = "strategic_fit",
        ReferenceValue = "reference_value",
        EaseOfBusiness = "ease_of_business",
        OfferingFit = "offering_fit",
        RelationshipAccess = "relationship_access",
        PriceTerms = "price_terms",
        DeliveryRecord = "delivery_record",
        Reputation = "reputation",
    }
}

impl FactorPreset {
    /// The default attractiveness factors with their weights, in order.
    pub const ATTRACTIVENESS: [(FactorPreset, f64); 5] = [
        (FactorPreset::VolumeGrowth, 30.0),
        (FactorPreset::ProfitPotential, 25.0),
        (FactorPreset::StrategicFit, 20.0),
        (FactorPreset::ReferenceValue, 15.0),
        (FactorPreset::EaseOfBusiness, 10.0),
    ];
    /// The default relative-strength factors with their weights, in order.
    pub const STRENGTH: [(FactorPreset, f64); 5] = [
        (FactorPreset::OfferingFit, 30.0),
        (FactorPreset::RelationshipAccess, 25.0),
        (FactorPreset::PriceTerms, 20.0),
        (FactorPreset::DeliveryRecord, 15.0),
        (FactorPreset::Reputation, 10.0),
    ];

    /// The name earlier versions stored for this factor, and the key dossiers store its scores
    /// under (so scores given before presets existed still count). Stored data, never shown:
    /// the app words the name.
    pub const fn score_key(self) -> &'static str {
        match self {
            FactorPreset::VolumeGrowth => "Volume and growth potential",
            FactorPreset::ProfitPotential => "Profit potential",
            FactorPreset::StrategicFit => "Strategic fit with our offering",
            FactorPreset::ReferenceValue => "Reference and innovation value",
            FactorPreset::EaseOfBusiness => "Ease of doing business",
            FactorPreset::OfferingFit => "Fit of our products and services",
            FactorPreset::RelationshipAccess => "Relationship and access",
            FactorPreset::PriceTerms => "Price and commercial terms",
            FactorPreset::DeliveryRecord => "Delivery and service record",
            FactorPreset::Reputation => "Reputation with the customer",
        }
    }

    /// The preset an earlier version stored under this name, if any.
    pub fn of_stored_name(name: &str) -> Option<FactorPreset> {
        let name = name.trim();
        FactorPreset::ALL.iter().copied().find(|p| p.score_key() == name)
    }
}

fn factors(list: &[(FactorPreset, f64)]) -> Vec<Factor> {
    list.iter().map(|&(p, w)| Factor::from_preset(p, w)).collect()
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
    /// The manager's development plan (issue 16 point 7): goals with their training and due
    /// dates, which reach the reminders and the annual calendar. Absent from files when empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub plans: Vec<DevelopmentGoal>,
}

/// One goal of a key account manager's development plan.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DevelopmentGoal {
    pub id: String,
    /// What the manager is to be able to do ("lead a negotiation with a buying committee").
    pub goal: String,
    /// How: a course, a mentor, a project.
    pub training: String,
    pub due: Option<NaiveDate>,
    pub done: bool,
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
            attractiveness: factors(&FactorPreset::ATTRACTIVENESS),
            strength: factors(&FactorPreset::STRENGTH),
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

/// How many justified strategic reasons the programme may ask of a key account (docs/model.md
/// section 2.7): at least one, at most the five strategic reasons there are.
pub const STRATEGIC_REASONS: std::ops::RangeInclusive<u32> = 1..=5;

/// Something that makes the programme settings unusable (worded by the UI).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgrammeProblem {
    /// The axis has no factor.
    NoFactor(MatrixAxis),
    /// A factor's weight is negative or not a number.
    NegativeWeight(MatrixAxis),
    /// The axis has factors, but their weights add up to zero.
    NoPositiveWeight(MatrixAxis),
    /// A factor has no name (typed or preset).
    UnnamedFactor(MatrixAxis),
    /// "Lost after" lies outside [`LOST_AFTER_MONTHS`].
    LostMonths,
    /// The strategic reasons asked for lie outside [`STRATEGIC_REASONS`].
    StrategicReasons,
    /// The revenue threshold is zero, negative or not a number.
    RevenueThreshold,
    /// The currency is not three capital letters (ISO 4217).
    Currency,
}

impl Programme {
    /// The stored self-assessment of a manager, or an empty one (nothing assessed yet).
    pub fn assessment(&self, manager: &str) -> SkillAssessment {
        self.skills
            .iter()
            .find(|s| s.manager == manager)
            .cloned()
            .unwrap_or_else(|| SkillAssessment { manager: manager.to_string(), ..Default::default() })
    }

    /// Changes a manager's self-assessment, adding it if there was none, with a score place for
    /// every skill of [`Skill::ALL`]. A manager without a name is not assessed: nothing changes.
    pub fn change_assessment(&mut self, manager: &str, change: impl FnOnce(&mut SkillAssessment)) {
        if manager.trim().is_empty() {
            return;
        }
        let i = match self.skills.iter().position(|s| s.manager == manager) {
            Some(i) => i,
            None => {
                self.skills.push(SkillAssessment { manager: manager.to_string(), ..Default::default() });
                self.skills.len() - 1
            }
        };
        let a = &mut self.skills[i];
        a.scores.resize(Skill::ALL.len(), None);
        change(a);
    }

    /// The factors of one axis of the portfolio matrix, in order.
    pub fn factors(&self, axis: MatrixAxis) -> &[Factor] {
        match axis {
            MatrixAxis::Attractiveness => &self.attractiveness,
            MatrixAxis::Strength => &self.strength,
        }
    }

    /// Gives a factor stored under an old default's English name (files and records of earlier
    /// versions) its preset and an empty name, so that it shows in the reader's language. Part
    /// of the restore (`crate::model::restore_programme`); its scores keep counting, since a
    /// preset's score key is that name.
    pub fn adopt_presets(&mut self) {
        for f in self.attractiveness.iter_mut().chain(self.strength.iter_mut()) {
            if f.preset.is_some() {
                continue;
            }
            if let Some(p) = FactorPreset::of_stored_name(&f.name) {
                f.preset = Some(p);
                f.name.clear();
            }
        }
    }

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
            if list.iter().any(Factor::is_unnamed) {
                out.push(ProgrammeProblem::UnnamedFactor(axis));
            }
        }
        if !LOST_AFTER_MONTHS.contains(&self.lost_after_months) {
            out.push(ProgrammeProblem::LostMonths);
        }
        if !STRATEGIC_REASONS.contains(&self.min_strategic_reasons) {
            out.push(ProgrammeProblem::StrategicReasons);
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
    fn an_assessment_is_changed_in_place_with_a_place_for_every_skill() {
        let mut p = Programme::default();
        assert_eq!(p.assessment("Maria").scores, Vec::<Option<u8>>::new());
        p.change_assessment("Maria", |a| a.scores[2] = Some(4));
        p.change_assessment("Jonas", |a| a.notes = "Negotiation course".into());
        p.change_assessment("Maria", |a| a.scores[0] = Some(1));
        p.change_assessment("  ", |a| a.notes = "nobody".into());
        assert_eq!(p.skills.iter().map(|s| s.manager.as_str()).collect::<Vec<_>>(), ["Maria", "Jonas"]);
        let maria = p.assessment("Maria");
        assert_eq!(maria.scores.len(), Skill::ALL.len());
        assert_eq!((maria.scores[0], maria.scores[2]), (Some(1), Some(4)));
        assert_eq!(p.assessment("Jonas").notes, "Negotiation course");
    }

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

    /// The defaults are presets without a name of their own (the app shows each preset's name
    /// in the reader's language); the field is optional in files.
    #[test]
    fn default_factors_are_presets_and_preset_is_optional_in_files() {
        let p = Programme::default();
        let ids: Vec<_> = p.attractiveness.iter().chain(&p.strength).map(|f| f.preset.unwrap().id()).collect();
        assert_eq!(ids, FactorPreset::IDS);
        assert!(p.attractiveness.iter().chain(&p.strength).all(|f| f.name.is_empty()));
        assert_eq!(p.attractiveness.iter().map(|f| f.weight).collect::<Vec<_>>(), [30.0, 25.0, 20.0, 15.0, 10.0]);
        assert_eq!(
            serde_json::to_string(&p.strength[0]).unwrap(),
            r#"{"name":"","weight":30.0,"preset":"offering_fit"}"#
        );
        assert_eq!(serde_json::to_string(&Factor::named("Margin", 5.0)).unwrap(), r#"{"name":"Margin","weight":5.0}"#);
        let read = |json: &str| serde_json::from_str::<Factor>(json).unwrap();
        assert_eq!(read(r#"{"name":"Margin","weight":5}"#), Factor::named("Margin", 5.0));
        assert_eq!(
            read(r#"{"weight":30,"preset":"offering_fit"}"#),
            p.strength[0],
            "a lean record leaves the name out"
        );
        let later = read(r#"{"name":"Speed","weight":5,"preset":"some_later_preset"}"#);
        assert_eq!(later, Factor::named("Speed", 5.0), "a preset of a later version reads as none");
    }

    #[test]
    fn a_preset_keeps_its_score_key_whatever_it_is_called() {
        let mut f = Factor::from_preset(FactorPreset::PriceTerms, 20.0);
        assert_eq!(f.score_key(), "Price and commercial terms");
        assert!(!f.is_unnamed());
        f.name = "Hind ja tingimused".into();
        assert_eq!(f.score_key(), "Price and commercial terms");
        assert_eq!(Factor::named("Hind", 1.0).score_key(), "Hind");
        assert!(Factor::named(" ", 1.0).is_unnamed());
        let keys: std::collections::HashSet<_> = FactorPreset::ALL.iter().map(|p| p.score_key()).collect();
        assert_eq!(keys.len(), FactorPreset::ALL.len());
    }

    /// What earlier versions stored: the defaults' English names. They become presets with an
    /// empty name; a renamed or own factor, and a factor that is already a preset, stay.
    #[test]
    fn old_default_names_become_presets() {
        let mut p: Programme = serde_json::from_str(
            r#"{"attractiveness":[{"name":"Volume and growth potential","weight":30},{"name":" Profit potential ","weight":25},
                {"name":"Growth of the port","weight":10}],
               "strength":[{"name":"Reputation with the customer","weight":10},{"name":"Profit potential","weight":5},
                {"name":"Oma nimi","weight":7,"preset":"price_terms"}]}"#,
        )
        .unwrap();
        p.adopt_presets();
        fn seen(list: &[Factor]) -> Vec<(Option<FactorPreset>, &str)> {
            list.iter().map(|f| (f.preset, f.name.as_str())).collect()
        }
        use FactorPreset::*;
        assert_eq!(
            seen(&p.attractiveness),
            [(Some(VolumeGrowth), ""), (Some(ProfitPotential), ""), (None, "Growth of the port")]
        );
        assert_eq!(
            seen(&p.strength),
            [(Some(Reputation), ""), (Some(ProfitPotential), ""), (Some(PriceTerms), "Oma nimi")]
        );
        assert!(p.problems().is_empty());
        let once = p.clone();
        p.adopt_presets();
        assert_eq!(p, once);
    }

    #[test]
    fn bad_settings_are_named() {
        let mut p = Programme::default();
        p.strength.clear();
        p.attractiveness[0].weight = -1.0;
        p.lost_after_months = 0;
        p.min_strategic_reasons = 6;
        assert_eq!(
            p.problems(),
            [
                ProgrammeProblem::NegativeWeight(MatrixAxis::Attractiveness),
                ProgrammeProblem::NoFactor(MatrixAxis::Strength),
                ProgrammeProblem::LostMonths,
                ProgrammeProblem::StrategicReasons,
            ]
        );
        p = Programme::default();
        for n in STRATEGIC_REASONS {
            p.min_strategic_reasons = n;
            assert!(p.problems().is_empty(), "{n} reasons");
        }
        p.min_strategic_reasons = 0;
        assert_eq!(p.problems(), [ProgrammeProblem::StrategicReasons]);
    }

    #[test]
    fn missing_fields_take_defaults() {
        let p: Programme = serde_json::from_str(r#"{"criteria_text":"Profit share over 10 %"}"#).unwrap();
        assert_eq!(p.lost_after_months, 6);
        assert_eq!(p.attractiveness.len(), 5);
    }
}
