//! Saving a file to the user's machine: a gloo-file Blob, its object URL (revoked when
//! dropped) and a click on a temporary link. Nothing leaves the browser.

use wasm_bindgen::JsCast;

/// Offers `contents` as a download named `filename`.
pub fn save(filename: &str, mime: &str, contents: &[u8]) -> Result<(), String> {
    let blob = gloo::file::Blob::new_with_options(contents, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    let a = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or("the page has no document to download from")?;
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    Ok(())
}
