//! Getting data in and out: spreadsheet (CSV) import of order lines, and CSV export of the
//! segmentation.

mod dates;
mod encoding;
mod encrypted;
mod file_format;
mod import;
mod legacy;
mod numbers;
mod ods;
mod redact;
mod segmentation_csv;
mod totals;
mod xlsx;
mod zip_reader;

pub use dates::{detect_date_format, parse_date, DateError, DateFormat};
pub use encoding::{detect_encoding, EncodingGuess, PICKER_ENCODINGS};
pub use encrypted::{
    is_encrypted, read_encrypted, write_encrypted, Sealed, MAX_ITERATIONS, MIN_ITERATIONS, PBKDF2_ITERATIONS,
};
pub use file_format::{
    checksum, read_file, write_file, write_stamped_file, FileError, PersonalDetails, ReadFile, Scope, SealedPart,
    FORMAT_NAME, FORMAT_VERSION, MAX_DEPTH, MAX_FILE_BYTES,
};
pub use import::{
    apply_import, guess_columns, guess_mapping, import_outcome, looks_like_old_excel, parse_table, parse_text,
    AccountGrouping, Column, ColumnGuess, ColumnMapping, ImportError, ImportOutcome, ImportedAccount, RowImporter,
    SkipReason, Skipped, Table, TableNote, TableOptions, MAX_NAME_CHARS,
};
pub use numbers::{detect_decimal, parse_number, parse_typed_number, Decimal, NumberError};
pub use redact::{redact, REDACTED};
pub use segmentation_csv::{neutralise_cell, segmentation_csv, segmentation_csv_rows, SEGMENTATION_CSV_HEADER};
pub use totals::is_totals_label;
pub use xlsx::{looks_like_ods, looks_like_xlsx, parse_xlsx, read_workbook, WorkbookProblem};
pub use zip_reader::ZipError;
mod ics;
pub use ics::{reminders_to_ics, EventWords};
