//! The dossier's sections (docs/model.md section 4), each quick to fill in a workshop. The short
//! ones are here; the decision-making unit, the whitespace grid and the plan-and-numbers
//! sections have files of their own.

use crate::i18n::{tr, tr_args, tr_plural};
use chrono::NaiveDate;
use kam_core::analysis::rules::{monthly_orders, MonthOrders};
use kam_core::model::{
    AccountStatus, Competitor, Dossier, EventKind, KeyReason, MonthTotal, TeamMember, TimelineEvent,
};
use leptos::prelude::*;

use crate::ui::components::guide_link;
use kam_core::guide::Topic;

use super::editor::{Editor, Label};
use crate::ui::format::money;
use crate::ui::words::choices::Words;

/// Getter and setter of a dossier field: `top!(pestel.political)`.
macro_rules! top {
    ($($f:ident).+) => {
        (move |d: &Dossier| d.$($f).+.clone(), move |d: &mut Dossier, v| d.$($f).+ = v)
    };
}

/// Getter and setter of a field of the `i`-th item of a list: `item!(people, i, name)`.
macro_rules! item {
    ($list:ident, $i:expr, $($f:ident).+) => {{
        let i = $i;
        (
            move |d: &Dossier| d.$list.get(i).map(|x| x.$($f).+.clone()).unwrap_or_default(),
            move |d: &mut Dossier, v| {
                if let Some(x) = d.$list.get_mut(i) {
                    x.$($f).+ = v;
                }
            },
        )
    }};
}

/// Rows of a list, by position: each row reads its fields by index, so a removed row moves
/// the rest up without losing anyone's typing. The rows are drawn again only when the number of
/// items changes (an add or a remove, never while typing).
fn rows<L, R, V>(ed: Editor, len: L, row: R) -> AnyView
where
    L: Fn(&Dossier) -> usize + Copy + Send + Sync + 'static,
    R: Fn(usize) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let count = Memo::new(move |_| ed.dossier.with(len));
    (move || (0..count.get()).map(|i| row(i).into_any()).collect::<Vec<AnyView>>()).into_any()
}

fn add_button(label: &'static str, testid: &'static str, on_add: impl Fn() + 'static) -> impl IntoView {
    view! { <button type="button" class="button small" data-testid=testid on:click=move |_| on_add()>{label}</button> }
}

fn remove_button(
    ed: Editor,
    what: String,
    change: impl Fn(&mut Dossier) + Copy + Send + Sync + 'static,
    testid: String,
) -> impl IntoView {
    let label = tr_args("Remove {what}", &[("what", &what)]);
    view! {
        <button type="button" class="icon-button" data-testid=testid aria-label=label.clone() title=label
            on:click=move |_| ed.remove(what.clone(), change)>"✕"</button>
    }
}

mod aftersale;
mod health_trend;
mod people;
mod plan;
mod strategy;
mod targets;

pub use aftersale::after_sale;
pub use health_trend::health_trend_view;
pub use people::people;
pub use plan::{metrics, plan, tenders};
pub use strategy::strategy;
pub use targets::targets;

pub fn general(ed: Editor) -> impl IntoView {
    view! {
        {ed.text(Label::Shown(tr("Company overview")), "dossier-overview".into(), top!(overview), 3)}
        <div class="field-row">
            {ed.number(Label::Shown(tr("Employees")), "dossier-employees".into(),
                (move |d: &Dossier| d.employees.map(f64::from), move |d: &mut Dossier, v: Option<f64>| d.employees = v.map(|v| v.round() as u32)),
                (0.0, 5_000_000.0))}
        </div>
        {ed.text(Label::Shown(tr("History")), "dossier-history".into(), top!(history), 2)}
        {ed.text(Label::Shown(tr("Organisation structure")), "dossier-organisation".into(), top!(organisation), 2)}
        {ed.text(Label::Shown(tr("Market and environment")), "dossier-market".into(), top!(market), 2)}
        {ed.text(Label::Shown(tr("Key financials")), "dossier-financials".into(), top!(financials), 2)}
    }
}

