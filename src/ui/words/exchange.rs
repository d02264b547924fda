//! Words for getting data in: why a spreadsheet cannot be imported, why a row was skipped, how a
//! file was read, and the names of number and date formats. (A KAM Planner file's words are in
//! [`super::share`].)

use crate::i18n::{tr, tr_args, tr_plural};
use chrono::NaiveDate;
use kam_core::exchange::{
    AccountGrouping, Column, DateError, DateFormat, Decimal, ImportError, ImportOutcome, NumberError, SkipReason,
    Skipped, TableNote, WorkbookProblem, ZipError,
};

use super::text::plural;
use crate::import_client::WorkerProblem;
use crate::import_protocol::Progress;

/// "1,234,567": groups of three digits, as the app writes counts.
pub fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn zip_error(e: &ZipError) -> String {
    match e {
        ZipError::NoDirectory => tr("no ZIP directory found").into(),
        ZipError::Truncated => tr("truncated").into(),
        ZipError::DamagedDirectory => tr("damaged ZIP directory").into(),
        ZipError::TruncatedDirectory => tr("truncated directory").into(),
        ZipError::Zip64 => tr("ZIP64 archives (parts over 4 GB) are not supported").into(),
        ZipError::EntryTooLarge { name, limit_mb } => {
            tr_args("{name} is larger than {limit_mb} MB", &[("name", &name), ("limit_mb", &limit_mb)])
        }
        ZipError::DamagedEntry { name } => tr_args("{name}: damaged entry", &[("name", &name)]),
        ZipError::TruncatedEntry { name } => tr_args("{name}: truncated", &[("name", &name)]),
        ZipError::NotInflatable { name, status } => {
            tr_args("{name}: cannot be decompressed ({status})", &[("name", &name), ("status", &status)])
        }
        ZipError::UnsupportedMethod { name, method } => {
            tr_args("{name}: compression method {method} is not supported", &[("name", &name), ("method", &method)])
        }
    }
}

fn workbook_problem(p: &WorkbookProblem) -> String {
    match p {
        WorkbookProblem::Zip(e) => zip_error(e),
        WorkbookProblem::PartNotUtf8 { part } => tr_args("{part} is not UTF-8", &[("part", &part)]),
        WorkbookProblem::NoWorksheet => tr("no worksheet").into(),
        WorkbookProblem::Xml(detail) | WorkbookProblem::Csv(detail) => detail.clone(),
    }
}

/// Why a spreadsheet cannot be imported.
pub fn import_error(e: &ImportError) -> String {
    match e {
        ImportError::Empty => tr("The file is empty.").into(),
        ImportError::NoHeader => tr("The first row must name the columns (for example: Customer, Date, Revenue).").into(),
        ImportError::TooFewColumns(n) => tr_args("Only {0} found: an order export needs at least the customer, the date and the value. Is it a CSV or Excel file?", &[("0", &plural(*n, "column", "columns"))]),
        ImportError::Unreadable(why) => tr_args("The file cannot be read: {why}", &[("why", &why)]),
        ImportError::NotAWorkbook(e) => tr_args("The file cannot be read: this is not an Excel workbook that can be opened ({0})", &[("0", &zip_error(e))]),
        ImportError::DamagedWorkbook(p) => {
            tr_args("The file cannot be read: the Excel workbook is damaged or not supported ({0})", &[("0", &workbook_problem(p))])
        }
        ImportError::OldExcelWorkbook => tr("This is an old Excel 97–2003 workbook (.xls). Save it as .xlsx or CSV in Excel, then import that file.").into(),
        ImportError::NoSuchHeaderRow { row, rows: n } => tr_args("There is no row {0} near the top of the file (it has {1}).", &[("0", &(row + 1)), ("1", &rows(*n))]),
        ImportError::NoSuchSheet { sheet, sheets } => tr_args("There is no sheet {0} in the workbook (it has {1}).", &[("0", &(sheet + 1)), ("1", &plural(*sheets, "sheet", "sheets"))]),
    }
}

