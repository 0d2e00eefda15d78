//! Wasim's web app: a yew front end over `wasim-engine`. The engine computes; this crate keeps
//! the state, renders the engine's view model and talks to the browser.

mod app;
mod components;
mod download;
mod state;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