/// The timeline: events typed by the user and, below them, the months with orders from the
/// imported history (read-only), newest first.
pub fn timeline(ed: Editor, lines: Memo<Vec<MonthTotal>>) -> impl IntoView {
    let show_orders = RwSignal::new(true);
    let order_months = move || lines.with(|ls| monthly_orders(ls));
    view! {
        <div class="table-scroll">
            <table class="edit-table">
                <thead><tr><th scope="col">{move || tr("Date")}</th><th scope="col">{move || tr("What")}</th><th scope="col">{move || tr("Description")}</th><th scope="col"><span class="visually-hidden">{move || tr("Remove")}</span></th></tr></thead>
                <tbody>
                    {rows(ed, |d| d.timeline.len(), move |i| view! {
                        <tr data-testid="timeline-row">
                            <td>{ed.date(Label::Cell("Date", i), format!("event-date-{i}"), item!(timeline, i, date))}</td>
                            <td>{ed.choice::<EventKind, _, _>(Label::Cell("What", i), format!("event-kind-{i}"), item!(timeline, i, kind))}</td>
                            <td class="grow">{ed.text(Label::Cell("Description", i), format!("event-text-{i}"), item!(timeline, i, text), 1)}</td>
                            <td>{remove_button(ed, tr("the event").into(), move |d| { if i < d.timeline.len() { d.timeline.remove(i); } }, format!("remove-event-{i}"))}</td>
                        </tr>
                    })}
                </tbody>
            </table>
        </div>
        {add_button(tr("Add event"), "add-event", move || ed.apply(|d| d.timeline.push(TimelineEvent { date: Some(chrono::Local::now().date_naive()), ..Default::default() })))}
        <div class="subsection">
            <label class="check">
                <input type="checkbox" prop:checked=move || show_orders.get() on:change=move |ev| show_orders.set(event_target_checked(&ev))/>
                <span>{move || tr("Show the orders from the imported history")}</span>
            </label>
            <Show when=move || show_orders.get()>
                {move || {
                    let months = order_months();
                    if months.is_empty() {
                        view! { <p class="muted">{move || tr("No orders imported for this account.")}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="order-months" data-testid="timeline-orders">
                                {months.into_iter().take(24).map(|MonthOrders { year, month, lines, revenue }| view! {
                                    <li><span class="when">{format!("{year}-{month:02}")}</span>{tr_plural(lines, "{n} order line, revenue {revenue}", "{n} order lines, revenue {revenue}", &[("revenue", &money(revenue))])}</li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                }}
            </Show>
        </div>
    }
}

pub fn competitors(ed: Editor) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class="edit-table">
                <thead><tr><th scope="col">{move || tr("Competitor")}</th><th scope="col">{move || tr("What they sell in")}</th><th scope="col">{move || tr("Position")}</th><th scope="col">{move || tr("Strengths")}</th><th scope="col">{move || tr("Threat to us")}</th><th scope="col"><span class="visually-hidden">{move || tr("Remove")}</span></th></tr></thead>
                <tbody>
                    {rows(ed, |d| d.competitors.len(), move |i| view! {
                        <tr data-testid="competitor-row">
                            <td>{ed.text(Label::Cell("Competitor", i), format!("competitor-name-{i}"), item!(competitors, i, name), 1)}</td>
                            <td>{ed.text(Label::Cell("What they sell in", i), format!("competitor-offering-{i}"), item!(competitors, i, offering), 1)}</td>
                            <td>{ed.text(Label::Cell("Position", i), format!("competitor-position-{i}"), item!(competitors, i, position), 1)}</td>
                            <td>{ed.text(Label::Cell("Strengths", i), format!("competitor-strengths-{i}"), item!(competitors, i, strengths), 1)}</td>
                            <td>{ed.text(Label::Cell("Threat to us", i), format!("competitor-threats-{i}"), item!(competitors, i, threats), 1)}</td>
                            <td>{remove_button(ed, tr("the competitor").into(), move |d| { if i < d.competitors.len() { d.competitors.remove(i); } }, format!("remove-competitor-{i}"))}</td>
                        </tr>
                    })}
                </tbody>
            </table>
        </div>
        {add_button(tr("Add competitor"), "add-competitor", move || ed.apply(|d| d.competitors.push(Competitor::default())))}
    }
}

pub fn analysis(ed: Editor) -> impl IntoView {
    view! {
        <div class="two-col">
            {ed.text(Label::Shown(tr("The customer's goals")), "dossier-goals".into(), top!(goals), 3)}
            {ed.text(Label::Shown(tr("Market situation and competition")), "dossier-market-situation".into(), top!(market_situation), 3)}
        </div>
        <h3>"PESTEL"</h3>
        <div class="three-col">
            {ed.text(Label::Shown(tr("Political")), "pestel-political".into(), top!(pestel.political), 2)}
            {ed.text(Label::Shown(tr("Economic")), "pestel-economic".into(), top!(pestel.economic), 2)}
            {ed.text(Label::Shown(tr("Social")), "pestel-social".into(), top!(pestel.social), 2)}
            {ed.text(Label::Shown(tr("Technological")), "pestel-technological".into(), top!(pestel.technological), 2)}
            {ed.text(Label::Shown(tr("Environmental")), "pestel-environmental".into(), top!(pestel.environmental), 2)}
            {ed.text(Label::Shown(tr("Legal")), "pestel-legal".into(), top!(pestel.legal), 2)}
        </div>
        <h3>{move || tr("SWOT (the customer's)")}</h3>
        <div class="two-col swot">
            {ed.text(Label::Shown(tr("Strengths")), "swot-strengths".into(), top!(swot.strengths), 3)}
            {ed.text(Label::Shown(tr("Weaknesses")), "swot-weaknesses".into(), top!(swot.weaknesses), 3)}
            {ed.text(Label::Shown(tr("Opportunities")), "swot-opportunities".into(), top!(swot.opportunities), 3)}
            {ed.text(Label::Shown(tr("Threats")), "swot-threats".into(), top!(swot.threats), 3)}
        </div>
    }
}

pub fn team(ed: Editor, manager: Signal<String>) -> impl IntoView {
    view! {
        {ed.text(Label::Shown(tr("Executive sponsor (our top management)")), "dossier-sponsor".into(), top!(executive_sponsor), 1)}
        <p class="small">{move || tr("Key account manager: ")}<strong>{move || { let m = manager.get(); if m.is_empty() { tr("— none yet (set it under General) —").to_string() } else { m } }}</strong></p>
        <div class="table-scroll">
            <table class="edit-table">
                <thead><tr><th scope="col">{move || tr("Team member")}</th><th scope="col">{move || tr("Responsibility")}</th><th scope="col"><span class="visually-hidden">{move || tr("Remove")}</span></th></tr></thead>
                <tbody>
                    {rows(ed, |d| d.team.len(), move |i| view! {
                        <tr data-testid="team-row">
                            <td>{ed.text(Label::Cell("Team member", i), format!("team-name-{i}"), item!(team, i, name), 1)}</td>
                            <td class="grow">{ed.text(Label::Cell("Responsibility", i), format!("team-responsibility-{i}"), item!(team, i, responsibility), 1)}</td>
                            <td>{remove_button(ed, tr("the team member").into(), move |d| { if i < d.team.len() { d.team.remove(i); } }, format!("remove-team-{i}"))}</td>
                        </tr>
                    })}
                </tbody>
            </table>
        </div>
        {add_button(tr("Add team member"), "add-team", move || ed.apply(|d| d.team.push(TeamMember::default())))}
    }
}

pub fn status(ed: Editor, lost_hint: Signal<Option<String>>) -> impl IntoView {
    view! {
        <div class="field-grid">
            {ed.choice::<AccountStatus, _, _>(Label::Shown(tr("Status")), "dossier-status".into(), top!(status))}
            {ed.choice(Label::Shown(tr("Relationship stage")), "dossier-stage".into(), top!(stage))}
        </div>
        {move || lost_hint.get().map(|h| view! { <p class="message warning" data-testid="lost-hint">{h}</p> })}
        <Show when=move || ed.dossier.with(|d| d.status != AccountStatus::Active)>
            {ed.text(Label::Shown(tr("What triggered it (the lost criterion, the failures seen)")), "dossier-lost-criterion".into(), top!(lost_criterion), 2)}
            {ed.text(Label::Shown(tr("Win-back plan (special offer, visit, discount…)")), "dossier-winback".into(), top!(winback_plan), 2)}
        </Show>
    }
}

/// The six reasons with their justifications, and the three P's.
pub fn reasons(ed: Editor) -> impl IntoView {
    view! {
        <fieldset class="reasons">
            <legend>{move || tr("Reasons this account is key (one or several)")}</legend>
            {KeyReason::ALL.iter().copied().map(|reason| {
                let has = move || ed.dossier.with(|d| d.reasons.contains(&reason));
                view! {
                    <div class="reason">
                        <label class="check">
                            <input type="checkbox" data-testid=format!("reason-{}", reason.id()) prop:checked=has
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    ed.apply(move |d| { d.reasons.retain(|r| *r != reason); if on { d.reasons.push(reason); } });
                                }/>
                            <span><strong>{reason.label()}</strong>" — "<span class="muted">{reason.hint()}</span></span>
                        </label>
                        <Show when=has>
                            {ed.text(Label::Shown(tr("Justification")), format!("justification-{}", reason.id()),
                                (move |d: &Dossier| d.justifications.get(&reason).cloned().unwrap_or_default(),
                                 move |d: &mut Dossier, v: String| { d.justifications.insert(reason, v); }), 1)}
                        </Show>
                    </div>
                }
            }).collect_view()}
        </fieldset>
        <div class="field-grid">
            {ed.choice(Label::Shown(tr("Key at which level")), "key-level".into(), top!(key_level))}
        </div>
        <fieldset class="three-ps">
            <legend>{move || tr("For a prospect: the three P's")}{guide_link(Topic::ThreePs)}</legend>
            <div class="field-grid">
                {ed.verdict(Label::Shown(tr("Need: a real need for what we offer")), "p-need".into(), top!(three_ps.need))}
                {ed.text(Label::Shown(tr("Why")), "p-need-note".into(), top!(three_ps.need_note), 1)}
                {ed.verdict(Label::Shown(tr("Solvency: able to pay")), "p-solvency".into(), top!(three_ps.solvency))}
                {ed.text(Label::Shown(tr("Why")), "p-solvency-note".into(), top!(three_ps.solvency_note), 1)}
                {ed.verdict(Label::Shown(tr("Power: our contact can decide")), "p-power".into(), top!(three_ps.power))}
                {ed.text(Label::Shown(tr("Why")), "p-power-note".into(), top!(three_ps.power_note), 1)}
            </div>
        </fieldset>
    }
}

pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}
