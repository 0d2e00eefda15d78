//! Where the analysis runs: in a Web Worker (`src/bin/wasim-worker.rs`, messages in
//! `protocol.rs`) so that typing never waits for it, or on the page when the worker cannot
//! start (no worker support, its files missing). The worker holds the learned model and what a
//! person taught it; the page's own wasm has no model, so on the page the rules alone analyze
//! (and the interface says so). Answers arrive as actions (`Analyzed`, `Retagged`, `Taught` …);
//! the reducer drops any for text or taught states that changed since.

use crate::protocol::{decode, encode, Job, Request, Response};
use crate::state::{Action, Engine, State, Taught, Teach};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::UseReducerDispatcher;

const WORKER: &str = "./wasim-worker_loader.js";

/// What the worker's handlers and the page share.
struct Shared {
    dispatch: UseReducerDispatcher<State>,
    /// The worker failed: analyze on the page from now on.
    broken: Cell<bool>,
    /// The worker listens (it says so once its handler is set; messages before are lost).
    ready: Cell<bool>,
    /// Messages waiting for the worker to listen.
    queue: RefCell<Vec<String>>,
    /// Analyses the worker has not answered, by document: done on the page if it fails.
    pending: RefCell<Vec<(u64, Rc<str>)>>,
    /// The taught state the worker was last told to hold, or is learning.
    gen: Cell<u64>,
    /// A mouse button is down in the text: analyses that arrive wait (drawn now, they would
    /// replace the text under the person's selection and lose it).
    held: Cell<bool>,
    /// The analyses that arrived while it was down, in order.
    waiting: RefCell<Vec<Action>>,
}

/// The worker's handlers, kept alive with it.
struct Handlers {
    _message: Closure<dyn Fn(web_sys::MessageEvent)>,
    _error: Closure<dyn Fn(web_sys::Event)>,
}

pub struct Analyzer {
    worker: Option<web_sys::Worker>,
    shared: Rc<Shared>,
    _handlers: Option<Handlers>,
}

impl PartialEq for Analyzer {
    fn eq(&self, _: &Analyzer) -> bool {
        true
    }
}

impl Shared {
    fn answered(&self, id: u64) {
        self.pending.borrow_mut().retain(|(d, _)| *d != id);
    }

    /// What the worker said, handed to the state in a task of its own, after the one that decoded
    /// it: on a long document drawing an analysis and decoding it take tens of milliseconds
    /// each, together more than a frame's worth. (Timeouts of the same delay run in order, so
    /// the answers keep theirs.)
    fn on_message(&self, r: Response) {
        let action = match r {
            Response::Ready { model } => {
                self.ready.set(true);
                Action::SetEngine(if model { Engine::Model } else { Engine::WorkerRules })
            }
            Response::Analyzed { id, doc, token, gen, ms } => {
                self.answered(id);
                Action::Analyzed { id, doc, ms, token: Some(token), gen }
            }
            Response::Retagged { id, base, token, gen, delta, ms } => {
                self.answered(id);
                Action::Retagged { id, base, token, gen, delta, ms }
            }
            Response::Taught { gen, taught, changed, ms } => Action::Taught { gen, file: taught, changed, ms },
            Response::Checked { taught } => Action::Import(taught),
            Response::Refused { gen, reason } => Action::Refused { gen, reason },
            Response::Resend { .. } => return, // answered by the analyzer, which has the text
        };
        if self.held.get() && matches!(action, Action::Analyzed { .. } | Action::Retagged { .. }) {
            self.waiting.borrow_mut().push(action);
            return;
        }
        self.later(action);
    }

    /// Hands `action` to the state in a task of its own (see [`Shared::on_message`]).
    fn later(&self, action: Action) {
        let d = self.dispatch.clone();
        gloo::timers::callback::Timeout::new(0, move || d.dispatch(action)).forget();
    }

    /// The worker cannot run: the page analyzes what it had not answered, with the rules.
    fn on_error(&self) {
        if self.broken.replace(true) {
            return;
        }
        self.dispatch.dispatch(Action::SetEngine(Engine::PageRules));
        let pending = std::mem::take(&mut *self.pending.borrow_mut());
        for (id, text) in pending {
            analyze_here(&self.dispatch, id, &text);
        }
    }
}

impl Analyzer {
    /// A mouse button went down in the text (`true`) or up anywhere (`false`): the analyses that
    /// arrive in between are drawn after it is up, when the selection is made.
    pub fn press(&self, down: bool) {
        self.shared.held.set(down);
        if !down {
            for action in std::mem::take(&mut *self.shared.waiting.borrow_mut()) {
                self.shared.later(action);
            }
        }
    }

