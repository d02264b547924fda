//! The messages between the page and the import worker (`src/bin/import_worker.rs`), in one
//! place so both binaries agree on them. Every message travels as a JSON string: the page posts
//! `[json]`, or `[json, file]` to open a file (a `File` crosses by structured clone, without
//! being read on the page); the worker posts the JSON string alone.
//!
//! The order of a conversation: the worker says [`FromWorker::Ready`] once its wasm runs (earlier
//! messages would be lost); the page sends [`ToWorker::Open`]; the worker reports
//! [`FromWorker::Loading`] while it reads and decodes, then [`FromWorker::Opened`] (or
//! [`FromWorker::Refused`]). A [`ToWorker::Reopen`] reads the same file again with what the user
//! chose (encoding, header row, sheet) and is answered the same way. Each [`ToWorker::Read`] of the rows with a mapping has a number; a
//! newer one supersedes the older, whose messages the page then ignores.
//!
//! What the core reports as typed facts (why a file is refused, why a row is skipped, how it was
//! read) crosses already worded: the worker links the same words (`ui::words::exchange`), and the
//! page then needs no deserialiser for those types (about 20 KB gzipped of its wasm).

use chrono::NaiveDate;
use kam_core::exchange::{DateFormat, Decimal, ImportedAccount, PersonalDetails};
use kam_core::merge::StampedDoc;
use kam_core::model::{MonthTotal, Workspace};
use serde::{Deserialize, Serialize};

/// The file the worker is built into, as Trunk names it (`data-bin="import-worker"` with a
/// loader shim). Absolute, because the app's pages live at nested paths.
pub const WORKER_URL: &str = "/import-worker_loader.js";

/// How many monthly totals one [`FromWorker::Months`] message carries: small enough that the
/// page reads one in a few milliseconds, so the hand-over of a large file never blocks it.
pub const MONTHS_PER_MESSAGE: usize = 5_000;

/// Which column holds what; `None` where neither the guess nor the user has chosen one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Columns {
    pub account: Option<usize>,
    pub date: Option<usize>,
    pub revenue: Option<usize>,
    pub profit: Option<usize>,
}

/// How dates and numbers are written, as detected from the sample or chosen by the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Formats {
    pub date_format: DateFormat,
    /// True when the date format was a guess the data could not confirm.
    pub date_format_guessed: bool,
    pub decimal: Decimal,
}

/// What the user chose in the mapping step about how the file is read; `None` where the worker
/// decides (the detected encoding, the first row that looks like a header, the first sheet that
/// looks like order lines).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadOptions {
    /// A WHATWG label, one of kam-core's `PICKER_ENCODINGS`.
    #[serde(default)]
    pub encoding: Option<String>,
    #[serde(default)]
    pub header_row: Option<usize>,
    #[serde(default)]
    pub sheet: Option<usize>,
}

/// The text encoding a CSV was decoded with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EncodingUsed {
    /// A WHATWG label.
    pub label: String,
    /// False when the detector could not tell it from another (never false for the user's choice).
    pub confident: bool,
    /// True when the user chose it.
    pub chosen: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ToWorker {
    /// Read the file posted alongside, named `name`. `last_mapping` is the header names of the
    /// previous confirmed import (customer, date, revenue, profit), preferred to the guess when
    /// this file has them: the page's preferences are not readable in a worker.
    Open {
        name: String,
        last_mapping: Option<[String; 4]>,
        #[serde(default)]
        options: ReadOptions,
    },
    /// Read the file of the last [`ToWorker::Open`] again with these choices.
    Reopen { options: ReadOptions },
    /// Read every row with these columns. `formats: None` asks the worker to detect them from
    /// the sample (and report them) first.
    Read { run: u32, account: usize, date: usize, revenue: usize, profit: Option<usize>, formats: Option<Formats> },
    /// Write the segmentation as its CSV (`crate::segmentation_export`). Posted as `[json, names,
    /// numbers, codes]`: the accounts' names (a JS array of strings) and what
    /// `segmentation_export::pack` makes (a `Float64Array` and a `Uint8Array`). Answered by
    /// [`FromWorker::Exported`] or [`FromWorker::Refused`].
    ExportCsv,
    /// The same as an Excel workbook, posted with a fifth part: the workbook's words in the
    /// reader's language (`segmentation_export::WorkbookWords::to_list`, a JS array of strings),
    /// as the worker has no language.
    ExportXlsx,
    /// The reader's language (a tag of `crate::i18n::Lang`), posted before any request when it
    /// is not the one last posted: the worker fetches that language's catalogue, as the page
    /// does, and words its notes, refusals and skipped rows in it.
    Language { tag: String },
    /// Make the demo portfolio, in the reader's language, dated from today. Answered by
    /// [`FromWorker::Demo`]: its code and texts live in the worker, not in every visitor's page.
    Demo,
    /// Check and read a KAM Planner file, or a snapshot, posted as `[json, bytes]` (a
    /// `Uint8Array`); `passphrase` opens a protected one. Answered by [`FromWorker::FileRead`],
    /// [`FromWorker::Locked`] (protected, and no passphrase given) or [`FromWorker::Refused`]
    /// (worded). The file format's reader, its refusals' words and the decryption live in the
    /// worker, not in every visitor's page.
    ReadFile { name: String, passphrase: Option<String> },
    /// Write a KAM Planner file of the workspace posted as `[json, stamped]` (the text of a
    /// [`StampedWorkspace`]): the whole of it or one `account`, with or without personal
    /// details, protected when `passphrase` is given. Answered by [`FromWorker::FileWritten`] or
    /// [`FromWorker::Refused`].
    WriteFile {
        account: Option<String>,
        personal: PersonalDetails,
        passphrase: Option<String>,
        app_version: String,
        exported_at: String,
    },
}

