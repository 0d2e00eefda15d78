//! The reading view: the text right-to-left with entities as `<mark data-label>` and claim
//! contents as `<span data-claim>`. One element per entity or claim run, never per character,
//! so Arabic letters stay joined. Nothing is isolated: the paragraphs follow the Unicode bidi
//! algorithm exactly as the text box does (`unicode-bidi: plaintext` on both), so ٪ and
//! Latin words sit where the text box puts them. Each mark's label name (in the interface's
//! language) is drawn inline after it by CSS from `data-tag`, so labels never overlap. Each
//! paragraph carries its UTF-16 start in `data-s`, which turns a DOM selection into text
//! offsets, and text offsets into DOM ranges ([`dom_range`]).
//!
//! Long documents: each paragraph is its own component whose props are the paragraph's own
//! content (text pieces, labels, statuses) compared by value, so an edit re-renders only the
//! paragraphs it touched; drawn from scratch, their highlights come a slice a task ([`FIRST`]).
//! The focus is not part of that content: it is handed only to the paragraph that holds it, so
//! moving it redraws two paragraphs and computes nothing anew.
//! Entities and claims are named in the DOM by where they start (`data-e`, `data-claim`), which
//! does not change when an edit elsewhere renumbers them. Mouse and selection are handled once,
//! on the reader, not on every highlight. A mouse button down in the text is told to the app
//! (`onpress`), which holds the worker's answers until it is up, so no redraw lands under a drag.
//!
//! The keyboard focus stays on the reader (`tabindex="0"`), and the focused highlight is its
//! `aria-activedescendant`: highlights are not focusable, because Chromium starts no text
//! selection on a drag that begins on a focusable element, and a drag from a highlight must
//! select text.

use super::DocRef;
use crate::i18n::Lang;
use crate::state::{unsure, Focus};
use std::rc::Rc;
use wasim_engine::view::{paragraph, paragraphs_from, Paragraph};
use wasim_engine::Span;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub doc: DocRef,
    #[prop_or_default]
    pub lang: Lang,
    #[prop_or_default]
    pub focus: Option<Focus>,
    /// A selection, as UTF-16 offsets into the text.
    #[prop_or_default]
    pub onselect: Callback<(usize, usize)>,
    /// An entity chosen by a click, by the byte where it starts.
    #[prop_or_default]
    pub onfocusentity: Callback<usize>,
    /// A click on the text outside the highlights: nothing is chosen any more.
    #[prop_or_default]
    pub onclear: Callback<()>,
    /// A mouse button went down in the text (`true`), or up anywhere in the page (`false`,
    /// after the selection it made is read): analyses that arrive in between wait.
    #[prop_or_default]
    pub onpress: Callback<bool>,
}

/// One paragraph as it is drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ParaView {
    /// Its bytes in the text, to hand it the focus when the focus is inside.
    span: Span,
    /// UTF-16 offset of the paragraph's first piece in the text.
    utf16: usize,
    /// UTF-16 offset of the paragraph's start (the same, but for an empty paragraph).
    start16: usize,
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
    entity: Option<EntityView>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct EntityView {
    /// The byte where the entity starts: its name in the DOM.
    start: usize,
    label: &'static str,
    /// The label's name in the interface's language, drawn after the mark.
    tag: &'static str,
    status: &'static str,
    /// Made by a person (`user`, `user:tag-all`), not proposed by the engine.
    user: bool,
    /// A proposal of the model the machine is unsure of ([`unsure`]): drawn dashed and lighter.
    unsure: bool,
    /// Proposed by the model because of what a person taught it (`model:taught`).
    taught: bool,
    /// Something sticks to its end: a letter (إسرائيلي in إسرائيلية), or a sign after a number
    /// or Latin word (50٪). Its name floats above it on focus or hover instead of standing
    /// inline, which would cut the word in two or, as a neutral for the bidi algorithm, move ٪
    /// to the other side of 50.
    inword: bool,
    title: String,
    source: String,
}

/// Every paragraph's view.
fn views(doc: &wasim_engine::Document, lang: Lang) -> Vec<Rc<ParaView>> {
    views_from(doc, lang, 0, 0)
}

