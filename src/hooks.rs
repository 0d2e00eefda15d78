//! The app's effects, one named hook each, so that the root component only lays out: reading
//! stored work (and another tab's saves), saving after changes, analysis after a pause in
//! typing, the keyboard, and bringing the focus into view.

use crate::analyzer::Analyzer;
use crate::state::{Action, Engine, Focus, Key, Notice, State};
use crate::{persist, storage};
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// How long typing must pause before the text is analyzed again.
const PAUSE_MS: u32 = 250;
/// How long after a change the work is saved (an edit lost at a crash is at most this old).
const SAVE_MS: u32 = 300;
/// Texts above this size are kept but not analyzed, with a message.
pub const MAX_TEXT_BYTES: usize = 3_000_000;

/// Reads the stored work once, and loads what another tab saves later.
#[hook]
pub fn use_restore(dispatch: UseReducerDispatcher<State>) {
    use_effect_with((), move |_| {
        spawn_local(restore(dispatch.clone()));
        let watch = storage::watch(move || {
            let d = dispatch.clone();
            spawn_local(async move {
                if let Ok(Some(json)) = storage::load().await {
                    if let Ok(r) = persist::from_json(&json) {
                        d.dispatch(Action::External(r));
                    }
                }
            });
        });
        move || drop(watch)
    });
}

async fn restore(dispatch: UseReducerDispatcher<State>) {
    match storage::load().await {
        Ok(Some(json)) => match persist::from_json(&json) {
            Ok(r) => dispatch.dispatch(Action::Restore(Some(r))),
            Err(persist::ReadError::Newer(v)) => {
                // Leave it alone: a newer Wasim wrote it. Work here is not saved over it.
                dispatch.dispatch(Action::Notice(Some(Notice::SaveFailed(format!(
                    "stored work has schema {v}, newer than this version"
                )))));
            }
            Err(persist::ReadError::Corrupt(_)) => {
                let _ = storage::set_aside(&json).await;
                dispatch.dispatch(Action::Restore(None));
                dispatch.dispatch(Action::Notice(Some(Notice::SetAside)));
            }
        },
        Ok(None) => dispatch.dispatch(Action::Restore(None)),
        Err(e) => {
            dispatch.dispatch(Action::Restore(None));
            dispatch.dispatch(Action::Notice(Some(Notice::SaveFailed(e))));
        }
    }
}

/// Saves shortly after every change, once stored work has been read.
#[hook]
pub fn use_autosave(state: &UseReducerHandle<State>) {
    let s = state.clone();
    let dispatch = state.dispatcher();
    use_effect_with((state.revision, state.restored), move |&(revision, restored)| {
        // Nothing to save until stored work was read and something changed since.
        let timer = (restored && revision > 0).then(|| {
            Timeout::new(SAVE_MS, move || {
                let json = persist::to_json(&s);
                spawn_local(async move {
                    if let Err(e) = storage::save(&json).await {
                        dispatch.dispatch(Action::Notice(Some(Notice::SaveFailed(e))));
                    }
                });
            })
        });
        move || drop(timer)
    });
}

/// The analyzer (the worker, or the page when it cannot start), made once; the state learns
/// whether the page analyzes alone.
#[hook]
pub fn use_analyzer(dispatch: UseReducerDispatcher<State>) -> Rc<Analyzer> {
    let analyzer = use_memo((), {
        let dispatch = dispatch.clone();
        move |_| Analyzer::new(dispatch)
    });
    let on_page = analyzer.on_page();
    use_effect_with(on_page, move |&on_page| {
        if on_page {
            dispatch.dispatch(Action::SetEngine(Engine::PageRules));
        }
        || ()
    });
    analyzer
}

