//! The annual calendar ("annual clock"): the year's governance meetings, reviews, tenders and
//! proposal dates of all key accounts on one view, by month.

use crate::i18n::tr;
use chrono::Datelike;
use kam_core::analysis::{annual_calendar, CalendarEntry};
use leptos::prelude::*;

use crate::ui::components::guide_link;
use kam_core::guide::Topic;
use leptos_router::components::A;

use crate::ui::components::{DemoButton, EmptyState};
use crate::ui::state::use_app;
use crate::ui::words::reminders::calendar_entry;

#[component]
pub fn CalendarPage() -> impl IntoView {
    let state = use_app();
    let year = RwSignal::new(chrono::Local::now().year());
    let months = Memo::new(move |_| {
        let y = year.get();
        state.workspace.with(|ws| annual_calendar(ws, y))
    });
    view! {
        <div class="page">
            <div class="page-head">
                <div>
                    <h1>{move || tr("Annual calendar")}</h1>
                    <p class="subtitle">{move || tr("The year's governance meetings and reviews for all key accounts, with tenders, proposal deadlines and objectives.")}{guide_link(Topic::Reminders)}</p>
                </div>
                <div class="head-actions">
                    <button type="button" class="button" data-testid="calendar-prev" on:click=move |_| year.update(|y| *y -= 1) aria-label=move || tr("Previous year")>"←"</button>
                    <strong class="year" data-testid="calendar-year">{move || year.get()}</strong>
                    <button type="button" class="button" data-testid="calendar-next" on:click=move |_| year.update(|y| *y += 1) aria-label=move || tr("Next year")>"→"</button>
                </div>
            </div>
            <Show when=move || state.workspace.with(|ws| ws.accounts().iter().any(|a| a.is_key)) fallback=|| view! {
                <EmptyState title=tr("No key accounts yet")>
                    <p>{move || tr("The annual calendar gathers the governance meetings you plan in each key account's dossier (under Objectives and actions).")}</p>
                    <DemoButton/>
                </EmptyState>
            }>
                <div class="calendar" data-testid="calendar">
                    {(1..=12u32).map(|m| view! {
                        <section class="month" data-testid=format!("calendar-month-{m}") aria-labelledby=format!("month-{m}")>
                            <h2 id=format!("month-{m}")>{move || crate::i18n::fmt::month(m)}</h2>
                            {move || {
                                let list: Vec<CalendarEntry> = months.with(|months| months.iter().find(|x| x.month == m).map(|x| x.entries.clone()).unwrap_or_default());
                                if list.is_empty() {
                                    view! { <p class="muted small">"—"</p> }.into_any()
                                } else {
                                    view! { <ul>{list.into_iter().map(|i| view! {
                                        <li data-testid="calendar-item" class=format!("cal-{}", i.fact.kind().id())>
                                            <span class="day">{i.day.map(|d| d.to_string()).unwrap_or_default()}</span>
                                            <span>{calendar_entry(&i.fact)}<br/><A href=crate::ui::format::entry_href(&i.account_id)>{i.account_name}</A></span>
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
