//! The root component: it owns the state, starts the effects (see `hooks.rs`) and lays out the
//! components. Callbacks that only send an action are made once, so that the heavy components
//! (the reader, the panels) see the same props while the user types.

use crate::analyzer::Analyzer;
use crate::components::{
    agreement::AgreementPanel, claims_panel::ClaimsPanel, doc_list::DocList, groups::Groups, help::Help,
    legend::Legend, model_panel::ModelPanel, notice_bar::NoticeBar, overview::Overview, reader::Reader,
    selection_bar::SelectionBar, toolbar::Toolbar, DocRef,
};
use crate::hooks::{
    use_analysis, use_analyzer, use_autosave, use_focus, use_highlights, use_keyboard, use_learning, use_restore,
    use_text_box, MAX_TEXT_BYTES,
};
use crate::i18n::Lang;
use crate::state::{Action, Focus, Notice, Op, State};
use crate::{download, files, storage};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

const LANG_PREF: &str = "wasim.lang";

/// A callback that sends the action `f` makes of its argument.
fn send<T: 'static>(d: &UseReducerDispatcher<State>, f: impl Fn(T) -> Action + 'static) -> Callback<T> {
    let d = d.clone();
    Callback::from(move |x: T| d.dispatch(f(x)))
}

/// The callbacks that depend on nothing but the dispatcher: made once.
struct Senders {
    op: Callback<Op>,
    focus: Callback<Option<Focus>>,
    focus_entity: Callback<usize>,
    clear: Callback<()>,
    select: Callback<(usize, usize)>,
    undo: Callback<()>,
    redo: Callback<()>,
    help: Callback<()>,
    close_notice: Callback<()>,
    lang: Callback<Lang>,
    select_doc: Callback<usize>,
    rename_doc: Callback<(usize, String)>,
    delete_doc: Callback<usize>,
    new_doc: Callback<()>,
    files: Callback<web_sys::FileList>,
    compare: Callback<web_sys::FileList>,
    stop_compare: Callback<()>,
    input: Callback<InputEvent>,
    paste: Callback<Event>,
    overview: Callback<()>,
    /// A choice in the overview: focus it in the text and close the overview.
    overview_focus: Callback<Option<Focus>>,
    csv: Callback<String>,
    retag_all: Callback<()>,
    reset_model: Callback<()>,
    import_taught: Callback<web_sys::FileList>,
    /// A mouse button down in the text, or up (see [`Analyzer::press`]).
    press: Callback<bool>,
}