/// A workspace with its change stamps as the page and the worker hand it to each other, in the
/// shapes the store keeps, and as a snapshot is stored (older snapshots are KAM Planner files).
/// Its text starts with [`STAMPED_WORKSPACE_MARK`], which tells a snapshot from a file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StampedWorkspace {
    pub stamped_workspace: u32,
    pub workspace: Workspace,
    pub document: StampedDoc,
}

/// How the text of a [`StampedWorkspace`] begins.
pub const STAMPED_WORKSPACE_MARK: &str = "{\"stampedWorkspace\":";

impl StampedWorkspace {
    pub fn new(workspace: Workspace, document: StampedDoc) -> Self {
        StampedWorkspace { stamped_workspace: 1, workspace, document }
    }

    /// The text, beginning with [`STAMPED_WORKSPACE_MARK`].
    pub fn to_text(workspace: &Workspace, document: &StampedDoc) -> String {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Borrowed<'a> {
            stamped_workspace: u32,
            workspace: &'a Workspace,
            document: &'a StampedDoc,
        }
        serde_json::to_string(&Borrowed { stamped_workspace: 1, workspace, document }).expect("the model serialises")
    }

    /// `None` for a text that is not one (a KAM Planner file, say).
    pub fn from_text(text: &str) -> Option<Result<Self, serde_json::Error>> {
        text.starts_with(STAMPED_WORKSPACE_MARK).then(|| {
            serde_json::from_str::<Self>(text).map(|mut s| {
                // A snapshot kept before monthly totals: its stamps hold each month's order lines.
                kam_core::merge::workspace::upgrade_history_months(&mut s.document);
                s
            })
        })
    }
}

