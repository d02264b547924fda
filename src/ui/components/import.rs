//! Import of a sales export: pick or drop a file, check the mapping, read every row with a
//! progress bar, see what will change, confirm. Nothing is stored before the confirmation, and
//! the store is written in one transaction.

use std::rc::Rc;

use chrono::NaiveDate;
use kam_core::exchange::{
    apply_import, guess_mapping, looks_like_xlsx, parse_table, parse_xlsx, DateFormat, Decimal, ImportOutcome,
    ImportedLine, RowImporter, Skipped, Table,
};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::{next_tick, now_ms};
use crate::store::Prefs;
use crate::ui::components::{read_bytes, FileDrop};
use crate::ui::state::use_app;
use crate::ui::words::exchange::{
    date_format_name, decimal_name, import_counts, import_done, import_error, import_preview, more_skipped, rows,
    skipped_line, skipped_title, table_note, DATE_FORMAT_GUESSED, MAPPING_INCOMPLETE,
};

/// What reading all rows found, before anything is stored.
#[derive(Clone)]
struct ReadResult {
    imported: usize,
    skipped_count: usize,
    skipped: Vec<Skipped>,
    accounts: Rc<Vec<ImportedLine>>,
    range: Option<(NaiveDate, NaiveDate)>,
    outcome: ImportOutcome,
}

