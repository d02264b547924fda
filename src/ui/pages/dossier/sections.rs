//! The dossier's sections (kam-model.md section 4), each quick to fill in a workshop.

use chrono::{Datelike, Months, NaiveDate};
use kam_core::analysis::{metrics_problems, metrics_view, AccountSegment};
use kam_core::model::{
    Action, AccountStatus, Attitude, CellState, Competitor, Dossier, EventKind, KeyReason, Meeting, Objective, OrderLine, Person,
    Proposal, TeamMember, Tender, TimelineEvent,
};
use leptos::prelude::*;

use super::editor::{format_number, Editor, Label};
use crate::ui::format::{money, percent};

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

fn remove_button(ed: Editor, what: String, change: impl Fn(&mut Dossier) + Copy + Send + Sync + 'static, testid: String) -> impl IntoView {
    let label = format!("Remove {what}");
    view! {
        <button type="button" class="icon-button" data-testid=testid aria-label=label.clone() title=label
            on:click=move |_| ed.remove(what.clone(), change)>"✕"</button>
    }
}

pub fn general(ed: Editor) -> impl IntoView {
    view! {
        {ed.text(Label::Shown("Company overview"), "dossier-overview".into(), top!(overview), 3)}
        <div class="field-row">
            {ed.number(Label::Shown("Employees"), "dossier-employees".into(),
                (move |d: &Dossier| d.employees.map(f64::from), move |d: &mut Dossier, v: Option<f64>| d.employees = v.map(|v| v.round() as u32)),
                (0.0, 5_000_000.0))}
        </div>
        {ed.text(Label::Shown("History"), "dossier-history".into(), top!(history), 2)}
        {ed.text(Label::Shown("Organisation structure"), "dossier-organisation".into(), top!(organisation), 2)}
        {ed.text(Label::Shown("Market and environment"), "dossier-market".into(), top!(market), 2)}
        {ed.text(Label::Shown("Key financials"), "dossier-financials".into(), top!(financials), 2)}
    }
}

