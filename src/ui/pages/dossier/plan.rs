//! The account plan for print: one or two pages per key account, read-only, made for the
//! browser's "print to PDF". Personal details of contacts are never on it.

use crate::i18n::{fmt, tr, tr_args};
use kam_core::analysis::{matrix_point, metrics_view, rules};
use kam_core::model::{Account, CellState, Dossier, KeyReason, Meeting, Outcome};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::OrgChart;
use crate::ui::format::{money, percent};
use crate::ui::state::use_app;
use crate::ui::words::choices::Words;
use crate::ui::words::programme::{quadrant_advice, quadrant_label};

pub(super) fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "—".into()
    } else {
        s.trim().to_string()
    }
}

#[component]
pub fn AccountPlanPage() -> impl IntoView {
    let state = use_app();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let account = Memo::new(move |_| state.workspace.with(|ws| ws.account(&id.get()).cloned()));
    let dossier = Memo::new(move |_| {
        let id = id.get();
        state.workspace.with(|ws| ws.dossier(&id).cloned().unwrap_or_else(|| Dossier::new(&id)))
    });
    let row = Memo::new(move |_| {
        let id = id.get();
        state.segmentation.with(|s| s.row(&id).cloned())
    });
    view! {
        <div class="page plan">
            {move || match account.get() {
                None => view! { <section class="panel"><h1>{move || tr("Account not found")}</h1><p><A href="/key-accounts">{move || tr("Back to the key accounts")}</A></p></section> }.into_any(),
                Some(a) => view! {
                    <div class="no-print plan-actions">
                        <A href=crate::ui::format::dossier_href(&a.id)>{move || tr("← Back to the dossier")}</A>
                        <button type="button" class="button primary" data-testid="print" on:click=|_| crate::browser::print_page()>{move || tr("Print or save as PDF")}</button>
                        <span class="muted small">{move || tr("Personal details of contacts are not on the printed plan.")}</span>
                    </div>
                    <PlanBody account=a dossier=dossier row=row/>
                }.into_any(),
            }}
        </div>
    }
}

