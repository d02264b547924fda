use crate::i18n::{tr, tr_args};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use super::components::Banners;
use super::pages::{
    AccountPlanPage, CalendarPage, DossierPage, GuidePage, KeyAccountsPage, MeetingBriefPage, NotFound, PortfolioPage,
    ProgrammePage, RemindersPage, ReportPage, SettingsPage,
};
use super::state::{AppState, LoadState};

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::provide();
    crate::i18n::sync_document();
    Effect::new(move |_| crate::i18n::set_currency(state.workspace.with(|ws| ws.programme.currency.clone())));
    let menu_open = RwSignal::new(false);
    view! {
        <Router>
            <a class="skip-link" href="#main">{move || tr("Skip to content")}</a>
            <header class="app-header" on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { menu_open.set(false) }>
                <A href="/" attr:class="brand">
                    <span class="brand-mark" aria-hidden="true">"◆"</span>
                    <span>{move || tr("KAM Planner")}</span>
                </A>
                <div class="header-tools">
                    <LanguagePicker testid="language-picker"/>
                    <SaveIndicator/>
                    <WorkshopToggle/>
                    // Phones only (CSS): the navigation folds into this menu.
                    <button type="button" class="menu-toggle" data-testid="menu-toggle" aria-controls="main-nav"
                        aria-expanded=move || menu_open.get().to_string() on:click=move |_| menu_open.update(|o| *o = !*o)>
                        {move || tr("Menu")}
                    </button>
                </div>
                // A chosen page closes the menu.
                <nav id="main-nav" aria-label=move || tr("Main") class:open=move || menu_open.get() on:click=move |_| menu_open.set(false)>
                    <A href="/portfolio">{move || tr("Portfolio")}</A>
                    <A href="/key-accounts">{move || tr("Key accounts")}</A>
                    <A href="/programme">{move || tr("Programme")}</A>
                    <A href="/reminders">{move || tr("Reminders")}</A>
                    <A href="/calendar">{move || tr("Calendar")}</A>
                    <A href="/settings">{move || tr("Settings")}</A>
                    <A href="/guide">{move || tr(crate::ui::words::guide::TITLE)}</A>
                </nav>
            </header>
            <Banners/>
            <WorkshopBar/>
            <main id="main" tabindex="-1">
                {move || match state.load.get() {
                    LoadState::Loading => view! {
                        <div class="loading" role="status">
                            <p>{move || tr("Opening your workspace…")}</p>
                            // Shown only after a few seconds (CSS): the likely cause then is an
                            // older version of the app in another tab holding the database.
                            <p class="loading-slow">{move || tr("Taking long? If KAM Planner is open in another tab, close or reload that tab: this one may be waiting for it to finish an update.")}</p>
                        </div>
                    }.into_any(),
                    LoadState::Failed(why) => view! {
                        <section class="panel error-panel" role="alert">
                            <h1>{move || tr("Your workspace could not be opened")}</h1>
                            <p>{why}</p>
                            <p>{move || tr("KAM Planner keeps your data in this browser. Check that storage is allowed for this site (private windows may block it), then reload the page.")}</p>
                        </section>
                    }.into_any(),
                    LoadState::Ready => view! {
                        <Routes fallback=|| view! { <NotFound/> }>
                            <Route path=path!("/") view=PortfolioPage/>
                            <Route path=path!("/portfolio") view=PortfolioPage/>
                            <Route path=path!("/key-accounts") view=KeyAccountsPage/>
                            <Route path=path!("/key-accounts/:id") view=DossierPage/>
                            <Route path=path!("/key-accounts/:id/plan") view=AccountPlanPage/>
                            <Route path=path!("/key-accounts/:id/brief/:meeting") view=MeetingBriefPage/>
                            <Route path=path!("/programme") view=ProgrammePage/>
                            <Route path=path!("/reminders") view=RemindersPage/>
                            <Route path=path!("/calendar") view=CalendarPage/>
                            <Route path=path!("/report") view=ReportPage/>
                            <Route path=path!("/settings") view=SettingsPage/>
                            <Route path=path!("/guide") view=GuidePage/>
                        </Routes>
                    }.into_any(),
                }}
            </main>
            <footer class="app-footer">
                {move || tr("Your data stays in this browser. Nothing is sent anywhere.")}
            </footer>
        </Router>
    }
}

/// The language switcher (header and Settings): each language by its own name. The catalogue is
/// fetched before the switch, so nothing shows half-translated; offline with a language never
/// used, the current one stays and says why.
#[component]
pub fn LanguagePicker(testid: &'static str) -> impl IntoView {
    use crate::i18n::{choose, lang, Lang};
    let failed = RwSignal::new(false);
    let change = move |ev: leptos::ev::Event| {
        let Some(l) = Lang::from_tag(&event_target_value(&ev)) else { return };
        leptos::task::spawn_local(async move {
            failed.set(choose(l).await.is_err());
        });
    };
    view! {
        <label class="language-picker">
            <span class="visually-hidden">{move || tr("Language")}</span>
            <select data-testid=testid prop:value=move || lang().tag() on:change=change>
                {Lang::OFFERED.iter().map(|&l| view! { <option value=l.tag() lang=l.tag()>{l.native_name()}</option> }).collect_view()}
            </select>
            <Show when=move || failed.get()>
                <span class="message error small" role="alert">{move || tr("That language could not be loaded (offline?). Try again when online.")}</span>
            </Show>
        </label>
    }
}

#[component]
fn SaveIndicator() -> impl IntoView {
    let state = super::state::use_app();
    view! {
        <span class="save-state" role="status" data-testid="save-state">
            {move || if state.is_saving() { tr("Saving…") } else if state.error.with(Option::is_some) { tr("Not saved") } else { tr("All changes saved") }}
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
            {move || if state.workshop.get() { tr("Leave workshop mode") } else { tr("Workshop mode") }}
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
            <div class="workshop-bar" role="region" aria-label=move || tr("Workshop navigation")>
                <button type="button" class="button" data-testid="workshop-prev" on:click={ let prev = prev.clone(); move |_| prev(-1) }>{move || tr("← Previous key account")}</button>
                <span data-testid="workshop-position">{move || {
                    let ids = key_ids.get();
                    match current.get().and_then(|c| ids.iter().position(|(_, id)| *id == c)) {
                        Some(i) => tr_args("{name} — {n} of {total}", &[("name", &ids[i].0), ("n", &(i + 1)), ("total", &ids.len())]),
                        None => tr_args("{0} key accounts · press ] to start", &[("0", &ids.len())]),
                    }
                }}</span>
                <button type="button" class="button" data-testid="workshop-next" on:click={ let next = next.clone(); move |_| next(1) }>{move || tr("Next key account →")}</button>
                <span class="muted small">{move || tr("Keys: [ and ] move between accounts, { and } between a dossier's sections. Personal details stay hidden unless you turn them on.")}</span>
            </div>
        </Show>
    }
}
