//! The root component: it owns the state, runs the analysis after a pause in typing, saves the
//! work, listens to the keyboard, and lays out the components.

use crate::analyzer::Analyzer;
use crate::components::{
    agreement::AgreementPanel, claims_panel::ClaimsPanel, doc_list::DocList, groups::Groups, help::Help,
    legend::Legend, reader::Reader, selection_bar::SelectionBar, toolbar::Toolbar, DocRef,
};
use crate::i18n::Lang;
use crate::state::{Action, Focus, Key, Notice, Op, State};
use crate::{download, persist, storage};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasim_engine::offsets::{OffsetIndex, Unit};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// How long typing must pause before the text is analyzed again.
const PAUSE_MS: u32 = 250;
/// How long after a change the work is saved (an edit lost at a crash is at most this old).
const SAVE_MS: u32 = 300;
/// Texts above this size are kept but not analyzed, with a message (analysis runs on the page).
pub const MAX_TEXT_BYTES: usize = 3_000_000;
const LANG_PREF: &str = "wasim.lang";

#[component(App)]
pub fn app() -> Html {
    let state =
        use_reducer(|| State::with_lang(storage::pref(LANG_PREF).as_deref().and_then(Lang::parse).unwrap_or_default()));
    let dispatch = state.dispatcher();
    let lang = state.lang;
    let t = lang.t();

    // Restore stored work once.
    use_effect_with((), {
        let dispatch = dispatch.clone();
        move |_| {
            spawn_local(async move { restore(dispatch).await });
            || ()
        }
    });

    // Another tab saved: load its version.
    use_effect_with((), {
        let dispatch = dispatch.clone();
        move |_| {
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
        }
    });

    // Analyze the current document after a pause in typing (at once for a new text), in the
    // worker when it runs.
    let analyzer = use_memo((), {
        let dispatch = dispatch.clone();
        move |_| Analyzer::new(dispatch)
    });
    {
        let entry = state.entry().clone();
        let dispatch = dispatch.clone();
        let analyzer = analyzer.clone();
        use_effect_with((entry.id, entry.text.clone()), move |(id, text)| {
            let (id, text) = (*id, text.clone());
            let fresh = entry.doc.text.is_empty();
            let too_large = text.len() > MAX_TEXT_BYTES;
            if too_large {
                dispatch.dispatch(Action::Notice(Some(Notice::TooLarge)));
            }
            let timer = (!too_large && *entry.doc.text != *text)
                .then(|| Timeout::new(if fresh { 0 } else { PAUSE_MS }, move || analyzer.request(id, text)));
            move || drop(timer)
        });
    }

    // Save shortly after every change, once stored work has been read.
    {
        let s = state.clone();
        let dispatch = dispatch.clone();
        use_effect_with((state.revision, state.restored), move |(revision, restored)| {
            // Nothing to save until stored work was read and something changed since.
            let timer = (*restored && *revision > 0).then(|| {
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

    // The keyboard; the reducer decides what a key means.
    use_effect_with((), {
        let dispatch = dispatch.clone();
        move |_| {
            let doc = web_sys::window().and_then(|w| w.document());
            // Not passive: shortcuts must be able to stop the browser's own meaning of a key.
            let opts = gloo::events::EventListenerOptions::enable_prevent_default();
            let listener =
                doc.map(|d| EventListener::new_with_options(&d, "keydown", opts, move |e| on_key(e, &dispatch)));
            move || drop(listener)
        }
    });

    // Bring the focused entity or claim into view (and the keyboard focus to an entity).
    let focus_target = match &state.focus {
        Some(Focus::Entity(i)) => {
            state.entry().doc.entities.get(*i).map(|e| format!(".reader [data-e=\"{}\"]", e.span.start))
        }
        Some(Focus::Claim(i)) => {
            state.entry().doc.claims.get(*i).map(|c| format!(".reader [data-claim=\"{}\"]", c.content.start))
        }
        _ => None,
    };
    use_effect_with((state.focus.clone(), focus_target), |(focus, selector)| {
        let selector = selector.clone();
        if let Some(el) = selector.and_then(|s| web_sys::window()?.document()?.query_selector(&s).ok().flatten()) {
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Center);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
            if let (Some(Focus::Entity(_)), Ok(h)) = (focus, el.dyn_into::<web_sys::HtmlElement>()) {
                let _ = h.focus();
            }
        }
        || ()
    });

    let entry = state.entry().clone();
    let doc = DocRef(entry.doc.clone());
    let onop = {
        let d = dispatch.clone();
        Callback::from(move |op: Op| d.dispatch(Action::Edit(op)))
    };
    let onfocus = {
        let d = dispatch.clone();
        Callback::from(move |f: Option<Focus>| d.dispatch(Action::Focus(f)))
    };
    let onselect = {
        let d = dispatch.clone();
        let doc = entry.doc.clone();
        Callback::from(move |(a, b): (usize, usize)| {
            let span = OffsetIndex::new(&doc.text).span_from(a, b, Unit::Utf16);
            let snap = span.and_then(|s| wasim_engine::edit::snap(&doc.text, s));
            d.dispatch(Action::Focus(snap.map(Focus::Selection)));
        })
    };
    // By where it starts, resolved by the reducer: a paragraph not drawn again keeps its old
    // callbacks, and entity numbers may have moved since.
    let onfocusentity = {
        let d = dispatch.clone();
        Callback::from(move |start: usize| d.dispatch(Action::FocusEntityAt(start)))
    };
    let oninput = {
        let d = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(t) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                d.dispatch(Action::SetText(t.value()));
            }
        })
    };
    // A paste over the limit is refused before it reaches the text box (a text box holding
    // megabytes of Arabic freezes the page while the browser lays it out).
    let onpaste = {
        let d = dispatch.clone();
        Callback::from(move |e: Event| {
            let Some(ce) = e.dyn_ref::<web_sys::ClipboardEvent>() else { return };
            let size = ce.clipboard_data().and_then(|dt| dt.get_data("text").ok()).map_or(0, |t| t.len());
            if size > MAX_TEXT_BYTES {
                e.prevent_default();
                d.dispatch(Action::Notice(Some(Notice::TooLarge)));
            }
        })
    };
    let onfiles = {
        let d = dispatch.clone();
        Callback::from(move |files: web_sys::FileList| open_files(files, d.clone()))
    };
    let oncompare = {
        let d = dispatch.clone();
        let current = entry.doc.text.clone();
        Callback::from(move |files: web_sys::FileList| {
            compare_with(files, current.clone(), d.clone(), t.different_text)
        })
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let onfiles = onfiles.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(files) = e.data_transfer().and_then(|dt| dt.files()) {
                onfiles.emit(files);
            }
        })
    };
    let onexport = {
        let s = state.clone();
        let d = dispatch.clone();
        Callback::from(move |(format, all): (String, bool)| {
            if let Err(e) = export(&s, &format, all) {
                d.dispatch(Action::Notice(Some(Notice::SaveFailed(e))));
            }
        })
    };
    let onlang = {
        let d = dispatch.clone();
        Callback::from(move |l: Lang| {
            storage::set_pref(LANG_PREF, l.code());
            d.dispatch(Action::SetLang(l));
        })
    };
    let status = if entry.text.len() > MAX_TEXT_BYTES {
        String::new()
    } else if !entry.is_current() {
        t.analyzing.to_string()
    } else {
        state.analysis_ms.map_or(String::new(), |ms| (t.status)(entry.doc.entities.len(), entry.doc.claims.len(), ms))
    };
    let export_all_cb = {
        let cb = onexport.clone();
        Callback::from(move |_: MouseEvent| cb.emit(("json".into(), true)))
    };
    let notice = state.notice.clone().map(|n| {
        let close = { let d = dispatch.clone(); move |_| d.dispatch(Action::Notice(None)) };
        let undo = { let d = dispatch.clone(); move |_| d.dispatch(Action::Undo) };
        let (text, extra) = match n {
            Notice::DocDeleted => (t.doc_deleted.to_string(), html! { <button class="mini undo-delete" onclick={undo}>{ t.undo }</button> }),
            Notice::SaveFailed(e) => (format!("{} ({e})", t.save_failed), html! { <button class="mini" onclick={export_all_cb}>{ t.export_all }</button> }),
            Notice::SetAside => (t.stored_set_aside.to_string(), html! {}),
            Notice::ImportFailed(e) => (format!("{}: {e}", t.import_failed), html! {}),
            Notice::TooLarge => ((t.too_large)(MAX_TEXT_BYTES / 1_000_000), html! {}),
            Notice::OtherTab => (t.other_tab.to_string(), html! {}),
        };
        html! { <div class="notice" role="alert"><span>{ text }</span>{ extra }<button class="mini" aria-label={t.close} onclick={close}>{ "×" }</button></div> }
    });

    html! {
        <div class="app" lang={lang.code()} dir={lang.dir()} {ondragover} {ondrop}>
            <header class="top">
                <h1 lang="ar">{ "واسم" }<small>{ t.tagline }</small></h1>
                <Toolbar {lang} can_undo={state.can_undo()} can_redo={state.can_redo()} can_export={!entry.doc.text.is_empty()}
                    onundo={{ let d = dispatch.clone(); move |_| d.dispatch(Action::Undo) }}
                    onredo={{ let d = dispatch.clone(); move |_| d.dispatch(Action::Redo) }}
                    {onexport} onhelp={{ let d = dispatch.clone(); move |_| d.dispatch(Action::ToggleHelp) }} {onlang} {oncompare} />
            </header>
            { for notice }
            <main class="work">
                <section class="input">
                    <DocList docs={state.docs.clone()} current={state.current} {lang}
                        onselect={{ let d = dispatch.clone(); move |i| d.dispatch(Action::SelectDoc(i)) }}
                        onrename={{ let d = dispatch.clone(); move |(i, n)| d.dispatch(Action::RenameDoc(i, n)) }}
                        ondelete={{ let d = dispatch.clone(); move |i| d.dispatch(Action::DeleteDoc(i)) }}
                        onnew={{ let d = dispatch.clone(); move |_| d.dispatch(Action::NewDoc) }} {onfiles} />
                    <label for="text">{ t.text }</label>
                    <textarea id="text" dir="rtl" lang="ar" value={entry.text.to_string()} {oninput} {onpaste} placeholder={t.placeholder} spellcheck="false" />
                    <p class="status" role="status">{ status }</p>
                </section>
                <section class="view">
                    <Legend doc={doc.clone()} {lang} onop={onop.clone()} />
                    <SelectionBar doc={doc.clone()} focus={state.focus.clone()} {lang} onop={onop.clone()} onfocus={onfocus.clone()} />
                    <Reader doc={doc.clone()} focus={state.focus.clone()} {onselect} {onfocusentity} />
                </section>
                <aside class="side">
                    if let Some((_, other)) = state.comparison.clone().filter(|(id, o)| *id == entry.id && o.text == entry.doc.text) {
                        <AgreementPanel doc={doc.clone()} other={DocRef(other)} {lang} onfocus={onfocus.clone()}
                            onclose={{ let d = dispatch.clone(); move |_| d.dispatch(Action::Compare(None)) }} />
                    }
                    <ClaimsPanel doc={doc.clone()} {lang} focus={state.focus.clone()} active={state.active_claim} onop={onop.clone()} onfocus={onfocus.clone()} />
                    <Groups doc={doc} {lang} focus={state.focus.clone()} {onfocus} />
                </aside>
            </main>
            if state.help {
                <Help {lang} onclose={{ let d = dispatch.clone(); move |_| d.dispatch(Action::ToggleHelp) }} />
            }
        </div>
    }
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
        match (key.to_lowercase().as_str(), e.shift_key()) {
            ("z", false) => act(Action::Undo),
            ("z", true) | ("y", _) => act(Action::Redo),
            _ => {}
        }
        return;
    }
    let k = match key.as_str() {
        d if d.len() == 1 && d.as_bytes()[0].is_ascii_digit() => Key::digit(d.as_bytes()[0] - b'0'),
        "Delete" | "Backspace" => Key::Delete,
        // Enter on a button is the button's.
        "Enter" if target == "BUTTON" => return,
        "Enter" => Key::Enter,
        "t" => Key::TagAll,
        "c" => Key::Claim,
        "n" | "j" => Key::Next,
        "p" | "k" => Key::Prev,
        "?" => Key::Help,
        "Escape" => {
            if let Some(sel) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
                let _ = sel.remove_all_ranges();
            }
            Key::Escape
        }
        _ => return,
    };
    act(Action::Key(k));
}

