//! The learned model's panel: what it has learned from the person's corrections (how many,
//! since when) or that it is as shipped, how long the last lesson took, and what to do with it:
//! re-tag every open document, export what it learned as a `.wasim-taught` file, import one,
//! reset to the shipped model. When no model runs (the worker could not start or load it), it
//! says that the rules alone tag.

use crate::i18n::Lang;
use crate::state::{Engine, Taught};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ModelPanelProps {
    pub taught: Rc<Taught>,
    pub engine: Engine,
    pub learn_ms: Option<f64>,
    pub lang: Lang,
    pub onretag: Callback<()>,
    pub onexport: Callback<()>,
    pub onimport: Callback<web_sys::FileList>,
    pub onreset: Callback<()>,
}

#[component(ModelPanel)]
pub fn model_panel(props: &ModelPanelProps) -> Html {
    let t = props.lang.t();
    let taught = &props.taught;
    let emit = |cb: &Callback<()>| {
        let cb = cb.clone();
        move |_: MouseEvent| cb.emit(())
    };
    let (state, status) = match props.engine {
        Engine::PageRules => ("rules-page", t.rules_only_page.to_string()),
        Engine::WorkerRules => ("rules-worker", t.rules_only_worker.to_string()),
        Engine::Starting if taught.corrections == 0 => ("starting", t.model_loading.to_string()),
        _ if taught.corrections == 0 => ("shipped", t.model_shipped.to_string()),
        _ => (
            "taught",
            (t.model_learned)(
                props.lang.count(taught.corrections as usize, &t.correction_n),
                // A date breaks at no hyphen.
                &taught.since.as_deref().unwrap_or("—").replace('-', "\u{2011}"),
            ),
        ),
    };
    let learns = props.engine.learns();
    let onimport = super::on_files(&props.onimport);
    html! {
        <section class="panel model" aria-label={t.model} data-model={state} data-corrections={taught.corrections.to_string()}
            data-pending={taught.pending.to_string()}>
            <h2>{ t.model }</h2>
            <p class="model-status">{ status }</p>
            if taught.pending {
                <p class="learning">{ t.model_learning }</p>
            } else if let Some(ms) = props.learn_ms {
                <p class="learn-ms" data-ms={format!("{ms:.2}")}>{ (t.learn_ms)(ms) }</p>
            }
            <div class="model-tools">
                <button class="retag-all" disabled={!learns} title={t.retag_all_hint} onclick={emit(&props.onretag)}>{ t.retag_all }</button>
                <button class="export-taught" disabled={taught.file.is_none()} onclick={emit(&props.onexport)}>{ t.export_taught }</button>
                if learns {
                    <label class="import-taught button" title={t.import_taught_hint}>{ t.import_taught }
                        <input class="visually-hidden" type="file" accept=".wasim-taught" onchange={onimport} />
                    </label>
                }
                <button class="reset-model" disabled={taught.file.is_none()} onclick={emit(&props.onreset)}>{ t.reset_model }</button>
            </div>
        </section>
    }
}
