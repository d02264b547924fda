use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="panel">
            <h1>"Page not found"</h1>
            <p>"This address is not part of KAM Planner. "<A href="/portfolio">"Go to the portfolio"</A>"."</p>
        </section>
    }
}
