use crate::i18n::tr;
use leptos::prelude::*;

use crate::ui::state::use_app;

/// The error banner (a failed write is never silent) and the notice with its undo.
#[component]
pub fn Banners() -> impl IntoView {
    let state = use_app();
    view! {
        {move || state.error.get().map(|e| view! {
            <div class="banner banner-error" role="alert" data-testid="error-banner">
                <span>{e}</span>
                <button type="button" on:click=move |_| state.error.set(None)>{move || tr("Dismiss")}</button>
            </div>
        })}
        {move || state.notice.get().map(|n| {
            let has_undo = n.undo.is_some();
            view! {
                <div class="banner banner-notice" role="status" data-testid="notice">
                    <span>{n.text}</span>
                    <Show when=move || has_undo>
                        <button type="button" data-testid="undo" on:click=move |_| state.undo()>{move || tr("Undo")}</button>
                    </Show>
                    <button type="button" aria-label=move || tr("Close message") on:click=move |_| state.notice.set(None)>"×"</button>
                </div>
            }
        })}
    }
}
