//! One way to write a closed list of the model (a role, a status, a dossier section…).
//!
//! A closed list is stored by its ids in IndexedDB and in exported files, so the id of a
//! variant is a contract: it is written once, next to the variant, and is both what `id()`
//! returns and what serde reads and writes. The words people see (labels, hints, section
//! titles) are not here: they live in the app's words (`src/ui/words/choices.rs`), where a
//! translation replaces them without touching stored data.
//!
//! Two kinds of list exist, because the first release stored them differently:
//! - `lenient`: the first release wrote free text or the English label into these fields, so
//!   reading accepts the id, any of the variant's legacy labels (case-insensitively, trimmed),
//!   or text containing one of its legacy fragments ("Decider" → economic buyer); anything else
//!   reads as the list's default. The legacy labels and fragments are migration data, not words
//!   to show.
//! - strict (the default): only the exact id is read; anything else is an error, as serde's
//!   derive gave before.

/// A value from a closed list: its variants in order and a stable id for each.
pub trait Choice: Copy + Eq + 'static {
    /// Every variant, in the order the list is shown.
    fn all() -> &'static [Self];
    /// The stable id, equal to the serde name.
    fn id(self) -> &'static str;
    /// The variant with exactly this id (a select's value), if any.
    fn from_id(id: &str) -> Option<Self> {
        Self::all().iter().copied().find(|c| c.id() == id)
    }
}