/// Analyzes the current document after a pause in typing (at once for a new text), in the
/// worker when it runs.
#[hook]
pub fn use_analysis(state: &UseReducerHandle<State>, analyzer: &Rc<Analyzer>) {
    let dispatch = state.dispatcher();
    let analyzer = analyzer.clone();
    let entry = state.entry();
    let fresh = entry.doc.text.is_empty();
    let analyzed = *entry.doc.text == *entry.text;
    // The worker's analysis of this very text, if there is one (not after typing).
    let base = entry.base();
    let too_large = entry.text.len() > MAX_TEXT_BYTES;
    use_effect_with((entry.id, entry.text.clone()), move |_| {
        if too_large {
            dispatch.dispatch(Action::Notice(Some(Notice::TooLarge)));
        }
        || ()
    });
    // Also when the taught state changes (an undo): an answer made with the state left is
    // dropped, so the text is asked for again.
    use_effect_with((entry.id, entry.text.clone(), state.taught.gen), move |(id, text, _)| {
        let (id, text) = (*id, text.clone());
        let mut timer = None;
        if !too_large && !analyzed {
            if fresh {
                // A new text at once, in this very task: the worker analyzes while the page lays
                // the text out (a timer would fire only after that layout, 250 ms on a
                // 50,000-word paste).
                analyzer.request(id, text, base);
            } else {
                timer = Some(Timeout::new(PAUSE_MS, move || analyzer.request(id, text, base)));
            }
        }
        move || drop(timer)
    });
}

/// Today as `YYYY-MM-DD`, in the person's time zone: the date of a first correction.
fn today() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// Sends each correction to the worker to learn (then to re-tag its document), keeps the
/// worker holding what the state says was taught (after an undo, a restore, a reset, an
/// import), and re-tags every open document when asked.
#[hook]
pub fn use_learning(state: &UseReducerHandle<State>, analyzer: &Rc<Analyzer>) {
    let sent = use_mut_ref(|| 0u64);
    let newest = state.lessons.back().map_or(0, |t| t.gen);
    let (s, a) = (state.clone(), analyzer.clone());
    use_effect_with((newest, state.taught.gen), move |_| {
        // In order, each once: lessons come before the state they make is held.
        for t in s.lessons.iter().filter(|t| t.gen > *sent.borrow()) {
            let retag = s.docs.iter().find(|e| e.id == t.id && e.is_current());
            a.teach(t, retag.map(|e| (e.text.clone(), e.base())), today());
            *sent.borrow_mut() = t.gen;
        }
        a.hold(&s.taught);
        || ()
    });
    let (s, a) = (state.clone(), analyzer.clone());
    use_effect_with(state.retag_all, move |&n| {
        if n > 0 {
            for e in s.docs.iter().filter(|e| e.is_current() && !e.text.is_empty()) {
                a.request(e.id, e.text.clone(), e.base());
            }
        }
        || ()
    });
}

/// The keyboard, outside the text fields; the reducer decides what a key means.
#[hook]
pub fn use_keyboard(dispatch: UseReducerDispatcher<State>) {
    use_effect_with((), move |_| {
        let doc = web_sys::window().and_then(|w| w.document());
        // Not passive: shortcuts must be able to stop the browser's own meaning of a key.
        let opts = EventListenerOptions::enable_prevent_default();
        let listener = doc.map(|d| EventListener::new_with_options(&d, "keydown", opts, move |e| on_key(e, &dispatch)));
        move || drop(listener)
    });
}

