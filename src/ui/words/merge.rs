//! Words of the field-level merge and of comparing with a snapshot: where a change is (record,
//! section, item, field), what it does, and the preview's counts.

use crate::i18n::{tr, tr_args};
use kam_core::merge::records::MergeSummary;
use kam_core::merge::workspace::RecordKey;
use kam_core::merge::{Change, ChangeKind, Path, Seg};
use serde_json::Value;

use super::programme::preset_name;
use super::text::plural;
use kam_core::model::FactorPreset;

/// A field or list of a record, as people call it.
pub fn field_label(key: &str) -> String {
    let known = match key {
        // Account.
        "name" => tr("Name"),
        "industry" => tr("Industry"),
        "is_key" => tr("Key account"),
        "manager" => tr("Key account manager"),
        // Dossier.
        "overview" => tr("Overview"),
        "employees" => tr("Employees"),
        "history" => tr("History"),
        "organisation" => tr("Organisation"),
        "market" => tr("Market"),
        "financials" => tr("Financials"),
        "reasons" => tr("Why key"),
        "justifications" => tr("Justifications"),
        "three_ps" => tr("The three P's"),
        "decisions" => tr("Key decisions"),
        "timeline" => tr("Relationship history"),
        "people" => tr("Decision-making unit"),
        "competitors" => tr("Competitors"),
        "goals" => tr("Goals"),
        "market_situation" => tr("Market situation"),
        "pestel" => "PESTEL",
        "swot" => "SWOT",
        "strategy" => tr("Strategy"),
        "offerings" => tr("Offerings"),
        "units" => tr("Business units"),
        "whitespace" => tr("Whitespace"),
        "executive_sponsor" => tr("Executive sponsor"),
        "team" => tr("Account team"),
        "objectives" => tr("Objectives"),
        "actions" => tr("Actions"),
        "meetings" => tr("Governance calendar"),
        "metrics" => tr("Metrics"),
        "tenders" => tr("Tenders"),
        "proposals" => tr("Proposals"),
        "status" => tr("Status"),
        "lost_criterion" => tr("Lost criterion"),
        "winback_plan" => tr("Win-back plan"),
        "attractiveness" => tr("Attractiveness scores"),
        "strength" => tr("Relative strength scores"),
        "stage" => tr("Relationship stage"),
        "updated" => tr("Last changed"),
        "health_months" => tr("Health over time"),
        "score" => tr("Score"),
        // Items.
        "title" => tr("Title"),
        "role" => tr("Role"),
        "influence" => tr("Influence"),
        "attitude" => tr("Attitude"),
        "expectations" => tr("Expectations"),
        "last_contact" => tr("Last contact"),
        "our_owner" => tr("Owner on our side"),
        "reports_to" => tr("Reports to"),
        "birthday" => tr("Birthday"),
        "family" => tr("Family"),
        "hobbies" => tr("Hobbies"),
        "values" => tr("Values"),
        "phone" => tr("Phone"),
        "email" => tr("E-mail"),
        "personal_notes" => tr("Private notes"),
        "text" => tr("Text"),
        "date" => tr("Date"),
        "due" => tr("Due"),
        "owner" => tr("Owner"),
        "measure" => tr("Measure"),
        "responsibility" => tr("Responsibility"),
        "outcome" => tr("Outcome"),
        "value" => tr("Value"),
        "notes" => tr("Notes"),
        "offering" => tr("Offering"),
        "position" => tr("Position"),
        "strengths" => tr("Strengths"),
        "threats" => tr("Threats"),
        "weaknesses" => tr("Weaknesses"),
        "opportunities" => tr("Opportunities"),
        "by" => tr("Decided by"),
        "why" => tr("Why"),
        "promoted" => tr("Promoted"),
        // Programme.
        "criteria_text" => tr("Written criteria"),
        "revenue_threshold" => tr("Revenue threshold"),
        "min_strategic_reasons" => tr("Strategic reasons needed"),
        "lost_after_months" => tr("Lost after (months)"),
        "champion" => tr("Programme champion"),
        "skills" => tr("Skills self-assessment"),
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
/// names the items of lists (see `kam_core::merge::records::item_name`).
pub fn place(change: &Change, item: impl Fn(&Path) -> Option<String>) -> String {
    let Some(key) = RecordKey::of_path(&change.path) else { return tr("Workspace").into() };
    let start = key.path().0.len();
    let mut parts: Vec<String> = Vec::new();
    if let RecordKey::History(_) = key {
        return match change.path.0.get(start) {
            Some(Seg::Key(month)) => tr_args("Orders of {month}", &[("month", &month)]),
            _ => tr("Order history").into(),
        };
    }
    let mut here = Path(change.path.0[..start].to_vec());
    let mut scores = false;
    for seg in &change.path.0[start..] {
        here.0.push(seg.clone());
        parts.push(match seg {
            // A dossier's matrix score is keyed by its factor's score key: a preset's is shown
            // under the preset's name in the reader's language, any other as it is.
            Seg::Key(k) if scores => {
                FactorPreset::of_stored_name(k).map_or_else(|| k.clone(), |p| preset_name(p).into())
            }
            Seg::Key(k) => field_label(k),
            Seg::Item(id) => {
                item(&here).unwrap_or_else(|| tr_args("item {id}", &[("id", &id.chars().take(6).collect::<String>())]))
            }
        });
        scores = matches!(key, RecordKey::Dossier(_))
            && matches!(seg, Seg::Key(k) if k == "attractiveness" || k == "strength");
    }
    if parts.is_empty() {
        return match key {
            RecordKey::Account(_) => tr("The account").into(),
            RecordKey::Dossier(_) => tr("The account plan").into(),
            RecordKey::History(_) => tr("Order history").into(),
            RecordKey::Programme => tr("Programme settings").into(),
        };
    }
    parts.join(" › ")
}

/// A value as the preview shows it, shortened.
pub fn value_text(value: Option<&Value>) -> String {
    match value {
        None => tr("(none)").into(),
        Some(Value::Null) => tr("(empty)").into(),
        Some(Value::Bool(b)) => if *b { tr("yes") } else { tr("no") }.into(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(s)) if s.is_empty() => tr("(empty)").into(),
        Some(Value::String(s)) => {
            let short: String = s.chars().take(80).collect();
            if short.len() < s.len() {
                format!("“{short}…”")
            } else {
                format!("“{short}”")
            }
        }
        Some(Value::Array(a)) => plural(a.len(), "entry", "entries"),
        Some(Value::Object(_)) => tr("(new)").into(),
    }
}

/// What a change does: "added", "removed", "moved", or "old → new".
pub fn what(change: &Change) -> String {
    let node = change.path.is_item()
        || matches!(&change.remote, Some(Value::Object(m)) if m.is_empty())
        || matches!(&change.local, Some(Value::Object(m)) if m.is_empty());
    match (change.kind, node) {
        (ChangeKind::Added, true) => tr("added").into(),
        (ChangeKind::Removed, _) => tr("removed").into(),
        (ChangeKind::Changed, true) if change.path.is_item() => tr("moved in its list").into(),
        (ChangeKind::Added, false) => tr_args("set to {0}", &[("0", &(value_text(change.remote.as_ref())))]),
        (ChangeKind::Changed, _) => {
            format!("{} → {}", value_text(change.local.as_ref()), value_text(change.remote.as_ref()))
        }
    }
}

/// A conflict: both values, and which one the merge keeps unless the user chooses.
pub fn conflict_text(change: &Change, keeps_theirs: bool) -> String {
    let side = |v: Option<&Value>| if v.is_none() { tr("(deleted)").to_string() } else { value_text(v) };
    tr_args(
        "Changed on both sides — yours: {0}; theirs: {1}. Keeping {2}.",
        &[
            ("0", &(side(change.local.as_ref()))),
            ("1", &(side(change.remote.as_ref()))),
            ("2", &(if keeps_theirs { tr("theirs") } else { tr("yours") })),
        ],
    )
}

/// What merging a file would do to the workspace's accounts.
pub fn merge_summary(s: &MergeSummary) -> String {
    let mut text = tr_args(
        "{0} in the file: {1} new, {2} changed, {3} unchanged.",
        &[
            ("0", &plural(s.accounts_in_file, "account", "accounts")),
            ("1", &s.new_accounts),
            ("2", &s.changed_accounts),
            ("3", &s.unchanged_accounts),
        ],
    );
    if s.programme_changes {
        text.push_str(tr(" The programme settings change."));
    }
    if s.conflicts > 0 {
        text.push_str(&tr_args(
            " {0} changed both here and in the file since you last exchanged: the newer edit wins unless you choose.",
            &[("0", &plural(s.conflicts, "value was", "values were"))],
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
        tr_args(
            "Nothing changed since the snapshot \"{snapshot}\" ({taken_at}).",
            &[("snapshot", &snapshot), ("taken_at", &taken_at)],
        )
    } else {
        tr_args(
            "Since the snapshot \"{snapshot}\" ({taken_at}): {2}.",
            &[("snapshot", &snapshot), ("taken_at", &taken_at), ("2", &plural(changes, "change", "changes"))],
        )
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
        let dossier = Path(vec![Seg::Key("dossiers".into()), Seg::Key("acme".into())]);
        let score = |key: &str| change(dossier.key("strength").key(key), ChangeKind::Changed, None, None);
        assert_eq!(
            place(&score("Relationship and access"), |_| None),
            "Relative strength scores › Relationship and access"
        );
        assert_eq!(place(&score("own_factor"), |_| None), "Relative strength scores › own_factor", "as it is");
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
