use crate::i18n::tr;
use leptos::prelude::*;

use crate::ui::state::use_app;

/// Fills the workspace with the demo portfolio. When the workspace already holds data the user
/// is asked first, and the replaced workspace can be brought back with Undo.
#[component]
pub fn DemoButton(#[prop(optional)] secondary: bool) -> impl IntoView {
    let state = use_app();
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
        state.replace_workspace(
            crate::ui::words::demo::demo_workspace(),
            Some(tr("Demo portfolio loaded: 40 accounts, 24 months of orders.").into()),
        );
    };
    view! {
        <button type="button" class=if secondary { "button" } else { "button primary" } data-testid="load-demo" on:click=load>
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
