//! Small helpers over browser APIs shared by the store and the UI.

use wasm_bindgen_futures::JsFuture;

/// Lets the browser run everything it has queued (input, painting) before going on. Long work
/// awaits this between chunks so the page never freezes.
pub async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Milliseconds since the page started, for chunking long work.
pub fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Asks the browser to keep this site's storage even under disk pressure, and reports how much
/// is used: `(persistent, used bytes, quota bytes)`. `None` where the browser offers neither.
pub async fn storage_status(ask_persistence: bool) -> Option<(bool, f64, f64)> {
    let storage = web_sys::window()?.navigator().storage();
    let persisted = if ask_persistence { storage.persist().ok()? } else { storage.persisted().ok()? };
    let persistent = JsFuture::from(persisted).await.ok()?.as_bool().unwrap_or(false);
    let estimate = JsFuture::from(storage.estimate().ok()?).await.ok()?;
    let number = |key: &str| js_sys::Reflect::get(&estimate, &key.into()).ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    Some((persistent, number("usage"), number("quota")))
}

/// Registers the service worker written by the build (`/sw.js`), so that the app opens and
/// works without a network once it has been loaded. A browser without service workers simply
/// stays online-only.
pub fn register_service_worker() {
    if let Some(window) = web_sys::window() {
        let container = window.navigator().service_worker();
        let _ = container.register("/sw.js");
    }
}

/// Milliseconds since the Unix epoch (wall-clock time, for keys that sort by when).
pub fn epoch_ms() -> f64 {
    js_sys::Date::now()
}

/// Opens the browser's print dialog (print or save as PDF).
pub fn print_page() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Opens the broadcast channel `name` and calls `on_message` with the data of every message
/// another page (or another channel object of this page) posts on it, for the life of the page.
/// The channel is returned for posting; `None` where the browser has no broadcast channels.
pub fn on_channel_message(
    name: &str,
    mut on_message: impl FnMut(wasm_bindgen::JsValue) + 'static,
) -> Option<web_sys::BroadcastChannel> {
    let channel = web_sys::BroadcastChannel::new(name).ok()?;
    let listener =
        wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            on_message(e.data())
        });
    channel.set_onmessage(Some(wasm_bindgen::JsCast::unchecked_ref(listener.as_ref())));
    listener.forget();
    Some(channel)
}
