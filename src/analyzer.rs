//! Where the analysis runs: in a Web Worker (`src/bin/wasim-worker.rs`) so that typing never
//! waits for it, or on the page when the worker cannot start (no worker support, its files
//! missing). Results arrive as `Action::Analyzed`; the reducer drops any for text that changed
//! since.

use crate::state::{Action, State};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::UseReducerDispatcher;

const WORKER: &str = "./wasim-worker_loader.js";

pub struct Analyzer {
    worker: Option<web_sys::Worker>,
    /// The worker failed: analyze on the page from now on.
    broken: Rc<Cell<bool>>,
    /// The last request, to run on the page if the worker fails before it answers.
    pending: Rc<RefCell<Option<(u64, Rc<str>)>>>,
    dispatch: UseReducerDispatcher<State>,
    _handlers: Option<(Closure<dyn Fn(web_sys::MessageEvent)>, Closure<dyn Fn(web_sys::Event)>)>,
}

impl PartialEq for Analyzer {
    fn eq(&self, _: &Analyzer) -> bool {
        true
    }
}

impl Analyzer {
    pub fn new(dispatch: UseReducerDispatcher<State>) -> Analyzer {
        let broken = Rc::new(Cell::new(false));
        let pending: Rc<RefCell<Option<(u64, Rc<str>)>>> = Rc::new(RefCell::new(None));
        let worker = web_sys::Worker::new(WORKER).ok();
        let handlers = worker.as_ref().map(|w| {
            let d = dispatch.clone();
            let p = pending.clone();
            let onmessage = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                let msg: js_sys::Array = e.data().unchecked_into();
                let id = msg.get(0).as_f64().unwrap_or(0.0) as u64;
                let ms = msg.get(2).as_f64().unwrap_or(0.0);
                if let Some(doc) = msg.get(1).as_string().and_then(|j| serde_json::from_str(&j).ok()) {
                    p.borrow_mut().take();
                    d.dispatch(Action::Analyzed { id, doc, ms });
                }
            });
            let d = dispatch.clone();
            let b = broken.clone();
            let p = pending.clone();
            let onerror = Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| {
                b.set(true);
                if let Some((id, text)) = p.borrow_mut().take() {
                    analyze_here(&d, id, &text);
                }
            });
            w.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
            w.set_onerror(Some(onerror.as_ref().unchecked_ref()));
            (onmessage, onerror)
        });
        Analyzer { worker, broken, pending, dispatch, _handlers: handlers }
    }

    /// Analyzes `text` of document `id`, in the worker if it runs.
    pub fn request(&self, id: u64, text: Rc<str>) {
        match self.worker.as_ref().filter(|_| !self.broken.get()) {
            Some(w) => {
                let msg = js_sys::Array::of2(&JsValue::from_f64(id as f64), &JsValue::from_str(&text));
                *self.pending.borrow_mut() = Some((id, text));
                if w.post_message(&msg).is_err() {
                    self.broken.set(true);
                    if let Some((id, text)) = self.pending.borrow_mut().take() {
                        analyze_here(&self.dispatch, id, &text);
                    }
                }
            }
            None => analyze_here(&self.dispatch, id, &text),
        }
    }
}

fn analyze_here(dispatch: &UseReducerDispatcher<State>, id: u64, text: &str) {
    let now = || web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now());
    let t0 = now();
    let doc = wasim_engine::annotate(text);
    dispatch.dispatch(Action::Analyzed { id, doc, ms: now() - t0 });
}
