//! Words of the segmentation workbook (`.xlsx`): its sheet names and headings. The workbook is
//! written in the import worker (`crate::segmentation_export`), which links these words, so the page
//! sends figures and names only.

use crate::i18n::{tr, tr_args};
use kam_core::analysis::Flag;

use super::segmentation::flag_label;
use crate::segmentation_export::ExportProblem;

/// The sheet with one row per account.
pub fn accounts_sheet() -> &'static str {
    "Accounts"
}

/// The sheet with the 3×3 ABC–XYZ counts and values.
pub fn matrix_sheet() -> &'static str {
    "Matrix"
}

/// The Accounts sheet's header row: the CSV export's columns in its order, after the rank.
pub fn account_headings() -> [&'static str; 9] {
    ["Rank", "Account", "Revenue", "Profit", "Share", "ABC", "XYZ", "CV", "Flags"]
}

/// A flag of the CSV's `flags` column (its stable id) in words: "critical dependency". An id this
/// build does not know stays as it is.
pub fn flag_word(id: &str) -> &str {
    if id == "key_account" {
        return tr("key account");
    }
    match Flag::ALL.into_iter().find(|f| f.id() == id) {
        Some(f) => flag_label(f),
        None => id,
    }
}

/// The heading above the matrix of account counts.
pub fn matrix_counts() -> &'static str {
    "Accounts"
}

/// The heading above the matrix of values: the measure the portfolio is ranked by.
pub fn matrix_values() -> &'static str {
    "Value"
}

/// The column of accounts without an XYZ class.
pub fn unclassified() -> &'static str {
    "Unclassified"
}

/// The last row and column of each matrix.
pub fn total() -> &'static str {
    "Total"
}

/// The worker that writes the workbook did not start or stopped (the page's only words here).
pub fn export_failed() -> &'static str {
    tr("The file could not be written. Reload the page and export again.")
}

/// Why the workbook could not be written, for the page's error line.
pub fn export_problem(p: &ExportProblem) -> String {
    match p {
        ExportProblem::Garbled => {
            tr("The file could not be written: the page and its worker are of different versions. Reload the page and export again.").into()
        }
        ExportProblem::Writer(words) => tr_args("The file could not be written ({words}).", &[("words", words)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_are_worded_and_unknown_ids_kept() {
        assert_eq!(flag_word("critical_dependency"), "critical dependency");
        assert_eq!(flag_word("key_account"), "key account");
        assert_eq!(flag_word("something_new"), "something_new");
        assert_eq!(account_headings()[1], "Account");
    }
}
