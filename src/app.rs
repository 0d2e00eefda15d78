//! The root component: the text box, the reading view, the side panels and the export.

use crate::components::{claims_panel::ClaimsPanel, legend::Legend, reader::Reader};
use crate::state::{Action, State};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How long typing must pause before the text is analyzed again.
const PAUSE_MS: u32 = 200;

#[component(App)]
pub fn app() -> Html {
    let state = use_reducer(State::default);
    let error = use_state(|| None::<String>);

    // Analyze after a pause in typing; a paste arrives as one input event and is analyzed at once.
    {
        let dispatch = state.dispatcher();
        let text = state.text.clone();
        use_effect_with(text, move |text| {
            let text = text.clone();
            let delay = if text.is_empty() { 0 } else { PAUSE_MS };
            let timer = Timeout::new(delay, move || {
                let t0 = now();
                let doc = wasim_engine::annotate(&text);
                dispatch.dispatch(Action::Analyzed { doc, ms: now() - t0 });
            });
            move || drop(timer)
        });
    }

    let oninput = {
        let dispatch = state.dispatcher();
        Callback::from(move |e: InputEvent| {
            if let Some(t) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                dispatch.dispatch(Action::SetText(t.value()));
            }
        })
    };

    let onexport = {
        let doc = state.doc.clone();
        let error = error.clone();
        Callback::from(move |_: MouseEvent| {
            let json = wasim_engine::export::json::to_string(&doc);
            match crate::download::save("wasim.json", "application/json", &json) {
                Ok(()) => error.set(None),
                Err(e) => error.set(Some(format!("تعذّر التصدير: {}", e.as_string().unwrap_or_default()))),
            }
        })
    };

    let doc = state.doc.clone();
    let status = match (state.is_current(), state.analysis_ms) {
        (false, _) => "جارٍ التحليل…".to_string(),
        (true, Some(ms)) => format!("{} كيانًا · {} ادعاءً · {:.0} مللي ثانية", doc.entities.len(), doc.claims.len(), ms),
        (true, None) => String::new(),
    };

    html! {
        <div class="app">
            <header class="top">
                <h1>{ "واسم" }<small>{ "مُعلِّم النصوص العربية" }</small></h1>
                <div class="actions">
                    <button class="export" onclick={onexport} disabled={doc.text.is_empty()} title="تنزيل التعليقات بصيغة JSON (wasim/1)">
                        { "تصدير JSON" }
                    </button>
                </div>
            </header>
            if let Some(msg) = (*error).clone() {
                <p class="error" role="alert">{ msg }</p>
            }
            <main class="work">
                <section class="input">
                    <label for="text">{ "النص" }</label>
                    <textarea id="text" dir="rtl" lang="ar" value={state.text.clone()} {oninput}
                        placeholder="الصق مقالًا عربيًا هنا…" spellcheck="false" />
                    <p class="status" role="status">{ status }</p>
                </section>
                <section class="view">
                    <Legend doc={doc.clone()} />
                    <Reader doc={doc.clone()} />
                </section>
                <aside class="side">
                    <ClaimsPanel doc={doc} />
                </aside>
            </main>
        </div>
    }
}

/// Milliseconds from the page's time origin (0 where there is no `performance`).
fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}