/// The views of the paragraphs from the one starting at byte `at` (`units` in UTF-16) to the end.
fn views_from(doc: &wasim_engine::Document, lang: Lang, mut at: usize, mut units: usize) -> Vec<Rc<ParaView>> {
    // Where each paragraph starts in UTF-16, counted on from the one before (an empty paragraph
    // has no piece to say it).
    paragraphs_from(doc, &[], at)
        .iter()
        .map(|p| {
            units += doc.text[at..p.span.start].encode_utf16().count();
            at = p.span.start;
            Rc::new(para_view(doc, lang, p, units))
        })
        .collect()
}

/// The reader's paragraphs as last drawn, with the document they were drawn from.
struct Drawn {
    doc: Rc<wasim_engine::Document>,
    lang: Lang,
    paras: Rc<Vec<Rc<ParaView>>>,
}

/// The paragraphs of `doc`, drawing anew only those where an entity or a claim changed since
/// `before` (same language); the others are the same `Rc`s, which their components
/// compare by pointer. On a 50,000-word document (841 paragraphs, 13,700 entities) an edit
/// computed every paragraph again and compared each with its old self: most of its 60–80 ms.
///
/// After an edit of the text, the paragraphs wholly before the first byte it changed are kept
/// the same way, and those from there on drawn anew (typing at the end of a long document draws
/// its last paragraph).
fn redraw(before: Option<&Drawn>, doc: &Rc<wasim_engine::Document>, lang: Lang) -> Rc<Vec<Rc<ParaView>>> {
    let Some(b) = before.filter(|b| b.lang == lang) else {
        return Rc::new(views(doc, lang));
    };
    if Rc::ptr_eq(&b.doc, doc) {
        return b.paras.clone();
    }
    // The old paragraphs that end (with their line break) before the first byte that changed:
    // all of them when the text is the same.
    let keep = if b.doc.text == doc.text {
        b.paras.len()
    } else {
        let same = b.doc.text.bytes().zip(doc.text.bytes()).take_while(|(x, y)| x == y).count();
        b.paras.partition_point(|p| p.span.end < same)
    };
    if keep == 0 {
        return Rc::new(views(doc, lang));
    }
    let paras = &b.paras[..keep];
    let d = crate::delta::Delta::between(&b.doc, doc);
    let changed = d.gone.iter().chain(&d.new).map(|e| e.span);
    let changed = changed.chain(d.gone_claims.iter().chain(&d.new_claims).map(|c| c.content));
    let mut dirty = vec![false; paras.len()];
    for s in changed {
        let from = paras.partition_point(|p| p.span.end < s.start);
        for k in (from..paras.len()).take_while(|&k| paras[k].span.start <= s.end) {
            dirty[k] = true;
        }
    }
    // Past a quarter of the paragraphs, drawing all at once is cheaper.
    if dirty.iter().filter(|&&d| d).count() * 4 > paras.len() {
        return Rc::new(views(doc, lang));
    }
    let mut redrawn: Vec<Rc<ParaView>> = paras
        .iter()
        .zip(dirty)
        .map(|(p, dirty)| {
            if dirty {
                Rc::new(para_view(doc, lang, &paragraph(doc, p.span, p.start16), p.start16))
            } else {
                p.clone()
            }
        })
        .collect();
    if let Some(first) = b.paras.get(keep) {
        // The paragraphs from the edit on.
        redrawn.extend(views_from(doc, lang, first.span.start, first.start16));
    }
    Rc::new(redrawn)
}

