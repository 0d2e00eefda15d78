//! The bar above the work area that tells what happened: a deleted document or a bulk action
//! (with undo), storage failures (with export), refused files and texts.

use crate::hooks::MAX_TEXT_BYTES;
use crate::i18n::Lang;
use crate::state::Notice;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticeBarProps {
    pub notice: Option<Notice>,
    pub lang: Lang,
    pub onclose: Callback<()>,
    pub onundo: Callback<()>,
    /// Export every document as Wasim JSON (offered when saving failed).
    pub onexportall: Callback<()>,
}

#[component(NoticeBar)]
pub fn notice_bar(props: &NoticeBarProps) -> Html {
    let Some(notice) = &props.notice else { return html! {} };
    let t = props.lang.t();
    let emit = |cb: &Callback<()>| {
        let cb = cb.clone();
        move |_: MouseEvent| cb.emit(())
    };
    let undo = html! { <button class="mini undo-delete" onclick={emit(&props.onundo)}>{ t.undo }</button> };
    let (text, extra) = match notice {
        Notice::DocDeleted => (t.doc_deleted.to_string(), undo),
        Notice::SaveFailed(e) => (
            format!("{} ({e})", t.save_failed),
            html! { <button class="mini" onclick={emit(&props.onexportall)}>{ t.export_all }</button> },
        ),
        Notice::SetAside => (t.stored_set_aside.to_string(), html! {}),
        Notice::ImportFailed(e) => (format!("{}: {e}", t.import_failed), html! {}),
        Notice::TooLarge => ((t.too_large)(MAX_TEXT_BYTES / 1_000_000), html! {}),
        Notice::OtherTab => (t.other_tab.to_string(), html! {}),
        Notice::DifferentText(name) => (format!("{}: {name}: {}", t.import_failed, t.different_text), html! {}),
        Notice::Bulk { accepted, label, n } => {
            let say = if *accepted { t.accepted_all } else { t.rejected_all };
            let undo = html! { <button class="mini undo-bulk" onclick={emit(&props.onundo)}>{ t.undo }</button> };
            (say(props.lang.label(*label), props.lang.count(*n, &t.proposal_n)), undo)
        }
    };
    html! {
        <div class="notice" role="alert">
            <span>{ text }</span>{ extra }
            <button class="mini" aria-label={t.close} onclick={emit(&props.onclose)}>{ "×" }</button>
        </div>
    }
}
