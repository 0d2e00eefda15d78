//! Entities grouped by normalized form (تل أبيب ×6); choosing a group moves to its next member.

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

#[component(Groups)]
pub fn groups_panel(props: &GroupsProps) -> Html {
    let t = props.lang.t();
    let gs = use_memo(props.doc.clone(), |d| groups(d));
    let current = match props.focus {
        Some(Focus::Entity(i)) => Some(i),
        _ => None,
    };
    html! {
        <section class="panel groups" aria-label={t.entities}>
            <h2>{ t.entities }<span class="count">{ props.doc.entities.len() }</span></h2>
            <ul>
                { for gs.iter().map(|g| {
                    // The member after the focused one, or the first.
                    let next = current.and_then(|c| g.members.iter().position(|&m| m == c)).map_or(g.members[0], |k| g.members[(k + 1) % g.members.len()]);
                    let onfocus = props.onfocus.clone();
                    let active = current.is_some_and(|c| g.members.contains(&c));
                    html! {
                        <li class={classes!(active.then_some("active"))}>
                            <button class="group" data-group={g.key.clone()} onclick={move |_| onfocus.emit(Some(Focus::Entity(next)))}>
                                <span class="chip" data-chip={g.label.as_str()}>{ &g.text }</span>
                                <span class="count">{ format!("×{}", g.members.len()) }</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
