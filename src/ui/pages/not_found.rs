use crate::i18n::tr;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="panel">
            <h1>{move || tr("Page not found")}</h1>
            <p>{move || tr("This address is not part of KAM Planner. ")}<A href="/portfolio">{move || tr("Go to the portfolio")}</A>"."</p>
        </section>
    }
}