/// How a spreadsheet was read, shown above the mapping.
pub fn table_note(note: TableNote) -> &'static str {
    match note {
        TableNote::ReadAsWindows1252 => tr("The file is not UTF-8: it was read as Windows-1252 (Western European). Check the accents in the names below."),
        TableNote::FirstWorksheet => tr("Read from the first worksheet of the workbook."),
        TableNote::SeveralSheets => tr("The workbook has several sheets: the one that looks like order lines is read. Choose another sheet if it is not the right one."),
    }
}

fn column_name(column: Column) -> &'static str {
    match column {
        Column::Customer => tr("customer"),
        Column::Date => tr("date"),
        Column::Revenue => tr("revenue"),
        Column::Profit => tr("profit"),
    }
}

/// Why a cell is not a number ("\"abc\" is not a number").
pub fn number_error(e: &NumberError) -> String {
    match e {
        NumberError::Empty => tr("empty value").into(),
        NumberError::NotANumber { value } => tr_args("\"{value}\" is not a number", &[("value", &value)]),
        NumberError::TooLarge { value } => tr_args("\"{value}\" is too large", &[("value", &value)]),
    }
}

/// Why a cell is not a date.
pub fn date_error(e: &DateError) -> String {
    match e {
        DateError::Empty => tr("empty date").into(),
        DateError::WrongFormat { value, format } => tr_args(
            "\"{value}\" is not a date in the format {1}",
            &[("value", &value), ("1", &date_format_name(*format))],
        ),
        DateError::NotReal { value } => tr_args("\"{value}\" is not a real date", &[("value", &value)]),
    }
}

/// Why a row was skipped, as listed after "Line n: ".
pub fn skip_reason(reason: &SkipReason) -> String {
    match reason {
        SkipReason::Unreadable(detail) => tr_args("unreadable row ({detail})", &[("detail", &detail)]),
        SkipReason::EmptyRow => tr("empty row").into(),
        SkipReason::MissingColumn(column) => tr_args("no {0} column in this row", &[("0", &column_name(*column))]),
        SkipReason::NoCustomerName => tr("no customer name").into(),
        SkipReason::NameTooLong { max_chars } => {
            tr_args("customer name longer than {max_chars} characters", &[("max_chars", &max_chars)])
        }
        SkipReason::Date(e) => date_error(e),
        SkipReason::Revenue(e) => tr_args("revenue: {why}", &[("why", &number_error(e))]),
        SkipReason::Profit(e) => tr_args("profit: {why}", &[("why", &number_error(e))]),
        SkipReason::TotalsRow => tr("a totals row, not a customer").into(),
        SkipReason::SumOfRowsAbove => tr("the sum of the rows above (a total without a label)").into(),
    }
}

/// The heading of the skipped-rows list.
pub fn skipped_title(count: usize) -> String {
    tr_args("Skipped rows ({0})", &[("0", &thousands(count))])
}

/// The last entry of a skipped-rows list that lists only the first ones.
pub fn more_skipped(unlisted: usize) -> String {
    tr_args("… and {0} more", &[("0", &thousands(unlisted))])
}

/// One entry of the skipped-rows list.
pub fn skipped_line(s: &Skipped) -> String {
    tr_args("Line {0}: {1}", &[("0", &s.line), ("1", &(skip_reason(&s.reason)))])
}

pub fn date_format_name(format: DateFormat) -> &'static str {
    match format {
        DateFormat::Iso => "yyyy-mm-dd",
        DateFormat::DayMonthYearDots => "dd.mm.yyyy",
        DateFormat::DayMonthYearSlashes => "dd/mm/yyyy",
        DateFormat::MonthDayYearSlashes => "mm/dd/yyyy",
        DateFormat::ExcelSerial => tr("Excel serial number"),
    }
}

