//! Export and import of KAM Planner files: how a plan travels by e-mail.

use crate::i18n::{tr, tr_args};
use kam_core::exchange::PersonalDetails;
use kam_core::merge::records::{changes_by_account, preview_records, MergeSummary, Touched};
use kam_core::merge::{Choice, Path, StampedDoc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;

use crate::file_exchange::{read_kam_file, write_kam_file, Read};
use crate::import_protocol::StampedWorkspace;
use crate::store::{Repository, Stamps};
use crate::ui::components::changes::{ChangeGroups, Group};
use crate::ui::components::{download_text, read_bytes, FileDrop};
use crate::ui::state::{use_app, AppState};
use crate::ui::words::choices::Words;
use crate::ui::words::merge::{merge_summary, MERGE_CHOICE, MERGE_NOTHING_TO_CHANGE, MERGE_PERSONAL_WITHHELD};
use crate::ui::words::store::store_error;

/// `<name>-<yyyy-mm-dd>.kam.json`, with the name reduced to safe file-name characters.
pub fn file_name(name: &str) -> String {
    let slug: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let slug = if slug.is_empty() { "kam-plan".to_string() } else { slug.chars().take(60).collect() };
    format!("{slug}-{}.kam.json", chrono::Local::now().date_naive())
}

/// Writes the file (protected when a passphrase is given) and starts the download.
async fn export(
    state: AppState,
    account: Option<String>,
    personal: PersonalDetails,
    passphrase: Option<String>,
) -> Result<(String, String), String> {
    let document = async { Repository::shared().await?.document().await }.await.map_err(|e| store_error(&e))?;
    let ws = state.workspace.get_untracked();
    let name = match &account {
        Some(id) => ws.account(id).map_or("account".to_string(), |a| a.name.clone()),
        None => "workspace".to_string(),
    };
    let text = write_kam_file(&ws, &document, account, personal, passphrase).await?;
    let file = file_name(&name);
    download_text(&file, "application/json", &text)?;
    Ok((file, name))
}

fn mail_summary(state: AppState, account: Option<&str>, file: &str) -> String {
    let body = state.segmentation.with_untracked(|seg| {
        state.workspace.with_untracked(|ws| match account.and_then(|id| ws.account(id)) {
            Some(a) => {
                let row = seg.row(&a.id);
                let d = ws.dossier(&a.id);
                tr_args(
                    "Account plan: {0}\nSegment: {1}\nKey account manager: {2}\nExecutive sponsor: {3}\nWhy key: {4}\n",
                    &[
                        ("0", &a.name),
                        ("1", &(row.map(|r| r.code()).unwrap_or_default())),
                        ("2", &(if a.manager.is_empty() { "—" } else { &a.manager })),
                        (
                            "3",
                            &(d.map_or("—".to_string(), |d| {
                                if d.executive_sponsor.is_empty() {
                                    "—".into()
                                } else {
                                    d.executive_sponsor.clone()
                                }
                            })),
                        ),
                        (
                            "4",
                            &(d.map_or(String::new(), |d| {
                                d.reasons.iter().map(|r| r.label()).collect::<Vec<_>>().join(", ")
                            })),
                        ),
                    ],
                )
            }
            None => tr_args(
                "KAM portfolio: {0} accounts, {1} key accounts.\nTop 5 accounts hold {2} % of the value.\n",
                &[
                    ("0", &ws.accounts().len()),
                    ("1", &seg.concentration.key_count),
                    ("2", &(format!("{:.0}", seg.concentration.top5_pct))),
                ],
            ),
        })
    });
    tr_args("{body}\nThe plan is attached as {file}. To open it: go to KAM Planner, Settings › Import a KAM Planner file, and choose the attachment. Nothing is uploaded: it opens in your browser.\n", &[("body", &body), ("file", &file)])
}

fn open_mail(subject: &str, body: &str) {
    let enc = |s: &str| String::from(js_sys::encode_uri_component(s));
    let href = format!("mailto:?subject={}&body={}", enc(subject), enc(body));
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_href(&href);
    }
}

