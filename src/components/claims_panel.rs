//! The claims panel: speaker — cue — content, direct quotes and denials marked. Choosing a claim
//! marks its content in the text; with text selected, its parts can be set from the selection.

use super::DocRef;
use crate::i18n::Lang;
use crate::state::{Focus, Op};
use wasim_engine::edit::Part;
use wasim_engine::Span;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ClaimsPanelProps {
    pub doc: DocRef,
    pub lang: Lang,
    #[prop_or_default]
    pub focus: Option<Focus>,
    /// The claim whose parts the buttons set.
    #[prop_or_default]
    pub active: Option<usize>,
    #[prop_or_default]
    pub onop: Callback<Op>,
    #[prop_or_default]
    pub onfocus: Callback<Option<Focus>>,
}

#[component(ClaimsPanel)]
pub fn claims_panel(props: &ClaimsPanelProps) -> Html {
    let t = props.lang.t();
    let doc = &props.doc;
    let selected = match &props.focus {
        Some(Focus::Selection(s)) => Some(s.span),
        _ => None,
    };
    let part = |s: Option<Span>| s.map_or_else(|| "—".to_string(), |s| s.of(&doc.text).to_string());
    html! {
        <section class="panel claims" aria-label={t.claims}>
            <h2>{ t.claims }<span class="count">{ doc.claims.len() }</span></h2>
            if doc.claims.is_empty() {
                <p class="empty">{ t.no_claims }</p>
            }
            <ol>
                { for doc.claims.iter().enumerate().map(|(i, c)| {
                    let focused = props.focus == Some(Focus::Claim(i)) || props.active == Some(i);
                    let onclick = { let f = props.onfocus.clone(); move |_| f.emit(Some(Focus::Claim(i))) };
                    let set = |p: Part, label: &'static str| {
                        let onop = props.onop.clone();
                        html! { <button class="mini" disabled={selected.is_none()} onclick={move |_| if let Some(span) = selected { onop.emit(Op::ClaimPart { i, part: p, span }) }}>{ label }</button> }
                    };
                    let delete = { let o = props.onop.clone(); move |_| o.emit(Op::DeleteClaim(i)) };
                    html! {
                        <li data-claim-item={format!("C{}", i + 1)} class={classes!(c.quoted.then_some("quoted"), c.negated.then_some("negated"), focused.then_some("focused"))}>
                            <button class="claim-summary" {onclick}>
                                <span class="speaker" title={t.speaker}>{ part(c.speaker) }</span>
                                <span class="cue" title={t.cue}>{ part(c.cue) }</span>
                                <span class="content" title={t.content}>{ c.content.of(&doc.text) }</span>
                            </button>
                            <span class="flags">
                                if c.quoted { <span class="flag">{ t.quoted }</span> }
                                if c.negated { <span class="flag neg">{ t.negated }</span> }
                            </span>
                            if focused {
                                <div class="claim-tools">
                                    { set(Part::Speaker, t.set_speaker) }{ set(Part::Cue, t.set_cue) }{ set(Part::Content, t.set_content) }
                                    <button class="mini delete" onclick={delete}>{ t.delete }</button>
                                </div>
                            }
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
