use crate::i18n::{tr, tr_args};
use kam_core::analysis::AccountSegment;
use kam_core::model::{DecisionError, Measure};
use leptos::prelude::*;

use crate::ui::components::guide_link;
use kam_core::guide::Topic;

use crate::import_client::{ImportWorker, Payload, WorkerProblem};
use crate::import_protocol::{FromWorker, ToWorker};
use crate::segmentation_export::pack;
use crate::ui::components::{
    download_blob, AddAccountForm, DemoButton, EmptyState, ImportPanel, Matrix, MatrixFilter, MeasureSelect,
    MovementPanel, ParetoChart, PeriodSelect,
};
use crate::ui::format::{money, percent};
use crate::ui::state::{use_app, AppState};
use crate::ui::words::decisions::{decision_error, star_cannot_demote};
use crate::ui::words::segmentation as segmentation_words;
use crate::ui::words::xlsx as export_words;

const PAGE: usize = 200;

#[derive(Clone, Copy, PartialEq)]
enum SortKey {
    Rank,
    Name,
    Revenue,
    Profit,
    Share,
    Cv,
    Trend,
}

#[component]
pub fn PortfolioPage() -> impl IntoView {
    let state = use_app();
    let is_empty = move || state.workspace.with(|ws| ws.is_empty());
    view! {
        <div class="page">
            <div class="page-head">
                <h1>{move || tr("Portfolio")}</h1>
                <Show when=move || !is_empty()>
                    <PortfolioToolbar/>
                </Show>
            </div>
            <Show when=is_empty fallback=|| view! { <PortfolioView/> }>
                <EmptyState title=tr("Start with your customers")>
                    <p>{move || tr("Import a sales export (one row per order line: customer, date, revenue and, if you have it, profit) to see your whole portfolio segmented by ABC–XYZ, with dependency warnings.")}</p>
                    <p>{move || tr("Running a workshop or just looking around? Load the demo portfolio: 40 B2B accounts with two years of orders.")}</p>
                    <DemoButton/>
                </EmptyState>
                <ImportPanel/>
                <details class="panel import-details">
                    <summary>{move || tr("Or add accounts by hand")}</summary>
                    <AddAccountForm/>
                </details>
            </Show>
        </div>
    }
}

/// Asks the import worker for the segmentation as a file (`ToWorker::ExportCsv` or `ExportXlsx`)
/// and downloads it as `segmentation-<date>.<extension>`. The writers live in the worker; the
/// worker is kept in `worker` until its answer is handled.
fn export_segmentation(
    state: AppState,
    worker: StoredValue<Option<ImportWorker>, LocalStorage>,
    request: ToWorker,
    extension: &'static str,
) {
    let (names, numbers, codes) = state.segmentation.with_untracked(|s| {
        let names: js_sys::Array = s.rows.iter().map(|r| wasm_bindgen::JsValue::from_str(&r.name)).collect();
        let (numbers, codes) = pack(s);
        (names, js_sys::Float64Array::from(&numbers[..]), js_sys::Uint8Array::from(&codes[..]))
    });
    let on_message = move |message: FromWorker, payload: Option<Payload>| {
        let failed = match (message, payload) {
            (FromWorker::Exported, Some(Payload::File(blob))) => {
                let date = chrono::Local::now().date_naive();
                download_blob(&format!("segmentation-{date}.{extension}"), &blob).err()
            }
            (FromWorker::Refused(words), _) => Some(words),
            _ => return,
        };
        if failed.is_some() {
            state.error.set(failed);
        }
        set_timeout(move || worker.set_value(None), std::time::Duration::ZERO);
    };
    let on_problem = move |_: WorkerProblem| state.error.set(Some(export_words::export_failed().into()));
    match ImportWorker::start(on_message, on_problem) {
        Ok(w) => {
            let parts = js_sys::Array::of4(&request.to_json().into(), &names, &numbers, &codes);
            if request == ToWorker::ExportXlsx {
                // The workbook's words, in the reader's language: the worker has none.
                let words: js_sys::Array =
                    export_words::workbook_words().into_iter().map(wasm_bindgen::JsValue::from_str).collect();
                parts.push(&words);
            }
            w.post_parts(parts);
            worker.set_value(Some(w));
        }
        Err(problem) => on_problem(problem),
    }
}

