//! The top bar: undo and redo, export (a chosen format, this document or all), shortcuts and
//! the interface language.

use crate::i18n::Lang;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The export formats offered, as (id, name shown).
pub const FORMATS: &[(&str, &str)] = &[("json", "Wasim JSON")];

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
}

#[component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let t = props.lang.t();
    let format = use_state(|| FORMATS[0].0.to_string());
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
    let onlang = { let cb = props.onlang.clone(); move |_| cb.emit(lang.other()) };
    html! {
        <div class="actions">
            <button class="undo" disabled={!props.can_undo} onclick={emit(&props.onundo)} title="Ctrl+Z">{ t.undo }</button>
            <button class="redo" disabled={!props.can_redo} onclick={emit(&props.onredo)} title="Ctrl+Shift+Z">{ t.redo }</button>
            <label class="format">{ t.format }
                <select class="export-format" onchange={onformat}>
                    { for FORMATS.iter().map(|(id, name)| html! { <option value={*id} selected={*format == *id}>{ *name }</option> }) }
                </select>
            </label>
            <button class="export" disabled={!props.can_export} onclick={export(false)}>{ t.export }</button>
            <button class="export-all" disabled={!props.can_export} onclick={export(true)}>{ t.export_all }</button>
            <button class="help-btn" onclick={emit(&props.onhelp)} title="?">{ t.help }</button>
            <button class="lang" onclick={onlang} lang={lang.other().code()}>{ t.switch_lang }</button>
        </div>
    }
}