fn on_key(e: &web_sys::Event, dispatch: &UseReducerDispatcher<State>) {
    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
    let target =
        e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).map(|el| el.tag_name()).unwrap_or_default();
    if matches!(target.as_str(), "TEXTAREA" | "INPUT" | "SELECT") || e.alt_key() {
        return;
    }
    let key = e.key();
    let act = |a: Action| {
        e.prevent_default();
        dispatch.dispatch(a);
    };
    if e.ctrl_key() || e.meta_key() {
        match (e.code().as_str(), e.shift_key()) {
            ("KeyZ", false) => act(Action::Undo),
            ("KeyZ", true) | ("KeyY", _) => act(Action::Redo),
            _ => {}
        }
        return;
    }
    // Letters by their place on the keyboard (`code`), so that the shortcuts work the same
    // with an Arabic layout, where the key marked n types ى.
    let k = match (key.as_str(), e.code().as_str()) {
        (d, _) if d.len() == 1 && d.as_bytes()[0].is_ascii_digit() => Key::digit(d.as_bytes()[0] - b'0'),
        (_, c) if c.starts_with("Digit") && c.len() == 6 => Key::digit(c.as_bytes()[5] - b'0'),
        ("Delete" | "Backspace", _) => Key::Delete,
        // Enter on a button is the button's.
        ("Enter", _) if target == "BUTTON" => return,
        ("Enter", _) => Key::Enter,
        (_, "KeyT") => Key::TagAll,
        (_, "KeyC") => Key::Claim,
        (_, "KeyU") => Key::Unsure { back: e.shift_key() },
        (_, "KeyN" | "KeyJ") => Key::Next,
        (_, "KeyP" | "KeyK") => Key::Prev,
        (_, "BracketRight") => Key::NextClaim,
        (_, "BracketLeft") => Key::PrevClaim,
        // The text reads right to left: left is forward.
        ("ArrowLeft", _) if e.shift_key() => Key::Extend { forward: true },
        ("ArrowRight", _) if e.shift_key() => Key::Extend { forward: false },
        ("?", _) => Key::Help,
        ("Escape", _) => {
            if let Some(sel) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
                let _ = sel.remove_all_ranges();
            }
            Key::Escape
        }
        _ => return,
    };
    act(Action::Key(k));
}

/// Brings the focused entity or claim into view, and the keyboard focus to an entity. Scrolls
/// only as far as needed: a click on a visible highlight does not move the page.
#[hook]
pub fn use_focus(state: &UseReducerHandle<State>) {
    let doc = state.entry().doc.clone();
    let target = match &state.focus {
        Some(Focus::Entity(i)) => {
            doc.entities.get(*i).map(|e| (format!(".reader [data-e=\"{}\"]", e.span.start), true))
        }
        Some(Focus::Claim(i)) => {
            doc.claims.get(*i).map(|c| (format!(".reader [data-claim=\"{}\"]", c.content.start), false))
        }
        _ => None,
    };
    use_effect_with((state.focus.clone(), target), |(_, target)| {
        if let Some((selector, entity)) = target {
            if let Some(el) =
                web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(selector).ok().flatten())
            {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
                // The keyboard goes to the reader, whose active descendant is the highlight.
                if let (true, Some(reader)) = (*entity, el.closest(".reader").ok().flatten()) {
                    let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
                    if active.as_ref() != Some(&reader) {
                        if let Ok(h) = reader.dyn_into::<web_sys::HtmlElement>() {
                            let o = web_sys::FocusOptions::new();
                            o.set_prevent_scroll(true);
                            let _ = h.focus_with_options(&o);
                        }
                    }
                }
            }
        }
        || ()
    });
    // The text box takes the keyboard when a new, empty document becomes current.
    let entry = state.entry();
    let empty = entry.text.is_empty();
    use_effect_with(entry.id, move |_| {
        if empty {
            if let Some(t) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("text"))
                .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = t.focus();
            }
        }
        || ()
    });
}

/// Keeps the text box showing the current document's text without handing it the whole text
/// on every render: the value is set only when it differs from what the box holds (another
/// document, a restore, an undo), never after the user's own typing. A text box given a
/// 200 KB value lays it all out again: about 50 ms a keystroke on a 20,000-word document.
#[hook]
pub fn use_text_box(state: &UseReducerHandle<State>) -> NodeRef {
    let node = use_node_ref();
    let entry = state.entry();
    use_effect_with((entry.id, entry.text.clone(), node.clone()), |(_, text, node)| {
        if let Some(ta) = node.cast::<web_sys::HtmlTextAreaElement>() {
            if ta.value().len() != text.len() || *ta.value() != **text {
                ta.set_value(text);
            }
        }
        || ()
    });
    node
}