#[component]
fn PlanBody(
    account: Account,
    dossier: Memo<Dossier>,
    row: Memo<Option<kam_core::analysis::AccountSegment>>,
) -> impl IntoView {
    let state = use_app();
    let d = dossier.get_untracked();
    let months = state.settings.with_untracked(|s| s.window_months);
    let m = row.with_untracked(|r| metrics_view(&d, r.as_ref(), months));
    let point = state.workspace.with_untracked(|ws| matrix_point(&d, &ws.programme));
    let r = row.get_untracked();
    let today = chrono::Local::now().date_naive();
    let whitespace = (!d.offerings.is_empty() && !d.units.is_empty()).then(|| {
        let dd = d.clone();
        view! {
            <div class="table-scroll" tabindex="0" role="region" aria-label=move || tr("Whitespace grid")>
                <table class="plan-table whitespace-print">
                <thead><tr><th scope="col">{move || tr("Offering \\ unit")}</th>{d.units.iter().map(|u| view! { <th scope="col">{u.clone()}</th> }).collect_view()}</tr></thead>
                <tbody>{d.offerings.iter().map(|o| view! {
                    <tr><th scope="row">{o.clone()}</th>{dd.units.iter().map(|u| {
                        let c = dd.cell(o, u).cloned().unwrap_or_default();
                        let text = if c.state == CellState::Unknown { "?".to_string() } else { format!("{}{}", c.state.label(), c.potential.map(|p| format!(" · {}", money(p))).unwrap_or_default()) };
                        view! { <td class=format!("ws-{}", c.state.id())>{text}</td> }
                    }).collect_view()}</tr>
                }).collect_view()}</tbody>
                </table>
            </div>
        }
    });
    let missing: Vec<&str> = d.missing_sections().into_iter().map(Words::label).collect();
    view! {
        <article class="plan-doc" data-testid="account-plan">
            <header class="plan-head">
                <div>
                    <p class="plan-kicker">{move || tr("Key account plan")}</p>
                    <h1>{account.name.clone()}</h1>
                    <p class="subtitle">{tr_args("{0} · key account manager {1} · executive sponsor {2} · status {3} · {4}", &[("0", &or_dash(&account.industry)), ("1", &or_dash(&account.manager)), ("2", &or_dash(&d.executive_sponsor)), ("3", &d.status.label()), ("4", &d.stage.label())])}</p>
                </div>
                <div class="plan-figures">
                    <div><span>{move || tr("Revenue / year")}</span><strong>{m.revenue.map_or("—".into(), money)}</strong></div>
                    <div><span>{move || tr("Profit / year")}</span><strong>{m.profit.map_or("—".into(), money)}</strong></div>
                    <div><span>{move || tr("CLV")}</span><strong>{m.clv.map_or("—".into(), money)}</strong></div>
                    <div><span>{move || tr("Segment")}</span><strong>{r.as_ref().map(|r| r.code()).unwrap_or("—".into())}</strong></div>
                    <div><span>{move || tr("Share of revenue")}</span><strong>{r.as_ref().map(|r| percent(r.revenue_share_pct)).unwrap_or("—".into())}</strong></div>
                    <div><span>{move || tr("Dossier")}</span><strong>{format!("{} %", d.completeness_pct())}</strong></div>
                </div>
            </header>
            <section class="plan-section">
                <h2>{move || tr("Overview and why key")}</h2>
                <p>{or_dash(&d.overview)}</p>
                <ul>{d.reasons.iter().map(|r: &KeyReason| view! { <li><strong>{r.label()}</strong>{d.justifications.get(r).filter(|j| !j.trim().is_empty()).map(|j| format!(": {j}")).unwrap_or_default()}</li> }).collect_view()}</ul>
                {point.map(|p| view! { <p>{tr_args("Portfolio matrix: {0} (attractiveness {1}, our strength {2}). {3}", &[("0", &quadrant_label(p.quadrant)), ("1", &(format!("{:.1}", p.attractiveness))), ("2", &(format!("{:.1}", p.strength))), ("3", &quadrant_advice(p.quadrant))])}</p> })}
            </section>
            <section class="plan-section">
                <h2>{move || tr("Decision-making unit")}</h2>
                <OrgChart dossier=dossier/>
                {(!d.people.is_empty()).then(|| view! {
                    <div class="table-scroll" tabindex="0" role="region" aria-label=move || tr("Decision-making unit")>
                        <table class="plan-table">
                        <thead><tr><th scope="col">{move || tr("Name")}</th><th scope="col">{move || tr("Title")}</th><th scope="col">{move || tr("Role")}</th><th scope="col">{move || tr("Influence")}</th><th scope="col">{move || tr("Attitude")}</th><th scope="col">{move || tr("Our contact")}</th><th scope="col">{move || tr("Last contact")}</th></tr></thead>
                        <tbody>{d.people.iter().map(|p| view! {
                            <tr><td>{p.name.clone()}</td><td>{p.title.clone()}</td><td>{p.role.label()}</td><td>{p.influence.map(|v| v.to_string()).unwrap_or("?".into())}</td>
                                <td>{p.attitude.label()}</td><td>{or_dash(&p.our_owner)}</td><td>{p.last_contact.map(fmt::date).unwrap_or("—".into())}</td></tr>
                        }).collect_view()}</tbody>
                        </table>
                    </div>
                })}
            </section>
            <div class="plan-columns">
                <section class="plan-section">
                    <h2>"SWOT"</h2>
                    <dl class="swot-print">
                        <dt>{move || tr("Strengths")}</dt><dd>{or_dash(&d.swot.strengths)}</dd>
                        <dt>{move || tr("Weaknesses")}</dt><dd>{or_dash(&d.swot.weaknesses)}</dd>
                        <dt>{move || tr("Opportunities")}</dt><dd>{or_dash(&d.swot.opportunities)}</dd>
                        <dt>{move || tr("Threats")}</dt><dd>{or_dash(&d.swot.threats)}</dd>
                    </dl>
                </section>
                <section class="plan-section">
                    <h2>{move || tr("Competitors")}</h2>
                    {if d.competitors.is_empty() { view! { <p>"—"</p> }.into_any() } else { view! {
                        <ul>{d.competitors.iter().map(|c| view! { <li><strong>{c.name.clone()}</strong>{[c.offering.as_str(), c.position.as_str(), c.threats.as_str()].iter().filter(|s| !s.trim().is_empty()).map(|s| format!(" · {s}")).collect::<String>()}</li> }).collect_view()}</ul>
                    }.into_any() }}
                </section>
            </div>
            <section class="plan-section">
                <h2>{move || tr("Strategy and whitespace")}</h2>
                <p>{or_dash(&d.strategy)}</p>
                {whitespace}
            </section>
            <section class="plan-section">
                <h2>{move || tr("Objectives and actions")}</h2>
                <div class="table-scroll" tabindex="0" role="region" aria-label=move || tr("Objectives and actions")>
                    <table class="plan-table">
                    <thead><tr><th scope="col">{move || tr("Objective or action")}</th><th scope="col">{move || tr("Measure / owner")}</th><th scope="col">{move || tr("Due")}</th><th scope="col">{move || tr("Status")}</th></tr></thead>
                    <tbody>
                        {d.objectives.iter().map(|o| view! { <tr><td>{tr_args("Objective: {0}", &[("0", &o.text)])}</td><td>{o.measure.clone()}</td><td>{o.due.map(fmt::date).unwrap_or_default()}</td><td></td></tr> }).collect_view()}
                        {d.actions.iter().map(|a| view! { <tr class:overdue=rules::action_is_overdue(a, today)><td>{a.text.clone()}</td><td>{a.owner.clone()}</td><td>{a.due.map(fmt::date).unwrap_or_default()}</td><td>{a.status.label()}</td></tr> }).collect_view()}
                    </tbody>
                    </table>
                </div>
            </section>
            <div class="plan-columns">
                <section class="plan-section">
                    <h2>{move || tr("Tenders and proposals")}</h2>
                    <ul>
                        {d.tenders.iter().map(|t| view! { <li>{tr_args("Tender {0} on {1} — prepare from {2}; {3}", &[("0", &t.title), ("1", &(t.date.map(fmt::date).unwrap_or("?".into()))), ("2", &(t.date.and_then(rules::tender_preparation_start).map(fmt::date).unwrap_or("?".into()))), ("3", &t.outcome.label().to_lowercase())])}</li> }).collect_view()}
                        {d.proposals.iter().filter(|p| p.outcome == Outcome::Open).map(|p| view! { <li>{tr_args("Proposal {0}{1} — sent {2}, valid until {3}", &[("0", &p.title), ("1", &(p.value.map(|v| format!(" ({})", money(v))).unwrap_or_default())), ("2", &(p.sent.map(fmt::date).unwrap_or(tr("not yet").into()))), ("3", &(p.valid_until.map(fmt::date).unwrap_or("?".into())))])}</li> }).collect_view()}
                    </ul>
                </section>
                <section class="plan-section">
                    <h2>{move || tr("Governance calendar")}</h2>
                    <ul>{d.meetings.iter().map(|m| view! { <li>{meeting_line(m)}</li> }).collect_view()}</ul>
                </section>
            </div>
            <footer class="plan-foot">
                {tr_args("Printed {today} from KAM Planner. ", &[("today", &fmt::date(today))])}
                {if missing.is_empty() { tr("Every section of the dossier is filled.").to_string() } else { tr_args("Still unknown: {0}.", &[("0", &missing.join(", "))]) }}
            </footer>
        </article>
    }
}

/// A governance meeting as the printed plan lists it: "March 14 — Quarterly review with CFO".
fn meeting_line(m: &Meeting) -> String {
    let when = fmt::month_day(m.month, m.day);
    if m.with.is_empty() {
        tr_args("{when} — {title}", &[("when", &when), ("title", &m.title)])
    } else {
        tr_args("{when} — {title} with {who}", &[("when", &when), ("title", &m.title), ("who", &m.with)])
    }
}