pub fn decimal_name(decimal: Decimal) -> &'static str {
    match decimal {
        Decimal::Dot => tr("1,234.56 (decimal point)"),
        Decimal::Comma => tr("1.234,56 (decimal comma)"),
    }
}

/// "1 row", "6,401 rows".
pub fn rows(n: usize) -> String {
    tr_plural(n, "{count} row", "{count} rows", &[("count", &thousands(n))])
}

/// What reading every row found: "6,401 rows imported, 3 skipped".
pub fn import_counts(imported: usize, skipped: usize) -> String {
    tr_args("{0} imported, {1} skipped", &[("0", &(rows(imported))), ("1", &(thousands(skipped)))])
}

/// What a confirmed import did, as the Portfolio shows it until the next file.
pub fn import_done(imported: usize, skipped: usize, outcome: &ImportOutcome) -> String {
    tr_args(
        "{counts} · {new}, {updated} updated",
        &[
            ("counts", &import_counts(imported, skipped)),
            ("new", &plural(outcome.new_accounts, "new account", "new accounts")),
            ("updated", &outcome.updated_accounts),
        ],
    )
}

/// What confirming would change, for the period the file covers.
pub fn import_preview(first: NaiveDate, last: NaiveDate, outcome: &ImportOutcome) -> String {
    tr_args(
        "Orders from {first} to {last}: {2}, {3} updated{4}.",
        &[
            ("first", &first),
            ("last", &last),
            ("2", &plural(outcome.new_accounts, "new account", "new accounts")),
            ("3", &outcome.updated_accounts),
            (
                "4",
                &(if outcome.lines_replaced > 0 {
                    tr_args(
                        ", {count} stored lines of this period replaced",
                        &[("count", &thousands(outcome.lines_replaced))],
                    )
                } else {
                    String::new()
                }),
            ),
        ],
    )
}

/// Reading and decoding a file before its rows: "Reading the file… 40 % of 12.5 MB".
pub fn reading_file(bytes_done: f64, bytes_total: f64) -> String {
    let share = if bytes_total > 0.0 { (bytes_done / bytes_total).clamp(0.0, 1.0) } else { 1.0 };
    tr_args(
        "Reading the file… {0} % of {1} MB",
        &[("0", &(format!("{:.0}", share * 100.0))), ("1", &(format!("{:.1}", bytes_total / 1e6)))],
    )
}

/// Reading every row: "Reading rows… 40 % · 80,000 rows · 410,000 rows/s · about 2 s left".
pub fn reading_rows(p: &Progress) -> String {
    let mut text = tr_args(
        "Reading rows… {0} % · {1} · {2} rows/s",
        &[
            ("0", &(format!("{:.0}", p.fraction * 100.0))),
            ("1", &rows(p.rows)),
            ("2", &(thousands(p.rows_per_second.round() as usize))),
        ],
    );
    if let Some(left) = p.seconds_left {
        text.push_str(&tr_args(" · about {0} s left", &[("0", &left.ceil().max(1.0))]));
    }
    text
}

/// The file could not be read by the browser (moved, deleted, access withdrawn).
pub fn file_not_readable(name: &str, detail: &str) -> String {
    if detail.is_empty() {
        tr_args("{name} could not be read by the browser.", &[("name", &name)])
    } else {
        tr_args("{name} could not be read by the browser ({detail}).", &[("name", &name), ("detail", &detail)])
    }
}

/// An old `.xls` workbook, which the app does not read.
pub fn old_excel(name: &str) -> String {
    tr_args(
        "{name} is an old Excel 97–2003 workbook. Save it as .xlsx or CSV in Excel, then import that file.",
        &[("name", &name)],
    )
}