/// What the worker found at the top of the file: the page keeps it for the mapping step as it
/// came.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenedTable {
    pub headers: Vec<String>,
    pub sample: Vec<Vec<String>>,
    /// How the file was read, worded.
    pub notes: Vec<String>,
    /// `None` for a workbook, which holds text, not bytes to decode.
    pub encoding: Option<EncodingUsed>,
    /// The row the column names came from (0 is the file's first row).
    pub header_row: usize,
    /// The rows the header-row picker offers, with the file's first rows to show them.
    pub header_candidates: Vec<usize>,
    pub top_rows: Vec<Vec<String>>,
    /// A workbook's sheet names (empty for CSV) and the sheet read.
    pub sheets: Vec<String>,
    pub sheet: Option<usize>,
    /// The columns guessed (or those of the last import, where they fit).
    pub columns: Columns,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum FromWorker {
    Ready,
    /// The file [`ToWorker::ExportCsv`] or [`ToWorker::ExportXlsx`] asked for, posted as
    /// `[json, blob]`: a `Blob` the page downloads as it is, without copying it into its memory.
    Exported,
    /// The demo portfolio [`ToWorker::Demo`] asked for: the text of a [`StampedWorkspace`]
    /// without stamps.
    Demo(String),
    /// Reading and decoding the file, before its rows can be parsed.
    Loading {
        bytes_done: f64,
        bytes_total: f64,
    },
    /// The file is readable: what the mapping step shows.
    Opened(OpenedTable),
    /// Why the file cannot be imported, worded.
    Refused(String),
    /// The file [`ToWorker::ReadFile`] asked for, read: its first line for the preview (what it
    /// holds and when it was exported, worded), whether it withholds personal details, and,
    /// posted alongside as `[json, text]`, the text of its [`StampedWorkspace`].
    FileRead {
        summary: String,
        withheld: bool,
    },
    /// The file is passphrase-protected: ask for the passphrase, and read it again with it.
    Locked,
    /// The file [`ToWorker::WriteFile`] asked for, posted alongside as `[json, text]`.
    FileWritten,
    /// Named `.xls` and not a ZIP archive: an Excel 97–2003 workbook, which is not read.
    OldExcel,
    /// The browser could not read the file (it was moved, or access was withdrawn); its words.
    NotReadable(String),
    /// The formats detected for a [`ToWorker::Read`] that asked for them.
    Formats {
        run: u32,
        formats: Formats,
    },
    Progress {
        run: u32,
        progress: Progress,
    },
    /// Part of the result, in file order: each account's name and how many of the monthly
    /// totals that travel alongside as [`MonthColumns`] are its. When `continues_previous`, the
    /// first entry is more months of the account the previous message ended with.
    Months {
        run: u32,
        continues_previous: bool,
        accounts: Vec<(String, usize)>,
    },
    /// Every row is read; all [`FromWorker::Months`] of this run came before.
    Done {
        run: u32,
        imported: usize,
        skipped_count: usize,
        /// The first skipped rows, each worded as "Line n: why".
        skipped: Vec<String>,
        range: Option<(NaiveDate, NaiveDate)>,
        /// How rows became accounts when not simply by name ("Grouped by customer number: …").
        grouping: Option<String>,
    },
}

/// How far reading the rows has come, for the progress line.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// Rows read so far, imported or skipped.
    pub rows: usize,
    /// Share of the file read, 0 to 1.
    pub fraction: f64,
    pub rows_per_second: f64,
    /// `None` until enough is read to say.
    pub seconds_left: Option<f64>,
}

impl Progress {
    /// From the rows and share of the file read after `elapsed_ms`. Time left assumes the rest
    /// of the file reads at the speed so far (rows are of similar length in an export).
    pub fn measure(rows: usize, fraction: f64, elapsed_ms: f64) -> Self {
        let fraction = if fraction.is_finite() { fraction.clamp(0.0, 1.0) } else { 0.0 };
        let seconds = elapsed_ms.max(0.0) / 1000.0;
        let rows_per_second = if seconds > 0.0 { rows as f64 / seconds } else { 0.0 };
        let seconds_left = (fraction > 0.0 && seconds > 0.0).then(|| seconds * (1.0 - fraction) / fraction);
        Progress { rows, fraction, rows_per_second, seconds_left }
    }
}

impl ToWorker {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("the messages hold no maps with non-string keys")
    }

    pub fn from_json(json: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(json)
    }
}

impl FromWorker {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("the messages hold no maps with non-string keys")
    }

    pub fn from_json(json: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(json)
    }
}

/// The monthly totals of a [`FromWorker::Months`] message as five columns, posted as typed arrays
/// beside the JSON (transferred, not copied). Measured with order lines: as JSON, reading 5,000
/// of them took the page 8–20 ms per message and over 50 ms for the first ones; as columns it is
/// a copy.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MonthColumns {
    /// `year * 12 + month - 1` ([`MonthTotal::index`]).
    pub month: Vec<i32>,
    pub lines: Vec<u32>,
    pub revenue: Vec<f64>,
    /// NaN where the month has no profit (a parsed profit is never NaN).
    pub profit: Vec<f64>,
    /// The day of the last purchase, 0 for none.
    pub last_purchase: Vec<u32>,
}

/// Splits accounts into what the JSON carries (names and month counts) and the columns.
pub fn to_columns(accounts: Vec<ImportedAccount>) -> (Vec<(String, usize)>, MonthColumns) {
    let mut columns = MonthColumns::default();
    let names = accounts
        .into_iter()
        .map(|a| {
            for m in &a.months {
                columns.month.push(m.index());
                columns.lines.push(m.lines);
                columns.revenue.push(m.revenue);
                columns.profit.push(m.profit.unwrap_or(f64::NAN));
                columns.last_purchase.push(m.last_purchase.unwrap_or(0));
            }
            (a.name, a.months.len())
        })
        .collect();
    (names, columns)
}