fn file_vec(files: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

/// The bytes of the chosen files, or a message naming the first that could not be read.
async fn read_files(files: Vec<web_sys::File>) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut out = Vec::new();
    for f in files {
        let name = f.name();
        if f.size() as usize > MAX_TEXT_BYTES * 2 {
            return Err(format!("{name}: {} MB is more than Wasim opens", f.size() as usize / 1_000_000));
        }
        let bytes =
            gloo_file::futures::read_as_bytes(&gloo_file::File::from(f)).await.map_err(|e| format!("{name}: {e}"))?;
        out.push((name, bytes));
    }
    Ok(out)
}

/// Opens files as documents: plain text to analyze, or annotations in any importable format.
/// A file that cannot be read stops the whole import with a message naming it; nothing
/// already open changes.
fn open_files(files: web_sys::FileList, dispatch: UseReducerDispatcher<State>) {
    // Taken now: the input is cleared right after this call, and its list with it.
    let files = file_vec(&files);
    spawn_local(async move {
        let result = read_files(files).await.and_then(|f| wasim_engine::export::import(&f).map_err(|e| e.to_string()));
        match result {
            Ok(docs) => dispatch.dispatch(Action::AddDocs(docs.into_iter().map(|n| (n.name, n.doc)).collect())),
            Err(e) => dispatch.dispatch(Action::Notice(Some(Notice::ImportFailed(e)))),
        }
    });
}