/// The import's worker could not start or stopped with an error.
pub fn worker_problem(name: &str, problem: &WorkerProblem) -> String {
    match problem {
        WorkerProblem::NotStarted(why) => {
            tr_args("{name}: the import could not start in this browser ({why}). Reload the page and try again.", &[("name", &name), ("why", &why)])
        }
        WorkerProblem::Crashed(why) => tr_args("{name}: the import stopped unexpectedly ({why}). Nothing was stored. If the file is very large, export a shorter period.", &[("name", &name), ("why", &why)]),
        WorkerProblem::Garbled => {
            tr_args("{name}: the import stopped unexpectedly. Nothing was stored. Reload the page and try again.", &[("name", &name)])
        }
    }
}

/// How the rows became accounts, said in the preview when it is not simply by name.
pub fn account_grouping(grouping: AccountGrouping) -> Option<String> {
    match grouping {
        AccountGrouping::ByName => None,
        AccountGrouping::ByCustomerNumber { accounts, accounts_renamed: 0 } => {
            Some(tr_args("Grouped by customer number: {0}.", &[("0", &plural(accounts, "account", "accounts"))]))
        }
        AccountGrouping::ByCustomerNumber { accounts, accounts_renamed: 1 } => Some(tr_args(
            "Grouped by customer number: {0}; one had more than one spelling, the latest is shown.",
            &[("0", &plural(accounts, "account", "accounts"))],
        )),
        AccountGrouping::ByCustomerNumber { accounts, accounts_renamed } => Some(tr_args(
            "Grouped by customer number: {0}; {1} had more than one spelling, the latest is shown.",
            &[("0", &plural(accounts, "account", "accounts")), ("1", &thousands(accounts_renamed))],
        )),
    }
}

/// The name of a text encoding (a WHATWG label from `detect_encoding` or the picker).
pub fn encoding_name(label: &str) -> String {
    let name = match label {
        "utf-8" => "UTF-8",
        "utf-16le" => tr("UTF-16 (little-endian)"),
        "utf-16be" => tr("UTF-16 (big-endian)"),
        "windows-1250" => tr("Central European (Windows-1250)"),
        "windows-1251" => tr("Cyrillic (Windows-1251)"),
        "windows-1252" => tr("Western European (Windows-1252)"),
        "windows-1257" => tr("Baltic (Windows-1257)"),
        "iso-8859-2" => tr("Central European (ISO-8859-2)"),
        "iso-8859-4" => tr("Baltic (ISO-8859-4)"),
        "iso-8859-5" => tr("Cyrillic (ISO-8859-5)"),
        "iso-8859-13" => tr("Baltic (ISO-8859-13)"),
        "iso-8859-15" => tr("Western European (ISO-8859-15)"),
        "koi8-r" => tr("Cyrillic (KOI8-R)"),
        "koi8-u" => tr("Cyrillic (KOI8-U)"),
        "ibm866" => tr("Cyrillic (DOS 866)"),
        "gbk" => tr("Chinese, simplified (GBK)"),
        "gb18030" => tr("Chinese, simplified (GB18030)"),
        "big5" => tr("Chinese, traditional (Big5)"),
        "shift_jis" => tr("Japanese (Shift_JIS)"),
        "euc-jp" => tr("Japanese (EUC-JP)"),
        "euc-kr" => tr("Korean (EUC-KR)"),
        other => return other.to_string(),
    };
    name.to_string()
}

/// Said beside the encoding picker when the detector was not sure.
pub fn encoding_unsure(label: &str) -> String {
    tr_args(
        "The file looks like {0}, but that is a guess: if names look wrong, choose another encoding.",
        &[("0", &encoding_name(label))],
    )
}

/// The label of the encoding picker.
pub const ENCODING_LABEL: &str = "Text encoding";
/// The label of the header-row picker.
pub const HEADER_ROW_LABEL: &str = "Row with the column names";
/// The label of the sheet picker.
pub const SHEET_LABEL: &str = "Sheet";