/// Defines a closed list: the enum with its derives, `ALL` in order, `IDS`, `id()`,
/// `from_id()`, serde in the id, `Default` (when the list has one) and [`Choice`].
///
/// ```ignore
/// closed_list! {
///     /// A person's attitude towards us.
///     pub enum Attitude: lenient, default Unknown {
///         Champion = "champion" contains ["champion"],
///         Unknown = "unknown" legacy ["Not yet known"],
///     }
/// }
/// closed_list! {
///     pub enum Measure: default Revenue { Revenue = "revenue", Profit = "profit" }
/// }
/// closed_list! {
///     pub enum KeyReason { BigRevenue = "big_revenue", Potential = "potential" }
/// }
/// ```
macro_rules! closed_list {
    // Lenient: older free text and labels read as a variant, unknown text as the default.
    (
        $(#[$meta:meta])*
        pub enum $name:ident : lenient, default $default:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $id:literal
                    $(legacy [$($legacy:literal),* $(,)?])?
                    $(contains [$($fragment:literal),* $(,)?])?
            ),+ $(,)?
        }
    ) => {
        closed_list!(@common $(#[$meta])* $name { $($(#[$vmeta])* $variant = $id),+ });

        impl $name {
            /// Reads a stored id, a legacy label, or older free text holding a legacy fragment;
            /// unknown text gives the default. Variants are tried in order, so an earlier
            /// variant's fragment wins over a later one's.
            pub fn parse(text: &str) -> $name {
                $name::recognise(text).unwrap_or($name::$default)
            }

            /// The variant a stored id, legacy label or older free text stands for, or `None`
            /// for text that maps to nothing (which [`parse`](Self::parse) reads as the default,
            /// and which a restore keeps elsewhere so that nothing typed is lost).
            pub fn recognise(text: &str) -> Option<$name> {
                let t = text.trim().to_lowercase();
                $(
                    if t == $id
                        $($(|| t == $legacy.to_lowercase())*)?
                        $($(|| t.contains($fragment))*)?
                    {
                        return Some($name::$variant);
                    }
                )+
                None
            }

            /// The labels the first release stored for each variant, in the order of `ALL`
            /// (tests and migration checks read them).
            #[doc(hidden)]
            pub const LEGACY_LABELS: &'static [&'static [&'static str]] = &[$(&[$($($legacy),*)?]),+];
        }

        impl Default for $name {
            fn default() -> Self {
                $name::$default
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <String as serde::Deserialize>::deserialize(d)?;
                Ok($name::parse(&text))
            }
        }
    };

    // Strict with a default value.
    (
        $(#[$meta:meta])*
        pub enum $name:ident : default $default:ident {
            $($(#[$vmeta:meta])* $variant:ident = $id:literal),+ $(,)?
        }
    ) => {
        closed_list!(@common $(#[$meta])* $name { $($(#[$vmeta])* $variant = $id),+ });
        closed_list!(@strict $name);

        impl Default for $name {
            fn default() -> Self {
                $name::$default
            }
        }
    };

    // Strict without a default.
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($(#[$vmeta:meta])* $variant:ident = $id:literal),+ $(,)?
        }
    ) => {
        closed_list!(@common $(#[$meta])* $name { $($(#[$vmeta])* $variant = $id),+ });
        closed_list!(@strict $name);
    };

    // Several strict lists with defaults in one block (the after-sale lists): each as if
    // written alone. After the single forms, so that one list never comes here.
    (
        $(
            $(#[$meta:meta])*
            pub enum $name:ident : default $default:ident {
                $($(#[$vmeta:meta])* $variant:ident = $id:literal),+ $(,)?
            }
        )+
    ) => {
        $(
            closed_list! {
                $(#[$meta])*
                pub enum $name : default $default { $($(#[$vmeta])* $variant = $id),+ }
            }
        )+
    };

    (@strict $name:ident) => {
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                $name::from_id(&text).ok_or_else(|| <D::Error as serde::de::Error>::unknown_variant(&text, $name::IDS))
            }
        }
    };

    (@common $(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $id:literal),+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every variant, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// Every id, in the order of `ALL`.
            pub const IDS: &'static [&'static str] = &[$($id),+];

            /// The stable id: what is stored and what serde writes.
            pub const fn id(self) -> &'static str {
                match self {
                    $($name::$variant => $id),+
                }
            }

            /// The variant with exactly this id, if any.
            pub fn from_id(id: &str) -> Option<$name> {
                match id {
                    $($id => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl serde::Serialize for $name {
            /// Written as a unit variant named by its id, as serde's derive with `rename_all =
            /// "snake_case"` wrote it, so stored data stays byte-identical.
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_unit_variant(stringify!($name), *self as u32, self.id())
            }
        }

        impl $crate::model::Choice for $name {
            fn all() -> &'static [Self] {
                $name::ALL
            }
            fn id(self) -> &'static str {
                $name::id(self)
            }
            fn from_id(id: &str) -> Option<Self> {
                $name::from_id(id)
            }
        }
    };
}

pub(crate) use closed_list;

#[cfg(test)]
mod tests {
    use super::Choice;
    use crate::model::*;
    use serde::{de::DeserializeOwned, Serialize};

    /// Every variant serialises to exactly its id (the stored form of IndexedDB and the file
    /// format), `id()` agrees, and the id reads back. The expected strings are written out, not
    /// derived, so a changed id fails here.
    fn pins<C: Choice + Serialize + DeserializeOwned + std::fmt::Debug>(expected: &[&str]) {
        let all = C::all();
        assert_eq!(all.len(), expected.len(), "{}", std::any::type_name::<C>());
        for (c, id) in all.iter().zip(expected) {
            assert_eq!(serde_json::to_string(c).unwrap(), format!("\"{id}\""));
            assert_eq!(c.id(), *id);
            assert_eq!(C::from_id(id), Some(*c));
            assert_eq!(serde_json::from_str::<C>(&format!("\"{id}\"")).unwrap(), *c);
        }
    }

    #[test]
    fn every_variant_serialises_to_its_pinned_id() {
        pins::<KeyReason>(&["big_revenue", "potential", "reference", "partner", "more_competent", "innovator"]);
        pins::<DmuRole>(&[
            "economic_buyer",
            "user",
            "technical_evaluator",
            "finance",
            "influencer",
            "gatekeeper",
            "coach",
            "hr",
            "unknown",
        ]);
        pins::<Attitude>(&["champion", "supporter", "neutral", "sceptic", "opponent", "unknown"]);
        pins::<EventKind>(&["delivery", "win", "loss", "problem", "resolution", "meeting", "note"]);
        pins::<CellState>(&["bought", "in_progress", "opportunity", "competitor", "not_relevant", "unknown"]);
        pins::<ActionStatus>(&["open", "in_progress", "done", "dropped"]);
        pins::<AccountStatus>(&["active", "at_risk", "lost"]);
        pins::<RelationshipStage>(&["exploratory", "basic", "cooperative", "interdependent", "integrated", "unknown"]);
        pins::<Outcome>(&["open", "won", "lost", "withdrawn"]);
        pins::<Section>(&[
            "general",
            "qualification",
            "timeline",
            "people",
            "competitors",
            "analysis",
            "strategy",
            "team",
            "plan",
            "metrics",
            "tenders",
            "after_sale",
            "status",
        ]);
        pins::<ComplaintKind>(&["late_delivery", "quality", "billing", "lost_bid", "conflict", "other"]);
        pins::<Severity>(&["low", "medium", "high"]);
        pins::<ReferenceKind>(&["reference_letter", "referral", "case_study"]);
        pins::<PromiseFunction>(&["operations", "supply_chain", "service", "finance", "other"]);
        pins::<PromiseState>(&["open", "kept", "missed"]);
        pins::<Skill>(&[
            "product_knowledge",
            "selling_ideas",
            "customer_business",
            "business_communication",
            "analytical_thinking",
            "negotiation",
            "project_management",
        ]);
        pins::<Measure>(&["revenue", "profit"]);
        pins::<PeriodLength>(&["month", "quarter"]);
    }

    #[test]
    fn ids_work_as_map_keys() {
        let mut d = Dossier::new("x");
        d.justifications.insert(KeyReason::MoreCompetent, "Teaches us".into());
        let json = serde_json::to_string(&d.justifications).unwrap();
        assert_eq!(json, r#"{"more_competent":"Teaches us"}"#);
        assert_eq!(
            serde_json::from_str::<std::collections::BTreeMap<KeyReason, String>>(&json).unwrap(),
            d.justifications
        );
    }

    /// Files and IndexedDB records of the first release hold the English labels of that release;
    /// they still read as their variant, whatever the app shows today.
    #[test]
    fn first_release_labels_still_parse() {
        let read = |json: &str| serde_json::from_str::<serde_json::Value>(json).unwrap();
        let cases: &[(&str, &str)] = &[
            ("Economic buyer / decider", "economic_buyer"),
            ("User", "user"),
            ("Technical evaluator", "technical_evaluator"),
            ("Finance", "finance"),
            ("Influencer", "influencer"),
            ("Gatekeeper", "gatekeeper"),
            ("Coach", "coach"),
            ("Not yet known", "unknown"),
        ];
        for (label, id) in cases {
            assert_eq!(DmuRole::parse(label).id(), *id, "{label}");
            assert_eq!(serde_json::from_value::<DmuRole>(read(&format!("\"{label}\""))).unwrap().id(), *id);
        }
        for (label, id) in [
            ("Champion", "champion"),
            ("Supporter", "supporter"),
            ("Neutral", "neutral"),
            ("Sceptic", "sceptic"),
            ("Opponent", "opponent"),
            ("Not yet known", "unknown"),
        ] {
            assert_eq!(Attitude::parse(label).id(), id, "{label}");
        }
        for (label, id) in [
            ("Delivery", "delivery"),
            ("Win", "win"),
            ("Loss", "loss"),
            ("Problem", "problem"),
            ("Resolution", "resolution"),
            ("Meeting", "meeting"),
            ("Note", "note"),
        ] {
            assert_eq!(EventKind::parse(label).id(), id, "{label}");
        }
        for (label, id) in [
            ("Bought from us", "bought"),
            ("In progress", "in_progress"),
            ("Opportunity", "opportunity"),
            ("With a competitor", "competitor"),
            ("Not relevant", "not_relevant"),
            ("Not yet known", "unknown"),
        ] {
            assert_eq!(CellState::parse(label).id(), id, "{label}");
        }
        for (label, id) in [("Open", "open"), ("In progress", "in_progress"), ("Done", "done"), ("Dropped", "dropped")]
        {
            assert_eq!(ActionStatus::parse(label).id(), id, "{label}");
        }
        for (label, id) in [("Active", "active"), ("At risk", "at_risk"), ("Lost", "lost")] {
            assert_eq!(AccountStatus::parse(label).id(), id, "{label}");
        }
        for (label, id) in [
            ("Exploratory", "exploratory"),
            ("Basic", "basic"),
            ("Cooperative", "cooperative"),
            ("Interdependent", "interdependent"),
            ("Integrated", "integrated"),
            ("Not yet assessed", "unknown"),
        ] {
            assert_eq!(RelationshipStage::parse(label).id(), id, "{label}");
        }
        for (label, id) in [("Open", "open"), ("Won", "won"), ("Lost", "lost"), ("Withdrawn", "withdrawn")] {
            assert_eq!(Outcome::parse(label).id(), id, "{label}");
        }
        // Case and surrounding space do not matter; the legacy table lists each label once.
        assert_eq!(CellState::parse("  with a COMPETITOR "), CellState::Competitor);
        assert_eq!(CellState::LEGACY_LABELS.len(), CellState::ALL.len());
    }

    #[test]
    fn older_free_text_reads_by_fragment_and_unknown_text_reads_as_default() {
        assert_eq!(DmuRole::parse("Decider"), DmuRole::EconomicBuyer);
        assert_eq!(DmuRole::parse("Head of finance"), DmuRole::Finance);
        assert_eq!(Attitude::parse("Skeptical"), Attitude::Sceptic);
        assert_eq!(Attitude::parse("something else"), Attitude::Unknown);
        assert_eq!(serde_json::from_str::<EventKind>("\"party\"").unwrap(), EventKind::Note);
    }

    #[test]
    fn strict_lists_refuse_what_is_not_an_id() {
        // As serde's derive did: the error names the variants.
        let err = serde_json::from_str::<KeyReason>("\"Partner\"").unwrap_err().to_string();
        assert!(err.starts_with("unknown variant `Partner`, expected one of `big_revenue`"), "{err}");
        assert!(serde_json::from_str::<Measure>("\"profit \"").is_err());
        assert_eq!(Measure::default(), Measure::Revenue);
        assert_eq!(PeriodLength::default(), PeriodLength::Month);
    }
}
