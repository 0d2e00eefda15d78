//! The legend: each label with its key style and count, and buttons to accept or reject all of
//! the engine's remaining proposals of that label.

use super::DocRef;
use crate::i18n::Lang;
use crate::state::Op;
use wasim_engine::view::legend;
use wasim_engine::Status;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LegendProps {
    pub doc: DocRef,
    pub lang: Lang,
    #[prop_or_default]
    pub onop: Callback<Op>,
}

#[component(Legend)]
pub fn legend_view(props: &LegendProps) -> Html {
    let t = props.lang.t();
    let rows = legend(&props.doc);
    html! {
        <ul class="legend" aria-label={t.entities}>
            { for rows.iter().map(|&(label, n)| {
                let pending = props.doc.entities.iter().any(|e| e.label == label && e.status == Status::Auto);
                let accept = { let o = props.onop.clone(); move |_| o.emit(Op::AcceptAll(label)) };
                let reject = { let o = props.onop.clone(); move |_| o.emit(Op::RejectAll(label)) };
                html! {
                    <li data-legend={label.as_str()}>
                        <span class="chip" data-chip={label.as_str()}>{ label.as_str() }</span><span class="count">{ n }</span>
                        if pending {
                            <button class="mini accept-all" title={format!("{} {}", t.accept_all, label)} onclick={accept}>{ "✓" }</button>
                            <button class="mini reject-all" title={format!("{} {}", t.reject_all, label)} onclick={reject}>{ "✗" }</button>
                        }
                    </li>
                }
            }) }
        </ul>
    }
}
