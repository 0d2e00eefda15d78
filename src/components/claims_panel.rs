//! The claims panel: claims grouped by who made them (the person or organization the speaker
//! names, else the speaker's words; claims without a speaker last, as "speaker unknown"), each
//! as speaker — cue — content with its flags. Choosing a claim marks its speaker, cue and
//! content in the text; with it chosen, quoted and negated can be switched, it can be accepted,
//! and its parts can be set from a selection. A group opens when one of its claims is chosen;
//! closed groups draw nothing but their heading (a long document has hundreds of claims).

use super::DocRef;
use crate::i18n::Lang;
use crate::state::{Focus, Op};
use std::collections::HashSet;
use std::rc::Rc;
use wasim_engine::edit::{Flag, Part};
use wasim_engine::view::{claims_by_speaker, SpeakerGroup};
use wasim_engine::{Span, Status};
use yew::prelude::*;

/// Groups open at first when there are more claims than this.
const OPEN_AT_ONCE: usize = 40;

#[derive(Properties, PartialEq)]
pub struct ClaimsPanelProps {
    pub doc: DocRef,
    pub lang: Lang,
    #[prop_or_default]
    pub focus: Option<Focus>,
    /// The claim whose parts the buttons set.
    #[prop_or_default]
    pub active: Option<usize>,
    #[prop_or_default]
    pub onop: Callback<Op>,
    #[prop_or_default]
    pub onfocus: Callback<Option<Focus>>,
}

#[component(ClaimsPanel)]
pub fn claims_panel(props: &ClaimsPanelProps) -> Html {
    let t = props.lang.t();
    let lang = props.lang;
    let doc = &props.doc;
    let groups: Rc<Vec<SpeakerGroup>> = use_memo(props.doc.clone(), |d| claims_by_speaker(d));
    // Groups the user opened or closed, by position; the rest follow the default.
    let toggled = use_state(HashSet::<usize>::new);
    let selected = match &props.focus {
        Some(Focus::Selection(s)) => Some(s.span),
        _ => None,
    };
    let chosen = match props.focus {
        Some(Focus::Claim(i)) => Some(i),
        _ => props.active,
    };
    let few = doc.claims.len() <= OPEN_AT_ONCE;
    html! {
        <section class="panel claims" aria-label={t.claims}>
            <h2>{ t.claims }<span class="count">{ doc.claims.len() }</span></h2>
            if doc.claims.is_empty() {
                <p class="empty">{ t.no_claims }</p>
            }
            { for groups.iter().enumerate().map(|(g, group)| {
                let holds_chosen = chosen.is_some_and(|c| group.claims.contains(&c));
                let open = (few || holds_chosen) != toggled.contains(&g);
                let toggle = {
                    let toggled = toggled.clone();
                    move |_| {
                        let mut t = (*toggled).clone();
                        if !t.remove(&g) {
                            t.insert(g);
                        }
                        toggled.set(t);
                    }
                };
                let name = if group.key.is_some() { group.name.clone() } else { t.speaker_unknown.to_string() };
                html! {
                    <div class={classes!("speaker-group", group.key.is_none().then_some("unknown"))} data-speaker={group.key.clone().unwrap_or_default()}>
                        <button class="speaker-head" aria-expanded={open.to_string()} onclick={toggle}>
                            <span class="speaker-name">{ name }</span>
                            <span class="count">{ lang.count(group.claims.len(), &t.claim_n) }</span>
                        </button>
                        if open {
                            <ol>
                                { for group.claims.iter().map(|&i| item(props, i, chosen == Some(i), selected)) }
                            </ol>
                        }
                    </div>
                }
            }) }
        </section>
    }
}

fn item(props: &ClaimsPanelProps, i: usize, focused: bool, selected: Option<Span>) -> Html {
    let t = props.lang.t();
    let doc = &props.doc;
    let Some(c) = doc.claims.get(i) else { return html! {} };
    let onclick = {
        let f = props.onfocus.clone();
        move |_| f.emit(Some(Focus::Claim(i)))
    };
    let op = |o: Op| {
        let onop = props.onop.clone();
        move |_| onop.emit(o.clone())
    };
    let set = |p: Part, label: &'static str| {
        let onop = props.onop.clone();
        html! { <button class="mini" disabled={selected.is_none()} onclick={move |_| if let Some(span) = selected { onop.emit(Op::ClaimPart { i, part: p, span }) }}>{ label }</button> }
    };
    let flag = |f: Flag, on: bool, label: &'static str, class: &'static str| {
        html! { <button class={classes!("mini", "flag-toggle", class)} aria-pressed={on.to_string()} onclick={op(Op::ClaimFlag { i, flag: f })}>{ label }</button> }
    };
    let speaker = match c.speaker {
        Some(s) => html! { <span class="speaker" title={t.speaker}>{ s.of(&doc.text) }</span> },
        None => html! { <span class="speaker unknown" title={t.speaker}>{ t.speaker_unknown }</span> },
    };
    html! {
        <li data-claim-item={format!("C{}", i + 1)} data-status={c.status.as_str()}
            class={classes!(c.quoted.then_some("quoted"), c.negated.then_some("negated"), focused.then_some("focused"))}>
            <button class="claim-summary" dir="rtl" {onclick}>
                { speaker }
                if let Some(cue) = c.cue {
                    <span class="cue" title={t.cue}>{ cue.of(&doc.text) }</span>
                }
                <span class="content" title={t.content}>{ c.content.of(&doc.text) }</span>
            </button>
            <span class="flags">
                if c.quoted { <span class="flag">{ t.quoted }</span> }
                if c.negated { <span class="flag neg">{ t.negated }</span> }
                if c.status != Status::Auto { <span class="flag reviewed">{ "✓" }</span> }
            </span>
            if focused {
                <div class="claim-tools">
                    { flag(Flag::Quoted, c.quoted, t.quoted, "quoted-toggle") }
                    { flag(Flag::Negated, c.negated, t.negated, "negated-toggle") }
                    <button class="mini accept-claim" disabled={c.status != Status::Auto} onclick={op(Op::AcceptClaim(i))}><kbd>{ "Enter" }</kbd>{ t.accept }</button>
                    { set(Part::Speaker, t.set_speaker) }{ set(Part::Cue, t.set_cue) }{ set(Part::Content, t.set_content) }
                    <button class="mini delete" onclick={op(Op::DeleteClaim(i))}>{ t.delete }</button>
                </div>
            }
        </li>
    }
}
