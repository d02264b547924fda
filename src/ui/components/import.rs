//! Import of a sales export: pick or drop a file, check the mapping, read every row with a
//! progress bar, see what will change, confirm. Reading, decoding and parsing run in the import
//! worker (`src/bin/import_worker.rs`), so the page stays responsive and its wasm carries no
//! parser; the page keeps what it shows and applies the result. Nothing is stored before the
//! confirmation, and the store is written in one transaction.

use crate::i18n::{tr, tr_args};
use std::rc::Rc;

use chrono::NaiveDate;
use kam_core::exchange::{
    apply_import, import_outcome, DateFormat, Decimal, ImportOutcome, ImportedAccount, PICKER_ENCODINGS,
};
use leptos::prelude::*;

use crate::ui::components::guide_link;
use kam_core::guide::Topic;

use crate::import_client::{ImportWorker, Payload, WorkerProblem};
use crate::import_protocol::{
    from_columns, join_months, Columns, Formats, FromWorker, OpenedTable, Progress, ReadOptions, ToWorker,
};
use crate::store::Prefs;
use crate::ui::components::FileDrop;
use crate::ui::state::use_app;
use crate::ui::words::exchange::{
    date_format_name, decimal_name, encoding_name, encoding_unsure, encoding_used, file_not_readable, header_row_found,
    header_row_option, import_counts, import_done, import_preview, more_skipped, old_excel, reading_file, reading_rows,
    rows, skipped_title, worker_problem, DATE_FORMAT_GUESSED, ENCODING_LABEL, HEADER_ROW_LABEL, MAPPING_INCOMPLETE,
    SHEET_LABEL,
};

/// What reading all rows found, before anything is stored.
#[derive(Clone)]
struct ReadResult {
    imported: usize,
    skipped_count: usize,
    skipped: Vec<String>,
    grouping: Option<String>,
    accounts: Rc<Vec<ImportedAccount>>,
    range: Option<(NaiveDate, NaiveDate)>,
    outcome: ImportOutcome,
}

/// Where an import is, for the progress line.
#[derive(Clone, Copy, PartialEq)]
enum Busy {
    File { bytes_done: f64, bytes_total: f64 },
    Rows(Progress),
}