#[component]
fn PortfolioToolbar() -> impl IntoView {
    let state = use_app();
    let worker = StoredValue::new_local(None::<ImportWorker>);
    let export = move |_| export_segmentation(state, worker, ToWorker::ExportCsv, "csv");
    let export_xlsx = move |_| export_segmentation(state, worker, ToWorker::ExportXlsx, "xlsx");
    view! {
        <div class="toolbar" role="group" aria-label=move || tr("Segmentation")>
            <MeasureSelect label=tr("Rank by") testid="measure" inline=true/>
            <PeriodSelect label=tr("Periods") testid="period" inline=true/>
            <button type="button" class="button" data-testid="export-segmentation" on:click=export>{move || tr("Export CSV")}</button>
            <button type="button" class="button" data-testid="export-xlsx" on:click=export_xlsx>{move || tr("Export Excel")}</button>
            <DemoButton secondary=true/>
        </div>
    }
}

#[component]
fn PortfolioView() -> impl IntoView {
    let state = use_app();
    let filter = RwSignal::<MatrixFilter>::new(None);
    let seg = state.segmentation;
    let measure_word = move || {
        if seg.with(|s| s.ranked_on_profit) {
            tr("profit")
        } else {
            tr("revenue")
        }
    };
    view! {
        <p class="window-note">{move || tr_args("Window: {0} · ranked by {1} · {2} accounts", &[("0", &(seg.with(|s| segmentation_words::window_label(s.window_label.as_deref())))), ("1", &measure_word()), ("2", &(seg.with(|s| s.rows.len())))])}</p>
        {move || state.last_import.get().map(|text| view! {
            <p class="message success" role="status" data-testid="import-summary">{text}</p>
        })}
        <Show when=move || state.settings.with(|s| s.measure == Measure::Profit) && !seg.with(|s| s.ranked_on_profit)>
            <p class="message warning">{move || tr("Ranked by revenue: the data has no profit figures.")}</p>
        </Show>
        <div class="cards">
            <div class="card"><span class="card-label">{move || tr("Revenue")}</span><span class="card-value" data-testid="total-revenue">{move || money(seg.with(|s| s.total_revenue))}</span></div>
            <div class="card"><span class="card-label">{move || tr("Profit")}</span><span class="card-value">{move || seg.with(|s| s.total_profit).map_or("—".into(), money)}</span></div>
            <div class="card"><span class="card-label">{move || tr("Top 1 / 5 / 10")}</span><span class="card-value">{move || seg.with(|s| format!("{:.0} / {:.0} / {:.0} %", s.concentration.top1_pct, s.concentration.top5_pct, s.concentration.top10_pct))}</span></div>
            <div class="card"><span class="card-label">{move || tr("Key accounts' share")}</span><span class="card-value">{move || seg.with(|s| {
                let c = &s.concentration;
                format!("{} · {}", c.key_count, percent(c.key_profit_pct.unwrap_or(c.key_revenue_pct)))
            })}</span><span class="card-note">{move || state.settings.with(|s| crate::ui::words::programme::healthy_range(s.key_share_low_pct, s.key_share_high_pct))}</span></div>
        </div>
        {move || {
            let warnings = seg.with(|s| s.warnings.iter().map(segmentation_words::segmentation_warning).collect::<Vec<_>>());
            (!warnings.is_empty()).then(|| view! {
                <section class="warnings" aria-label=move || tr("Warnings") data-testid="warnings">
                    <ul>{warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                </section>
            })
        }}
        <div class="charts">
            <section class="panel">
                <h2>{move || tr("ABC–XYZ matrix")}{guide_link(Topic::Matrix)}</h2>
                <Matrix filter=filter/>
            </section>
            <section class="panel">
                <h2>{move || tr("Concentration")}{guide_link(Topic::Dependency)}</h2>
                <ParetoChart/>
            </section>
        </div>
        <MovementPanel/>
        <AccountTable filter=filter/>
        <details class="panel import-details">
            <summary>{move || tr("Import more orders")}</summary>
            <ImportPanel/>
        </details>
        <details class="panel import-details">
            <summary>{move || tr("Add an account by hand")}</summary>
            <AddAccountForm/>
        </details>
    }
}

fn flags_text(r: &AccountSegment) -> String {
    r.main_flag().map(segmentation_words::flag_label).map(str::to_string).unwrap_or_default()
}

/// Alphabetical order as people expect it in their language (Š next to S, Ö near O), from the
/// browser's collation rather than byte order.
fn collate(a: &str, b: &str) -> std::cmp::Ordering {
    let order = js_sys::JsString::from(a).locale_compare(b, &js_sys::Array::new(), &js_sys::Object::new());
    order.cmp(&0)
}

#[component]
fn AccountTable(filter: RwSignal<MatrixFilter>) -> impl IntoView {
    let state = use_app();
    let query = RwSignal::new(String::new());
    let sort = RwSignal::new((SortKey::Rank, true));
    // Rows rendered at once: a portfolio of 10,000 accounts stays quick to open and to sort.
    let limit = RwSignal::new(PAGE);
    let rows = Memo::new(move |_| {
        let q = query.get().to_lowercase();
        let f = filter.get();
        let (key, ascending) = sort.get();
        state.segmentation.with(|s| {
            let mut rows: Vec<AccountSegment> = s
                .rows
                .iter()
                .filter(|r| q.is_empty() || r.name.to_lowercase().contains(&q))
                .filter(|r| f.is_none_or(|(abc, xyz)| r.abc == abc && r.xyz.ok() == xyz))
                .cloned()
                .collect();
            let cmp_f = |a: Option<f64>, b: Option<f64>| a.partial_cmp(&b).unwrap_or(std::cmp::Ordering::Equal);
            rows.sort_by(|a, b| {
                let o = match key {
                    SortKey::Rank => a.rank.cmp(&b.rank),
                    SortKey::Name => collate(&a.name, &b.name),
                    SortKey::Revenue => cmp_f(Some(a.revenue), Some(b.revenue)),
                    SortKey::Profit => cmp_f(a.profit, b.profit),
                    SortKey::Share => cmp_f(Some(a.share_pct), Some(b.share_pct)),
                    SortKey::Cv => cmp_f(a.cv_pct, b.cv_pct),
                    SortKey::Trend => cmp_f(a.trend_pct, b.trend_pct),
                };
                if ascending {
                    o
                } else {
                    o.reverse()
                }
            });
            rows
        })
    });
    let header = move |label: fn() -> &'static str, key: SortKey| {
        let aria_sort = move || match sort.get() {
            (k, true) if k == key => "ascending",
            (k, false) if k == key => "descending",
            _ => "none",
        };
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button type="button" class="sort" on:click=move |_| sort.update(|s| *s = if s.0 == key { (key, !s.1) } else { (key, matches!(key, SortKey::Rank | SortKey::Name)) })>
                    {move || label()}
                    <span aria-hidden="true">{move || match aria_sort() { "ascending" => " ▲", "descending" => " ▼", _ => "" }}</span>
                </button>
            </th>
        }
    };
    // A quick mark from the table is recorded like any decision; the reasons are written in
    // the dossier afterwards.
    let toggle_key = move |id: String| {
        let promote = !state.workspace.with_untracked(|ws| ws.account(&id).is_some_and(|a| a.is_key));
        let why = if promote {
            tr("Marked key in the portfolio table; reasons to be written in the dossier.")
        } else {
            tr("Unmarked in the portfolio table.")
        };
        // A demotion says how the customer will be told: the table has no room to ask, so the
        // core refuses it here and the words send the user to the dossier.
        if let Err(e) = state.decide_key(&id, promote, [tr("Portfolio table"), why, ""]) {
            state.error.set(Some(match e {
                DecisionError::CustomerNotTold => star_cannot_demote().into(),
                e => decision_error(&e),
            }));
        }
    };
    view! {
        <section class="panel">
            <div class="table-head">
                <h2>{move || tr("Accounts")}{guide_link(Topic::Abc)}</h2>
                <label class="field inline">
                    <span>{move || tr("Find")}</span>
                    <input type="search" data-testid="account-filter" placeholder=move || tr("Account name") prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev))/>
                </label>
                {move || filter.get().map(|(abc, xyz)| view! {
                    <button type="button" class="chip" data-testid="clear-matrix-filter" on:click=move |_| filter.set(None)>
                        {tr_args("Showing {0}{1} only ×", &[("0", &abc.letter()), ("1", &(xyz.map_or(" unclassified", |x| x.letter())))])}
                    </button>
                })}
                <span class="count" role="status">{move || {
                    let total = rows.with(Vec::len);
                    let shown = total.min(limit.get());
                    if shown < total { tr_args("{shown} of {total} shown", &[("shown", &shown), ("total", &total)]) } else { tr_args("{total} shown", &[("total", &total)]) }
                }}</span>
            </div>
            <div class="table-scroll">
                <table class="accounts" data-testid="accounts-table">
                    <thead><tr>
                        {header(|| "#", SortKey::Rank)}
                        {header(|| tr("Account"), SortKey::Name)}
                        {header(|| tr("Revenue"), SortKey::Revenue)}
                        {header(|| tr("Profit"), SortKey::Profit)}
                        {header(|| tr("Share"), SortKey::Share)}
                        <th scope="col">"ABC"</th>
                        <th scope="col">"XYZ"</th>
                        {header(|| tr("CV"), SortKey::Cv)}
                        {header(|| tr("Trend"), SortKey::Trend)}
                        <th scope="col">{move || tr("Key")}</th>
                        <th scope="col">{move || tr("Flags")}</th>
                    </tr></thead>
                    <tbody>
                        <For each=move || rows.with(|r| r.iter().take(limit.get()).cloned().collect::<Vec<_>>()) key=|r| (r.id.clone(), r.rank, r.is_key, r.abc, r.xyz.ok(), r.revenue.to_bits()) let:r>
                            {
                                let id = r.id.clone();
                                let name = r.name.clone();
                                let xyz_cell = match r.xyz {
                                    Ok(x) => view! { <span class=format!("badge xyz-{}", x.letter())>{x.letter()}</span> }.into_any(),
                                    Err(why) => view! { <span class="unclassified" title=segmentation_words::unclassified_reason(why)>"–"<span class="reason">{segmentation_words::unclassified_reason(why)}</span></span> }.into_any(),
                                };
                                view! {
                                    <tr data-testid="account-row" class:key-row=r.is_key>
                                        <td class="num">{r.rank}</td>
                                        <th scope="row" class="name">{r.name.clone()}</th>
                                        <td class="num">{money(r.revenue)}</td>
                                        <td class="num">{r.profit.map_or("—".into(), money)}</td>
                                        <td class="num">{percent(r.share_pct)}</td>
                                        <td><span class=format!("badge abc-{}", r.abc.letter())>{r.abc.letter()}</span></td>
                                        <td>{xyz_cell}</td>
                                        <td class="num">{r.cv_pct.map_or("—".into(), |c| format!("{c:.0} %"))}</td>
                                        <td class="num">{r.trend_pct.map_or("—".into(), |t| format!("{}{t:.0} %", if t > 0.0 { "+" } else { "" }))}</td>
                                        <td>
                                            <button type="button" class="key-toggle" aria-pressed=r.is_key.to_string()
                                                aria-label=tr_args("Key account: {name}", &[("name", &name)])
                                                on:click=move |_| toggle_key(id.to_string())>
                                                {move || if r.is_key { tr("★ Key") } else { "☆" }}
                                            </button>
                                        </td>
                                        <td class="flags">{flags_text(&r)}</td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </div>
            <Show when=move || { rows.with(Vec::len) > limit.get() }>
                <div class="actions">
                    <button type="button" class="button" data-testid="show-more" on:click=move |_| limit.update(|l| *l += PAGE * 5)>
                        {move || tr_args("Show {0} more", &[("0", &((rows.with(Vec::len) - limit.get()).min(PAGE * 5)))])}
                    </button>
                </div>
            </Show>
        </section>
    }
}
