//! The KAM Planner file: what a user exports, e-mails, and someone else imports.
//!
//! A JSON envelope — `format`, numeric `version`, `appVersion`, `exportedAt`, `scope`,
//! `personalDetails`, a `checksum` of the data, and the `data` — documented with an example in
//! `docs/file-format.md`. Reading a file runs every check before anything is stored, and each
//! refusal is a [`FileError`] that names exactly what is wrong (the UI words it so that a user
//! can act on it).

use super::legacy::{legacy_document, MIGRATIONS};
use super::redact::redact;
use crate::merge::doc::sorted_map;
use crate::merge::file_stamps::FileStamps;
use crate::merge::workspace::{flatten_workspace, redacted_paths};
use crate::merge::StampedDoc;
use crate::model::{
    restore, Account, AccountHistory, Dossier, MonthTotal, Programme, RestoreProblem, Stored, Workspace,
};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;

pub const FORMAT_NAME: &str = "kam-planner";
/// The version this build writes, and the newest it reads.
pub const FORMAT_VERSION: u32 = 5;
/// Files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: usize = 200 * 1024 * 1024;
/// Deeper JSON than this is refused (serde_json's own limit is 128; ours is explicit).
pub const MAX_DEPTH: usize = 64;

/// Why a file (or a passphrase-protected file's wrapper) is refused. Messages of serde_json
/// (`detail`, `message`) are kept as the parser wrote them, without their position.
#[derive(Debug, Clone, PartialEq)]
pub enum FileError {
    /// Larger than [`MAX_FILE_BYTES`], given here in MB.
    TooLarge {
        max_mb: usize,
    },
    NotUtf8,
    Empty,
    TooDeep {
        max_depth: usize,
    },
    /// JSON, but an array, a string or a number.
    JsonNotAnObject,
    /// A JSON object without the shape of a KAM Planner file.
    NotKamPlanner,
    InvalidJson {
        message: String,
        line: usize,
        column: usize,
    },
    /// `format` is missing or not `"kam-planner"`.
    WrongFormat,
    VersionNotAWholeNumber,
    NewerVersion {
        version: u64,
        newest: u32,
    },
    VersionZero,
    ChecksumMismatch,
    /// A required field is missing (serde's "missing field `…`").
    Incomplete {
        detail: String,
    },
    /// A field this build does not know (serde's "unknown field `…`").
    UnknownData {
        detail: String,
    },
    /// The field `field` holds a wrong type or value.
    WrongField {
        field: String,
        detail: String,
    },
    /// A type error outside any named field.
    NotKamPlannerData {
        detail: String,
    },
    /// Migrated data of an older version that does not read.
    WrongData {
        detail: String,
    },
    /// Data that parses as JSON text but not as a value (e.g. a number out of range), with
    /// serde_json's whole message.
    Malformed {
        detail: String,
    },
    AccountWithoutIdOrName,
    DuplicateAccount {
        id: String,
    },
    HistoryForUnknownAccount {
        account_id: String,
    },
    HistoryNotFinite {
        account_id: String,
    },
    DuplicateHistory {
        account_id: String,
    },
    DossierForUnknownAccount {
        account_id: String,
    },
    DuplicateDossier {
        account_id: String,
    },
    /// The programme settings break their rules, as [`Programme::problems`] states them.
    InvalidProgramme {
        problems: Vec<crate::model::ProgrammeProblem>,
    },
    /// A passphrase-protected file that is not UTF-8.
    ProtectedNotUtf8,
    /// A protected file's wrapper does not parse (serde_json's message, with its position).
    ProtectedDamaged {
        detail: String,
    },
    /// Its `format` is not the protected format's.
    NotProtected,
    ProtectedNewerVersion {
        version: u32,
        newest: u32,
    },
    /// Another key derivation or cipher than PBKDF2-SHA256 and AES-GCM.
    ProtectedUnknownMethod,
    /// Key-derivation rounds outside `min..=max`: unsafe, or would freeze the page.
    ProtectedIterations {
        iterations: u32,
        min: u32,
        max: u32,
    },
    ProtectedNotBase64 {
        part: SealedPart,
    },
    /// Salt, IV or ciphertext of the wrong length.
    ProtectedWrongLength,
}

/// The base64 parts of a protected file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SealedPart {
    Salt,
    Iv,
    Ciphertext,
}

impl SealedPart {
    /// The field's name in the file.
    pub fn id(self) -> &'static str {
        match self {
            SealedPart::Salt => "salt",
            SealedPart::Iv => "iv",
            SealedPart::Ciphertext => "ciphertext",
        }
    }
}

/// Whether a file holds the whole workspace or one account's plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Workspace,
    Account,
}

/// Whether personal details of contacts are in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonalDetails {
    Included,
    Removed,
}