#[component]
pub fn ImportPanel() -> impl IntoView {
    let state = use_app();
    let file_name = RwSignal::new(String::new());
    let file_size = StoredValue::new(0.0_f64);
    let table = RwSignal::new(None::<OpenedTable>);
    // The mapping step renders in three tasks: its heading, then its fields, then the sample
    // rows and reading choices. The first render of each part also compiles its code (the
    // browser compiles wasm lazily), and one task for all of it blocked the page for over
    // 50 ms on a busy machine.
    let stage = RwSignal::new(0u8);
    let error = RwSignal::new(None::<String>);
    let account = RwSignal::new(None::<usize>);
    let date = RwSignal::new(None::<usize>);
    let revenue = RwSignal::new(None::<usize>);
    let profit = RwSignal::new(None::<usize>);
    let date_format = RwSignal::new(DateFormat::Iso);
    let date_guessed = RwSignal::new(false);
    let decimal = RwSignal::new(Decimal::Dot);
    let busy = RwSignal::new(None::<Busy>);
    // What the user chose about how the file is read (encoding, header row, sheet).
    let choices = RwSignal::new(ReadOptions::default());
    let result = RwSignal::new_local(None::<ReadResult>);
    // The worker of the open file; dropping it stops it (see `import_client`).
    let worker = StoredValue::new_local(None::<ImportWorker>);
    // The newest read of the rows; answers to older ones are ignored.
    let generation = StoredValue::new(0u32);
    // The result so far, as the worker hands it over in parts.
    let lines = StoredValue::new_local(Vec::<ImportedAccount>::new());

    let reset = move || {
        worker.set_value(None);
        generation.update_value(|g| *g += 1);
        lines.set_value(Vec::new());
        table.set(None);
        result.set(None);
        busy.set(None);
        error.set(None);
        choices.set(ReadOptions::default());
    };

    // Reads the open file again with the user's choices; the mapping and preview follow the
    // worker's answer.
    let reopen = move |options: ReadOptions| {
        generation.update_value(|g| *g += 1);
        lines.set_value(Vec::new());
        result.set(None);
        error.set(None);
        choices.set(options.clone());
        busy.set(Some(Busy::File { bytes_done: 0.0, bytes_total: file_size.get_value() }));
        worker.with_value(|w| {
            if let Some(w) = w {
                w.post(&ToWorker::Reopen { options }, None);
            }
        });
    };

    // Asks the worker to read every row with the current mapping; `formats: None` lets it detect
    // how dates and numbers are written first.
    let run = move |formats: Option<Formats>| {
        generation.update_value(|g| *g += 1);
        lines.set_value(Vec::new());
        result.set(None);
        let (Some(a), Some(d), Some(r)) = (account.get_untracked(), date.get_untracked(), revenue.get_untracked())
        else {
            busy.set(None);
            return;
        };
        let message = ToWorker::Read {
            run: generation.get_value(),
            account: a,
            date: d,
            revenue: r,
            profit: profit.get_untracked(),
            formats,
        };
        busy.set(Some(Busy::Rows(Progress::measure(0, 0.0, 0.0))));
        worker.with_value(|w| {
            if let Some(w) = w {
                w.post(&message, None);
            }
        });
    };
    let chosen_formats = move || Formats {
        date_format: date_format.get_untracked(),
        date_format_guessed: date_guessed.get_untracked(),
        decimal: decimal.get_untracked(),
    };

    let on_message = move |message: FromWorker, columns: Option<Payload>| {
        let current = |run: u32| run == generation.get_value();
        match message {
            FromWorker::Ready => {}
            FromWorker::Loading { bytes_done, bytes_total } => busy.set(Some(Busy::File { bytes_done, bytes_total })),
            FromWorker::Opened(opened) => {
                let Columns { account: a, date: d, revenue: r, profit: p } = opened.columns;
                busy.set(None);
                error.set(None);
                account.set(a);
                date.set(d);
                revenue.set(r);
                profit.set(p);
                stage.set(0);
                table.set(Some(opened));
                run(None);
                set_timeout(
                    move || {
                        stage.set(1);
                        set_timeout(move || stage.set(2), std::time::Duration::ZERO);
                    },
                    std::time::Duration::ZERO,
                );
            }
            FromWorker::Refused(words) => {
                busy.set(None);
                error.set(Some(format!("{}: {words}", file_name.get_untracked())));
            }
            FromWorker::OldExcel => {
                busy.set(None);
                error.set(Some(old_excel(&file_name.get_untracked())));
            }
            FromWorker::NotReadable(detail) => {
                busy.set(None);
                error.set(Some(file_not_readable(&file_name.get_untracked(), &detail)));
            }
            FromWorker::Formats { run, formats } if current(run) => {
                date_format.set(formats.date_format);
                date_guessed.set(formats.date_format_guessed);
                decimal.set(formats.decimal);
            }
            FromWorker::Progress { run, progress } if current(run) => busy.set(Some(Busy::Rows(progress))),
            FromWorker::Months { run, continues_previous, accounts } if current(run) => {
                let columns = columns.and_then(|c| match c {
                    Payload::Months(c) => Some(c),
                    Payload::File(_) | Payload::Text(_) => None,
                });
                match columns.and_then(|c| from_columns(accounts, c)) {
                    Some(accounts) => lines.update_value(|all| join_months(all, continues_previous, accounts)),
                    // Cannot happen with this build's worker; if it did, a partial result must
                    // not look complete.
                    None => {
                        generation.update_value(|g| *g += 1);
                        busy.set(None);
                        error.set(Some(worker_problem(&file_name.get_untracked(), &WorkerProblem::Garbled)));
                    }
                }
            }
            FromWorker::Done { run, imported, skipped_count, skipped, range, grouping } if current(run) => {
                let accounts = Rc::new(lines.try_update_value(std::mem::take).unwrap_or_default());
                // Counted, not applied to a copy: a copy of the workspace and a sort of every line
                // blocked the page for tens of milliseconds at the end of a large file.
                let outcome = range
                    .map(|r| state.workspace.with_untracked(|ws| import_outcome(ws, &accounts, r)))
                    .unwrap_or_default();
                busy.set(None);
                result.set(Some(ReadResult { imported, skipped_count, skipped, grouping, accounts, range, outcome }));
            }
            FromWorker::Formats { .. }
            | FromWorker::Exported
            | FromWorker::Demo(_)
            | FromWorker::FileRead { .. }
            | FromWorker::Locked
            | FromWorker::FileWritten
            | FromWorker::Progress { .. }
            | FromWorker::Months { .. }
            | FromWorker::Done { .. } => {}
        }
    };

    let open_file = move |file: web_sys::File| {
        let name = file.name();
        reset();
        state.last_import.set(None);
        if file.size() > 300.0 * 1024.0 * 1024.0 {
            error.set(Some(tr_args("{name} is larger than 300 MB. Export a shorter period, or only the columns customer, date, revenue and profit.", &[("name", &name)])));
            return;
        }
        file_name.set(name.clone());
        file_size.set_value(file.size());
        let on_problem = move |problem| {
            busy.set(None);
            error.set(Some(worker_problem(&file_name.get_untracked(), &problem)));
        };
        match ImportWorker::start(on_message, on_problem) {
            Ok(w) => {
                let last_mapping = Prefs::load().last_mapping;
                w.post(&ToWorker::Open { name, last_mapping, options: ReadOptions::default() }, Some(&file));
                busy.set(Some(Busy::File { bytes_done: 0.0, bytes_total: file.size() }));
                worker.set_value(Some(w));
            }
            Err(problem) => on_problem(problem),
        }
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
        // The worker holds the whole file: let it go.
        worker.set_value(None);
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
                        run(None);
                    }>
                    <option value="" selected=move || signal.get().is_none()>{move || if optional { tr("— none —") } else { tr("— choose —") }}</option>
                    {move || table.with(|t| t.as_ref().map(|t| t.headers.clone()).unwrap_or_default()).into_iter().enumerate().map(|(i, h)| {
                        let text = if h.is_empty() { tr_args("Column {0}", &[("0", &(i + 1))]) } else { h };
                        view! { <option value=i.to_string() selected=move || signal.get() == Some(i)>{text}</option> }
                    }).collect_view()}
                </select>
            </label>
        }
    };

    // How the file was read, and the choices that read it again: encoding (CSV), header row,
    // sheet (workbooks with several).
    let reading_choices = move || {
        let t = table.get()?;
        let encoding = t.encoding.clone().map(|used| {
            let mut labels: Vec<&str> = PICKER_ENCODINGS.to_vec();
            if !labels.contains(&used.label.as_str()) {
                labels.insert(0, &used.label);
            }
            let options = labels
                .into_iter()
                .map(|l| {
                    let selected = l == used.label;
                    view! { <option value=l.to_string() selected=selected>{encoding_name(l)}</option> }
                })
                .collect_view();
            let unsure = (!used.confident).then(|| {
                view! { <p class="message warning" data-testid="import-encoding-unsure">{encoding_unsure(&used.label)}</p> }
            });
            view! {
                <label class="field">
                    <span>{tr(ENCODING_LABEL)}</span>
                    <select data-testid="import-encoding" on:change=move |ev| {
                        let options = ReadOptions { encoding: Some(event_target_value(&ev)), ..choices.get_untracked() };
                        reopen(options);
                    }>{options}</select>
                    <small data-testid="import-encoding-used">{encoding_used(&used.label, used.chosen)}</small>
                </label>
                {unsure}
            }
        });
        let header_options = t
            .header_candidates
            .iter()
            .map(|&row| {
                let text = header_row_option(row, t.top_rows.get(row).map(Vec::as_slice).unwrap_or_default());
                view! { <option value=row.to_string() selected=row == t.header_row>{text}</option> }
            })
            .collect_view();
        let sheet_picker = (t.sheets.len() > 1).then(|| {
            let options = t
                .sheets
                .iter()
                .enumerate()
                .map(|(i, name)| view! { <option value=i.to_string() selected=Some(i) == t.sheet>{name.clone()}</option> })
                .collect_view();
            view! {
                <label class="field">
                    <span>{tr(SHEET_LABEL)}</span>
                    <select data-testid="import-sheet" on:change=move |ev| {
                        // Another sheet has its own header row: found afresh.
                        let sheet = event_target_value(&ev).parse().ok();
                        reopen(ReadOptions { sheet, header_row: None, ..choices.get_untracked() });
                    }>{options}</select>
                </label>
            }
        });
        Some(view! {
            <div class="mapping-fields reading-choices">
                {sheet_picker}
                {encoding}
                <label class="field">
                    <span>{tr(HEADER_ROW_LABEL)}</span>
                    <select data-testid="import-header-row" on:change=move |ev| {
                        let header_row = event_target_value(&ev).parse().ok();
                        reopen(ReadOptions { header_row, ..choices.get_untracked() });
                    }>{header_options}</select>
                </label>
            </div>
            {header_row_found(t.header_row).map(|words| view! { <p class="message" data-testid="import-header-found">{words}</p> })}
        })
    };

    // Shown while the worker reads: the file first, then its rows; Cancel stops the worker.
    let progress_line = move || {
        busy.get().map(|b| {
            let (text, share) = match b {
                Busy::File { bytes_done, bytes_total } => {
                    (reading_file(bytes_done, bytes_total), if bytes_total > 0.0 { bytes_done / bytes_total } else { 0.0 })
                }
                Busy::Rows(p) => (reading_rows(&p), p.fraction),
            };
            view! {
                <div class="progress" role="status" data-testid="import-progress">
                    <label for="import-progress">{text}</label>
                    <progress id="import-progress" max="1" value=share></progress>
                    <button type="button" class="button" data-testid="import-cancel" on:click=move |_| reset()>{move || tr("Cancel")}</button>
                </div>
            }
        })
    };

    view! {
        <section class="panel import-panel" aria-labelledby="import-title">
            <h2 id="import-title">{move || tr("Import a sales export")}{guide_link(Topic::Import)}</h2>
            <FileDrop
                prompt=tr("Drop a CSV, Excel (.xlsx) or OpenDocument (.ods) file of order lines here (customer, date, revenue, optionally profit), or")
                button=tr("Choose a file…")
                accept=".csv,.txt,.tsv,.xlsx,.ods,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet"
                testid="import-file"
                on_file=Callback::new(open_file)/>
            {move || error.get().map(|e| view! { <p class="message error" role="alert" data-testid="import-error">{e}</p> })}
            <Show when=move || table.with(Option::is_none)>{progress_line}</Show>
            <Show when=move || table.with(Option::is_some)>
                <div class="mapping">
                    <h3>{move || tr_args("Columns of {0}", &[("0", &file_name.get())])}</h3>
                    {move || table.with(|t| t.as_ref().map(|t| t.notes.clone()).unwrap_or_default()).into_iter().map(|n| view! { <p class="message warning">{n}</p> }).collect_view()}
                    <Show when=move || { stage.get() >= 2 }>{reading_choices}</Show>
                    <Show when=move || { stage.get() >= 1 }>
                    <div class="mapping-fields">
                        {column_select("map-account", tr("Customer"), account, false)}
                        {column_select("map-date", tr("Date"), date, false)}
                        {column_select("map-revenue", tr("Revenue"), revenue, false)}
                        {column_select("map-profit", tr("Profit (optional)"), profit, true)}
                        <label class="field">
                            <span>{move || tr("Date format")}</span>
                            <select data-testid="map-date-format" on:change=move |ev| {
                                if let Some(f) = DateFormat::from_id(&event_target_value(&ev)) {
                                    date_format.set(f);
                                    date_guessed.set(false);
                                    run(Some(chosen_formats()));
                                }
                            }>
                                {DateFormat::ALL.into_iter().map(|f| view! { <option value=f.id() selected=move || date_format.get() == f>{date_format_name(f)}</option> }).collect_view()}
                            </select>
                        </label>
                        <label class="field">
                            <span>{move || tr("Numbers")}</span>
                            <select data-testid="map-decimal" on:change=move |ev| {
                                decimal.set(Decimal::from_id(&event_target_value(&ev)).unwrap_or(Decimal::Dot));
                                run(Some(chosen_formats()));
                            }>
                                {Decimal::ALL.into_iter().map(|d| view! { <option value=d.id() selected=move || decimal.get() == d>{decimal_name(d)}</option> }).collect_view()}
                            </select>
                        </label>
                    </div>
                    <Show when=move || date_guessed.get()>
                        <p class="message warning">{tr(DATE_FORMAT_GUESSED)}</p>
                    </Show>
                    <Show when=move || account.get().is_none() || date.get().is_none() || revenue.get().is_none()>
                        <p class="message warning" data-testid="mapping-incomplete">{tr(MAPPING_INCOMPLETE)}</p>
                    </Show>
                    </Show>
                    <Show when=move || { stage.get() >= 2 }>
                        <PreviewTable table=table account=account date=date revenue=revenue profit=profit/>
                    </Show>
                    {progress_line}
                    {move || result.get().map(|r| view! { <ReadSummary r=r/> })}
                    <div class="actions">
                        <button type="button" class="button primary" data-testid="import-confirm"
                            disabled=move || result.with(|r| r.as_ref().is_none_or(|r| r.imported == 0))
                            on:click=confirm>
                            {move || result.with(|r| r.as_ref().map_or(tr("Import").to_string(), |r| tr_args("Import {0}", &[("0", &rows(r.imported))])))}
                        </button>
                        <button type="button" class="button" on:click=move |_| reset()>{move || tr("Cancel")}</button>
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
            <p><strong>{import_counts(r.imported, r.skipped_count)}</strong>{move || tr(" — nothing is stored until you confirm.")}</p>
            {r.range.map(|(a, b)| view! { <p>{import_preview(a, b, &o)}</p> })}
            {r.grouping.map(|words| view! { <p data-testid="import-grouping">{words}</p> })}
            {(r.skipped_count > 0).then(|| view! {
                <details open=r.skipped_count <= 20>
                    <summary>{skipped_title(r.skipped_count)}</summary>
                    <ul class="skipped" data-testid="import-skipped">
                        {r.skipped.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}
                        {(r.skipped_count > r.skipped.len()).then(|| view! { <li>{more_skipped(r.skipped_count - r.skipped.len())}</li> })}
                    </ul>
                </details>
            })}
        </div>
    }
}

#[component]
fn PreviewTable(
    table: RwSignal<Option<OpenedTable>>,
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
                <caption>{move || tr("First rows of the file")}</caption>
                <thead><tr>
                    {move || table.with(|t| t.as_ref().map(|t| t.headers.clone()).unwrap_or_default()).into_iter().enumerate().map(|(i, h)| view! {
                        <th scope="col" class=move || format!("role-{}", role(i))>{h}<span class="role">{move || role_word(role(i))}</span></th>
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

/// A column's role as the preview's header shows it (`role` is its CSS class).
fn role_word(role: &str) -> &'static str {
    match role {
        "customer" => tr("customer"),
        "date" => tr("date"),
        "revenue" => tr("revenue"),
        "profit" => tr("profit"),
        _ => "",
    }
}
