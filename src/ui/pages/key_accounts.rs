use crate::i18n::{tr, tr_args};
use kam_core::analysis::{key_account_candidates, key_account_warnings, key_share_range, loss_risk, qualify};
use leptos::prelude::*;

use crate::ui::components::{guide_link, guide_refs};
use kam_core::guide::Topic;
use leptos_router::components::A;

use kam_core::analysis::roles::RoleView;

use super::role_views::{HeadView, ManagerSummary, RoleSwitch, SponsorsView};
use crate::ui::components::{DemoButton, EmptyState, PortfolioMatrix};
use crate::ui::format::percent;
use crate::ui::state::use_app;
use crate::ui::words::aftersale as aftersale_words;
use crate::ui::words::choices::Words;
use crate::ui::words::programme as words;

#[component]
pub fn KeyAccountsPage() -> impl IntoView {
    let state = use_app();
    let key_count = move || state.workspace.with(|ws| ws.accounts().iter().filter(|a| a.is_key).count());
    let query = leptos_router::hooks::use_query_map();
    let view =
        Memo::new(move |_| query.with(|q| RoleView::parse(q.get("view").as_deref(), q.get("manager").as_deref())));
    view! {
        <div class="page">
            <div class="page-head"><h1>{move || tr("Key accounts")}</h1></div>
            <Show when=move || { key_count() > 0 } fallback=move || view! {
                <EmptyState title=tr("No key accounts yet")>
                    {move || if state.workspace.with(|ws| ws.is_empty()) {
                        view! {
                            <p>{move || tr("Key accounts are chosen from your portfolio. Import your orders on the Portfolio page, or load the demo portfolio to see how dossiers look.")}</p>
                            <DemoButton/>
                        }.into_any()
                    } else {
                        view! {
                            <p>{move || tr("Mark accounts as key with the ☆ button in the ")}<A href="/portfolio">{move || tr("portfolio table")}</A>{words::choose_few_key_accounts()}</p>
                        }.into_any()
                    }}
                </EmptyState>
            }>
                <RoleSwitch view=view/>
                {guide_refs(&[Topic::Roles, Topic::ProgrammeSize, Topic::ManagerLoad, Topic::KeyShare, Topic::Innovators])}
                {move || match view.get() {
                    RoleView::All => view! { <KeyAccountList view=RoleView::All/> }.into_any(),
                    RoleView::Manager(m) => view! {
                        <ManagerSummary manager=m.clone()/>
                        <KeyAccountList view=RoleView::Manager(m)/>
                    }.into_any(),
                    RoleView::Sponsors => view! { <SponsorsView/> }.into_any(),
                    RoleView::Head => view! { <HeadView/> }.into_any(),
                }}
            </Show>
        </div>
    }
}

