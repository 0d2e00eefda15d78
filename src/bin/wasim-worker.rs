//! The analysis worker: runs the engine off the page's main thread so that typing never waits
//! for it, and owns the learned model (compiled in here and nowhere else: the page's own wasm
//! leaves it out) with what a person taught it. Speaks `wasim_app::protocol` (a `Request` in,
//! `Response`s out, JSON strings); what it does is `wasim_app::worker`. Built by trunk
//! (`data-type="worker"` in index.html) next to the app.

/// The trained model (crates/engine/model/wasim.model, 694 KB, already DEFLATE-compressed).
#[cfg(target_arch = "wasm32")]
static MODEL: &[u8] = include_bytes!("../../crates/engine/model/wasim.model");

#[cfg(target_arch = "wasm32")]
fn main() {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasim_app::protocol::{decode, encode, Request, Response};
    use wasim_app::worker::Worker;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let worker = RefCell::new(Worker::new(MODEL));
    let clock = {
        let performance = scope.performance();
        move || performance.as_ref().map_or_else(js_sys::Date::now, |p| p.now())
    };
    let reply = scope.clone();
    let post = move |r: Response| {
        let _ = reply.post_message(&JsValue::from_str(&encode(&r)));
    };
    let ready = worker.borrow().ready();
    let worker = Rc::new(worker);
    let clock = Rc::new(clock);
    // Re-tags wait for a zero timeout, so that the messages already waiting (more corrections)
    // are read first and a document is re-tagged once for all of them.
    let flush: Rc<Closure<dyn Fn()>> = Rc::new(Closure::new({
        let (worker, clock, post) = (worker.clone(), clock.clone(), post.clone());
        move || {
            if let Ok(mut w) = worker.try_borrow_mut() {
                w.flush(&*clock, &mut |r| post(r));
            }
        }
    }));
    let timer = scope.clone();
    let onmessage = Closure::<dyn Fn(web_sys::MessageEvent)>::new({
        let post = post.clone();
        move |e: web_sys::MessageEvent| {
            let Some(request) = e.data().as_string().and_then(|j| decode::<Request>(&j)) else { return };
            // One message at a time: the worker's event loop never re-enters the handler.
            let Ok(mut w) = worker.try_borrow_mut() else { return };
            let waiting = w.has_retags();
            w.handle(request, &*clock, &mut |r| post(r));
            if w.has_retags() && !waiting {
                let f: &js_sys::Function = (*flush).as_ref().unchecked_ref();
                let _ = timer.set_timeout_with_callback_and_timeout_and_arguments_0(f, 0);
            }
        }
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    // Messages that came before the handler was set are lost: the page waits for this one.
    post(ready);
    // The handler lives as long as the worker.
    onmessage.forget();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
