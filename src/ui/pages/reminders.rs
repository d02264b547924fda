//! One list, by date, of what needs doing; exportable as an .ics calendar file.

use crate::i18n::{tr, tr_args, tr_plural};
use kam_core::analysis::rules::TENDER_LEAD_MONTHS;
use kam_core::analysis::{reminders, Reminder};
use kam_core::exchange::reminders_to_ics;
use leptos::prelude::*;

use crate::ui::components::guide_link;
use kam_core::guide::Topic;
use leptos_router::components::A;

use crate::ui::components::{download_text, DemoButton, EmptyState};
use crate::ui::state::use_app;
use crate::ui::words::reminders::{detail, event_words, kind_label, title};

#[component]
pub fn RemindersPage() -> impl IntoView {
    let state = use_app();
    let horizon = RwSignal::new(90u32);
    // Birthdays are personal: shown by default when working alone, hidden in workshop mode
    // until someone turns them on.
    let show_personal = RwSignal::new(!state.workshop.get_untracked());
    Effect::new(move |_| {
        if state.workshop.get() {
            show_personal.set(false);
        }
    });
    let today = chrono::Local::now().date_naive();
    let all = Memo::new(move |_| {
        let h = horizon.get();
        state.workspace.with(|ws| reminders(ws, ws.programme.lost_after_months, today, h))
    });
    let shown = move || {
        all.with(|r| r.iter().filter(|r| show_personal.get() || !r.personal).cloned().collect::<Vec<Reminder>>())
    };
    let hidden = move || all.with(|r| r.iter().filter(|r| r.personal).count());
    let error = RwSignal::new(None::<String>);
    let export = move |_| {
        let stamp = chrono::Utc::now();
        let text = all.with_untracked(|r| reminders_to_ics(r, stamp, show_personal.get_untracked(), event_words));
        if let Err(e) = download_text("kam-reminders.ics", "text/calendar", &text) {
            error.set(Some(e));
        }
    };
    view! {
        <div class="page">
            <div class="page-head">
                <div>
                    <h1>{move || tr("Reminders")}</h1>
                    <p class="subtitle">{tr_args("What needs doing, from today ({today}); overdue items first in their place by date.", &[("today", &crate::i18n::fmt::date(today))])}{guide_link(Topic::Reminders)}</p>
                </div>
                <div class="head-actions">
                    <label class="field inline">
                        <span>{move || tr("Look ahead")}</span>
                        <select data-testid="reminders-horizon" prop:value=move || horizon.get().to_string() on:change=move |ev| horizon.set(event_target_value(&ev).parse().unwrap_or(90))>
                            <option value="30">{move || tr("30 days")}</option>
                            <option value="90">{move || tr("90 days")}</option>
                            <option value="180">{move || tr("6 months")}</option>
                            <option value="366">{move || tr("a year")}</option>
                        </select>
                    </label>
                    <label class="check">
                        <input type="checkbox" data-testid="reminders-personal" prop:checked=move || show_personal.get() on:change=move |ev| show_personal.set(event_target_checked(&ev))/>
                        <span>{move || tr("Show birthdays (personal)")}</span>
                    </label>
                    <button type="button" class="button primary" data-testid="export-ics" on:click=export disabled=move || all.with(Vec::is_empty)>{move || tr("Export to calendar (.ics)")}</button>
                </div>
            </div>
            {move || error.get().map(|e| view! { <p class="message error" role="alert">{e}</p> })}
            <Show when=move || state.workspace.with(|ws| !ws.is_empty()) fallback=|| view! {
                <EmptyState title=tr("Nothing to remind you of yet")>
                    <p>{move || tr_plural(TENDER_LEAD_MONTHS as usize, "Reminders come from the dossiers: contacts' birthdays, proposal follow-ups and validity, tender preparation from {n} month before, governance meetings, overdue actions, and accounts that stopped buying.", "Reminders come from the dossiers: contacts' birthdays, proposal follow-ups and validity, tender preparation from {n} months before, governance meetings, overdue actions, and accounts that stopped buying.", &[])}</p>
                    <DemoButton/>
                </EmptyState>
            }>
                <p class="muted small" data-testid="reminders-count">{move || {
                    let n = shown().len();
                    let h = hidden();
                    if !show_personal.get() && h > 0 {
                        tr_plural(n, "{n} reminder ({h} personal hidden).", "{n} reminders ({h} personal hidden).", &[("h", &h)])
                    } else {
                        tr_plural(n, "{n} reminder.", "{n} reminders.", &[])
                    }
                }}{move || tr(" The .ics file holds the reminders shown here; import it into your own calendar.")}</p>
                <div class="table-scroll">
                    <table class="accounts" data-testid="reminders-table">
                        <thead><tr><th scope="col">{move || tr("Date")}</th><th scope="col">{move || tr("What")}</th><th scope="col">{move || tr("Account")}</th><th scope="col">{move || tr("Reminder")}</th></tr></thead>
                        <tbody>
                            {move || shown().into_iter().map(|r| { let (title, detail) = (title(&r), detail(&r)); view! {
                                <tr data-testid="reminder-row" class:overdue=r.overdue data-kind=r.kind.id()>
                                    <td class="nowrap" data-date=r.date.to_string()>{crate::i18n::fmt::date(r.date)}{r.overdue.then(|| view! { <span class="badge-overdue">{tr("overdue")}</span> })}</td>
                                    <td>{kind_label(r.kind)}</td>
                                    <td><A href=crate::ui::format::entry_href(&r.account_id)>{r.account_name.clone()}</A></td>
                                    <td><strong>{title}</strong><br/><span class="muted small">{detail}</span></td>
                                </tr>
                            } }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </Show>
        </div>
    }
}
