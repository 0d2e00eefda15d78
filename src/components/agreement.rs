//! Agreement with a second annotation of the same text: which is which (A, this document; B,
//! the file), P/R/F1 per label and for claims (B against A), Cohen's κ over words, and the
//! places where they differ, also painted in the text (see `hooks::use_highlights`); choosing
//! one selects it in the text.

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
    /// This document's name and the file's.
    pub name: String,
    pub other_name: String,
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
    let claims = &r.spans.claims;
    let lang = props.lang;
    let label_name = |l: &str| wasim_engine::Label::parse(l).map_or(l.to_string(), |l| lang.label(l).to_string());
    let close = {
        let cb = props.onclose.clone();
        move |_| cb.emit(())
    };
    html! {
        <section class="panel agreement" aria-label={t.agreement}>
            <h2>{ t.agreement }<button class="mini" onclick={close} aria-label={t.close}>{ "×" }</button></h2>
            <dl class="sides">
                <dt>{ t.this_doc }</dt><dd data-side="a">{ &props.name }</dd>
                <dt>{ t.other_file }</dt><dd data-side="b">{ &props.other_name }</dd>
            </dl>
            <p class="kappa">{ format!("{}: {:.3}", t.kappa, r.kappa) }</p>
            <table>
                <tr><th></th><th>{ "P" }</th><th>{ "R" }</th><th>{ "F1" }</th></tr>
                { for lenient.iter().map(|(label, v)| html! {
                    <tr data-agree={label.clone()}><td>{ if label == "ALL" { label.clone() } else { label_name(label) } }</td>
                        { for [v.p, v.r, v.f1].iter().map(|x| html! { <td>{ format!("{x:.2}") }</td> }) }
                    </tr>
                }) }
                <tr data-agree="claims" class="claims-row"><td>{ t.claims_agree }</td>
                    { for [claims.prf.p, claims.prf.r, claims.prf.f1].iter().map(|x| html! { <td>{ format!("{x:.2}") }</td> }) }
                </tr>
            </table>
            <p class="claim-parts">{ format!("{}: {:.2} · {}: {:.2}", t.speakers_agree, claims.speaker_acc, t.cues_agree, claims.cue_acc) }</p>
            <h3>{ t.disagreements }<span class="count">{ r.disagreements.len() }</span></h3>
            <ul class="disagreements">
                { for r.disagreements.iter().map(|d| {
                    let onfocus = props.onfocus.clone();
                    let span = d.span;
                    let l = |x: Option<wasim_engine::Label>| x.map_or(t.nothing.to_string(), |l| lang.label(l).to_string());
                    html! { <li><button class="mini" onclick={move |_| onfocus.emit(Some(Focus::Selection(Snap { span, detached: None })))}>
                        <b>{ span.of(&doc.text) }</b>{ format!(" {} / {}", l(d.a), l(d.b)) }</button></li> }
                }) }
            </ul>
        </section>
    }
}
