//! The import worker: a second wasm binary that Trunk builds (`data-type="worker"` in
//! index.html) and the page starts when a sales export is opened. Everything heavy of an import
//! happens here, off the page's thread: reading the file in slices, detecting its encoding
//! (kam-core's `detect_encoding`, chardetng) and decoding it with the browser's `TextDecoder`,
//! parsing CSV, XLSX or ODS, detecting formats and reading every row. What the core reports as
//! typed facts is worded here with the page's own words (`ui::words::exchange`), in the
//! reader's language (the page names it, `ToWorker::Language`, and the worker fetches its
//! catalogue as the page does), so the page deserialises strings only. The page keeps only what it shows and the result, so the parsers (csv, quick-xml, miniz_oxide,
//! number and date reading) are linked into this binary and not into the page's.
//!
//! The messages are in `kam_planner::import_protocol`. On the page's side,
//! `kam_planner::import_client` starts, talks to and stops this worker.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    worker::start();
}

/// The worker only runs in a browser; natively there is nothing to run (`cargo test` and
/// `cargo clippy` build every binary for the machine too).
#[cfg(not(target_arch = "wasm32"))]
fn main() {}

#[cfg(target_arch = "wasm32")]
mod worker {
    use std::cell::{Cell, RefCell};

    use js_sys::{Array, Float64Array, Int32Array, Promise, Uint32Array, Uint8Array};
    use kam_core::exchange::{
        detect_encoding, guess_mapping, looks_like_old_excel, looks_like_xlsx, parse_text, read_workbook,
        EncodingGuess, ImportError, RowImporter, Table, TableOptions, PICKER_ENCODINGS,
    };
    use kam_core::exchange::{
        is_encrypted, read_file as read_kam, segmentation_csv_rows, write_stamped_file, PersonalDetails,
    };
    use kam_planner::i18n::{fetch_catalogue_with, install, is_loaded, Lang};
    use kam_planner::import_protocol::{
        split_months, to_columns, Columns, EncodingUsed, Formats, FromWorker, MonthColumns, OpenedTable, Progress,
        ReadOptions, StampedWorkspace, ToWorker, MONTHS_PER_MESSAGE,
    };
    use kam_planner::segmentation_export::{
        segmentation_xlsx, unpack, ExportProblem, WorkbookWords, CSV_MIME, XLSX_MIME,
    };
    use kam_planner::ui::words::exchange::{account_grouping, import_error, skipped_line, table_note};
    use kam_planner::ui::words::share::{crypto_error, file_error, read_file_summary};
    use kam_planner::ui::words::xlsx::export_problem;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::{spawn_local, JsFuture};
    use web_sys::{
        Blob, BlobPropertyBag, DedicatedWorkerGlobalScope, MessageEvent, TextDecodeOptions, TextDecoder,
        TextDecoderOptions,
    };

    /// Bytes read from the file at a time: large enough that the browser's per-read overhead
    /// does not matter, small enough that only a slice, not the whole file, is held as bytes.
    const SLICE_BYTES: f64 = 4.0 * 1024.0 * 1024.0;
    /// The page is told how far the work is at most this often.
    const REPORT_EVERY_MS: f64 = 100.0;
    /// Rows read between two looks at the clock.
    const ROWS_PER_STEP: usize = 2_000;
    /// The start of the file the encoding is detected on: as much as `detect_encoding` reads.
    const DETECT_BYTES: f64 = 256.0 * 1024.0;

    thread_local! {
        /// The opened file, kept for every read of its rows with another mapping.
        static TABLE: RefCell<Option<Table>> = const { RefCell::new(None) };
        /// The newest read asked for; an older one stops at its next pause.
        static CURRENT_RUN: Cell<u32> = const { Cell::new(0) };
        /// The file of the last `Open`, for a `Reopen`.
        static FILE: RefCell<Option<OpenFile>> = const { RefCell::new(None) };
        /// The reader's language, as the page last named it (`ToWorker::Language`).
        static LANGUAGE: Cell<Option<Lang>> = const { Cell::new(None) };
    }

    /// A file the page opened: a handle (the browser reads it on demand), not its bytes.
    #[derive(Clone)]
    struct OpenFile {
        file: Blob,
        name: String,
        last_mapping: Option<[String; 4]>,
    }

    fn scope() -> DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    fn post(message: &FromWorker) {
        // Posting a string to the page that started the worker cannot fail.
        let _ = scope().post_message(&JsValue::from_str(&message.to_json()));
    }

