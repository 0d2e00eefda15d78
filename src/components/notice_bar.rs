//! The bar above the work area that tells what happened: a deleted document, a bulk action, an
//! imported or reset model, a re-tag of every document (each with undo), storage failures (with
//! export), refused files and texts, a stored taught file this model cannot use (with export).

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
    /// Export a taught file this model cannot use (kept aside).
    #[prop_or_default]
    pub onexportunusable: Callback<()>,
}

#[component(NoticeBar)]
pub fn notice_bar(props: &NoticeBarProps) -> Html {
    let Some(notice) = &props.notice else { return html! {} };
    let t = props.lang.t();
    let emit = |cb: &Callback<()>| {
        let cb = cb.clone();
        move |_: MouseEvent| cb.emit(())
    };
    let undo_button = |class: &'static str| html! { <button class={classes!("mini", class)} onclick={emit(&props.onundo)}>{ t.undo }</button> };
    let undo = undo_button("undo-delete");
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
        Notice::TaughtImported(n) => {
            ((t.taught_imported)(props.lang.count(*n as usize, &t.correction_n)), undo_button("undo-model"))
        }
        Notice::TaughtRefused(r) => (format!("{}: {}.", t.taught_refused, props.lang.refusal(r)), html! {}),
        Notice::TaughtUnusable(r) => (
            format!("{} ({}).", t.taught_unusable, props.lang.refusal(r)),
            html! { <button class="mini export-unusable" onclick={emit(&props.onexportunusable)}>{ t.export_taught }</button> },
        ),
        Notice::ModelReset => (t.model_reset.to_string(), undo_button("undo-model")),
        Notice::RetagAll(n) => ((t.retagging)(props.lang.count(*n, &t.document_n)), undo_button("undo-retag")),
    };
    html! {
        <div class="notice" role="alert">
            <span>{ text }</span>{ extra }
            <button class="mini" aria-label={t.close} onclick={emit(&props.onclose)}>{ "×" }</button>
        </div>
    }
}
