//! A field-by-field list of changes, grouped by account: the merge preview (with a choice per
//! conflict) and the comparison with a snapshot.

use crate::i18n::{tr, tr_args, tr_plural};
use kam_core::merge::records::item_name;
use kam_core::merge::workspace::RecordKey;
use kam_core::merge::{Change, ChangeKind, Choice, Path, StampedDoc};
use kam_core::model::Workspace;
use leptos::prelude::*;
use std::collections::BTreeMap;

use crate::ui::words::merge::{conflict_text, place, what};

/// How many lines the list shows; a note says how many more there are.
const MAX_LINES: usize = 400;

#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub change: Change,
    pub place: String,
    pub what: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub title: String,
    pub lines: Vec<Line>,
    /// Lines not listed because an item or record above them is added or removed as a whole.
    pub folded: usize,
}

impl Group {
    /// Groups as shown: accounts named from any of `workspaces`, list items from any of `docs`;
    /// what lies below an added or removed item is folded into that item's line. Groups with
    /// conflicts first.
    pub fn list(
        grouped: Vec<(Option<String>, Vec<Change>)>,
        workspaces: &[&Workspace],
        docs: &[&StampedDoc],
    ) -> Vec<Group> {
        let name_of_item = |p: &Path| docs.iter().find_map(|d| item_name(d, p));
        let out: Vec<Group> = grouped
            .into_iter()
            .map(|(account, changes)| {
                let title = match &account {
                    Some(id) => workspaces
                        .iter()
                        .find_map(|ws| ws.account(id).map(|a| a.name.clone()))
                        .unwrap_or_else(|| id.clone()),
                    None => tr("Programme settings").to_string(),
                };
                let whole: Vec<&Path> = changes
                    .iter()
                    .filter(|c| c.kind != ChangeKind::Changed && (c.path.is_item() || is_record_root(&c.path)))
                    .map(|c| &c.path)
                    .collect();
                let (mut lines, mut folded) = (Vec::new(), 0);
                for c in &changes {
                    let below = whole.iter().any(|w| c.path.starts_with(w) && c.path.0.len() > w.0.len());
                    // Object and list nodes coming into existence say nothing on their own.
                    let node = matches!(&c.remote, Some(serde_json::Value::Object(m)) if m.is_empty())
                        || matches!(&c.remote, Some(serde_json::Value::Array(a)) if a.is_empty());
                    if below || (node && !c.path.is_item() && !is_record_root(&c.path) && !c.conflict) {
                        folded += 1;
                        continue;
                    }
                    lines.push(Line { place: place(c, name_of_item), what: what(c), change: c.clone() });
                }
                Group { title, lines, folded }
            })
            .filter(|g| !g.lines.is_empty())
            .collect();
        let (mut first, rest): (Vec<Group>, Vec<Group>) =
            out.into_iter().partition(|g| g.lines.iter().any(|l| l.change.conflict));
        first.extend(rest);
        first
    }
}

fn is_record_root(path: &Path) -> bool {
    RecordKey::of_path(path).is_some_and(|k| k.path() == *path)
}

#[component]
pub fn ChangeGroups(
    groups: Vec<Group>,
    /// Present for a merge preview: the user's choice per conflict (absent = the default).
    #[prop(optional)]
    choices: Option<RwSignal<BTreeMap<Path, Choice>>>,
) -> impl IntoView {
    let conflicts: Vec<Change> =
        groups.iter().flat_map(|g| g.lines.iter().filter(|l| l.change.conflict).map(|l| l.change.clone())).collect();
    let set_all = move |choice: Choice| {
        if let Some(choices) = choices {
            choices.update(|m| {
                for c in &conflicts {
                    m.insert(c.path.clone(), choice);
                }
            });
        }
    };
    let any_conflict = groups.iter().any(|g| g.lines.iter().any(|l| l.change.conflict));
    let total: usize = groups.iter().map(|g| g.lines.len()).sum();
    let mut budget = MAX_LINES;
    let shown: Vec<Group> = groups
        .into_iter()
        .filter_map(|mut g| {
            if budget == 0 {
                return None;
            }
            g.lines.truncate(budget);
            budget -= g.lines.len();
            Some(g)
        })
        .collect();
    let listed: usize = shown.iter().map(|g| g.lines.len()).sum();
    view! {
        <div class="change-list" data-testid="change-list">
            {(any_conflict && choices.is_some()).then(|| {
                let set_all_mine = set_all.clone();
                view! {
                    <div class="actions">
                        <button type="button" class="button small" data-testid="keep-mine-all" on:click=move |_| set_all_mine(Choice::KeepMine)>{move || tr("Keep mine for all conflicts")}</button>
                        <button type="button" class="button small" data-testid="take-theirs-all" on:click=move |_| set_all(Choice::TakeTheirs)>{move || tr("Take theirs for all conflicts")}</button>
                    </div>
                }
            })}
            {shown.into_iter().map(|g| {
                let count = g.lines.len() + g.folded;
                view! {
                    <section class="change-group" data-testid="change-group">
                        <h4>{g.title.clone()}<span class="muted small">{tr_plural(count, " · {n} value", " · {n} values", &[])}</span></h4>
                        <ul>
                            {g.lines.into_iter().map(|l| line_view(l, choices)).collect_view()}
                        </ul>
                    </section>
                }
            }).collect_view()}
            {(listed < total).then(|| view! { <p class="muted small">{tr_args("… and {0} more changes.", &[("0", &(total - listed))])}</p> })}
        </div>
    }
}

fn line_view(l: Line, choices: Option<RwSignal<BTreeMap<Path, Choice>>>) -> AnyView {
    if !l.change.conflict {
        return view! {
            <li class="change" data-testid="merge-change">
                <span class="change-place">{l.place}</span>": "<span>{l.what}</span>
            </li>
        }
        .into_any();
    }
    let path = StoredValue::new(l.change.path.clone());
    let default_theirs = l.change.remote_wins;
    let keeps_theirs = move || match choices.and_then(|c| c.with(|m| path.with_value(|p| m.get(p).copied()))) {
        Some(Choice::TakeTheirs) => true,
        Some(Choice::KeepMine) => false,
        None => default_theirs,
    };
    let choose = {
        let path = l.change.path.clone();
        move |choice: Choice| {
            if let Some(c) = choices {
                c.update(|m| {
                    m.insert(path.clone(), choice);
                });
            }
        }
    };
    let choose_mine = choose.clone();
    let change = l.change.clone();
    view! {
        <li class="change conflict" data-testid="merge-change">
            <div data-testid="merge-conflict">
                <span class="change-place">{l.place}</span>": "
                <span>{move || conflict_text(&change, keeps_theirs())}</span>
                {choices.is_some().then(|| view! {
                    <span class="actions">
                        <button type="button" class="button small" data-testid="keep-mine"
                            aria-pressed=move || (!keeps_theirs()).to_string() on:click=move |_| choose_mine(Choice::KeepMine)>{move || tr("Keep mine")}</button>
                        <button type="button" class="button small" data-testid="take-theirs"
                            aria-pressed=move || keeps_theirs().to_string() on:click=move |_| choose(Choice::TakeTheirs)>{move || tr("Take theirs")}</button>
                    </span>
                })}
            </div>
        </li>
    }
    .into_any()
}
