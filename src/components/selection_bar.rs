//! The bar above the reading view that acts on what is focused: a selection (label it, make a
//! claim of it, take back a detached clitic) or an entity (relabel, accept, delete, tag all).
//! Every button shows its key.

use super::{label_key, DocRef};
use crate::i18n::Lang;
use crate::state::{Focus, Op};
use wasim_engine::edit::Snap;
use wasim_engine::{Label, Span};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SelectionBarProps {
    pub doc: DocRef,
    pub focus: Option<Focus>,
    pub lang: Lang,
    pub onop: Callback<Op>,
    pub onfocus: Callback<Option<Focus>>,
}

#[component(SelectionBar)]
pub fn selection_bar(props: &SelectionBarProps) -> Html {
    let t = props.lang.t();
    let doc = &props.doc;
    let labels = |make: Box<dyn Fn(Label) -> Op>| {
        html! {
            <span class="labels" role="group">
                { for Label::ALL.iter().enumerate().map(|(n, &l)| {
                    let op = make(l);
                    let onop = props.onop.clone();
                    html! { <button class="label-btn" data-label={l.as_str()} onclick={move |_| onop.emit(op.clone())}>
                        <kbd>{ label_key(n) }</kbd>{ l.as_str() }</button> }
                }) }
            </span>
        }
    };
    match &props.focus {
        Some(Focus::Selection(Snap { span, detached })) => {
            let span = *span;
            let take_back = detached.map(|d| {
                let onfocus = props.onfocus.clone();
                let with = Snap { span: Span::new(d.start, span.end), detached: None };
                html! { <button class="clitic" onclick={move |_| onfocus.emit(Some(Focus::Selection(with.clone())))} title={t.keep_clitic}>
                    <span class="detached">{ d.of(&doc.text) }</span>{ "+ " }{ t.keep_clitic }</button> }
            });
            let onclaim = {
                let onop = props.onop.clone();
                move |_| onop.emit(Op::AddClaim(span))
            };
            html! {
                <div class="selection-bar" role="toolbar" aria-label={t.selection}>
                    <span class="picked">{ span.of(&doc.text) }</span>
                    { for take_back }
                    <span class="hint">{ t.pick_label }</span>
                    { labels(Box::new(move |label| Op::Add { span, label })) }
                    <button class="new-claim" onclick={onclaim}>{ t.new_claim }</button>
                </div>
            }
        }
        Some(Focus::Entity(i)) if *i < doc.entities.len() => {
            let i = *i;
            let e = &doc.entities[i];
            let span = e.span;
            let label = e.label;
            let op = |o: Op| {
                let onop = props.onop.clone();
                move |_| onop.emit(o.clone())
            };
            html! {
                <div class="selection-bar entity" role="toolbar">
                    <span class="chip" data-chip={e.label.as_str()}>{ e.span.of(&doc.text) }</span>
                    <span class="provenance">{ format!("{}: {} · {:.0}% · {}", t.source, e.source, e.confidence * 100.0, e.status.as_str()) }</span>
                    { labels(Box::new(move |label| Op::Relabel { i, label })) }
                    <button class="accept" onclick={op(Op::Accept(i))}><kbd>{ "Enter" }</kbd>{ t.accept }</button>
                    <button class="delete" onclick={op(Op::Delete(i))}><kbd>{ "Del" }</kbd>{ t.delete }</button>
                    <button class="tag-all" onclick={op(Op::TagAll { span, label })}>{ t.tag_all }</button>
                </div>
            }
        }
        _ => html! {},
    }
}
