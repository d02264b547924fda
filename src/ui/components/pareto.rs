use crate::i18n::{tr, tr_args};
use leptos::prelude::*;

use crate::ui::state::use_app;

const W: f64 = 420.0;
const H: f64 = 220.0;
const PAD: f64 = 36.0;

/// The concentration (Pareto) curve: cumulative share of value against the share of accounts,
/// with the A and B limits drawn in. SVG, so it prints sharp.
#[component]
pub fn ParetoChart() -> impl IntoView {
    let state = use_app();
    let points = move || {
        state.segmentation.with(|s| {
            let n = s.pareto.len().max(1) as f64;
            let x = |i: f64| PAD + i / n * (W - 2.0 * PAD);
            let y = |p: f64| H - PAD - p / 100.0 * (H - 2.0 * PAD);
            std::iter::once((x(0.0), y(0.0)))
                .chain(s.pareto.iter().enumerate().map(|(i, p)| (x(i as f64 + 1.0), y(*p))))
                .map(|(a, b)| format!("{a:.1},{b:.1}"))
                .collect::<Vec<_>>()
                .join(" ")
        })
    };
    let limit_line = move |pct: f64| {
        let y = H - PAD - pct / 100.0 * (H - 2.0 * PAD);
        view! {
            <line x1=PAD x2=W - PAD y1=y y2=y class="limit"/>
            <text x=W - PAD + 4.0 y=y + 4.0 class="axis-label">{format!("{pct:.0}%")}</text>
        }
    };
    let summary = move || {
        state.segmentation.with(|s| {
            tr_args("Concentration curve: the top account holds {0} %, the top 5 hold {1} %, the top 10 hold {2} % of the value.", &[("0", &(format!("{:.0}", s.concentration.top1_pct))), ("1", &(format!("{:.0}", s.concentration.top5_pct))), ("2", &(format!("{:.0}", s.concentration.top10_pct)))])
        })
    };
    view! {
        <figure class="pareto">
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label=summary>
                <line x1=PAD y1=H - PAD x2=W - PAD y2=H - PAD class="axis"/>
                <line x1=PAD y1=PAD x2=PAD y2=H - PAD class="axis"/>
                {move || { let a = state.settings.with(|s| s.a_limit_pct); limit_line(a) }}
                {move || { let b = state.settings.with(|s| s.b_limit_pct); limit_line(b) }}
                <polyline points=points class="curve"/>
                <text x=PAD y=H - 10.0 class="axis-label">"0"</text>
                <text x=W - PAD y=H - 10.0 class="axis-label" text-anchor="end">{move || tr("all accounts, by value →")}</text>
                <text x=PAD - 4.0 y=PAD + 4.0 class="axis-label" text-anchor="end">"100%"</text>
            </svg>
            <figcaption>{summary}</figcaption>
        </figure>
    }
}