/// One paragraph's view; `start16`: where it starts in UTF-16.
fn para_view(doc: &wasim_engine::Document, lang: Lang, p: &Paragraph, start16: usize) -> ParaView {
    let utf16 = p.runs.first().and_then(|r| r.pieces.first()).map_or(start16, |x| x.utf16);
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
                    entity: x.entity.and_then(|i| doc.entities.get(i)).map(|e| EntityView {
                        start: e.span.start,
                        label: e.label.as_str(),
                        tag: lang.label(e.label),
                        status: e.status.as_str(),
                        user: e.source.starts_with("user"),
                        unsure: unsure(e),
                        taught: e.source == "model:taught",
                        inword: glued(&doc.text, e.span),
                        title: format!(
                            "{} · {} · {:.0}% · {}",
                            lang.label(e.label),
                            lang.source(&e.source),
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
    ParaView { span: p.span, utf16, start16, runs }
}

/// Whether the text goes on right after `span` without a space in a way an inline label would
/// break (see `EntityView::inword`).
fn glued(text: &str, span: Span) -> bool {
    let next = text[span.end..].chars().next();
    let last = text[..span.end].chars().next_back();
    match (last, next) {
        (_, Some(n)) if n.is_alphanumeric() => true,
        (Some(l), Some(n)) => !n.is_whitespace() && (l.is_ascii_alphanumeric() || l.is_numeric()),
        _ => false,
    }
}

/// Paragraphs drawn at once when a long document is drawn from scratch (a paste, another
/// document) or all anew (a re-tag that changed most paragraphs): a screenful or two. The others
/// stay as they were drawn (the same text) or are plain text at first, and are drawn [`SLICE`]
/// paragraphs a task after, so that the first highlights show without waiting for the last and
/// no task holds the page long (the whole of a 50,000-word document took 360 ms).
const FIRST: usize = 40;
const SLICE: usize = 80;

#[component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    let drawn = use_mut_ref(|| None::<Drawn>);
    // How many paragraphs, from the first, are drawn anew; past them, the paragraphs as drawn
    // before when the text is the same (a re-tag, another language), else their plain text.
    let upto = use_mut_ref(|| usize::MAX);
    let stale = use_mut_ref(|| None::<Rc<Vec<Rc<ParaView>>>>);
    let paras = use_memo((props.doc.clone(), props.lang), |(d, lang)| {
        let before = drawn.borrow_mut().take();
        let paras = redraw(before.as_ref(), &d.0, *lang);
        let kept = before.as_ref().is_some_and(|b| paras.iter().zip(b.paras.iter()).any(|(x, y)| Rc::ptr_eq(x, y)));
        if !kept {
            *upto.borrow_mut() = if paras.len() > FIRST { FIRST } else { usize::MAX };
            *stale.borrow_mut() =
                before.filter(|b| b.doc.text == d.0.text && b.paras.len() == paras.len()).map(|b| b.paras);
        }
        *drawn.borrow_mut() = Some(Drawn { doc: d.0.clone(), lang: *lang, paras: paras.clone() });
        paras
    });
    let drawing = *upto.borrow() < paras.len();
    {
        // The next slice, in a task of its own (a newer drawing's replaces a pending one).
        let (upto, stale, update) = (upto.clone(), stale.clone(), use_force_update());
        let next = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
        let len = paras.len();
        use_effect(move || {
            *next.borrow_mut() = drawing.then(|| {
                gloo::timers::callback::Timeout::new(0, move || {
                    let mut u = upto.borrow_mut();
                    *u = if *u + SLICE >= len { usize::MAX } else { *u + SLICE };
                    if *u == usize::MAX {
                        *stale.borrow_mut() = None;
                    }
                    drop(u);
                    update.force_update();
                })
            });
        });
    }
    let upto = *upto.borrow();
    let stale = stale.borrow();
    // Where the focus is, as bytes: the entity's start, the claim content's start.
    let doc = &props.doc;
    let (entity, claim) = match props.focus {
        Some(Focus::Entity(i)) => (doc.entities.get(i).map(|e| e.span.start), None),
        Some(Focus::Claim(i)) => (None, doc.claims.get(i).map(|c| c.content.start)),
        _ => (None, None),
    };
    let inside = |p: &ParaView, at: Option<usize>| at.filter(|&b| p.span.start <= b && b <= p.span.end);
    // A mouse button is down: a focus or click inside a drag is not a choice of highlight.
    // Where the mouse went down: a press and release in the same place is a click, even inside
    // a selection (which the browser clears only after the release).
    let down = use_mut_ref(|| None::<(i32, i32)>);
    let onmousedown = {
        let down = down.clone();
        let onpress = props.onpress.clone();
        Callback::from(move |e: MouseEvent| {
            *down.borrow_mut() = Some((e.client_x(), e.client_y()));
            onpress.emit(true);
        })
    };
    // The release, wherever it happens (a drag may end outside the text): on the document,
    // which hears it after the reader has read the selection.
    use_effect_with(props.onpress.clone(), |onpress| {
        let onpress = onpress.clone();
        let doc = web_sys::window().and_then(|w| w.document());
        let listener = doc.map(|d| gloo::events::EventListener::new(&d, "mouseup", move |_| onpress.emit(false)));
        move || drop(listener)
    });
    let onmouseup = {
        let onselect = props.onselect.clone();
        let onfocusentity = props.onfocusentity.clone();
        let onclear = props.onclear.clone();
        Callback::from(move |e: MouseEvent| {
            let pressed = down.borrow_mut().take();
            let click = pressed.is_some_and(|(x, y)| (e.client_x() - x).abs() + (e.client_y() - y).abs() <= 3);
            // A drag selects text, wherever it started or ended; a click chooses a highlight.
            match (click, selection_utf16()) {
                (false, Some(range)) => onselect.emit(range),
                _ => match entity_at(e.target()) {
                    Some(start) => onfocusentity.emit(start),
                    None if click => onclear.emit(()),
                    None => {}
                },
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
        <div class="reader" dir="rtl" lang="ar" tabindex="0" role="group" aria-label={props.lang.t().text}
            aria-busy={drawing.then_some("true")}
            aria-activedescendant={entity.map(|e| format!("e-{e}"))} {onmousedown} {onmouseup} {onkeyup}>
            { for paras.iter().enumerate().map(|(n, p)| {
                // A paragraph past the slices is drawn now if it holds the focus.
                let (focus, claim) = (inside(p, entity), inside(p, claim));
                let later = n >= upto && focus.is_none() && claim.is_none();
                let old = stale.as_ref().and_then(|s| s.get(n)).filter(|_| later);
                html! {
                    <Para key={n} para={old.unwrap_or(p).clone()} {focus} {claim} plain={later && old.is_none()} />
                }
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
    /// Its text alone, its highlights not drawn yet (see [`FIRST`]).
    plain: bool,
}

#[component(Para)]
fn para(props: &ParaProps) -> Html {
    let p = &props.para;
    if p.runs.is_empty() {
        return html! { <p class="empty" data-s={p.utf16.to_string()}><br /></p> };
    }
    if props.plain {
        let text: String = p.runs.iter().flat_map(|r| &r.pieces).map(|x| x.text.as_str()).collect();
        return html! { <p data-s={p.utf16.to_string()}>{ text }</p> };
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
    let inner = html! { { p.text.clone() } };
    let Some(e) = &p.entity else { return inner };
    let class = classes!(
        format!("st-{}", e.status),
        e.user.then_some("by-user"),
        e.unsure.then_some("unsure"),
        e.taught.then_some("taught"),
        e.inword.then_some("inword"),
        (props.focus == Some(e.start)).then_some("focused")
    );
    html! {
        <mark {class} id={format!("e-{}", e.start)} data-label={e.label} data-tag={e.tag} data-e={e.start.to_string()} data-source={e.source.clone()}
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

/// The DOM range of the UTF-16 offsets `start..end` of the text in the reader, if it is drawn:
/// the paragraph by its `data-s`, then its text nodes (the label names drawn by CSS are no text
/// nodes, so they do not count).
pub fn dom_range(start: usize, end: usize) -> Option<web_sys::Range> {
    let doc = web_sys::window()?.document()?;
    let paras = doc.query_selector_all(".reader p[data-s]").ok()?;
    let starts: Vec<(usize, web_sys::Element)> = (0..paras.length())
        .filter_map(|i| paras.item(i)?.dyn_into::<web_sys::Element>().ok())
        .filter_map(|p| Some((p.get_attribute("data-s")?.parse().ok()?, p)))
        .collect();
    let point = |at: usize| -> Option<(web_sys::Node, u32)> {
        let k = starts.partition_point(|(s, _)| *s <= at).checked_sub(1)?;
        let (base, p) = &starts[k];
        let walker = doc.create_tree_walker_with_what_to_show(p, 4 /* SHOW_TEXT */).ok()?;
        let mut left = at - base;
        let mut last = None;
        while let Ok(Some(n)) = walker.next_node() {
            let len = n.text_content().map_or(0, |t| t.encode_utf16().count());
            if left <= len {
                return Some((n, left as u32));
            }
            left -= len;
            last = Some((n, len as u32));
        }
        last
    };
    let (a, ao) = point(start)?;
    let (b, bo) = point(end)?;
    let range = doc.create_range().ok()?;
    range.set_start(&a, ao).ok()?;
    range.set_end(&b, bo).ok()?;
    Some(range)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasim_engine::edit;

    #[test]
    fn a_redraw_after_an_edit_is_a_full_drawing_keeping_the_untouched_paragraphs() {
        // The development set's text (one sentence or more a line) with an empty line in it.
        let dev = include_str!("../../crates/engine/tests/data/dev.txt");
        let text = wasim_engine::markup::parse(dev).expect("parses").text.replacen('\n', "\n\n", 3);
        let mut doc = wasim_engine::annotate(&text);
        let first = Rc::new(doc.clone());
        let drawn = Drawn { doc: first.clone(), lang: Lang::Ar, paras: Rc::new(views(&first, Lang::Ar)) };
        // Edits in three paragraphs: a deletion, an acceptance, a claim across a line break.
        edit::delete(&mut doc, 0);
        let k = doc.entities.len() / 2;
        edit::accept(&mut doc, k);
        let nl = text.rfind('\n').unwrap();
        let before = text[..nl].char_indices().rev().nth(3).unwrap().0;
        edit::add_claim(&mut doc, Span::new(before, nl + 3));
        let edited = Rc::new(doc);
        let redrawn = redraw(Some(&drawn), &edited, Lang::Ar);
        assert_eq!(*redrawn, views(&edited, Lang::Ar), "the same as drawing all");
        let kept = redrawn.iter().zip(drawn.paras.iter()).filter(|(a, b)| Rc::ptr_eq(a, b)).count();
        assert!(kept >= redrawn.len() - 4, "{kept} of {} paragraphs kept", redrawn.len());
        // Another language draws all anew.
        let english = redraw(Some(&drawn), &edited, Lang::En);
        assert_eq!(*english, views(&edited, Lang::En));
        assert!(english.iter().zip(drawn.paras.iter()).all(|(a, b)| !Rc::ptr_eq(a, b)));
        // An empty paragraph says where it starts.
        let empty = redrawn.iter().find(|p| p.runs.is_empty()).expect("an empty line");
        assert_eq!(empty.utf16, text[..empty.span.start].encode_utf16().count());
    }

    // The fixture is the committed development set: it parses, and it has many lines in both
    // halves (the `expect`s below fail only if that file is broken, which other tests catch too).
    #[test]
    fn a_redraw_after_typing_keeps_the_paragraphs_before_the_edit() {
        let dev = include_str!("../../crates/engine/tests/data/dev.txt");
        let text = wasim_engine::markup::parse(dev).expect("parses").text.replacen('\n', "\n\n", 3);
        let first = Rc::new(wasim_engine::annotate(&text));
        let drawn = Drawn { doc: first.clone(), lang: Lang::Ar, paras: Rc::new(views(&first, Lang::Ar)) };
        // The last line break before `at`.
        let line_break_before = |at: usize| text.match_indices('\n').map(|(i, _)| i).take_while(|&i| i < at).last();
        let middle = line_break_before(text.len() / 2).expect("a line break in the first half");
        let quarter = line_break_before(middle / 2).expect("a line break in the first quarter") + 1;
        // Each edit, and whether the paragraphs of the first quarter stay as they were drawn
        // (taking text away may change entities before it: a name's later mentions, the model's
        // second pass).
        let edits = [
            (format!("{text} وصل الوفد إلى بيروت."), "typed at the end", true),
            (format!("{text}\nوصل الوفد إلى بيروت."), "a new paragraph at the end", true),
            (
                format!("{}، وقال الوزير إن الوضع مستقر{}", &text[..middle], &text[middle..]),
                "typed in the middle",
                true,
            ),
            (format!("{} {}", &text[..middle], &text[middle + 1..]), "two paragraphs joined", false),
            (format!("{}\n{}", &text[..middle], &text[middle..]), "an empty paragraph", false),
            (text[..middle].to_string(), "the second half deleted", false),
            (format!("بيروت{text}"), "typed at the start", false),
        ];
        for (new_text, what, keeps) in edits {
            let edited = Rc::new(wasim_engine::annotate(&new_text));
            let redrawn = redraw(Some(&drawn), &edited, Lang::Ar);
            assert_eq!(*redrawn, views(&edited, Lang::Ar), "{what}: the same as drawing all");
            let before = drawn.paras.iter().filter(|p| p.span.end < quarter).count();
            let kept = redrawn.iter().zip(drawn.paras.iter()).filter(|(a, b)| Rc::ptr_eq(a, b)).count();
            assert!(!keeps || kept >= before, "{what}: {kept} paragraphs kept, {before} before the edit");
        }
        let edited = Rc::new(wasim_engine::annotate(&format!("{text} وصل الوفد.")));
        let redrawn = redraw(Some(&drawn), &edited, Lang::Ar);
        let kept = redrawn.iter().zip(drawn.paras.iter()).filter(|(a, b)| Rc::ptr_eq(a, b)).count();
        assert_eq!(kept, redrawn.len() - 1, "typing at the end draws the last paragraph alone");
    }
}
