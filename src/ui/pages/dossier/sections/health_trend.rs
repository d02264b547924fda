//! The dossier's health over time (issue 16 point 3c): the score the app kept for each month,
//! drawn as bars over the years, with a table of the same months for reading aloud.

use crate::i18n::fmt::month_year;
use crate::i18n::tr;
use chrono::NaiveDate;
use kam_core::analysis::{health_trend, TrendMonth};
use leptos::prelude::*;

use crate::ui::components::guide_link;
use kam_core::guide::Topic;

use super::super::editor::Editor;
use crate::ui::words::health::{band_label, trend_summary, TREND_NOTE};

const W: f64 = 600.0;
const H: f64 = 150.0;
const PAD: f64 = 28.0;

fn first_day(m: &TrendMonth) -> NaiveDate {
    NaiveDate::from_ymd_opt(m.year, m.month, 1).unwrap_or_default()
}

pub fn health_trend_view(ed: Editor) -> impl IntoView {
    let today = chrono::Local::now().date_naive();
    let trend = Memo::new(move |_| ed.dossier.with(|d| health_trend(d, today)));
    view! {
        <h3>{move || tr("Health over time")}{guide_link(Topic::HealthMonths)}</h3>
        <p class="muted small">{move || tr(TREND_NOTE)}</p>
        {move || trend.with(|t| {
            if t.months.is_empty() {
                return view! { <p class="muted" data-testid="health-trend-none">{tr("No health kept yet: it is kept once a month for key accounts.")}</p> }.into_any();
            }
            // At least a year's width per bar, so that a short trend does not draw wide blocks.
            let n = t.months.len().max(12) as f64;
            let step = (W - 2.0 * PAD) / n;
            let y = |s: u32| H - PAD - f64::from(s) / 100.0 * (H - 2.0 * PAD);
            let bars = t.months.iter().enumerate().filter_map(|(i, m)| {
                let (s, band) = (m.score?, m.band()?);
                let x = PAD + i as f64 * step + step * 0.15;
                Some(view! { <rect x=format!("{x:.1}") y=format!("{:.1}", y(s)) width=format!("{:.1}", step * 0.7) height=format!("{:.1}", H - PAD - y(s)) class=format!("trend-bar {}", band.id())/> })
            }).collect_view();
            // A year's label under its first month shown (January, or the first month of the trend).
            let years = t.months.iter().enumerate().filter(|(i, m)| *i == 0 || m.month == 1).map(|(i, m)| {
                let x = PAD + i as f64 * step;
                view! { <text x=format!("{x:.1}") y=H - 8.0 class="axis-label">{m.year}</text> }
            }).collect_view();
            let rows = t.months.iter().rev().filter(|m| m.score.is_some()).map(|m| {
                let (s, band) = (m.score.unwrap_or_default(), m.band().map(band_label).unwrap_or_default());
                view! { <tr data-testid="health-month"><th scope="row">{month_year(first_day(m))}</th><td class="num">{s}</td><td>{band}</td></tr> }
            }).collect_view();
            let summary = trend_summary(t);
            view! {
                <figure class="health-trend" data-testid="health-trend">
                    <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label=summary.clone()>
                        <line x1=PAD y1=H - PAD x2=W - PAD y2=H - PAD class="axis"/>
                        <line x1=PAD x2=W - PAD y1=y(kam_core::analysis::GOOD_FROM) y2=y(kam_core::analysis::GOOD_FROM) class="limit"/>
                        <line x1=PAD x2=W - PAD y1=y(kam_core::analysis::FAIR_FROM) y2=y(kam_core::analysis::FAIR_FROM) class="limit"/>
                        <text x=PAD - 4.0 y=y(100) + 4.0 class="axis-label" text-anchor="end">"100"</text>
                        <text x=PAD - 4.0 y=H - PAD + 4.0 class="axis-label" text-anchor="end">"0"</text>
                        {bars}
                        {years}
                    </svg>
                    <figcaption data-testid="health-trend-summary">{summary}</figcaption>
                </figure>
                <details class="health-months">
                    <summary>{tr("Every month kept")}</summary>
                    <div class="table-scroll" role="region" tabindex="0" aria-label=tr("Health per month")>
                        <table class="data-table">
                            <thead><tr><th scope="col">{tr("Month")}</th><th scope="col" class="num">{tr("Score")}</th><th scope="col">{tr("Band")}</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                </details>
            }.into_any()
        })}
    }
}
