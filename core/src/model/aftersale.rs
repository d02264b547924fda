//! What happens after the deal (docs/model.md section 6.1): the complaints and failures log, the
//! references and referrals asked for after wins, and the promises made to the customer that
//! people outside sales must keep.
//!
//! Every item carries a stable string `id`, so that the field-level merge (`crate::merge`) treats
//! each list as a set of records: two people adding a complaint to the same account on two
//! machines both keep theirs, and an edit of one field of one item travels alone.

use super::closed_list::closed_list;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

closed_list! {
    /// What went wrong after the deal: the usual ways key clients are lost.
    pub enum ComplaintKind: default Other {
        LateDelivery = "late_delivery",
        Quality = "quality",
        Billing = "billing",
        LostBid = "lost_bid",
        Conflict = "conflict",
        Other = "other",
    }

    /// How badly a complaint or failure hurts the relationship.
    pub enum Severity: default Medium {
        Low = "low",
        Medium = "medium",
        High = "high",
    }

    /// What was asked of a satisfied customer after a win.
    pub enum ReferenceKind: default ReferenceLetter {
        ReferenceLetter = "reference_letter",
        Referral = "referral",
        CaseStudy = "case_study",
    }

    /// The function outside sales that has to keep a promise.
    pub enum PromiseFunction: default Operations {
        Operations = "operations",
        SupplyChain = "supply_chain",
        Service = "service",
        Finance = "finance",
        Other = "other",
    }

    /// Where a promise stands.
    pub enum PromiseState: default Open {
        Open = "open",
        Kept = "kept",
        Missed = "missed",
    }
}

/// One complaint or failure. `resolved_on` empty = still open.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Complaint {
    pub id: String,
    pub date: Option<NaiveDate>,
    pub kind: ComplaintKind,
    pub severity: Severity,
    pub text: String,
    pub resolved_on: Option<NaiveDate>,
}

impl Complaint {
    pub fn is_open(&self) -> bool {
        self.resolved_on.is_none()
    }
}

/// A reference letter, referral or case study asked of the customer. `received_on` empty = not
/// (yet) received. `from_whom` names a person on the customer's side: a business contact, like the
/// names of the decision-making unit, so it travels in files without personal details (only
/// contact details typed into it are stripped, as in every free text).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReferenceRequest {
    pub id: String,
    pub asked_on: Option<NaiveDate>,
    pub kind: ReferenceKind,
    pub from_whom: String,
    pub received_on: Option<NaiveDate>,
}

/// A commitment made to the customer, owned by someone outside sales.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Promise {
    pub id: String,
    pub text: String,
    /// Who keeps it (a name or a team), free text.
    pub owner: String,
    pub function: PromiseFunction,
    pub due: Option<NaiveDate>,
    pub state: PromiseState,
    /// When it was kept or missed.
    pub closed_on: Option<NaiveDate>,
}

/// What the account team aims for in one calendar year (issue 16 point 3b): revenue, profit,
/// share of the customer's wallet and lifetime value. Empty measures have no target.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Target {
    pub id: String,
    pub year: Option<i32>,
    pub revenue: Option<f64>,
    pub profit: Option<f64>,
    /// Share of wallet, percent.
    pub wallet_share_pct: Option<f64>,
    pub lifetime_value: Option<f64>,
}

