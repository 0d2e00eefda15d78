//! The top bar: undo and redo, export (a chosen format, this document or all), shortcuts and
//! the interface language.

use crate::i18n::Lang;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use wasim_engine::export::FORMATS;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub lang: Lang,
    pub can_undo: bool,
    pub can_redo: bool,
    pub can_export: bool,
    pub onundo: Callback<()>,
    pub onredo: Callback<()>,
    /// (format id, all documents?)
    pub onexport: Callback<(String, bool)>,
    pub onhelp: Callback<()>,
    pub onlang: Callback<Lang>,
    /// A second annotation of the current text to compare with.
    pub oncompare: Callback<web_sys::FileList>,
    pub onoverview: Callback<()>,
}

#[component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let t = props.lang.t();
    let format = use_state(|| FORMATS[0].id.to_string());
    let onformat = {
        let format = format.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                format.set(s.value());
            }
        })
    };
    let export = |all: bool| {
        let cb = props.onexport.clone();
        let f = (*format).clone();
        move |_| cb.emit((f.clone(), all))
    };
    let emit = |cb: &Callback<()>| {
        let cb = cb.clone();
        move |_| cb.emit(())
    };
    let lang = props.lang;
    let onlang = {
        let cb = props.onlang.clone();
        move |_| cb.emit(lang.other())
    };
    html! {
        <div class="actions">
            <button class="undo" disabled={!props.can_undo} onclick={emit(&props.onundo)} title="Ctrl+Z">{ t.undo }</button>
            <button class="redo" disabled={!props.can_redo} onclick={emit(&props.onredo)} title="Ctrl+Shift+Z">{ t.redo }</button>
            <label class="format">{ t.format }
                <select class="export-format" onchange={onformat}>
                    { for FORMATS.iter().map(|f| html! { <option value={f.id} selected={*format == f.id} title={format!("offsets: {}; loses: {}", f.offsets, f.loses)}>{ f.name }</option> }) }
                </select>
            </label>
            <button class="export" disabled={!props.can_export} onclick={export(false)}>{ t.export }</button>
            <button class="export-all" disabled={!props.can_export} onclick={export(true)}>{ t.export_all }</button>
            <label class="compare button" title={t.compare_hint}>{ t.compare }
                <input class="visually-hidden" type="file" accept={super::doc_list::OPENS} multiple=true onchange={super::on_files(&props.oncompare)} />
            </label>
            <button class="overview-btn" onclick={emit(&props.onoverview)} disabled={!props.can_export}>{ t.overview }</button>
            <button class="help-btn" onclick={emit(&props.onhelp)} title="?">{ t.help }</button>
            <button class="lang" onclick={onlang} lang={lang.other().code()}>{ t.switch_lang }</button>
        </div>
    }
}
