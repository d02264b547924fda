use kam_core::model::{Dossier, KeyReason};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::ui::components::ExportControls;
use crate::ui::format::{money, percent};
use crate::ui::state::use_app;

/// One key account's plan. Fields save when they lose focus; nothing is kept only on screen.
#[component]
pub fn DossierPage() -> impl IntoView {
    let state = use_app();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let account = move || state.workspace.with(|ws| ws.account(&id()).cloned());
    view! {
        <div class="page">
            {move || match account() {
                None => view! {
                    <section class="panel">
                        <h1>"Account not found"</h1>
                        <p>"There is no account with this address in your workspace. "<A href="/key-accounts">"Back to the key accounts"</A>"."</p>
                    </section>
                }.into_any(),
                Some(a) => view! { <DossierView account_id=a.id.clone()/> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn DossierView(account_id: String) -> impl IntoView {
    let state = use_app();
    let aid = account_id.clone();
    let account = Memo::new(move |_| state.workspace.with(|ws| ws.account(&aid).cloned().unwrap_or_else(|| kam_core::model::Account::new(&aid))));
    let aid = account_id.clone();
    let dossier = Memo::new(move |_| state.workspace.with(|ws| ws.dossier(&aid).cloned().unwrap_or_else(|| Dossier::new(&aid))));
    let aid = account_id.clone();
    let row = Memo::new(move |_| state.segmentation.with(|s| s.rows.iter().find(|r| r.id == aid).cloned()));
    let show_personal = RwSignal::new(false);

    let edit = move |f: Box<dyn FnOnce(&mut Dossier)>| {
        let mut d = dossier.get_untracked();
        f(&mut d);
        state.save_dossier(d);
    };
    // Text is saved while the user types, 600 ms after the last key: at most that much typing is
    // at risk if the tab closes, and a workshop never waits for a save button.
    let pending = StoredValue::new(None::<leptos::prelude::TimeoutHandle>);
    let text_field = move |label: &'static str, testid: &'static str, get: fn(&Dossier) -> String, set: fn(&mut Dossier, String), multiline: bool| {
        let value = move || dossier.with(get);
        let on_change = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            if let Some(handle) = pending.get_value() {
                handle.clear();
            }
            state.saving.set(true);
            let handle = leptos::prelude::set_timeout_with_handle(
                move || {
                    pending.set_value(None);
                    edit(Box::new(move |d| set(d, v)));
                },
                std::time::Duration::from_millis(600),
            );
            pending.set_value(handle.ok());
        };
        view! {
            <label class="field block">
                <span>{label}</span>
                {if multiline {
                    view! { <textarea rows="4" data-testid=testid prop:value=value on:input=on_change></textarea> }.into_any()
                } else {
                    view! { <input type="text" data-testid=testid prop:value=value on:input=on_change/> }.into_any()
                }}
            </label>
        }
    };
    let toggle_key = move |_| {
        let mut a = account.get_untracked();
        a.is_key = !a.is_key;
        state.save_account(a, None);
    };
    view! {
        <div class="page-head">
            <div>
                <p class="crumbs"><A href="/key-accounts">"Key accounts"</A>" › "</p>
                <h1 data-testid="dossier-title">{move || account.with(|a| a.name.clone())}</h1>
                <p class="subtitle">{move || account.with(|a| {
                    let mut parts = vec![];
                    if !a.industry.is_empty() { parts.push(a.industry.clone()); }
                    parts.push(if a.manager.is_empty() { "no key account manager".into() } else { format!("managed by {}", a.manager) });
                    parts.join(" · ")
                })}</p>
            </div>
            <button type="button" class="button" aria-pressed=move || account.with(|a| a.is_key).to_string() on:click=toggle_key>
                {move || if account.with(|a| a.is_key) { "★ Key account" } else { "☆ Make key account" }}
            </button>
        </div>
        <div class="cards">
            {move || row.get().map(|r| view! {
                <div class="card"><span class="card-label">"Revenue (window)"</span><span class="card-value">{money(r.revenue)}</span></div>
                <div class="card"><span class="card-label">"Profit (window)"</span><span class="card-value">{r.profit.map_or("—".into(), money)}</span></div>
                <div class="card"><span class="card-label">"Share of revenue"</span><span class="card-value">{percent(r.revenue_share_pct)}</span></div>
                <div class="card"><span class="card-label">"Segment"</span><span class="card-value">{format!("{}{}", r.abc.letter(), r.xyz.map_or("?", |x| x.letter()))}</span>
                    <span class="card-note">{r.xyz.err().map(|e| e.reason()).or(r.cv_pct.map(|c| format!("CV {c:.0} %"))).unwrap_or_default()}</span></div>
            })}
        </div>
        <div class="dossier-grid">
            <section class="panel">
                <h2>"General"</h2>
                {text_field("Company overview", "dossier-overview", |d| d.overview.clone(), |d, v| d.overview = v, true)}
                <label class="field block">
                    <span>"Employees"</span>
                    <input type="number" min="0" data-testid="dossier-employees"
                        prop:value=move || dossier.with(|d| d.employees.map(|e| e.to_string()).unwrap_or_default())
                        on:change=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |d| d.employees = v.trim().parse().ok())); }/>
                </label>
                <label class="field block">
                    <span>"Industry"</span>
                    <input type="text" data-testid="account-industry" prop:value=move || account.with(|a| a.industry.clone())
                        on:change=move |ev| { let mut a = account.get_untracked(); a.industry = event_target_value(&ev).trim().to_string(); state.save_account(a, None); }/>
                </label>
                <label class="field block">
                    <span>"Key account manager"</span>
                    <input type="text" data-testid="account-manager" prop:value=move || account.with(|a| a.manager.clone())
                        on:change=move |ev| { let mut a = account.get_untracked(); a.manager = event_target_value(&ev).trim().to_string(); state.save_account(a, None); }/>
                </label>
                {text_field("Executive sponsor (our top management)", "dossier-sponsor", |d| d.executive_sponsor.clone(), |d, v| d.executive_sponsor = v, false)}
            </section>
            <section class="panel">
                <h2>"Why this account is key"</h2>
                <fieldset class="checks">
                    <legend class="visually-hidden">"Reasons"</legend>
                    {KeyReason::ALL.into_iter().map(|reason| view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=move || dossier.with(|d| d.reasons.contains(&reason))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    edit(Box::new(move |d| { d.reasons.retain(|r| *r != reason); if on { d.reasons.push(reason); } }));
                                }/>
                            <span>{reason.label()}</span>
                        </label>
                    }).collect_view()}
                </fieldset>
                <h3>"Competitors in the account"</h3>
                {move || {
                    let c = dossier.with(|d| d.competitors.clone());
                    if c.is_empty() { view! { <p class="muted">"None recorded yet."</p> }.into_any() }
                    else { view! { <ul class="tags">{c.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul> }.into_any() }
                }}
            </section>
            <section class="panel wide">
                <h2>"Share this account plan"</h2>
                <ExportControls account=account_id.clone()/>
            </section>
            <section class="panel wide">
                <div class="table-head">
                    <h2>"Decision-making unit"</h2>
                    <label class="check">
                        <input type="checkbox" data-testid="show-personal" prop:checked=move || show_personal.get() on:change=move |ev| show_personal.set(event_target_checked(&ev))/>
                        <span>"Show personal details"</span>
                    </label>
                </div>
                {move || {
                    let people = dossier.with(|d| d.people.clone());
                    if people.is_empty() {
                        view! { <p class="muted">"Nobody recorded yet. Who decides, who influences, who uses what we deliver?"</p> }.into_any()
                    } else {
                        let personal = show_personal.get();
                        view! {
                            <div class="table-scroll"><table class="accounts">
                                <thead><tr><th scope="col">"Name"</th><th scope="col">"Title"</th><th scope="col">"Role"</th><th scope="col">"Attitude"</th><th scope="col">"Our contact"</th>
                                    {personal.then(|| view! { <th scope="col">"Birthday"</th><th scope="col">"Personal notes"</th> })}</tr></thead>
                                <tbody>{people.into_iter().map(|p| view! {
                                    <tr><th scope="row">{p.name}</th><td>{p.title}</td><td>{p.role}</td><td>{p.attitude}</td><td>{p.our_owner}</td>
                                    {personal.then(|| view! { <td>{p.birthday}</td><td>{p.personal_notes}</td> })}</tr>
                                }).collect_view()}</tbody>
                            </table></div>
                        }.into_any()
                    }
                }}
            </section>
        </div>
    }
}
