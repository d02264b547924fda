//! Objectives, actions and the governance calendar; the metrics with customer lifetime value;
//! tenders and proposals with their follow-up.

use crate::i18n::{tr, tr_args, tr_plural};
use chrono::Datelike;
use kam_core::analysis::rules::PROPOSAL_FOLLOW_UP_DAYS;
use kam_core::analysis::{metrics_problems, metrics_view, rules, AccountSegment};
use kam_core::model::{Action, Dossier, Meeting, Metrics, Objective, Proposal, Tender};
use leptos::prelude::*;

use crate::ui::components::guide_link;
use kam_core::guide::Topic;
use leptos_router::components::A;

use super::super::editor::{format_number, Editor, Label};
use super::{add_button, remove_button, rows};
use crate::ui::format::{money, percent};
use crate::ui::words::reminders::proposal_follow_up;

pub fn plan(ed: Editor) -> impl IntoView {
    let today = chrono::Local::now().date_naive();
    view! {
        <h3>{move || tr("Objectives")}</h3>
        <div class="table-scroll">
            <table class="edit-table">
                <thead><tr><th scope="col">{move || tr("Objective")}</th><th scope="col">{move || tr("Measure")}</th><th scope="col">{move || tr("By")}</th><th scope="col"><span class="visually-hidden">{move || tr("Remove")}</span></th></tr></thead>
                <tbody>
                    {rows(ed, |d| d.objectives.len(), move |i| view! {
                        <tr data-testid="objective-row">
                            <td class="grow">{ed.text(Label::Cell("Objective", i), format!("objective-text-{i}"), item!(objectives, i, text), 1)}</td>
                            <td>{ed.text(Label::Cell("Measure", i), format!("objective-measure-{i}"), item!(objectives, i, measure), 1)}</td>
                            <td>{ed.date(Label::Cell("By", i), format!("objective-due-{i}"), item!(objectives, i, due))}</td>
                            <td>{remove_button(ed, tr("the objective").into(), move |d| { if i < d.objectives.len() { d.objectives.remove(i); } }, format!("remove-objective-{i}"))}</td>
                        </tr>
                    })}
                </tbody>
            </table>
        </div>
        {add_button(tr("Add objective"), "add-objective", move || ed.apply(|d| d.objectives.push(Objective::default())))}
        <h3>{move || tr("Actions")}</h3>
        <div class="table-scroll">
            <table class="edit-table">
                <thead><tr><th scope="col">{move || tr("Action")}</th><th scope="col">{move || tr("Owner")}</th><th scope="col">{move || tr("Due")}</th><th scope="col">{move || tr("Status")}</th><th scope="col"><span class="visually-hidden">{move || tr("Remove")}</span></th></tr></thead>
                <tbody>
                    {rows(ed, |d| d.actions.len(), move |i| view! {
                        <tr data-testid="action-row" class:overdue=move || ed.dossier.with(|d| d.actions.get(i).is_some_and(|a| rules::action_is_overdue(a, today)))>
                            <td class="grow">{ed.text(Label::Cell("Action", i), format!("action-text-{i}"), item!(actions, i, text), 1)}</td>
                            <td>{ed.text(Label::Cell("Owner", i), format!("action-owner-{i}"), item!(actions, i, owner), 1)}</td>
                            <td>{ed.date(Label::Cell("Due", i), format!("action-due-{i}"), item!(actions, i, due))}</td>
                            <td>{ed.choice(Label::Cell("Status", i), format!("action-status-{i}"), item!(actions, i, status))}</td>
                            <td>{remove_button(ed, tr("the action").into(), move |d| { if i < d.actions.len() { d.actions.remove(i); } }, format!("remove-action-{i}"))}</td>
                        </tr>
                    })}
                </tbody>
            </table>
        </div>
        {add_button(tr("Add action"), "add-action", move || ed.apply(|d| d.actions.push(Action::default())))}
        <h3>{move || tr("Governance calendar")}</h3>
        <p class="muted small">{move || tr("Recurring meetings and reviews of the year (the annual clock).")}</p>
        <div class="table-scroll">
            <table class="edit-table">
                <thead><tr><th scope="col">{move || tr("Meeting or review")}</th><th scope="col">{move || tr("Month")}</th><th scope="col">{move || tr("Day")}</th><th scope="col">{move || tr("With")}</th><th scope="col"><span class="visually-hidden">{move || tr(crate::ui::words::brief::BRIEF_LINK)}</span></th><th scope="col"><span class="visually-hidden">{move || tr("Remove")}</span></th></tr></thead>
                <tbody>
                    {rows(ed, |d| d.meetings.len(), move |i| view! {
                        <tr data-testid="meeting-row">
                            <td class="grow">{ed.text(Label::Cell("Meeting or review", i), format!("meeting-title-{i}"), item!(meetings, i, title), 1)}</td>
                            <td>
                                <select data-testid=format!("meeting-month-{i}") aria-label=move || tr("Month")
                                    prop:value=move || ed.dossier.with(|d| d.meetings.get(i).map(|m| m.month.to_string()).unwrap_or_default())
                                    on:change=move |ev| { let v: u32 = event_target_value(&ev).parse().unwrap_or(1); ed.apply(move |d| if let Some(m) = d.meetings.get_mut(i) { m.month = v; }); }>
                                    {(1..=12u32).map(|m| view! { <option value=m.to_string() selected=move || ed.dossier.with(|d| d.meetings.get(i).is_some_and(|x| x.month == m))>{move || crate::i18n::fmt::month(m)}</option> }).collect_view()}
                                </select>
                            </td>
                            <td>{ed.number(Label::Cell("Day", i), format!("meeting-day-{i}"),
                                (move |d: &Dossier| d.meetings.get(i).and_then(|m| m.day).map(f64::from),
                                 move |d: &mut Dossier, v: Option<f64>| if let Some(m) = d.meetings.get_mut(i) { m.day = v.map(|v| v.round() as u32); }),
                                (1.0, 31.0))}</td>
                            <td>{ed.text(Label::Cell("With", i), format!("meeting-with-{i}"), item!(meetings, i, with), 1)}</td>
                            <td><A attr:class="button" attr:data-testid=format!("meeting-brief-{i}")
                                href=move || ed.dossier.with(|d| super::super::brief::brief_href(&d.account_id, d.meetings.get(i).map_or("", |m| m.id.as_str()), i))>
                                {move || tr(crate::ui::words::brief::BRIEF_LINK)}</A></td>
                            <td>{remove_button(ed, tr("the meeting").into(), move |d| { if i < d.meetings.len() { d.meetings.remove(i); } }, format!("remove-meeting-{i}"))}</td>
                        </tr>
                    })}
                </tbody>
            </table>
        </div>
        {add_button(tr("Add meeting"), "add-meeting", move || ed.apply(|d| d.meetings.push(Meeting { month: chrono::Local::now().month(), ..Default::default() })))}
    }
}

