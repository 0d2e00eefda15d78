//! Wasim's web app: a yew front end over `wasim-engine`. The engine computes; this crate keeps
//! the state, renders the engine's view model and talks to the browser (download, storage).
//! `src/main.rs` only starts it; the modules are a library so that the browser tests in
//! `tests/` can render the components.

pub mod app;
pub mod components;
pub mod download;
pub mod state;

/// Mounts the app on the page's body.
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
