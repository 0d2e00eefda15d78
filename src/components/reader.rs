//! The reading view: the text right-to-left with entities as `<mark data-label>` and claim
//! contents as `<span data-claim>`. One element per entity or claim run, never per character,
//! so Arabic letters stay joined; left-to-right runs sit in `<bdi>`. Each paragraph carries its
//! UTF-16 start in `data-s`, which turns a DOM selection into text offsets.
//!
//! Long documents: each paragraph is its own component whose props are the paragraph's own
//! content (text pieces, labels, statuses) compared by value, so an edit re-renders only the
//! paragraphs it touched. The focus is not part of that content: it is handed only to the
//! paragraph that holds it, so moving it redraws two paragraphs and computes nothing anew.
//! Entities and claims are named in the DOM by where they start (`data-e`, `data-claim`), which
//! does not change when an edit elsewhere renumbers them. Mouse, keyboard focus and selection
//! are handled once, on the reader, not on every highlight.

use super::DocRef;
use crate::state::Focus;
use std::cell::Cell;
use std::rc::Rc;
use wasim_engine::view::{ltr_runs, paragraphs_with};
use wasim_engine::Span;
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
    /// An entity chosen by click or keyboard focus, by the byte where it starts.
    #[prop_or_default]
    pub onfocusentity: Callback<usize>,
}