/// Which encoding the file was decoded with, said above the picker.
pub fn encoding_used(label: &str, chosen: bool) -> String {
    if chosen {
        tr_args("Read as {0}, as you chose.", &[("0", &encoding_name(label))])
    } else {
        tr_args("Read as {0}, detected from the file.", &[("0", &encoding_name(label))])
    }
}

/// One choice of the header-row picker: "Row 3: Customer · Date · Revenue" (rows counted from 1
/// as a spreadsheet shows them; long rows cut).
pub fn header_row_option(row: usize, cells: &[String]) -> String {
    let cells: Vec<&str> = cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
    let mut text = tr_args("Row {0}: {1}", &[("0", &(row + 1)), ("1", &(cells.join(" · ")))]);
    if text.chars().count() > 60 {
        text = text.chars().take(59).collect::<String>() + "…";
    }
    text
}

/// Said when the column names are not in the first row.
pub fn header_row_found(row: usize) -> Option<String> {
    (row > 0).then(|| {
        tr_plural(
            row,
            "The column names are in row {row}: {n} row above it is not read.",
            "The column names are in row {row}: {n} rows above it are not read.",
            &[("row", &(row + 1))],
        )
    })
}

/// Shown when the column's dates do not tell day-first from month-first.
pub const DATE_FORMAT_GUESSED: &str =
    "The dates could be day-first or month-first: no value tells. Check the date format above.";
