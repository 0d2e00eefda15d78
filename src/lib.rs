//! Wasim's web app: a yew front end over `wasim-engine`. The engine computes; this crate keeps
//! the state, renders the engine's view model and talks to the browser (download, storage).
//! `src/main.rs` only starts it; the modules are a library so that the browser tests in
//! `tests/` can render the components.

pub mod analyzer;
pub mod app;
pub mod bytes;
pub mod components;
pub mod delta;
pub mod download;
pub mod files;
pub mod hooks;
pub mod i18n;
pub mod persist;
pub mod protocol;
pub mod state;
pub mod storage;
pub mod worker;

/// Analyzes `text` in the page and returns the milliseconds it took: the browser benchmark
/// (`scripts/bench`) calls it through trunk's `window.wasmBindings`. The page's engine has the
/// rules alone (the model is in the analysis worker): this times the fallback.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = annotateMs)]
pub fn annotate_ms(text: &str) -> f64 {
    let now = || web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now());
    let t0 = now();
    let doc = analyzer::rules_only(text);
    let ms = now() - t0;
    // Keep the result alive until the clock stopped.
    std::hint::black_box(doc.entities.len());
    ms
}

/// Mounts the app on the page's body and registers the service worker that keeps it working
/// offline (browsers allow that on https and on localhost only; elsewhere it quietly fails).
pub fn start() {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().service_worker().register("./sw.js");
    }
    yew::Renderer::<app::App>::new().render();
}
