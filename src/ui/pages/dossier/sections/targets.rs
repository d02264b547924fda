//! Targets against actuals per calendar year (issue 16 point 3b): the targets as an editable
//! list, and what `kam_core::analysis::targets` finds for each year, as a chart of revenue
//! against its target and a table of all four measures.

use crate::i18n::tr;
use kam_core::analysis::{next_target_year, targets_against_actuals, TargetMeasure, TargetYear};
use kam_core::model::{Dossier, MonthTotal, Target};
use leptos::prelude::*;

use super::super::editor::{Editor, Label};
use super::aftersale::fresh_id;
use super::{add_button, remove_button, rows, today};
use crate::ui::format::money;
use crate::ui::words::targets::{self as words, measure_label, measure_result, revenue_summary, year_label};

const W: f64 = 600.0;
const H: f64 = 160.0;
const PAD: f64 = 30.0;

fn chart(years: &[TargetYear]) -> impl IntoView {
    let revenue = |y: &TargetYear| *y.measure(TargetMeasure::Revenue);
    let top = years.iter().flat_map(|y| [revenue(y).actual, revenue(y).target]).flatten().fold(0.0f64, f64::max);
    let top = if top > 0.0 { top } else { 1.0 };
    let n = years.len().max(4) as f64;
    let step = (W - 2.0 * PAD) / n;
    let y_of = |v: f64| H - PAD - v.max(0.0) / top * (H - 2.0 * PAD);
    let bars = years
        .iter()
        .enumerate()
        .map(|(i, y)| {
            let r = revenue(y);
            let x = PAD + i as f64 * step + step * 0.15;
            let w = step * 0.7;
            let actual = r.actual.map(|a| {
                let reached = r.reached();
                view! { <rect x=format!("{:.1}", x + w * 0.2) y=format!("{:.1}", y_of(a)) width=format!("{:.1}", w * 0.6) height=format!("{:.1}", H - PAD - y_of(a)) class="target-actual" class:reached=reached == Some(true) class:missed=reached == Some(false)/> }
            });
            let target = r.target.map(|t| {
                view! { <rect x=format!("{x:.1}") y=format!("{:.1}", y_of(t)) width=format!("{w:.1}") height=format!("{:.1}", H - PAD - y_of(t)) class="target-goal"/> }
            });
            view! {
                {target}
                {actual}
                <text x=format!("{:.1}", x + w / 2.0) y=H - 10.0 class="axis-label" text-anchor="middle">{y.year}</text>
            }
        })
        .collect_view();
    let summary = revenue_summary(years);
    view! {
        <figure class="target-chart" data-testid="target-chart">
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label=summary.clone()>
                <line x1=PAD y1=H - PAD x2=W - PAD y2=H - PAD class="axis"/>
                <text x=PAD y=PAD - 12.0 class="axis-label">{money(top)}</text>
                {bars}
            </svg>
            <figcaption class="small"><span class="muted">{tr(words::LEGEND)}</span>" "<span data-testid="target-chart-summary">{summary}</span></figcaption>
        </figure>
    }
}

pub fn targets(ed: Editor, lines: Memo<Vec<MonthTotal>>) -> impl IntoView {
    let day = today();
    let years = Memo::new(move |_| ed.dossier.with(|d| lines.with(|l| targets_against_actuals(d, l, day))));
    let number = |m: TargetMeasure| match m {
        TargetMeasure::WalletShare => (0.0, 100.0),
        _ => (-1e13, 1e13),
    };
    view! {
        <h3>{tr(words::TITLE)}</h3>
        <p class="muted small">{tr(words::HINT)}</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label=tr(words::TARGETS)>
            <table class="edit-table">
                <thead><tr>
                    <th scope="col">{tr(words::YEAR)}</th>
                    {TargetMeasure::ALL.iter().map(|m| view! { <th scope="col">{measure_label(*m)}</th> }).collect_view()}
                    <th scope="col"><span class="visually-hidden">{tr(crate::ui::words::aftersale::form::REMOVE)}</span></th>
                </tr></thead>
                <tbody>
                    {rows(ed, |d| d.targets.len(), move |i| view! {
                        <tr data-testid="target-row">
                            <td>{ed.number(Label::Cell(words::YEAR, i), format!("target-year-{i}"),
                                (move |d: &Dossier| d.targets.get(i).and_then(|t| t.year).map(f64::from),
                                 move |d: &mut Dossier, v: Option<f64>| if let Some(t) = d.targets.get_mut(i) { t.year = v.map(|v| v.round() as i32); }),
                                (1990.0, 2100.0))}</td>
                            <td>{ed.number(Label::Cell(words::REVENUE, i), format!("target-revenue-{i}"), item!(targets, i, revenue), number(TargetMeasure::Revenue))}</td>
                            <td>{ed.number(Label::Cell(words::PROFIT, i), format!("target-profit-{i}"), item!(targets, i, profit), number(TargetMeasure::Profit))}</td>
                            <td>{ed.number(Label::Cell(words::WALLET_SHARE, i), format!("target-wallet-{i}"), item!(targets, i, wallet_share_pct), number(TargetMeasure::WalletShare))}</td>
                            <td>{ed.number(Label::Cell(words::LIFETIME_VALUE, i), format!("target-ltv-{i}"), item!(targets, i, lifetime_value), number(TargetMeasure::LifetimeValue))}</td>
                            <td>{remove_button(ed, tr(words::THE_TARGET).into(), move |d| { if i < d.targets.len() { d.targets.remove(i); } }, format!("remove-target-{i}"))}</td>
                        </tr>
                    })}
                </tbody>
            </table>
        </div>
        {add_button(tr(words::ADD_TARGET), "target-add", move || ed.apply(move |d: &mut Dossier| {
            let id = fresh_id(d.targets.iter().map(|t| t.id.as_str()));
            let year = Some(next_target_year(d, day));
            d.targets.push(Target { id, year, ..Default::default() });
        }))}
        <h4>{tr(words::AGAINST)}</h4>
        {move || years.with(|ys| {
            if ys.is_empty() {
                return view! { <p class="muted" data-testid="targets-none">{tr(words::NONE_YET)}</p> }.into_any();
            }
            let body = ys.iter().rev().map(|y| {
                let cells = y.measures.iter().map(|r| {
                    let reached = r.reached();
                    view! { <td class="num" class:reached=reached == Some(true) class:missed=reached == Some(false)>{measure_result(r)}</td> }
                }).collect_view();
                view! { <tr data-testid="target-year"><th scope="row">{year_label(y)}</th>{cells}</tr> }
            }).collect_view();
            view! {
                {chart(ys)}
                <div class="table-scroll" tabindex="0" role="region" aria-label=tr(words::AGAINST)>
                    <table class="data-table" data-testid="target-table">
                        <thead><tr>
                            <th scope="col">{tr(words::YEAR)}</th>
                            {TargetMeasure::ALL.iter().map(|m| view! { <th scope="col" class="num">{measure_label(*m)}</th> }).collect_view()}
                        </tr></thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
            }.into_any()
        })}
    }
}