#[component]
pub fn ImportPanel() -> impl IntoView {
    let state = use_app();
    let file_name = RwSignal::new(String::new());
    let table = RwSignal::new_local(None::<Table>);
    let error = RwSignal::new(None::<String>);
    let account = RwSignal::new(None::<usize>);
    let date = RwSignal::new(None::<usize>);
    let revenue = RwSignal::new(None::<usize>);
    let profit = RwSignal::new(None::<usize>);
    let date_format = RwSignal::new(DateFormat::Iso);
    let date_guessed = RwSignal::new(false);
    let decimal = RwSignal::new(Decimal::Dot);
    let progress = RwSignal::new(None::<f64>);
    let result = RwSignal::new_local(None::<ReadResult>);
    let generation = StoredValue::new(0u32);

    let reset = move || {
        table.set(None);
        result.set(None);
        progress.set(None);
        error.set(None);
    };

    // Reads every row with the current mapping, yielding to the page every ~30 ms.
    let run = move || {
        let (Some(t), Some(a), Some(d), Some(r)) =
            (table.get_untracked(), account.get_untracked(), date.get_untracked(), revenue.get_untracked())
        else {
            result.set(None);
            return;
        };
        let mut mapping = t.mapping(a, d, r, profit.get_untracked());
        mapping.date_format = date_format.get_untracked();
        mapping.decimal = decimal.get_untracked();
        generation.update_value(|g| *g += 1);
        let my_generation = generation.get_value();
        result.set(None);
        progress.set(Some(0.0));
        spawn_local(async move {
            let mut importer = RowImporter::new(&t, mapping);
            loop {
                let started = now_ms();
                let mut finished = false;
                while !finished && now_ms() - started < 30.0 {
                    finished = importer.step(2_000);
                }
                if generation.get_value() != my_generation {
                    return;
                }
                progress.set(Some(importer.progress()));
                if finished {
                    break;
                }
                next_tick().await;
            }
            let range = importer.first_date.zip(importer.last_date);
            let mut preview = state.workspace.get_untracked();
            let outcome = range.map(|r| apply_import(&mut preview, &importer.accounts, r)).unwrap_or_default();
            progress.set(None);
            result.set(Some(ReadResult {
                imported: importer.imported,
                skipped_count: importer.skipped_count,
                skipped: std::mem::take(&mut importer.skipped),
                accounts: Rc::new(std::mem::take(&mut importer.accounts)),
                range,
                outcome,
            }));
        });
    };

    let detect_formats = move || {
        if let (Some(t), Some(d), Some(r)) = (table.get_untracked(), date.get_untracked(), revenue.get_untracked()) {
            let m = t.mapping(account.get_untracked().unwrap_or(0), d, r, profit.get_untracked());
            date_format.set(m.date_format);
            date_guessed.set(m.date_format_guessed);
            decimal.set(m.decimal);
        }
    };

    let open_bytes = move |name: String, bytes: Vec<u8>| {
        reset();
        state.last_import.set(None);
        file_name.set(name.clone());
        let parsed = if looks_like_xlsx(&bytes) {
            parse_xlsx(&bytes)
        } else if name.to_lowercase().ends_with(".xls") {
            error.set(Some(format!(
                "{name} is an old Excel 97–2003 workbook. Save it as .xlsx or CSV in Excel, then import that file."
            )));
            return;
        } else {
            parse_table(&bytes)
        };
        match parsed {
            Ok(t) => {
                let (mut a, mut d, mut r, mut p) = guess_mapping(&t);
                if let Some(last) = Prefs::load().last_mapping {
                    let find = |h: &str| t.headers.iter().position(|x| x == h);
                    if [&last[0], &last[1], &last[2]].iter().all(|h| find(h).is_some()) {
                        (a, d, r) = (find(&last[0]), find(&last[1]), find(&last[2]));
                        p = find(&last[3]);
                    }
                }
                account.set(a);
                date.set(d);
                revenue.set(r);
                profit.set(p);
                table.set(Some(t));
                detect_formats();
                run();
            }
            Err(e) => error.set(Some(format!("{name}: {}", import_error(&e)))),
        }
    };

    let open_file = move |file: web_sys::File| {
        let name = file.name();
        if file.size() > 300.0 * 1024.0 * 1024.0 {
            error.set(Some(format!("{name} is larger than 300 MB. Export a shorter period, or only the columns customer, date, revenue and profit.")));
            return;
        }
        spawn_local(async move {
            match read_bytes(&file).await {
                Ok(bytes) => open_bytes(name, bytes),
                Err(e) => error.set(Some(e)),
            }
        });
    };

    let confirm = move |_| {
        let (Some(r), Some(t)) = (result.get_untracked(), table.get_untracked()) else { return };
        let Some(range) = r.range else { return };
        let mut next = state.workspace.get_untracked();
        let outcome = apply_import(&mut next, &r.accounts, range);
        let header = |i: Option<usize>| i.and_then(|i| t.headers.get(i).cloned()).unwrap_or_default();
        let mut prefs = Prefs::load();
        prefs.last_mapping = Some([
            header(account.get_untracked()),
            header(date.get_untracked()),
            header(revenue.get_untracked()),
            header(profit.get_untracked()),
        ]);
        prefs.save();
        let text = import_done(r.imported, r.skipped_count, &outcome);
        state.replace_workspace(next, None);
        state.last_import.set(Some(format!("{}: {text}.", file_name.get_untracked())));
        table.set(None);
    };

    let column_select = move |testid: &'static str,
                              label: &'static str,
                              signal: RwSignal<Option<usize>>,
                              optional: bool| {
        view! {
            <label class="field">
                <span>{label}</span>
                <select data-testid=testid
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        signal.set(v.parse().ok());
                        detect_formats();
                        run();
                    }>
                    <option value="" selected=move || signal.get().is_none()>{if optional { "— none —" } else { "— choose —" }}</option>
                    {move || table.with(|t| t.as_ref().map(|t| t.headers.clone()).unwrap_or_default()).into_iter().enumerate().map(|(i, h)| {
                        let text = if h.is_empty() { format!("Column {}", i + 1) } else { h };
                        view! { <option value=i.to_string() selected=move || signal.get() == Some(i)>{text}</option> }
                    }).collect_view()}
                </select>
            </label>
        }
    };

    view! {
        <section class="panel import-panel" aria-labelledby="import-title">
            <h2 id="import-title">"Import a sales export"</h2>
            <FileDrop
                prompt="Drop a CSV or Excel (.xlsx) file of order lines here (customer, date, revenue, optionally profit), or"
                button="Choose a file…"
                accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                testid="import-file"
                on_file=Callback::new(open_file)/>
            {move || error.get().map(|e| view! { <p class="message error" role="alert" data-testid="import-error">{e}</p> })}
            <Show when=move || table.with(Option::is_some)>
                <div class="mapping">
                    <h3>{move || format!("Columns of {}", file_name.get())}</h3>
                    {move || table.with(|t| t.as_ref().map(|t| t.notes.clone()).unwrap_or_default()).into_iter().map(|n| view! { <p class="message warning">{table_note(n)}</p> }).collect_view()}
                    <div class="mapping-fields">
                        {column_select("map-account", "Customer", account, false)}
                        {column_select("map-date", "Date", date, false)}
                        {column_select("map-revenue", "Revenue", revenue, false)}
                        {column_select("map-profit", "Profit (optional)", profit, true)}
                        <label class="field">
                            <span>"Date format"</span>
                            <select data-testid="map-date-format" on:change=move |ev| {
                                if let Some(f) = DateFormat::from_id(&event_target_value(&ev)) { date_format.set(f); date_guessed.set(false); run(); }
                            }>
                                {DateFormat::ALL.into_iter().map(|f| view! { <option value=f.id() selected=move || date_format.get() == f>{date_format_name(f)}</option> }).collect_view()}
                            </select>
                        </label>
                        <label class="field">
                            <span>"Numbers"</span>
                            <select data-testid="map-decimal" on:change=move |ev| {
                                decimal.set(Decimal::from_id(&event_target_value(&ev)).unwrap_or(Decimal::Dot)); run();
                            }>
                                {Decimal::ALL.into_iter().map(|d| view! { <option value=d.id() selected=move || decimal.get() == d>{decimal_name(d)}</option> }).collect_view()}
                            </select>
                        </label>
                    </div>
                    <Show when=move || date_guessed.get()>
                        <p class="message warning">{DATE_FORMAT_GUESSED}</p>
                    </Show>
                    <Show when=move || account.get().is_none() || date.get().is_none() || revenue.get().is_none()>
                        <p class="message warning" data-testid="mapping-incomplete">{MAPPING_INCOMPLETE}</p>
                    </Show>
                    <PreviewTable table=table account=account date=date revenue=revenue profit=profit/>
                    {move || progress.get().map(|p| view! {
                        <div class="progress" role="status">
                            <label for="import-progress">{format!("Reading rows… {:.0} %", p * 100.0)}</label>
                            <progress id="import-progress" max="1" value=p></progress>
                        </div>
                    })}
                    {move || result.get().map(|r| view! { <ReadSummary r=r/> })}
                    <div class="actions">
                        <button type="button" class="button primary" data-testid="import-confirm"
                            disabled=move || result.with(|r| r.as_ref().is_none_or(|r| r.imported == 0))
                            on:click=confirm>
                            {move || result.with(|r| r.as_ref().map_or("Import".to_string(), |r| format!("Import {}", rows(r.imported))))}
                        </button>
                        <button type="button" class="button" on:click=move |_| reset()>"Cancel"</button>
                    </div>
                </div>
            </Show>
        </section>
    }
}

