//! The legend: every label, always in the same place (nothing reflows under the pointer), with
//! its key, its name in the interface's language, its count, and buttons to accept or reject all
//! of the engine's remaining proposals of that label (an undo notice follows; a button with
//! nothing to act on keeps its place, hidden). Under it, what the looks of a highlight mean: a
//! dashed frame for the proposals the machine is unsure of (with how many, and the key that
//! walks them), ✦ for what the model learned from the person's corrections.

use super::{label_key, DocRef};
use crate::i18n::Lang;
use crate::state::{Op, UNSURE_BELOW};
use wasim_engine::{Label, Status};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LegendProps {
    pub doc: DocRef,
    pub lang: Lang,
    #[prop_or_default]
    pub onop: Callback<Op>,
    /// Whether the model has learned from corrections (its highlights may be marked ✦).
    #[prop_or_default]
    pub learned: bool,
}

#[component(Legend)]
pub fn legend_view(props: &LegendProps) -> Html {
    let t = props.lang.t();
    // (count, remaining proposals) per label, in one pass.
    let (counts, unsure) = *use_memo(props.doc.clone(), |d| {
        let mut c = [(0usize, 0usize); Label::ALL.len()];
        let mut unsure = 0;
        for e in &d.entities {
            let k = Label::ALL.iter().position(|&l| l == e.label).unwrap_or(0);
            c[k].0 += 1;
            c[k].1 += usize::from(e.status == Status::Auto);
            unsure += usize::from(crate::state::unsure(e));
        }
        (c, unsure)
    });
    html! {
        <>
        <ul class="legend" aria-label={t.entities}>
            { for Label::ALL.iter().enumerate().map(|(k, &label)| {
                let (n, pending) = counts[k];
                let name = props.lang.label(label);
                let accept = { let o = props.onop.clone(); move |_| o.emit(Op::AcceptAll(label)) };
                let reject = { let o = props.onop.clone(); move |_| o.emit(Op::RejectAll(label)) };
                let hidden = (pending == 0).then_some("idle");
                html! {
                    <li data-legend={label.as_str()} class={classes!((n == 0).then_some("none"))}>
                        <kbd>{ label_key(k) }</kbd>
                        <span class="chip" data-chip={label.as_str()} title={label.as_str()}>{ name }</span>
                        <span class="count">{ n }</span>
                        <button class={classes!("mini", "accept-all", hidden)} disabled={pending == 0}
                            title={format!("{} {name}", t.accept_all)} aria-label={format!("{} {name}", t.accept_all)} onclick={accept}>{ "✓" }</button>
                        <button class={classes!("mini", "reject-all", hidden)} disabled={pending == 0}
                            title={format!("{} {name}", t.reject_all)} aria-label={format!("{} {name}", t.reject_all)} onclick={reject}>{ "✗" }</button>
                    </li>
                }
            }) }
        </ul>
        <p class="legend-keys">
            <span class="key-unsure" data-unsure={unsure.to_string()}><span class="sample" aria-hidden="true"></span>
                { (t.unsure_key)((UNSURE_BELOW * 100.0).round() as u32, unsure) }</span>
            if props.learned {
                <span class="key-taught">{ t.taught_key }</span>
            }
        </p>
        </>
    }
}
