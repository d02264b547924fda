//! Getting data in and out: spreadsheet (CSV) import of order lines, and CSV export of the
//! segmentation.

mod dates;
mod encrypted;
mod file_format;
mod import;
mod numbers;
mod segmentation_csv;
mod xlsx;
mod zip_reader;

pub use file_format::{
    checksum, merge, preview_merge, read_file, redact, write_file, MergePreview, PersonalDetails, ReadFile, Scope, FORMAT_NAME, FORMAT_VERSION,
};
pub use encrypted::{is_encrypted, read_encrypted, write_encrypted, Sealed, PBKDF2_ITERATIONS};
pub use dates::{detect_date_format, parse_date, DateFormat};
pub use import::{
    apply_import, guess_mapping, parse_table, ColumnMapping, ImportError, ImportOutcome, ImportedLine, RowImporter,
    Skipped, Table,
};
pub use numbers::{detect_decimal, parse_number, parse_typed_number, Decimal};
pub use xlsx::{looks_like_xlsx, parse_xlsx};
pub use segmentation_csv::{neutralise_cell, segmentation_csv, SEGMENTATION_CSV_HEADER};
mod ics;
pub use ics::{reminders_to_ics, EventWords};