/// Export buttons: download, or download and open an e-mail draft. Used for the whole
/// workspace (Settings) and for one account (its dossier).
#[component]
pub fn ExportControls(#[prop(optional, into)] account: Option<String>) -> impl IntoView {
    let state = use_app();
    let personal = RwSignal::new(false);
    let protect = RwSignal::new(false);
    let passphrase = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let account = StoredValue::new(account);
    let run = move |mail: bool| {
        let choice = if personal.get_untracked() { PersonalDetails::Included } else { PersonalDetails::Removed };
        let secret = protect.get_untracked().then(|| passphrase.get_untracked());
        if secret.as_ref().is_some_and(|p| p.chars().count() < 8) {
            state.error.set(Some(tr("Choose a passphrase of at least 8 characters, and tell it to the receiver another way than the e-mail.").into()));
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let result = export(state, account.get_value(), choice, secret).await;
            busy.set(false);
            match result {
                Ok((file, name)) if mail => {
                    let subject = if account.get_value().is_some() {
                        tr_args("Account plan: {name}", &[("name", &name)])
                    } else {
                        tr("KAM portfolio").to_string()
                    };
                    open_mail(&subject, &mail_summary(state, account.get_value().as_deref(), &file));
                }
                Ok(_) => {}
                Err(e) => state.error.set(Some(e)),
            }
        });
    };
    view! {
        <div class="export-controls">
            <label class="check">
                <input type="checkbox" data-testid="export-include-personal" prop:checked=move || personal.get() on:change=move |ev| personal.set(event_target_checked(&ev))/>
                <span>{move || tr("Include personal details (birthdays, family, hobbies, private notes)")}</span>
            </label>
            <label class="check">
                <input type="checkbox" data-testid="export-protect" prop:checked=move || protect.get() on:change=move |ev| protect.set(event_target_checked(&ev))/>
                <span>{move || tr("Protect the file with a passphrase")}</span>
            </label>
            <Show when=move || protect.get()>
                <label class="field">
                    <span>{move || tr("Passphrase (at least 8 characters; tell it to the receiver by phone, not in the e-mail)")}</span>
                    <input type="password" autocomplete="new-password" data-testid="export-passphrase" prop:value=move || passphrase.get() on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                </label>
            </Show>
            <div class="actions">
                <button type="button" class="button" disabled=move || busy.get() data-testid=if account.get_value().is_some() { "export-account" } else { "export-workspace" } on:click=move |_| run(false)>{move || tr("Download file")}</button>
                <button type="button" class="button" disabled=move || busy.get() data-testid="share-email" on:click=move |_| run(true)>{move || tr("Share by e-mail…")}</button>
                <Show when=move || busy.get()><span role="status">{move || tr("Protecting the file…")}</span></Show>
            </div>
            <p class="muted small">{move || if personal.get() {
                tr("The file will hold personal details of contacts: send it only to people allowed to see them.")
            } else {
                tr("Personal details are left out of the file: names, roles and the plan travel; birthdays, family and private notes stay here.")
            }}</p>
        </div>
    }
}

/// A file read and compared with the workspace, waiting for the user's choice.
#[derive(Clone)]
struct Pending {
    name: String,
    /// What the file holds and when it was exported, worded.
    first_line: String,
    withheld: bool,
    read: StampedWorkspace,
    groups: Vec<Group>,
    summary: MergeSummary,
    /// The records the preview found the file to change, for the Apply.
    touched: Touched,
}

/// The preview of merging `read` into the stored workspace: every change, grouped by account.
async fn compare_with_stored(
    state: AppState,
    read: &StampedWorkspace,
) -> Result<(Vec<Group>, MergeSummary, Touched), String> {
    let local: StampedDoc =
        async { Repository::shared().await?.document().await }.await.map_err(|e| store_error(&e))?;
    let (changes, touched) = preview_records(&local, &read.document);
    let grouped = changes_by_account(changes);
    let summary = MergeSummary::of(&grouped, read.workspace.accounts().len());
    let groups =
        state.workspace.with_untracked(|ws| Group::list(grouped, &[ws, &read.workspace], &[&local, &read.document]));
    Ok((groups, summary, touched))
}

