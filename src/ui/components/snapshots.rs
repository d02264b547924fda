//! Named snapshots of the workspace ("after the March workshop"): save, list, restore, delete.
//! Kept in this browser's IndexedDB as KAM Planner files with personal details (they never leave
//! the browser). Restoring keeps the current workspace as the automatic snapshot first.

use crate::i18n::{tr, tr_args};
use kam_core::merge::records::{changes_by_account, compare};
use kam_core::merge::workspace::{document_of, zero_stamp};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::file_exchange::read_snapshot;
use crate::store::{Snapshot, Stamps};
use crate::ui::components::changes::{ChangeGroups, Group};
use crate::ui::state::use_app;
use crate::ui::words::merge::compare_heading;
use crate::ui::words::store::store_error;

fn unreadable(s: &Snapshot, why: &str) -> String {
    tr_args("The snapshot \"{0}\" could not be read: {1}", &[("0", &s.reason), ("1", &why)])
}

#[component]
pub fn Snapshots() -> impl IntoView {
    let state = use_app();
    let list = RwSignal::new(Vec::<(String, Snapshot)>::new());
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let refresh = move || {
        state.named_snapshots(move |result| match result {
            Ok(l) => list.set(l),
            Err(e) => error.set(Some(tr_args("The snapshots could not be listed: {0}", &[("0", &store_error(&e))]))),
        })
    };
    refresh();
    let save = move || {
        let label = name.get_untracked().trim().to_string();
        if label.is_empty() {
            error.set(Some(tr("Give the snapshot a name, such as \"after the March workshop\".").into()));
            return;
        }
        if label.chars().count() > 120 {
            error.set(Some(tr("Snapshot names are limited to 120 characters.").into()));
            return;
        }
        state.save_named_snapshot(label, move |result| match result {
            Ok(()) => {
                error.set(None);
                name.set(String::new());
                refresh();
            }
            Err(e) => error.set(Some(tr_args("The snapshot was not saved: {0}", &[("0", &store_error(&e))]))),
        });
    };
    // What changed since a snapshot: heading and the changes, by account.
    let comparison = RwSignal::new(None::<(String, Vec<Group>)>);
    let compare_with = move |s: Snapshot| {
        spawn_local(async move {
            match read_snapshot(&s.reason, &s.file).await {
                Ok(file) => {
                    let groups = state.workspace.with_untracked(|ws| {
                        let changes = compare(&file.workspace, ws);
                        let count = changes.len();
                        let docs = [
                            document_of(ws, &zero_stamp(), |_, _| false),
                            document_of(&file.workspace, &zero_stamp(), |_, _| false),
                        ];
                        let groups =
                            Group::list(changes_by_account(changes), &[ws, &file.workspace], &[&docs[0], &docs[1]]);
                        let shown: usize = groups.iter().map(|g| g.lines.len()).sum();
                        (compare_heading(&s.reason, &s.taken_at, if count == 0 { 0 } else { shown.max(1) }), groups)
                    });
                    error.set(None);
                    comparison.set(Some(groups));
                }
                Err(e) => error.set(Some(unreadable(&s, &e))),
            }
        })
    };
    let restore = move |s: Snapshot| {
        spawn_local(async move {
            match read_snapshot(&s.reason, &s.file).await {
                // Restoring is an edit made now: what it changes wins over older copies when the
                // plan is next exchanged.
                Ok(file) => state.replace_keeping_snapshot(
                    file.workspace,
                    Stamps::Recorded,
                    tr_args("before restoring \"{0}\"", &[("0", &s.reason)]),
                    tr_args(
                        "Restored the snapshot \"{0}\" ({1}). The workspace before it is kept: Undo, or restore it below.",
                        &[("0", &s.reason), ("1", &s.taken_at)],
                    ),
                ),
                Err(e) => error.set(Some(unreadable(&s, &e))),
            }
        })
    };
    let delete = move |key: String, label: String| {
        let ok = web_sys::window()
            .and_then(|w| {
                w.confirm_with_message(&tr_args(
                    "Delete the snapshot \"{label}\"? This cannot be undone.",
                    &[("label", &label)],
                ))
                .ok()
            })
            .unwrap_or(false);
        if !ok {
            return;
        }
        state.delete_named_snapshot(key, move |result| match result {
            Ok(()) => refresh(),
            Err(e) => error.set(Some(tr_args("The snapshot was not deleted: {0}", &[("0", &store_error(&e))]))),
        });
    };
    view! {
        <h3>{move || tr("Snapshots")}</h3>
        <p class="muted small">{move || tr("A snapshot keeps the whole workspace as it is now, in this browser, to come back to later.")}</p>
        <form class="inline-add" on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); save(); }>
            <label class="field"><span>{move || tr("Snapshot name")}</span>
                <input type="text" data-testid="snapshot-name" placeholder=move || tr("after the March workshop") prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/></label>
            <button type="submit" class="button" data-testid="snapshot-save" disabled=move || state.workspace.with(|ws| ws.is_empty())>{move || tr("Save snapshot")}</button>
        </form>
        {move || error.get().map(|e| view! { <p class="field-error" role="alert" data-testid="snapshot-error">{e}</p> })}
        {move || {
            let l = list.get();
            if l.is_empty() {
                return view! { <p class="muted small" data-testid="snapshot-none">{move || tr("No named snapshots yet.")}</p> }.into_any();
            }
            view! {
                <ul class="snapshot-list" data-testid="snapshot-list">
                    {l.into_iter().rev().map(|(key, s)| {
                        let (s2, s3, label) = (s.clone(), s.clone(), s.reason.clone());
                        view! {
                            <li data-testid="snapshot-row">
                                <span><strong>{s.reason.clone()}</strong>" · "{s.taken_at.clone()}</span>
                                <button type="button" class="button small" data-testid="compare-snapshot" on:click=move |_| compare_with(s3.clone())>{move || tr("Compare with now")}</button>
                                <button type="button" class="button small" data-testid="snapshot-restore" on:click=move |_| restore(s2.clone())>{move || tr("Restore")}</button>
                                <button type="button" class="button small danger" data-testid="snapshot-delete" on:click=move |_| delete(key.clone(), label.clone())>{move || tr("Delete")}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        {move || comparison.get().map(|(heading, groups)| view! {
            <div class="snapshot-compare" data-testid="snapshot-compare" role="region" aria-label=move || tr("Changes since the snapshot")>
                <p><strong>{heading}</strong></p>
                {(!groups.is_empty()).then(|| view! { <ChangeGroups groups=groups/> })}
                <button type="button" class="button small" on:click=move |_| comparison.set(None)>{move || tr("Close")}</button>
            </div>
        })}
    }
}
