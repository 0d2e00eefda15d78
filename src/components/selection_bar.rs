//! The bar that acts on what is focused: a selection (label it, make a claim of it, take back a
//! detached clitic) or an entity (relabel, accept, delete, tag all). Every button shows its key.
//! It floats over the text next to what it acts on (below it, or above when there is no room
//! below), so the text never moves when it appears.

use super::{label_key, reader::dom_range, DocRef};
use crate::i18n::Lang;
use crate::state::{Focus, Op};
use wasim_engine::edit::Snap;
use wasim_engine::offsets::{OffsetIndex, Unit};
use wasim_engine::{Label, Span};
use yew::prelude::*;

/// Room between the bar and what it acts on, in CSS pixels.
const GAP: f64 = 8.0;

/// Where what is focused is drawn on screen.
fn anchor_rect(doc: &wasim_engine::Document, focus: &Option<Focus>) -> Option<web_sys::DomRect> {
    match focus {
        Some(Focus::Selection(snap)) => {
            let u = OffsetIndex::new(&doc.text).span_to(snap.span, Unit::Utf16);
            Some(dom_range(u.start, u.end)?.get_bounding_client_rect())
        }
        Some(Focus::Entity(i)) => {
            let e = doc.entities.get(*i)?;
            let d = web_sys::window()?.document()?;
            let el = d.query_selector(&format!(".reader mark[data-e=\"{}\"]", e.span.start)).ok()??;
            Some(el.get_bounding_client_rect())
        }
        _ => None,
    }
}

/// Places the bar next to what it acts on, inside its positioned parent (the view).
fn place(bar: &NodeRef, doc: &wasim_engine::Document, focus: &Option<Focus>) -> Option<()> {
    let el = bar.cast::<web_sys::HtmlElement>()?;
    let parent = el.offset_parent()?.get_bounding_client_rect();
    let at = anchor_rect(doc, focus)?;
    let height = f64::from(el.offset_height());
    let width = f64::from(el.offset_width());
    let viewport = web_sys::window()?.inner_height().ok()?.as_f64()?;
    let below = at.bottom() + GAP + height <= viewport || at.top() - GAP - height < 0.0;
    let top = if below { at.bottom() + GAP } else { at.top() - GAP - height } - parent.top();
    // Right edges lined up (the text runs right to left), kept inside the view.
    let left = (at.right() - width - parent.left()).clamp(0.0, (parent.width() - width).max(0.0));
    let style = el.style();
    style.set_property("top", &format!("{top:.0}px")).ok()?;
    style.set_property("left", &format!("{left:.0}px")).ok()?;
    style.set_property("visibility", "visible").ok()
}

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
    let lang = props.lang;
    let doc = &props.doc;
    let bar = use_node_ref();
    use_effect_with((props.focus.clone(), props.doc.clone(), bar.clone()), |(focus, doc, bar)| {
        place(bar, doc, focus);
        || ()
    });
    let labels = |make: Box<dyn Fn(Label) -> Op>| {
        html! {
            <span class="labels" role="group">
                { for Label::ALL.iter().enumerate().map(|(n, &l)| {
                    let op = make(l);
                    let onop = props.onop.clone();
                    html! { <button class="label-btn" data-chip={l.as_str()} title={l.as_str()} onclick={move |_| onop.emit(op.clone())}>
                        <kbd>{ label_key(n) }</kbd>{ lang.label(l) }</button> }
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
                <div class="selection-bar" role="toolbar" aria-label={t.selection} ref={bar}>
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
                <div class="selection-bar entity" role="toolbar" ref={bar}>
                    <span class="chip" data-chip={e.label.as_str()}>{ e.span.of(&doc.text) }</span>
                    <span class="provenance" data-source={e.source.clone()} data-confidence={format!("{:.2}", e.confidence)}>
                        { format!("{}: {} · {:.0}% · {}", t.source, lang.source(&e.source), e.confidence * 100.0, e.status.as_str()) }</span>
                    { labels(Box::new(move |label| Op::Relabel { i, label })) }
                    <button class="accept" onclick={op(Op::Accept(i))} title={t.accept_next}><kbd>{ "Enter" }</kbd>{ t.accept }</button>
                    <button class="delete" onclick={op(Op::Delete(i))}><kbd>{ "Del" }</kbd>{ t.delete }</button>
                    <button class="tag-all" onclick={op(Op::TagAll { span, label })}>{ t.tag_all }</button>
                </div>
            }
        }
        _ => html! {},
    }
}
