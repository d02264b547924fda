use kam_core::model::{Measure, PeriodLength, SegmentationSettings};
use leptos::prelude::*;

use crate::ui::state::use_app;

/// A select bound to one setting: `options` are (value, label); `current` reads the setting's
/// value, `apply` writes the chosen one. The change is validated like any settings change.
fn setting_select(
    label: &'static str,
    testid: &'static str,
    inline: bool,
    options: &'static [(&'static str, &'static str)],
    current: fn(&SegmentationSettings) -> &'static str,
    apply: fn(&mut SegmentationSettings, &str),
) -> impl IntoView {
    let state = use_app();
    view! {
        <label class=if inline { "field inline" } else { "field" }>
            <span>{label}</span>
            <select data-testid=testid on:change=move |ev| {
                let value = event_target_value(&ev);
                if let Err(problems) = state.change_settings(|s| apply(s, &value)) {
                    state.error.set(Some(format!("Not applied: {}", problems.join(" "))));
                }
            }>
                {options.iter().map(|&(value, text)| view! {
                    <option value=value selected=move || state.settings.with(current) == value>{text}</option>
                }).collect_view()}
            </select>
        </label>
    }
}

/// What accounts are ranked by. Shown on the Portfolio (a workshop flips it often) and in
/// Settings; both change the same setting.
#[component]
pub fn MeasureSelect(label: &'static str, testid: &'static str, #[prop(optional)] inline: bool) -> impl IntoView {
    setting_select(
        label,
        testid,
        inline,
        &[("revenue", "Revenue"), ("profit", "Profit")],
        |s| if s.measure == Measure::Profit { "profit" } else { "revenue" },
        |s, v| s.measure = if v == "profit" { Measure::Profit } else { Measure::Revenue },
    )
}

/// The XYZ period length, like [`MeasureSelect`].
#[component]
pub fn PeriodSelect(label: &'static str, testid: &'static str, #[prop(optional)] inline: bool) -> impl IntoView {
    setting_select(
        label,
        testid,
        inline,
        &[("month", "Months"), ("quarter", "Quarters")],
        |s| if s.period == PeriodLength::Quarter { "quarter" } else { "month" },
        |s, v| s.period = if v == "quarter" { PeriodLength::Quarter } else { PeriodLength::Month },
    )
}
