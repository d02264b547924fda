use crate::i18n::{tr, tr_args};
use wasm_bindgen::JsCast;

/// Offers `text` to the user as a file download. Nothing leaves the browser: the file is made
/// from a local Blob URL.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail =
        |e: wasm_bindgen::JsValue| tr_args("The download could not start ({e}).", &[("e", &(format!("{:?}", e)))]);
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    download_blob(file_name, &blob)
}

/// Offers `blob` (a file the import worker wrote) as a download named `file_name`.
pub fn download_blob(file_name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let fail =
        |e: wasm_bindgen::JsValue| tr_args("The download could not start ({e}).", &[("e", &(format!("{:?}", e)))]);
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(fail)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or(tr("no document"))?;
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.dyn_into().map_err(|_| "not an anchor".to_string())?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url).map_err(fail)?;
    Ok(())
}