pub fn metrics(ed: Editor, row: Memo<Option<AccountSegment>>, window_months: Signal<u32>) -> impl IntoView {
    let view_model = move || ed.dossier.with(|d| row.with(|r| metrics_view(d, r.as_ref(), window_months.get())));
    let problems = move || {
        ed.dossier.with(|d| {
            metrics_problems(d).into_iter().map(crate::ui::words::programme::metrics_problem).collect::<Vec<_>>()
        })
    };
    view! {
        <div class="cards compact">
            <div class="card"><span class="card-label">{move || tr("Revenue per year")}</span><span class="card-value">{move || view_model().revenue.map_or("—".into(), money)}</span><span class="card-note">{move || tr("from the order history")}</span></div>
            <div class="card"><span class="card-label">{move || tr("Profit per year")}</span><span class="card-value">{move || view_model().profit.map_or("—".into(), money)}</span><span class="card-note">{move || tr("from the order history")}</span></div>
            <div class="card"><span class="card-label">{move || tr("Customer lifetime value")}</span><span class="card-value" data-testid="clv">{move || view_model().clv.map_or("—".into(), money)}</span>
                <span class="card-note">{move || { let m = ed.dossier.with(|d| d.metrics.clone()); tr_args("{0} years, {1} % retention, {2} % discount", &[("0", &m.horizon_years), ("1", &(format_number(m.retention_pct))), ("2", &(format_number(m.discount_pct)))]) }}</span></div>
            <div class="card"><span class="card-label">{move || tr("Share of wallet")}</span><span class="card-value" data-testid="share-of-wallet">{move || view_model().share_of_wallet_pct.map_or("—".into(), percent)}</span><span class="card-note">{move || tr("revenue ÷ the customer's spend")}</span></div>
        </div>
        <div class="field-grid">
            {ed.number(Label::Shown(tr("Cost to serve per year")), "metric-cost-to-serve".into(), top!(metrics.cost_to_serve), (0.0, 1e13))}
            {ed.number(Label::Shown(tr("Yearly margin (empty: profit − cost to serve)")), "metric-margin".into(), top!(metrics.yearly_margin), (-1e13, 1e13))}
            {ed.number(Label::Shown(tr("Retention per year, %")), "metric-retention".into(), (move |d: &Dossier| Some(d.metrics.retention_pct), move |d: &mut Dossier, v: Option<f64>| d.metrics.retention_pct = v.unwrap_or(Metrics::default().retention_pct)), (0.0, 100.0))}
            {ed.number(Label::Shown(tr("Discount rate per year, %")), "metric-discount".into(), (move |d: &Dossier| Some(d.metrics.discount_pct), move |d: &mut Dossier, v: Option<f64>| d.metrics.discount_pct = v.unwrap_or(Metrics::default().discount_pct)), (0.0, 100.0))}
            {ed.number(Label::Shown(tr("Horizon, years")), "metric-horizon".into(), (move |d: &Dossier| Some(f64::from(d.metrics.horizon_years)), move |d: &mut Dossier, v: Option<f64>| d.metrics.horizon_years = v.map_or(Metrics::default().horizon_years, |v| v.round() as u32)), (f64::from(kam_core::analysis::MIN_HORIZON_YEARS), f64::from(kam_core::analysis::MAX_HORIZON_YEARS)))}
            {ed.number(Label::Shown(tr("Customer's yearly spend in our categories")), "metric-wallet".into(), top!(metrics.wallet), (0.0, 1e14))}
        </div>
        <p class="small formula" data-testid="clv-formula">{move || {
            let v = view_model();
            let m = ed.dossier.with(|d| d.metrics.clone());
            match v.margin {
                Some(margin) => tr_args("CLV = Σ over years t = 1…{n} of margin × retention^(t−1) ÷ (1 + discount)^t, with margin {mg} ({src}), retention {r} %, discount {d} %.", &[("n", &m.horizon_years), ("mg", &money(margin)), ("src", &(if v.margin_entered { tr("entered") } else { tr("profit per year minus cost to serve") })), ("r", &format_number(m.retention_pct)), ("d", &format_number(m.discount_pct))]),
                None => tr("CLV needs a margin: enter one, or import order lines with profit.").into(),
            }
        }}</p>
        {move || { let p = problems(); (!p.is_empty()).then(|| view! { <p class="field-error" role="alert">{p.join(" ")}</p> }) }}
    }
}

