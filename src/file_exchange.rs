//! The page's side of the KAM Planner file exchange. Files are checked, read, decrypted,
//! written and encrypted in the import worker (`ToWorker::ReadFile`, `ToWorker::WriteFile`):
//! the file format's reader and writer, its migrations, redaction and refusals' words are
//! linked into the worker's wasm, not into every visitor's page. The page and the worker hand
//! each other the workspace as a [`StampedWorkspace`], in the store's own shapes.

use js_sys::Uint8Array;
use kam_core::exchange::PersonalDetails;
use kam_core::merge::StampedDoc;
use kam_core::model::Workspace;
use wasm_bindgen::JsValue;

use crate::import_client::{ask, Payload, WorkerProblem};
use crate::import_protocol::{FromWorker, StampedWorkspace, ToWorker};
use crate::ui::words::share::exchange_problem;

/// A file the worker read.
pub enum Read {
    File {
        /// The preview's first line: what the file holds and when it was exported.
        summary: String,
        /// The file withholds personal details.
        withheld: bool,
        stamped: Box<StampedWorkspace>,
    },
    /// Protected: read it again with the passphrase.
    Locked,
}

fn garbled() -> String {
    exchange_problem(&WorkerProblem::Garbled)
}

fn stamped(payload: Option<Payload>) -> Result<StampedWorkspace, String> {
    match payload {
        Some(Payload::Text(text)) => match StampedWorkspace::from_text(&text) {
            Some(Ok(s)) => Ok(s),
            _ => Err(garbled()),
        },
        _ => Err(garbled()),
    }
}

/// Checks and reads the file `name` (its `bytes`), opening it with `passphrase` when it is
/// protected. `Err` holds why it is refused, worded.
pub async fn read_kam_file(name: &str, bytes: &[u8], passphrase: Option<String>) -> Result<Read, String> {
    let message = ToWorker::ReadFile { name: name.to_string(), passphrase };
    match ask(&message, &[Uint8Array::from(bytes).into()]).await.map_err(|p| exchange_problem(&p))? {
        (FromWorker::FileRead { summary, withheld }, payload) => {
            Ok(Read::File { summary, withheld, stamped: Box::new(stamped(payload)?) })
        }
        (FromWorker::Locked, _) => Ok(Read::Locked),
        (FromWorker::Refused(why), _) => Err(why),
        _ => Err(garbled()),
    }
}

/// A stored snapshot's workspace: a snapshot of this build is read here; an older one, a KAM
/// Planner file, by the worker.
pub async fn read_snapshot(name: &str, file: &str) -> Result<StampedWorkspace, String> {
    match StampedWorkspace::from_text(file) {
        Some(read) => read.map_err(|e| format!("{name}: {e}")),
        None => match read_kam_file(name, file.as_bytes(), None).await? {
            Read::File { stamped, .. } => Ok(*stamped),
            Read::Locked => Err(garbled()),
        },
    }
}

/// The text of a KAM Planner file of `ws` with its stamps `document`: the whole workspace or
/// one `account`, protected when `passphrase` is given.
pub async fn write_kam_file(
    ws: &Workspace,
    document: &StampedDoc,
    account: Option<String>,
    personal: PersonalDetails,
    passphrase: Option<String>,
) -> Result<String, String> {
    let message = ToWorker::WriteFile {
        account,
        personal,
        passphrase,
        app_version: env!("CARGO_PKG_VERSION").to_string(),
        exported_at: chrono::Utc::now().to_rfc3339(),
    };
    let text = JsValue::from_str(&StampedWorkspace::to_text(ws, document));
    match ask(&message, &[text]).await.map_err(|p| exchange_problem(&p))? {
        (FromWorker::FileWritten, Some(Payload::Text(text))) => Ok(text),
        (FromWorker::Refused(why), _) => Err(why),
        _ => Err(garbled()),
    }
}
