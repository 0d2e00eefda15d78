//! Where the analysis runs: in a Web Worker (`src/bin/wasim-worker.rs`, messages in
//! `protocol.rs`) so that typing never waits for it, or on the page when the worker cannot
//! start (no worker support, its files missing). Results arrive as `Action::Analyzed`; the
//! reducer drops any for text that changed since.

use crate::protocol::{decode, encode, Request, Response};
use crate::state::{Action, State};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::UseReducerDispatcher;

const WORKER: &str = "./wasim-worker_loader.js";

/// The request the worker has not answered yet: run on the page if the worker fails.
type Pending = Rc<RefCell<Option<(u64, Rc<str>)>>>;

/// The worker's handlers, kept alive with it.
struct Handlers {
    _message: Closure<dyn Fn(web_sys::MessageEvent)>,
    _error: Closure<dyn Fn(web_sys::Event)>,
}

pub struct Analyzer {
    worker: Option<web_sys::Worker>,
    /// The worker failed: analyze on the page from now on.
    broken: Rc<Cell<bool>>,
    pending: Pending,
    dispatch: UseReducerDispatcher<State>,
    _handlers: Option<Handlers>,
}

impl PartialEq for Analyzer {
    fn eq(&self, _: &Analyzer) -> bool {
        true
    }
}

impl Analyzer {
    pub fn new(dispatch: UseReducerDispatcher<State>) -> Analyzer {
        let broken = Rc::new(Cell::new(false));
        let pending = Pending::default();
        let worker = web_sys::Worker::new(WORKER).ok();
        let handlers = worker.as_ref().map(|w| {
            let d = dispatch.clone();
            let p = pending.clone();
            let message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                match e.data().as_string().and_then(|j| decode::<Response>(&j)) {
                    Some(Response::Analyzed { id, doc, ms }) => {
                        p.borrow_mut().take();
                        d.dispatch(Action::Analyzed { id, doc, ms });
                    }
                    None => {}
                }
            });
            let d = dispatch.clone();
            let b = broken.clone();
            let p = pending.clone();
            let error = Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| {
                b.set(true);
                if let Some((id, text)) = p.borrow_mut().take() {
                    analyze_here(&d, id, &text);
                }
            });
            w.set_onmessage(Some(message.as_ref().unchecked_ref()));
            w.set_onerror(Some(error.as_ref().unchecked_ref()));
            Handlers { _message: message, _error: error }
        });
        Analyzer { worker, broken, pending, dispatch, _handlers: handlers }
    }

    /// Analyzes `text` of document `id`, in the worker if it runs.
    pub fn request(&self, id: u64, text: Rc<str>) {
        match self.worker.as_ref().filter(|_| !self.broken.get()) {
            Some(w) => {
                let msg = encode(&Request::Analyze { id, text: text.to_string() });
                *self.pending.borrow_mut() = Some((id, text));
                if w.post_message(&JsValue::from_str(&msg)).is_err() {
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
