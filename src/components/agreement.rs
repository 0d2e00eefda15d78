//! Agreement with a second annotation of the same text: P/R/F1 per label (the second against
//! the current), Cohen's κ over words, and the places where they differ; choosing one selects
//! it in the text.

use super::DocRef;
use crate::i18n::Lang;
use crate::state::Focus;
use std::rc::Rc;
use wasim_engine::agree::agree;
use wasim_engine::edit::Snap;
use wasim_engine::Document;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AgreementProps {
    pub doc: DocRef,
    pub other: DocRef,
    pub lang: Lang,
    pub onfocus: Callback<Option<Focus>>,
    pub onclose: Callback<()>,
}

#[component(AgreementPanel)]
pub fn agreement_panel(props: &AgreementProps) -> Html {
    let t = props.lang.t();
    let r = use_memo((props.doc.clone(), props.other.clone()), |(a, b)| agree(&a.0, &b.0));
    let doc: &Rc<Document> = &props.doc.0;
    let lenient = &r.spans.entities.lenient;
    let close = {
        let cb = props.onclose.clone();
        move |_| cb.emit(())
    };
    html! {
        <section class="panel agreement" aria-label={t.agreement}>
            <h2>{ t.agreement }<button class="mini" onclick={close} aria-label={t.close}>{ "×" }</button></h2>
            <p class="kappa">{ format!("{}: {:.3}", t.kappa, r.kappa) }</p>
            <table>
                <tr><th></th><th>{ "P" }</th><th>{ "R" }</th><th>{ "F1" }</th></tr>
                { for lenient.iter().map(|(label, v)| html! {
                    <tr data-agree={label.clone()}><td>{ label }</td>
                        { for [v.p, v.r, v.f1].iter().map(|x| html! { <td>{ format!("{x:.2}") }</td> }) }
                    </tr>
                }) }
            </table>
            <h3>{ t.disagreements }<span class="count">{ r.disagreements.len() }</span></h3>
            <ul class="disagreements">
                { for r.disagreements.iter().map(|d| {
                    let onfocus = props.onfocus.clone();
                    let span = d.span;
                    let l = |x: Option<wasim_engine::Label>| x.map_or(t.nothing.to_string(), |l| l.to_string());
                    html! { <li><button class="mini" onclick={move |_| onfocus.emit(Some(Focus::Selection(Snap { span, detached: None })))}>
                        <b>{ span.of(&doc.text) }</b>{ format!(" {} / {}", l(d.a), l(d.b)) }</button></li> }
                }) }
            </ul>
        </section>
    }
}
