//! Words of the segmentation workbook (`.xlsx`): its sheet names, headings and flags. The
//! workbook is written in the import worker (`crate::segmentation_export`), which has no
//! language: the page words them here, in the reader's language, and sends them with the
//! figures (`ToWorker::ExportXlsx`, as `WorkbookWords::to_list`).

use crate::i18n::{tr, tr_args};
use kam_core::analysis::Flag;

use super::segmentation::flag_label;
use crate::segmentation_export::ExportProblem;

/// The workbook's words in the current language, sent with the export request in the order of
/// `WorkbookWords::to_list` (the page needs them only as that list).
pub fn workbook_words() -> Vec<&'static str> {
    let mut words = vec![
        tr("Accounts"),
        tr("Matrix"),
        // The headings; ABC and XYZ are the analyses' names in every language the app speaks.
        tr("Rank"),
        tr("Account"),
        tr("Revenue"),
        tr("Profit"),
        tr("Share"),
        "ABC",
        "XYZ",
        tr("CV"),
        tr("Flags"),
        tr("key account"),
        // Above the matrix of counts and of values, its unclassified column and its totals.
        tr("Accounts"),
        tr("Value"),
        tr("Unclassified"),
        tr("Total"),
    ];
    words.extend(Flag::ALL.into_iter().map(flag_label));
    words
}

/// [`workbook_words`] as the worker reads them (for tests: the page sends the list).
pub fn workbook_words_read() -> crate::segmentation_export::WorkbookWords {
    crate::segmentation_export::WorkbookWords::from_list(workbook_words().into_iter().map(String::from).collect())
        .expect("every word is there")
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
    use crate::i18n::{install, Catalogue, Lang};

    #[test]
    fn the_words_follow_the_language() {
        let en = workbook_words_read();
        assert_eq!(en.headings[1], "Account");
        assert_eq!(en.flags.len(), Flag::ALL.len());
        assert_eq!(
            en.flags[Flag::ALL.iter().position(|f| *f == Flag::CriticalDependency).unwrap()],
            "critical dependency"
        );
        let cat =
            Catalogue::parse(r#"{"Account": "Klient", "Matrix": "Maatriks", "key account": "võtmeklient"}"#).unwrap();
        install(Lang::Et, Some(cat));
        let et = workbook_words_read();
        install(Lang::En, None);
        assert_eq!(
            (et.headings[1].as_str(), et.matrix_sheet.as_str(), et.key_account.as_str()),
            ("Klient", "Maatriks", "võtmeklient")
        );
        assert_eq!(et.headings[5], "ABC", "codes stay");
        assert_eq!(et.total, "Total", "an untranslated word falls back to English");
    }
}