/// The inverse of [`to_columns`]; `None` when the counts and the columns disagree, or a month
/// is not one.
pub fn from_columns(names: Vec<(String, usize)>, columns: MonthColumns) -> Option<Vec<ImportedAccount>> {
    let total: usize = names.iter().map(|(_, n)| n).sum();
    let c = &columns;
    if [c.month.len(), c.lines.len(), c.revenue.len(), c.profit.len(), c.last_purchase.len()]
        .iter()
        .any(|&n| n != total)
    {
        return None;
    }
    let mut at = 0;
    names
        .into_iter()
        .map(|(name, n)| {
            let months = (at..at + n)
                .map(|i| {
                    let m = MonthTotal {
                        year: c.month[i].div_euclid(12),
                        month: c.month[i].rem_euclid(12) as u32 + 1,
                        lines: c.lines[i],
                        revenue: c.revenue[i],
                        profit: Some(c.profit[i]).filter(|p| !p.is_nan()),
                        last_purchase: Some(c.last_purchase[i]).filter(|&d| d > 0),
                    };
                    m.is_valid().then_some(m)
                })
                .collect::<Option<Vec<_>>>()?;
            at += n;
            Some(ImportedAccount { name, months })
        })
        .collect()
}

/// Cuts the result into messages of at most `max_months` monthly totals each (an account with
/// more months spans several), keeping file order. Each item says whether its first entry
/// continues the account the previous item ended with.
pub fn split_months(accounts: Vec<ImportedAccount>, max_months: usize) -> Vec<(bool, Vec<ImportedAccount>)> {
    let max_months = max_months.max(1);
    let mut out = Vec::new();
    let mut batch: Vec<ImportedAccount> = Vec::new();
    let mut room = max_months;
    let mut continues = false;
    for account in accounts {
        // Taken from the front by an iterator: splitting the vector off piece by piece would move
        // the rest each time, quadratic for one account with very many months.
        let mut left = account.months.len();
        let mut months = account.months.into_iter();
        let mut first_piece = true;
        loop {
            let take = left.min(room);
            left -= take;
            // Empty pieces only for an account that has no months at all (never sent empty
            // otherwise): it still has to arrive.
            if take > 0 || (first_piece && left == 0) {
                batch
                    .push(ImportedAccount { name: account.name.clone(), months: months.by_ref().take(take).collect() });
            }
            room -= take;
            if room == 0 {
                out.push((continues, std::mem::take(&mut batch)));
                room = max_months;
                continues = left > 0;
            }
            if left == 0 {
                break;
            }
            first_piece = false;
        }
    }
    if !batch.is_empty() {
        out.push((continues, batch));
    }
    out
}

