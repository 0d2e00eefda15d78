//! Entities grouped by normalized form (تل أبيب ×6); choosing a group moves to its next member.
//! The most frequent groups are drawn first; the rest on request (a long document has
//! thousands).

use super::DocRef;
use crate::i18n::Lang;
use crate::state::Focus;
use wasim_engine::view::groups;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GroupsProps {
    pub doc: DocRef,
    pub lang: Lang,
    pub focus: Option<Focus>,
    pub onfocus: Callback<Option<Focus>>,
}

/// Groups drawn before "more".
const FIRST: usize = 60;

#[component(Groups)]
pub fn groups_panel(props: &GroupsProps) -> Html {
    let t = props.lang.t();
    let lang = props.lang;
    let gs = use_memo(props.doc.clone(), |d| groups(d));
    let all = use_state(|| false);
    let more = {
        let all = all.clone();
        move |_| all.set(true)
    };
    let shown = if *all { gs.len() } else { gs.len().min(FIRST) };
    let current = match props.focus {
        Some(Focus::Entity(i)) => Some(i),
        _ => None,
    };
    html! {
        <section class="panel groups" aria-label={t.entities}>
            <h2>{ t.entities }<span class="count">{ props.doc.entities.len() }</span></h2>
            <ul>
                { for gs.iter().take(shown).map(|g| {
                    // The member after the focused one, or the first.
                    let next = current.and_then(|c| g.members.iter().position(|&m| m == c)).map_or(g.members[0], |k| g.members[(k + 1) % g.members.len()]);
                    let onfocus = props.onfocus.clone();
                    let active = current.is_some_and(|c| g.members.contains(&c));
                    html! {
                        <li class={classes!(active.then_some("active"))}>
                            <button class="group" data-group={g.key.clone()} title={lang.label(g.label)} onclick={move |_| onfocus.emit(Some(Focus::Entity(next)))}>
                                <span class="chip" data-chip={g.label.as_str()}>{ &g.text }</span>
                                <span class="count">{ format!("×{}", g.members.len()) }</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
            if shown < gs.len() {
                <button class="mini more-groups" onclick={more}>{ format!("+{}", gs.len() - shown) }</button>
            }
        </section>
    }
}