    /// Posts monthly totals as `[json, month, lines, revenue, profit, last purchase]`, the
    /// columns as typed arrays whose buffers are transferred to the page rather than copied.
    fn post_months(message: &FromWorker, columns: &MonthColumns) {
        let month = Int32Array::from(&columns.month[..]);
        let lines = Uint32Array::from(&columns.lines[..]);
        let revenue = Float64Array::from(&columns.revenue[..]);
        let profit = Float64Array::from(&columns.profit[..]);
        let last = Uint32Array::from(&columns.last_purchase[..]);
        let data = Array::of5(&JsValue::from_str(&message.to_json()), &month, &lines, &revenue, &profit);
        data.push(&last);
        let transfer =
            Array::of5(&month.buffer(), &lines.buffer(), &revenue.buffer(), &profit.buffer(), &last.buffer());
        let _ = scope().post_message_with_transfer(&data, &transfer);
    }

    fn now_ms() -> f64 {
        scope().performance().map_or(0.0, |p| p.now())
    }

    /// Lets the worker's event loop run, so that a newer request (another mapping) is seen.
    async fn pause() {
        let promise = Promise::new(&mut |resolve, _| {
            let _ = scope().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        });
        let _ = JsFuture::from(promise).await;
    }

    fn js_words(e: &JsValue) -> String {
        e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string()).unwrap_or_default()
    }

    pub fn start() {
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| {
            let data = Array::from(&e.data());
            let Some(message) = data.get(0).as_string().and_then(|json| ToWorker::from_json(&json).ok()) else {
                return;
            };
            match message {
                ToWorker::Open { name, last_mapping, options } => {
                    let Ok(file) = data.get(1).dyn_into::<Blob>() else { return };
                    FILE.with(|f| *f.borrow_mut() = Some(OpenFile { file, name, last_mapping }));
                    CURRENT_RUN.with(|r| r.set(r.get().wrapping_add(1)));
                    spawn_local(open(options));
                }
                ToWorker::Reopen { options } => {
                    CURRENT_RUN.with(|r| r.set(r.get().wrapping_add(1)));
                    spawn_local(open(options));
                }
                ToWorker::Read { run, account, date, revenue, profit, formats } => {
                    CURRENT_RUN.with(|r| r.set(run));
                    spawn_local(read_rows(run, [account, date, revenue], profit, formats));
                }
                ToWorker::ExportCsv => export(&data, false),
                ToWorker::ExportXlsx => export(&data, true),
                ToWorker::Demo => spawn_local(demo()),
                ToWorker::ReadFile { name, passphrase } => {
                    let bytes = Uint8Array::new(&data.get(1)).to_vec();
                    spawn_local(read_kam_file(name, bytes, passphrase));
                }
                ToWorker::WriteFile { account, personal, passphrase, app_version, exported_at } => {
                    let stamped = data.get(1).as_string().unwrap_or_default();
                    spawn_local(write_kam_file(stamped, account, personal, passphrase, app_version, exported_at));
                }
                ToWorker::Language { tag } => {
                    if let Some(l) = Lang::from_tag(&tag) {
                        LANGUAGE.with(|p| p.set(Some(l)));
                    }
                }
            }
        });
        scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        post(&FromWorker::Ready);
    }

    /// The encoding to decode with: the user's choice when it is one the picker offers, else
    /// what the detector finds in the file's first bytes.
    fn choose_encoding(first_bytes: &[u8], chosen: Option<&str>) -> EncodingUsed {
        if let Some(label) = chosen.and_then(|c| PICKER_ENCODINGS.iter().find(|l| **l == c)) {
            return EncodingUsed { label: label.to_string(), confident: true, chosen: true };
        }
        let EncodingGuess { label, confident } = detect_encoding(first_bytes);
        EncodingUsed { label: label.to_string(), confident, chosen: false }
    }

    /// What was read from the file: text for a CSV, bytes for a workbook.
    enum Contents {
        Text { text: String, encoding: EncodingUsed },
        Workbook(Vec<u8>),
    }

    async fn read_slice(file: &Blob, start: f64, end: f64) -> Result<Uint8Array, String> {
        let slice = file.slice_with_f64_and_f64(start, end).map_err(|e| js_words(&e))?;
        let buffer = JsFuture::from(slice.array_buffer()).await.map_err(|e| js_words(&e))?;
        Ok(Uint8Array::new(&buffer))
    }

    /// Reads the whole file slice by slice, reporting progress. A CSV is decoded as it comes
    /// (`stream: true` carries a character split across two slices over), so no copy of the
    /// file's bytes is ever held.
    async fn read_file(file: &Blob, first: &[u8], chosen: Option<&str>) -> Result<Contents, String> {
        let total = file.size();
        let mut last_report = now_ms();
        let mut report = |done: f64| {
            if now_ms() - last_report >= REPORT_EVERY_MS {
                post(&FromWorker::Loading { bytes_done: done, bytes_total: total });
                last_report = now_ms();
            }
        };
        if looks_like_xlsx(first) {
            // A ZIP archive is read from its end: it has to be whole before anything is parsed.
            let mut bytes = Vec::with_capacity(total as usize);
            let mut at = 0.0;
            while at < total {
                let end = (at + SLICE_BYTES).min(total);
                bytes.extend_from_slice(&read_slice(file, at, end).await?.to_vec());
                at = end;
                report(at);
            }
            return Ok(Contents::Workbook(bytes));
        }
        let mut encoding = choose_encoding(first, chosen);
        'decode: loop {
            // UTF-8 found valid in the first bytes may still break further on (an export whose
            // first non-ASCII name is past them): decoded strictly, it is then read as
            // Windows-1252 and said to be a guess. A legacy encoding decodes every byte.
            let strict = encoding.label == "utf-8" && !encoding.chosen;
            let options = TextDecoderOptions::new();
            options.set_fatal(strict);
            let decoder =
                TextDecoder::new_with_label_and_options(&encoding.label, &options).map_err(|e| js_words(&e))?;
            let stream = TextDecodeOptions::new();
            stream.set_stream(true);
            let mut text = String::with_capacity(total as usize);
            let mut at = 0.0;
            let mut failed = false;
            while at < total {
                let end = (at + SLICE_BYTES).min(total);
                let bytes = read_slice(file, at, end).await?;
                match decoder.decode_with_buffer_source_and_options(&bytes, &stream) {
                    Ok(part) => text.push_str(&part),
                    Err(e) if !strict => return Err(js_words(&e)),
                    Err(_) => {
                        failed = true;
                        break;
                    }
                }
                at = end;
                report(at);
            }
            if !failed {
                match decoder.decode() {
                    Ok(rest) => text.push_str(&rest),
                    Err(e) if !strict => return Err(js_words(&e)),
                    Err(_) => failed = true,
                }
            }
            if failed {
                encoding = EncodingUsed { label: "windows-1252".into(), confident: false, chosen: false };
                continue 'decode;
            }
            return Ok(Contents::Text { text, encoding });
        }
    }

    /// The one call into kam-core's table parsers; the encoding used, for a CSV.
    fn parse(contents: Contents, options: &TableOptions) -> Result<(Table, Option<EncodingUsed>), ImportError> {
        match contents {
            Contents::Workbook(bytes) => Ok((read_workbook(&bytes, options)?, None)),
            // Already decoded: the core only finds the header and splits the text into cells.
            Contents::Text { text, encoding } => Ok((parse_text(&text, options)?, Some(encoding))),
        }
    }

    /// The guessed columns, or the previous import's when this file has all its headers.
    fn columns(table: &Table, last_mapping: Option<&[String; 4]>) -> Columns {
        let (mut account, mut date, mut revenue, mut profit) = guess_mapping(table);
        if let Some(last) = last_mapping {
            let find = |h: &str| table.headers.iter().position(|x| x == h);
            if last[..3].iter().all(|h| find(h).is_some()) {
                (account, date, revenue) = (find(&last[0]), find(&last[1]), find(&last[2]));
                profit = find(&last[3]);
            }
        }
        Columns { account, date, revenue, profit }
    }

    /// Reads the file of the last `Open` with `options` and tells the page what it found.
    /// Installs the language the page last named (fetching its catalogue the first time), so
    /// that what follows is worded in it. A catalogue that cannot be fetched leaves English.
    async fn use_language() {
        let Some(l) = LANGUAGE.with(Cell::get) else { return };
        if is_loaded(l) {
            install(l, None);
            return;
        }
        let scope = scope();
        if let Ok(catalogue) = fetch_catalogue_with(l, |url| scope.fetch_with_str(url)).await {
            install(l, Some(catalogue));
        }
    }

    async fn open(options: ReadOptions) {
        use_language().await;
        let Some(OpenFile { file, name, last_mapping }) = FILE.with(|f| f.borrow().clone()) else { return };
        let first = match read_slice(&file, 0.0, DETECT_BYTES.min(file.size())).await {
            Ok(bytes) => bytes.to_vec(),
            Err(words) => return post(&FromWorker::NotReadable(words)),
        };
        if looks_like_old_excel(&first) || (!looks_like_xlsx(&first) && name.to_lowercase().ends_with(".xls")) {
            return post(&FromWorker::OldExcel);
        }
        let contents = match read_file(&file, &first, options.encoding.as_deref()).await {
            Ok(c) => c,
            Err(words) => return post(&FromWorker::NotReadable(words)),
        };
        let table_options = TableOptions { header_row: options.header_row, sheet: options.sheet };
        match parse(contents, &table_options) {
            Ok((table, encoding)) => {
                post(&FromWorker::Opened(OpenedTable {
                    headers: table.headers.clone(),
                    sample: table.sample.iter().take(5).cloned().collect(),
                    notes: table.notes.iter().map(|n| table_note(*n).to_string()).collect(),
                    encoding,
                    header_row: table.header_row,
                    header_candidates: table.header_candidates.clone(),
                    top_rows: table.top_rows.clone(),
                    sheets: table.sheets.clone(),
                    sheet: table.sheet,
                    columns: columns(&table, last_mapping.as_ref()),
                }));
                TABLE.with(|t| *t.borrow_mut() = Some(table));
            }
            Err(e) => post(&FromWorker::Refused(import_error(&e))),
        }
    }

    async fn read_rows(
        run: u32,
        [account, date, revenue]: [usize; 3],
        profit: Option<usize>,
        formats: Option<Formats>,
    ) {
        use_language().await;
        let importer = TABLE.with(|t| {
            let t = t.borrow();
            let table = t.as_ref()?;
            let mut mapping = table.mapping(account, date, revenue, profit);
            match formats {
                Some(f) => {
                    mapping.date_format = f.date_format;
                    mapping.date_format_guessed = f.date_format_guessed;
                    mapping.decimal = f.decimal;
                }
                None => {
                    let detected = Formats {
                        date_format: mapping.date_format,
                        date_format_guessed: mapping.date_format_guessed,
                        decimal: mapping.decimal,
                    };
                    post(&FromWorker::Formats { run, formats: detected });
                }
            }
            Some(RowImporter::new(table, mapping))
        });
        let Some(mut importer) = importer else { return };
        let started = now_ms();
        let mut last_report = started;
        while !importer.step(ROWS_PER_STEP) {
            if now_ms() - last_report < REPORT_EVERY_MS {
                continue;
            }
            let rows = importer.imported + importer.skipped_count;
            post(&FromWorker::Progress {
                run,
                progress: Progress::measure(rows, importer.progress(), now_ms() - started),
            });
            last_report = now_ms();
            pause().await;
            if CURRENT_RUN.with(Cell::get) != run {
                return;
            }
        }
        let range = importer.first_date.zip(importer.last_date);
        // Before the accounts are handed over: the grouping counts them.
        let grouping = account_grouping(importer.grouping());
        for (continues_previous, accounts) in split_months(std::mem::take(&mut importer.accounts), MONTHS_PER_MESSAGE) {
            let (accounts, columns) = to_columns(accounts);
            post_months(&FromWorker::Months { run, continues_previous, accounts }, &columns);
        }
        post(&FromWorker::Done {
            run,
            imported: importer.imported,
            skipped_count: importer.skipped_count,
            skipped: importer.skipped.iter().map(skipped_line).collect(),
            range,
            grouping,
        });
    }

    /// Makes the demo portfolio in the reader's language and posts it as a stamped workspace
    /// without stamps (the page records it as an edit).
    async fn demo() {
        use_language().await;
        let ws = kam_planner::ui::words::demo::demo_workspace();
        post(&FromWorker::Demo(StampedWorkspace::to_text(&ws, &Default::default())));
    }

    /// Posts `[json, text]`.
    fn post_text(message: &FromWorker, text: &str) {
        let _ = scope().post_message(&Array::of2(&JsValue::from_str(&message.to_json()), &JsValue::from_str(text)));
    }

    /// Reads a KAM Planner file (decrypted first with `passphrase` when it is protected) or a
    /// snapshot, and posts what the page previews and stores.
    async fn read_kam_file(name: String, bytes: Vec<u8>, passphrase: Option<String>) {
        use_language().await;
        let bytes = if is_encrypted(&bytes) {
            let Some(secret) = passphrase else { return post(&FromWorker::Locked) };
            match kam_planner::crypto::decrypt(&bytes, &secret).await {
                Ok(plain) => plain,
                Err(e) => return post(&FromWorker::Refused(format!("{name}: {}", crypto_error(&e)))),
            }
        } else {
            bytes
        };
        let text = std::str::from_utf8(&bytes).ok().and_then(StampedWorkspace::from_text);
        let (summary, withheld, stamped) = match text {
            // A snapshot: the page's own, with personal details.
            Some(Ok(snapshot)) => (String::new(), false, snapshot),
            Some(Err(e)) => return post(&FromWorker::Refused(format!("{name}: {e}"))),
            None => match read_kam(&bytes) {
                Ok(read) => (
                    read_file_summary(&name, &read),
                    read.personal_details == PersonalDetails::Removed,
                    StampedWorkspace::new(read.workspace, read.document),
                ),
                Err(e) => return post(&FromWorker::Refused(format!("{name}: {}", file_error(&e)))),
            },
        };
        let text = StampedWorkspace::to_text(&stamped.workspace, &stamped.document);
        post_text(&FromWorker::FileRead { summary, withheld }, &text);
    }

    /// Writes a KAM Planner file of the stamped workspace the page posted, protected when a
    /// passphrase is given.
    async fn write_kam_file(
        stamped: String,
        account: Option<String>,
        personal: PersonalDetails,
        passphrase: Option<String>,
        app_version: String,
        exported_at: String,
    ) {
        use_language().await;
        let stamped = match StampedWorkspace::from_text(&stamped) {
            Some(Ok(s)) => s,
            Some(Err(e)) => return post(&FromWorker::Refused(e.to_string())),
            None => return post(&FromWorker::Refused(export_problem(&ExportProblem::Garbled))),
        };
        let text = write_stamped_file(
            &stamped.workspace,
            Some(&stamped.document),
            account.as_deref(),
            personal,
            &app_version,
            &exported_at,
        );
        let text = match passphrase {
            Some(p) => match kam_planner::crypto::encrypt(&text, &p).await {
                Ok(sealed) => sealed,
                Err(e) => return post(&FromWorker::Refused(crypto_error(&e))),
            },
            None => text,
        };
        post_text(&FromWorker::FileWritten, &text);
    }

    /// Writes the CSV of `[json, names, numbers, codes]`, or the workbook of `[json, names,
    /// numbers, codes, words]`, and posts it as a `Blob`.
    fn export(data: &Array, xlsx: bool) {
        let written = (|| {
            let names = Array::from(&data.get(1)).iter().map(|n| n.as_string()).collect::<Option<Vec<_>>>();
            let numbers = Float64Array::new(&data.get(2)).to_vec();
            let codes = Uint8Array::new(&data.get(3)).to_vec();
            let (rows, matrix) =
                unpack(names.ok_or(ExportProblem::Garbled)?, &numbers, &codes).ok_or(ExportProblem::Garbled)?;
            if xlsx {
                let words = Array::from(&data.get(4)).iter().map(|w| w.as_string()).collect::<Option<Vec<_>>>();
                let words = words.and_then(WorkbookWords::from_list).ok_or(ExportProblem::Garbled)?;
                Ok((segmentation_xlsx(&rows, &matrix, &words)?, XLSX_MIME))
            } else {
                Ok((segmentation_csv_rows(&rows).into_bytes(), CSV_MIME))
            }
        })();
        let blob = written.and_then(|(bytes, mime)| {
            let options = BlobPropertyBag::new();
            options.set_type(mime);
            let parts = Array::of1(&Uint8Array::from(&bytes[..]));
            Blob::new_with_u8_array_sequence_and_options(&parts, &options)
                .map_err(|e| ExportProblem::Writer(js_words(&e)))
        });
        match blob {
            Ok(blob) => {
                let _ = scope().post_message(&Array::of2(&JsValue::from_str(&FromWorker::Exported.to_json()), &blob));
            }
            Err(problem) => post(&FromWorker::Refused(export_problem(&problem))),
        }
    }
}
