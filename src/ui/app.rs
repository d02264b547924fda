use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use super::components::Banners;
use super::pages::{DossierPage, KeyAccountsPage, NotFound, PortfolioPage, ProgrammePage, SettingsPage};
use super::state::{AppState, LoadState};

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::provide();
    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="app-header">
                <A href="/" attr:class="brand">
                    <span class="brand-mark" aria-hidden="true">"◆"</span>
                    <span>"KAM Planner"</span>
                </A>
                <nav aria-label="Main">
                    <A href="/portfolio">"Portfolio"</A>
                    <A href="/key-accounts">"Key accounts"</A>
                    <A href="/programme">"Programme"</A>
                    <A href="/settings">"Settings"</A>
                </nav>
                <SaveIndicator/>
            </header>
            <Banners/>
            <main id="main" tabindex="-1">
                {move || match state.load.get() {
                    LoadState::Loading => view! { <p class="loading" role="status">"Opening your workspace…"</p> }.into_any(),
                    LoadState::Failed(why) => view! {
                        <section class="panel error-panel" role="alert">
                            <h1>"Your workspace could not be opened"</h1>
                            <p>{why}</p>
                            <p>"KAM Planner keeps your data in this browser. Check that storage is allowed for this site (private windows may block it), then reload the page."</p>
                        </section>
                    }.into_any(),
                    LoadState::Ready => view! {
                        <Routes fallback=|| view! { <NotFound/> }>
                            <Route path=path!("/") view=PortfolioPage/>
                            <Route path=path!("/portfolio") view=PortfolioPage/>
                            <Route path=path!("/key-accounts") view=KeyAccountsPage/>
                            <Route path=path!("/key-accounts/:id") view=DossierPage/>
                            <Route path=path!("/programme") view=ProgrammePage/>
                            <Route path=path!("/settings") view=SettingsPage/>
                        </Routes>
                    }.into_any(),
                }}
            </main>
            <footer class="app-footer">
                "Your data stays in this browser. Nothing is sent anywhere."
            </footer>
        </Router>
    }
}

#[component]
fn SaveIndicator() -> impl IntoView {
    let state = super::state::use_app();
    view! {
        <span class="save-state" role="status" data-testid="save-state">
            {move || if state.saving.get() { "Saving…" } else if state.error.with(Option::is_some) { "Not saved" } else { "All changes saved" }}
        </span>
    }
}
