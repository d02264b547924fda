//! Named snapshots of the workspace ("after the March workshop"): save, list, restore, delete.
//! Kept in this browser's IndexedDB as KAM Planner files with personal details (they never leave
//! the browser). Restoring keeps the current workspace as the automatic snapshot first.

use kam_core::exchange::read_file;
use leptos::prelude::*;

use crate::store::Snapshot;
use crate::ui::state::use_app;
use crate::ui::words::exchange::file_error;
use crate::ui::words::store::store_error;

#[component]
pub fn Snapshots() -> impl IntoView {
    let state = use_app();
    let list = RwSignal::new(Vec::<(String, Snapshot)>::new());
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let refresh = move || {
        state.named_snapshots(move |result| match result {
            Ok(l) => list.set(l),
            Err(e) => error.set(Some(format!("The snapshots could not be listed: {}", store_error(&e)))),
        })
    };
    refresh();
    let save = move || {
        let label = name.get_untracked().trim().to_string();
        if label.is_empty() {
            error.set(Some("Give the snapshot a name, such as \"after the March workshop\".".into()));
            return;
        }
        if label.chars().count() > 120 {
            error.set(Some("Snapshot names are limited to 120 characters.".into()));
            return;
        }
        state.save_named_snapshot(label, move |result| match result {
            Ok(()) => {
                error.set(None);
                name.set(String::new());
                refresh();
            }
            Err(e) => error.set(Some(format!("The snapshot was not saved: {}", store_error(&e)))),
        });
    };
    let restore = move |s: Snapshot| match read_file(s.file.as_bytes()) {
        Ok(file) => state.replace_keeping_snapshot(
            file.workspace,
            format!("before restoring \"{}\"", s.reason),
            format!(
                "Restored the snapshot \"{}\" ({}). The workspace before it is kept: Undo, or restore it below.",
                s.reason, s.taken_at
            ),
        ),
        Err(e) => error.set(Some(format!("The snapshot \"{}\" could not be read: {}", s.reason, file_error(&e)))),
    };
    let delete = move |key: String, label: String| {
        let ok = web_sys::window()
            .and_then(|w| {
                w.confirm_with_message(&format!("Delete the snapshot \"{label}\"? This cannot be undone.")).ok()
            })
            .unwrap_or(false);
        if !ok {
            return;
        }
        state.delete_named_snapshot(key, move |result| match result {
            Ok(()) => refresh(),
            Err(e) => error.set(Some(format!("The snapshot was not deleted: {}", store_error(&e)))),
        });
    };
    view! {
        <h3>"Snapshots"</h3>
        <p class="muted small">"A snapshot keeps the whole workspace as it is now, in this browser, to come back to later."</p>
        <form class="inline-add" on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); save(); }>
            <label class="field"><span>"Snapshot name"</span>
                <input type="text" data-testid="snapshot-name" placeholder="after the March workshop" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/></label>
            <button type="submit" class="button" data-testid="snapshot-save" disabled=move || state.workspace.with(|ws| ws.is_empty())>"Save snapshot"</button>
        </form>
        {move || error.get().map(|e| view! { <p class="field-error" role="alert" data-testid="snapshot-error">{e}</p> })}
        {move || {
            let l = list.get();
            if l.is_empty() {
                return view! { <p class="muted small" data-testid="snapshot-none">"No named snapshots yet."</p> }.into_any();
            }
            view! {
                <ul class="snapshot-list" data-testid="snapshot-list">
                    {l.into_iter().rev().map(|(key, s)| {
                        let (s2, label) = (s.clone(), s.reason.clone());
                        view! {
                            <li data-testid="snapshot-row">
                                <span><strong>{s.reason.clone()}</strong>" · "{s.taken_at.clone()}</span>
                                <button type="button" class="button small" data-testid="snapshot-restore" on:click=move |_| restore(s2.clone())>"Restore"</button>
                                <button type="button" class="button small danger" data-testid="snapshot-delete" on:click=move |_| delete(key.clone(), label.clone())>"Delete"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}
