//! The page's side of the import worker (`src/bin/import_worker.rs`): starts it, posts the file
//! and requests once it is ready, hands its answers to the caller, and stops it when dropped.
//! Dropping is how an import is cancelled: `terminate()` ends the worker wherever it is, and
//! nothing it read ever reached the page's state.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use crate::import_protocol::{FromWorker, MonthColumns, ToWorker, WORKER_URL};

/// Why the worker could not do its job, for the page to word.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkerProblem {
    /// The browser refused to start it (no workers, or its script is missing); its words.
    NotStarted(String),
    /// It stopped with an error (out of memory, a bug); the browser's words.
    Crashed(String),
    /// It sent order lines that do not add up (a page and a worker of different builds).
    Garbled,
}

/// What a message carries beside its JSON.
pub enum Payload {
    /// The monthly totals of a [`FromWorker::Months`].
    Months(MonthColumns),
    /// The file of a [`FromWorker::Exported`].
    File(web_sys::Blob),
    /// The text of a [`FromWorker::FileRead`] or [`FromWorker::FileWritten`].
    Text(String),
}

pub struct ImportWorker {
    worker: Worker,
    /// Messages posted before the worker said it is ready; sent when it does (a wasm worker
    /// drops what arrives before its handler is installed).
    waiting: Rc<RefCell<Option<Vec<js_sys::Array>>>>,
    /// The language last posted to the worker (see [`ToWorker::Language`]).
    language: std::cell::Cell<Option<crate::i18n::Lang>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

impl ImportWorker {
    pub fn start(
        mut on_message: impl FnMut(FromWorker, Option<Payload>) + 'static,
        mut on_problem: impl FnMut(WorkerProblem) + 'static,
    ) -> Result<Self, WorkerProblem> {
        let worker = Worker::new(WORKER_URL).map_err(|e| WorkerProblem::NotStarted(js_words(&e)))?;
        let waiting = Rc::new(RefCell::new(Some(Vec::<js_sys::Array>::new())));
        let on_message = {
            let (worker, waiting) = (worker.clone(), waiting.clone());
            Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                // A JSON string, for order lines `[json, days, revenue, profit]`, for a file
                // `[json, blob]`.
                let data = e.data();
                let (json, columns) = match data.dyn_ref::<js_sys::Array>() {
                    Some(parts) => (parts.get(0).as_string(), Some(payload(parts))),
                    None => (data.as_string(), None),
                };
                let Some(message) = json.and_then(|json| FromWorker::from_json(&json).ok()) else {
                    return;
                };
                if message == FromWorker::Ready {
                    for m in waiting.borrow_mut().take().unwrap_or_default() {
                        let _ = worker.post_message(&m);
                    }
                    return;
                }
                on_message(message, columns);
            })
        };
        let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |e: ErrorEvent| {
            // Handled here: the page shows the problem, the console need not.
            e.prevent_default();
            on_problem(WorkerProblem::Crashed(e.message()));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(ImportWorker { worker, waiting, language: Default::default(), _on_message: on_message, _on_error: on_error })
    }

    /// Posts `message`, with `file` alongside when there is one (it is cloned to the worker, not
    /// read here).
    pub fn post(&self, message: &ToWorker, file: Option<&web_sys::File>) {
        self.post_language();
        let data = js_sys::Array::of1(&JsValue::from_str(&message.to_json()));
        if let Some(file) = file {
            data.push(file);
        }
        self.post_parts(data);
    }

    /// Posts `[json, …]` as it is: for messages whose parts are JS values (see
    /// [`ToWorker::ExportXlsx`]).
    pub fn post_parts(&self, data: js_sys::Array) {
        self.post_language();
        self.post_now(data);
    }

    /// Tells the worker the reader's language when it is not the one it was last told.
    fn post_language(&self) {
        let l = crate::i18n::lang_untracked();
        if self.language.replace(Some(l)) != Some(l) {
            let message = ToWorker::Language { tag: l.tag().to_string() };
            self.post_now(js_sys::Array::of1(&JsValue::from_str(&message.to_json())));
        }
    }

    fn post_now(&self, data: js_sys::Array) {
        match self.waiting.borrow_mut().as_mut() {
            Some(queue) => queue.push(data),
            None => {
                let _ = self.worker.post_message(&data);
            }
        }
    }
}

impl Drop for ImportWorker {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

fn payload(parts: &js_sys::Array) -> Payload {
    if let Some(text) = parts.get(1).as_string() {
        return Payload::Text(text);
    }
    match parts.get(1).dyn_into::<web_sys::Blob>() {
        Ok(blob) => Payload::File(blob),
        Err(_) => Payload::Months(month_columns(parts)),
    }
}

fn month_columns(parts: &js_sys::Array) -> MonthColumns {
    MonthColumns {
        month: js_sys::Int32Array::new(&parts.get(1)).to_vec(),
        lines: js_sys::Uint32Array::new(&parts.get(2)).to_vec(),
        revenue: js_sys::Float64Array::new(&parts.get(3)).to_vec(),
        profit: js_sys::Float64Array::new(&parts.get(4)).to_vec(),
        last_purchase: js_sys::Uint32Array::new(&parts.get(5)).to_vec(),
    }
}

fn js_words(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string()).unwrap_or_default()
}

/// Asks a worker of its own for one answer: starts it, posts `message` with `parts` after its
/// JSON, waits for its first answer (or its problem) and stops it. For the file exchange
/// (`ToWorker::ReadFile`, `ToWorker::WriteFile`), whose reader and writer live in the worker.
pub async fn ask(message: &ToWorker, parts: &[JsValue]) -> Result<(FromWorker, Option<Payload>), WorkerProblem> {
    type Answer = Result<(FromWorker, Option<Payload>), WorkerProblem>;
    let (send, receive) = futures_channel::oneshot::channel::<Answer>();
    let send = Rc::new(RefCell::new(Some(send)));
    let on_problem = {
        let send = send.clone();
        move |problem| {
            if let Some(s) = send.borrow_mut().take() {
                let _ = s.send(Err(problem));
            }
        }
    };
    let worker = ImportWorker::start(
        move |message, payload| {
            if let Some(s) = send.borrow_mut().take() {
                let _ = s.send(Ok((message, payload)));
            }
        },
        on_problem,
    )?;
    let data = js_sys::Array::of1(&JsValue::from_str(&message.to_json()));
    for p in parts {
        data.push(p);
    }
    worker.post_parts(data);
    // The worker is dropped (stopped) here, after its handler has returned.
    receive.await.unwrap_or(Err(WorkerProblem::Garbled))
}
