use crate::i18n::tr;
use leptos::prelude::*;

use crate::import_client::{ImportWorker, Payload, WorkerProblem};
use crate::import_protocol::{FromWorker, StampedWorkspace, ToWorker};
use crate::ui::state::use_app;
use crate::ui::words::demo::demo_failed;

/// Fills the workspace with the demo portfolio. When the workspace already holds data the user
/// is asked first, and the replaced workspace can be brought back with Undo.
#[component]
pub fn DemoButton(#[prop(optional)] secondary: bool) -> impl IntoView {
    let state = use_app();
    // The demo is made in the import worker (its code and texts stay out of the page); the
    // worker is kept until its answer is handled.
    let worker = StoredValue::new_local(None::<ImportWorker>);
    let busy = RwSignal::new(false);
    let load = move |_| {
        let has_data = state.workspace.with_untracked(|ws| !ws.is_empty());
        if has_data {
            let ok = web_sys::window()
                .and_then(|w| {
                    w.confirm_with_message(tr(
                        "Replace your current workspace with the demo portfolio? You can undo this right after.",
                    ))
                    .ok()
                })
                .unwrap_or(false);
            if !ok {
                return;
            }
        }
        busy.set(true);
        let on_message = move |message: FromWorker, _: Option<Payload>| {
            let FromWorker::Demo(file) = message else { return };
            busy.set(false);
            match StampedWorkspace::from_text(&file) {
                Some(Ok(read)) => state.replace_workspace(
                    read.workspace,
                    Some(tr("Demo portfolio loaded: 40 accounts, 24 months of orders.").into()),
                ),
                _ => state.error.set(Some(demo_failed(&WorkerProblem::Garbled))),
            }
            // Not from inside the worker's own message handler, which dropping it would free.
            set_timeout(move || worker.set_value(None), std::time::Duration::ZERO);
        };
        let on_problem = move |problem: WorkerProblem| {
            busy.set(false);
            state.error.set(Some(demo_failed(&problem)));
        };
        match ImportWorker::start(on_message, on_problem) {
            Ok(w) => {
                w.post(&ToWorker::Demo, None);
                worker.set_value(Some(w));
            }
            Err(problem) => on_problem(problem),
        }
    };
    view! {
        <button type="button" class=if secondary { "button" } else { "button primary" } data-testid="load-demo"
            disabled=move || busy.get() aria-busy=move || busy.get().to_string() on:click=load>
            {move || tr("Load demo portfolio")}
        </button>
    }
}

/// What a first-time user sees on a page that has nothing to show yet.
#[component]
pub fn EmptyState(title: &'static str, children: Children) -> impl IntoView {
    view! {
        <section class="empty-state" data-testid="empty-state">
            <h2>{title}</h2>
            {children()}
        </section>
    }
}
