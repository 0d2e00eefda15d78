//! The claims panel: speaker — cue — content, direct quotes marked.

use std::rc::Rc;
use wasim_engine::Document;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ClaimsPanelProps {
    pub doc: Rc<Document>,
}

#[component(ClaimsPanel)]
pub fn claims_panel(props: &ClaimsPanelProps) -> Html {
    let doc = &props.doc;
    let part = |s: Option<wasim_engine::Span>| s.map_or_else(|| "—".to_string(), |s| s.of(&doc.text).to_string());
    html! {
        <section class="panel claims" aria-label="الادعاءات">
            <h2>{ "الادعاءات" }<span class="count">{ doc.claims.len() }</span></h2>
            <ol>
                { for doc.claims.iter().enumerate().map(|(i, c)| html! {
                    <li data-claim-item={format!("C{}", i + 1)} class={classes!(c.quoted.then_some("quoted"), c.negated.then_some("negated"))}>
                        <span class="speaker">{ part(c.speaker) }</span>
                        <span class="cue">{ part(c.cue) }</span>
                        <span class="content">{ c.content.of(&doc.text) }</span>
                    </li>
                }) }
            </ol>
        </section>
    }
}
