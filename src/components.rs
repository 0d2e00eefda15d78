//! The app's components, one per file. Each takes the pieces of state it shows and callbacks
//! named `on<verb>`; none reaches the state by itself.

pub mod agreement;
pub mod claims_panel;
pub mod doc_list;
pub mod groups;
pub mod help;
pub mod legend;
pub mod model_panel;
pub mod notice_bar;
pub mod overview;
pub mod reader;
pub mod selection_bar;
pub mod toolbar;

use std::rc::Rc;
use wasim_engine::Document;

/// A document handle compared by identity, so that components re-render only when the
/// document really was replaced (comparing whole documents would cost more than rendering).
#[derive(Clone, Debug)]
pub struct DocRef(pub Rc<Document>);

impl PartialEq for DocRef {
    fn eq(&self, other: &DocRef) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for DocRef {
    type Target = Document;
    fn deref(&self) -> &Document {
        &self.0
    }
}

/// The keyboard key for label number `i` (1–9, then 0).
pub fn label_key(i: usize) -> char {
    if i < 9 {
        char::from(b'1' + i as u8)
    } else {
        '0'
    }
}

/// The `onchange` of a file input: the chosen files to `cb`, then the input emptied so that
/// choosing the same file again is a change too.
pub fn on_files(cb: &yew::Callback<web_sys::FileList>) -> yew::Callback<web_sys::Event> {
    use wasm_bindgen::JsCast;
    let cb = cb.clone();
    yew::Callback::from(move |e: web_sys::Event| {
        if let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            if let Some(files) = input.files() {
                cb.emit(files);
            }
            input.set_value("");
        }
    })
}
