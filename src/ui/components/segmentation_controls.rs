use kam_core::model::{Measure, PeriodLength};
use leptos::prelude::*;

use crate::ui::state::use_app;

/// Two choices of the segmentation that a workshop flips often: what accounts are ranked by,
/// and the XYZ period. Shown on the Portfolio and in Settings; both change the same setting.
#[component]
pub fn MeasureSelect(label: &'static str, testid: &'static str, #[prop(optional)] inline: bool) -> impl IntoView {
    let state = use_app();
    let is = move |m: Measure| state.settings.with(|s| s.measure == m);
    view! {
        <label class=if inline { "field inline" } else { "field" }>
            <span>{label}</span>
            <select data-testid=testid on:change=move |ev| {
                let measure = if event_target_value(&ev) == "profit" { Measure::Profit } else { Measure::Revenue };
                if let Err(problems) = state.change_settings(|s| s.measure = measure) {
                    state.error.set(Some(format!("Not applied: {}", problems.join(" "))));
                }
            }>
                <option value="revenue" selected=move || is(Measure::Revenue)>"Revenue"</option>
                <option value="profit" selected=move || is(Measure::Profit)>"Profit"</option>
            </select>
        </label>
    }
}

#[component]
pub fn PeriodSelect(label: &'static str, testid: &'static str, #[prop(optional)] inline: bool) -> impl IntoView {
    let state = use_app();
    let is = move |p: PeriodLength| state.settings.with(|s| s.period == p);
    view! {
        <label class=if inline { "field inline" } else { "field" }>
            <span>{label}</span>
            <select data-testid=testid on:change=move |ev| {
                let period = if event_target_value(&ev) == "quarter" { PeriodLength::Quarter } else { PeriodLength::Month };
                if let Err(problems) = state.change_settings(|s| s.period = period) {
                    state.error.set(Some(format!("Not applied: {}", problems.join(" "))));
                }
            }>
                <option value="month" selected=move || is(PeriodLength::Month)>"Months"</option>
                <option value="quarter" selected=move || is(PeriodLength::Quarter)>"Quarters"</option>
            </select>
        </label>
    }
}
