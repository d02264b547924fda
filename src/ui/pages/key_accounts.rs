use kam_core::analysis::key_account_warnings;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::components::{DemoButton, EmptyState};
use crate::ui::format::percent;
use crate::ui::state::use_app;

#[component]
pub fn KeyAccountsPage() -> impl IntoView {
    let state = use_app();
    let key_count = move || state.workspace.with(|ws| ws.accounts.iter().filter(|a| a.is_key).count());
    view! {
        <div class="page">
            <div class="page-head"><h1>"Key accounts"</h1></div>
            <Show when=move || { key_count() > 0 } fallback=move || view! {
                <EmptyState title="No key accounts yet">
                    {move || if state.workspace.with(|ws| ws.is_empty()) {
                        view! {
                            <p>"Key accounts are chosen from your portfolio. Import your orders on the Portfolio page, or load the demo portfolio to see how dossiers look."</p>
                            <DemoButton/>
                        }.into_any()
                    } else {
                        view! {
                            <p>"Mark accounts as key with the ☆ button in the "<A href="/portfolio">"portfolio table"</A>". Choose few (5 to 25), for written reasons: size, potential, reference, partnership, competence or innovation."</p>
                        }.into_any()
                    }}
                </EmptyState>
            }>
                <KeyAccountList/>
            </Show>
        </div>
    }
}

#[component]
fn KeyAccountList() -> impl IntoView {
    let state = use_app();
    let warnings = move || state.workspace.with(key_account_warnings);
    let rows = move || {
        let mut rows = state.segmentation.with(|seg| state.workspace.with(|ws| {
            ws.accounts
                .iter()
                .filter(|a| a.is_key)
                .map(|a| {
                    let row = seg.rows.iter().find(|r| r.id == a.id).cloned();
                    let dossier = ws.dossier(&a.id).cloned().unwrap_or_else(|| kam_core::model::Dossier::new(&a.id));
                    (a.clone(), row, dossier)
                })
                .collect::<Vec<_>>()
        }));
        // Largest first, as in the portfolio: rank is the segmentation's order.
        rows.sort_by_key(|(a, row, _)| (row.as_ref().map_or(usize::MAX, |r| r.rank), a.name.clone()));
        rows
    };
    view! {
        <section class="cards">
            {move || state.segmentation.with(|s| {
                let c = &s.concentration;
                view! {
                    <div class="card"><span class="card-label">"Key accounts"</span><span class="card-value" data-testid="key-count">{c.key_count}</span><span class="card-note">"usual range 5–25"</span></div>
                    <div class="card"><span class="card-label">"Share of revenue"</span><span class="card-value">{percent(c.key_revenue_pct)}</span></div>
                    <div class="card"><span class="card-label">"Share of profit"</span><span class="card-value">{c.key_profit_pct.map_or("—".into(), percent)}</span></div>
                }
            })}
        </section>
        {move || {
            let w = warnings();
            (!w.is_empty()).then(|| view! { <section class="warnings" aria-label="Warnings"><ul>{w.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul></section> })
        }}
        <section class="panel">
            <div class="table-scroll">
                <table class="accounts" data-testid="key-accounts-table">
                    <thead><tr>
                        <th scope="col">"Account"</th><th scope="col">"Manager"</th><th scope="col">"Executive sponsor"</th>
                        <th scope="col">"Why key"</th><th scope="col">"Segment"</th><th scope="col">"Share"</th><th scope="col">"Dossier"</th>
                    </tr></thead>
                    <tbody>
                        {move || rows().into_iter().map(|(a, row, d)| {
                            let (filled, total) = d.filled_parts();
                            let href = format!("/key-accounts/{}", js_sys::encode_uri_component(&a.id));
                            view! {
                                <tr data-testid="key-account-row">
                                    <th scope="row"><A href=href>{a.name.clone()}</A></th>
                                    <td>{if a.manager.is_empty() { "— none —".to_string() } else { a.manager.clone() }}</td>
                                    <td>{if d.executive_sponsor.is_empty() { "— none —".to_string() } else { d.executive_sponsor.clone() }}</td>
                                    <td>{d.reasons.iter().map(|r| r.label()).collect::<Vec<_>>().join(", ")}</td>
                                    <td>{row.as_ref().map(|r| format!("{}{}", r.abc.letter(), r.xyz.map_or("?", |x| x.letter()))).unwrap_or_default()}</td>
                                    <td class="num">{row.as_ref().map(|r| percent(r.revenue_share_pct)).unwrap_or_default()}</td>
                                    <td>
                                        <meter min="0" max=total.to_string() value=filled.to_string() aria-label=format!("Dossier {filled} of {total} parts filled")></meter>
                                        {format!(" {filled}/{total}")}
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