/// Shown while the customer, date or revenue column is not chosen.
pub const MAPPING_INCOMPLETE: &str =
    "Choose which columns hold the customer, the date and the revenue: the column names did not say.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn import_progress_in_words() {
        let p = Progress::measure(80_000, 0.4, 200.0);
        assert_eq!(reading_rows(&p), "Reading rows… 40 % · 80,000 rows · 400,000 rows/s · about 1 s left");
        assert_eq!(reading_rows(&Progress::measure(0, 0.0, 0.0)), "Reading rows… 0 % · 0 rows · 0 rows/s");
        assert_eq!(reading_file(5e6, 12.5e6), "Reading the file… 40 % of 12.5 MB");
    }

    #[test]
    fn import_refusals_in_words() {
        assert_eq!(
            import_error(&ImportError::TooFewColumns(1)),
            "Only 1 column found: an order export needs at least the customer, the date and the value. Is it a CSV or Excel file?"
        );
        assert!(import_error(&ImportError::TooFewColumns(2)).starts_with("Only 2 columns found"));
        assert_eq!(
            import_error(&ImportError::NotAWorkbook(ZipError::NoDirectory)),
            "The file cannot be read: this is not an Excel workbook that can be opened (no ZIP directory found)"
        );
        assert_eq!(
            import_error(&ImportError::DamagedWorkbook(WorkbookProblem::NoWorksheet)),
            "The file cannot be read: the Excel workbook is damaged or not supported (no worksheet)"
        );
        assert_eq!(table_note(TableNote::ReadAsWindows1252), "The file is not UTF-8: it was read as Windows-1252 (Western European). Check the accents in the names below.");
    }

    #[test]
    fn skipped_rows_in_words() {
        let line = |line, reason| skipped_line(&Skipped { line, reason });
        assert_eq!(
            line(4, SkipReason::Date(DateError::NotReal { value: "31.02.2025".into() })),
            "Line 4: \"31.02.2025\" is not a real date"
        );
        assert_eq!(line(5, SkipReason::NoCustomerName), "Line 5: no customer name");
        assert_eq!(
            line(6, SkipReason::Revenue(NumberError::NotANumber { value: "NaN".into() })),
            "Line 6: revenue: \"NaN\" is not a number"
        );
        assert_eq!(line(7, SkipReason::MissingColumn(Column::Revenue)), "Line 7: no revenue column in this row");
        assert_eq!(
            skip_reason(&SkipReason::Date(DateError::WrongFormat {
                value: "yesterday".into(),
                format: DateFormat::Iso
            })),
            "\"yesterday\" is not a date in the format yyyy-mm-dd"
        );
        assert_eq!(
            skip_reason(&SkipReason::NameTooLong { max_chars: 300 }),
            "customer name longer than 300 characters"
        );
        assert_eq!(number_error(&NumberError::Empty), "empty value");
        assert_eq!(line(8, SkipReason::TotalsRow), "Line 8: a totals row, not a customer");
        assert_eq!(line(9, SkipReason::SumOfRowsAbove), "Line 9: the sum of the rows above (a total without a label)");
        assert_eq!((skipped_title(1_234), more_skipped(734)), ("Skipped rows (1,234)".into(), "… and 734 more".into()));
    }

    #[test]
    fn import_and_merge_previews() {
        let outcome = ImportOutcome { new_accounts: 15, updated_accounts: 0, lines_added: 30, lines_replaced: 0 };
        assert_eq!(import_done(6_401, 1, &outcome), "6,401 rows imported, 1 skipped · 15 new accounts, 0 updated");
        assert_eq!(import_counts(1, 0), "1 row imported, 0 skipped");
        let d = |m| NaiveDate::from_ymd_opt(2025, m, 1).unwrap();
        let replaced = ImportOutcome { new_accounts: 1, updated_accounts: 2, lines_added: 3, lines_replaced: 1_200 };
        assert_eq!(import_preview(d(1), d(3), &replaced), "Orders from 2025-01-01 to 2025-03-01: 1 new account, 2 updated, 1,200 stored lines of this period replaced.");
    }

    #[test]
    fn grouping_and_encodings_in_words() {
        assert_eq!(account_grouping(AccountGrouping::ByName), None);
        assert_eq!(
            account_grouping(AccountGrouping::ByCustomerNumber { accounts: 12, accounts_renamed: 0 }).unwrap(),
            "Grouped by customer number: 12 accounts."
        );
        assert_eq!(
            account_grouping(AccountGrouping::ByCustomerNumber { accounts: 12, accounts_renamed: 3 }).unwrap(),
            "Grouped by customer number: 12 accounts; 3 had more than one spelling, the latest is shown."
        );
        for label in kam_core::exchange::PICKER_ENCODINGS {
            assert_ne!(encoding_name(label), *label, "{label} has a name");
        }
        assert!(encoding_unsure("windows-1257").starts_with("The file looks like Baltic (Windows-1257), but"));
        assert_eq!(
            import_error(&ImportError::NoSuchSheet { sheet: 3, sheets: 2 }),
            "There is no sheet 4 in the workbook (it has 2 sheets)."
        );
        assert!(import_error(&ImportError::OldExcelWorkbook).contains(".xls"));
    }

    #[test]
    fn reading_choices_in_words() {
        assert_eq!(encoding_used("gbk", false), "Read as Chinese, simplified (GBK), detected from the file.");
        assert_eq!(encoding_used("windows-1257", true), "Read as Baltic (Windows-1257), as you chose.");
        let cells = vec!["Customer".to_string(), " ".to_string(), "Date".to_string()];
        assert_eq!(header_row_option(2, &cells), "Row 3: Customer · Date");
        let long = vec!["x".repeat(100)];
        assert_eq!(header_row_option(0, &long).chars().count(), 60);
        assert_eq!(header_row_found(0), None);
        assert_eq!(header_row_found(1).unwrap(), "The column names are in row 2: 1 row above it is not read.");
        assert_eq!(header_row_found(3).unwrap(), "The column names are in row 4: 3 rows above it are not read.");
    }

    #[test]
    fn format_names_and_counts() {
        assert_eq!(date_format_name(DateFormat::ExcelSerial), "Excel serial number");
        assert_eq!(decimal_name(Decimal::Comma), "1.234,56 (decimal comma)");
        assert_eq!(
            (thousands(0), thousands(999), thousands(6_401), thousands(10_000_000)),
            ("0".into(), "999".into(), "6,401".into(), "10,000,000".into())
        );
    }
}
