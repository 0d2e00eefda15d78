//! The document list: choose, rename, delete (undoable), start a new one, open files.

use crate::i18n::Lang;
use crate::state::Entry;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What the open dialog offers: every kind of file Wasim imports (`export::import`).
pub const OPENS: &str =
    ".txt,.json,.jsonl,.ndjson,.conll,.iob,.iob2,.bio,.tsv,.ann,.zip,text/plain,application/json,application/zip";

#[derive(Properties, PartialEq)]
pub struct DocListProps {
    pub docs: Vec<Entry>,
    pub current: usize,
    pub lang: Lang,
    pub onselect: Callback<usize>,
    pub onrename: Callback<(usize, String)>,
    pub ondelete: Callback<usize>,
    pub onnew: Callback<()>,
    pub onfiles: Callback<web_sys::FileList>,
}

#[component(DocList)]
pub fn doc_list(props: &DocListProps) -> Html {
    let t = props.lang.t();
    let renaming = use_state(|| None::<usize>);
    let onchange = super::on_files(&props.onfiles);
    html! {
        <nav class="docs" aria-label={t.documents}>
            <ul>
                { for props.docs.iter().enumerate().map(|(i, d)| {
                    let name = Some(d.display_name()).filter(|n| !n.is_empty()).unwrap_or_else(|| t.untitled.to_string());
                    let r = wasim_engine::view::review(&d.doc);
                    let select = { let cb = props.onselect.clone(); move |_| cb.emit(i) };
                    let delete = { let cb = props.ondelete.clone(); move |_| cb.emit(i) };
                    let start_rename = { let r = renaming.clone(); move |_| r.set(Some(i)) };
                    let finish = {
                        let r = renaming.clone();
                        let cb = props.onrename.clone();
                        move |e: Event| {
                            if let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                cb.emit((i, input.value().trim().to_string()));
                            }
                            r.set(None);
                        }
                    };
                    html! {
                        <li class={classes!((i == props.current).then_some("current"))} data-doc={i.to_string()}>
                            if *renaming == Some(i) {
                                <input class="rename" value={d.name.clone()} onchange={finish} aria-label={t.rename} />
                            } else {
                                <button class="doc-name" onclick={select} aria-current={(i == props.current).then_some("true")}>{ name }</button>
                                <span class="doc-review" title={(t.reviewed)(r.reviewed, r.total)} data-review={format!("{}/{}", r.reviewed, r.total)}>
                                    { format!("{}/{}", r.reviewed, r.total) }</span>
                                <button class="mini rename-btn" title={t.rename} aria-label={t.rename} onclick={start_rename}>{ "✎" }</button>
                            }
                            <button class="mini delete-doc" title={t.delete} aria-label={t.delete} onclick={delete}>{ "🗑" }</button>
                        </li>
                    }
                }) }
            </ul>
            <div class="doc-actions">
                <button class="new-doc" onclick={let cb = props.onnew.clone(); move |_| cb.emit(())}>{ t.new_doc }</button>
                <label class="open-files button">{ t.open_files }
                    <input class="visually-hidden" type="file" multiple=true accept={OPENS} {onchange} />
                </label>
            </div>
        </nav>
    }
}
