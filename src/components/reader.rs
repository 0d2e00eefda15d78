//! The reading view: the text right-to-left with entities as `<mark data-label>` and claim
//! contents as `<span data-claim>`. One element per entity or run of text, never per character,
//! so Arabic letters stay joined; left-to-right runs sit in `<bdi>`. Every piece carries its
//! UTF-16 start in `data-s`, which turns a DOM selection into text offsets.

use super::DocRef;
use crate::state::Focus;
use std::rc::Rc;
use wasim_engine::view::{paragraphs, Paragraph, Piece, Run};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub doc: DocRef,
    #[prop_or_default]
    pub focus: Option<Focus>,
    /// A selection, as UTF-16 offsets into the text.
    #[prop_or_default]
    pub onselect: Callback<(usize, usize)>,
    #[prop_or_default]
    pub onfocusentity: Callback<usize>,
}

#[component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    let paras = use_memo(props.doc.clone(), |d| paragraphs(d).into_iter().map(Rc::new).collect::<Vec<_>>());
    let (focused_entity, focused_claim) = match props.focus {
        Some(Focus::Entity(i)) => (Some(i), None),
        Some(Focus::Claim(i)) => (None, Some(i)),
        _ => (None, None),
    };
    let onmouseup = {
        let onselect = props.onselect.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(range) = selection_utf16() {
                onselect.emit(range);
            }
        })
    };
    let onkeyup = {
        let onselect = props.onselect.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.shift_key() {
                if let Some(range) = selection_utf16() {
                    onselect.emit(range);
                }
            }
        })
    };
    html! {
        <div class="reader" dir="rtl" lang="ar" {onmouseup} {onkeyup}>
            { for paras.iter().map(|p| {
                // A paragraph re-renders only when the document or what is focused in it changes.
                let fe = focused_entity.filter(|&i| props.doc.entities.get(i).is_some_and(|e| p.span.overlaps(e.span) || p.span.contains(e.span)));
                let fc = focused_claim.filter(|&i| props.doc.claims.get(i).is_some_and(|c| p.span.overlaps(c.content)));
                html! { <Para key={p.span.start} doc={props.doc.clone()} para={p.clone()} focused_entity={fe} focused_claim={fc} onfocusentity={props.onfocusentity.clone()} /> }
            }) }
        </div>
    }
}

#[derive(Properties)]
struct ParaProps {
    doc: DocRef,
    para: Rc<Paragraph>,
    focused_entity: Option<usize>,
    focused_claim: Option<usize>,
    onfocusentity: Callback<usize>,
}

impl PartialEq for ParaProps {
    fn eq(&self, o: &ParaProps) -> bool {
        self.doc == o.doc && Rc::ptr_eq(&self.para, &o.para) && self.focused_entity == o.focused_entity && self.focused_claim == o.focused_claim
    }
}

#[component(Para)]
fn para(props: &ParaProps) -> Html {
    let p = &props.para;
    if p.runs.is_empty() {
        return html! { <p class="empty"><br /></p> };
    }
    html! { <p>{ for p.runs.iter().map(|r| run(props, r)) }</p> }
}

fn run(props: &ParaProps, r: &Run) -> Html {
    let pieces = html! { { for r.pieces.iter().map(|p| piece(props, p)) } };
    match r.claim {
        Some(c) => {
            let class = classes!("claim", (props.focused_claim == Some(c)).then_some("focused"));
            html! { <span {class} data-claim={format!("C{}", c + 1)}>{ pieces }</span> }
        }
        None => pieces,
    }
}

fn piece(props: &ParaProps, p: &Piece) -> Html {
    let doc = &props.doc;
    let text = p.span.of(&doc.text).to_string();
    let s = p.utf16.to_string();
    let inner = if p.isolate { html! { <bdi dir="ltr" data-s={s.clone()}>{ text }</bdi> } } else { html! { <span data-s={s.clone()}>{ text }</span> } };
    let Some((i, e)) = p.entity.and_then(|i| doc.entities.get(i).map(|e| (i, e))) else { return inner };
    // Focus and click both choose the entity: a click on an element that already has the
    // keyboard focus fires no focus event.
    let onfocus = {
        let cb = props.onfocusentity.clone();
        Callback::from(move |_: FocusEvent| cb.emit(i))
    };
    let onclick = {
        let cb = props.onfocusentity.clone();
        Callback::from(move |_: MouseEvent| cb.emit(i))
    };
    let class = classes!(format!("st-{}", e.status.as_str()), (props.focused_entity == Some(i)).then_some("focused"));
    html! {
        <mark {class} tabindex="0" data-label={e.label.as_str()} data-id={format!("T{}", i + 1)} data-source={e.source.clone()}
            data-status={e.status.as_str()} title={format!("{} · {} · {:.0}% · {}", e.label, e.source, e.confidence * 100.0, e.status.as_str())} {onfocus} {onclick}>
            { inner }
        </mark>
    }
}

/// The current DOM selection inside the reader as UTF-16 offsets into the text, if it is one.
fn selection_utf16() -> Option<(usize, usize)> {
    let sel = web_sys::window()?.get_selection().ok()??;
    if sel.is_collapsed() || sel.range_count() == 0 {
        return None;
    }
    let range = sel.get_range_at(0).ok()?;
    let a = offset_of(&range.start_container().ok()?, range.start_offset().ok()? as usize)?;
    let b = offset_of(&range.end_container().ok()?, range.end_offset().ok()? as usize)?;
    Some((a.min(b), a.max(b)))
}

/// The text offset of a DOM boundary point (node, offset) inside a piece with `data-s`.
fn offset_of(node: &web_sys::Node, offset: usize) -> Option<usize> {
    if node.node_type() == web_sys::Node::TEXT_NODE {
        let el = node.parent_element()?;
        let base: usize = el.closest("[data-s]").ok()??.get_attribute("data-s")?.parse().ok()?;
        return Some(base + offset);
    }
    // An element boundary: the start of the child at `offset`, or the end of the last one.
    let el: &web_sys::Element = node.dyn_ref()?;
    let children = el.child_nodes();
    if let Some(child) = children.get(offset as u32) {
        let first = first_piece(&child)?;
        return first.get_attribute("data-s")?.parse().ok();
    }
    let last = el.query_selector_all("[data-s]").ok()?;
    let piece: web_sys::Element = last.get(last.length().checked_sub(1)?)?.dyn_into().ok()?;
    let base: usize = piece.get_attribute("data-s")?.parse().ok()?;
    Some(base + piece.text_content()?.encode_utf16().count())
}

fn first_piece(node: &web_sys::Node) -> Option<web_sys::Element> {
    let el: web_sys::Element = node.clone().dyn_into().ok()?;
    if el.has_attribute("data-s") {
        return Some(el);
    }
    el.query_selector("[data-s]").ok()?
}
