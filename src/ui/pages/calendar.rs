//! The annual calendar ("annual clock"): the year's governance meetings, reviews, tenders and
//! proposal dates of all key accounts on one view, by month.

use chrono::Datelike;
use kam_core::model::Outcome;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::components::{DemoButton, EmptyState};
use crate::ui::pages::dossier::month_name;
use crate::ui::state::use_app;

#[derive(Clone, PartialEq)]
struct Item {
    month: u32,
    day: Option<u32>,
    kind: &'static str,
    title: String,
    account_id: String,
    account: String,
}

#[component]
pub fn CalendarPage() -> impl IntoView {
    let state = use_app();
    let year = RwSignal::new(chrono::Local::now().year());
    let items = Memo::new(move |_| {
        let y = year.get();
        state.workspace.with(|ws| {
            let mut out = Vec::new();
            for a in ws.accounts.iter().filter(|a| a.is_key) {
                let Some(d) = ws.dossier(&a.id) else { continue };
                let mut push = |month: u32, day: Option<u32>, kind: &'static str, title: String| {
                    out.push(Item { month, day, kind, title, account_id: a.id.clone(), account: a.name.clone() })
                };
                for m in &d.meetings {
                    let title = if m.with.trim().is_empty() { m.title.clone() } else { format!("{} (with {})", m.title, m.with) };
                    push(m.month.clamp(1, 12), m.day, "meeting", title);
                }
                for t in d.tenders.iter().filter(|t| t.outcome == Outcome::Open) {
                    if let Some(date) = t.date {
                        if date.year() == y {
                            push(date.month(), Some(date.day()), "tender", format!("Tender: {}", t.title));
                        }
                        if let Some(prep) = date.checked_sub_months(chrono::Months::new(9)).filter(|p| p.year() == y) {
                            push(prep.month(), Some(prep.day()), "tender", format!("Start preparing: {}", t.title));
                        }
                    }
                }
                for p in d.proposals.iter().filter(|p| p.outcome == Outcome::Open) {
                    if let Some(v) = p.valid_until.filter(|v| v.year() == y) {
                        push(v.month(), Some(v.day()), "proposal", format!("Proposal valid until: {}", p.title));
                    }
                }
                for o in &d.objectives {
                    if let Some(due) = o.due.filter(|v| v.year() == y) {
                        push(due.month(), Some(due.day()), "objective", format!("Objective due: {}", o.text));
                    }
                }
            }
            out.sort_by(|a, b| (a.month, a.day.unwrap_or(0), &a.account).cmp(&(b.month, b.day.unwrap_or(0), &b.account)));
            out
        })
    });
    view! {
        <div class="page">
            <div class="page-head">
                <div>
                    <h1>"Annual calendar"</h1>
                    <p class="subtitle">"The year's governance meetings and reviews for all key accounts, with tenders, proposal deadlines and objectives."</p>
                </div>
                <div class="head-actions">
                    <button type="button" class="button" data-testid="calendar-prev" on:click=move |_| year.update(|y| *y -= 1) aria-label="Previous year">"←"</button>
                    <strong class="year" data-testid="calendar-year">{move || year.get()}</strong>
                    <button type="button" class="button" data-testid="calendar-next" on:click=move |_| year.update(|y| *y += 1) aria-label="Next year">"→"</button>
                </div>
            </div>
            <Show when=move || state.workspace.with(|ws| ws.accounts.iter().any(|a| a.is_key)) fallback=|| view! {
                <EmptyState title="No key accounts yet">
                    <p>"The annual calendar gathers the governance meetings you plan in each key account's dossier (under Objectives and actions)."</p>
                    <DemoButton/>
                </EmptyState>
            }>
                <div class="calendar" data-testid="calendar">
                    {(1..=12u32).map(|m| view! {
                        <section class="month" data-testid=format!("calendar-month-{m}") aria-labelledby=format!("month-{m}")>
                            <h2 id=format!("month-{m}")>{month_name(m)}</h2>
                            {move || {
                                let list: Vec<Item> = items.with(|i| i.iter().filter(|x| x.month == m).cloned().collect());
                                if list.is_empty() {
                                    view! { <p class="muted small">"—"</p> }.into_any()
                                } else {
                                    view! { <ul>{list.into_iter().map(|i| view! {
                                        <li data-testid="calendar-item" class=format!("cal-{}", i.kind)>
                                            <span class="day">{i.day.map(|d| d.to_string()).unwrap_or_default()}</span>
                                            <span>{i.title}<br/><A href=crate::ui::format::dossier_href(&i.account_id)>{i.account}</A></span>
                                        </li>
                                    }).collect_view()}</ul> }.into_any()
                                }
                            }}
                        </section>
                    }).collect_view()}
                </div>
            </Show>
        </div>
    }
}