/// The timeline: events typed by the user and, below them, the months with orders from the
/// imported history (read-only), newest first.
pub fn timeline(ed: Editor, lines: Memo<Vec<OrderLine>>) -> impl IntoView {
    let show_orders = RwSignal::new(true);
    let order_months = move || {
        let mut months: std::collections::BTreeMap<(i32, u32), (usize, f64)> = Default::default();
        lines.with(|ls| {
            for l in ls {
                let e = months.entry((l.date.year(), l.date.month())).or_default();
                e.0 += 1;
                e.1 += l.revenue;
            }
        });
        months.into_iter().rev().collect::<Vec<_>>()
    };
    view! {
        <div class="table-scroll">
            <table class="edit-table">
                <thead><tr><th scope="col">"Date"</th><th scope="col">"What"</th><th scope="col">"Description"</th><th scope="col"><span class="visually-hidden">"Remove"</span></th></tr></thead>
                <tbody>
                    {rows(ed, |d| d.timeline.len(), move |i| view! {
                        <tr data-testid="timeline-row">
                            <td>{ed.date(Label::Hidden, format!("event-date-{i}"), item!(timeline, i, date))}</td>
                            <td>{ed.choice::<EventKind, _, _>(Label::Hidden, format!("event-kind-{i}"), item!(timeline, i, kind))}</td>
                            <td class="grow">{ed.text(Label::Hidden, format!("event-text-{i}"), item!(timeline, i, text), 1)}</td>
                            <td>{remove_button(ed, "the event".into(), move |d| { if i < d.timeline.len() { d.timeline.remove(i); } }, format!("remove-event-{i}"))}</td>
                        </tr>
                    })}
                </tbody>
            </table>
        </div>
        {add_button("Add event", "add-event", move || ed.apply(|d| d.timeline.push(TimelineEvent { date: Some(chrono::Local::now().date_naive()), ..Default::default() })))}
        <div class="subsection">
            <label class="check">
                <input type="checkbox" prop:checked=move || show_orders.get() on:change=move |ev| show_orders.set(event_target_checked(&ev))/>
                <span>"Show the orders from the imported history"</span>
            </label>
            <Show when=move || show_orders.get()>
                {move || {
                    let months = order_months();
                    if months.is_empty() {
                        view! { <p class="muted">"No orders imported for this account."</p> }.into_any()
                    } else {
                        view! {
                            <ul class="order-months" data-testid="timeline-orders">
                                {months.into_iter().take(24).map(|((y, m), (n, v))| view! {
                                    <li><span class="when">{format!("{y}-{m:02}")}</span>{format!("{n} order line{}, revenue {}", if n == 1 { "" } else { "s" }, money(v))}</li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                }}
            </Show>
        </div>
    }
}

pub fn people(ed: Editor, show_personal: RwSignal<bool>) -> impl IntoView {
    let reports_options = move |i: usize| {
        ed.dossier.with(|d| {
            let me = d.people.get(i).map(|p| p.id);
            d.people.iter().filter(|p| Some(p.id) != me).map(|p| (p.id, if p.name.trim().is_empty() { "(no name)".to_string() } else { p.name.clone() })).collect::<Vec<_>>()
        })
    };
    view! {
        <div class="table-scroll">
            <table class="edit-table people">
                <thead><tr>
                    <th scope="col">"Name"</th><th scope="col">"Title"</th><th scope="col">"Reports to"</th><th scope="col">"Role in the decision"</th>
                    <th scope="col">"Influence"</th><th scope="col">"Attitude to us"</th><th scope="col">"Expectations"</th><th scope="col">"Last contact"</th>
                    <th scope="col">"Our contact"</th><th scope="col"><span class="visually-hidden">"Remove"</span></th>
                </tr></thead>
                <tbody>
                    {rows(ed, |d| d.people.len(), move |i| view! {
                        <tr data-testid="person-row">
                            <td>{ed.text(Label::Hidden, format!("person-name-{i}"), item!(people, i, name), 1)}</td>
                            <td>{ed.text(Label::Hidden, format!("person-title-{i}"), item!(people, i, title), 1)}</td>
                            <td>
                                <select data-testid=format!("person-reports-{i}") aria-label="reports to"
                                    prop:value=move || ed.dossier.with(|d| d.people.get(i).and_then(|p| p.reports_to).map(|r| r.to_string()).unwrap_or_default())
                                    on:change=move |ev| {
                                        let v: Option<u32> = event_target_value(&ev).parse().ok();
                                        ed.apply(move |d| { if let Some(p) = d.people.get_mut(i) { p.reports_to = v; } d.number_people(); });
                                    }>
                                    <option value="">"— nobody here —"</option>
                                    {move || reports_options(i).into_iter().map(|(id, name)| view! {
                                        <option value=id.to_string() selected=move || ed.dossier.with(|d| d.people.get(i).and_then(|p| p.reports_to) == Some(id))>{name}</option>
                                    }).collect_view()}
                                </select>
                            </td>
                            <td>{ed.choice(Label::Hidden, format!("person-role-{i}"), item!(people, i, role))}</td>
                            <td>
                                <select data-testid=format!("person-influence-{i}") aria-label="influence"
                                    prop:value=move || ed.dossier.with(|d| d.people.get(i).and_then(|p| p.influence).map(|v| v.to_string()).unwrap_or_default())
                                    on:change=move |ev| { let v: Option<u8> = event_target_value(&ev).parse().ok(); ed.apply(move |d| if let Some(p) = d.people.get_mut(i) { p.influence = v; }); }>
                                    <option value="">"?"</option>
                                    {[(1, "1 little"), (2, "2"), (3, "3 some"), (4, "4"), (5, "5 decisive")].into_iter().map(|(v, l)| view! {
                                        <option value=v.to_string() selected=move || ed.dossier.with(|d| d.people.get(i).and_then(|p| p.influence) == Some(v))>{l}</option>
                                    }).collect_view()}
                                </select>
                            </td>
                            <td>{ed.choice::<Attitude, _, _>(Label::Hidden, format!("person-attitude-{i}"), item!(people, i, attitude))}</td>
                            <td>{ed.text(Label::Hidden, format!("person-expectations-{i}"), item!(people, i, expectations), 1)}</td>
                            <td>{ed.date(Label::Hidden, format!("person-contact-{i}"), item!(people, i, last_contact))}</td>
                            <td>{ed.text(Label::Hidden, format!("person-owner-{i}"), item!(people, i, our_owner), 1)}</td>
                            <td>{remove_button(ed, "the person".into(), move |d| { if i < d.people.len() { d.people.remove(i); d.number_people(); } }, format!("remove-person-{i}"))}</td>
                        </tr>
                        <Show when=move || show_personal.get()>
                            <tr class="personal-row" data-testid="personal-row">
                                <td colspan="10">
                                    <div class="personal-grid">
                                        <span class="personal-tag">"Personal"</span>
                                        {ed.text(Label::Shown("Birthday (YYYY-MM-DD or --MM-DD)"), format!("person-birthday-{i}"), item!(people, i, birthday), 1)}
                                        {ed.text(Label::Shown("Family"), format!("person-family-{i}"), item!(people, i, family), 1)}
                                        {ed.text(Label::Shown("Hobbies"), format!("person-hobbies-{i}"), item!(people, i, hobbies), 1)}
                                        {ed.text(Label::Shown("Values"), format!("person-values-{i}"), item!(people, i, values), 1)}
                                        {ed.text(Label::Shown("Phone"), format!("person-phone-{i}"), item!(people, i, phone), 1)}
                                        {ed.text(Label::Shown("E-mail"), format!("person-email-{i}"), item!(people, i, email), 1)}
                                        {ed.text(Label::Shown("Private notes"), format!("person-notes-{i}"), item!(people, i, personal_notes), 1)}
                                    </div>
                                    {move || {
                                        let bad = ed.dossier.with(|d| d.people.get(i).is_some_and(|p| !p.birthday.trim().is_empty() && p.birthday_month_day().is_none()));
                                        bad.then(|| view! { <p class="field-error" role="alert">"The birthday is not a date the reminders understand: write 1975-11-30, or --11-30 without the year."</p> })
                                    }}
                                </td>
                            </tr>
                        </Show>
                    })}
                </tbody>
            </table>
        </div>
        {add_button("Add person", "add-person", move || ed.apply(|d| { d.people.push(Person::default()); d.number_people(); }))}
    }
}

pub fn competitors(ed: Editor) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class="edit-table">
                <thead><tr><th scope="col">"Competitor"</th><th scope="col">"What they sell in"</th><th scope="col">"Position"</th><th scope="col">"Strengths"</th><th scope="col">"Threat to us"</th><th scope="col"><span class="visually-hidden">"Remove"</span></th></tr></thead>
                <tbody>
                    {rows(ed, |d| d.competitors.len(), move |i| view! {
                        <tr data-testid="competitor-row">
                            <td>{ed.text(Label::Hidden, format!("competitor-name-{i}"), item!(competitors, i, name), 1)}</td>
                            <td>{ed.text(Label::Hidden, format!("competitor-offering-{i}"), item!(competitors, i, offering), 1)}</td>
                            <td>{ed.text(Label::Hidden, format!("competitor-position-{i}"), item!(competitors, i, position), 1)}</td>
                            <td>{ed.text(Label::Hidden, format!("competitor-strengths-{i}"), item!(competitors, i, strengths), 1)}</td>
                            <td>{ed.text(Label::Hidden, format!("competitor-threats-{i}"), item!(competitors, i, threats), 1)}</td>
                            <td>{remove_button(ed, "the competitor".into(), move |d| { if i < d.competitors.len() { d.competitors.remove(i); } }, format!("remove-competitor-{i}"))}</td>
                        </tr>
                    })}
                </tbody>
            </table>
        </div>
        {add_button("Add competitor", "add-competitor", move || ed.apply(|d| d.competitors.push(Competitor::default())))}
    }
}

pub fn analysis(ed: Editor) -> impl IntoView {
    view! {
        <div class="two-col">
            {ed.text(Label::Shown("The customer's goals"), "dossier-goals".into(), top!(goals), 3)}
            {ed.text(Label::Shown("Market situation and competition"), "dossier-market-situation".into(), top!(market_situation), 3)}
        </div>
        <h3>"PESTEL"</h3>
        <div class="three-col">
            {ed.text(Label::Shown("Political"), "pestel-political".into(), top!(pestel.political), 2)}
            {ed.text(Label::Shown("Economic"), "pestel-economic".into(), top!(pestel.economic), 2)}
            {ed.text(Label::Shown("Social"), "pestel-social".into(), top!(pestel.social), 2)}
            {ed.text(Label::Shown("Technological"), "pestel-technological".into(), top!(pestel.technological), 2)}
            {ed.text(Label::Shown("Environmental"), "pestel-environmental".into(), top!(pestel.environmental), 2)}
            {ed.text(Label::Shown("Legal"), "pestel-legal".into(), top!(pestel.legal), 2)}
        </div>
        <h3>"SWOT (the customer's)"</h3>
        <div class="two-col swot">
            {ed.text(Label::Shown("Strengths"), "swot-strengths".into(), top!(swot.strengths), 3)}
            {ed.text(Label::Shown("Weaknesses"), "swot-weaknesses".into(), top!(swot.weaknesses), 3)}
            {ed.text(Label::Shown("Opportunities"), "swot-opportunities".into(), top!(swot.opportunities), 3)}
            {ed.text(Label::Shown("Threats"), "swot-threats".into(), top!(swot.threats), 3)}
        </div>
    }
}

/// The whitespace grid: our offerings (rows) × the customer's business units (columns).
pub fn strategy(ed: Editor) -> impl IntoView {
    let new_offering = RwSignal::new(String::new());
    let new_unit = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add = move |offering: bool| {
        let signal = if offering { new_offering } else { new_unit };
        let name = signal.get_untracked().trim().to_string();
        if name.is_empty() {
            error.set(Some(format!("Type the name of the {} first.", if offering { "offering" } else { "business unit" })));
            return;
        }
        let exists = ed.dossier.with_untracked(|d| if offering { d.offerings.contains(&name) } else { d.units.contains(&name) });
        if exists {
            error.set(Some(format!("\"{name}\" is already in the grid.")));
            return;
        }
        error.set(None);
        signal.set(String::new());
        ed.apply(move |d| if offering { d.offerings.push(name) } else { d.units.push(name) });
    };
    let total_potential = move || {
        ed.dossier.with(|d| {
            d.whitespace
                .iter()
                .filter(|c| matches!(c.state, CellState::Opportunity | CellState::InProgress | CellState::Competitor) && d.offerings.contains(&c.offering) && d.units.contains(&c.unit))
                .filter_map(|c| c.potential)
                .sum::<f64>()
        })
    };
    view! {
        {ed.text(Label::Shown("Strategy: what we want to achieve, who we still need to know"), "dossier-strategy".into(), top!(strategy), 3)}
        <h3>"Whitespace"</h3>
        <p class="muted small">"What the customer buys from us, per business unit, and where the openings are. Potential is a yearly value."</p>
        {move || {
            let (offerings, units) = ed.dossier.with(|d| (d.offerings.clone(), d.units.clone()));
            if offerings.is_empty() || units.is_empty() {
                return view! { <p class="muted" data-testid="whitespace-empty">"Add at least one offering and one business unit to draw the grid."</p> }.into_any();
            }
            view! {
                <div class="table-scroll">
                    <table class="whitespace" data-testid="whitespace-grid">
                        <thead><tr><th scope="col">"Offering \\ unit"</th>
                            {units.iter().enumerate().map(|(c, u)| {
                                let name = u.clone();
                                view! { <th scope="col">{u.clone()}
                                    <button type="button" class="icon-button" aria-label=format!("Remove unit {u}") data-testid=format!("remove-unit-{c}")
                                        on:click=move |_| { let n = name.clone(); ed.remove(format!("the unit {n}"), move |d| { d.units.retain(|x| *x != n); d.whitespace.retain(|x| x.unit != n); }) }>"✕"</button></th> }
                            }).collect_view()}
                        </tr></thead>
                        <tbody>
                            {offerings.iter().enumerate().map(|(r, o)| {
                                let oname = o.clone();
                                view! {
                                    <tr>
                                        <th scope="row">{o.clone()}
                                            <button type="button" class="icon-button" aria-label=format!("Remove offering {o}") data-testid=format!("remove-offering-{r}")
                                                on:click=move |_| { let n = oname.clone(); ed.remove(format!("the offering {n}"), move |d| { d.offerings.retain(|x| *x != n); d.whitespace.retain(|x| x.offering != n); }) }>"✕"</button>
                                        </th>
                                        {units.iter().enumerate().map(|(c, u)| {
                                            let (o1, u1, o2, u2, o3, u3) = (o.clone(), u.clone(), o.clone(), u.clone(), o.clone(), u.clone());
                                            let state = move || ed.dossier.with(|d| d.cell(&o1, &u1).map(|x| x.state).unwrap_or_default());
                                            let state2 = state.clone();
                                            view! {
                                                <td class=move || format!("ws-cell ws-{}", state().key())>
                                                    <select data-testid=format!("whitespace-cell-{r}-{c}") aria-label=format!("{o} in {u}")
                                                        prop:value=move || state2().key()
                                                        on:change=move |ev| { let s = CellState::parse(&event_target_value(&ev)); let (o, u) = (o2.clone(), u2.clone()); ed.apply(move |d| d.set_cell(&o, &u, |x| x.state = s)); }>
                                                        {CellState::ALL.iter().map(|s| view! { <option value=s.key()>{s.label()}</option> }).collect_view()}
                                                    </select>
                                                    {ed.number(Label::Hidden, format!("whitespace-potential-{r}-{c}"),
                                                        (move |d: &Dossier| d.cell(&o3, &u3).and_then(|x| x.potential),
                                                         { let (o, u) = (o.clone(), u.clone()); move |d: &mut Dossier, v: Option<f64>| d.set_cell(&o, &u, |x| x.potential = v) }),
                                                        (0.0, 1e13))}
                                                </td>
                                            }
                                        }).collect_view()}
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <p class="small">"Open potential (opportunity, in progress, with a competitor): "<strong data-testid="whitespace-total">{move || money(total_potential())}</strong></p>
            }.into_any()
        }}
        <div class="inline-add">
            <label class="field"><span>"New offering (row)"</span>
                <input type="text" data-testid="new-offering" prop:value=move || new_offering.get() on:input=move |ev| new_offering.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { add(true) }/></label>
            {add_button("Add offering", "add-offering", move || add(true))}
            <label class="field"><span>"New business unit (column)"</span>
                <input type="text" data-testid="new-unit" prop:value=move || new_unit.get() on:input=move |ev| new_unit.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { add(false) }/></label>
            {add_button("Add unit", "add-unit", move || add(false))}
        </div>
        {move || error.get().map(|e| view! { <p class="field-error" role="alert" data-testid="whitespace-error">{e}</p> })}
    }
}

pub fn team(ed: Editor, manager: Signal<String>) -> impl IntoView {
    view! {
        {ed.text(Label::Shown("Executive sponsor (our top management)"), "dossier-sponsor".into(), top!(executive_sponsor), 1)}
        <p class="small">"Key account manager: "<strong>{move || { let m = manager.get(); if m.is_empty() { "— none yet (set it under General) —".to_string() } else { m } }}</strong></p>
        <div class="table-scroll">
            <table class="edit-table">
                <thead><tr><th scope="col">"Team member"</th><th scope="col">"Responsibility"</th><th scope="col"><span class="visually-hidden">"Remove"</span></th></tr></thead>
                <tbody>
                    {rows(ed, |d| d.team.len(), move |i| view! {
                        <tr data-testid="team-row">
                            <td>{ed.text(Label::Hidden, format!("team-name-{i}"), item!(team, i, name), 1)}</td>
                            <td class="grow">{ed.text(Label::Hidden, format!("team-responsibility-{i}"), item!(team, i, responsibility), 1)}</td>
                            <td>{remove_button(ed, "the team member".into(), move |d| { if i < d.team.len() { d.team.remove(i); } }, format!("remove-team-{i}"))}</td>
                        </tr>
                    })}
                </tbody>
            </table>
        </div>
        {add_button("Add team member", "add-team", move || ed.apply(|d| d.team.push(TeamMember::default())))}
    }
}

pub fn plan(ed: Editor) -> impl IntoView {
    let today = chrono::Local::now().date_naive();
    view! {
        <h3>"Objectives"</h3>
        <div class="table-scroll">
            <table class="edit-table">
                <thead><tr><th scope="col">"Objective"</th><th scope="col">"Measure"</th><th scope="col">"By"</th><th scope="col"><span class="visually-hidden">"Remove"</span></th></tr></thead>
                <tbody>
                    {rows(ed, |d| d.objectives.len(), move |i| view! {
                        <tr data-testid="objective-row">
                            <td class="grow">{ed.text(Label::Hidden, format!("objective-text-{i}"), item!(objectives, i, text), 1)}</td>
                            <td>{ed.text(Label::Hidden, format!("objective-measure-{i}"), item!(objectives, i, measure), 1)}</td>
                            <td>{ed.date(Label::Hidden, format!("objective-due-{i}"), item!(objectives, i, due))}</td>
                            <td>{remove_button(ed, "the objective".into(), move |d| { if i < d.objectives.len() { d.objectives.remove(i); } }, format!("remove-objective-{i}"))}</td>
                        </tr>
                    })}
                </tbody>
            </table>
        </div>
        {add_button("Add objective", "add-objective", move || ed.apply(|d| d.objectives.push(Objective::default())))}
        <h3>"Actions"</h3>
        <div class="table-scroll">
            <table class="edit-table">
                <thead><tr><th scope="col">"Action"</th><th scope="col">"Owner"</th><th scope="col">"Due"</th><th scope="col">"Status"</th><th scope="col"><span class="visually-hidden">"Remove"</span></th></tr></thead>
                <tbody>
                    {rows(ed, |d| d.actions.len(), move |i| view! {
                        <tr data-testid="action-row" class:overdue=move || ed.dossier.with(|d| d.actions.get(i).is_some_and(|a| a.due.is_some_and(|due| due < today) && matches!(a.status, kam_core::model::ActionStatus::Open | kam_core::model::ActionStatus::InProgress)))>
                            <td class="grow">{ed.text(Label::Hidden, format!("action-text-{i}"), item!(actions, i, text), 1)}</td>
                            <td>{ed.text(Label::Hidden, format!("action-owner-{i}"), item!(actions, i, owner), 1)}</td>
                            <td>{ed.date(Label::Hidden, format!("action-due-{i}"), item!(actions, i, due))}</td>
                            <td>{ed.choice(Label::Hidden, format!("action-status-{i}"), item!(actions, i, status))}</td>
                            <td>{remove_button(ed, "the action".into(), move |d| { if i < d.actions.len() { d.actions.remove(i); } }, format!("remove-action-{i}"))}</td>
                        </tr>
                    })}
                </tbody>
            </table>
        </div>
        {add_button("Add action", "add-action", move || ed.apply(|d| d.actions.push(Action::default())))}
        <h3>"Governance calendar"</h3>
        <p class="muted small">"Recurring meetings and reviews of the year (the annual clock)."</p>
        <div class="table-scroll">
            <table class="edit-table">
                <thead><tr><th scope="col">"Meeting or review"</th><th scope="col">"Month"</th><th scope="col">"Day"</th><th scope="col">"With"</th><th scope="col"><span class="visually-hidden">"Remove"</span></th></tr></thead>
                <tbody>
                    {rows(ed, |d| d.meetings.len(), move |i| view! {
                        <tr data-testid="meeting-row">
                            <td class="grow">{ed.text(Label::Hidden, format!("meeting-title-{i}"), item!(meetings, i, title), 1)}</td>
                            <td>
                                <select data-testid=format!("meeting-month-{i}") aria-label="month"
                                    prop:value=move || ed.dossier.with(|d| d.meetings.get(i).map(|m| m.month.to_string()).unwrap_or_default())
                                    on:change=move |ev| { let v: u32 = event_target_value(&ev).parse().unwrap_or(1); ed.apply(move |d| if let Some(m) = d.meetings.get_mut(i) { m.month = v; }); }>
                                    {(1..=12u32).map(|m| view! { <option value=m.to_string() selected=move || ed.dossier.with(|d| d.meetings.get(i).is_some_and(|x| x.month == m))>{month_name(m)}</option> }).collect_view()}
                                </select>
                            </td>
                            <td>{ed.number(Label::Hidden, format!("meeting-day-{i}"),
                                (move |d: &Dossier| d.meetings.get(i).and_then(|m| m.day).map(f64::from),
                                 move |d: &mut Dossier, v: Option<f64>| if let Some(m) = d.meetings.get_mut(i) { m.day = v.map(|v| v.round() as u32); }),
                                (1.0, 31.0))}</td>
                            <td>{ed.text(Label::Hidden, format!("meeting-with-{i}"), item!(meetings, i, with), 1)}</td>
                            <td>{remove_button(ed, "the meeting".into(), move |d| { if i < d.meetings.len() { d.meetings.remove(i); } }, format!("remove-meeting-{i}"))}</td>
                        </tr>
                    })}
                </tbody>
            </table>
        </div>
        {add_button("Add meeting", "add-meeting", move || ed.apply(|d| d.meetings.push(Meeting { month: chrono::Local::now().month(), ..Default::default() })))}
    }
}

pub fn month_name(m: u32) -> &'static str {
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][(m.clamp(1, 12) - 1) as usize]
}

pub fn metrics(ed: Editor, row: Memo<Option<AccountSegment>>, window_months: Signal<u32>) -> impl IntoView {
    let view_model = move || ed.dossier.with(|d| row.with(|r| metrics_view(d, r.as_ref(), window_months.get())));
    let problems = move || ed.dossier.with(metrics_problems);
    view! {
        <div class="cards compact">
            <div class="card"><span class="card-label">"Revenue per year"</span><span class="card-value">{move || view_model().revenue.map_or("—".into(), money)}</span><span class="card-note">"from the order history"</span></div>
            <div class="card"><span class="card-label">"Profit per year"</span><span class="card-value">{move || view_model().profit.map_or("—".into(), money)}</span><span class="card-note">"from the order history"</span></div>
            <div class="card"><span class="card-label">"Customer lifetime value"</span><span class="card-value" data-testid="clv">{move || view_model().clv.map_or("—".into(), money)}</span>
                <span class="card-note">{move || { let m = ed.dossier.with(|d| d.metrics.clone()); format!("{} years, {} % retention, {} % discount", m.horizon_years, format_number(m.retention_pct), format_number(m.discount_pct)) }}</span></div>
            <div class="card"><span class="card-label">"Share of wallet"</span><span class="card-value" data-testid="share-of-wallet">{move || view_model().share_of_wallet_pct.map_or("—".into(), percent)}</span><span class="card-note">"revenue ÷ the customer's spend"</span></div>
        </div>
        <div class="field-grid">
            {ed.number(Label::Shown("Cost to serve per year"), "metric-cost-to-serve".into(), top!(metrics.cost_to_serve), (0.0, 1e13))}
            {ed.number(Label::Shown("Yearly margin (empty: profit − cost to serve)"), "metric-margin".into(), top!(metrics.yearly_margin), (-1e13, 1e13))}
            {ed.number(Label::Shown("Retention per year, %"), "metric-retention".into(), (move |d: &Dossier| Some(d.metrics.retention_pct), move |d: &mut Dossier, v: Option<f64>| d.metrics.retention_pct = v.unwrap_or(85.0)), (0.0, 100.0))}
            {ed.number(Label::Shown("Discount rate per year, %"), "metric-discount".into(), (move |d: &Dossier| Some(d.metrics.discount_pct), move |d: &mut Dossier, v: Option<f64>| d.metrics.discount_pct = v.unwrap_or(8.0)), (0.0, 100.0))}
            {ed.number(Label::Shown("Horizon, years"), "metric-horizon".into(), (move |d: &Dossier| Some(f64::from(d.metrics.horizon_years)), move |d: &mut Dossier, v: Option<f64>| d.metrics.horizon_years = v.map_or(5, |v| v.round() as u32)), (1.0, 30.0))}
            {ed.number(Label::Shown("Customer's yearly spend in our categories"), "metric-wallet".into(), top!(metrics.wallet), (0.0, 1e14))}
        </div>
        <p class="small formula" data-testid="clv-formula">{move || {
            let v = view_model();
            let m = ed.dossier.with(|d| d.metrics.clone());
            match v.margin {
                Some(margin) => format!(
                    "CLV = Σ over years t = 1…{n} of margin × retention^(t−1) ÷ (1 + discount)^t, with margin {mg} ({src}), retention {r} %, discount {d} %.",
                    n = m.horizon_years, mg = money(margin), src = if v.margin_entered { "entered" } else { "profit per year minus cost to serve" },
                    r = format_number(m.retention_pct), d = format_number(m.discount_pct)),
                None => "CLV needs a margin: enter one, or import order lines with profit.".into(),
            }
        }}</p>
        {move || { let p = problems(); (!p.is_empty()).then(|| view! { <p class="field-error" role="alert">{p.join(" ")}</p> }) }}
    }
}

pub fn tenders(ed: Editor) -> impl IntoView {
    let today = chrono::Local::now().date_naive();
    let prep = |d: NaiveDate| d.checked_sub_months(Months::new(9));
    view! {
        <h3>"Tenders"</h3>
        <div class="table-scroll">
            <table class="edit-table">
                <thead><tr><th scope="col">"Tender"</th><th scope="col">"Date"</th><th scope="col">"Preparation starts"</th><th scope="col">"Outcome"</th><th scope="col">"Notes"</th><th scope="col"><span class="visually-hidden">"Remove"</span></th></tr></thead>
                <tbody>
                    {rows(ed, |d| d.tenders.len(), move |i| view! {
                        <tr data-testid="tender-row">
                            <td class="grow">{ed.text(Label::Hidden, format!("tender-title-{i}"), item!(tenders, i, title), 1)}</td>
                            <td>{ed.date(Label::Hidden, format!("tender-date-{i}"), item!(tenders, i, date))}</td>
                            <td data-testid=format!("tender-prep-{i}")>{move || ed.dossier.with(|d| d.tenders.get(i).and_then(|t| t.date).and_then(prep).map(|p| {
                                let note = if p < today { " (already started?)" } else { "" };
                                format!("{}{note}", p)
                            }).unwrap_or_else(|| "—".into()))}</td>
                            <td>{ed.choice(Label::Hidden, format!("tender-outcome-{i}"), item!(tenders, i, outcome))}</td>
                            <td>{ed.text(Label::Hidden, format!("tender-notes-{i}"), item!(tenders, i, notes), 1)}</td>
                            <td>{remove_button(ed, "the tender".into(), move |d| { if i < d.tenders.len() { d.tenders.remove(i); } }, format!("remove-tender-{i}"))}</td>
                        </tr>
                    })}
                </tbody>
            </table>
        </div>
        {add_button("Add tender", "add-tender", move || ed.apply(|d| d.tenders.push(Tender::default())))}
        <h3>"Proposals"</h3>
        <p class="muted small">"After sending: call to confirm receipt after one day without answer, ask about next steps and what makes it urgent, agree the date of the next call."</p>
        {rows(ed, |d| d.proposals.len(), move |i| view! {
            <fieldset class="proposal" data-testid="proposal-row">
                <legend>{move || ed.dossier.with(|d| d.proposals.get(i).map(|p| if p.title.trim().is_empty() { format!("Proposal {}", i + 1) } else { p.title.clone() }).unwrap_or_default())}</legend>
                <div class="field-grid">
                    {ed.text(Label::Shown("Title"), format!("proposal-title-{i}"), item!(proposals, i, title), 1)}
                    {ed.number(Label::Shown("Value"), format!("proposal-value-{i}"), item!(proposals, i, value), (0.0, 1e13))}
                    {ed.date(Label::Shown("Sent"), format!("proposal-sent-{i}"), item!(proposals, i, sent))}
                    {ed.date(Label::Shown("Valid until"), format!("proposal-valid-{i}"), item!(proposals, i, valid_until))}
                    {ed.date(Label::Shown("Next call or meeting agreed for"), format!("proposal-agreed-{i}"), item!(proposals, i, agreed_date))}
                    {ed.choice(Label::Shown("Outcome"), format!("proposal-outcome-{i}"), item!(proposals, i, outcome))}
                    {ed.text(Label::Shown("Next steps"), format!("proposal-next-{i}"), item!(proposals, i, next_steps), 1)}
                    {ed.text(Label::Shown("What makes it urgent"), format!("proposal-urgency-{i}"), item!(proposals, i, urgency), 1)}
                </div>
                <label class="check">
                    <input type="checkbox" data-testid=format!("proposal-receipt-{i}")
                        prop:checked=move || ed.dossier.with(|d| d.proposals.get(i).is_some_and(|p| p.receipt_confirmed))
                        on:change=move |ev| { let v = event_target_checked(&ev); ed.apply(move |d| if let Some(p) = d.proposals.get_mut(i) { p.receipt_confirmed = v; }); }/>
                    <span>"The customer confirmed receipt"</span>
                </label>
                <p class="small follow-up" data-testid=format!("proposal-follow-up-{i}")>{move || ed.dossier.with(|d| d.proposals.get(i).map(|p| follow_up(p, today)).unwrap_or_default())}</p>
                <button type="button" class="button small danger" data-testid=format!("remove-proposal-{i}")
                    on:click=move |_| ed.remove("the proposal".into(), move |d| { if i < d.proposals.len() { d.proposals.remove(i); } })>"Remove proposal"</button>
            </fieldset>
        })}
        {add_button("Add proposal", "add-proposal", move || ed.apply(|d| d.proposals.push(Proposal::default())))}
    }
}

/// The next follow-up step of a proposal, in words.
fn follow_up(p: &Proposal, today: NaiveDate) -> String {
    use kam_core::model::Outcome;
    if p.outcome != Outcome::Open {
        return format!("Closed: {}.", p.outcome.label().to_lowercase());
    }
    let Some(sent) = p.sent else { return "Not sent yet.".into() };
    let mut parts = Vec::new();
    if !p.receipt_confirmed {
        let call = sent + chrono::Days::new(1);
        parts.push(if call < today { format!("Receipt not confirmed: the call was due {call}.") } else { format!("Call to confirm receipt on {call} if there is no answer.") });
    }
    if let Some(v) = p.valid_until {
        parts.push(if v < today { format!("Validity ended {v}.") } else { format!("Valid until {v}.") });
    }
    match p.agreed_date {
        Some(a) => parts.push(format!("Next contact agreed for {a}.")),
        None => parts.push("Agree the date of the next call.".into()),
    }
    parts.join(" ")
}

pub fn status(ed: Editor, lost_hint: Signal<Option<String>>) -> impl IntoView {
    view! {
        <div class="field-grid">
            {ed.choice::<AccountStatus, _, _>(Label::Shown("Status"), "dossier-status".into(), top!(status))}
            {ed.choice(Label::Shown("Relationship stage"), "dossier-stage".into(), top!(stage))}
        </div>
        {move || lost_hint.get().map(|h| view! { <p class="message warning" data-testid="lost-hint">{h}</p> })}
        <Show when=move || ed.dossier.with(|d| d.status != AccountStatus::Active)>
            {ed.text(Label::Shown("What triggered it (the lost criterion, the failures seen)"), "dossier-lost-criterion".into(), top!(lost_criterion), 2)}
            {ed.text(Label::Shown("Win-back plan (special offer, visit, discount…)"), "dossier-winback".into(), top!(winback_plan), 2)}
        </Show>
    }
}

/// The six reasons with their justifications, and the three P's.
pub fn reasons(ed: Editor) -> impl IntoView {
    view! {
        <fieldset class="reasons">
            <legend>"Reasons this account is key (one or several)"</legend>
            {KeyReason::ALL.into_iter().map(|reason| {
                let has = move || ed.dossier.with(|d| d.reasons.contains(&reason));
                view! {
                    <div class="reason">
                        <label class="check">
                            <input type="checkbox" data-testid=format!("reason-{}", reason.key()) prop:checked=has
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    ed.apply(move |d| { d.reasons.retain(|r| *r != reason); if on { d.reasons.push(reason); } });
                                }/>
                            <span><strong>{reason.label()}</strong>" — "<span class="muted">{reason.hint()}</span></span>
                        </label>
                        <Show when=has>
                            {ed.text(Label::Shown("Justification"), format!("justification-{}", reason.key()),
                                (move |d: &Dossier| d.justifications.get(&reason).cloned().unwrap_or_default(),
                                 move |d: &mut Dossier, v: String| { d.justifications.insert(reason, v); }), 1)}
                        </Show>
                    </div>
                }
            }).collect_view()}
        </fieldset>
        <fieldset class="three-ps">
            <legend>"For a prospect: the three P's"</legend>
            <div class="field-grid">
                {ed.verdict(Label::Shown("Need: a real need for what we offer"), "p-need".into(), top!(three_ps.need))}
                {ed.text(Label::Shown("Why"), "p-need-note".into(), top!(three_ps.need_note), 1)}
                {ed.verdict(Label::Shown("Solvency: able to pay"), "p-solvency".into(), top!(three_ps.solvency))}
                {ed.text(Label::Shown("Why"), "p-solvency-note".into(), top!(three_ps.solvency_note), 1)}
                {ed.verdict(Label::Shown("Power: our contact can decide"), "p-power".into(), top!(three_ps.power))}
                {ed.text(Label::Shown("Why"), "p-power-note".into(), top!(three_ps.power_note), 1)}
            </div>
        </fieldset>
    }
}

pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}
