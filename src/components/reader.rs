//! The reading view: the text right-to-left with entities as `<mark data-label>` and claim
//! contents as `<span data-claim>`. One element per entity or claim run, never per character,
//! so Arabic letters stay joined; left-to-right runs sit in `<bdi>`. Each paragraph carries its
//! UTF-16 start in `data-s`, which turns a DOM selection into text offsets.
//!
//! Long documents: each paragraph is its own component whose props are the paragraph's own
//! content (text pieces, labels, statuses, focus) compared by value, so an edit re-renders only
//! the paragraphs it touched. Entities and claims are named in the DOM by where they start
//! (`data-e`, `data-claim`), which does not change when an edit elsewhere renumbers them.

use super::DocRef;
use crate::state::Focus;
use std::rc::Rc;
use wasim_engine::view::{ltr_runs, paragraphs_with};
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
#[derive(Clone, Debug, PartialEq)]
struct ParaView {
    /// UTF-16 offset of the paragraph in the text.
    utf16: usize,
    runs: Vec<RunView>,
}

#[derive(Clone, Debug, PartialEq)]
struct RunView {
    /// `data-claim`: the byte where the claim's content starts.
    claim: Option<usize>,
    focused: bool,
    pieces: Vec<PieceView>,
}

#[derive(Clone, Debug, PartialEq)]
struct PieceView {
    text: String,
    isolate: bool,
    entity: Option<EntityView>,
}

#[derive(Clone, Debug, PartialEq)]
struct EntityView {
    /// The byte where the entity starts: its name in the DOM.
    start: usize,
    label: &'static str,
    status: &'static str,
    title: String,
    source: String,
    focused: bool,
}

fn views(doc: &wasim_engine::Document, ltr: &[wasim_engine::Span], focus: &Option<Focus>) -> Vec<Rc<ParaView>> {
    let focused_entity = match focus {
        Some(Focus::Entity(i)) => doc.entities.get(*i).map(|e| e.span.start),
        _ => None,
    };
    let focused_claim = match focus {
        Some(Focus::Claim(i)) => doc.claims.get(*i).map(|c| c.content.start),
        _ => None,
    };
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
                                focused: focused_entity == Some(e.span.start),
                            }),
                        })
                        .collect();
                    RunView { claim, focused: claim.is_some() && claim == focused_claim, pieces }
                })
                .collect();
            Rc::new(ParaView { utf16, runs })
        })
        .collect()
}

#[component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    // Left-to-right runs depend on the text alone: kept across annotation edits.
    let ltr = use_memo(props.doc.text.clone(), |t| ltr_runs(t));
    let paras = use_memo((props.doc.clone(), props.focus.clone()), |(d, f)| views(d, &ltr, f));
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
            { for paras.iter().enumerate().map(|(n, p)| html! { <Para key={n} para={p.clone()} onfocusentity={props.onfocusentity.clone()} /> }) }
        </div>
    }
}

#[derive(Properties)]
struct ParaProps {
    para: Rc<ParaView>,
    onfocusentity: Callback<usize>,
}

impl PartialEq for ParaProps {
    fn eq(&self, o: &ParaProps) -> bool {
        // By value: an unchanged paragraph is not drawn again.
        self.para == o.para
    }
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
            html! { <span class={classes!("claim", r.focused.then_some("focused"))} data-claim={c.to_string()}>{ pieces }</span> }
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
    let start = e.start;
    // Focus and click both choose the entity: a click on an element that already has the
    // keyboard focus fires no focus event.
    let onfocus = {
        let cb = props.onfocusentity.clone();
        Callback::from(move |_: FocusEvent| cb.emit(start))
    };
    let onclick = {
        let cb = props.onfocusentity.clone();
        Callback::from(move |_: MouseEvent| cb.emit(start))
    };
    let class = classes!(format!("st-{}", e.status), e.focused.then_some("focused"));
    html! {
        <mark {class} tabindex="0" data-label={e.label} data-e={start.to_string()} data-source={e.source.clone()}
            data-status={e.status} title={e.title.clone()} {onfocus} {onclick}>{ inner }</mark>
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
