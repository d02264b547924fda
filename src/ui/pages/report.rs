//! The portfolio report for print: segmentation matrix, concentration, the key account list
//! and the programme checklist, made for the browser's "print to PDF" (charts are SVG).

use crate::i18n::{tr, tr_args};
use kam_core::analysis::account_health;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::components::{Matrix, MatrixFilter, ParetoChart, PortfolioMatrix};
use crate::ui::format::{money, percent};
use crate::ui::state::use_app;
use crate::ui::words::{programme as programme_words, segmentation as segmentation_words};

#[component]
pub fn ReportPage() -> impl IntoView {
    let state = use_app();
    let filter = RwSignal::new(MatrixFilter::None);
    let today = chrono::Local::now().date_naive();
    let checks = state.programme_checks();
    view! {
        <div class="page plan">
            <div class="no-print plan-actions">
                <A href="/programme">{move || tr("← Back to the programme")}</A>
                <button type="button" class="button primary" data-testid="print" on:click=|_| crate::browser::print_page()>{move || tr("Print or save as PDF")}</button>
            </div>
            <article class="plan-doc" data-testid="portfolio-report">
                <header class="plan-head">
                    <div>
                        <p class="plan-kicker">{move || tr("Portfolio report")}</p>
                        <h1>{move || tr("Key account portfolio")}</h1>
                        <p class="subtitle">{move || state.segmentation.with(|s| tr_args("{0} accounts · window {1} · printed {today}", &[("0", &(s.rows.len())), ("1", &(segmentation_words::window_label(s.window_label.as_deref()))), ("today", &crate::i18n::fmt::date(today))]))}</p>
                    </div>
                    <div class="plan-figures">
                        {move || state.segmentation.with(|s| {
                            let c = &s.concentration;
                            view! {
                                <div><span>{move || tr("Revenue")}</span><strong>{money(s.total_revenue)}</strong></div>
                                <div><span>{move || tr("Profit")}</span><strong>{s.total_profit.map_or("—".into(), money)}</strong></div>
                                <div><span>{move || tr("Key accounts")}</span><strong>{c.key_count}</strong></div>
                                <div><span>{move || tr("Their revenue share")}</span><strong>{percent(c.key_revenue_pct)}</strong></div>
                                <div><span>{move || tr("Their profit share")}</span><strong>{c.key_profit_pct.map_or("—".into(), percent)}</strong></div>
                            }
                        })}
                    </div>
                </header>
                <section class="plan-section report-matrix">
                    <h2>{move || tr("ABC–XYZ segmentation")}</h2>
                    <Matrix filter=filter/>
                </section>
                <section class="plan-section report-pareto">
                    <h2>{move || tr("Concentration")}</h2>
                    <ParetoChart/>
                </section>
                <section class="plan-section">
                    <h2>{move || tr("Key accounts")}</h2>
                    <div class="table-scroll" tabindex="0" role="region" aria-label=move || tr("Key accounts")>
                        <table class="plan-table" data-testid="report-key-accounts">
                        <thead><tr><th scope="col">{move || tr("Account")}</th><th scope="col">{move || tr("Manager")}</th><th scope="col">{move || tr("Sponsor")}</th><th scope="col">{move || tr("Segment")}</th><th scope="col">{move || tr("Revenue")}</th><th scope="col">{move || tr("Share")}</th><th scope="col">{move || tr("Dossier")}</th><th scope="col">{move || tr("Health")}</th></tr></thead>
                        <tbody>
                            {move || state.workspace.with(|ws| state.segmentation.with(|seg| {
                                // The rows are in rank order already.
                                seg.rows.iter().filter(|r| r.is_key).map(|r| {
                                    let manager = ws.account(&r.id).map(|a| a.manager.clone()).unwrap_or_default();
                                    // An account without a dossier counts as an empty one.
                                    let (sponsor, completeness) = ws.dossier(&r.id).map_or_else(
                                        || (String::new(), kam_core::model::Dossier::default().completeness_pct()),
                                        |d| (d.executive_sponsor.clone(), d.completeness_pct()),
                                    );
                                    let h = account_health(ws, &r.id, today);
                                    view! {
                                        <tr><th scope="row">{r.name.to_string()}</th><td>{manager}</td><td>{sponsor}</td>
                                            <td>{r.code()}</td><td class="num">{money(r.revenue)}</td>
                                            <td class="num">{percent(r.revenue_share_pct)}</td><td class="num">{format!("{} %", completeness)}</td><td class="num">{h.score}</td></tr>
                                    }
                                }).collect_view()
                            }))}
                        </tbody>
                        </table>
                    </div>
                </section>
                <section class="plan-section">
                    <h2>{move || tr("Key-account portfolio matrix")}</h2>
                    <PortfolioMatrix/>
                </section>
                <section class="plan-section">
                    <h2>{move || tr("Programme checklist")}</h2>
                    <ol class="checklist-print" data-testid="report-checklist">
                        {move || checks.get().into_iter().map(|c| view! {
                            <li><strong>{programme_words::check_print_head(&c)}</strong>{programme_words::step_evidence(&c.fact)}</li>
                        }).collect_view()}
                    </ol>
                </section>
            </article>
        </div>
    }
}