/// One paragraph as it is drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ParaView {
    /// Its bytes in the text, to hand it the focus when the focus is inside.
    span: Span,
    /// UTF-16 offset of the paragraph in the text.
    utf16: usize,
    runs: Vec<RunView>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct RunView {
    /// `data-claim`: the byte where the claim's content starts.
    claim: Option<usize>,
    pieces: Vec<PieceView>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct PieceView {
    text: String,
    isolate: bool,
    entity: Option<EntityView>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct EntityView {
    /// The byte where the entity starts: its name in the DOM.
    start: usize,
    label: &'static str,
    status: &'static str,
    title: String,
    source: String,
}

fn views(doc: &wasim_engine::Document, ltr: &[Span]) -> Vec<Rc<ParaView>> {
    paragraphs_with(doc, ltr)
        .into_iter()
        .map(|p| {
            let utf16 = p.runs.first().and_then(|r| r.pieces.first()).map_or(0, |x| x.utf16);
            let runs = p
                .runs
                .iter()
                .map(|r| {
                    let claim = r.claim.and_then(|c| doc.claims.get(c)).map(|c| c.content.start);
                    let pieces = r
                        .pieces
                        .iter()
                        .map(|x| PieceView {
                            text: x.span.of(&doc.text).to_string(),
                            isolate: x.isolate,
                            entity: x.entity.and_then(|i| doc.entities.get(i)).map(|e| EntityView {
                                start: e.span.start,
                                label: e.label.as_str(),
                                status: e.status.as_str(),
                                title: format!(
                                    "{} · {} · {:.0}% · {}",
                                    e.label,
                                    e.source,
                                    e.confidence * 100.0,
                                    e.status.as_str()
                                ),
                                source: e.source.clone(),
                            }),
                        })
                        .collect();
                    RunView { claim, pieces }
                })
                .collect();
            Rc::new(ParaView { span: p.span, utf16, runs })
        })
        .collect()
}

#[component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    // Left-to-right runs depend on the text alone: kept across annotation edits.
    let ltr = use_memo(props.doc.text.clone(), |t| ltr_runs(t));
    let paras = use_memo(props.doc.clone(), |d| views(d, &ltr));
    // Where the focus is, as bytes: the entity's start, the claim content's start.
    let doc = &props.doc;
    let (entity, claim) = match props.focus {
        Some(Focus::Entity(i)) => (doc.entities.get(i).map(|e| e.span.start), None),
        Some(Focus::Claim(i)) => (None, doc.claims.get(i).map(|c| c.content.start)),
        _ => (None, None),
    };
    let inside = |p: &ParaView, at: Option<usize>| at.filter(|&b| p.span.start <= b && b <= p.span.end);
    // A mouse button is down: a focus or click inside a drag is not a choice of highlight.
    let pressed = use_mut_ref(|| Cell::new(false));
    let onmousedown = {
        let pressed = pressed.clone();
        Callback::from(move |_: MouseEvent| pressed.borrow().set(true))
    };
    let onmouseup = {
        let pressed = pressed.clone();
        let onselect = props.onselect.clone();
        let onfocusentity = props.onfocusentity.clone();
        Callback::from(move |e: MouseEvent| {
            pressed.borrow().set(false);
            // A drag selects text, wherever it started or ended; a click chooses a highlight.
            match selection_utf16() {
                Some(range) => onselect.emit(range),
                None => {
                    if let Some(start) = entity_at(e.target()) {
                        onfocusentity.emit(start);
                    }
                }
            }
        })
    };
    let onfocusin = {
        let onfocusentity = props.onfocusentity.clone();
        Callback::from(move |e: FocusEvent| {
            if !pressed.borrow().get() {
                if let Some(start) = entity_at(e.target()) {
                    onfocusentity.emit(start);
                }
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
        <div class="reader" dir="rtl" lang="ar" {onmousedown} {onmouseup} {onfocusin} {onkeyup}>
            { for paras.iter().enumerate().map(|(n, p)| html! {
                <Para key={n} para={p.clone()} focus={inside(p, entity)} claim={inside(p, claim)} />
            }) }
        </div>
    }
}

/// The entity (by its start byte) whose highlight holds `target`.
fn entity_at(target: Option<web_sys::EventTarget>) -> Option<usize> {
    let el = target?.dyn_into::<web_sys::Element>().ok()?;
    el.closest("mark[data-e]").ok()??.get_attribute("data-e")?.parse().ok()
}

#[derive(Properties, PartialEq)]
struct ParaProps {
    /// Compared by pointer first, then by value: an unchanged paragraph is not drawn again.
    para: Rc<ParaView>,
    /// The focused entity's start, when it is in this paragraph.
    focus: Option<usize>,
    /// The focused claim content's start, when it is in this paragraph.
    claim: Option<usize>,
}

#[component(Para)]
fn para(props: &ParaProps) -> Html {
    let p = &props.para;
    if p.runs.is_empty() {
        return html! { <p class="empty" data-s={p.utf16.to_string()}><br /></p> };
    }
    html! { <p data-s={p.utf16.to_string()}>{ for p.runs.iter().map(|r| run(props, r)) }</p> }
}

fn run(props: &ParaProps, r: &RunView) -> Html {
    let pieces = html! { { for r.pieces.iter().map(|p| piece(props, p)) } };
    match r.claim {
        Some(c) => {
            let focused = props.claim == Some(c);
            html! { <span class={classes!("claim", focused.then_some("focused"))} data-claim={c.to_string()}>{ pieces }</span> }
        }
        None => pieces,
    }
}

fn piece(props: &ParaProps, p: &PieceView) -> Html {
    let text = html! { { p.text.clone() } };
    let inner = if p.isolate {
        html! { <bdi dir="ltr">{ text }</bdi> }
    } else {
        text
    };
    let Some(e) = &p.entity else { return inner };
    let class = classes!(format!("st-{}", e.status), (props.focus == Some(e.start)).then_some("focused"));
    html! {
        <mark {class} tabindex="0" data-label={e.label} data-e={e.start.to_string()} data-source={e.source.clone()}
            data-status={e.status} title={e.title.clone()}>{ inner }</mark>
    }
}

/// The current DOM selection inside the reader as UTF-16 offsets into the text, if it is one.
fn selection_utf16() -> Option<(usize, usize)> {
    let sel = web_sys::window()?.get_selection().ok()??;
    if sel.is_collapsed() || sel.range_count() == 0 {
        return None;
    }
    let range = sel.get_range_at(0).ok()?;
    let a = offset_of(&range.start_container().ok()?, range.start_offset().ok()?)?;
    let b = offset_of(&range.end_container().ok()?, range.end_offset().ok()?)?;
    Some((a.min(b), a.max(b)))
}

/// The text offset of a DOM boundary point: its paragraph's `data-s` plus the length of the
/// text before it in the paragraph (a range's text leaves out the label tags drawn by CSS).
fn offset_of(node: &web_sys::Node, offset: u32) -> Option<usize> {
    let el = if node.node_type() == web_sys::Node::TEXT_NODE {
        node.parent_element()?
    } else {
        node.clone().dyn_into().ok()?
    };
    let para = el.closest("p[data-s]").ok()??;
    let base: usize = para.get_attribute("data-s")?.parse().ok()?;
    let doc = web_sys::window()?.document()?;
    let before = doc.create_range().ok()?;
    before.set_start(&para, 0).ok()?;
    before.set_end(node, offset).ok()?;
    let text: String = before.to_string().into();
    Some(base + text.encode_utf16().count())
}