impl Senders {
    fn new(d: &UseReducerDispatcher<State>, analyzer: &Rc<Analyzer>) -> Senders {
        let import_taught = {
            let (d, a) = (d.clone(), analyzer.clone());
            Callback::from(move |f: web_sys::FileList| files::import_taught(f, a.clone(), d.clone()))
        };
        let files = {
            let d = d.clone();
            Callback::from(move |f: web_sys::FileList| files::open(f, d.clone()))
        };
        let compare = {
            let d = d.clone();
            Callback::from(move |f: web_sys::FileList| files::compare(f, d.clone()))
        };
        let input = {
            let d = d.clone();
            Callback::from(move |e: InputEvent| {
                if let Some(t) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                    d.dispatch(Action::SetText(t.value()));
                }
            })
        };
        // A paste over the limit is refused before it reaches the text box (a text box holding
        // megabytes of Arabic freezes the page while the browser lays it out).
        let paste = {
            let d = d.clone();
            Callback::from(move |e: Event| {
                let Some(ce) = e.dyn_ref::<web_sys::ClipboardEvent>() else { return };
                let size = ce.clipboard_data().and_then(|dt| dt.get_data("text").ok()).map_or(0, |t| t.len());
                if size > MAX_TEXT_BYTES {
                    e.prevent_default();
                    d.dispatch(Action::Notice(Some(Notice::TooLarge)));
                }
            })
        };
        let lang = {
            let d = d.clone();
            Callback::from(move |l: Lang| {
                storage::set_pref(LANG_PREF, l.code());
                d.dispatch(Action::SetLang(l));
            })
        };
        let overview_focus = {
            let d = d.clone();
            Callback::from(move |f: Option<Focus>| {
                d.dispatch(Action::Focus(f));
                d.dispatch(Action::ToggleOverview);
            })
        };
        let csv = {
            let d = d.clone();
            Callback::from(move |text: String| {
                if let Err(e) = download::save("wasim-index.csv", "text/csv", text.as_bytes()) {
                    d.dispatch(Action::Notice(Some(Notice::SaveFailed(e))));
                }
            })
        };
        let press = {
            let a = analyzer.clone();
            Callback::from(move |down: bool| a.press(down))
        };
        Senders {
            press,
            retag_all: send(d, |_| Action::RetagAll),
            reset_model: send(d, |_| Action::ResetModel),
            import_taught,
            overview: send(d, |_| Action::ToggleOverview),
            overview_focus,
            csv,
            op: send(d, Action::Edit),
            focus: send(d, Action::Focus),
            // By where it starts, resolved by the reducer: a paragraph not drawn again keeps
            // its old DOM, and entity numbers may have moved since.
            focus_entity: send(d, Action::FocusEntityAt),
            clear: send(d, |_| Action::Focus(None)),
            select: send(d, |(a, b)| Action::Select(a, b)),
            undo: send(d, |_| Action::Undo),
            redo: send(d, |_| Action::Redo),
            help: send(d, |_| Action::ToggleHelp),
            close_notice: send(d, |_| Action::Notice(None)),
            lang,
            select_doc: send(d, Action::SelectDoc),
            rename_doc: send(d, |(i, n)| Action::RenameDoc(i, n)),
            delete_doc: send(d, Action::DeleteDoc),
            new_doc: send(d, |_| Action::NewDoc),
            files,
            compare,
            stop_compare: send(d, |_| Action::Compare(None)),
            input,
            paste,
        }
    }
}

