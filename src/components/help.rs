//! The shortcuts overlay (?).

use crate::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HelpProps {
    pub lang: Lang,
    pub onclose: Callback<()>,
}

#[component(Help)]
pub fn help(props: &HelpProps) -> Html {
    let t = props.lang.t();
    let close = {
        let cb = props.onclose.clone();
        move |_| cb.emit(())
    };
    html! {
        <div class="overlay" role="dialog" aria-modal="true" aria-label={t.help}>
            <div class="dialog">
                <h2>{ t.help }</h2>
                <table>
                    { for t.shortcuts.iter().map(|(k, what)| html! { <tr><td><kbd>{ *k }</kbd></td><td>{ *what }</td></tr> }) }
                </table>
                <button class="close" onclick={close}>{ t.close }</button>
            </div>
        </div>
    }
}
