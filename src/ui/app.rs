use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use super::components::Banners;
use super::pages::{
    AccountPlanPage, CalendarPage, DossierPage, KeyAccountsPage, NotFound, PortfolioPage, ProgrammePage, RemindersPage,
    ReportPage, SettingsPage,
};
use super::state::{AppState, LoadState};

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::provide();
    let menu_open = RwSignal::new(false);
    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="app-header" on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { menu_open.set(false) }>
                <A href="/" attr:class="brand">
                    <span class="brand-mark" aria-hidden="true">"◆"</span>
                    <span>"KAM Planner"</span>
                </A>
                <div class="header-tools">
                    <SaveIndicator/>
                    <WorkshopToggle/>
                    // Phones only (CSS): the navigation folds into this menu.
                    <button type="button" class="menu-toggle" data-testid="menu-toggle" aria-controls="main-nav"
                        aria-expanded=move || menu_open.get().to_string() on:click=move |_| menu_open.update(|o| *o = !*o)>
                        "Menu"
                    </button>
                </div>
                // A chosen page closes the menu.
                <nav id="main-nav" aria-label="Main" class:open=move || menu_open.get() on:click=move |_| menu_open.set(false)>
                    <A href="/portfolio">"Portfolio"</A>
                    <A href="/key-accounts">"Key accounts"</A>
                    <A href="/programme">"Programme"</A>
                    <A href="/reminders">"Reminders"</A>
                    <A href="/calendar">"Calendar"</A>
                    <A href="/settings">"Settings"</A>
                </nav>
            </header>
            <Banners/>
            <WorkshopBar/>
            <main id="main" tabindex="-1">
                {move || match state.load.get() {
                    LoadState::Loading => view! {
                        <div class="loading" role="status">
                            <p>"Opening your workspace…"</p>
                            // Shown only after a few seconds (CSS): the likely cause then is an
                            // older version of the app in another tab holding the database.
                            <p class="loading-slow">"Taking long? If KAM Planner is open in another tab, close or reload that tab: this one may be waiting for it to finish an update."</p>
                        </div>
                    }.into_any(),
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
                            <Route path=path!("/key-accounts/:id/plan") view=AccountPlanPage/>
                            <Route path=path!("/programme") view=ProgrammePage/>
                            <Route path=path!("/reminders") view=RemindersPage/>
                            <Route path=path!("/calendar") view=CalendarPage/>
                            <Route path=path!("/report") view=ReportPage/>
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
            {move || if state.is_saving() { "Saving…" } else if state.error.with(Option::is_some) { "Not saved" } else { "All changes saved" }}
        </span>
    }
}

/// Workshop mode: large type, high contrast, full screen, no personal details unless turned on.
#[component]
fn WorkshopToggle() -> impl IntoView {
    let state = super::state::use_app();
    Effect::new(move |_| {
        let on = state.workshop.get();
        if let Some(body) = document().body() {
            let _ = if on { body.class_list().add_1("workshop") } else { body.class_list().remove_1("workshop") };
        }
    });
    let toggle = move |_| {
        let on = !state.workshop.get_untracked();
        state.workshop.set(on);
        // Full screen is a nicety: a browser that refuses it still gets the workshop view.
        if on {
            if let Some(el) = document().document_element() {
                let _ = el.request_fullscreen();
            }
        } else if document().fullscreen_element().is_some() {
            document().exit_fullscreen();
        }
    };
    view! {
        <button type="button" class="workshop-toggle" data-testid="workshop-toggle" aria-pressed=move || state.workshop.get().to_string() on:click=toggle>
            {move || if state.workshop.get() { "Leave workshop mode" } else { "Workshop mode" }}
        </button>
    }
}

/// In workshop mode: move between key accounts with the buttons or the [ and ] keys.
#[component]
fn WorkshopBar() -> impl IntoView {
    let state = super::state::use_app();
    let location = leptos_router::hooks::use_location();
    let navigate = leptos_router::hooks::use_navigate();
    let key_ids = Memo::new(move |_| {
        state.workspace.with(|ws| {
            let mut key: Vec<_> =
                ws.accounts().iter().filter(|a| a.is_key).map(|a| (a.name.clone(), a.id.clone())).collect();
            key.sort();
            key
        })
    });
    let current = Memo::new(move |_| {
        let path = location.pathname.get();
        path.strip_prefix("/key-accounts/")
            .and_then(|rest| js_sys::decode_uri_component(rest.trim_end_matches("/plan")).ok())
            .and_then(|v| v.as_string())
    });
    let go = {
        let navigate = navigate.clone();
        move |step: i64| {
            let ids = key_ids.get_untracked();
            if ids.is_empty() {
                return;
            }
            let at = current.get_untracked().and_then(|c| ids.iter().position(|(_, id)| *id == c));
            let next = match at {
                Some(i) => (i as i64 + step).rem_euclid(ids.len() as i64) as usize,
                None => {
                    if step > 0 {
                        0
                    } else {
                        ids.len() - 1
                    }
                }
            };
            navigate(&crate::ui::format::dossier_href(&ids[next].1), Default::default());
        }
    };
    let go_key = go.clone();
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if !state.workshop.get_untracked() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let typing = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if typing {
            return;
        }
        match ev.key().as_str() {
            "]" => {
                ev.prevent_default();
                go_key(1)
            }
            "[" => {
                ev.prevent_default();
                go_key(-1)
            }
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());
    let (prev, next) = (go.clone(), go);
    view! {
        <Show when=move || state.workshop.get()>
            <div class="workshop-bar" role="region" aria-label="Workshop navigation">
                <button type="button" class="button" data-testid="workshop-prev" on:click={ let prev = prev.clone(); move |_| prev(-1) }>"← Previous key account"</button>
                <span data-testid="workshop-position">{move || {
                    let ids = key_ids.get();
                    match current.get().and_then(|c| ids.iter().position(|(_, id)| *id == c)) {
                        Some(i) => format!("{} — {} of {}", ids[i].0, i + 1, ids.len()),
                        None => format!("{} key accounts · press ] to start", ids.len()),
                    }
                }}</span>
                <button type="button" class="button" data-testid="workshop-next" on:click={ let next = next.clone(); move |_| next(1) }>"Next key account →"</button>
                <span class="muted small">"Keys: [ and ] move between accounts, { and } between a dossier's sections. Personal details stay hidden unless you turn them on."</span>
            </div>
        </Show>
    }
}
