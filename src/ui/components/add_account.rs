use crate::i18n::{tr, tr_args};
use leptos::prelude::*;

use crate::ui::state::use_app;
use crate::ui::words::accounts::new_account_error;

/// A small form to add an account by hand (a prospect, or a customer missing from the export).
#[component]
pub fn AddAccountForm() -> impl IntoView {
    let state = use_app();
    let name = RwSignal::new(String::new());
    let industry = RwSignal::new(String::new());
    let manager = RwSignal::new(String::new());
    let message = RwSignal::new(None::<Result<String, String>>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked();
        match state.add_account(&n, &industry.get_untracked(), &manager.get_untracked()) {
            Ok(()) => {
                message.set(Some(Ok(tr_args("{name} added.", &[("name", &n.trim())]))));
                name.set(String::new());
                industry.set(String::new());
                manager.set(String::new());
            }
            Err(e) => message.set(Some(Err(new_account_error(&e)))),
        }
    };
    view! {
        <form class="add-account" on:submit=submit data-testid="add-account-form">
            <label class="field"><span>{move || tr("Account name")}</span>
                <input type="text" required data-testid="add-account-name" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/></label>
            <label class="field"><span>{move || tr("Industry")}</span>
                <input type="text" prop:value=move || industry.get() on:input=move |ev| industry.set(event_target_value(&ev))/></label>
            <label class="field"><span>{move || tr("Key account manager")}</span>
                <input type="text" prop:value=move || manager.get() on:input=move |ev| manager.set(event_target_value(&ev))/></label>
            <button type="submit" class="button primary" data-testid="add-account-submit">{move || tr("Add account")}</button>
            {move || message.get().map(|m| match m {
                Ok(t) => view! { <p class="message success" role="status">{t}</p> }.into_any(),
                Err(e) => view! { <p class="message error" role="alert" data-testid="add-account-error">{e}</p> }.into_any(),
            })}
        </form>
    }
}
