use crate::i18n::tr_args;
use leptos::prelude::*;

/// A drop zone with a file picker: hands the chosen or dropped file to `on_file`. The picker's
/// input keeps `testid`, the contract end-to-end tests use.
#[component]
pub fn FileDrop(
    prompt: &'static str,
    button: &'static str,
    accept: &'static str,
    testid: &'static str,
    on_file: Callback<web_sys::File>,
) -> impl IntoView {
    let dragging = RwSignal::new(false);
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            on_file.run(file);
        }
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            on_file.run(file);
        }
    };
    view! {
        <div class=move || if dragging.get() { "drop-zone dragging" } else { "drop-zone" }
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop>
            <p>{prompt}</p>
            <label class="button">
                {button}
                <input type="file" class="visually-hidden" accept=accept data-testid=testid on:change=on_pick/>
            </label>
        </div>
    }
}

/// The bytes of a file the user chose, or a message saying it could not be read.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| tr_args("{0} could not be read by the browser.", &[("0", &file.name())]))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
