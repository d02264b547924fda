//! Words for getting data in and out: why a KAM Planner file or a protected file is refused,
//! why a spreadsheet cannot be imported, why a row was skipped, how a file was read, and the
//! names of number and date formats.

use crate::i18n::{tr, tr_args, tr_plural};
use chrono::NaiveDate;
use kam_core::exchange::{
    AccountGrouping, Column, DateError, DateFormat, Decimal, FileError, ImportError, ImportOutcome, NumberError,
    PersonalDetails, ReadFile, Scope, SkipReason, Skipped, TableNote, WorkbookProblem, ZipError,
};

use super::text::plural;
use crate::crypto::{CryptoError, CryptoStep};
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

/// serde_json's words for a type error, with the names only a programmer knows replaced.
fn serde_words(detail: &str) -> String {
    detail
        .replace("struct FileData", tr("an object with accounts, history and dossiers"))
        .replace("expected u32", tr("expected a whole number from 0"))
        .replace("expected f64", tr("expected a number"))
}

/// Why a KAM Planner file (or a protected file's wrapper) is refused.
pub fn file_error(e: &FileError) -> String {
    match e {
        FileError::TooLarge { max_mb } => tr_args("The file is larger than {max_mb} MB: it is not a KAM Planner file, or it is damaged.", &[("max_mb", &max_mb)]),
        FileError::NotUtf8 => tr("The file is not a text file in UTF-8: it is not a KAM Planner file.").into(),
        FileError::Empty => tr("The file is empty.").into(),
        FileError::TooDeep { max_depth } => tr_args("The file nests data more than {max_depth} levels deep: it is not a KAM Planner file.", &[("max_depth", &max_depth)]),
        FileError::JsonNotAnObject => tr("This is not a KAM Planner file (it is JSON, but not an object).").into(),
        FileError::NotKamPlanner => tr("This is not a KAM Planner file.").into(),
        FileError::InvalidJson { message, line, column } => tr_args("The file is not valid JSON: {message} at line {line}, column {column}.", &[("message", &message), ("line", &line), ("column", &column)]),
        FileError::WrongFormat => tr("This is not a KAM Planner file (its \"format\" is not \"kam-planner\").").into(),
        FileError::VersionNotAWholeNumber => tr("The file's \"version\" is missing or not a whole number.").into(),
        FileError::NewerVersion { version, newest } => tr_args("The file was made by a newer KAM Planner (file format {version}; this one reads up to {newest}). Update the app, or ask the sender to export again.", &[("version", &version), ("newest", &newest)]),
        FileError::VersionZero => tr("The file's \"version\" is 0, which no KAM Planner writes.").into(),
        FileError::ChecksumMismatch => tr("The file's checksum does not match its content: it was changed or damaged after export.").into(),
        FileError::Incomplete { detail } => tr_args("The file is incomplete: {0}.", &[("0", &serde_words(detail))]),
        FileError::UnknownData { detail } => tr_args("The file holds data this KAM Planner does not know: {0}.", &[("0", &serde_words(detail))]),
        FileError::WrongField { field, detail } => tr_args("The field \"{field}\" has a wrong type or value: {1}.", &[("field", &field), ("1", &serde_words(detail))]),
        FileError::NotKamPlannerData { detail } => tr_args("The file is not a KAM Planner file: {0}.", &[("0", &serde_words(detail))]),
        FileError::WrongData { detail } => tr_args("The file's data is wrong: {detail}.", &[("detail", &detail)]),
        FileError::Malformed { detail } => detail.clone(),
        FileError::AccountWithoutIdOrName => tr("An account in the file has no id or no name.").into(),
        FileError::DuplicateAccount { id } => tr_args("The account id \"{id}\" appears twice in the file.", &[("id", &id)]),
        FileError::HistoryForUnknownAccount { account_id } => tr_args("Order history for \"{account_id}\", an account the file does not contain.", &[("account_id", &account_id)]),
        FileError::HistoryNotFinite { account_id } => tr_args("Order history of \"{account_id}\" holds a number that is not finite.", &[("account_id", &account_id)]),
        FileError::DuplicateHistory { account_id } => tr_args("Order history for \"{account_id}\" appears twice in the file.", &[("account_id", &account_id)]),
        FileError::DossierForUnknownAccount { account_id } => tr_args("A dossier for \"{account_id}\", an account the file does not contain.", &[("account_id", &account_id)]),
        FileError::DuplicateDossier { account_id } => tr_args("Two dossiers for \"{account_id}\" in the file.", &[("account_id", &account_id)]),
        FileError::InvalidProgramme { problems } => tr_args("The file's programme settings are wrong: {0}", &[("0", &super::programme::programme_problems(problems).join(" "))]),
        FileError::ProtectedNotUtf8 => tr("The protected file is not UTF-8: it is damaged.").into(),
        FileError::ProtectedDamaged { detail } => tr_args("The protected file is damaged: {detail}.", &[("detail", &detail)]),
        FileError::NotProtected => tr("This is not a passphrase-protected KAM Planner file.").into(),
        FileError::ProtectedNewerVersion { version, newest } => {
            tr_args("The protected file was made by a newer KAM Planner (version {version}; this one reads {newest}).", &[("version", &version), ("newest", &newest)])
        }
        FileError::ProtectedUnknownMethod => tr("The file is protected with a method this KAM Planner does not use.").into(),
        FileError::ProtectedIterations { iterations, min, max } => tr_args("The file asks for {iterations} key-derivation rounds; accepted are {1} to {2}.", &[("iterations", &iterations), ("1", &thousands(*min as usize)), ("2", &thousands(*max as usize))]),
        FileError::ProtectedNotBase64 { part } => tr_args("The protected file is damaged ({0} is not base64).", &[("0", &part.id())]),
        FileError::ProtectedWrongLength => tr("The protected file is damaged (salt, iv or ciphertext has the wrong length).").into(),
    }
}