/// Import of a KAM Planner file: check, preview field by field, then merge or replace.
#[component]
pub fn ImportFileControls() -> impl IntoView {
    let state = use_app();
    let error = RwSignal::new(None::<String>);
    let pending = RwSignal::new(None::<Pending>);
    let choices = RwSignal::new(BTreeMap::<Path, Choice>::new());
    let locked = RwSignal::new_local(None::<(String, Vec<u8>)>);
    let passphrase = RwSignal::new(String::new());
    // Read in the worker: the passphrase form when the file is protected, else the preview.
    let read = move |name: String, bytes: Vec<u8>, secret: Option<String>| {
        spawn_local(async move {
            let unlocking = secret.is_some();
            match read_kam_file(&name, &bytes, secret).await {
                Ok(Read::Locked) => {
                    pending.set(None);
                    error.set(None);
                    locked.set(Some((name, bytes)));
                }
                Ok(Read::File { summary: first_line, withheld, stamped }) => {
                    locked.set(None);
                    if unlocking {
                        passphrase.set(String::new());
                    }
                    match compare_with_stored(state, &stamped).await {
                        Ok((groups, summary, touched)) => {
                            error.set(None);
                            choices.set(BTreeMap::new());
                            pending.set(Some(Pending {
                                name,
                                first_line,
                                withheld,
                                read: *stamped,
                                groups,
                                summary,
                                touched,
                            }));
                        }
                        Err(e) => error.set(Some(format!("{name}: {e}"))),
                    }
                }
                Err(e) => {
                    if !unlocking {
                        pending.set(None);
                        locked.set(None);
                    }
                    error.set(Some(e));
                }
            }
        })
    };
    let unlock = move || {
        let Some((name, bytes)) = locked.get_untracked() else { return };
        read(name, bytes, Some(passphrase.get_untracked()));
    };

    let open = move |file: web_sys::File| {
        let name = file.name();
        spawn_local(async move {
            match read_bytes(&file).await {
                Ok(bytes) => read(name, bytes, None),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    // Merge is the default: field by field (kam_core::merge), and it keeps the workspace as a
    // snapshot first, in the same transaction, as a replace does.
    let replace_chosen = RwSignal::new(false);
    // The file read is moved out of the preview, not copied (it may hold a large workspace).
    let apply_merge = move || {
        if pending.with_untracked(|p| p.as_ref().is_none_or(|p| p.summary.changes_nothing())) {
            return;
        }
        let Some(p) = pending.try_update(Option::take).flatten() else { return };
        state.merge_file(p.name, p.read.document, choices.get_untracked(), Some(p.touched));
    };
    let apply_replace = move || {
        let Some(Pending { name, read, .. }) = pending.try_update(Option::take).flatten() else { return };
        state.replace_keeping_snapshot(
            read.workspace,
            Stamps::Exactly(read.document),
            tr_args("before importing {name}", &[("name", &name)]),
            tr_args("Replaced the workspace with {name}. The previous one is kept as a snapshot.", &[("name", &name)]),
        );
    };
    view! {
        <FileDrop
            prompt=tr("Drop a .kam.json file here, or")
            button=tr("Choose a KAM Planner file…")
            accept=".json,.kam.json,application/json"
            testid="import-workspace"
            on_file=Callback::new(open)/>
        {move || locked.with(|l| l.as_ref().map(|(name, _)| name.clone())).map(|name| view! {
            <form class="unlock" on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); unlock(); }>
                <label class="field">
                    <span>{tr_args("{name} is protected. Passphrase:", &[("name", &name)])}</span>
                    <input type="password" autocomplete="off" data-testid="import-passphrase" prop:value=move || passphrase.get() on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                </label>
                <button type="submit" class="button primary" data-testid="import-unlock">{move || tr("Open")}</button>
            </form>
        })}
        {move || error.get().map(|e| view! { <p class="message error" role="alert" data-testid="import-error">{e}</p> })}
        {move || pending.with(|p| p.as_ref().map(|p| {
            (p.first_line.clone(), p.withheld, p.groups.clone(), p.summary)
        })).map(|(first_line, withheld, groups, summary)| {
            let nothing = summary.changes_nothing();
            view! {
                <div class="read-summary" data-testid="workspace-import-preview">
                    <p><strong>{first_line}</strong></p>
                    <p>{merge_summary(&summary)}</p>
                    {withheld.then(|| view! { <p>{tr(MERGE_PERSONAL_WITHHELD)}</p> })}
                    {nothing.then(|| view! { <p role="status" data-testid="merge-nothing">{tr(MERGE_NOTHING_TO_CHANGE)}</p> })}
                    {(!groups.is_empty()).then(|| view! { <ChangeGroups groups=groups choices=choices/> })}
                    <fieldset class="import-choice">
                        <legend>{move || tr("How to import")}</legend>
                        <label class="check"><input type="radio" name="import-choice" data-testid="import-choice-merge" prop:checked=move || !replace_chosen.get() on:change=move |_| replace_chosen.set(false)/>
                            <span><strong>{move || tr("Merge")}</strong>{tr(MERGE_CHOICE)}</span></label>
                        <label class="check"><input type="radio" name="import-choice" data-testid="import-choice-replace" prop:checked=move || replace_chosen.get() on:change=move |_| replace_chosen.set(true)/>
                            <span><strong>{move || tr("Replace")}</strong>{move || tr(" — the workspace becomes the file's; yours is kept as a snapshot you can restore.")}</span></label>
                    </fieldset>
                    <div class="actions">
                        <button type="button" class="button primary" data-testid="import-apply"
                            disabled=move || nothing && !replace_chosen.get()
                            on:click=move |_| if replace_chosen.get_untracked() { apply_replace() } else { apply_merge() }>
                            {move || if replace_chosen.get() { tr("Replace my workspace") } else { tr("Merge into my workspace") }}
                        </button>
                        <button type="button" class="button" on:click=move |_| pending.set(None)>{move || tr("Cancel")}</button>
                    </div>
                </div>
            }
        })}
    }
}