/// Puts a [`FromWorker::Months`] message back together with what came before: the inverse of
/// [`split_months`].
pub fn join_months(into: &mut Vec<ImportedAccount>, continues_previous: bool, batch: Vec<ImportedAccount>) {
    let mut batch = batch.into_iter();
    if continues_previous {
        if let (Some(last), Some(first)) = (into.last_mut(), batch.next()) {
            last.months.extend(first.months);
        }
    }
    into.extend(batch);
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// An account with `months` monthly totals, one a month from January 2020.
    fn account(name: usize, months: usize) -> ImportedAccount {
        ImportedAccount {
            name: format!("Customer {name}"),
            months: (0..months)
                .map(|i| MonthTotal {
                    year: 2020 + i as i32 / 12,
                    month: i as u32 % 12 + 1,
                    lines: 1 + i as u32,
                    revenue: i as f64,
                    profit: None,
                    last_purchase: Some(1),
                })
                .collect(),
        }
    }

    proptest! {
        #[test]
        fn split_then_join_is_identity(sizes in prop::collection::vec(0usize..60, 0..20), max in 1usize..25) {
            let accounts: Vec<_> = sizes.iter().enumerate().map(|(i, &n)| account(i, n)).collect();
            let parts = split_months(accounts.clone(), max);
            let mut joined = Vec::new();
            for (continues, batch) in parts.clone() {
                let months: usize = batch.iter().map(|a| a.months.len()).sum();
                prop_assert!(months <= max, "a message holds {} months, more than {}", months, max);
                join_months(&mut joined, continues, batch);
            }
            prop_assert_eq!(joined, accounts);
        }
    }

    proptest! {
        #[test]
        fn columns_carry_every_month(
            months in prop::collection::vec((-2_000i32..30_000, 0u32..5_000, -1e9f64..1e9, prop::option::of(-1e6f64..1e6), prop::option::of(1u32..=28)), 0..40),
            cut in 0usize..40,
        ) {
            let cut = cut.min(months.len());
            let total = |&(index, lines, revenue, profit, last_purchase): &(i32, u32, f64, Option<f64>, Option<u32>)| MonthTotal {
                year: index.div_euclid(12),
                month: index.rem_euclid(12) as u32 + 1,
                lines,
                revenue,
                profit,
                last_purchase,
            };
            let accounts = vec![
                ImportedAccount { name: "A".into(), months: months[..cut].iter().map(total).collect() },
                ImportedAccount { name: "B".into(), months: months[cut..].iter().map(total).collect() },
            ];
            let (names, columns) = to_columns(accounts.clone());
            prop_assert_eq!(from_columns(names, columns), Some(accounts));
        }
    }

    #[test]
    fn a_stamped_workspace_survives_its_text_and_is_told_from_a_file() {
        use kam_core::exchange::{read_file, write_stamped_file};
        let ws = kam_core::merge::fixtures::accounts_with_history(3);
        let file = write_stamped_file(&ws, None, None, PersonalDetails::Included, "test", "2026-12-01T10:00:00Z");
        let document = read_file(file.as_bytes()).unwrap().document;
        let text = StampedWorkspace::to_text(&ws, &document);
        assert!(text.starts_with(STAMPED_WORKSPACE_MARK));
        assert_eq!(StampedWorkspace::from_text(&text).unwrap().unwrap(), StampedWorkspace::new(ws, document));
        assert!(StampedWorkspace::from_text(&file).is_none(), "a KAM Planner file is not a stamped workspace");
        assert!(StampedWorkspace::from_text("{\"stampedWorkspace\":1}").unwrap().is_err());
    }

    #[test]
    fn columns_that_disagree_with_the_counts_are_refused() {
        let (names, mut columns) = to_columns(vec![account(1, 3)]);
        columns.profit.pop();
        assert_eq!(from_columns(names.clone(), columns), None);
        let (_, mut columns) = to_columns(vec![account(1, 3)]);
        columns.last_purchase[1] = 30;
        assert_eq!(from_columns(names, columns), None, "the second month is February: no 30th");
    }

    #[test]
    fn a_large_account_spans_messages() {
        let parts = split_months(vec![account(1, 5), account(2, 2)], 3);
        let shape: Vec<_> =
            parts.iter().map(|(c, b)| (*c, b.iter().map(|a| a.months.len()).collect::<Vec<_>>())).collect();
        assert_eq!(shape, vec![(false, vec![3]), (true, vec![2, 1]), (true, vec![1])]);
    }

    #[test]
    fn progress_says_speed_and_time_left() {
        let p = Progress::measure(50_000, 0.25, 500.0);
        assert_eq!(p.rows_per_second, 100_000.0);
        assert_eq!(p.seconds_left, Some(1.5));
        assert_eq!(Progress::measure(0, 0.0, 0.0).seconds_left, None);
        assert_eq!(Progress::measure(10, f64::NAN, 100.0).fraction, 0.0);
    }

    #[test]
    fn messages_survive_json() {
        let m = FromWorker::Months { run: 3, continues_previous: true, accounts: vec![("Customer 7".into(), 2)] };
        assert_eq!(FromWorker::from_json(&m.to_json()).unwrap(), m);
        let m = FromWorker::Refused("Only 2 columns found.".into());
        assert_eq!(FromWorker::from_json(&m.to_json()).unwrap(), m);
        let m = ToWorker::Reopen {
            options: ReadOptions { encoding: Some("windows-1257".into()), header_row: Some(2), sheet: None },
        };
        assert_eq!(ToWorker::from_json(&m.to_json()).unwrap(), m);
        // A page of the previous build sends `Open` without options: the worker decides.
        let old = r#"{"Open":{"name":"a.csv","last_mapping":null}}"#;
        let ToWorker::Open { options, .. } = ToWorker::from_json(old).unwrap() else { panic!("not an Open") };
        assert_eq!(options, ReadOptions::default());
        let m = ToWorker::Read { run: 1, account: 0, date: 1, revenue: 2, profit: None, formats: None };
        assert_eq!(ToWorker::from_json(&m.to_json()).unwrap(), m);
    }
}
