//! The analysis worker: runs the engine off the page's main thread so that typing never waits
//! for it. Receives `[id, text]`, answers `[id, document as JSON, milliseconds]`.
//! Built by trunk (`data-type="worker"` in index.html) next to the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let onmessage = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let msg: js_sys::Array = e.data().unchecked_into();
        let (id, text) = (msg.get(0), msg.get(1).as_string().unwrap_or_default());
        let now = || js_sys::Date::now();
        let t0 = now();
        let doc = wasim_engine::annotate(&text);
        let ms = now() - t0;
        let json = serde_json::to_string(&doc).unwrap_or_default();
        let _ = reply.post_message(&js_sys::Array::of3(&id, &JsValue::from_str(&json), &JsValue::from_f64(ms)));
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    onmessage.forget();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
