//! Words of the field-level merge and of comparing with a snapshot: where a change is (record,
//! section, item, field), what it does, and the preview's counts.

use kam_core::merge::workspace::{MergeSummary, RecordKey};
use kam_core::merge::{Change, ChangeKind, Path, Seg};
use serde_json::Value;

use super::text::plural;

/// A field or list of a record, as people call it.
pub fn field_label(key: &str) -> String {
    let known = match key {
        // Account.
        "name" => "Name",
        "industry" => "Industry",
        "is_key" => "Key account",
        "manager" => "Key account manager",
        // Dossier.
        "overview" => "Overview",
        "employees" => "Employees",
        "history" => "History",
        "organisation" => "Organisation",
        "market" => "Market",
        "financials" => "Financials",
        "reasons" => "Why key",
        "justifications" => "Justifications",
        "three_ps" => "The three P's",
        "decisions" => "Key decisions",
        "timeline" => "Relationship history",
        "people" => "Decision-making unit",
        "competitors" => "Competitors",
        "goals" => "Goals",
        "market_situation" => "Market situation",
        "pestel" => "PESTEL",
        "swot" => "SWOT",
        "strategy" => "Strategy",
        "offerings" => "Offerings",
        "units" => "Business units",
        "whitespace" => "Whitespace",
        "executive_sponsor" => "Executive sponsor",
        "team" => "Account team",
        "objectives" => "Objectives",
        "actions" => "Actions",
        "meetings" => "Governance calendar",
        "metrics" => "Metrics",
        "tenders" => "Tenders",
        "proposals" => "Proposals",
        "status" => "Status",
        "lost_criterion" => "Lost criterion",
        "winback_plan" => "Win-back plan",
        "attractiveness" => "Attractiveness scores",
        "strength" => "Relative strength scores",
        "stage" => "Relationship stage",
        "updated" => "Last changed",
        // Items.
        "title" => "Title",
        "role" => "Role",
        "influence" => "Influence",
        "attitude" => "Attitude",
        "expectations" => "Expectations",
        "last_contact" => "Last contact",
        "our_owner" => "Owner on our side",
        "reports_to" => "Reports to",
        "birthday" => "Birthday",
        "family" => "Family",
        "hobbies" => "Hobbies",
        "values" => "Values",
        "phone" => "Phone",
        "email" => "E-mail",
        "personal_notes" => "Private notes",
        "text" => "Text",
        "date" => "Date",
        "due" => "Due",
        "owner" => "Owner",
        "measure" => "Measure",
        "responsibility" => "Responsibility",
        "outcome" => "Outcome",
        "value" => "Value",
        "notes" => "Notes",
        "offering" => "Offering",
        "position" => "Position",
        "strengths" => "Strengths",
        "threats" => "Threats",
        "weaknesses" => "Weaknesses",
        "opportunities" => "Opportunities",
        "by" => "Decided by",
        "why" => "Why",
        "promoted" => "Promoted",
        // Programme.
        "criteria_text" => "Written criteria",
        "revenue_threshold" => "Revenue threshold",
        "min_strategic_reasons" => "Strategic reasons needed",
        "lost_after_months" => "Lost after (months)",
        "champion" => "Programme champion",
        "skills" => "Skills self-assessment",
        _ => "",
    };
    if !known.is_empty() {
        return known.to_string();
    }
    let words = key.replace('_', " ");
    let mut chars = words.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().collect::<String>() + chars.as_str())
}

/// Where a change is, below its record: "Decision-making unit › Anna Berg › Phone". `item`
/// names the items of lists (see `kam_core::merge::workspace::item_name`).
pub fn place(change: &Change, item: impl Fn(&Path) -> Option<String>) -> String {
    let Some(key) = RecordKey::of_path(&change.path) else { return "Workspace".into() };
    let start = key.path().0.len();
    let mut parts: Vec<String> = Vec::new();
    if let RecordKey::History(_) = key {
        return match change.path.0.get(start) {
            Some(Seg::Key(month)) => format!("Orders of {month}"),
            _ => "Order history".into(),
        };
    }
    let mut here = Path(change.path.0[..start].to_vec());
    for seg in &change.path.0[start..] {
        here.0.push(seg.clone());
        parts.push(match seg {
            Seg::Key(k) => field_label(k),
            Seg::Item(id) => item(&here).unwrap_or_else(|| format!("item {}", id.chars().take(6).collect::<String>())),
        });
    }
    if parts.is_empty() {
        return match key {
            RecordKey::Account(_) => "The account".into(),
            RecordKey::Dossier(_) => "The account plan".into(),
            RecordKey::History(_) => "Order history".into(),
            RecordKey::Programme => "Programme settings".into(),
        };
    }
    parts.join(" › ")
}