/// The CSS Custom Highlight API: paints text ranges without adding elements, so the DOM keeps
/// one `mark` per entity and nothing else. Used for a focused claim's speaker and cue, a
/// keyboard selection, and the places two annotations disagree.
fn paint(name: &str, ranges: &[web_sys::Range]) {
    use js_sys::{Array, Function, Reflect};
    use wasm_bindgen::JsValue;
    let get = |o: &JsValue, k: &str| Reflect::get(o, &JsValue::from_str(k)).ok().filter(|v| !v.is_undefined());
    let global = js_sys::global();
    let (Some(registry), Some(ctor)) =
        (get(&global, "CSS").and_then(|c| get(&c, "highlights")), get(&global, "Highlight"))
    else {
        return; // a browser without highlights shows the panel's lists only
    };
    let call = |method: &str, args: &Array| {
        if let Some(f) = get(&registry, method).and_then(|f| f.dyn_into::<Function>().ok()) {
            let _ = f.apply(&registry, args);
        }
    };
    if ranges.is_empty() {
        call("delete", &Array::of1(&JsValue::from_str(name)));
        return;
    }
    let list: Array = ranges.iter().collect();
    if let Some(ctor) = ctor.dyn_ref::<Function>() {
        if let Ok(h) = Reflect::construct(ctor, &list) {
            call("set", &Array::of2(&JsValue::from_str(name), &h));
        }
    }
}

/// Paints what the DOM does not hold as elements: the focused claim's speaker and cue, the
/// selection (set as the page's selection, so a keyboard selection shows), and, while a
/// comparison is open, the disagreements. Offsets become UTF-16 here, at the DOM boundary.
#[hook]
pub fn use_highlights(state: &UseReducerHandle<State>) {
    use crate::components::{reader::dom_range, DocRef};
    use wasim_engine::agree::agree;
    use wasim_engine::offsets::{OffsetIndex, Unit};
    let entry = state.entry();
    let doc = entry.doc.clone();
    let comparison =
        state.comparison.as_ref().filter(|c| c.id == entry.id && c.doc.text == doc.text).map(|c| c.doc.clone());
    let spans = |doc: &wasim_engine::Document, spans: &mut dyn Iterator<Item = wasim_engine::Span>| {
        // The index reads the whole text: only made when there is something to paint.
        let mut spans = spans.peekable();
        if spans.peek().is_none() {
            return Vec::new();
        }
        let ix = OffsetIndex::new(&doc.text);
        spans
            .filter_map(|s| {
                let u = ix.span_to(s, Unit::Utf16);
                dom_range(u.start, u.end)
            })
            .collect::<Vec<_>>()
    };
    use_effect_with((state.focus.clone(), DocRef(doc.clone())), move |(focus, DocRef(doc))| {
        let claim = match focus {
            Some(Focus::Claim(i)) => doc.claims.get(*i),
            _ => None,
        };
        paint("wasim-speaker", &spans(doc, &mut claim.and_then(|c| c.speaker).into_iter()));
        paint("wasim-cue", &spans(doc, &mut claim.and_then(|c| c.cue).into_iter()));
        let selection = match focus {
            Some(Focus::Selection(snap)) => spans(doc, &mut std::iter::once(snap.span)).pop(),
            _ => None,
        };
        if let (Some(r), Some(sel)) = (selection, web_sys::window().and_then(|w| w.get_selection().ok().flatten())) {
            let same = sel.range_count() == 1
                && sel.get_range_at(0).ok().is_some_and(|cur| {
                    cur.compare_boundary_points(web_sys::Range::START_TO_START, &r).ok() == Some(0)
                        && cur.compare_boundary_points(web_sys::Range::END_TO_END, &r).ok() == Some(0)
                });
            if !same {
                let _ = sel.remove_all_ranges();
                let _ = sel.add_range(&r);
            }
        }
        || ()
    });
    use_effect_with((DocRef(doc), comparison.map(DocRef)), move |(DocRef(doc), other)| {
        let places = other.as_ref().map(|o| agree(doc, &o.0).disagreements).unwrap_or_default();
        paint("wasim-disagree", &spans(doc, &mut places.iter().map(|d| d.span)));
        || paint("wasim-disagree", &[])
    });
}
