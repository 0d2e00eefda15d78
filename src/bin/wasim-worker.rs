//! The analysis worker: runs the engine off the page's main thread so that typing never waits
//! for it. Speaks `wasim_app::protocol` (a `Request` in, a `Response` out, JSON strings).
//! Built by trunk (`data-type="worker"` in index.html) next to the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasim_app::protocol::{decode, encode, Request, Response};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let onmessage = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let Some(request) = e.data().as_string().and_then(|j| decode::<Request>(&j)) else { return };
        match request {
            Request::Analyze { id, text } => {
                let t0 = js_sys::Date::now();
                let doc = wasim_engine::annotate(&text);
                let ms = js_sys::Date::now() - t0;
                let _ = reply.post_message(&JsValue::from_str(&encode(&Response::Analyzed { id, doc, ms })));
            }
        }
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    onmessage.forget();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