pub fn tenders(ed: Editor) -> impl IntoView {
    let today = chrono::Local::now().date_naive();
    view! {
        <h3>{move || tr("Tenders")}</h3>
        <div class="table-scroll">
            <table class="edit-table">
                <thead><tr><th scope="col">{move || tr("Tender")}</th><th scope="col">{move || tr("Date")}</th><th scope="col">{move || tr("Preparation starts")}</th><th scope="col">{move || tr("Outcome")}</th><th scope="col">{move || tr("Notes")}</th><th scope="col"><span class="visually-hidden">{move || tr("Remove")}</span></th></tr></thead>
                <tbody>
                    {rows(ed, |d| d.tenders.len(), move |i| view! {
                        <tr data-testid="tender-row">
                            <td class="grow">{ed.text(Label::Cell("Tender", i), format!("tender-title-{i}"), item!(tenders, i, title), 1)}</td>
                            <td>{ed.date(Label::Cell("Date", i), format!("tender-date-{i}"), item!(tenders, i, date))}</td>
                            <td data-testid=format!("tender-prep-{i}")>{move || ed.dossier.with(|d| d.tenders.get(i).and_then(|t| t.date).and_then(|day| rules::tender_preparation(day, today)).map(|p| {
                                let note = if p.passed { tr(" (already started?)") } else { "" };
                                format!("{}{note}", crate::i18n::fmt::date(p.day))
                            }).unwrap_or_else(|| "—".into()))}</td>
                            <td>{ed.choice(Label::Cell("Outcome", i), format!("tender-outcome-{i}"), item!(tenders, i, outcome))}</td>
                            <td>{ed.text(Label::Cell("Notes", i), format!("tender-notes-{i}"), item!(tenders, i, notes), 1)}</td>
                            <td>{remove_button(ed, tr("the tender").into(), move |d| { if i < d.tenders.len() { d.tenders.remove(i); } }, format!("remove-tender-{i}"))}</td>
                        </tr>
                    })}
                </tbody>
            </table>
        </div>
        {add_button(tr("Add tender"), "add-tender", move || ed.apply(|d| d.tenders.push(Tender::default())))}
        <h3>{move || tr("Proposals")}{guide_link(Topic::Proposals)}</h3>
        <p class="muted small">{move || tr_plural(PROPOSAL_FOLLOW_UP_DAYS as usize, "After sending: call to confirm receipt after {n} day without answer, ask about next steps and what makes it urgent, agree the date of the next call.", "After sending: call to confirm receipt after {n} days without answer, ask about next steps and what makes it urgent, agree the date of the next call.", &[])}</p>
        {rows(ed, |d| d.proposals.len(), move |i| view! {
            <fieldset class="proposal" data-testid="proposal-row">
                <legend>{move || ed.dossier.with(|d| d.proposals.get(i).map(|p| if p.title.trim().is_empty() { tr_args("Proposal {0}", &[("0", &(i + 1))]) } else { p.title.clone() }).unwrap_or_default())}</legend>
                <div class="field-grid">
                    {ed.text(Label::Ctx("proposal", "Title"), format!("proposal-title-{i}"), item!(proposals, i, title), 1)}
                    {ed.number(Label::Shown(tr("Value")), format!("proposal-value-{i}"), item!(proposals, i, value), (0.0, 1e13))}
                    {ed.date(Label::Shown(tr("Sent")), format!("proposal-sent-{i}"), item!(proposals, i, sent))}
                    {ed.date(Label::Shown(tr("Valid until")), format!("proposal-valid-{i}"), item!(proposals, i, valid_until))}
                    {ed.date(Label::Shown(tr("Next call or meeting agreed for")), format!("proposal-agreed-{i}"), item!(proposals, i, agreed_date))}
                    {ed.choice(Label::Shown(tr("Outcome")), format!("proposal-outcome-{i}"), item!(proposals, i, outcome))}
                    {ed.text(Label::Shown(tr("Next steps")), format!("proposal-next-{i}"), item!(proposals, i, next_steps), 1)}
                    {ed.text(Label::Shown(tr("What makes it urgent")), format!("proposal-urgency-{i}"), item!(proposals, i, urgency), 1)}
                </div>
                <label class="check">
                    <input type="checkbox" data-testid=format!("proposal-receipt-{i}")
                        prop:checked=move || ed.dossier.with(|d| d.proposals.get(i).is_some_and(|p| p.receipt_confirmed))
                        on:change=move |ev| { let v = event_target_checked(&ev); ed.apply(move |d| if let Some(p) = d.proposals.get_mut(i) { p.receipt_confirmed = v; }); }/>
                    <span>{move || tr("The customer confirmed receipt")}</span>
                </label>
                <p class="small follow-up" data-testid=format!("proposal-follow-up-{i}")>{move || ed.dossier.with(|d| d.proposals.get(i).map(|p| proposal_follow_up(&rules::proposal_state(p, today))).unwrap_or_default())}</p>
                <button type="button" class="button small danger" data-testid=format!("remove-proposal-{i}")
                    on:click=move |_| ed.remove(tr("the proposal").into(), move |d| { if i < d.proposals.len() { d.proposals.remove(i); } })>{move || tr("Remove proposal")}</button>
            </fieldset>
        })}
        {add_button(tr("Add proposal"), "add-proposal", move || ed.apply(|d| d.proposals.push(Proposal::default())))}
    }
}