fn crypto_step(step: CryptoStep) -> &'static str {
    match step {
        CryptoStep::WebCrypto => "WebCrypto",
        CryptoStep::ReadingPassphrase => tr("Reading the passphrase"),
        CryptoStep::DerivingKey => tr("Deriving the key"),
        CryptoStep::RandomNumbers => tr("Random numbers"),
        CryptoStep::Encryption => tr("Encryption"),
        CryptoStep::Decryption => tr("Decryption"),
    }
}

/// Why protecting or opening a protected file failed.
pub fn crypto_error(e: &CryptoError) -> String {
    match e {
        CryptoError::NoWindow => tr("no window").into(),
        CryptoError::Failed { step, detail } => {
            tr_args("{0} failed in this browser ({detail})", &[("0", &crypto_step(*step)), ("detail", &detail)])
        }
        CryptoError::File(e) => file_error(e),
        CryptoError::WrongPassphrase => tr("Wrong passphrase, or the file was changed after it was protected.").into(),
    }
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

/// The first line of a KAM Planner file's preview: what it holds, and when it was exported.
pub fn read_file_summary(name: &str, read: &ReadFile) -> String {
    let scope = match read.scope {
        Scope::Workspace => tr("a whole workspace"),
        Scope::Account => tr("one account plan"),
    };
    let personal = match read.personal_details {
        PersonalDetails::Included => tr("with personal details"),
        PersonalDetails::Removed => tr("without personal details"),
    };
    tr_args(
        "{name}: {scope}, {personal}, exported {date}.",
        &[
            ("name", &name),
            ("scope", &scope),
            ("personal", &personal),
            ("date", &read.exported_at.chars().take(10).collect::<String>()),
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
    use kam_core::exchange::{SealedPart, MAX_ITERATIONS, MIN_ITERATIONS};

    #[test]
    fn import_progress_in_words() {
        let p = Progress::measure(80_000, 0.4, 200.0);
        assert_eq!(reading_rows(&p), "Reading rows… 40 % · 80,000 rows · 400,000 rows/s · about 1 s left");
        assert_eq!(reading_rows(&Progress::measure(0, 0.0, 0.0)), "Reading rows… 0 % · 0 rows · 0 rows/s");
        assert_eq!(reading_file(5e6, 12.5e6), "Reading the file… 40 % of 12.5 MB");
    }

    #[test]
    fn file_refusals_in_words() {
        let cases = [
            (
                FileError::InvalidJson { message: "key must be a string".into(), line: 3, column: 3 },
                "The file is not valid JSON: key must be a string at line 3, column 3.",
            ),
            (FileError::WrongFormat, "This is not a KAM Planner file (its \"format\" is not \"kam-planner\")."),
            (FileError::Incomplete { detail: "missing field `appVersion`".into() }, "The file is incomplete: missing field `appVersion`."),
            (
                FileError::NewerVersion { version: 3, newest: 2 },
                "The file was made by a newer KAM Planner (file format 3; this one reads up to 2). Update the app, or ask the sender to export again.",
            ),
            (FileError::ChecksumMismatch, "The file's checksum does not match its content: it was changed or damaged after export."),
            (
                FileError::WrongField { field: "is_key".into(), detail: "invalid type: string \"yes\", expected a boolean".into() },
                "The field \"is_key\" has a wrong type or value: invalid type: string \"yes\", expected a boolean.",
            ),
            (
                FileError::UnknownData { detail: "unknown field `secret`, expected one of `accounts`".into() },
                "The file holds data this KAM Planner does not know: unknown field `secret`, expected one of `accounts`.",
            ),
            (FileError::TooDeep { max_depth: 64 }, "The file nests data more than 64 levels deep: it is not a KAM Planner file."),
            (FileError::NotUtf8, "The file is not a text file in UTF-8: it is not a KAM Planner file."),
            (FileError::DuplicateAccount { id: "acme".into() }, "The account id \"acme\" appears twice in the file."),
            (
                FileError::DossierForUnknownAccount { account_id: "acme".into() },
                "A dossier for \"acme\", an account the file does not contain.",
            ),
            (
                FileError::ProtectedIterations { iterations: 1000, min: MIN_ITERATIONS, max: MAX_ITERATIONS },
                "The file asks for 1000 key-derivation rounds; accepted are 100,000 to 10,000,000.",
            ),
            (FileError::ProtectedNotBase64 { part: SealedPart::Iv }, "The protected file is damaged (iv is not base64)."),
            (
                FileError::ProtectedNewerVersion { version: 3, newest: 1 },
                "The protected file was made by a newer KAM Planner (version 3; this one reads 1).",
            ),
        ];
        for (e, words) in cases {
            assert_eq!(file_error(&e), words);
        }
        let wrong = FileError::WrongField {
            field: "accounts".into(),
            detail: "invalid type: integer `1`, expected u32".into(),
        };
        assert_eq!(file_error(&wrong), "The field \"accounts\" has a wrong type or value: invalid type: integer `1`, expected a whole number from 0.");
        assert_eq!(
            crypto_error(&CryptoError::WrongPassphrase),
            "Wrong passphrase, or the file was changed after it was protected."
        );
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
        let read = ReadFile {
            scope: Scope::Account,
            personal_details: PersonalDetails::Included,
            exported_at: "2026-11-24T12:00:00Z".into(),
            app_version: "0.1.0".into(),
            workspace: Default::default(),
            document: Default::default(),
        };
        assert_eq!(
            read_file_summary("plan.kam.json", &read),
            "plan.kam.json: one account plan, with personal details, exported 2026-11-24."
        );
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