#[component(App)]
pub fn app() -> Html {
    let state =
        use_reducer(|| State::with_lang(storage::pref(LANG_PREF).as_deref().and_then(Lang::parse).unwrap_or_default()));
    let dispatch = state.dispatcher();
    let analyzer = use_analyzer(dispatch.clone());
    let cb = use_memo((), |_| Senders::new(&dispatch, &analyzer));
    use_restore(dispatch.clone());
    use_autosave(&state);
    use_analysis(&state, &analyzer);
    use_learning(&state, &analyzer);
    use_keyboard(dispatch.clone());
    use_focus(&state);
    use_highlights(&state);
    let text_box = use_text_box(&state);

    let lang = state.lang;
    let t = lang.t();
    let entry = state.entry();
    let doc = DocRef(entry.doc.clone());
    let onexport = {
        let s = state.clone();
        let d = dispatch.clone();
        Callback::from(move |(format, all): (String, bool)| {
            if let Err(e) = files::export(&s, &format, all) {
                d.dispatch(Action::Notice(Some(Notice::SaveFailed(e))));
            }
        })
    };
    let onexportall = {
        let e = onexport.clone();
        Callback::from(move |_| e.emit(("json".into(), true)))
    };
    // What the model learned, or a taught file it could not use, as a `.wasim-taught` file.
    let taught_export = |file: Option<crate::protocol::TaughtFile>| {
        let d = dispatch.clone();
        Callback::from(move |_| {
            if let Err(e) = file.as_ref().map_or(Ok(()), files::export_taught) {
                d.dispatch(Action::Notice(Some(Notice::SaveFailed(e))));
            }
        })
    };
    let onexporttaught = taught_export(state.taught.to_file());
    let onexportunusable = taught_export(state.unusable.as_deref().cloned());
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let onfiles = cb.files.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(files) = e.data_transfer().and_then(|dt| dt.files()) {
                onfiles.emit(files);
            }
        })
    };
    let status = if entry.text.len() > MAX_TEXT_BYTES {
        String::new()
    } else if !entry.is_current() {
        t.analyzing.to_string()
    } else {
        state.analysis_ms.map_or(String::new(), |ms| {
            (t.status)(
                lang.count(entry.doc.entities.len(), &t.entity_n),
                lang.count(entry.doc.claims.len(), &t.claim_n),
                ms,
            )
        })
    };
    let comparison = state.comparison.as_ref().filter(|c| c.id == entry.id && c.doc.text == entry.doc.text);
    let review = wasim_engine::view::review(&entry.doc);

    html! {
        <div class="app" lang={lang.code()} dir={lang.dir()} {ondragover} {ondrop}>
            <header class="top">
                <h1 lang="ar">{ "واسم" }<small>{ t.tagline }</small></h1>
                <Toolbar {lang} can_undo={state.can_undo()} can_redo={state.can_redo()} can_export={!entry.doc.text.is_empty()}
                    onundo={cb.undo.clone()} onredo={cb.redo.clone()} {onexport} onhelp={cb.help.clone()}
                    onlang={cb.lang.clone()} oncompare={cb.compare.clone()} onoverview={cb.overview.clone()} />
            </header>
            <NoticeBar notice={state.notice.clone()} {lang} onclose={cb.close_notice.clone()} onundo={cb.undo.clone()} {onexportall} {onexportunusable} />
            <main class={classes!("work", (!entry.text.is_empty()).then_some("has-text"))}>
                <section class="input">
                    <DocList docs={state.docs.clone()} current={state.current} {lang}
                        onselect={cb.select_doc.clone()} onrename={cb.rename_doc.clone()} ondelete={cb.delete_doc.clone()}
                        onnew={cb.new_doc.clone()} onfiles={cb.files.clone()} />
                    <label for="text">{ t.text }</label>
                    <textarea id="text" dir="rtl" lang="ar" ref={text_box} oninput={cb.input.clone()}
                        onpaste={cb.paste.clone()} placeholder={t.placeholder} spellcheck="false" />
                    <p class="status" role="status">{ status }</p>
                    <ModelPanel taught={state.taught.clone()} engine={state.engine} learn_ms={state.learn_ms} {lang}
                        onretag={cb.retag_all.clone()} onexport={onexporttaught} onimport={cb.import_taught.clone()}
                        onreset={cb.reset_model.clone()} />
                </section>
                <section class="view">
                    <p class="review" title={t.reviewed_hint} data-review={format!("{}/{}", review.reviewed, review.total)}>
                        { (t.reviewed)(review.reviewed, review.total) }</p>
                    <Legend doc={doc.clone()} {lang} onop={cb.op.clone()} learned={state.taught.corrections > 0} />
                    <SelectionBar doc={doc.clone()} focus={state.focus.clone()} {lang} onop={cb.op.clone()} onfocus={cb.focus.clone()} />
                    <Reader doc={doc.clone()} {lang} focus={state.focus.clone()} onselect={cb.select.clone()} onfocusentity={cb.focus_entity.clone()}
                        onclear={cb.clear.clone()} onpress={cb.press.clone()} />
                </section>
                <aside class="side">
                    if let Some(c) = comparison {
                        <AgreementPanel doc={doc.clone()} other={DocRef(c.doc.clone())} name={entry.display_name()} other_name={c.name.clone()}
                            {lang} onfocus={cb.focus.clone()}
                            onclose={cb.stop_compare.clone()} />
                    }
                    <ClaimsPanel doc={doc.clone()} {lang} focus={state.focus.clone()} active={state.active_claim} onop={cb.op.clone()} onfocus={cb.focus.clone()} />
                    <Groups doc={doc.clone()} {lang} focus={state.focus.clone()} onfocus={cb.focus.clone()} />
                </aside>
            </main>
            if state.overview {
                <Overview doc={doc.clone()} docs={state.docs.clone()} {lang} onfocus={cb.overview_focus.clone()}
                    onclose={cb.overview.clone()} oncsv={cb.csv.clone()} />
            }
            if state.help {
                <Help {lang} onclose={cb.help.clone()} />
            }
        </div>
    }
}
