//! Choosing, fetching and remembering the language in the browser.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::{install, is_loaded, lang_untracked, trc, Catalogue, Lang};
use crate::store::Prefs;

/// Fetches a language's catalogue with `fetch` (the window's or, in the import worker, the
/// worker's own: both are given the same absolute path).
pub async fn fetch_catalogue_with(l: Lang, fetch: impl FnOnce(&str) -> js_sys::Promise) -> Result<Catalogue, String> {
    let url = format!("/i18n/{}.json", l.tag());
    Catalogue::parse(&fetch_text_with(&url, fetch).await?)
}

/// The text at `url` (a file of the app's own: a catalogue, the guide's texts).
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    fetch_text_with(url, |url| window.fetch_with_str(url)).await
}

async fn fetch_text_with(url: &str, fetch: impl FnOnce(&str) -> js_sys::Promise) -> Result<String, String> {
    let response = JsFuture::from(fetch(url)).await.map_err(|_| "offline".to_string())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "no response".to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| "unreadable".to_string())?)
        .await
        .map_err(|_| "unreadable".to_string())?;
    Ok(text.as_string().unwrap_or_default())
}

async fn fetch_catalogue(l: Lang) -> Result<Catalogue, String> {
    let window = web_sys::window().ok_or("no window")?;
    fetch_catalogue_with(l, |url| window.fetch_with_str(url)).await
}

async fn show(l: Lang) -> Result<(), String> {
    if is_loaded(l) {
        install(l, None);
        return Ok(());
    }
    let cat = fetch_catalogue(l).await?;
    install(l, Some(cat));
    Ok(())
}

fn browser_preferences() -> Vec<String> {
    web_sys::window()
        .map(|w| w.navigator().languages().iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default()
}

/// Before the first paint: the remembered language, else the browser's first one we speak.
/// A catalogue that cannot be fetched leaves English, which is always there.
pub async fn start() {
    let remembered = Prefs::load().language.as_deref().and_then(Lang::from_tag);
    let l = remembered.unwrap_or_else(|| Lang::from_preferences(&browser_preferences()));
    let _ = show(l).await;
}

/// Keeps `<html lang>` and the title in step with the language (called once, inside the app).
pub fn sync_document() {
    Effect::new(move |_| {
        let l = super::lang();
        let doc = document();
        if let Some(html) = doc.document_element() {
            let _ = html.set_attribute("lang", l.tag());
        }
        doc.set_title(trc("title", "KAM Planner"));
    });
}

/// Switches to `l` (fetching its catalogue first) and remembers it on this device.
/// An error means the current language stays, e.g. offline with a catalogue never used.
pub async fn choose(l: Lang) -> Result<(), String> {
    if l == lang_untracked() {
        return Ok(());
    }
    show(l).await?;
    let mut prefs = Prefs::load();
    prefs.language = Some(l.tag().to_string());
    prefs.save();
    Ok(())
}