/// A fresh item id for a list whose ids are `taken`. `entropy` comes from the caller (the app
/// draws it from the browser's random numbers): ids must not collide between two machines adding
/// to the same list before they exchange files, which counting up (as people are numbered) would
/// do. Eight base-36 characters; on a clash within the list, the next value is tried.
pub fn new_item_id<'a>(taken: impl IntoIterator<Item = &'a str>, entropy: u64) -> String {
    let taken: std::collections::HashSet<&str> = taken.into_iter().collect();
    let mut n = entropy;
    loop {
        let id = base36(n % 36u64.pow(8));
        if !taken.contains(id.as_str()) {
            return id;
        }
        n = n.wrapping_add(1);
    }
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = [b'0'; 8];
    for slot in out.iter_mut().rev() {
        *slot = DIGITS[(n % 36) as usize];
        n /= 36;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Gives every item with a blank or repeated id a new one (hand-written or damaged files), so
/// that the merge can key the list by id. Deterministic (`n1`, `n2`, … skipping ids in use), so two
/// people reading the same file get the same ids. Ids already unique are kept.
pub(crate) fn number_items<T>(items: &mut [T], id: impl Fn(&mut T) -> &mut String) {
    let mut seen = std::collections::HashSet::new();
    let mut all: std::collections::HashSet<String> = items.iter_mut().map(|x| id(x).clone()).collect();
    let mut next = 0u32;
    for item in items.iter_mut() {
        let slot = id(item);
        if slot.trim().is_empty() || !seen.insert(slot.clone()) {
            let fresh = loop {
                next += 1;
                let candidate = format!("n{next}");
                if !all.contains(&candidate) {
                    break candidate;
                }
            };
            all.insert(fresh.clone());
            seen.insert(fresh.clone());
            *slot = fresh;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_eight_base36_characters_and_avoid_the_taken_ones() {
        let a = new_item_id([], 0);
        assert_eq!(a, "00000000");
        let b = new_item_id(["00000000"], 0);
        assert_eq!(b, "00000001");
        let big = new_item_id([], u64::MAX);
        assert_eq!(big.len(), 8);
        assert!(big.chars().all(|c| c.is_ascii_digit() || c.is_ascii_lowercase()));
        assert_ne!(new_item_id([], 123_456_789), new_item_id([], 987_654_321));
    }

    #[test]
    fn blank_and_repeated_ids_are_renumbered_deterministically() {
        let mut items = vec![
            Complaint { id: "".into(), ..Default::default() },
            Complaint { id: "n1".into(), ..Default::default() },
            Complaint { id: "n1".into(), ..Default::default() },
            Complaint { id: "x".into(), ..Default::default() },
        ];
        number_items(&mut items, |c| &mut c.id);
        let ids: Vec<&str> = items.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, vec!["n2", "n1", "n3", "x"]);
    }

    #[test]
    fn lists_serialise_with_their_ids() {
        let c = Complaint {
            id: "abc".into(),
            date: NaiveDate::from_ymd_opt(2026, 3, 1),
            kind: ComplaintKind::LateDelivery,
            severity: Severity::High,
            text: "Two days late".into(),
            resolved_on: None,
        };
        let json = serde_json::to_value(&c).unwrap();
        assert_eq!(json["kind"], "late_delivery");
        assert_eq!(json["severity"], "high");
        assert_eq!(serde_json::from_value::<Complaint>(json).unwrap(), c);
        let p: Promise = serde_json::from_str(r#"{"text":"Spare parts in 48 h","function":"supply_chain"}"#).unwrap();
        assert_eq!((p.id.as_str(), p.function, p.state), ("", PromiseFunction::SupplyChain, PromiseState::Open));
        assert!(serde_json::from_str::<Promise>(r#"{"state":"forgotten"}"#).is_err(), "strict list");
    }

    /// A record stored before the after-sale lists existed reads with them empty; one written by
    /// hand with items lacking ids gets ids on the way in, as every stored shape does.
    #[test]
    fn older_records_read_and_items_without_ids_get_them() {
        use crate::model::{restore_dossier, Dossier};
        let old: Dossier = serde_json::from_str(r#"{"account_id":"a","overview":"o"}"#).unwrap();
        assert!(old.complaints.is_empty() && old.references.is_empty() && old.promises.is_empty());
        let hand: Dossier = serde_json::from_str(
            r#"{"account_id":"a","promises":[{"text":"A"},{"text":"B","id":"n1"}],"complaints":[{}]}"#,
        )
        .unwrap();
        let d = restore_dossier(hand);
        let ids: Vec<&str> = d.promises.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["n2", "n1"]);
        assert_eq!(d.complaints[0].id, "n1");
    }

    fn complaint(id: &str, text: &str) -> Complaint {
        Complaint { id: id.into(), text: text.into(), ..Default::default() }
    }

    /// Two machines add a complaint to the same dossier and each edits a different field of a
    /// shared one: the field-level merge keeps both new items and both edits, because the list is
    /// a set of records keyed by id.
    #[test]
    fn the_field_level_merge_keeps_complaints_added_on_two_machines() {
        use crate::merge::{merge, Clock, Stamp, StampedDoc};
        use crate::model::Dossier;
        let mut base = Dossier::new("acme");
        base.complaints = vec![complaint("shared", "Late")];
        let start = StampedDoc::from_value(&serde_json::to_value(&base).unwrap(), Stamp::new(0, 0, "file"));
        let (mut a, mut b) = (start.clone(), start);
        let mut on_a = base.clone();
        on_a.complaints.push(complaint(&new_item_id(on_a.complaints.iter().map(|c| c.id.as_str()), 11), "From A"));
        on_a.complaints[0].severity = Severity::High;
        a.record(&serde_json::to_value(&on_a).unwrap(), &mut Clock::new("a"), 10);
        let mut on_b = base.clone();
        on_b.complaints.push(complaint(&new_item_id(on_b.complaints.iter().map(|c| c.id.as_str()), 99), "From B"));
        on_b.complaints[0].resolved_on = NaiveDate::from_ymd_opt(2026, 3, 2);
        b.record(&serde_json::to_value(&on_b).unwrap(), &mut Clock::new("b"), 20);
        for merged in [merge(&a, &b), merge(&b, &a)] {
            let d: Dossier = serde_json::from_value(merged.value()).unwrap();
            let texts: Vec<&str> = d.complaints.iter().map(|c| c.text.as_str()).collect();
            assert_eq!(texts.len(), 3, "{texts:?}");
            assert!(texts.contains(&"From A") && texts.contains(&"From B"));
            let shared = d.complaints.iter().find(|c| c.id == "shared").unwrap();
            assert_eq!((shared.severity, shared.resolved_on), (Severity::High, NaiveDate::from_ymd_opt(2026, 3, 2)));
        }
    }

    /// The field-level merge matches after-sale items by id: the newer version of an item
    /// wins field by field, and items only one side has stay.
    #[test]
    fn the_field_level_merge_matches_items_by_id() {
        use crate::merge::workspace::{document_of, workspace_from_value};
        use crate::merge::{merge, Stamp};
        use crate::model::{Dossier, Workspace};
        let with = |promises: Vec<Promise>| {
            let mut ws = Workspace::default();
            ws.add_account("Acme").unwrap();
            let mut d = Dossier::new("acme");
            d.promises = promises;
            ws.upsert_dossier(d);
            ws
        };
        let local = with(vec![
            Promise { id: "p1".into(), text: "Weekend deliveries".into(), ..Default::default() },
            Promise { id: "p2".into(), text: "Only here".into(), ..Default::default() },
        ]);
        let file = with(vec![Promise {
            id: "p1".into(),
            text: "Weekend deliveries".into(),
            state: PromiseState::Kept,
            ..Default::default()
        }]);
        let a = document_of(&local, &Stamp::new(1, 0, "here"), |_, _| false);
        let b = document_of(&file, &Stamp::new(2, 0, "there"), |_, _| false);
        let merged = workspace_from_value(&merge(&a, &b).value()).unwrap();
        let got: Vec<(&str, PromiseState)> =
            merged.dossiers()[0].promises.iter().map(|p| (p.id.as_str(), p.state)).collect();
        assert_eq!(got, vec![("p1", PromiseState::Kept), ("p2", PromiseState::Open)]);
    }
}