/// The data part of a file: accounts, their order history and dossiers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileData {
    pub accounts: Vec<Account>,
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
    #[serde(default)]
    pub dossiers: Vec<Dossier>,
    /// The programme's criteria and matrix factors (version 2 on); only whole-workspace files
    /// carry it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<Programme>,
    /// The change stamps of every value (version 3 on): what the field-level merge compares.
    /// A file without them counts every value as changed when the file was exported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stamps: Option<FileStamps>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryEntry {
    pub account_id: String,
    /// Monthly totals, oldest month first (version 5 on; earlier versions carried `lines`, the
    /// order lines, which their migration adds up).
    pub months: Vec<MonthTotal>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Envelope {
    format: String,
    version: u32,
    app_version: String,
    exported_at: String,
    scope: Scope,
    personal_details: PersonalDetails,
    checksum: String,
    /// Kept as written: the checksum covers these exact bytes.
    data: Box<RawValue>,
}

/// A file that passed every check.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadFile {
    pub scope: Scope,
    pub personal_details: PersonalDetails,
    pub exported_at: String,
    pub app_version: String,
    pub workspace: Workspace,
    /// The file's values with their change stamps, for the field-level merge: a file of format
    /// 3 carries them; for an older one every value counts as changed at `exported_at`. Withheld
    /// personal details are absent (not empty), so merging never clears them.
    pub document: StampedDoc,
}

/// FNV-1a (64 bit) of the data exactly as written in the file: catches a file damaged in
/// transit or edited by hand. Not a signature: integrity against an attacker comes from
/// encryption.
pub fn checksum(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("fnv1a64:{hash:016x}")
}

/// The workspace, or one account of it, as a file.
pub fn write_file(
    ws: &Workspace,
    account: Option<&str>,
    personal: PersonalDetails,
    app_version: &str,
    exported_at: &str,
) -> String {
    write_stamped_file(ws, None, account, personal, app_version, exported_at)
}

/// [`write_file`] with the change stamps of `document` (the workspace's, as the store keeps
/// them): what lets the receiver merge field by field. Registers the file withholds (personal
/// details, text holding a phone number or an e-mail address) get no stamp, so that the
/// receiver's values of them stay as they are.
pub fn write_stamped_file(
    ws: &Workspace,
    document: Option<&StampedDoc>,
    account: Option<&str>,
    personal: PersonalDetails,
    app_version: &str,
    exported_at: &str,
) -> String {
    let source = match personal {
        PersonalDetails::Included => ws.clone(),
        PersonalDetails::Removed => redact(ws),
    };
    let stamps = document.map(|doc| {
        // The data's flat form, once: the stamps are read against it, and so is the redaction.
        let data_flat = sorted_map(flatten_workspace(&source));
        let withheld = match personal {
            PersonalDetails::Included => Default::default(),
            PersonalDetails::Removed => redacted_paths(ws, &data_flat),
        };
        let mut stamps = FileStamps::of(doc, &data_flat, &withheld);
        if let Some(a) = account {
            stamps.retain_account(a);
        }
        stamps
    });
    let keep = |id: &str| account.is_none_or(|a| a == id);
    let data = FileData {
        accounts: source.accounts().iter().filter(|a| keep(&a.id)).cloned().collect(),
        history: source
            .histories()
            .filter(|(id, _)| keep(id))
            .map(|(id, months)| HistoryEntry { account_id: id.to_string(), months: months.clone() })
            .collect(),
        dossiers: source.dossiers().iter().filter(|d| keep(&d.account_id)).cloned().collect(),
        programme: account.is_none().then(|| source.programme.clone()),
        stamps,
    };
    let data = serde_json::to_string(&data).expect("the model serialises");
    let data = RawValue::from_string(data).expect("serde_json writes valid JSON");
    let envelope = Envelope {
        format: FORMAT_NAME.into(),
        version: FORMAT_VERSION,
        app_version: app_version.into(),
        exported_at: exported_at.into(),
        scope: if account.is_some() { Scope::Account } else { Scope::Workspace },
        personal_details: personal,
        checksum: checksum(data.get()),
        data,
    };
    serde_json::to_string_pretty(&envelope).expect("the envelope serialises")
}