/// A value as the preview shows it, shortened.
pub fn value_text(value: Option<&Value>) -> String {
    match value {
        None => "(none)".into(),
        Some(Value::Null) => "(empty)".into(),
        Some(Value::Bool(b)) => if *b { "yes" } else { "no" }.into(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(s)) if s.is_empty() => "(empty)".into(),
        Some(Value::String(s)) => {
            let short: String = s.chars().take(80).collect();
            if short.len() < s.len() {
                format!("“{short}…”")
            } else {
                format!("“{short}”")
            }
        }
        Some(Value::Array(a)) => plural(a.len(), "entry", "entries"),
        Some(Value::Object(_)) => "(new)".into(),
    }
}

/// What a change does: "added", "removed", "moved", or "old → new".
pub fn what(change: &Change) -> String {
    let node = change.path.is_item()
        || matches!(&change.remote, Some(Value::Object(m)) if m.is_empty())
        || matches!(&change.local, Some(Value::Object(m)) if m.is_empty());
    match (change.kind, node) {
        (ChangeKind::Added, true) => "added".into(),
        (ChangeKind::Removed, _) => "removed".into(),
        (ChangeKind::Changed, true) if change.path.is_item() => "moved in its list".into(),
        (ChangeKind::Added, false) => format!("set to {}", value_text(change.remote.as_ref())),
        (ChangeKind::Changed, _) => {
            format!("{} → {}", value_text(change.local.as_ref()), value_text(change.remote.as_ref()))
        }
    }
}

/// A conflict: both values, and which one the merge keeps unless the user chooses.
pub fn conflict_text(change: &Change, keeps_theirs: bool) -> String {
    let side = |v: Option<&Value>| if v.is_none() { "(deleted)".to_string() } else { value_text(v) };
    format!(
        "Changed on both sides — yours: {}; theirs: {}. Keeping {}.",
        side(change.local.as_ref()),
        side(change.remote.as_ref()),
        if keeps_theirs { "theirs" } else { "yours" }
    )
}

/// What merging a file would do to the workspace's accounts.
pub fn merge_summary(s: &MergeSummary) -> String {
    let mut text = format!(
        "{} in the file: {} new, {} changed, {} unchanged.",
        plural(s.accounts_in_file, "account", "accounts"),
        s.new_accounts,
        s.changed_accounts,
        s.unchanged_accounts
    );
    if s.programme_changes {
        text.push_str(" The programme settings change.");
    }
    if s.conflicts > 0 {
        text.push_str(&format!(
            " {} changed both here and in the file since you last exchanged: the newer edit wins unless you choose.",
            plural(s.conflicts, "value was", "values were")
        ));
    }
    text
}

/// Said when the file was written without personal details.
pub const MERGE_PERSONAL_WITHHELD: &str =
    "The file holds no personal details: the birthdays, family and private notes stored here stay as they are.";
/// Said when merging the file would change nothing; Apply is then disabled.
pub const MERGE_NOTHING_TO_CHANGE: &str = "Nothing to change: your workspace already holds everything in this file.";
/// What the Merge choice does.
pub const MERGE_CHOICE: &str = " — field by field: the later edit of each value wins, what only one side has is kept, a deletion stays deleted unless the item was edited after it; personal details the file withholds stay as they are here.";

/// The heading of a comparison with a snapshot.
pub fn compare_heading(snapshot: &str, taken_at: &str, changes: usize) -> String {
    if changes == 0 {
        format!("Nothing changed since the snapshot \"{snapshot}\" ({taken_at}).")
    } else {
        format!("Since the snapshot \"{snapshot}\" ({taken_at}): {}.", plural(changes, "change", "changes"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kam_core::merge::{Path, Seg};

    fn change(path: Path, kind: ChangeKind, local: Option<Value>, remote: Option<Value>) -> Change {
        Change { path, kind, local, remote, conflict: false, remote_wins: true }
    }

    #[test]
    fn places_and_values_read_as_people_say_them() {
        let person = Path(vec![
            Seg::Key("dossiers".into()),
            Seg::Key("acme".into()),
            Seg::Key("people".into()),
            Seg::Item("p1".into()),
        ]);
        let phone = person.key("phone");
        let c = change(phone, ChangeKind::Changed, Some("1".into()), Some("2".into()));
        assert_eq!(place(&c, |_| Some("Anna Berg".into())), "Decision-making unit › Anna Berg › Phone");
        assert_eq!(what(&c), "“1” → “2”");
        let added = change(person, ChangeKind::Added, None, Some("V".into()));
        assert_eq!(what(&added), "added");
        let month = Path(vec![Seg::Key("history".into()), Seg::Key("acme".into()), Seg::Key("2026-03".into())]);
        assert_eq!(place(&change(month, ChangeKind::Changed, None, None), |_| None), "Orders of 2026-03");
        let s = MergeSummary {
            accounts_in_file: 40,
            changed_accounts: 1,
            unchanged_accounts: 39,
            conflicts: 2,
            ..Default::default()
        };
        assert_eq!(
            merge_summary(&s),
            "40 accounts in the file: 0 new, 1 changed, 39 unchanged. 2 values were changed both here and in the file since you last exchanged: the newer edit wins unless you choose."
        );
    }
}