    pub fn new(dispatch: UseReducerDispatcher<State>) -> Analyzer {
        let shared = Rc::new(Shared {
            dispatch,
            broken: Cell::new(false),
            ready: Cell::new(false),
            queue: RefCell::default(),
            pending: RefCell::default(),
            gen: Cell::new(0),
            held: Cell::new(false),
            waiting: RefCell::default(),
        });
        let worker = web_sys::Worker::new(WORKER).ok();
        let handlers = worker.as_ref().map(|w| {
            let s = shared.clone();
            let w2 = w.clone();
            let message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                let Some(r) = e.data().as_string().and_then(|j| decode::<Response>(&j)) else { return };
                let ready = matches!(r, Response::Ready { .. });
                if let Response::Resend { id } = r {
                    let text = s.pending.borrow().iter().find(|(d, _)| *d == id).map(|(_, t)| t.clone());
                    if let Some(text) = text {
                        let job = Job { id, base: None, text: Some(text.to_string()) };
                        if w2.post_message(&JsValue::from_str(&encode(&Request::Analyze(job)))).is_err() {
                            s.on_error();
                        }
                    }
                    return;
                }
                s.on_message(r);
                if ready {
                    for msg in std::mem::take(&mut *s.queue.borrow_mut()) {
                        if w2.post_message(&JsValue::from_str(&msg)).is_err() {
                            s.on_error();
                        }
                    }
                }
            });
            let s = shared.clone();
            let error = Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| s.on_error());
            w.set_onmessage(Some(message.as_ref().unchecked_ref()));
            w.set_onerror(Some(error.as_ref().unchecked_ref()));
            Handlers { _message: message, _error: error }
        });
        if worker.is_none() {
            shared.broken.set(true);
        }
        Analyzer { worker, shared, _handlers: handlers }
    }

    /// Whether the analysis runs on the page (no worker): rules alone.
    pub fn on_page(&self) -> bool {
        self.shared.broken.get()
    }

    /// Sends `request` to the worker (queued until it listens); false when there is no worker.
    fn send(&self, request: &Request) -> bool {
        let Some(w) = self.worker.as_ref().filter(|_| !self.shared.broken.get()) else { return false };
        let msg = encode(request);
        if !self.shared.ready.get() {
            self.shared.queue.borrow_mut().push(msg);
        } else if w.post_message(&JsValue::from_str(&msg)).is_err() {
            self.shared.on_error();
            return false;
        }
        true
    }

    /// Notes that an answer for document `id` with `text` is awaited (one per document: a newer
    /// request replaces the older).
    fn await_answer(&self, id: u64, text: &Rc<str>) {
        let mut p = self.shared.pending.borrow_mut();
        p.retain(|(d, _)| *d != id);
        p.push((id, text.clone()));
    }

    /// Analyzes `text` of document `id`, in the worker if it runs. `base`: the worker's analysis
    /// of this same text the document is built on, if any (the text then does not travel).
    pub fn request(&self, id: u64, text: Rc<str>, base: Option<u64>) {
        self.await_answer(id, &text);
        let job = Job { id, text: base.is_none().then(|| text.to_string()), base };
        if !self.send(&Request::Analyze(job)) {
            self.shared.answered(id);
            analyze_here(&self.shared.dispatch, id, &text);
        }
    }

    /// Sends corrections to learn, and the document to re-tag after (`text`, built on the
    /// worker's analysis `base` of it, as for `request`).
    pub fn teach(&self, t: &Teach, retag: Option<(Rc<str>, Option<u64>)>, today: String) {
        let retag = retag.map(|(text, base)| {
            self.await_answer(t.id, &text);
            Job { id: t.id, text: base.is_none().then(|| text.to_string()), base }
        });
        let request = Request::Learn { gen: t.gen, lessons: t.lessons.clone(), today, retag };
        if self.send(&request) {
            self.shared.gen.set(t.gen);
        }
    }

    /// Tells the worker to hold `taught` when it holds another state (after an undo, a restore,
    /// a reset, an import).
    pub fn hold(&self, taught: &Taught) {
        if self.shared.gen.get() == taught.gen {
            return;
        }
        let request = Request::Load { gen: taught.gen, bytes: taught.file.as_ref().map(|f| f.to_vec()) };
        if self.send(&request) {
            self.shared.gen.set(taught.gen);
        }
    }

    /// Asks the worker to check a taught file; it answers with `Import` or `Refused`.
    pub fn check(&self, bytes: Vec<u8>) {
        self.send(&Request::Check { bytes });
    }
}

/// Analyzes `text` on the page, with the rules alone (the page has no model).
pub fn rules_only(text: &str) -> wasim_engine::Document {
    wasim_engine::Annotator::new(None).annotate(text)
}

fn analyze_here(dispatch: &UseReducerDispatcher<State>, id: u64, text: &str) {
    let now = || web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now());
    let t0 = now();
    let doc = rules_only(text);
    dispatch.dispatch(Action::Analyzed { id, doc, ms: now() - t0, token: None, gen: 0 });
}