fn depth_exceeds(text: &str, limit: usize) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for b in text.bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// Checks and reads a file. Every refusal names the problem: not JSON (with line and column),
/// not a KAM Planner file, a newer version, a checksum mismatch, a field of the wrong type
/// (with its path), or data that contradicts itself.
pub fn read_file(bytes: &[u8]) -> Result<ReadFile, FileError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { max_mb: MAX_FILE_BYTES / (1024 * 1024) });
    }
    let text =
        std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).map_err(|_| FileError::NotUtf8)?;
    if text.trim().is_empty() {
        return Err(FileError::Empty);
    }
    if depth_exceeds(text, MAX_DEPTH) {
        return Err(FileError::TooDeep { max_depth: MAX_DEPTH });
    }
    // First only what says whether this is our file, and which version: a newer file must be
    // refused for its version, not for a field this build does not know.
    if !text.trim_start().starts_with('{') && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok() {
        return Err(FileError::JsonNotAnObject);
    }
    let probe: Probe = serde_json::from_str(text).map_err(|e| {
        if e.is_data() {
            FileError::NotKamPlanner
        } else {
            FileError::InvalidJson { message: strip_position(&e.to_string()), line: e.line(), column: e.column() }
        }
    })?;
    if probe.format.as_ref().map(|f| f.get()) != Some("\"kam-planner\"") {
        return Err(FileError::WrongFormat);
    }
    let version: u64 =
        probe.version.as_ref().and_then(|v| v.get().parse().ok()).ok_or(FileError::VersionNotAWholeNumber)?;
    if version > u64::from(FORMAT_VERSION) {
        return Err(FileError::NewerVersion { version, newest: FORMAT_VERSION });
    }
    if version == 0 {
        return Err(FileError::VersionZero);
    }
    let envelope: Envelope = serde_json::from_str(text).map_err(|e| wrong_type(text, &e))?;
    if checksum(envelope.data.get()) != envelope.checksum {
        return Err(FileError::ChecksumMismatch);
    }
    let raw = envelope.data.get();
    let malformed = |e: serde_json::Error| FileError::Malformed { detail: e.to_string() };
    let data: FileData = if MIGRATIONS.iter().any(|(from, _)| u64::from(*from) >= version) {
        let mut value: Value = serde_json::from_str(raw).map_err(malformed)?;
        for (from, migrate) in MIGRATIONS {
            if u64::from(*from) >= version {
                value = migrate(value)?;
            }
        }
        // Back through text: one deserialiser per type (from_str) keeps the wasm small.
        let migrated = serde_json::to_string(&value).map_err(malformed)?;
        serde_json::from_str(&migrated).map_err(|e| FileError::WrongData { detail: e.to_string() })?
    } else {
        serde_json::from_str(raw).map_err(|e| wrong_type(raw, &e))?
    };
    let mut data = data;
    let stamps = data.stamps.take();
    let workspace = validate(data)?;
    let document = match stamps {
        Some(stamps) => stamps.document(&workspace),
        None => legacy_document(
            &workspace,
            &envelope.exported_at,
            &envelope.checksum,
            envelope.personal_details,
            envelope.scope,
        ),
    };
    Ok(ReadFile {
        scope: envelope.scope,
        personal_details: envelope.personal_details,
        exported_at: envelope.exported_at,
        app_version: envelope.app_version,
        workspace,
        document,
    })
}

fn strip_position(message: &str) -> String {
    message.split(" at line ").next().unwrap_or(message).to_string()
}

/// The just-enough reading of a file that says whether it is ours.
/// Raw values, so that a file of any other shape is told apart by its `format` before any type
/// is checked.
#[derive(Deserialize)]
struct Probe {
    format: Option<Box<RawValue>>,
    version: Option<Box<RawValue>>,
}

/// Names the field a type error is in: the last `"name":` before the error's position.
fn wrong_type(text: &str, e: &serde_json::Error) -> FileError {
    let detail = strip_position(&e.to_string());
    if detail.starts_with("missing field") {
        return FileError::Incomplete { detail };
    }
    if detail.starts_with("unknown field") {
        return FileError::UnknownData { detail };
    }
    let line = text.lines().nth(e.line().saturating_sub(1)).unwrap_or("");
    let before = &line[..line.char_indices().map(|(i, _)| i).nth(e.column().saturating_sub(1)).unwrap_or(line.len())];
    let field = before.rfind("\":").and_then(|end| {
        let start = before[..end].rfind('"')? + 1;
        Some(&before[start..end])
    });
    match field {
        Some(f) => FileError::WrongField { field: f.to_string(), detail },
        None => FileError::NotKamPlannerData { detail },
    }
}

/// The file's data as a workspace, through the one restore; data that contradicts itself is
/// refused with the first problem the restore met.
fn validate(data: FileData) -> Result<Workspace, FileError> {
    let restored = restore(Stored {
        accounts: data.accounts,
        history: data
            .history
            .into_iter()
            .map(|h| AccountHistory { account_id: h.account_id, months: h.months })
            .collect(),
        dossiers: data.dossiers,
        programme: data.programme,
    });
    match restored.problems.into_iter().next() {
        Some(problem) => Err(problem.into()),
        None => Ok(restored.workspace),
    }
}

impl From<RestoreProblem> for FileError {
    fn from(problem: RestoreProblem) -> FileError {
        match problem {
            RestoreProblem::AccountWithoutIdOrName => FileError::AccountWithoutIdOrName,
            RestoreProblem::DuplicateAccount { id } => FileError::DuplicateAccount { id },
            RestoreProblem::HistoryForUnknownAccount { account_id } => {
                FileError::HistoryForUnknownAccount { account_id }
            }
            RestoreProblem::HistoryNotFinite { account_id } => FileError::HistoryNotFinite { account_id },
            RestoreProblem::DuplicateHistory { account_id } => FileError::DuplicateHistory { account_id },
            RestoreProblem::DossierForUnknownAccount { account_id } => {
                FileError::DossierForUnknownAccount { account_id }
            }
            RestoreProblem::DuplicateDossier { account_id } => FileError::DuplicateDossier { account_id },
            RestoreProblem::InvalidProgramme { problems } => FileError::InvalidProgramme { problems },
        }
    }
}

#[cfg(test)]
#[path = "file_format_tests.rs"]
mod tests;