/// Loads a second annotation of the current text for comparison.
fn compare_with(
    files: web_sys::FileList,
    current: String,
    dispatch: UseReducerDispatcher<State>,
    different: &'static str,
) {
    let files = file_vec(&files);
    spawn_local(async move {
        let result = read_files(files).await.and_then(|f| wasim_engine::export::import(&f).map_err(|e| e.to_string()));
        match result.map(|docs| docs.into_iter().next()) {
            Ok(Some(n)) if n.doc.text == current => dispatch.dispatch(Action::Compare(Some(n.doc))),
            Ok(Some(n)) => {
                dispatch.dispatch(Action::Notice(Some(Notice::ImportFailed(format!("{}: {different}", n.name)))))
            }
            Ok(None) => {}
            Err(e) => dispatch.dispatch(Action::Notice(Some(Notice::ImportFailed(e)))),
        }
    });
}

/// Downloads the current document, or all, in `format`.
fn export(s: &State, format: &str, all: bool) -> Result<(), String> {
    let entries: Vec<&crate::state::Entry> = if all { s.docs.iter().collect() } else { vec![s.entry()] };
    let docs: Vec<wasim_engine::export::Named> =
        entries.iter().map(|e| wasim_engine::export::Named { name: e.name.clone(), doc: (*e.doc).clone() }).collect();
    let file = wasim_engine::export::export(format, &docs).map_err(|e| e.0)?;
    download::save(&file.name, file.mime, &file.bytes)
        .map_err(|e| e.as_string().unwrap_or_else(|| "download failed".into()))
}
