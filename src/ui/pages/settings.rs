use crate::i18n::{tr, tr_args};
use crate::ui::words::segmentation::settings_problems;
use kam_core::model::{SegmentationSettings, Workspace};
use leptos::prelude::*;

use crate::ui::components::{guide_link, guide_refs};
use kam_core::guide::Topic;

use crate::ui::app::LanguagePicker;
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
                            Err(_) => problems.set(vec![tr_args("{label}: please enter a number.", &[("label", &label)])]),
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
                w.confirm_with_message(tr(
                    "Delete every account, order and dossier from this browser? You can undo this right after.",
                ))
                .ok()
            })
            .unwrap_or(false);
        if ok {
            state.replace_workspace(Workspace::default(), Some(tr("Workspace cleared.").into()));
        }
    };
    view! {
        <div class="page">
            <div class="page-head"><h1>{move || tr("Settings")}</h1></div>
            {move || {
                let p = problems.get();
                (!p.is_empty()).then(|| view! { <div class="message error" role="alert" data-testid="settings-error"><p>{move || tr("Not applied:")}</p><ul>{p.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul></div> })
            }}
            <section class="panel">
                <h2>{move || tr("Language")}</h2>
                <p class="muted small">{move || tr("The language of KAM Planner in this browser. It is kept on this device, not in the workspace file.")}</p>
                <LanguagePicker testid="settings-language"/>
            </section>
            <section class="panel">
                <h2>{move || tr("Segmentation")}{guide_link(Topic::Abc)}</h2>
                <div class="settings-grid">
                    <MeasureSelect label=tr("Rank accounts by") testid="setting-measure"/>
                    <PeriodSelect label=tr("XYZ periods") testid="setting-period"/>
                    <label class="field">
                        <span>{move || tr("Window (months)")}</span>
                        <input type="number" min="1" max="120" data-testid="setting-window" prop:value=move || state.settings.with(|s| s.window_months.to_string())
                            on:change=move |ev| {
                                match event_target_value(&ev).trim().parse::<u32>() {
                                    Ok(v) => update(Box::new(move |s| s.window_months = v)),
                                    Err(_) => problems.set(vec![tr("Window: please enter a whole number of months.").into()]),
                                }
                            }/>
                    </label>
                    <label class="field">
                        <span>{move || tr("Window ends with month")}</span>
                        <input type="month" data-testid="setting-window-end"
                            prop:value=move || state.settings.with(|s| s.window_end.map(|d| kam_core::analysis::month_label(kam_core::analysis::month_index(d))).unwrap_or_default())
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                let end = format!("{v}-01").parse::<chrono::NaiveDate>().ok();
                                update(Box::new(move |s| s.window_end = end));
                            }/>
                        <small>{move || tr("Empty: the month of the latest order.")}</small>
                    </label>
                    {number(tr("A while accounts above hold less than (%)"), "setting-a", |s| s.a_limit_pct, |s, v| s.a_limit_pct = v)}
                    {number(tr("B while they hold less than (%)"), "setting-b", |s| s.b_limit_pct, |s, v| s.b_limit_pct = v)}
                    {number(tr("X up to coefficient of variation (%)"), "setting-x", |s| s.x_limit_pct, |s, v| s.x_limit_pct = v)}
                    {number(tr("Y up to coefficient of variation (%)"), "setting-y", |s| s.y_limit_pct, |s, v| s.y_limit_pct = v)}
                </div>
                {guide_refs(&[Topic::Abc, Topic::Xyz, Topic::Matrix, Topic::Movement])}
            </section>
            <section class="panel">
                <h2>{move || tr("Dependency")}{guide_link(Topic::Dependency)}</h2>
                <div class="settings-grid">
                    {number(tr("Key by size above (% of profit)"), "setting-key-size", |s| s.key_size_pct, |s, v| s.key_size_pct = v)}
                    {number(tr("Critical dependency above (%)"), "setting-critical", |s| s.critical_pct, |s, v| s.critical_pct = v)}
                    {number(tr("Mono-client above (%)"), "setting-mono-client", |s| s.mono_client_pct, |s, v| s.mono_client_pct = v)}
                    {number(tr("Key accounts' healthy share from (%)"), "setting-key-low", |s| s.key_share_low_pct, |s, v| s.key_share_low_pct = v)}
                    {number(tr("… to (%)"), "setting-key-high", |s| s.key_share_high_pct, |s, v| s.key_share_high_pct = v)}
                    {number(tr("Mono-dependent above (%)"), "setting-mono-dependency", |s| s.mono_dependency_pct, |s, v| s.mono_dependency_pct = v)}
                </div>
                {guide_refs(&[Topic::Dependency, Topic::KeyShare])}
                <button type="button" class="button" data-testid="settings-reset" on:click=move |_| { problems.set(vec![]); state.set_settings(SegmentationSettings::default()); }>{move || tr("Restore the model's defaults")}</button>
            </section>
            <super::programme_settings::ProgrammeSettings/>
            <section class="panel">
                <h2>{move || tr("Share and back up")}</h2>
                <p>{move || tr("A KAM Planner file carries your workspace, or one account's plan (export it from the account's dossier), to a colleague or to a backup. It opens in any browser with KAM Planner; nothing is uploaded.")}</p>
                <Show when=move || state.workspace.with(|ws| !ws.is_empty())>
                    <ExportControls/>
                </Show>
                <h3>{move || tr("Import a KAM Planner file")}</h3>
                <ImportFileControls/>
                {move || state.snapshot.get().map(|s| view! {
                    <p class="snapshot">
                        {tr_args("Snapshot kept {0} ({1}). ", &[("0", &s.reason), ("1", &s.taken_at)])}
                        <button type="button" class="button" data-testid="restore-snapshot" on:click=move |_| state.restore_snapshot()>{move || tr("Restore it")}</button>
                    </p>
                })}
                <Snapshots/>
            </section>
            <section class="panel danger">
                <h2>{move || tr("Workspace")}</h2>
                <p>{move || tr("Everything you enter stays in this browser's storage. Clearing removes it from this browser; you can undo right after.")}</p>
                <p class="muted" data-testid="storage-status">{move || storage.get().map(|s| match s {
                    Some((persistent, used, quota)) => tr_args("Storage used: {0} MB of {1} MB available. {2}", &[("0", &(format!("{:.1}", used / 1_048_576.0))), ("1", &(format!("{:.0}", quota / 1_048_576.0))), ("2", &(if persistent { tr("The browser keeps it even when the disk runs low.") } else { tr("The browser may clear it when the disk runs low: export a backup now and then.") }))]),
                    None => tr("This browser does not report its storage use.").to_string(),
                })}</p>
                <button type="button" class="button danger" data-testid="clear-workspace" disabled=move || state.workspace.with(|ws| ws.is_empty()) on:click=clear>{move || tr("Clear workspace…")}</button>
            </section>
        </div>
    }
}
