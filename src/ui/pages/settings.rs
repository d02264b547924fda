use crate::ui::words::segmentation::settings_problems;
use kam_core::model::{SegmentationSettings, Workspace};
use leptos::prelude::*;

use crate::ui::components::{ExportControls, ImportFileControls, MeasureSelect, PeriodSelect, Snapshots};
use crate::ui::state::use_app;

/// Every number of the segmentation rules, editable; changes re-segment at once.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = use_app();
    let problems = RwSignal::new(Vec::<String>::new());
    let update = move |f: Box<dyn FnOnce(&mut SegmentationSettings)>| {
        problems.set(state.change_settings(f).err().map(|p| settings_problems(&p)).unwrap_or_default());
    };
    let number = move |label: &'static str,
                       testid: &'static str,
                       get: fn(&SegmentationSettings) -> f64,
                       set: fn(&mut SegmentationSettings, f64)| {
        view! {
            <label class="field">
                <span>{label}</span>
                <input type="number" step="any" data-testid=testid prop:value=move || state.settings.with(get).to_string()
                    on:change=move |ev| {
                        match event_target_value(&ev).trim().replace(',', ".").parse::<f64>() {
                            Ok(v) => update(Box::new(move |s| set(s, v))),
                            Err(_) => problems.set(vec![format!("{label}: please enter a number.")]),
                        }
                    }/>
            </label>
        }
    };
    // Asking for persistent storage here, where the user looks after their data, rather than at
    // start-up: browsers grant it more readily once a site is in use.
    let storage = LocalResource::new(|| crate::browser::storage_status(true));
    let clear = move |_| {
        let ok = web_sys::window()
            .and_then(|w| {
                w.confirm_with_message(
                    "Delete every account, order and dossier from this browser? You can undo this right after.",
                )
                .ok()
            })
            .unwrap_or(false);
        if ok {
            state.replace_workspace(Workspace::default(), Some("Workspace cleared.".into()));
        }
    };
    view! {
        <div class="page">
            <div class="page-head"><h1>"Settings"</h1></div>
            {move || {
                let p = problems.get();
                (!p.is_empty()).then(|| view! { <div class="message error" role="alert" data-testid="settings-error"><p>"Not applied:"</p><ul>{p.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul></div> })
            }}
            <section class="panel">
                <h2>"Segmentation"</h2>
                <div class="settings-grid">
                    <MeasureSelect label="Rank accounts by" testid="setting-measure"/>
                    <PeriodSelect label="XYZ periods" testid="setting-period"/>
                    <label class="field">
                        <span>"Window (months)"</span>
                        <input type="number" min="1" max="120" data-testid="setting-window" prop:value=move || state.settings.with(|s| s.window_months.to_string())
                            on:change=move |ev| {
                                match event_target_value(&ev).trim().parse::<u32>() {
                                    Ok(v) => update(Box::new(move |s| s.window_months = v)),
                                    Err(_) => problems.set(vec!["Window: please enter a whole number of months.".into()]),
                                }
                            }/>
                    </label>
                    <label class="field">
                        <span>"Window ends with month"</span>
                        <input type="month" data-testid="setting-window-end"
                            prop:value=move || state.settings.with(|s| s.window_end.map(|d| kam_core::analysis::month_label(kam_core::analysis::month_index(d))).unwrap_or_default())
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                let end = format!("{v}-01").parse::<chrono::NaiveDate>().ok();
                                update(Box::new(move |s| s.window_end = end));
                            }/>
                        <small>"Empty: the month of the latest order."</small>
                    </label>
                    {number("A while accounts above hold less than (%)", "setting-a", |s| s.a_limit_pct, |s, v| s.a_limit_pct = v)}
                    {number("B while they hold less than (%)", "setting-b", |s| s.b_limit_pct, |s, v| s.b_limit_pct = v)}
                    {number("X up to coefficient of variation (%)", "setting-x", |s| s.x_limit_pct, |s, v| s.x_limit_pct = v)}
                    {number("Y up to coefficient of variation (%)", "setting-y", |s| s.y_limit_pct, |s, v| s.y_limit_pct = v)}
                </div>
            </section>
            <section class="panel">
                <h2>"Dependency"</h2>
                <div class="settings-grid">
                    {number("Key by size above (% of profit)", "setting-key-size", |s| s.key_size_pct, |s, v| s.key_size_pct = v)}
                    {number("Critical dependency above (%)", "setting-critical", |s| s.critical_pct, |s, v| s.critical_pct = v)}
                    {number("Mono-client above (%)", "setting-mono-client", |s| s.mono_client_pct, |s, v| s.mono_client_pct = v)}
                    {number("Key accounts' healthy share from (%)", "setting-key-low", |s| s.key_share_low_pct, |s, v| s.key_share_low_pct = v)}
                    {number("… to (%)", "setting-key-high", |s| s.key_share_high_pct, |s, v| s.key_share_high_pct = v)}
                    {number("Mono-dependent above (%)", "setting-mono-dependency", |s| s.mono_dependency_pct, |s, v| s.mono_dependency_pct = v)}
                </div>
                <button type="button" class="button" data-testid="settings-reset" on:click=move |_| { problems.set(vec![]); state.set_settings(SegmentationSettings::default()); }>"Restore the model's defaults"</button>
            </section>
            <super::programme_settings::ProgrammeSettings/>
            <section class="panel">
                <h2>"Share and back up"</h2>
                <p>"A KAM Planner file carries your workspace, or one account's plan (export it from the account's dossier), to a colleague or to a backup. It opens in any browser with KAM Planner; nothing is uploaded."</p>
                <Show when=move || state.workspace.with(|ws| !ws.is_empty())>
                    <ExportControls/>
                </Show>
                <h3>"Import a KAM Planner file"</h3>
                <ImportFileControls/>
                {move || state.snapshot.get().map(|s| view! {
                    <p class="snapshot">
                        {format!("Snapshot kept {} ({}). ", s.reason, s.taken_at)}
                        <button type="button" class="button" data-testid="restore-snapshot" on:click=move |_| state.restore_snapshot()>"Restore it"</button>
                    </p>
                })}
                <Snapshots/>
            </section>
            <section class="panel danger">
                <h2>"Workspace"</h2>
                <p>"Everything you enter stays in this browser's storage. Clearing removes it from this browser; you can undo right after."</p>
                <p class="muted" data-testid="storage-status">{move || storage.get().map(|s| match s {
                    Some((persistent, used, quota)) => format!(
                        "Storage used: {:.1} MB of {:.0} MB available. {}",
                        used / 1_048_576.0,
                        quota / 1_048_576.0,
                        if persistent { "The browser keeps it even when the disk runs low." } else { "The browser may clear it when the disk runs low: export a backup now and then." }
                    ),
                    None => "This browser does not report its storage use.".to_string(),
                })}</p>
                <button type="button" class="button danger" data-testid="clear-workspace" disabled=move || state.workspace.with(|ws| ws.is_empty()) on:click=clear>"Clear workspace…"</button>
            </section>
        </div>
    }
}