/// The key accounts table; the whole list also shows the programme's figures, warnings,
/// candidates and matrix, *My accounts* only the manager's rows.
#[component]
fn KeyAccountList(view: RoleView) -> impl IntoView {
    let state = use_app();
    let whole = view == RoleView::All;
    let shown = view.clone();
    let warnings = move || {
        state.workspace.with(|ws| key_account_warnings(ws).iter().map(words::key_account_warning).collect::<Vec<_>>())
    };
    let rows = move || {
        let mut rows = state.segmentation.with(|seg| {
            state.workspace.with(|ws| {
                ws.accounts()
                    .iter()
                    .filter(|a| a.is_key && shown.shows(&a.manager))
                    .map(|a| {
                        let row = seg.row(&a.id).cloned();
                        let dossier =
                            ws.dossier(&a.id).cloned().unwrap_or_else(|| kam_core::model::Dossier::new(&a.id));
                        (a.clone(), row, dossier)
                    })
                    .collect::<Vec<_>>()
            })
        });
        // Largest first, as in the portfolio: rank is the segmentation's order.
        rows.sort_by_key(|(a, row, _)| (row.as_ref().map_or(usize::MAX, |r| r.rank), a.name.clone()));
        rows
    };
    let meets = move |row: &Option<kam_core::analysis::AccountSegment>, d: &kam_core::model::Dossier| {
        let on_profit = state.segmentation.with_untracked(|s| s.flags_on_profit);
        let pct = state.settings.with_untracked(|s| s.key_size_pct);
        state.workspace.with_untracked(|ws| qualify(row.as_ref(), Some(d), &ws.programme, pct, on_profit).meets)
    };
    // Accounts not in the programme that meet its criteria now.
    let candidates = move || {
        let pct = state.settings.with(|s| s.key_size_pct);
        state.workspace.with(|ws| state.segmentation.with(|seg| key_account_candidates(ws, seg, pct)))
    };
    let programme_figures = move || {
        whole.then(|| view! {
        <section class="cards">
            {move || state.segmentation.with(|s| {
                let c = &s.concentration;
                let note = |v: Option<f64>| words::healthy_range_note(state.settings.with(|s| v.map(|v| key_share_range(v, s))));
                view! {
                    <div class="card"><span class="card-label">{move || tr("Key accounts")}</span><span class="card-value" data-testid="key-count">{c.key_count}</span><span class="card-note">{words::usual_key_account_range()}</span></div>
                    <div class="card"><span class="card-label">{move || tr("Key accounts' share of revenue")}</span><span class="card-value" data-testid="key-revenue-share">{percent(c.key_revenue_pct)}</span>
                        <span class="card-note">{note(Some(c.key_revenue_pct))}</span></div>
                    <div class="card"><span class="card-label">{move || tr("Key accounts' share of profit")}</span><span class="card-value" data-testid="key-profit-share">{c.key_profit_pct.map_or("—".into(), percent)}</span>
                        <span class="card-note">{note(c.key_profit_pct)}</span></div>
                }
            })}
        </section>
    })
    };
    view! {
        {programme_figures}
        {move || {
            let w = if whole { warnings() } else { Vec::new() };
            (!w.is_empty()).then(|| view! { <section class="warnings" aria-label=move || tr("Warnings")><ul>{w.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul></section> })
        }}
        <section class="panel">
            <div class="table-scroll">
                <table class="accounts" data-testid="key-accounts-table">
                    <thead><tr>
                        <th scope="col">{move || tr("Account")}</th><th scope="col">{move || tr("Manager")}</th><th scope="col">{move || tr("Executive sponsor")}</th>
                        <th scope="col">{move || tr("Why key")}</th><th scope="col">{move || tr("Criteria")}</th><th scope="col">{move || tr("Segment")}</th><th scope="col">{move || tr("Share")}</th><th scope="col">{move || tr("Dossier")}</th>
                    </tr></thead>
                    <tbody>
                        {move || rows().into_iter().map(|(a, row, d)| {
                            let (filled, total) = d.filled_parts();
                            let today = chrono::Local::now().date_naive();
                            let risk = state.workspace.with_untracked(|ws| loss_risk(ws, &a.id, row.as_ref(), today));
                            let risk_badge = risk.at_risk().then(|| {
                                let why = aftersale_words::risk_reasons(&risk.reasons);
                                view! {
                                    " "<span class="badge warning" data-testid="at-risk" title=why.clone()>{tr(aftersale_words::AT_RISK)}
                                        <span class="visually-hidden">{format!(": {why}")}</span></span>
                                }
                            });
                            let href = crate::ui::format::dossier_href(&a.id);
                            view! {
                                <tr data-testid="key-account-row">
                                    <th scope="row"><A href=href>{a.name.clone()}</A>{risk_badge}</th>
                                    <td>{if a.manager.is_empty() { tr("— none —").to_string() } else { a.manager.clone() }}</td>
                                    <td>{if d.executive_sponsor.is_empty() { tr("— none —").to_string() } else { d.executive_sponsor.clone() }}</td>
                                    <td>{d.reasons.iter().map(|r| r.label()).collect::<Vec<_>>().join(", ")}</td>
                                    <td data-testid="meets-criteria">{if meets(&row, &d) { tr("✓ met") } else { tr("✗ not met") }}</td>
                                    <td>{row.as_ref().map(|r| r.code()).unwrap_or_default()}</td>
                                    <td class="num">{row.as_ref().map(|r| percent(r.revenue_share_pct)).unwrap_or_default()}</td>
                                    <td class="nowrap">
                                        <meter min="0" max=total.to_string() value=filled.to_string() aria-label=tr_args("Dossier {filled} of {total} sections filled", &[("filled", &filled), ("total", &total)])></meter>
                                        {format!(" {} %", d.completeness_pct())}
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        {move || {
            let c = if whole { candidates() } else { Vec::new() };
            (!c.is_empty()).then(|| view! {
                <section class="panel" data-testid="candidates">
                    <h2>{move || tr("Candidates that meet the criteria")}{guide_link(Topic::Qualification)}</h2>
                    <ul>{c.into_iter().map(|c| view! {
                        <li><A href=crate::ui::format::dossier_href(&c.id)>{c.name}</A>" — "{words::criteria_met(&c.qualification.checks)}</li>
                    }).collect_view()}</ul>
                </section>
            })
        }}
        {whole.then(|| view! {
        <section class="panel">
            <h2>{move || tr("Portfolio matrix")}{guide_link(Topic::PortfolioMatrix)}</h2>
            <p class="muted small">{move || tr("Where to invest: each key account scored on customer attractiveness and our relative strength (score them in the dossier, under Status).")}</p>
            <PortfolioMatrix/>
        </section>
        })}
    }
}
