//! Words for sharing KAM Planner files: why a file or a protected file is refused, and what a
//! file holds.

use super::exchange::thousands;
use crate::crypto::{CryptoError, CryptoStep};
use crate::i18n::{tr, tr_args};
use kam_core::exchange::{FileError, PersonalDetails, ReadFile, Scope};

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

/// Why the import worker, where files are read and written, could not do it.
pub fn exchange_problem(problem: &crate::import_client::WorkerProblem) -> String {
    use crate::import_client::WorkerProblem;
    match problem {
        WorkerProblem::NotStarted(why) | WorkerProblem::Crashed(why) => tr_args(
            "The file could not be read or written in this browser ({why}). Nothing was changed. Reload the page and try again.",
            &[("why", why)],
        ),
        WorkerProblem::Garbled => {
            tr("The file could not be read or written. Nothing was changed. Reload the page and try again.").into()
        }
    }
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
    let day: String = read.exported_at.chars().take(10).collect();
    let exported = day.parse::<chrono::NaiveDate>().map(crate::i18n::fmt::date).unwrap_or(day);
    tr_args(
        "{name}: {scope}, {personal}, exported {date}.",
        &[("name", &name), ("scope", &scope), ("personal", &personal), ("date", &exported)],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use kam_core::exchange::{SealedPart, MAX_ITERATIONS, MIN_ITERATIONS};

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
    fn what_a_file_holds() {
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
}
