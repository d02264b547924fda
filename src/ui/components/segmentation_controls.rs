use crate::i18n::tr_args;
use crate::ui::words::segmentation::settings_problems;
use kam_core::model::{Measure, PeriodLength, SegmentationSettings};
use leptos::prelude::*;

use crate::ui::state::use_app;
use crate::ui::words::choices::Words;

/// A select bound to one setting drawn from a closed list: every variant is an option (its id
/// as value, its words as text); `current` reads the setting, `apply` writes the chosen one. The
/// change is validated like any settings change.
fn setting_select<C: Words + Send + Sync>(
    label: &'static str,
    testid: &'static str,
    inline: bool,
    current: fn(&SegmentationSettings) -> C,
    apply: fn(&mut SegmentationSettings, C),
) -> impl IntoView {
    let state = use_app();
    view! {
        <label class=if inline { "field inline" } else { "field" }>
            <span>{label}</span>
            <select data-testid=testid on:change=move |ev| {
                let Some(value) = C::from_id(&event_target_value(&ev)) else { return };
                if let Err(problems) = state.change_settings(|s| apply(s, value)) {
                    state.error.set(Some(tr_args("Not applied: {0}", &[("0", &settings_problems(&problems).join(" "))])));
                }
            }>
                {C::all().iter().map(|&c| view! {
                    <option value=c.id() selected=move || state.settings.with(current) == c>{c.label()}</option>
                }).collect_view()}
            </select>
        </label>
    }
}

/// What accounts are ranked by. Shown on the Portfolio (a workshop flips it often) and in
/// Settings; both change the same setting.
#[component]
pub fn MeasureSelect(label: &'static str, testid: &'static str, #[prop(optional)] inline: bool) -> impl IntoView {
    setting_select::<Measure>(label, testid, inline, |s| s.measure, |s, v| s.measure = v)
}

/// The XYZ period length, like [`MeasureSelect`].
#[component]
pub fn PeriodSelect(label: &'static str, testid: &'static str, #[prop(optional)] inline: bool) -> impl IntoView {
    setting_select::<PeriodLength>(label, testid, inline, |s| s.period, |s, v| s.period = v)
}