#[component]
fn ReadSummary(r: ReadResult) -> impl IntoView {
    let o = r.outcome.clone();
    view! {
        <div class="read-summary" data-testid="import-summary">
            <p><strong>{import_counts(r.imported, r.skipped_count)}</strong>" — nothing is stored until you confirm."</p>
            {r.range.map(|(a, b)| view! { <p>{import_preview(a, b, &o)}</p> })}
            {(r.skipped_count > 0).then(|| view! {
                <details open=r.skipped_count <= 20>
                    <summary>{skipped_title(r.skipped_count)}</summary>
                    <ul class="skipped" data-testid="import-skipped">
                        {r.skipped.iter().map(|s| view! { <li>{skipped_line(s)}</li> }).collect_view()}
                        {(r.skipped_count > r.skipped.len()).then(|| view! { <li>{more_skipped(r.skipped_count - r.skipped.len())}</li> })}
                    </ul>
                </details>
            })}
        </div>
    }
}

#[component]
fn PreviewTable(
    table: RwSignal<Option<Table>, LocalStorage>,
    account: RwSignal<Option<usize>>,
    date: RwSignal<Option<usize>>,
    revenue: RwSignal<Option<usize>>,
    profit: RwSignal<Option<usize>>,
) -> impl IntoView {
    let role = move |i: usize| {
        if account.get() == Some(i) {
            "customer"
        } else if date.get() == Some(i) {
            "date"
        } else if revenue.get() == Some(i) {
            "revenue"
        } else if profit.get() == Some(i) {
            "profit"
        } else {
            ""
        }
    };
    view! {
        <div class="table-scroll">
            <table class="preview">
                <caption>"First rows of the file"</caption>
                <thead><tr>
                    {move || table.with(|t| t.as_ref().map(|t| t.headers.clone()).unwrap_or_default()).into_iter().enumerate().map(|(i, h)| view! {
                        <th scope="col" class=move || format!("role-{}", role(i))>{h}<span class="role">{move || role(i)}</span></th>
                    }).collect_view()}
                </tr></thead>
                <tbody>
                    {move || table.with(|t| t.as_ref().map(|t| t.sample.iter().take(5).cloned().collect::<Vec<_>>()).unwrap_or_default()).into_iter().map(|row| view! {
                        <tr>{row.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
